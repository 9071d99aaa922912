#include "pages.h"

const page_class_t *page_get(page_id_t id)
{
	static const page_class_t *const pages[PAGE_COUNT] = {
	    [PAGE_OVERVIEW] = &page_overview,
	    [PAGE_DOMAIN] = &page_domain,
	    [PAGE_ALARMS] = &page_alarms,
	    [PAGE_SOURCES] = &page_sources,
	    [PAGE_HELP] = &page_help,
	};
	return pages[id];
}

bool page_is_overlay(page_id_t id)
{
	return id == PAGE_HELP || id == PAGE_SOURCES || id == PAGE_ALARMS;
}
