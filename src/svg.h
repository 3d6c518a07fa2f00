/*
 * svg.h: charts as inline SVG.
 *
 * The pages and the published pack draw their charts with these builders:
 * a line chart (a measure over time, one or more series, an optional
 * target line) and a ranked bar chart (the "ski-slope" of 43 forces with
 * the office's force and its peers highlighted).
 *
 * Output is a complete <svg> element appended to a Buf, meant for
 * html_trusted(). Every piece of text (titles, labels, units) is
 * HTML-escaped here; numbers are printed by the builders themselves.
 * There are no scripts and no style attributes (the Content-Security-Policy
 * forbids inline styles): the look comes from the stylesheet's classes:
 * .chart on the root; <g class="grid"> and <g class="axis"> around plain
 * <line>s; .series (plus .series-2, ... or the caller's class) on paths,
 * with .marker (the last value) and .point (an isolated value) on circles;
 * .target and .target-label; .bar, .bar.self, .bar.peer; .label on text,
 * with .tick, .unit, .value, .self, .peer; .legend on the legend group.
 * A few presentation attributes (fill="none", stroke, font-size) are
 * fallbacks so a chart still reads when no CSS is applied; CSS overrides
 * them.
 *
 * Every chart has class="chart", a viewBox, width and height, role="img",
 * an aria-label and a <title> (the chart's title), and a <desc> naming the
 * latest values. A chart with no finite value says "No data".
 */
#ifndef ASSURE_SVG_H
#define ASSURE_SVG_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* One line of a line chart. */
typedef struct SvgSeries {
    const char *name;  /* for the legend and the description */
    const double *y;   /* n values; NAN (or any non-finite value) is a gap */
    int n;             /* values in y (the chart draws min(n, chart n)) */
    const char *cls;   /* extra CSS class, e.g. "series-2"; NULL picks
                        * "series-<k>" by position (none for the first) */
} SvgSeries;

/* A line chart: x is a sequence of evenly spaced periods. */
typedef struct SvgLineChart {
    const char *title;            /* for <title> and aria-label */
    const char *const *xlabels;   /* n labels, e.g. "Jan 2025"; only some are
                                   * drawn (thinned to fit, the last always);
                                   * NULL for none */
    int n;                        /* points per series */
    const SvgSeries *series;
    int nseries;
    double target;                /* a horizontal dashed line when has_target */
    bool has_target;
    const char *target_label;     /* NULL for "Target" */
    const char *yunit;            /* e.g. "crimes" or "%"; NULL for none */
    int width, height;            /* 0 for defaults 640x260 */
} SvgLineChart;

/* Appends the line chart c to out as one <svg> element. */
void svg_line_chart(Buf *out, const SvgLineChart *c);

/* One bar of a ranked bar chart. */
typedef struct SvgBar {
    const char *label;  /* e.g. the force's name */
    double value;       /* non-finite values draw no bar */
    int highlight;      /* 0 none, 1 self (class "bar self"), 2 peer ("bar peer") */
} SvgBar;

/* A ranked bar chart; the caller sorts the bars. */
typedef struct SvgBarChart {
    const char *title;       /* for <title> and aria-label */
    const SvgBar *bars;
    int n;
    const char *yunit;       /* e.g. "per 1,000 people"; NULL for none */
    int width, height;       /* 0 for defaults 640x320 */
    const char *self_label;  /* legend text for the self bar; NULL uses its label */
    const char *peer_label;  /* legend text for peers; NULL for "Peer group" */
    const char *other_label; /* legend text for the rest; NULL for "Other forces" */
} SvgBarChart;

/* Appends the bar chart c to out as one <svg> element: bars left to right
 * in the given order, labels under them (rotated and shortened when they do
 * not fit), the self bar's value printed above it, a legend when any bar is
 * highlighted, and a tooltip (<title>) on every bar. */
void svg_bar_chart(Buf *out, const SvgBarChart *c);

/* An axis scale: ticks lo, lo+step, ..., hi (n of them). */
typedef struct SvgTicks {
    double lo, hi, step;
    int n;
} SvgTicks;

/* Chooses "nice" ticks (steps of 1, 2 or 5 x 10^k) covering [lo, hi] with
 * about `target` intervals. A flat or inverted range is widened first, so
 * the result always has hi > lo and step > 0. */
SvgTicks svg_nice_ticks(double lo, double hi, int target);

/* Formats a tick value v with the decimals `step` needs and thousands
 * separators ("1,000", "0.25", "-2.5") into out. */
void svg_fmt_tick(char *out, size_t outlen, double v, double step);

/* Formats a data value for people: whole numbers and values of 1,000 or
 * more with thousands separators and no decimals ("62,679"), values from 10
 * with one decimal ("102.5"), smaller ones with two, trailing zeros dropped
 * ("12.5", "0.25", "3"); "n/a" for a non-finite value. */
void svg_fmt_value(char *out, size_t outlen, double v);

#endif
