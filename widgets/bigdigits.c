/* PLACEHOLDER (issue 11): see bigdigits.h. */
#include "bigdigits.h"
