/* protocol_delta: the document fields of report by exception
 * (docs/protocol.md, "Report by exception"): "delta", "cursor" and a
 * delta's "removed". Private to the v1 parser (protocol_fields.h).
 *
 * Choices: a "delta" that is neither true, false nor null rejects the whole
 * document (read one way or the other it would drop or keep items wrongly);
 * a malformed "cursor" is one skipped element and is ignored, so the next
 * request asks for the whole document; in "removed", a kind that is not an
 * array, or an id that is not a valid id, is one skipped element. */
#include "protocol_fields.h"

#include <string.h>

#include "i18n.h"
#include "xalloc.h"

char *proto_delta_check(const cJSON *doc)
{
	const cJSON *d = proto_field(doc, "delta");
	if (d && !cJSON_IsBool(d))
		return xstrdup(_("\"delta\" is neither true nor false"));
	return NULL;
}

static bool cursor_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > FEED_CURSOR_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		      (ch >= '0' && ch <= '9') || strchr("._:-", ch)))
			return false;
	}
	return true;
}

/* A whole-document field gone wrong: one skipped element, named. */
static void doc_skip(pctx_t *c, const char *why, const char *field)
{
	c->id = NULL;
	c->bad = false;
	c->index = NONE;
	c->what = N_("document");
	proto_elem_fail(c, why, field);
	c->stats->skipped++;
}

void proto_read_cursor(pctx_t *c, const cJSON *doc)
{
	c->stats->delta = cJSON_IsTrue(proto_field(doc, "delta"));
	const cJSON *cur = proto_field(doc, "cursor");
	if (!cur)
		return;
	if (cJSON_IsString(cur) && cur->valuestring && cursor_valid(cur->valuestring))
		memcpy(c->stats->cursor, cur->valuestring, strlen(cur->valuestring) + 1);
	else
		doc_skip(c, N_("is not a cursor (1-64 of A-Z a-z 0-9 . _ : -), ignored"), "cursor");
}

void proto_read_removed(pctx_t *c, const cJSON *doc)
{
	static const struct {
		const char *key;
		feed_item_t kind;
	} kinds[] = {
	    {"readings", FEED_ITEM_READING}, {"kpis", FEED_ITEM_KPI}, {"events", FEED_ITEM_EVENT}};
	const cJSON *rm = proto_field(doc, "removed");
	if (!c->stats->delta || !rm)
		return;
	if (!cJSON_IsObject(rm)) {
		doc_skip(c, N_("is not an object"), "removed");
		return;
	}
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		const cJSON *arr = proto_field(rm, kinds[k].key), *it;
		if (!arr)
			continue;
		if (!cJSON_IsArray(arr)) {
			doc_skip(c, N_("has a kind that is not an array"), "removed");
			continue;
		}
		cJSON_ArrayForEach(it, arr)
		{
			if (!cJSON_IsString(it) || !it->valuestring ||
			    !proto_id_valid(it->valuestring)) {
				doc_skip(c, N_("lists an id that is not one"), "removed");
				continue;
			}
			c->stats->removed++;
			if (c->sink && c->sink->removed)
				c->sink->removed(c->sink->ctx, kinds[k].kind, it->valuestring);
		}
	}
}
