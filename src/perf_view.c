/*
 * perf_view.c: the force performance report shared by the dashboard and
 * the pack (see perf_view.h).
 */
#include "perf_view.h"
#include "db.h"
#include "html.h"
#include "svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The crime priorities of the comparison section, by subject key. The
 * first ones get a card with a chart, like the briefing pack's pages. */
static const char *const priorities[] = {
    "all-crime", "violence-sexual", "burglary", "possession-of-weapons", "robbery", "anti-social-behaviour",
    "vehicle-crime", "shoplifting", "criminal-damage-arson", "drugs", "public-order", "theft-from-the-person",
};
#define NCARDS 6

static const char *const month_names[] = {"January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"};

/* The definition index of "<src>.<subject>", or -1. */
static int def_for(const MeasureSet *ms, const char *src, const char *subject)
{
    char key[96];
    snprintf(key, sizeof key, "%s.%s", src, subject);
    return measures_find(ms, key);
}

int perf_default_end(const MeasureSet *ms, int fi)
{
    int d = measures_find(ms, "crime.recorded");
    int m = d >= 0 ? measures_latest(ms, d, WIN_MONTH, measures_area_force(ms)) : -1;
    if (m < 0 && (d = def_for(ms, "puk", "all-crime")) >= 0) m = measures_latest(ms, d, WIN_MONTH, fi);
    if (m < 0 && (d = def_for(ms, "ho", "all-crime")) >= 0) m = measures_latest(ms, d, WIN_12M, fi);
    return m < 0 ? 0 : month_yyyymm(m);
}

void perf_rank(Buf *out, int rank, int of)
{
    if (of) html_printf(out, "<span class=\"rank\">%d <span class=\"of\">of %d</span></span>", rank, of);
    else html_lit(out, "<span class=\"none\">&mdash;</span>");
}

void perf_value(Buf *out, const MeasureValue *v)
{
    if (!v) {
        html_lit(out, "<span class=\"none\">&mdash;</span>");
        return;
    }
    char s[48];
    mdef_format(v->def, v->value, s, sizeof s);
    html_printf(out, "%s", s);
}

void perf_change(Buf *out, const MeasureValue *v)
{
    if (!v || !v->has_yoy) {
        html_lit(out, "<span class=\"none\">&mdash;</span>");
        return;
    }
    const MeasureDef *d = v->def;
    bool worse = d->better == BETTER_HIGHER ? v->yoy_change < 0 : d->better == BETTER_LOWER ? v->yoy_change > 0 : false;
    bool better = d->better == BETTER_HIGHER ? v->yoy_change > 0 : d->better == BETTER_LOWER ? v->yoy_change < 0 : false;
    /* a change that rounds to nothing shows as none */
    double shown = d->unit == UNIT_PERCENT ? round(v->yoy_change * 10) / 10 : round(v->yoy_change);
    if (shown == 0) worse = better = false;
    const char *cls = shown == 0 || (!worse && !better) ? "same" : worse ? "worse" : "better";
    char n[48];
    const char *sign = shown > 0 ? "+" : shown < 0 ? "-" : "";
    switch (d->unit) {
    case UNIT_PERCENT:
        snprintf(n, sizeof n, "%s%.1f points", sign, fabs(v->yoy_change));
        break;
    case UNIT_DURATION: {
        MeasureValue a = *v;
        a.value = fabs(v->yoy_change);
        char t[32];
        mdef_format(d, a.value, t, sizeof t);
        snprintf(n, sizeof n, "%s%s", sign, t);
        break;
    }
    default: {
        char t[32];
        fmt_thousands(t, sizeof t, llabs(llround(v->yoy_change)));
        snprintf(n, sizeof n, "%s%s", sign, t);
    }
    }
    html_printf(out, "<span class=\"change %s\">%s", cls, n);
    if (d->unit == UNIT_COUNT && !isnan(v->yoy_pct)) html_printf(out, " (%+.1f%%)", v->yoy_pct);
    html_lit(out, "</span>");
}

