/* Unit tests for base/text: sanitizing, validity and column width. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

#define FFFD "\xef\xbf\xbd"

/* Sanitizes exactly n bytes copied to a heap buffer of that size, so the
 * sanitizers catch any read past len, into a heap buffer of exactly
 * TEXT_SANITIZED_MAX(n) bytes. The caller frees the result. */
static char *sanitize_n(const char *src, size_t n)
{
	char *in = malloc(n ? n : 1);
	char *out = malloc(TEXT_SANITIZED_MAX(n));
	assert_non_null(in);
	assert_non_null(out);
	memcpy(in, src, n);
	size_t len = text_sanitize_into(out, in, n);
	assert_int_equal(len, strlen(out));
	assert_true(len <= TEXT_SANITIZED_MAX(n) - 1);
	free(in);
	return out;
}

/* Literal input (its length without the terminator) must sanitize to want. */
#define CHECK(in, want)                                                                            \
	do {                                                                                       \
		char *got_ = sanitize_n((in), sizeof(in) - 1);                                     \
		assert_string_equal(got_, (want));                                                 \
		assert_true(text_is_clean(got_));                                                  \
		free(got_);                                                                        \
	} while (0)

static void test_ascii(void **state)
{
	CHECK("Hello, world", "Hello, world");
	CHECK("", "");
	assert_int_equal(text_width("Hello, world"), 12);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
}

static void test_wide_and_combining(void **state)
{
	CHECK("观音桥", "观音桥");
	assert_int_equal(text_width("观音桥"), 6);
	assert_int_equal(text_width("江北区 A"), 8);
	CHECK("e\xcc\x81", "e\xcc\x81");
	assert_int_equal(text_width("e\xcc\x81"), 1);
	assert_int_equal(text_width("\xf0\x9f\x98\x80"), 2); /* U+1F600 */
	assert_int_equal(text_width("a\xe2\x80\x8b"
	                            "b"),
	                 2);                         /* zero width space */
	assert_int_equal(text_width("\xc2\xb7"), 1); /* ambiguous width: one */

	int cp = -1, cols = -1;
	assert_int_equal(text_next("观x", &cp, &cols), 3);
	assert_int_equal(cp, 0x89c2);
	assert_int_equal(cols, 2);
	assert_int_equal(text_next("\xcc\x81", &cp, &cols), 2);
	assert_int_equal(cp, 0x301);
	assert_int_equal(cols, 0);
	assert_int_equal(text_next("", &cp, &cols), 0);
}

