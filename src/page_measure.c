/*
 * page_measure.c: the measures catalogue and pages.
 *
 *   /measures                 the catalogue: every definition by fact, with
 *                             its unit, direction, target and owner
 *   /measure?key=K            one measure for a force (force=, default the
 *                             office's) and period (period=): its figures,
 *                             a chart with the rolling 12 months and the
 *                             target line, the local policing areas or every
 *                             force ranked, recent values, the definition
 *   /measure/edit[?key=K]     the definition in its text form, to create or
 *                             change (POST saves a new version, or shows the
 *                             form again naming the mistake)
 *   /measure/history?key=K    every version with who saved it and why
 */
#include "db.h"
#include "facts.h"
#include "measures_cache.h"
#include "pages.h"
#include "perf_view.h"
#include "svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void page_measures(Req *r)
{
    const MeasureSet *ms = measures_acquire(r->db, r->db_path);
    page_begin(r, "Measures", "measures");
    html_lit(&r->out, "<h1>Measures</h1>\n<p>Every measure is a definition held in the database: what it counts, from which data, "
                      "which direction is better and its target. Each is computed for every period (the month, the financial quarter and year, "
                      "and the rolling 12 months) and for every force or local policing area the data covers.</p>\n");
    if (req_can(r, CAP_MEASURES))
        html_lit(&r->out, "<p><a class=\"button\" href=\"/measure/edit\">Define a new measure</a></p>\n");
    for (int k = 0; k < nfacts; k++) {
        int shown = 0;
        for (int d = 0; d < ms->defs.n; d++) {
            const MeasureDef *md = &ms->defs.d[d];
            if (md->fact != &facts[k]) continue;
            if (!shown++)
                html_printf(&r->out, "<h2>%s</h2>\n<p>%s</p>\n<table class=\"table\"><thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Key</th>"
                                     "<th scope=\"col\">Unit</th><th scope=\"col\">Better</th><th scope=\"col\">Target</th><th scope=\"col\">Owner</th></tr></thead><tbody>\n",
                            facts[k].title, facts[k].doc);
            char tgt[48] = "";
            const Target *t = md->ntargets ? &md->targets[md->ntargets - 1] : NULL;
            if (t) mdef_format_target(md, t, tgt, sizeof tgt);
            html_printf(&r->out, "<tr><td><a href=\"/measure?key=%s\">%s</a></td><td><code>%s</code></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
                        url_arg(&r->arena, md->key), md->title, md->key, mdef_unit_name(md->unit), mdef_better_name(md->better), tgt, md->owner);
        }
        if (shown) html_lit(&r->out, "</tbody></table>\n");
    }
    page_end(r);
    measures_release(ms);
}

/* A force's rank entry on a public measure's page. */
typedef struct Ranked {
    int fi;
    MeasureValue v;
    double key;
} Ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return strcmp(x->v.def->key, y->v.def->key);
}

/* Highlight of force k on force fi's page: 1 itself, 2 a peer, 0 other. */
static int highlight(const MeasureSet *ms, int fi, int k)
{
    if (k == fi) return 1;
    for (int p = 0; p < ms->npeers[fi]; p++)
        if (ms->peers[fi][p] == k) return 2;
    return 0;
}

