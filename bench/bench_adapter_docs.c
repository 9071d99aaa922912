/* bench_adapter_docs: see bench_adapter_docs.h. */
#include "bench_adapter_docs.h"

#include "jbuf.h"

const char bench_opts_prometheus[] =
    "{\"queries\": [{\"query\": \"citydash_reading\", \"labels\": {\"id\": \"id\", \"name\": "
    "\"name\", \"domain\": \"domain\", \"district\": \"district\", \"street\": \"street\", "
    "\"unit\": \"unit\"}}], \"history_s\": 0}";

const char bench_opts_json_on_sensorthings[] =
    "{\"items\": \"/value\", \"id\": \"/@iot.id\", \"name\": \"/name\", \"value\": "
    "\"/Observations/0/result\", \"ts\": \"/Observations/0/phenomenonTime\", \"unit\": "
    "\"/unitOfMeasurement/symbol\", \"domain\": \"/Thing/properties/domain\", \"district\": "
    "\"/Thing/properties/district\", \"street\": \"/Thing/properties/street\", \"range_min\": "
    "\"/properties/range/0\", \"range_max\": \"/properties/range/1\", \"limits\": "
    "{\"lolo\": \"/properties/limits/lolo\", \"lo\": \"/properties/limits/lo\", \"hi\": "
    "\"/properties/limits/hi\", \"hihi\": \"/properties/limits/hihi\"}}";

char *bench_doc_prometheus(const city_t *city, int64_t tick, int64_t tick0_ms, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, city_reading_count(city) * 320 + 256);
	double at = (double)(tick0_ms + tick * 1000) / 1000.0;
	jbuf_puts(&b, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
	for (size_t i = 0; i < city_reading_count(city); i++) {
		const city_reading_t *r = city_reading(city, i);
		double v;
		if (!city_reading_value_at(city, i, tick, &v))
			continue; /* no sample: Prometheus has no series for it now */
		jbuf_puts(&b, "{\"metric\":{\"__name__\":\"citydash_reading\",");
		jbuf_field_str(&b, "id", r->id);
		jbuf_field_str(&b, "name", r->name);
		jbuf_field_str(&b, "domain", city_domain_name(r->domain));
		jbuf_field_str(&b, "district", r->district->name);
		jbuf_field_str(&b, "street", r->street->name);
		jbuf_field_str(&b, "unit", r->measure->unit);
		jbuf_field_str(&b, "instance", "127.0.0.1:8080");
		jbuf_field_str(&b, "job", "citydash-mock");
		jbuf_trim_comma(&b);
		jbuf_printf(&b, "},\"value\":[%.3f,\"%.*f\"]},", at, r->measure->decimals, v);
	}
	jbuf_trim_comma(&b);
	jbuf_puts(&b, "]}}");
	return jbuf_finish(&b, len);
}
