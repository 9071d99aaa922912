/* What an item costs its source against max_bytes (store.h, "Memory"). The
 * charge is an upper bound of what holding the item takes: its slot twice
 * (slot arrays grow by doubling), three slots of the lookup index (which
 * doubles at 70% load) and every string (and a reading's history ring) as
 * glibc's malloc rounds it. */
#include "store_private.h"

#include <string.h>

size_t store_cost_string(size_t len)
{
	/* A chunk holds the bytes, the terminator and an 8-byte header, rounded
	 * up to 16; the smallest chunk is 32 bytes. */
	size_t chunk = (len + 1 + 8 + 15) & ~(size_t)15;
	return chunk < 32 ? 32 : chunk;
}

static size_t str_cost(const char *s)
{
	return store_cost_string(s ? strlen(s) : 0);
}

static size_t item_cost(size_t item_size)
{
	return 2 * item_size + 3 * keyindex_slot_bytes();
}

size_t store_cost_history(void)
{
	return store_cost_string(HISTORY_RING_BLOCK_BYTES - 1); /* malloc rounds it as a string's */
}

/* The same strings reading_apply will store, and the history ring it will
 * have: the one it has, or one its first value allocates. */
size_t store_cost_reading_in(const reading_in_t *in, const reading_t *held)
{
	bool ring = (held && held->history.block) || store_history_will_record(in);
	return item_cost(sizeof(reading_t)) + str_cost(in->id) +
	       str_cost(in->name ? in->name : in->id) + str_cost(in->domain) +
	       str_cost(in->district) + str_cost(in->street) + str_cost(in->unit) +
	       (ring ? store_cost_history() : 0);
}

size_t store_cost_kpi(const kpi_t *k)
{
	size_t c = item_cost(sizeof *k) + str_cost(k->id) + str_cost(k->name) +
	           str_cost(k->category) + str_cost(k->unit) + str_cost(k->period) +
	           str_cost(k->index) + str_cost(k->district) + str_cost(k->street);
	for (size_t i = 0; i < k->index_count; i++)
		c += str_cost(k->indices[i].index);
	return c;
}

size_t store_cost_kpi_in(const kpi_in_t *in)
{
	kpi_membership_in_t m[STORE_KPI_INDICES];
	size_t n = store_kpi_memberships(in, m);
	size_t c = item_cost(sizeof(kpi_t)) + str_cost(in->id) +
	           str_cost(in->name ? in->name : in->id) + str_cost(in->category) +
	           str_cost(in->unit) + str_cost(in->period) + str_cost(in->index) +
	           str_cost(in->district) + str_cost(in->street);
	for (size_t i = 0; i < n; i++)
		c += str_cost(m[i].index);
	return c;
}

size_t store_cost_event(const event_t *e)
{
	size_t c = item_cost(sizeof *e) + str_cost(e->id) + str_cost(e->type) + str_cost(e->title) +
	           str_cost(e->district) + str_cost(e->street);
	for (size_t i = 0; i < e->department_count; i++)
		c += str_cost(e->departments[i].name);
	c += str_cost(e->type_name) + str_cost(e->category) + str_cost(e->subcategory);
	for (size_t i = 0; i < e->plan_count; i++)
		c += str_cost(e->plan[i].name) + str_cost(e->plan[i].department);
	return c;
}

size_t store_cost_event_in(const event_in_t *in)
{
	size_t c = item_cost(sizeof(event_t)) + str_cost(in->id) + str_cost(in->type) +
	           str_cost(in->title ? in->title : in->id) + str_cost(in->district) +
	           str_cost(in->street);
	size_t n = in->departments ? in->department_count : 0;
	for (size_t i = 0; i < n && i < STORE_DEPARTMENTS; i++)
		c += str_cost(in->departments[i].name);
	c += str_cost(in->type_name) + str_cost(in->category) + str_cost(in->subcategory);
	n = in->plan ? in->plan_count : 0;
	for (size_t i = 0; i < n && i < STORE_PLAN_STEPS; i++)
		c += str_cost(in->plan[i].name) + str_cost(in->plan[i].department);
	return c;
}