/* Every force ranked, as a bar chart and a table (public data). */
static void all_forces(Req *r, const MeasureSet *ms, int d, Window w, int fi, int m)
{
    const MeasureDef *md = &ms->defs.d[d];
    Ranked *list = arena_alloc(&r->arena, sizeof(Ranked) * (size_t)ms->forces.n);
    int n = 0;
    for (int k = 0; k < ms->forces.n; k++) {
        if (!ms->forces.f[k].territorial || !measures_value(ms, d, w, k, m, &list[n].v)) continue;
        list[n].fi = k;
        list[n].key = list[n].v.has_rate ? list[n].v.rate : list[n].v.value;
        n++;
    }
    if (!n) return;
    qsort(list, (size_t)n, sizeof *list, cmp_ranked);
    bool rate = list[0].v.has_rate;
    SvgBar *bars = arena_alloc(&r->arena, sizeof(SvgBar) * (size_t)n);
    for (int i = 0; i < n; i++) bars[i] = (SvgBar){ms->forces.f[list[i].fi].name, list[i].key, highlight(ms, fi, list[i].fi)};
    html_printf(&r->out, "<h2>All forces, %s</h2>\n", list[0].v.label);
    char title[240];
    snprintf(title, sizeof title, "%s %s by force, %s, lowest first", md->title, rate ? "per 1,000 people" : "", list[0].v.label);
    SvgBarChart bc = {.title = title, .bars = bars, .n = n, .yunit = rate ? "per 1,000 people" : md->unit == UNIT_PERCENT ? "%" : NULL, .width = 720, .height = 320,
                      .self_label = ms->forces.f[fi].name, .peer_label = "Peer group", .other_label = "Other forces"};
    Buf svg = {0};
    svg_bar_chart(&svg, &bc);
    html_trusted(&r->out, &svg); /* trusted: built by svg.c, which escapes every label */
    buf_free(&svg);
    html_lit(&r->out, "<table class=\"table\"><thead><tr><th scope=\"col\" class=\"num\">Rank</th><th scope=\"col\">Force</th>"
                      "<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\" class=\"num\">Per 1,000 people</th>"
                      "<th scope=\"col\" class=\"num\">Change on last year</th></tr></thead><tbody>\n");
    for (int i = 0; i < n; i++) {
        const MeasureValue *x = &list[i].v;
        int hl = highlight(ms, fi, list[i].fi);
        const Force *f = &ms->forces.f[list[i].fi];
        html_printf(&r->out, "<tr%s><td class=\"num\">%d</td><td><a href=\"/measure?key=%s&amp;force=%s&amp;period=%s&amp;window=%s\">%s</a>%s</td><td class=\"num\">",
                    hl == 1 ? " class=\"self\"" : hl == 2 ? " class=\"peer\"" : "", x->nat_rank, url_arg(&r->arena, md->key), url_arg(&r->arena, f->code),
                    x->period_end, measures_window_name(w), f->name, hl == 1 ? " (this force)" : hl == 2 ? " (peer)" : "");
        perf_value(&r->out, x);
        html_lit(&r->out, "</td><td class=\"num\">");
        if (x->has_rate) html_printf(&r->out, "%.2f", x->rate);
        html_lit(&r->out, "</td><td class=\"num\">");
        perf_change(&r->out, x);
        html_lit(&r->out, "</td></tr>\n");
    }
    html_lit(&r->out, "</tbody></table>\n<p class=\"note\">Rank 1 is the lowest value (rate per 1,000 people, ONS mid-2024 population, for counts) among the territorial forces of England and Wales with data.</p>\n");
}

/* The force and its local policing areas side by side (own data). */
static void by_area(Req *r, const MeasureSet *ms, int d, int m)
{
    const DefValues *dv = &ms->vals[d];
    html_lit(&r->out, "<h2>By local policing area</h2>\n<table class=\"table\"><thead><tr><th scope=\"col\">Area</th>");
    for (int w = 0; w < NWIN; w++)
        if (dv->has[w]) html_printf(&r->out, "<th scope=\"col\" class=\"num\">%s</th>", w == WIN_MONTH ? "Month" : w == WIN_QUARTER ? "Quarter" : w == WIN_FY ? "Financial year" : "12 months");
    html_lit(&r->out, "</tr></thead><tbody>\n");
    for (int a = dv->area0; a < dv->area0 + dv->nareas; a++) {
        html_printf(&r->out, "<tr><th scope=\"row\">%s</th>", measures_area_name(ms, a));
        for (int w = 0; w < NWIN; w++) {
            if (!dv->has[w]) continue;
            MeasureValue v;
            int at = measures_at_or_before(ms, d, (Window)w, a, m);
            bool ok = at >= 0 && measures_value(ms, d, (Window)w, a, at, &v);
            html_lit(&r->out, "<td class=\"num\">");
            perf_value(&r->out, ok ? &v : NULL);
            if (ok && v.rag) {
                html_lit(&r->out, " ");
                perf_rag(&r->out, &v);
            }
            if (ok && w != WIN_MONTH) html_printf(&r->out, "<br><span class=\"note\">%s</span>", v.label);
            html_lit(&r->out, "</td>");
        }
        html_lit(&r->out, "</tr>\n");
    }
    html_lit(&r->out, "</tbody></table>\n");
}

