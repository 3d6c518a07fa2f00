/*
 * perf_view.h: the force performance report shared by the dashboard and
 * the pack, so they always agree:
 *   - against the Plan: each priority of the current Plan with the measures
 *     that evidence its objectives, their latest month and 12 months, the
 *     target in force and a RAG rating; then the force's other measures;
 *   - how the force compares, laid out like the "Force Performance" pages
 *     of the office's briefing pack (seed 001): each crime priority's last
 *     month, last 12 months, change on last year, national and peer-group
 *     rank, with charts; then the Home Office recorded crime figures;
 *   - the sources.
 */
#ifndef ASSURE_PERF_VIEW_H
#define ASSURE_PERF_VIEW_H

#include <sqlite3.h>

#include "measures.h"
#include "util.h"

typedef struct PerfView {
    sqlite3 *db;     /* for the Plan */
    const MeasureSet *ms;
    int fi;          /* the force's index in ms->forces */
    int end;         /* the month reported on, YYYYMM */
    bool links;      /* link to the measure pages (web), or not (pack) */
    Arena *arena;    /* for URL arguments */
} PerfView;

/* The month to report on for force fi when none is asked for: the latest
 * month of the force's own recorded crime, else of police.uk data, else the
 * end of the latest Home Office quarter; 0 when the store has none. */
int perf_default_end(const MeasureSet *ms, int fi);

/* Writes the report body (HTML, escaped) into out. */
void perf_render(Buf *out, const PerfView *v);

/* Writes the measures named by keys (those held; others are skipped) as
 * a table like "Against the Plan": the month, the 12 months, RAG, target
 * and change on last year, captioned `caption`. Returns the rows written
 * (no table at all when 0). For the Plan page's objectives. */
int perf_measure_table(Buf *out, const PerfView *v, const char *caption, const char *const *keys, int nkeys);

/* Writes "x of N" for a rank, or an em dash when there is none. */
void perf_rank(Buf *out, int rank, int of);

/* Writes a signed change "+1,338 (+4.3%)" with a class saying whether it
 * is better or worse for the public (percentages change in points). */
void perf_change(Buf *out, const MeasureValue *v);

/* Writes a RAG tag ("On target", "Near target", "Off target") or nothing. */
void perf_rag(Buf *out, const MeasureValue *v);

/* Writes the value in the measure's unit ("53.3%", "00:11:18", "62,679"). */
void perf_value(Buf *out, const MeasureValue *v);

/* Writes the line chart of def for area over up to `span` months ending at
 * month: the monthly values, the rolling 12 months (when the measure has
 * them) and the target line in force at the end. */
void perf_chart(Buf *out, const MeasureSet *ms, int def, int area, int month, int span, int width, int height);

#endif
