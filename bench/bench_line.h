/* bench_line: the one machine-readable line each bench prints per figure,
 * beside its own table, for scripts/bench to collect into one table:
 *
 *   BENCH<TAB>name<TAB>figure<TAB>unit<TAB>reference<TAB>ref figure<TAB>ratio<TAB>target
 *
 * name and reference are short labels (no tabs); the ratio is figure over
 * the reference's figure, both measured in the same run; target is "-" when
 * the project sets none, else an operator and a bound: ending in "x" it
 * bounds the ratio ("<=1.5x"), otherwise the figure in its unit ("<=48").
 * Benches only: not part of citydash. */
#ifndef CITYDASH_BENCH_LINE_H
#define CITYDASH_BENCH_LINE_H

#include <stdio.h>

static inline void bench_line(const char *name, double figure, const char *unit,
                              const char *reference, double ref_figure, const char *target)
{
	printf("BENCH\t%s\t%.4g\t%s\t%s\t%.4g\t%.3f\t%s\n", name, figure, unit, reference,
	       ref_figure, ref_figure > 0 ? figure / ref_figure : 0.0, target ? target : "-");
}

#endif