void perf_rag(Buf *out, const MeasureValue *v)
{
    if (!v || !v->rag) return;
    if (v->rag == 'G') html_lit(out, "<strong class=\"tag tag-green\">On target</strong>");
    else if (v->rag == 'A') html_lit(out, "<strong class=\"tag tag-amber\">Near target</strong>");
    else html_lit(out, "<strong class=\"tag tag-red\">Off target</strong>");
}

/* A chart value in the unit the axis shows (durations in minutes). */
static double chart_y(const MeasureDef *d, double v)
{
    return d->unit == UNIT_DURATION ? v / 60.0 : v;
}

void perf_chart(Buf *out, const MeasureSet *ms, int def, int area, int month, int span, int width, int height)
{
    const MeasureDef *d = &ms->defs.d[def];
    const DefValues *dv = &ms->vals[def];
    Window base = dv->has[WIN_MONTH] ? WIN_MONTH : WIN_12M;
    int step = dv->has[WIN_MONTH] ? 1 : 3;
    int n = 0;
    enum { MAXP = 240 };
    double y[MAXP], roll[MAXP];
    char labels[MAXP][16];
    char title[512];
    const char *lp[MAXP];
    int first = month - (span - 1) * step;
    if (first < dv->m0) first = dv->m0 + ((month - dv->m0) % step);
    bool any_roll = false;
    for (int m = first; m <= month && n < MAXP; m += step) {
        MeasureValue v;
        y[n] = measures_value(ms, def, base, area, m, &v) ? chart_y(d, v.value) : NAN;
        roll[n] = base == WIN_MONTH && measures_value(ms, def, WIN_12M, area, m, &v) ? chart_y(d, v.value) : NAN;
        any_roll |= !isnan(roll[n]);
        measures_month_label(m, labels[n], sizeof labels[n]);
        lp[n] = labels[n];
        n++;
    }
    if (n == 0) return;
    snprintf(title, sizeof title, "%.120s, %.80s: %s from %.15s to %.15s", d->title, measures_area_name(ms, area),
             base == WIN_MONTH ? (any_roll && d->unit != UNIT_COUNT ? "each month and the rolling 12 months" : "each month") : "rolling 12 months",
             labels[0], labels[n - 1]);
    SvgSeries s[2] = {{base == WIN_MONTH ? "Month" : "12 months", y, n, NULL}, {"Rolling 12 months", roll, n, "series-2"}};
    const char *unit = d->unit == UNIT_PERCENT ? "%" : d->unit == UNIT_DURATION ? "minutes" : d->unit == UNIT_COUNT ? (strcmp(d->key, "puk.anti-social-behaviour") == 0 ? "incidents" : "crimes") : NULL;
    /* a rolling count is twelve times the month: chart it only for rates,
     * shares and times, where it is on the same scale */
    bool show_roll = any_roll && d->unit != UNIT_COUNT;
    SvgLineChart c = {.title = title, .xlabels = lp, .n = n, .series = s, .nseries = show_roll ? 2 : 1, .yunit = unit, .width = width, .height = height};
    const Target *t = mdef_target_at(d, month_yyyymm(month) * 100 + 28);
    if (t) {
        c.has_target = true;
        c.target = chart_y(d, t->value);
        c.target_label = "Target";
    }
    Buf svg = {0};
    svg_line_chart(&svg, &c);
    html_trusted(out, &svg); /* trusted: built by svg.c, which escapes every label */
    buf_free(&svg);
}

/* The measure page link for a definition, area and month. */
static void measure_link_open(Buf *out, const PerfView *v, int def, int area)
{
    if (!v->links || def < 0) return;
    (void)area;
    html_printf(out, "<a href=\"/measure?key=%s&amp;force=%s&amp;period=%04d-%02d\">", url_arg(v->arena, v->ms->defs.d[def].key),
                url_arg(v->arena, v->ms->forces.f[v->fi].code), v->end / 100, v->end % 100);
}

