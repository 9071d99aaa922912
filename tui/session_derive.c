#include "session_derive.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct derive {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond; /* work to do, done, or stop */
	void (*notify)(void *ctx);
	void *ctx;
	/* The back pair, written only by the thread while busy. */
	alarm_engine_t *alarms;
	view_t view;
	gov_view_t gov;
	/* The job. */
	const store_t *store;
	scope_t scope;
	int64_t now_ms, clock_ms;
	bool busy, todo, done, stop; /* under lock */
};

static void *derive_main(void *arg)
{
	derive_t *d = arg;
	pthread_mutex_lock(&d->lock);
	for (;;) {
		while (!d->stop && !d->todo)
			pthread_cond_wait(&d->cond, &d->lock);
		if (d->stop)
			break;
		d->todo = false;
		pthread_mutex_unlock(&d->lock);

		alarm_engine_evaluate(d->alarms, d->store, d->now_ms);
		view_set_scope(&d->view, &d->scope);
		view_update(&d->view, d->store, d->alarms, d->now_ms);
		gov_view_update(&d->gov, d->store, &d->view, d->alarms, &d->scope, d->now_ms,
		                d->clock_ms);

		pthread_mutex_lock(&d->lock);
		d->done = true;
		pthread_cond_broadcast(&d->cond);
		pthread_mutex_unlock(&d->lock);
		d->notify(d->ctx);
		pthread_mutex_lock(&d->lock);
	}
	pthread_mutex_unlock(&d->lock);
	return NULL;
}

derive_t *derive_create(void (*notify)(void *ctx), void *ctx)
{
	derive_t *d = xcalloc(1, sizeof *d);
	d->notify = notify;
	d->ctx = ctx;
	d->alarms = alarm_engine_create();
	view_init(&d->view);
	gov_view_init(&d->gov);
	bool locked = pthread_mutex_init(&d->lock, NULL) == 0;
	bool cond = locked && pthread_cond_init(&d->cond, NULL) == 0;
	if (cond && pthread_create(&d->thread, NULL, derive_main, d) == 0)
		return d;
	if (cond)
		pthread_cond_destroy(&d->cond);
	if (locked)
		pthread_mutex_destroy(&d->lock);
	alarm_engine_destroy(d->alarms);
	view_free(&d->view);
	gov_view_free(&d->gov);
	free(d);
	return NULL;
}

void derive_destroy(derive_t *d)
{
	if (!d)
		return;
	pthread_mutex_lock(&d->lock);
	d->stop = true;
	pthread_cond_broadcast(&d->cond);
	pthread_mutex_unlock(&d->lock);
	pthread_join(d->thread, NULL);
	pthread_cond_destroy(&d->cond);
	pthread_mutex_destroy(&d->lock);
	alarm_engine_destroy(d->alarms);
	view_free(&d->view);
	gov_view_free(&d->gov);
	free(d);
}

/* The trend is a series over evaluations: the back gov view goes on from
 * where the front one is (gov_view_update restarts it on a scope change).
 * Its KPI board and tier rows keep the scope they were made for, their own
 * (kpi_scope, rows_scope): taking the front's scope leaves them to be made
 * again when it differs. */
static void carry_trend(gov_view_t *back, const gov_view_t *front)
{
	back->scope = front->scope;
	memcpy(back->trend, front->trend, sizeof back->trend);
	back->trend_head = front->trend_head;
	back->trend_len = front->trend_len;
	back->trend_last_ms = front->trend_last_ms;
}

void derive_start(derive_t *d, const store_t *st, const alarm_engine_t *front,
                  const gov_view_t *front_gov, const scope_t *scope, int64_t now_ms,
                  int64_t clock_ms)
{
	alarm_engine_copy(d->alarms, front); /* the thread is idle: not busy */
	if (front_gov)
		carry_trend(&d->gov, front_gov);
	pthread_mutex_lock(&d->lock);
	d->store = st;
	if (scope)
		d->scope = *scope;
	else
		scope_city(&d->scope);
	d->now_ms = now_ms;
	d->clock_ms = clock_ms;
	d->busy = d->todo = true;
	d->done = false;
	pthread_cond_broadcast(&d->cond);
	pthread_mutex_unlock(&d->lock);
}

bool derive_busy(const derive_t *d)
{
	return d->busy; /* written only by the caller's thread */
}

bool derive_ready(derive_t *d)
{
	pthread_mutex_lock(&d->lock);
	bool done = d->done;
	pthread_mutex_unlock(&d->lock);
	return done;
}

void derive_finish(derive_t *d, alarm_engine_t **alarms, view_t *view, gov_view_t *gov)
{
	pthread_mutex_lock(&d->lock);
	while (!d->done)
		pthread_cond_wait(&d->cond, &d->lock);
	d->busy = d->done = false;
	pthread_mutex_unlock(&d->lock);
	alarm_engine_t *a = *alarms;
	*alarms = d->alarms;
	d->alarms = a;
	view_t v = *view;
	*view = d->view;
	d->view = v;
	if (gov) {
		gov_view_t g = *gov;
		*gov = d->gov;
		d->gov = g;
	}
}