/* The last months' values in a table (the chart's data, for everyone). */
static void recent(Req *r, const MeasureSet *ms, int d, int area, int m)
{
    const DefValues *dv = &ms->vals[d];
    Window base = dv->has[WIN_MONTH] ? WIN_MONTH : WIN_QUARTER;
    html_printf(&r->out, "<h2>Recent values</h2>\n<table class=\"table\"><thead><tr><th scope=\"col\">Period</th><th scope=\"col\" class=\"num\">Value</th>"
                         "<th scope=\"col\" class=\"num\">%s</th>", ms->defs.d[d].unit == UNIT_COUNT ? "Counted" : "Out of");
    if (dv->has[WIN_12M]) html_lit(&r->out, "<th scope=\"col\" class=\"num\">12 months</th>");
    html_lit(&r->out, "<th scope=\"col\">Against target</th><th scope=\"col\" class=\"num\">Change on last year</th></tr></thead><tbody>\n");
    int shown = 0;
    for (int k = m; k >= dv->m0 && shown < 13; k--) {
        MeasureValue v, y;
        if (!measures_value(ms, d, base, area, k, &v)) continue;
        shown++;
        html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td class=\"num\">", v.label);
        perf_value(&r->out, &v);
        char den[32];
        fmt_thousands(den, sizeof den, isnan(v.den) ? 0 : llround(v.den));
        html_printf(&r->out, "</td><td class=\"num\">%s</td>", ms->defs.d[d].fact->duration && ms->defs.d[d].agg == AGG_TIME_SHARE ? "" : den);
        if (dv->has[WIN_12M]) {
            html_lit(&r->out, "<td class=\"num\">");
            perf_value(&r->out, measures_value(ms, d, WIN_12M, area, k, &y) ? &y : NULL);
            html_lit(&r->out, "</td>");
        }
        html_lit(&r->out, "<td>");
        perf_rag(&r->out, &v);
        html_lit(&r->out, "</td><td class=\"num\">");
        perf_change(&r->out, &v);
        html_lit(&r->out, "</td></tr>\n");
    }
    html_lit(&r->out, "</tbody></table>\n");
}

/* The objectives of the Plan a measure evidences. */
static void evidences(Req *r, long long measure_id)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT p.title, o.title FROM objective_measure om JOIN plan_objective o ON o.id=om.objective_id"
                                         " JOIN plan_priority p ON p.id=o.priority_id WHERE om.measure_id=?1 ORDER BY p.position, o.position");
    sqlite3_bind_int64(st, 1, measure_id);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!n++) html_lit(&r->out, "<h2>Evidences the Plan</h2>\n<ul class=\"list\">\n");
        html_printf(&r->out, "<li>%s: %s</li>\n", db_text(st, 0), db_text(st, 1));
    }
    if (n) html_lit(&r->out, "</ul>\n");
    sqlite3_finalize(st);
}

