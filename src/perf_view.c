/*
 * perf_view.c: the force performance report shared by the dashboard and
 * the pack (see perf_view.h).
 */
#include "perf_view.h"
#include "html.h"
#include "svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The priority groups on the report, by subject key. The first ones get a
 * card with a chart, like the briefing pack's pages; all get a table row. */
static const char *const priorities[] = {
    "all-crime", "violence-sexual", "burglary", "possession-of-weapons", "robbery", "anti-social-behaviour",
    "vehicle-crime", "shoplifting", "criminal-damage-arson", "drugs", "public-order", "theft-from-the-person",
};
#define NCARDS 6

static const char *const month_names[] = {"January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"};

/* The definition index for (source, subject, window), or -1. */
static int def_for(const MeasureSet *ms, const char *src, const char *subject, const char *win)
{
    char key[96];
    snprintf(key, sizeof key, "%s.%s.%s", src, subject, win);
    return measures_find(ms, key);
}

int perf_default_end(const MeasureSet *ms, int fi)
{
    int d = def_for(ms, "puk", "all-crime", "month");
    int pi = d >= 0 ? measures_latest(ms, d, fi) : -1;
    MeasureRow r;
    if (pi >= 0 && measures_row(ms, d, fi, pi, &r)) return atoi(r.period_end) * 100 + atoi(r.period_end + 5);
    d = def_for(ms, "ho", "all-crime", "12m");
    pi = d >= 0 ? measures_latest(ms, d, fi) : -1;
    if (pi >= 0 && measures_row(ms, d, fi, pi, &r)) return atoi(r.period_end) * 100 + atoi(r.period_end + 5);
    return 0;
}

void perf_rank(Buf *out, int rank, int of)
{
    if (of) html_printf(out, "<span class=\"rank\">%d <span class=\"of\">of %d</span></span>", rank, of);
    else html_lit(out, "<span class=\"none\">&mdash;</span>");
}

void perf_change(Buf *out, const MeasureRow *r)
{
    if (!r || !r->has_yoy) {
        html_lit(out, "<span class=\"none\">&mdash;</span>");
        return;
    }
    char n[32];
    fmt_thousands(n, sizeof n, (long long)llround(r->yoy_change));
    bool worse = r->def->higher_is_better ? r->yoy_change < 0 : r->yoy_change > 0;
    const char *cls = r->yoy_change == 0 ? "same" : worse ? "worse" : "better";
    html_printf(out, "<span class=\"change %s\">%s%s", cls, r->yoy_change > 0 ? "+" : "", n);
    if (!isnan(r->yoy_pct)) html_printf(out, " (%+.1f%%)", r->yoy_pct);
    html_lit(out, "</span>");
}

void perf_chart(Buf *out, const MeasureSet *ms, int def, int fi, int pi, int span, int width, int height)
{
    int from = pi - span + 1;
    if (from < 0) from = 0;
    int n = pi - from + 1;
    if (n <= 0) return;
    double y[512];
    char labels[512][24];
    const char *lp[512];
    if (n > 512) n = 512, from = pi - 511;
    int P = measures_nperiods(ms, def);
    for (int i = 0; i < n; i++) {
        y[i] = ms->val[def][(size_t)fi * (size_t)P + (size_t)(from + i)];
        measures_period_short(ms, def, from + i, labels[i], sizeof labels[i]);
        lp[i] = labels[i];
    }
    const MeasureDef *d = &ms->defs[def];
    char title[200];
    snprintf(title, sizeof title, "%s, %s: %s from %s to %s", d->subject, ms->forces.f[fi].name,
             d->win == WIN_MONTH ? "crimes each month" : "rolling 12-month total", labels[0], labels[n - 1]);
    SvgSeries s = {ms->forces.f[fi].name, y, n, NULL};
    SvgLineChart c = {.title = title, .xlabels = lp, .n = n, .series = &s, .nseries = 1,
                      .yunit = strcmp(d->subject_key, "anti-social-behaviour") == 0 ? "incidents" : "crimes", .width = width, .height = height};
    Buf svg = {0};
    svg_line_chart(&svg, &c);
    html_trusted(out, &svg); /* trusted: built by svg.c, which escapes every label */
    buf_free(&svg);
}

