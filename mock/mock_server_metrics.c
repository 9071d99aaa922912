/* mock_server_metrics: the server's side of GET /metrics — the request and
 * fault counters it keeps per route, and the answer that puts them after
 * the city's readings (the text itself is metrics.c's). See
 * mock_server_private.h. */
#include "mock_server_private.h"

#include <stdlib.h>
#include <string.h>

#include "metrics.h"
#include "xalloc.h"

static const unsigned count_codes[] = {COUNT_CODE_LIST};
_Static_assert(sizeof(count_codes) / sizeof(count_codes[0]) == COUNT_CODES,
               "COUNT_CODES is the length of COUNT_CODE_LIST");

void mock_count_answer(route_t *r, unsigned code)
{
	for (size_t c = 0; c < COUNT_CODES; c++) {
		if (count_codes[c] == code) {
			atomic_fetch_add_explicit(&r->counts[c], 1, memory_order_relaxed);
			return;
		}
	}
}

/* The counter families, as they stand now. */
static char *counters_text(mock_server_t *srv, size_t *len)
{
	size_t routes = srv->route_count + 1, n = routes * COUNT_CODES, k = 0;
	metrics_count_t *counts = xcalloc(n, sizeof(*counts));
	for (size_t i = 0; i < routes; i++) {
		for (size_t c = 0; c < COUNT_CODES; c++, k++) {
			counts[k].path = srv->routes[i].path;
			counts[k].code = count_codes[c];
			counts[k].count =
			    atomic_load_explicit(&srv->routes[i].counts[c], memory_order_relaxed);
		}
	}
	size_t req_len, faults_len = 0;
	char *req = metrics_requests(counts, n, &req_len);
	free(counts);
	char *faults = NULL;
	if (fault_any(&srv->fault)) { /* no family at all without --fault */
		size_t nf = routes * FAULT_KINDS;
		metrics_fault_count_t *fc = xcalloc(nf, sizeof(*fc));
		for (size_t i = 0, f = 0; i < routes; i++) {
			for (size_t kind = 0; kind < FAULT_KINDS; kind++, f++) {
				fc[f].path = srv->routes[i].path;
				fc[f].kind = fault_kind_name((fault_kind_t)kind);
				fc[f].count = atomic_load_explicit(&srv->routes[i].faults[kind],
				                                   memory_order_relaxed);
			}
		}
		faults = metrics_faults(fc, nf, &faults_len);
		free(fc);
	}
	*len = req_len + faults_len;
	char *all = xmalloc(*len + 1);
	memcpy(all, req, req_len);
	if (faults)
		memcpy(all + req_len, faults, faults_len);
	free(req);
	free(faults);
	return all;
}

/* The readings' part (values, then the limits and ranges built once) is built once per tick and kept in r->body (under
 * srv->lock); the counters, which move with every request, are appended to
 * a copy for each scrape. Neither gzip nor ETag: a scrape wants the counts
 * of now. */
enum MHD_Result mock_metrics_serve(mock_server_t *srv, route_t *r, struct MHD_Connection *conn)
{
	size_t counters_len;
	char *counters = counters_text(srv, &counters_len);
	int64_t tick = mock_server_tick(srv);
	pthread_mutex_lock(&srv->lock);
	if (!r->body || r->tick != tick) {
		free(r->body);
		if (!r->bounds)
			r->bounds = metrics_reading_bounds(srv->city, &r->bounds_len);
		size_t values_len;
		char *values = metrics_readings(srv->city, tick, &values_len);
		r->body = xmalloc(values_len + r->bounds_len + 1);
		memcpy(r->body, values, values_len);
		memcpy(r->body + values_len, r->bounds, r->bounds_len + 1);
		r->body_len = values_len + r->bounds_len;
		free(values);
		r->tick = tick;
	}
	size_t readings_len = r->body_len, len = readings_len + counters_len;
	char *body = xmalloc(len);
	memcpy(body, r->body, readings_len);
	pthread_mutex_unlock(&srv->lock);
	memcpy(body + readings_len, counters, counters_len);
	free(counters);
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, METRICS_CONTENT_TYPE);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ret;
}
