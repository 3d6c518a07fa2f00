/*
 * page_dashboard.c: /dashboard, the force performance page, and /pack, the
 * same report as one printable page (see perf_view.h and pack.c).
 *
 * Parameters: force (any spelling; default the office's force), period (a
 * month like 2025-12 or a quarter like 2025/26 Q3; default the latest).
 */
#include "db.h"
#include "forces.h"
#include "measures.h"
#include "pack.h"
#include "measures_cache.h"
#include "pages.h"
#include "perf_view.h"

#include <stdio.h>
#include <string.h>

/* Resolves the force and month a performance page is asked for. Renders an
 * error and returns false when they cannot be. */
bool page_force_period(Req *r, const MeasureSet *ms, int *fi, int *end)
{
    const char *f = req_param(r, "force");
    int id = f && *f ? forces_lookup(r->db, f, strlen(f)) : ms->office;
    if (f && *f && !id) {
        web_error(r, 404, "There is no force called \"%s\". The Forces page lists them.", f);
        return false;
    }
    if (!id) {
        web_error(r, 404, "No office force is set. Choose the office's force on the Forces page.");
        return false;
    }
    *fi = measures_force_index(ms, id);
    const char *p = req_param(r, "period");
    if (p && *p) {
        *end = measures_parse_period(p);
        if (!*end) {
            web_error(r, 400, "The period \"%s\" is not a month like 2025-12 or a financial quarter like 2025/26 Q3.", p);
            return false;
        }
    } else {
        *end = perf_default_end(ms, *fi);
    }
    return *fi >= 0;
}

/* The form to choose the month (GET, so no CSRF token is needed). */
static void period_form(Req *r, const MeasureSet *ms, int fi, int end)
{
    /* the months of the force's own data, else of police.uk */
    int d = measures_find(ms, "crime.recorded"), area = measures_area_force(ms);
    if (d < 0 || measures_latest(ms, d, WIN_MONTH, area) < 0) d = measures_find(ms, "puk.all-crime"), area = fi;
    html_lit(&r->out, "<form class=\"inline-form\" method=\"get\" action=\"/dashboard\">");
    html_printf(&r->out, "<input type=\"hidden\" name=\"force\" value=\"%s\">", ms->forces.f[fi].code);
    html_lit(&r->out, "<label for=\"period\">Month</label> <select id=\"period\" name=\"period\">");
    for (int m = d >= 0 ? measures_latest(ms, d, WIN_MONTH, area) : -1; m >= 0 && d >= 0; m--) {
        MeasureValue row;
        if (!measures_value(ms, d, WIN_MONTH, area, m, &row)) break;
        char label[24];
        measures_month_label(m, label, sizeof label);
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", row.period, month_yyyymm(m) == end ? " selected" : "", label);
    }
    html_lit(&r->out, "</select> <button type=\"submit\" class=\"button secondary\">Show</button></form>\n");
}

void page_dashboard(Req *r)
{
    const MeasureSet *ms = measures_acquire(r->db, r->db_path);
    int fi, end;
    if (!page_force_period(r, ms, &fi, &end)) {
        measures_release(ms);
        return;
    }
    char title[128];
    snprintf(title, sizeof title, "%s: force performance", ms->forces.f[fi].name);
    page_begin(r, title, "dashboard");
    html_printf(&r->out, "<h1>%s</h1>\n", title);
    if (!end) {
        html_lit(&r->out, "<p>No crime data is held yet. Import police.uk and Home Office data (see the Imports page), or create a demo database with <code>assure init --demo</code>.</p>\n");
    } else {
        period_form(r, ms, fi, end);
        html_printf(&r->out, "<p><a class=\"button secondary\" href=\"/pack?force=%s&amp;period=%04d-%02d\">Printable pack</a></p>\n",
                    url_arg(&r->arena, ms->forces.f[fi].code), end / 100, end % 100);
        PerfView v = {r->db, ms, fi, end, true, &r->arena};
        perf_render(&r->out, &v);
    }
    page_end(r);
    measures_release(ms);
}

void page_pack(Req *r)
{
    const MeasureSet *ms = measures_acquire(r->db, r->db_path);
    int fi, end;
    if (page_force_period(r, ms, &fi, &end)) {
        if (!end) web_error(r, 404, "No crime data is held yet, so there is no pack to print.");
        else pack_render(&r->out, r->db, ms, fi, end, false, &r->arena);
    }
    measures_release(ms);
}