/* The measure page link for a definition, force and month. */
static void measure_link_open(Buf *out, const PerfView *v, int def)
{
    if (!v->links || def < 0) return;
    char period[16];
    snprintf(period, sizeof period, "%04d-%02d", v->end / 100, v->end % 100);
    html_printf(out, "<a href=\"/measure?key=%s&amp;force=%s&amp;period=%s\">", url_arg(v->arena, v->ms->defs[def].key),
                url_arg(v->arena, v->ms->forces.f[v->fi].code), period);
}

static void measure_link_close(Buf *out, const PerfView *v, int def)
{
    if (v->links && def >= 0) html_lit(out, "</a>");
}

static void put_value(Buf *out, const MeasureRow *r, bool ok)
{
    if (!ok) {
        html_lit(out, "<span class=\"none\">&mdash;</span>");
        return;
    }
    char n[32];
    fmt_thousands(n, sizeof n, (long long)llround(r->value));
    html_printf(out, "%s", n);
}

/* One priority's figures: month and 12 months (police.uk). */
typedef struct PriorityFigures {
    int dm, d12;       /* definitions */
    int pm, p12;       /* period indexes */
    MeasureRow m, y;   /* month and 12 months */
    bool has_m, has_y;
} PriorityFigures;

static void figures(const PerfView *v, const char *subject, PriorityFigures *pf)
{
    memset(pf, 0, sizeof *pf);
    pf->dm = def_for(v->ms, "puk", subject, "month");
    pf->d12 = def_for(v->ms, "puk", subject, "12m");
    pf->pm = pf->dm >= 0 ? measures_period_for(v->ms, pf->dm, v->end) : -1;
    pf->p12 = pf->d12 >= 0 ? measures_period_for(v->ms, pf->d12, v->end) : -1;
    /* only the month asked for, not an earlier one */
    pf->has_m = pf->pm >= 0 && measures_row(v->ms, pf->dm, v->fi, pf->pm, &pf->m) && atoi(pf->m.period_end + 5) == v->end % 100;
    pf->has_y = pf->p12 >= 0 && measures_row(v->ms, pf->d12, v->fi, pf->p12, &pf->y) && atoi(pf->y.period_end + 5) == v->end % 100;
}

/* The figures ranks are shown for: the 12 months when they rank at least as
 * many forces as the month does (so a store holding 12 months for only a few
 * forces ranks by the month), else the month; NULL when neither has a value. */
static const MeasureRow *rank_basis(const PriorityFigures *pf)
{
    if (pf->has_y && (!pf->has_m || pf->y.nat_of >= pf->m.nat_of)) return &pf->y;
    return pf->has_m ? &pf->m : NULL;
}

/* Writes a rank, marked "(month)" when it is for the month alone. */
static void put_rank(Buf *out, const MeasureRow *rk, bool msg)
{
    perf_rank(out, rk ? (msg ? rk->msg_rank : rk->nat_rank) : 0, rk ? (msg ? rk->msg_of : rk->nat_of) : 0);
    if (rk && rk->def->win == WIN_MONTH && (msg ? rk->msg_of : rk->nat_of)) html_lit(out, " <span class=\"basis\">(month)</span>");
}

