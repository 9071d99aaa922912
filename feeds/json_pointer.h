/* json_pointer: RFC 6901 JSON Pointers over cJSON trees ("/items/0/value",
 * "" the whole document, ~0 for ~ and ~1 for / in a token). A pointer is
 * compiled once (from the configuration) and evaluated many times (per item
 * of every answer), so evaluation allocates nothing.
 *
 * An array index is "0" or a digit string without leading zeros; "-" (the
 * element after the last) never resolves. Evaluation is O(tokens) object
 * lookups (cJSON's are linear in the object's members) plus the array
 * walks. Ownership: a compiled pointer owns its tokens. */
#ifndef CITYDASH_JSON_POINTER_H
#define CITYDASH_JSON_POINTER_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct json_pointer json_pointer_t;

/* True if s is a syntactically valid pointer; else *why (may be NULL)
 * gets a static reason, marked but untranslated (the caller shows _(why)). */
bool json_pointer_valid(const char *s, const char **why);
/* NULL if s is not valid. */
json_pointer_t *json_pointer_compile(const char *s);
void json_pointer_free(json_pointer_t *p);
/* The text it was compiled from. */
const char *json_pointer_text(const json_pointer_t *p);
/* The value p points at in root, or NULL if there is none. */
const cJSON *json_pointer_get(const json_pointer_t *p, const cJSON *root);

#endif
