#include "parse_worker.h"

#include <pthread.h>
#include <stdlib.h>

#include "xalloc.h"

/* The answers of an attempt waiting to be parsed, then the batch made
 * from them. */
typedef struct job {
	struct job *next;
	int tag;
	const adapter_t *adapter;
	const void *opts;        /* borrowed from the configuration */
	adapter_body_t *bodies;  /* owned, and so is each one's data */
	size_t n;
	int64_t now_ms;
	size_t max_bytes; /* the source's budget, read on the event loop's thread */
	ingest_batch_t *batch;
} job_t;

typedef struct queue {
	job_t *head, *tail;
} queue_t;

struct parse_worker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake; /* a job was queued, or stop */
	queue_t todo, done;  /* both FIFO, under lock */
	queue_t trash;       /* batches applied, to free here */
	bool stop;
	void (*notify)(void *ctx);
	void *ctx;
};

static void queue_push(queue_t *q, job_t *j)
{
	j->next = NULL;
	if (q->tail)
		q->tail->next = j;
	else
		q->head = j;
	q->tail = j;
}

static job_t *queue_pop(queue_t *q)
{
	job_t *j = q->head;
	if (j) {
		q->head = j->next;
		if (!q->head)
			q->tail = NULL;
	}
	return j;
}

/* The bodies' data were malloc'd by the poller and handed over: ours to free. */
static void free_bodies(job_t *j)
{
	for (size_t i = 0; i < j->n; i++)
		free((void *)j->bodies[i].data);
	free(j->bodies);
	j->bodies = NULL;
	j->n = 0;
}

static void job_free(job_t *j)
{
	free_bodies(j);
	ingest_batch_free(j->batch);
	free(j);
}

static void *worker_main(void *arg)
{
	parse_worker_t *w = arg;
	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->stop && !w->todo.head && !w->trash.head)
			pthread_cond_wait(&w->wake, &w->lock);
		if (w->stop)
			break;
		job_t *t = queue_pop(&w->trash);
		if (t) {
			pthread_mutex_unlock(&w->lock);
			job_free(t);
			pthread_mutex_lock(&w->lock);
			continue;
		}
		job_t *j = queue_pop(&w->todo);
		pthread_mutex_unlock(&w->lock);

		j->batch = ingest_batch_parse_bodies(j->adapter, j->opts, j->bodies, j->n, j->now_ms,
		                                     j->max_bytes);
		free_bodies(j); /* the batch holds copies: the bodies can go at once */

		pthread_mutex_lock(&w->lock);
		queue_push(&w->done, j);
		pthread_mutex_unlock(&w->lock);
		w->notify(w->ctx);
		pthread_mutex_lock(&w->lock);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

parse_worker_t *parse_worker_create(void (*notify)(void *ctx), void *ctx)
{
	parse_worker_t *w = xcalloc(1, sizeof *w);
	w->notify = notify;
	w->ctx = ctx;
	if (pthread_mutex_init(&w->lock, NULL) != 0) {
		free(w);
		return NULL;
	}
	if (pthread_cond_init(&w->wake, NULL) != 0) {
		pthread_mutex_destroy(&w->lock);
		free(w);
		return NULL;
	}
	if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
		pthread_cond_destroy(&w->wake);
		pthread_mutex_destroy(&w->lock);
		free(w);
		return NULL;
	}
	return w;
}

void parse_worker_destroy(parse_worker_t *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	for (job_t *j; (j = queue_pop(&w->todo));)
		job_free(j);
	for (job_t *j; (j = queue_pop(&w->done));)
		job_free(j);
	for (job_t *j; (j = queue_pop(&w->trash));)
		job_free(j);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	free(w);
}

void parse_worker_submit(parse_worker_t *w, int tag, const adapter_t *adapter, char *body,
                         size_t len, int64_t now_ms, size_t max_bytes)
{
	adapter_body_t *one = xmalloc(sizeof *one);
	*one = (adapter_body_t){body, len, 0};
	parse_worker_submit_bodies(w, tag, adapter, NULL, one, 1, now_ms, max_bytes);
}

void parse_worker_submit_bodies(parse_worker_t *w, int tag, const adapter_t *adapter,
                                const void *opts, adapter_body_t *bodies, size_t n,
                                int64_t now_ms, size_t max_bytes)
{
	job_t *j = xcalloc(1, sizeof *j);
	*j = (job_t){.tag = tag,
	             .adapter = adapter,
	             .opts = opts,
	             .bodies = bodies,
	             .n = n,
	             .now_ms = now_ms,
	             .max_bytes = max_bytes};
	pthread_mutex_lock(&w->lock);
	queue_push(&w->todo, j);
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
}

ingest_batch_t *parse_worker_take(parse_worker_t *w, int *tag)
{
	pthread_mutex_lock(&w->lock);
	job_t *j = queue_pop(&w->done);
	pthread_mutex_unlock(&w->lock);
	if (!j)
		return NULL;
	ingest_batch_t *b = j->batch;
	*tag = j->tag;
	j->batch = NULL;
	job_free(j);
	return b;
}

void parse_worker_dispose(parse_worker_t *w, ingest_batch_t *batch)
{
	if (!batch)
		return;
	job_t *j = xcalloc(1, sizeof *j);
	j->batch = batch;
	pthread_mutex_lock(&w->lock);
	queue_push(&w->trash, j);
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
}

bool parse_worker_ready(parse_worker_t *w)
{
	pthread_mutex_lock(&w->lock);
	bool ready = w->done.head != NULL;
	pthread_mutex_unlock(&w->lock);
	return ready;
}
