/* PLACEHOLDER (issue 11): see filter.h. */
#include "filter.h"
