/* PLACEHOLDER (issue 11): see kiosk.h. */
#include "kiosk.h"