void page_measure(Req *r)
{
    const char *key = req_param(r, "key");
    const MeasureSet *ms = measures_acquire(r->db, r->db_path);
    int d = key ? measures_find(ms, key) : -1;
    if (d < 0) {
        web_error(r, 404, "There is no measure \"%s\". The Measures page lists them.", key ? key : "");
        measures_release(ms);
        return;
    }
    int fi, end;
    if (!page_force_period(r, ms, &fi, &end)) {
        measures_release(ms);
        return;
    }
    const MeasureDef *md = &ms->defs.d[d];
    const DefValues *dv = &ms->vals[d];
    int area = measures_main_area(ms, d, fi);
    const char *lpa = req_param(r, "area");
    if (lpa && *lpa && !md->fact->public_data) {
        area = -1;
        for (int i = 0; i < ms->lpas.n; i++)
            if (strcmp(ms->lpas.code[i], lpa) == 0) area = measures_area_lpa(ms, i);
        if (area < 0) {
            web_error(r, 404, "There is no local policing area \"%s\".", lpa);
            measures_release(ms);
            return;
        }
    }
    const char *wp = req_param(r, "window");
    int w = wp && *wp ? measures_parse_window(wp) : -1;
    if (wp && *wp && (w < 0 || !dv->has[w])) {
        web_error(r, 400, "This measure has no window \"%s\".", wp);
        measures_release(ms);
        return;
    }
    Window base = dv->has[WIN_MONTH] ? WIN_MONTH : WIN_QUARTER;
    if (w < 0) w = base;
    int m = end ? measures_at_or_before(ms, d, (Window)w, area, month_abs(end)) : measures_latest(ms, d, (Window)w, area);
    page_begin(r, md->title, "measures");
    html_printf(&r->out, "<span class=\"caption\">%s</span>\n<h1>%s</h1>\n<p class=\"lede\">%s</p>\n", measures_area_name(ms, area), md->title, md->definition);
    if (req_can(r, CAP_MEASURES))
        html_printf(&r->out, "<p><a class=\"button secondary\" href=\"/measure/edit?key=%s\">Edit the definition</a> "
                             "<a class=\"link\" href=\"/measure/history?key=%s\">History (version %d)</a></p>\n",
                    url_arg(&r->arena, md->key), url_arg(&r->arena, md->key), md->version);
    else html_printf(&r->out, "<p><a class=\"link\" href=\"/measure/history?key=%s\">History (version %d)</a></p>\n", url_arg(&r->arena, md->key), md->version);
    MeasureValue v, y;
    if (m < 0 || !measures_value(ms, d, (Window)w, area, m, &v)) {
        html_lit(&r->out, "<p>No value is held for this area and period: the data this measure counts has not been imported.</p>\n");
    } else {
        bool has_y = w != WIN_12M && dv->has[WIN_12M] && measures_value(ms, d, WIN_12M, area, m, &y);
        html_printf(&r->out, "<dl class=\"figures\"><div><dt>%s</dt><dd>", v.label);
        perf_value(&r->out, &v);
        html_lit(&r->out, " ");
        perf_rag(&r->out, &v);
        html_lit(&r->out, "</dd></div>");
        if (has_y) {
            html_printf(&r->out, "<div><dt>%s</dt><dd>", y.label);
            perf_value(&r->out, &y);
            html_lit(&r->out, " ");
            perf_rag(&r->out, &y);
            html_lit(&r->out, "</dd></div>");
        }
        html_lit(&r->out, "<div><dt>Target</dt><dd>");
        if (v.target) {
            char t[48];
            mdef_format_target(md, v.target, t, sizeof t);
            html_printf(&r->out, "%s", t);
        } else {
            html_lit(&r->out, "<span class=\"none\">None set</span>");
        }
        html_lit(&r->out, "</dd></div><div><dt>Change on last year</dt><dd>");
        perf_change(&r->out, has_y ? &y : &v);
        html_lit(&r->out, "</dd></div>");
        if (v.nat_of) {
            html_lit(&r->out, "<div><dt>National rank</dt><dd>");
            perf_rank(&r->out, v.nat_rank, v.nat_of);
            html_lit(&r->out, "</dd></div><div><dt>Peer group rank</dt><dd>");
            perf_rank(&r->out, v.msg_rank, v.msg_of);
            html_lit(&r->out, "</dd></div>");
        }
        html_lit(&r->out, "</dl>\n<h2>Over time</h2>\n");
        perf_chart(&r->out, ms, d, area, m, dv->has[WIN_MONTH] ? 36 : 20, 720, 280);
        if (md->fact->public_data) all_forces(r, ms, d, (Window)w, fi, m);
        else by_area(r, ms, d, m);
        recent(r, ms, d, area, m);
    }
    evidences(r, md->id);
    html_printf(&r->out, "<h2>Definition</h2>\n<p>Version %d, saved %.10s by %s. Unit: %s; %s is better.</p>\n<pre class=\"definition\">%s</pre>\n",
                md->version, md->created_at, md->created_by, mdef_unit_name(md->unit), mdef_better_name(md->better), md->spec);
    page_end(r);
    measures_release(ms);
}

