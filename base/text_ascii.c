/* text_ascii: sanitized text as plain printable ASCII (see text_ascii.h). */
#include "text_ascii.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"
#include "strbuf.h"
#include "xalloc.h"

typedef struct spelling {
	int cp;
	const char *ascii;
} spelling_t;

/* Sorted by code point (looked up by bisection). What NFKC already turns
 * into ASCII (², …, ™, fullwidth forms) is not here. */
static const spelling_t spellings[] = {
    {0x00a1, "!"},         {0x00a3, "GBP"},     {0x00a9, "(c)"},     {0x00ab, "<<"},
    {0x00ad, ""}, /* soft hyphen: invisible */
    {0x00ae, "(R)"},       {0x00b0, "deg"},     {0x00b1, "+/-"},     {0x00b7, "."},
    {0x00bb, ">>"},        {0x00c6, "AE"},      {0x00d0, "D"},       {0x00d7, "x"},
    {0x00d8, "O"},         {0x00de, "Th"},      {0x00df, "ss"},      {0x00e6, "ae"},
    {0x00f0, "d"},         {0x00f7, "/"},       {0x00f8, "o"},       {0x00fe, "th"},
    {0x0110, "D"},         {0x0111, "d"},       {0x0126, "H"},       {0x0127, "h"},
    {0x0131, "i"},         {0x0141, "L"},       {0x0142, "l"},       {0x0152, "OE"},
    {0x0153, "oe"},        {0x0391, "Alpha"},   {0x0392, "Beta"},    {0x0393, "Gamma"},
    {0x0394, "Delta"},     {0x0395, "Epsilon"}, {0x0396, "Zeta"},    {0x0397, "Eta"},
    {0x0398, "Theta"},     {0x0399, "Iota"},    {0x039a, "Kappa"},   {0x039b, "Lambda"},
    {0x039c, "Mu"},        {0x039d, "Nu"},      {0x039e, "Xi"},      {0x039f, "Omicron"},
    {0x03a0, "Pi"},        {0x03a1, "Rho"},     {0x03a3, "Sigma"},   {0x03a4, "Tau"},
    {0x03a5, "Upsilon"},   {0x03a6, "Phi"},     {0x03a7, "Chi"},     {0x03a8, "Psi"},
    {0x03a9, "Ohm"}, /* as a unit; the ohm sign U+2126 is this letter after NFKC */
    {0x03b1, "alpha"},     {0x03b2, "beta"},    {0x03b3, "gamma"},   {0x03b4, "delta"},
    {0x03b5, "e"}, /* strain: με is microstrain, "ue" */
    {0x03b6, "zeta"},      {0x03b7, "eta"},     {0x03b8, "theta"},   {0x03b9, "iota"},
    {0x03ba, "kappa"},     {0x03bb, "lambda"},  {0x03bc, "u"}, /* micro, as in uS/cm; the micro sign
                                                                  U+00B5 is this after NFKC */
    {0x03bd, "nu"},        {0x03be, "xi"},      {0x03bf, "omicron"}, {0x03c0, "pi"},
    {0x03c1, "rho"},       {0x03c2, "sigma"},   {0x03c3, "sigma"},   {0x03c4, "tau"},
    {0x03c5, "upsilon"},   {0x03c6, "phi"},     {0x03c7, "chi"},     {0x03c8, "psi"},
    {0x03c9, "omega"},     {0x2010, "-"},       {0x2012, "-"},       {0x2013, "-"},
    {0x2014, "-"},         {0x2015, "-"},       {0x2018, "'"},       {0x2019, "'"},
    {0x201a, "'"},         {0x201b, "'"},       {0x201c, "\""},      {0x201d, "\""},
    {0x201e, "\""},        {0x201f, "\""},      {0x2022, "*"},       {0x2030, "permille"},
    {0x2031, "permyriad"}, {0x2032, "'"},       {0x2039, "<"},       {0x203a, ">"},
    {0x2044, "/"},         {0x20ac, "EUR"},     {0x2190, "<-"},      {0x2191, "^"},
    {0x2192, "->"},        {0x2193, "v"},       {0x2194, "<->"},     {0x2212, "-"},
    {0x2215, "/"},         {0x2217, "*"},       {0x221a, "sqrt"},    {0x221e, "inf"},
    {0x2248, "~="},        {0x2260, "!="},      {0x2264, "<="},      {0x2265, ">="},
};

static int spelling_cmp(const void *key, const void *elem)
{
	int cp = *(const int *)key, other = ((const spelling_t *)elem)->cp;
	return (cp > other) - (cp < other);
}

static void out_put_cp(strbuf_t *o, int cp)
{
	if (cp >= 0x20 && cp < 0x7f) {
		char c = (char)cp;
		strbuf_put(o, &c, 1);
		return;
	}
	if (cp < 0x20 || cp == 0x7f)
		return;                       /* sanitized text has none */
	if (cp >= 0x1f1e6 && cp <= 0x1f1ff) { /* regional indicator A..Z */
		char c = (char)('A' + (cp - 0x1f1e6));
		strbuf_put(o, &c, 1);
		return;
	}
	const spelling_t *sp = bsearch(&cp, spellings, sizeof spellings / sizeof spellings[0],
	                               sizeof spellings[0], spelling_cmp);
	if (sp) {
		strbuf_put(o, sp->ascii, strlen(sp->ascii));
		return;
	}
	char code[16];
	int n = snprintf(code, sizeof code, "U+%04X", (unsigned)cp);
	strbuf_put(o, code, (size_t)n);
}

bool text_is_ascii(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

char *text_ascii(const char *s)
{
	if (text_is_ascii(s))
		return xstrdup(s ? s : "");
	/* NFKC without marks; if utf8proc cannot (out of memory), the text as it is. */
	utf8proc_uint8_t *norm = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &norm,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                                      UTF8PROC_COMPAT | UTF8PROC_STRIPMARK);
	strbuf_t o = {0};
	strbuf_put(&o, "", 0);
	text_iter_t it = {.s = n >= 0 && norm ? (const char *)norm : s};
	text_cell_t c;
	while (text_iter_next(&it, &c) > 0)
		if (c.n > 0)
			out_put_cp(&o, c.cp[0]); /* marks left after NFKC are not spelled */
	free(norm);
	return o.data;
}
