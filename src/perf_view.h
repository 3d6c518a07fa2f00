/*
 * perf_view.h: the force performance report, laid out like the "Force
 * Performance" pages of the office's briefing pack (seed 001): each
 * priority's last month, last 12 months, change on last year, national rank
 * and peer-group rank, with a monthly chart; then the Home Office recorded
 * crime figures and the sources. The dashboard page and the pack both
 * render it, so they always agree.
 */
#ifndef ASSURE_PERF_VIEW_H
#define ASSURE_PERF_VIEW_H

#include "measures.h"
#include "util.h"

typedef struct PerfView {
    const MeasureSet *ms;
    int fi;          /* the force's index in ms->forces */
    int end;         /* the month reported on, YYYYMM */
    bool links;      /* link to the measure pages (web), or not (pack) */
    Arena *arena;    /* for URL arguments */
} PerfView;

/* The month to report on for force fi when none is asked for: the latest
 * month with police.uk data, else the end of the latest Home Office quarter;
 * 0 when the store has neither. */
int perf_default_end(const MeasureSet *ms, int fi);

/* Writes the report body (HTML, escaped) into out. */
void perf_render(Buf *out, const PerfView *v);

/* Writes "x of N" for a rank, or an em dash when there is none. */
void perf_rank(Buf *out, int rank, int of);

/* Writes a signed change "+1,338 (+4.3%)" with a class saying whether it
 * is better or worse for the public. */
void perf_change(Buf *out, const MeasureRow *r);

/* Writes the line chart of def's values for force fi over up to `span`
 * periods ending at period index pi. */
void perf_chart(Buf *out, const MeasureSet *ms, int def, int fi, int pi, int span, int width, int height);

#endif
