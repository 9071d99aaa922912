/* fixture: test data files from tests/data, read whole. For unit tests only
 * (uses cmocka's assertions). */
#ifndef CITYDASH_TEST_FIXTURE_H
#define CITYDASH_TEST_FIXTURE_H

#include <stddef.h>

/* Reads tests/data/NAME (under 1 MiB) into a new NUL-terminated buffer that
 * the caller frees; *len receives its length. Fails the test if it cannot. */
char *read_fixture(const char *name, size_t *len);

#endif