static void test_invalid_utf8(void **state)
{
	CHECK("a\x80"
	      "b",
	      "a" FFFD "b");                            /* lone continuation */
	CHECK("a\xe8\xa7", "a" FFFD);                   /* truncated at the end */
	CHECK("\xe8\xa7z", FFFD "z");                   /* truncated before ASCII */
	CHECK("\xc0\xaf", FFFD FFFD);                   /* overlong '/' */
	CHECK("\xe0\x80\xaf", FFFD FFFD FFFD);          /* overlong, three bytes */
	CHECK("\xed\xa0\x80", FFFD FFFD FFFD);          /* surrogate U+D800 */
	CHECK("\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD); /* U+110000 */
	CHECK("\xf5\xff", FFFD FFFD);
	CHECK("\xf0\x9f\x98", FFFD);                   /* truncated emoji */
	CHECK("\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf"); /* U+10FFFF is valid */
}

static void test_worst_case_size(void **state)
{
	/* Every byte invalid: the output is exactly three bytes per byte. */
	char in[64];
	memset(in, 0x80, sizeof(in));
	char *out = sanitize_n(in, sizeof(in));
	assert_int_equal(strlen(out), TEXT_SANITIZED_MAX(sizeof(in)) - 1);
	free(out);
}

static void test_escape_sequences(void **state)
{
	CHECK("\x1b[1;31mALARM\x1b[0m", "ALARM"); /* colour */
	CHECK("a\x1b[10;20Hb\x1b[5Ac", "abc");    /* cursor movement */
	CHECK("\x1b[?25lhidden", "hidden");       /* private parameters */
	CHECK("\x1b[2J\x1b[Hclear", "clear");     /* clear screen */
	CHECK("\x1b"
	      "cx",
	      "x"); /* full reset (two bytes) */
	CHECK("\x1b(Bx\x1b"
	      "7y",
	      "xy");                           /* charset, save cursor */
	CHECK("\x1b]0;pwned\x07ok", "ok");     /* OSC title, BEL */
	CHECK("\x1b]2;pwned\x1b\\ok", "ok");   /* OSC title, ST */
	CHECK("\x1b]2;pwned\xc2\x9cok", "ok"); /* OSC title, 8-bit ST */
	CHECK("\x1b]8;;http://x/\x1b\\link\x1b]8;;\x1b\\", "link");
	CHECK("\x1bPq#0;2;0\x1b\\z", "z");      /* DCS (sixel) */
	CHECK("\x1b_apc\x07still\x1b\\z", "z"); /* BEL does not end APC */
	CHECK("\x1b[31观", "观");               /* a byte outside CSI aborts it */
	CHECK("\x1b\x01x", "x");
}

static void test_c1_and_controls(void **state)
{
	CHECK("\xc2\x9b"
	      "2Jx",
	      "x"); /* 8-bit CSI */
	CHECK("\xc2\x9d"
	      "0;t\x07y",
	      "y"); /* 8-bit OSC */
	CHECK("a\xc2\x85"
	      "b",
	      "ab"); /* NEL */
	CHECK("\x9b"
	      "2J",
	      FFFD "2J"); /* a raw C1 byte is not UTF-8 */
	CHECK("a\x7f"
	      "b",
	      "ab");
	CHECK("a\0b", "ab");
	CHECK("a\tb\nc\rd\r\ne", "a b c d  e");
	CHECK("a\x07\x08\x0c\x1f"
	      "b",
	      "ab");
}

static void test_unterminated(void **state)
{
	CHECK("abc\x1b", "abc");
	CHECK("abc\x1b[12", "abc");
	CHECK("abc\x1b]0;title", "abc");
	CHECK("abc\x1b(", "abc");
	CHECK("abc\xc2\x9b"
	      "1",
	      "abc");
	CHECK("abc\x1b]0;t\x1b", "abc");
}

static void test_prefix_for_width(void **state)
{
	const char *s = "观音桥";
	int cols = -1;

	assert_int_equal(text_prefix_for_width(s, 6, &cols), 9);
	assert_int_equal(cols, 6);
	assert_int_equal(text_prefix_for_width(s, 100, &cols), 9);
	assert_int_equal(text_prefix_for_width(s, 5, &cols), 6);
	assert_int_equal(cols, 4);
	assert_int_equal(text_prefix_for_width(s, 1, &cols), 0);
	assert_int_equal(cols, 0);
	assert_int_equal(text_prefix_for_width(s, 0, NULL), 0);
	assert_int_equal(text_prefix_for_width(s, -3, &cols), 0);
	assert_int_equal(text_prefix_for_width("a观", 2, &cols), 1);
	assert_int_equal(cols, 1);
	assert_int_equal(text_prefix_for_width(NULL, 5, &cols), 0);
	assert_int_equal(cols, 0);
}

static void test_prefix_combining(void **state)
{
	const char *s = "e\xcc\x81\xcc\x82x"; /* e, two marks, x */
	int cols = -1;

	assert_int_equal(text_prefix_for_width(s, 1, &cols), 5);
	assert_int_equal(cols, 1);
	assert_int_equal(text_prefix_for_width(s, 2, &cols), 6);
	assert_int_equal(cols, 2);
	assert_int_equal(text_prefix_for_width(s, 0, &cols), 0);
	/* A mark after a wide base that does not fit stays out with it. */
	assert_int_equal(text_prefix_for_width("a观\xcc\x81", 2, &cols), 1);
}

static void test_is_clean(void **state)
{
	assert_true(text_is_clean("ok"));
	assert_true(text_is_clean(""));
	assert_true(text_is_clean("观音桥 e\xcc\x81 " FFFD));
	assert_false(text_is_clean("a\tb"));
	assert_false(text_is_clean("\x1b[0m"));
	assert_false(text_is_clean("a\x7f"));
	assert_false(text_is_clean("\xc2\x85"));
	assert_false(text_is_clean("\x80"));
	assert_false(text_is_clean("\xc0\xaf"));
	assert_false(text_is_clean("\xed\xa0\x80"));
	assert_false(text_is_clean("\xe8\xa7"));
}

/* Bidirectional controls could reorder a line on the terminal (a value read
 * as another): removed at ingest, and not clean. */
static void test_bidi_controls(void **state)
{
	CHECK("a\xe2\x80\xae"
	      "12\xe2\x80\xac"
	      "b",
	      "a12b");                                                         /* RLO ... PDF */
	CHECK("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xad", "");                     /* LRE RLE LRO */
	CHECK("x\xe2\x81\xa6y\xe2\x81\xa7z\xe2\x81\xa8w\xe2\x81\xa9", "xyzw"); /* LRI RLI FSI PDI */
	CHECK("1\xe2\x80\x8e"
	      "2\xe2\x80\x8f"
	      "3\xd8\x9c"
	      "4",
	      "1234"); /* LRM RLM ALM */
	CHECK("a\xe2\x81\xaa\xe2\x81\xaf"
	      "b",
	      "ab"); /* deprecated format controls U+206A, U+206F */
	/* Neighbours that are not controls stay: ZWJ, ZWNJ, U+2065 unassigned is not touched. */
	CHECK("\xe2\x80\x8c\xe2\x80\x8d", "\xe2\x80\x8c\xe2\x80\x8d");
	assert_false(text_is_clean("a\xe2\x80\xae"
	                           "b"));
	assert_false(text_is_clean("\xe2\x81\xa6"));
	assert_false(text_is_clean("\xd8\x9c"));
}

#define FAMILY                                                                                           \
	"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7" /* 👨‍👩‍👧 \
	                                                                            */
#define FLAG_DE    "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"                              /* 🇩🇪 */
#define THUMB_TONE "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"                              /* 👍🏽 */
#define HEART_VS16 "\xe2\x9d\xa4\xef\xb8\x8f"                                      /* ❤️ */

/* Widths by grapheme cluster, as drawn (see text.h for the rule). */
static void test_cluster_widths(void **state)
{
	assert_int_equal(text_width(FAMILY), 2); /* drawn as its first person */
	assert_int_equal(text_width(FAMILY "x"), 3);
	assert_int_equal(text_width(FLAG_DE), 2);    /* two indicators, one column each */
	assert_int_equal(text_width(THUMB_TONE), 2); /* the tone is not drawn */
	assert_int_equal(text_width(HEART_VS16), 1); /* nor VS16 */
	assert_int_equal(text_width("e\xcc\x81\xcc\x82"), 1);
	assert_int_equal(text_width("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8"),
	                 2);                                 /* jamo ᄀ ᅡ ᆨ: one syllable */
	assert_int_equal(text_width("\xcc\x81x"), 1);        /* a mark with no base is not drawn */
	assert_int_equal(text_width("\xf0\x9f\x8f\xbd"), 2); /* a lone tone is a character */

	/* What is drawn: the cells of a family and of a flag. */
	text_iter_t it = {.s = FAMILY FLAG_DE};
	text_cell_t c;
	assert_int_equal(text_iter_next(&it, &c), strlen(FAMILY));
	assert_int_equal(c.n, 1);
	assert_int_equal(c.cp[0], 0x1f468);
	assert_int_equal(c.cols, 2);
	assert_true(c.cluster_start);
	assert_int_equal(text_iter_next(&it, &c), 4);
	assert_int_equal(c.cp[0], 0x1f1e9);
	assert_true(c.cluster_start);
	assert_int_equal(text_iter_next(&it, &c), 4);
	assert_int_equal(c.cp[0], 0x1f1ea);
	assert_false(c.cluster_start); /* the flag's second half */
	assert_int_equal(text_iter_next(&it, &c), 0);

	/* Combining marks travel in their character's cell. */
	it = (text_iter_t){.s = "e\xcc\x81x"};
	assert_int_equal(text_iter_next(&it, &c), 3);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.cp[1], 0x301);
}

