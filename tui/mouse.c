/* PLACEHOLDER (issue 11): see mouse.h. */
#include "mouse.h"