static void render_summary_table(Buf *out, const PerfView *v)
{
    html_printf(out, "<table class=\"table perf\"><caption>Recorded crime by priority: %s %d and the 12 months to it (police.uk)</caption>\n",
                month_names[v->end % 100 - 1], v->end / 100);
    html_printf(out, "<thead><tr><th scope=\"col\">Priority</th><th scope=\"col\" class=\"num\">%.3s %d</th>"
                     "<th scope=\"col\" class=\"num\">Last 12 months</th><th scope=\"col\" class=\"num\">Change on last year</th>"
                     "<th scope=\"col\" class=\"num\">Per 1,000 people</th><th scope=\"col\" class=\"num\">National rank</th>"
                     "<th scope=\"col\" class=\"num\">Peer group rank</th></tr></thead>\n<tbody>\n",
                month_names[v->end % 100 - 1], v->end / 100);
    for (size_t i = 0; i < ARRAY_LEN(priorities); i++) {
        PriorityFigures pf;
        figures(v, priorities[i], &pf);
        if (pf.dm < 0) continue;
        const MeasureRow *rk = rank_basis(&pf);
        html_lit(out, "<tr><th scope=\"row\">");
        measure_link_open(out, v, pf.has_y ? pf.d12 : pf.dm);
        html_printf(out, "%s", v->ms->defs[pf.dm].subject);
        measure_link_close(out, v, pf.has_y ? pf.d12 : pf.dm);
        html_lit(out, "</th><td class=\"num\">");
        put_value(out, &pf.m, pf.has_m);
        html_lit(out, "</td><td class=\"num\">");
        put_value(out, &pf.y, pf.has_y);
        html_lit(out, "</td><td class=\"num\">");
        perf_change(out, pf.has_y ? &pf.y : NULL);
        html_lit(out, "</td><td class=\"num\">");
        if (rk && rk->has_rate) html_printf(out, "%.2f", rk->rate);
        else html_lit(out, "&mdash;");
        html_lit(out, "</td><td class=\"num\">");
        put_rank(out, rk, false);
        html_lit(out, "</td><td class=\"num\">");
        put_rank(out, rk, true);
        html_lit(out, "</td></tr>\n");
    }
    html_lit(out, "</tbody></table>\n<p class=\"note\">Ranks are by rate per 1,000 people (ONS mid-2024 population), 1 = the lowest rate, "
                  "among the territorial forces of England and Wales with data; over the last 12 months, or for the month alone (marked) where fewer forces have 12 months of data.</p>\n");
}

static void render_card(Buf *out, const PerfView *v, const char *subject)
{
    PriorityFigures pf;
    figures(v, subject, &pf);
    if (pf.dm < 0) return;
    const MeasureRow *rk = rank_basis(&pf);
    html_lit(out, "<section class=\"card priority\">\n<h3>");
    measure_link_open(out, v, pf.has_y ? pf.d12 : pf.dm);
    html_printf(out, "%s", v->ms->defs[pf.dm].subject);
    measure_link_close(out, v, pf.has_y ? pf.d12 : pf.dm);
    html_lit(out, "</h3>\n<dl class=\"figures\">\n");
    html_printf(out, "<div><dt>%.3s %d</dt><dd>", month_names[v->end % 100 - 1], v->end / 100);
    put_value(out, &pf.m, pf.has_m);
    html_lit(out, "</dd></div>\n<div><dt>Last 12 months</dt><dd>");
    put_value(out, &pf.y, pf.has_y);
    html_lit(out, "</dd></div>\n<div><dt>Change on last year</dt><dd>");
    perf_change(out, pf.has_y ? &pf.y : NULL);
    html_lit(out, "</dd></div>\n<div><dt>National rank</dt><dd>");
    put_rank(out, rk, false);
    html_lit(out, "</dd></div>\n<div><dt>Peer group rank</dt><dd>");
    put_rank(out, rk, true);
    html_lit(out, "</dd></div>\n</dl>\n");
    if (pf.pm >= 0) perf_chart(out, v->ms, pf.dm, v->fi, pf.pm, 36, 560, 220);
    html_lit(out, "</section>\n");
}