/* A cut never falls inside a cluster. */
static void test_prefix_clusters(void **state)
{
	int cols = -1;
	assert_int_equal(text_prefix_for_width(FLAG_DE "x", 1, &cols), 0);
	assert_int_equal(cols, 0);
	assert_int_equal(text_prefix_for_width(FLAG_DE "x", 2, &cols), 8);
	assert_int_equal(cols, 2);
	assert_int_equal(text_prefix_for_width(FAMILY "x", 2, &cols), strlen(FAMILY));
	assert_int_equal(cols, 2);
	assert_int_equal(text_prefix_for_width(FAMILY "x", 1, &cols), 0);
	assert_int_equal(text_prefix_for_width("a" THUMB_TONE "b", 3, &cols),
	                 1 + strlen(THUMB_TONE));
	assert_int_equal(cols, 3);
	assert_int_equal(text_prefix_for_width("a" HEART_VS16 "b", 2, &cols),
	                 1 + strlen(HEART_VS16));
	assert_int_equal(cols, 2);
}

/* xorshift64*: a fixed seed keeps the test deterministic. */
static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ull;
}

/* Random bytes, biased towards the ones that start or end sequences. */
static void random_bytes(uint64_t *rng, char *buf, size_t n)
{
	static const unsigned char special[] = {0x1b, '[',  ']',  'P',  '_',  '\\', 0x07, 0x00,
	                                        0x7f, 0xc2, 0x9b, 0x9c, 0x9d, 0x80, 0xbf, 0xe8,
	                                        0xed, 0xf0, 0xf4, 0xcc, '\t', '\n', ';',  'm'};
	for (size_t i = 0; i < n; i++) {
		uint64_t r = rng_next(rng);
		if (r % 3 == 0)
			buf[i] = (char)special[(r >> 8) % sizeof(special)];
		else
			buf[i] = (char)(r >> 16);
	}
}

