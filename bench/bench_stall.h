/* bench_stall: two misbehaving feed servers on 127.0.0.1 for bench_keys,
 * served by one thread of this process:
 *   hung  accepts every connection and never answers (nor closes)
 *   drip  accepts, then writes an HTTP answer one byte a second, forever
 *         (headers promising a large body, then the body, never complete)
 * Each holds up to BENCH_STALL_CONNS connections (older ones are closed
 * when more arrive). Benches only: not part of citydash. */
#ifndef CITYDASH_BENCH_STALL_H
#define CITYDASH_BENCH_STALL_H

#include <stdint.h>

#define BENCH_STALL_CONNS 32

typedef struct bench_stall bench_stall_t;

/* Starts both; NULL (said on stderr) if a socket or the thread fails. */
bench_stall_t *bench_stall_start(void);
uint16_t bench_stall_hung_port(const bench_stall_t *s);
uint16_t bench_stall_drip_port(const bench_stall_t *s);
/* Bytes dripped so far, over all connections: shows the drip is read. */
unsigned long bench_stall_dripped(bench_stall_t *s);
void bench_stall_stop(bench_stall_t *s);

#endif