static void render_home_office(Buf *out, const PerfView *v)
{
    const MeasureSet *ms = v->ms;
    int dall = def_for(ms, "ho", "all-crime", "12m");
    int pq = dall >= 0 ? measures_period_for(ms, dall, v->end) : -1;
    MeasureRow probe;
    if (pq < 0 || !measures_row(ms, dall, v->fi, pq, &probe)) {
        html_lit(out, "<p>No Home Office recorded crime figures are held for this force and period. Import them with "
                      "<code>assure import home-office-crime FILE</code>.</p>\n");
        return;
    }
    html_printf(out, "<table class=\"table perf\"><caption>Police recorded crime, %s (Home Office)</caption>\n", probe.period_label);
    html_lit(out, "<thead><tr><th scope=\"col\">Offences</th><th scope=\"col\" class=\"num\">12 months</th>"
                  "<th scope=\"col\" class=\"num\">Change on last year</th><th scope=\"col\" class=\"num\">Per 1,000 people</th>"
                  "<th scope=\"col\" class=\"num\">National rank</th><th scope=\"col\" class=\"num\">Peer group rank</th></tr></thead>\n<tbody>\n");
    for (int d = 0; d < ms->ndefs; d++) {
        if (ms->defs[d].src != SRC_HO) continue;
        MeasureRow r;
        if (!measures_row(ms, d, v->fi, pq, &r)) continue;
        html_lit(out, "<tr><th scope=\"row\">");
        measure_link_open(out, v, d);
        html_printf(out, "%s", ms->defs[d].subject);
        measure_link_close(out, v, d);
        html_lit(out, "</th><td class=\"num\">");
        put_value(out, &r, true);
        html_lit(out, "</td><td class=\"num\">");
        perf_change(out, &r);
        html_lit(out, "</td><td class=\"num\">");
        if (r.has_rate) html_printf(out, "%.2f", r.rate);
        else html_lit(out, "&mdash;");
        html_lit(out, "</td><td class=\"num\">");
        perf_rank(out, r.nat_rank, r.nat_of);
        html_lit(out, "</td><td class=\"num\">");
        perf_rank(out, r.msg_rank, r.msg_of);
        html_lit(out, "</td></tr>\n");
    }
    html_lit(out, "</tbody></table>\n");
}

static void render_peers(Buf *out, const PerfView *v)
{
    const MeasureSet *ms = v->ms;
    if (!ms->npeers[v->fi]) {
        html_lit(out, "<p>No peer group is set for this force, so no peer ranks are shown. Set one on the Forces page or with <code>assure peers</code>.</p>\n");
        return;
    }
    html_printf(out, "<p>Peer group (Most Similar Group) of %s: ", ms->forces.f[v->fi].name);
    for (int k = 0; k < ms->npeers[v->fi]; k++)
        html_printf(out, "%s%s", k ? ", " : "", ms->forces.f[ms->peers[v->fi][k]].name);
    html_printf(out, ". Peer ranks are out of these %d forces and %s, among those with data.</p>\n", ms->npeers[v->fi], ms->forces.f[v->fi].name);
}

void perf_render(Buf *out, const PerfView *v)
{
    const MeasureSet *ms = v->ms;
    html_printf(out, "<p class=\"lede\">How %s compares: %s %d, the 12 months to it, and against the other forces of England and Wales.</p>\n",
                ms->forces.f[v->fi].name, month_names[v->end % 100 - 1], v->end / 100);
    render_peers(out, v);
    if (ms->nmonths == 0) {
        html_lit(out, "<p>No police.uk street-level data is held yet. Import it with <code>assure import police-uk FILE.zip</code>.</p>\n");
    } else {
        render_summary_table(out, v);
        html_lit(out, "<h2>Priorities</h2>\n<div class=\"cards\">\n");
        for (int i = 0; i < NCARDS; i++) render_card(out, v, priorities[i]);
        html_lit(out, "</div>\n");
    }
    html_lit(out, "<h2>Official statistics</h2>\n");
    render_home_office(out, v);
    html_lit(out, "<h2>Sources</h2>\n<ul class=\"sources\">\n");
    char first[24], last[24];
    int d = def_for(ms, "puk", "all-crime", "month");
    if (ms->nmonths && d >= 0) {
        measures_period_short(ms, d, 0, first, sizeof first);
        measures_period_short(ms, d, ms->nmonths - 1, last, sizeof last);
        html_printf(out, "<li>Street-level crime and anti-social behaviour: data.police.uk, %s to %s, as at %s.</li>\n", first, last, ms->asat_puk);
    }
    d = def_for(ms, "ho", "all-crime", "12m");
    if (ms->nquarters && d >= 0) {
        measures_period_short(ms, d, 0, first, sizeof first);
        measures_period_short(ms, d, ms->nquarters - 1, last, sizeof last);
        html_printf(out, "<li>Police recorded crime by force: Home Office, %s to %s, as at %s.</li>\n", first, last, ms->asat_ho);
    }
    html_lit(out, "<li>Population: Office for National Statistics, mid-2024 estimates for police force areas.</li>\n"
                  "<li>Contains public sector information licensed under the Open Government Licence v3.0.</li>\n</ul>\n");
}