static void test_property_random(void **state)
{
	uint64_t rng = 0x9e3779b97f4a7c15ull;
	char in[96];

	for (int iter = 0; iter < 20000; iter++) {
		size_t n = (size_t)(rng_next(&rng) % sizeof(in));
		random_bytes(&rng, in, n);
		char *out = sanitize_n(in, n);
		size_t len = strlen(out);
		assert_true(text_is_clean(out));
		assert_true(len <= TEXT_SANITIZED_MAX(n) - 1);

		char *again = text_sanitize(out, len);
		assert_string_equal(again, out);
		free(again);

		/* A prefix never splits a character and never exceeds maxcols. */
		int maxcols = (int)(rng_next(&rng) % 12), cols;
		size_t cut = text_prefix_for_width(out, maxcols, &cols);
		assert_true(cut <= len);
		assert_true(cols <= maxcols);
		char *prefix = text_sanitize(out, cut);
		assert_int_equal(strlen(prefix), cut);
		assert_memory_equal(prefix, out, cut);
		assert_int_equal(text_width(prefix), cols);
		free(prefix);
		assert_true(text_width(out) >= cols);
		free(out);
	}
}

/* Random strings of the pieces clusters are made of: a cut at any width is
 * a cluster boundary, so the widths of the two parts add up to the whole. */