/* The reference under the editor: facts, fields, functions, aggregates. */
static void language_help(Req *r)
{
    html_lit(&r->out, "<h2>How to write a definition</h2>\n"
                      "<p>One <code>name: value</code> line each: <code>key</code>, <code>title</code>, <code>definition</code>, <code>better</code> "
                      "(lower, higher or neither), any number of <code>target</code> lines (<code>&lt;= 10m from 2019-04-01</code>, <code>&gt;= 60% from 2024-04-01</code>), "
                      "<code>owner</code>, <code>fact</code>, <code>measure</code>, <code>where</code> and <code>counted</code>. "
                      "<code>measure</code> is one of <code>count</code>, <code>sum(x)</code>, <code>share(condition)</code>, <code>mean(x)</code>, "
                      "<code>median(x)</code>, <code>percentile(90, x)</code>, <code>distinct(field)</code> or <code>time_share(condition)</code>. "
                      "<code>counted</code> names the date-time that puts a row in a period, or <code>live from A to B</code> to count the rows live at each period's end "
                      "(then <code>period_end</code> may be used). Durations are written <code>30s</code>, <code>10m</code>, <code>2h</code>, <code>7d</code>. "
                      "The full guide is docs/measures.md.</p>\n");
    for (int k = 0; k < nfacts; k++) {
        const Fact *f = &facts[k];
        html_printf(&r->out, "<details class=\"details\"><summary>%s: <code>%s</code></summary>\n<dl class=\"summary-list\">\n", f->title, f->name);
        for (int i = 0; i < f->nfields; i++)
            html_printf(&r->out, "<div class=\"summary-list-row\"><dt class=\"summary-list-key\"><code>%s</code></dt><dd class=\"summary-list-value\">%s: %s</dd></div>\n",
                        f->fields[i].name, expr_type_name(f->fields[i].type), f->fields[i].doc);
        for (int i = 0; i < f->nfuncs; i++)
            html_printf(&r->out, "<div class=\"summary-list-row\"><dt class=\"summary-list-key\"><code>%s()</code></dt><dd class=\"summary-list-value\">%s</dd></div>\n",
                        f->funcs[i].name, f->funcs[i].doc);
        html_lit(&r->out, "</dl></details>\n");
    }
}

static const char *const new_template =
    "key:        crime.example\n"
    "title:      An example: violence with injury\n"
    "definition: Crimes of violence with injury recorded in the period.\n"
    "better:     lower\n"
    "owner:      Head of Crime\n"
    "fact:       crimes\n"
    "measure:    count\n"
    "where:      offence_code = '8N'\n"
    "counted:    recorded_at\n";