static void measure_link_close(Buf *out, const PerfView *v, int def)
{
    if (v->links && def >= 0) html_lit(out, "</a>");
}

/* ---- against the Plan ---- */

/* One row of the Plan table: a measure's month and 12 months. */
static void plan_row(Buf *out, const PerfView *v, int d)
{
    const MeasureSet *ms = v->ms;
    int area = measures_main_area(ms, d, v->fi), m = month_abs(v->end);
    const DefValues *dv = &ms->vals[d];
    MeasureValue mv, yv;
    bool has_m = measures_value(ms, d, dv->has[WIN_MONTH] ? WIN_MONTH : WIN_QUARTER, area, m, &mv);
    bool has_y = dv->has[WIN_12M] && measures_value(ms, d, WIN_12M, area, m, &yv);
    html_lit(out, "<tr><th scope=\"row\">");
    measure_link_open(out, v, d, area);
    html_printf(out, "%s", ms->defs.d[d].title);
    measure_link_close(out, v, d);
    html_lit(out, "</th><td class=\"num\">");
    perf_value(out, has_m ? &mv : NULL);
    html_lit(out, "</td><td>");
    perf_rag(out, has_m ? &mv : NULL);
    html_lit(out, "</td><td class=\"num\">");
    perf_value(out, has_y ? &yv : NULL);
    html_lit(out, "</td><td>");
    perf_rag(out, has_y ? &yv : NULL);
    html_lit(out, "</td><td class=\"num\">");
    const MeasureValue *t = has_y ? &yv : has_m ? &mv : NULL;
    if (t && t->target) {
        char s[48];
        mdef_format_target(t->def, t->target, s, sizeof s);
        html_printf(out, "%s", s);
    } else {
        html_lit(out, "<span class=\"none\">&mdash;</span>");
    }
    html_lit(out, "</td><td class=\"num\">");
    perf_change(out, t);
    html_lit(out, "</td></tr>\n");
}

static void plan_table_head(Buf *out, const PerfView *v, const char *caption)
{
    html_printf(out, "<table class=\"table perf\"><caption>%s</caption>\n<thead><tr><th scope=\"col\">Measure</th>"
                     "<th scope=\"col\" class=\"num\">%.3s %d</th><th scope=\"col\"><span class=\"visually-hidden\">Month against target</span></th>"
                     "<th scope=\"col\" class=\"num\">Last 12 months</th><th scope=\"col\"><span class=\"visually-hidden\">12 months against target</span></th>"
                     "<th scope=\"col\" class=\"num\">Target</th><th scope=\"col\" class=\"num\">Change on last year</th></tr></thead>\n<tbody>\n",
                caption, month_names[v->end % 100 - 1], v->end / 100);
}