static void test_property_clusters(void **state)
{
	static const char *const pieces[] = {"a",
	                                     "\xe6\xbc\xa2" /* 漢 */,
	                                     "\xcc\x81" /* mark */,
	                                     "\xe2\x80\x8d" /* ZWJ */,
	                                     "\xf0\x9f\x91\xa8" /* 👨 */,
	                                     "\xf0\x9f\x87\xa9" /* RI */,
	                                     "\xf0\x9f\x8f\xbd" /* tone */,
	                                     "\xef\xb8\x8f" /* VS16 */,
	                                     "\xe2\x9d\xa4" /* ❤ */,
	                                     "\xe1\x84\x80" /* jamo L */,
	                                     "\xe1\x85\xa1" /* jamo V */,
	                                     "\xe2\x80\x8b" /* ZWSP */,
	                                     "\xf3\xa0\x81\xa7" /* tag */,
	                                     "\xe0\xa4\x95\xe0\xa4\xbf" /* कि */};
	uint64_t rng = 0x243f6a8885a308d3ull;
	char buf[256];
	for (int iter = 0; iter < 20000; iter++) {
		size_t len = 0, n = rng_next(&rng) % 12;
		for (size_t i = 0; i < n; i++) {
			const char *p = pieces[rng_next(&rng) % (sizeof pieces / sizeof pieces[0])];
			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
		}
		buf[len] = '\0';
		assert_true(text_is_clean(buf));
		int maxcols = (int)(rng_next(&rng) % 10), cols;
		size_t cut = text_prefix_for_width(buf, maxcols, &cols);
		assert_true(cols <= maxcols);
		char *prefix = strndup(buf, cut);
		assert_non_null(prefix);
		assert_int_equal(text_width(prefix), cols);
		assert_int_equal(cols + text_width(buf + cut), text_width(buf));
		free(prefix);
	}
}

static void test_sanitize_alloc(void **state)
{
	char *s = text_sanitize("x\x1b[1mY", 6);
	assert_string_equal(s, "xY");
	free(s);
	s = text_sanitize(NULL, 0);
	assert_string_equal(s, "");
	free(s);
}

/* text_width takes a short cut for plain text; it must agree with the
 * cells text_iter_next gives, for plain text and for what leaves the cut. */
static void test_width_agrees_with_cells(void **state)
{
	(void)state;
	static const char *const texts[] = {
	    "",
	    "water.jiangbei.pump07.pressure",
	    "白鹤18号水厂出厂浊度",
	    "沙坪坝区\xc2\xb7城市更新项目开工率",           /* a middle dot */
	    "m\xc2\xb3/h \xc2\xb0\x43 \xce\xbc\xce\xb5",    /* ³ ° με */
	    "e\xcc\x81t\xc3\xa9",                           /* a combining acute, then é */
	    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x94\xa5", /* a ZWJ sequence */
	    "\xe1\x84\x80\xe1\x85\xa1",                     /* Hangul jamo */
	    "\xef\xbc\x81\xe3\x80\x82",                     /* fullwidth ! and 。 */
	    "bad \xff\xfe bytes",
	    "tab\tand\nnewline",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		text_iter_t it = {.s = texts[i]};
		text_cell_t c;
		int cells = 0;
		while (text_iter_next(&it, &c) > 0)
			cells += c.cols;
		assert_int_equal(text_width(texts[i]), cells);
	}
	assert_int_equal(text_width("白鹤18号"), 2 * 2 + 2 + 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ascii),
	    cmocka_unit_test(test_width_agrees_with_cells),
	    cmocka_unit_test(test_wide_and_combining),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_worst_case_size),
	    cmocka_unit_test(test_escape_sequences),
	    cmocka_unit_test(test_c1_and_controls),
	    cmocka_unit_test(test_unterminated),
	    cmocka_unit_test(test_prefix_for_width),
	    cmocka_unit_test(test_prefix_combining),
	    cmocka_unit_test(test_is_clean),
	    cmocka_unit_test(test_bidi_controls),
	    cmocka_unit_test(test_cluster_widths),
	    cmocka_unit_test(test_prefix_clusters),
	    cmocka_unit_test(test_property_random),
	    cmocka_unit_test(test_property_clusters),
	    cmocka_unit_test(test_sanitize_alloc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
