/*
 * page_measure.c: /measures, the list of measure definitions, and
 * /measure?key=K&force=F&period=P: one measure for one force, its chart
 * over time, and every force ranked with the force and its peers
 * highlighted (the "ski-slope").
 */
#include "db.h"
#include "pages.h"
#include "perf_view.h"
#include "svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void page_measures(Req *r)
{
    MeasureSet ms;
    measures_compute(r->db, &ms);
    page_begin(r, "Measures", "measures");
    html_lit(&r->out, "<h1>Measures</h1>\n<p>Every measure the performance pages show. Each is computed from the imported data for every force and period, "
                      "with its change on last year, its rate per 1,000 people and its national and peer-group ranks.</p>\n"
                      "<table class=\"table\"><thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Key</th><th scope=\"col\">Source</th>"
                      "<th scope=\"col\">Period</th><th scope=\"col\">Definition</th></tr></thead><tbody>\n");
    for (int d = 0; d < ms.ndefs; d++) {
        const MeasureDef *md = &ms.defs[d];
        html_printf(&r->out, "<tr><td><a href=\"/measure?key=%s\">%s</a></td><td><code>%s</code></td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
                    url_arg(&r->arena, md->key), md->subject, md->key, md->src == SRC_PUK ? "data.police.uk" : "Home Office",
                    md->win == WIN_MONTH ? "month" : "rolling 12 months", md->definition);
    }
    html_lit(&r->out, "</tbody></table>\n");
    page_end(r);
    measures_free(&ms);
}

/* A force's rank entry on the measure page. */
typedef struct Ranked {
    int fi;
    MeasureRow row;
} Ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    double rx = x->row.has_rate ? x->row.rate : INFINITY, ry = y->row.has_rate ? y->row.rate : INFINITY;
    if (rx != ry) return rx < ry ? -1 : 1;
    return strcmp(x->row.force->name, y->row.force->name);
}

void page_measure(Req *r)
{
    const char *key = req_param(r, "key");
    MeasureSet ms;
    measures_compute(r->db, &ms);
    int d = key ? measures_find(&ms, key) : -1;
    if (d < 0) {
        web_error(r, 404, "There is no measure \"%s\". The Measures page lists them.", key ? key : "");
        measures_free(&ms);
        return;
    }
    int fi, end;
    if (!page_force_period(r, &ms, &fi, &end)) {
        measures_free(&ms);
        return;
    }
    const MeasureDef *md = &ms.defs[d];
    int pi = end ? measures_period_for(&ms, d, end) : measures_latest(&ms, d, fi);
    MeasureRow row;
    bool have = pi >= 0 && measures_row(&ms, d, fi, pi, &row);
    page_begin(r, md->title, "measures");
    html_printf(&r->out, "<span class=\"caption\">%s</span>\n<h1>%s</h1>\n<p>%s</p>\n", ms.forces.f[fi].name, md->title, md->definition);
    if (!have) {
        html_lit(&r->out, "<p>No value is held for this force and period.</p>\n");
        page_end(r);
        measures_free(&ms);
        return;
    }
    char v[32];
    fmt_thousands(v, sizeof v, (long long)llround(row.value));
    html_printf(&r->out, "<dl class=\"figures\"><div><dt>%s</dt><dd>%s</dd></div>", row.period_label, v);
    html_lit(&r->out, "<div><dt>Change on last year</dt><dd>");
    perf_change(&r->out, &row);
    html_lit(&r->out, "</dd></div><div><dt>Per 1,000 people</dt><dd>");
    if (row.has_rate) html_printf(&r->out, "%.2f", row.rate);
    else html_lit(&r->out, "&mdash;");
    html_lit(&r->out, "</dd></div><div><dt>National rank</dt><dd>");
    perf_rank(&r->out, row.nat_rank, row.nat_of);
    html_lit(&r->out, "</dd></div><div><dt>Peer group rank</dt><dd>");
    perf_rank(&r->out, row.msg_rank, row.msg_of);
    html_lit(&r->out, "</dd></div></dl>\n<h2>Over time</h2>\n");
    perf_chart(&r->out, &ms, d, fi, pi, md->src == SRC_PUK ? 36 : 20, 720, 280);

    /* every force ranked */
    Ranked *list = arena_alloc(&r->arena, sizeof(Ranked) * (size_t)ms.forces.n);
    int n = 0;
    for (int k = 0; k < ms.forces.n; k++) {
        if (!ms.forces.f[k].territorial) continue;
        if (measures_row(&ms, d, k, pi, &list[n].row)) list[n++].fi = k;
    }
    qsort(list, (size_t)n, sizeof *list, cmp_ranked);
    SvgBar *bars = arena_alloc(&r->arena, sizeof(SvgBar) * (size_t)(n ? n : 1));
    int nb = 0;
    for (int i = 0; i < n; i++) {
        if (!list[i].row.has_rate) continue;
        int hl = list[i].fi == fi ? 1 : 0;
        for (int k = 0; k < ms.npeers[fi] && !hl; k++)
            if (ms.peers[fi][k] == list[i].fi) hl = 2;
        bars[nb++] = (SvgBar){list[i].row.force->name, list[i].row.rate, hl};
    }
    html_printf(&r->out, "<h2>All forces, %s</h2>\n", row.period_label);
    char title[200];
    snprintf(title, sizeof title, "%s per 1,000 people by force, %s, lowest first", md->subject, row.period_label);
    SvgBarChart bc = {.title = title, .bars = bars, .n = nb, .yunit = "per 1,000 people", .width = 720, .height = 320,
                      .self_label = ms.forces.f[fi].name, .peer_label = "Peer group", .other_label = "Other forces"};
    Buf svg = {0};
    svg_bar_chart(&svg, &bc);
    html_trusted(&r->out, &svg); /* trusted: built by svg.c, which escapes every label */
    buf_free(&svg);
    html_lit(&r->out, "<table class=\"table\"><thead><tr><th scope=\"col\" class=\"num\">Rank</th><th scope=\"col\">Force</th>"
                      "<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\" class=\"num\">Per 1,000 people</th>"
                      "<th scope=\"col\" class=\"num\">Change on last year</th></tr></thead><tbody>\n");
    for (int i = 0; i < n; i++) {
        const MeasureRow *x = &list[i].row;
        int hl = list[i].fi == fi ? 1 : 0;
        for (int k = 0; k < ms.npeers[fi] && !hl; k++)
            if (ms.peers[fi][k] == list[i].fi) hl = 2;
        fmt_thousands(v, sizeof v, (long long)llround(x->value));
        html_printf(&r->out, "<tr%s><td class=\"num\">%d</td><td><a href=\"/measure?key=%s&amp;force=%s&amp;period=%s\">%s</a>%s</td><td class=\"num\">%s</td><td class=\"num\">",
                    hl == 1 ? " class=\"self\"" : hl == 2 ? " class=\"peer\"" : "", x->nat_rank, url_arg(&r->arena, md->key),
                    url_arg(&r->arena, x->force->code), x->period_end, x->force->name, hl == 1 ? " (this force)" : hl == 2 ? " (peer)" : "", v);
        if (x->has_rate) html_printf(&r->out, "%.2f", x->rate);
        html_lit(&r->out, "</td><td class=\"num\">");
        perf_change(&r->out, x);
        html_lit(&r->out, "</td></tr>\n");
    }
    html_lit(&r->out, "</tbody></table>\n<p class=\"note\">Rank 1 is the lowest rate per 1,000 people (ONS mid-2024 population) among the territorial forces of England and Wales with data.</p>\n");
    page_end(r);
    measures_free(&ms);
}