static void render_plan(Buf *out, const PerfView *v)
{
    const MeasureSet *ms = v->ms;
    bool *shown = xcalloc((size_t)(ms->defs.n ? ms->defs.n : 1), 1);
    /* the plan in force in the month reported on (an office holds past
     * plans too, such as an imported work plan), issued before draft */
    sqlite3_stmt *pl = db_prepare(v->db, "SELECT id, title FROM plan ORDER BY status <> 'draft' DESC,"
                                         " (substr(starts, 1, 7) <= ?1 AND substr(ends, 1, 7) >= ?1) DESC, status='issued' DESC, ends DESC, version DESC, id DESC LIMIT 1");
    char month[16];
    snprintf(month, sizeof month, "%04d-%02d", v->end / 100 % 10000, v->end % 100);
    sqlite3_bind_text(pl, 1, month, -1, SQLITE_TRANSIENT);
    bool have_plan = sqlite3_step(pl) == SQLITE_ROW;
    if (have_plan) {
        html_printf(out, "<h2>Against the Plan</h2>\n<p>The measures that evidence each priority of the %s, against their targets. "
                         "A rating is green when the target is met, amber when it is missed by 5%% of the target or less, red otherwise.</p>\n",
                    db_text(pl, 1));
        sqlite3_stmt *pr = db_prepare(v->db, "SELECT id, title FROM plan_priority WHERE plan_id=?1 ORDER BY position");
        sqlite3_stmt *lk = db_prepare(v->db, "SELECT DISTINCT m.key FROM plan_objective o JOIN objective_measure om ON om.objective_id=o.id"
                                             " JOIN measure m ON m.id=om.measure_id WHERE o.priority_id=?1 ORDER BY o.position, m.key");
        sqlite3_bind_int64(pr, 1, sqlite3_column_int64(pl, 0));
        while (sqlite3_step(pr) == SQLITE_ROW) {
            sqlite3_bind_int64(lk, 1, sqlite3_column_int64(pr, 0));
            int rows = 0;
            while (sqlite3_step(lk) == SQLITE_ROW) {
                int d = measures_find(ms, db_text(lk, 0));
                if (d < 0 || shown[d]) continue;
                if (!rows++) plan_table_head(out, v, db_text(pr, 1));
                plan_row(out, v, d);
                shown[d] = true;
            }
            sqlite3_reset(lk);
            if (rows) html_lit(out, "</tbody></table>\n");
        }
        sqlite3_finalize(pr);
        sqlite3_finalize(lk);
    }
    sqlite3_finalize(pl);
    int rows = 0;
    for (int d = 0; d < ms->defs.n; d++) {
        if (shown[d] || ms->defs.d[d].fact->public_data) continue;
        if (measures_latest(ms, d, ms->vals[d].has[WIN_MONTH] ? WIN_MONTH : WIN_QUARTER, measures_area_force(ms)) < 0) continue;
        if (!rows++) {
            if (!have_plan) html_lit(out, "<h2>The force's own measures</h2>\n<p>No Plan is held yet, so the measures are not grouped by priority.</p>\n");
            plan_table_head(out, v, have_plan ? "Other measures of the force's own data" : "Measures of the force's own data");
        }
        plan_row(out, v, d);
    }
    if (rows) html_lit(out, "</tbody></table>\n");
    free(shown);
}

int perf_measure_table(Buf *out, const PerfView *v, const char *caption, const char *const *keys, int nkeys)
{
    int rows = 0;
    for (int i = 0; i < nkeys; i++) {
        int d = measures_find(v->ms, keys[i]);
        if (d < 0) continue;
        if (!rows++) plan_table_head(out, v, caption);
        plan_row(out, v, d);
    }
    if (rows) html_lit(out, "</tbody></table>\n");
    return rows;
}

/* ---- how the force compares (public data) ---- */

/* One crime priority's police.uk figures. */
typedef struct PriorityFigures {
    int d;                  /* definition */
    MeasureValue m, y;      /* month and 12 months */
    bool has_m, has_y;
} PriorityFigures;

static void figures(const PerfView *v, const char *subject, PriorityFigures *pf)
{
    memset(pf, 0, sizeof *pf);
    pf->d = def_for(v->ms, "puk", subject);
    if (pf->d < 0) return;
    int m = month_abs(v->end);
    pf->has_m = measures_value(v->ms, pf->d, WIN_MONTH, v->fi, m, &pf->m);
    pf->has_y = measures_value(v->ms, pf->d, WIN_12M, v->fi, m, &pf->y);
}

/* The figures ranks are shown for: the 12 months when they rank at least as
 * many forces as the month does (so a store holding 12 months for only a few
 * forces ranks by the month), else the month; NULL when neither has a value. */
static const MeasureValue *rank_basis(const PriorityFigures *pf)
{
    if (pf->has_y && (!pf->has_m || pf->y.nat_of >= pf->m.nat_of)) return &pf->y;
    return pf->has_m ? &pf->m : NULL;
}

