/* bench_adapter_docs: the seeded mock city's readings at one tick as a
 * Prometheus instant-query answer (the vector of citydash_reading series the
 * mock's /metrics exposes, as a Prometheus scraping it answers the query
 * `citydash_reading`), and the settings the prometheus adapter and the json
 * adapter (on the mock's SensorThings page, mock/sta_json.h) read them
 * with. Benches only: not part of citydash. */
#ifndef CITYDASH_BENCH_ADAPTER_DOCS_H
#define CITYDASH_BENCH_ADAPTER_DOCS_H

#include <stddef.h>
#include <stdint.h>

#include "city.h"

/* The answer at `tick` (tick_ms 1000 from tick0_ms); the caller frees. */
char *bench_doc_prometheus(const city_t *city, int64_t tick, int64_t tick0_ms, size_t *len);

/* The source settings ("prometheus", "json" members) that read them. The
 * SensorThings adapter's defaults read the mock's page. */
extern const char bench_opts_prometheus[];
extern const char bench_opts_json_on_sensorthings[];

#endif
