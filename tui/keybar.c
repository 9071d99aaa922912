/* PLACEHOLDER (issue 11): see keybar.h. */
#include "keybar.h"