/* The editor form, with text and an optional error. */
static void edit_form(Req *r, const char *key, const char *text, const char *note, const char *error)
{
    page_begin(r, key ? "Edit a measure" : "Define a measure", "measures");
    if (error) {
        html_printf(&r->out, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2 class=\"error-summary-title\">The definition was not saved</h2>"
                             "<ul class=\"error-summary-list\"><li><a href=\"#spec\">%s</a></li></ul></div>\n", error);
    }
    html_printf(&r->out, "<h1>%s</h1>\n", key ? "Edit a measure" : "Define a measure");
    if (key) html_printf(&r->out, "<p>Saving adds a new version of <code>%s</code>; earlier versions stay in its history.</p>\n", key);
    html_lit(&r->out, "<form method=\"post\" action=\"/measure/edit\" class=\"form\">");
    page_csrf_field(r);
    html_printf(&r->out, "<div class=\"form-group%s\"><label class=\"label\" for=\"spec\">Definition</label>", error ? " form-group-error" : "");
    if (error) html_printf(&r->out, "<p class=\"error-message\" id=\"spec-error\"><span class=\"visually-hidden\">Error:</span> %s</p>", error);
    html_printf(&r->out, "<textarea class=\"textarea code\" id=\"spec\" name=\"spec\" rows=\"16\" spellcheck=\"false\"%s>%s</textarea></div>\n",
                error ? " aria-describedby=\"spec-error\"" : "", text);
    html_printf(&r->out, "<div class=\"form-group\"><label class=\"label\" for=\"note\">Why it changes (kept in the history)</label>"
                         "<input class=\"input\" id=\"note\" name=\"note\" type=\"text\" value=\"%s\"></div>\n", note ? note : "");
    html_lit(&r->out, "<button type=\"submit\" class=\"button\">Save</button></form>\n");
    language_help(r);
    page_end(r);
}

void page_measure_edit(Req *r)
{
    if (strcmp(r->method, "POST") == 0) {
        const char *spec = req_param(r, "spec"), *note = req_param(r, "note");
        char err[700];
        int rc = spec ? mdef_save(r->db, spec, r->user.login, note ? note : "", err, sizeof err) : -1;
        if (!spec) snprintf(err, sizeof err, "the definition is empty");
        if (rc < 0) {
            r->status = 400;
            edit_form(r, NULL, spec ? spec : "", note, err);
            return;
        }
        MeasureDef d;
        mdef_parse(spec, &d, err, sizeof err);
        web_redirect(r, arena_printf(&r->arena, "/measure?key=%s", url_arg(&r->arena, d.key)));
        mdef_free(&d);
        return;
    }
    const char *key = req_param(r, "key");
    if (!key || !*key) {
        edit_form(r, NULL, new_template, NULL, NULL);
        return;
    }
    MeasureDefs defs;
    mdefs_load(r->db, &defs);
    int k = -1;
    for (int i = 0; i < defs.n; i++)
        if (strcmp(defs.d[i].key, key) == 0) k = i;
    if (k < 0) web_error(r, 404, "There is no measure \"%s\". The Measures page lists them.", key);
    else edit_form(r, key, defs.d[k].spec, NULL, NULL);
    mdefs_free(&defs);
}

/* One version on the history page. */
static void history_row(void *ctx, int version, const char *spec, const char *created_at, const char *created_by, const char *note)
{
    Req *r = ctx;
    html_printf(&r->out, "<h2>Version %d</h2>\n<p>Saved %s by %s%s%s</p>\n<pre class=\"definition\">%s</pre>\n", version, created_at, created_by,
                *note ? ": " : "", note, spec);
}

void page_measure_history(Req *r)
{
    const char *key = req_param(r, "key");
    if (!key) key = "";
    page_begin(r, "Measure history", "measures");
    html_printf(&r->out, "<span class=\"caption\">History</span>\n<h1><a href=\"/measure?key=%s\">%s</a></h1>\n", url_arg(&r->arena, key), key);
    if (!mdef_history(r->db, key, history_row, r)) {
        web_error(r, 404, "There is no measure \"%s\". The Measures page lists them.", key);
        return;
    }
    page_end(r);
}