/* Writes a rank, marked "(month)" when it is for the month alone. */
static void put_rank(Buf *out, const MeasureValue *rk, bool msg)
{
    perf_rank(out, rk ? (msg ? rk->msg_rank : rk->nat_rank) : 0, rk ? (msg ? rk->msg_of : rk->nat_of) : 0);
    if (rk && rk->win == WIN_MONTH && (msg ? rk->msg_of : rk->nat_of)) html_lit(out, " <span class=\"basis\">(month)</span>");
}

/* The subject name of a public definition: its title without "(police.uk)". */
static void subject_name(const MeasureDef *d, char *out, size_t n)
{
    snprintf(out, n, "%s", d->title);
    char *p = strstr(out, " (");
    if (p) *p = 0;
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
        if (pf.d < 0) continue;
        const MeasureValue *rk = rank_basis(&pf);
        char name[128];
        subject_name(&v->ms->defs.d[pf.d], name, sizeof name);
        html_lit(out, "<tr><th scope=\"row\">");
        measure_link_open(out, v, pf.d, v->fi);
        html_printf(out, "%s", name);
        measure_link_close(out, v, pf.d);
        html_lit(out, "</th><td class=\"num\">");
        perf_value(out, pf.has_m ? &pf.m : NULL);
        html_lit(out, "</td><td class=\"num\">");
        perf_value(out, pf.has_y ? &pf.y : NULL);
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
    if (pf.d < 0) return;
    const MeasureValue *rk = rank_basis(&pf);
    char name[128];
    subject_name(&v->ms->defs.d[pf.d], name, sizeof name);
    html_lit(out, "<section class=\"card priority\">\n<h3>");
    measure_link_open(out, v, pf.d, v->fi);
    html_printf(out, "%s", name);
    measure_link_close(out, v, pf.d);
    html_lit(out, "</h3>\n<dl class=\"figures\">\n");
    html_printf(out, "<div><dt>%.3s %d</dt><dd>", month_names[v->end % 100 - 1], v->end / 100);
    perf_value(out, pf.has_m ? &pf.m : NULL);
    html_lit(out, "</dd></div>\n<div><dt>Last 12 months</dt><dd>");
    perf_value(out, pf.has_y ? &pf.y : NULL);
    html_lit(out, "</dd></div>\n<div><dt>Change on last year</dt><dd>");
    perf_change(out, pf.has_y ? &pf.y : NULL);
    html_lit(out, "</dd></div>\n<div><dt>National rank</dt><dd>");
    put_rank(out, rk, false);
    html_lit(out, "</dd></div>\n<div><dt>Peer group rank</dt><dd>");
    put_rank(out, rk, true);
    html_lit(out, "</dd></div>\n</dl>\n");
    int m = measures_at_or_before(v->ms, pf.d, WIN_MONTH, v->fi, month_abs(v->end));
    if (m >= 0) perf_chart(out, v->ms, pf.d, v->fi, m, 36, 560, 220);
    html_lit(out, "</section>\n");
}

