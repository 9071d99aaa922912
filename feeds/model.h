/* model: the vocabulary of the feed protocol (domains, qualities, limits,
 * event stages) as enums with their wire tokens. Pure, no allocation. */
#ifndef CITYDASH_MODEL_H
#define CITYDASH_MODEL_H

#include <stdbool.h>

typedef enum domain {
	DOMAIN_WATER,
	DOMAIN_POWER,
	DOMAIN_GAS,
	DOMAIN_TELECOM,
	DOMAIN_BRIDGE,
	DOMAIN_TUNNEL,
	DOMAIN_OTHER, /* any other token: kept as given in reading.domain_token */
	DOMAIN_COUNT
} domain_t;

/* The six known domains are DOMAIN_WATER .. DOMAIN_TUNNEL. */
#define DOMAIN_KNOWN_COUNT DOMAIN_OTHER

domain_t domain_from_token(const char *token); /* NULL or unknown: OTHER */
const char *domain_token(domain_t d);          /* "water", ..., "other" */
/* Display title, untranslated (wrap in _() where shown): "Water", "Bridges"... */
const char *domain_title(domain_t d);
/* The known domain a source's name names, by token or title, in any case
 * ("water", "Bridges"); -1 if it names none (a "city" feed). */
int domain_named(const char *name);

typedef enum quality { QUALITY_GOOD, QUALITY_UNCERTAIN, QUALITY_BAD } quality_t;
/* Returns false for an unknown token (the caller decides what to do). */
bool quality_from_token(const char *token, quality_t *out);
const char *quality_token(quality_t q);

enum limit_bit { LIMIT_LOLO = 1u << 0, LIMIT_LO = 1u << 1, LIMIT_HI = 1u << 2, LIMIT_HIHI = 1u << 3 };

typedef struct limits {
	unsigned mask; /* which of the four are set (enum limit_bit) */
	double lolo, lo, hi, hihi;
} limits_t;

/* True if the set limits respect lolo <= lo <= hi <= hihi. */
bool limits_ordered(const limits_t *l);

typedef enum severity { SEVERITY_INFO, SEVERITY_MINOR, SEVERITY_MAJOR, SEVERITY_CRITICAL } severity_t;
bool severity_from_token(const char *token, severity_t *out);
const char *severity_token(severity_t s);

typedef enum tier { TIER_CITY, TIER_DISTRICT, TIER_STREET } tier_t;
bool tier_from_token(const char *token, tier_t *out);
const char *tier_token(tier_t t);

typedef enum stage { STAGE_SENSED, STAGE_HANDLING, STAGE_EVALUATING, STAGE_REVIEWING, STAGE_CLOSED } stage_t;
bool stage_from_token(const char *token, stage_t *out);
const char *stage_token(stage_t s);

typedef enum dept_state { DEPT_PENDING, DEPT_ACTIVE, DEPT_DONE } dept_state_t;
bool dept_state_from_token(const char *token, dept_state_t *out);

#endif