static void render_home_office(Buf *out, const PerfView *v)
{
    const MeasureSet *ms = v->ms;
    int dall = def_for(ms, "ho", "all-crime");
    int m = dall >= 0 ? measures_at_or_before(ms, dall, WIN_12M, v->fi, month_abs(v->end)) : -1;
    MeasureValue probe;
    if (m < 0 || !measures_value(ms, dall, WIN_12M, v->fi, m, &probe)) {
        html_lit(out, "<p>No Home Office recorded crime figures are held for this force and period. Import them with "
                      "<code>assure import home-office-crime FILE</code>.</p>\n");
        return;
    }
    html_printf(out, "<table class=\"table perf\"><caption>Police recorded crime, %s (Home Office)</caption>\n", probe.label);
    html_lit(out, "<thead><tr><th scope=\"col\">Offences</th><th scope=\"col\" class=\"num\">12 months</th>"
                  "<th scope=\"col\" class=\"num\">Change on last year</th><th scope=\"col\" class=\"num\">Per 1,000 people</th>"
                  "<th scope=\"col\" class=\"num\">National rank</th><th scope=\"col\" class=\"num\">Peer group rank</th></tr></thead>\n<tbody>\n");
    for (int d = 0; d < ms->defs.n; d++) {
        if (strcmp(ms->defs.d[d].fact->name, "recorded_crime") != 0) continue;
        MeasureValue r;
        if (!measures_value(ms, d, WIN_12M, v->fi, m, &r)) continue;
        char name[128];
        subject_name(&ms->defs.d[d], name, sizeof name);
        html_lit(out, "<tr><th scope=\"row\">");
        measure_link_open(out, v, d, v->fi);
        html_printf(out, "%s", name);
        measure_link_close(out, v, d);
        html_lit(out, "</th><td class=\"num\">");
        perf_value(out, &r);
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

/* The first and last month a definition has values for an area. */
static bool span_of(const MeasureSet *ms, int d, Window w, int area, char *first, char *last, size_t n)
{
    const DefValues *dv = &ms->vals[d];
    if (!dv->has[w] || !measures_has_area(ms, d, area)) return false;
    int lo = -1, hi = -1;
    for (int m = dv->m0; m < dv->m0 + dv->nm; m++) {
        MeasureValue x;
        if (!measures_value(ms, d, w, area, m, &x)) continue;
        if (lo < 0) lo = m;
        hi = m;
    }
    if (lo < 0) return false;
    measures_month_label(lo, first, n);
    measures_month_label(hi, last, n);
    return true;
}

void perf_render(Buf *out, const PerfView *v)
{
    const MeasureSet *ms = v->ms;
    html_printf(out, "<p class=\"lede\">How %s is doing: %s %d, the 12 months to it, against the Plan's targets and against the other forces of England and Wales.</p>\n",
                ms->forces.f[v->fi].name, month_names[v->end % 100 - 1], v->end / 100);
    render_plan(out, v);
    html_lit(out, "<h2>How the force compares</h2>\n");
    render_peers(out, v);
    int dm = def_for(ms, "puk", "all-crime");
    char first[24], last[24];
    bool puk = dm >= 0 && span_of(ms, dm, WIN_MONTH, v->fi, first, last, sizeof first);
    if (!puk) {
        html_lit(out, "<p>No police.uk street-level data is held yet. Import it with <code>assure import police-uk FILE.zip</code>.</p>\n");
    } else {
        render_summary_table(out, v);
        html_lit(out, "<h3>Priorities</h3>\n<div class=\"cards\">\n");
        for (int i = 0; i < NCARDS; i++) render_card(out, v, priorities[i]);
        html_lit(out, "</div>\n");
    }
    html_lit(out, "<h3>Official statistics</h3>\n");
    render_home_office(out, v);
    html_lit(out, "<h2>Sources</h2>\n<ul class=\"sources\">\n");
    int dc = measures_find(ms, "crime.recorded");
    if (dc >= 0 && span_of(ms, dc, WIN_MONTH, measures_area_force(ms), first, last, sizeof first))
        html_printf(out, "<li>The force's own data (crimes, incidents, calls, victim contacts, officer locations): %s to %s, as at %s.</li>\n", first, last, ms->asat_force);
    if (puk && span_of(ms, dm, WIN_MONTH, v->fi, first, last, sizeof first))
        html_printf(out, "<li>Street-level crime and anti-social behaviour: data.police.uk, %s to %s, as at %s.</li>\n", first, last, ms->asat_puk);
    int dh = def_for(ms, "ho", "all-crime");
    if (dh >= 0 && span_of(ms, dh, WIN_QUARTER, v->fi, first, last, sizeof first))
        html_printf(out, "<li>Police recorded crime by force: Home Office, quarters ending %s to %s, as at %s.</li>\n", first, last, ms->asat_ho);
    html_lit(out, "<li>Population: Office for National Statistics, mid-2024 estimates for police force areas.</li>\n"
                  "<li>Contains public sector information licensed under the Open Government Licence v3.0.</li>\n</ul>\n");
}
