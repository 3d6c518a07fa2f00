/*
 * page_plan_measures.c: /plan/measures?objective=N, the measures that
 * evidence one objective of the Plan (the objective_measure links /plan
 * shows with their values and RAG): the linked measures, each with a
 * button to remove it, and a form to link another current measure. For
 * roles with capability p; each change is one transaction and audited
 * (sql/009_objective_measure.sql).
 */
#include "db.h"
#include "form.h"
#include "measure_def.h"
#include "pages.h"

#include <string.h>

/* The objective, its plan and title; false with the error page written
 * when there is none the user may see. */
static bool objective_context(Req *r, long long *objective, long long *plan, const char **title)
{
    *objective = req_param_id(r, "objective");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT pl.id, o.title, pl.status, pl.marking FROM plan_objective o JOIN plan_priority pr ON pr.id=o.priority_id"
                                         " JOIN plan pl ON pl.id=pr.plan_id WHERE o.id=?1");
    sqlite3_bind_int64(st, 1, *objective);
    bool ok = sqlite3_step(st) == SQLITE_ROW && page_plan_sees(r, db_text(st, 2), db_text(st, 3));
    if (ok) {
        *plan = sqlite3_column_int64(st, 0);
        *title = arena_strdup(&r->arena, db_text(st, 1));
    }
    sqlite3_finalize(st);
    if (!ok) web_error(r, 404, "There is no objective with that number that you may see.");
    return ok;
}

static void measures_page(Req *r, long long objective, long long plan, const char *title, const FormErr *e)
{
    MeasureDefs defs;
    mdefs_load(r->db, &defs);
    page_begin(r, "Measures that evidence an objective", "plan");
    form_error_summary(r, e);
    const char *saved = req_param(r, "saved");
    if (!e && saved && *saved) form_saved(r, "The objective's measures are saved.");
    html_printf(&r->out, "<span class=\"caption\">%s</span>\n<h1>Measures that evidence this objective</h1>\n", title);
    html_lit(&r->out, "<p>The Plan page shows each of these beside the objective with its latest value, target and RAG.</p>\n");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT m.key FROM objective_measure om JOIN measure m ON m.id=om.measure_id WHERE om.objective_id=?1 ORDER BY m.key");
    sqlite3_bind_int64(st, 1, objective);
    int linked = 0;
    html_lit(&r->out, "<table class=\"table\"><caption class=\"visually-hidden\">Linked measures</caption><thead><tr><th scope=\"col\">Measure</th>"
                      "<th scope=\"col\">Title</th><th scope=\"col\"><span class=\"visually-hidden\">Action</span></th></tr></thead><tbody>\n");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *key = db_text(st, 0);
        const char *mt = "(retired)";
        for (int i = 0; i < defs.n; i++)
            if (strcmp(defs.d[i].key, key) == 0) mt = defs.d[i].title;
        linked++;
        html_printf(&r->out, "<tr><td><a class=\"link\" href=\"/measure?key=%s\"><code>%s</code></a></td><td>%s</td><td>", url_arg(&r->arena, key), key, mt);
        html_printf(&r->out, "<form method=\"post\" action=\"/plan/measures?objective=%lld\" class=\"inline-form\">", objective);
        page_csrf_field(r);
        html_printf(&r->out, "<input type=\"hidden\" name=\"action\" value=\"remove\"><input type=\"hidden\" name=\"measure\" value=\"%s\">"
                             "<button type=\"submit\" class=\"button button-secondary\">Remove<span class=\"visually-hidden\"> %s</span></button></form></td></tr>\n",
                    key, key);
    }
    sqlite3_finalize(st);
    if (!linked) html_lit(&r->out, "<tr><td colspan=\"3\">No measure evidences this objective yet.</td></tr>\n");
    html_lit(&r->out, "</tbody></table>\n<h2>Link a measure</h2>\n");
    html_printf(&r->out, "<form method=\"post\" action=\"/plan/measures?objective=%lld\">", objective);
    page_csrf_field(r);
    html_lit(&r->out, "<input type=\"hidden\" name=\"action\" value=\"add\">");
    bool bad = form_err_on(e, "measure");
    html_printf(&r->out, "<div class=\"form-group%s\"><label class=\"label\" for=\"measure\">Measure</label>", bad ? " form-group-error" : "");
    if (bad) html_printf(&r->out, "<p class=\"error-message\"><span class=\"visually-hidden\">Error:</span> %s</p>", e->msg);
    html_lit(&r->out, "<select class=\"select\" id=\"measure\" name=\"measure\">");
    for (int i = 0; i < defs.n; i++) html_printf(&r->out, "<option value=\"%s\">%s: %s</option>", defs.d[i].key, defs.d[i].key, defs.d[i].title);
    html_lit(&r->out, "</select></div><button type=\"submit\" class=\"button\">Link the measure</button></form>\n");
    page_history_link(r, "objective_measure", objective, "History of this objective's measures", true);
    html_printf(&r->out, "<p><a class=\"link\" href=\"/plan?id=%lld#objective-%lld\">Back to the plan</a></p>\n", plan, objective);
    page_end(r);
    mdefs_free(&defs);
}

static void measures_post(Req *r, long long objective, long long plan, const char *title)
{
    const char *action = req_param(r, "action"), *key = req_param(r, "measure");
    FormErr e = {"measure", NULL, 0};
    bool add = action && strcmp(action, "add") == 0, remove = action && strcmp(action, "remove") == 0;
    if (!add && !remove) {
        web_error(r, 400, "The form did not say whether to link or remove a measure.");
        return;
    }
    db_exec(r->db, "BEGIN IMMEDIATE");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id FROM measure WHERE key=?1 AND (retired_at IS NULL OR ?2)");
    sqlite3_bind_text(st, 1, key ? key : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, remove);
    long long mid = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (!mid) {
        e.msg = arena_printf(&r->arena, "Measure: there is no current measure \"%s\"", key ? key : "");
    } else {
        st = add ? db_prepare(r->db, "INSERT OR IGNORE INTO objective_measure(objective_id, measure_id) VALUES(?1, ?2)")
                 : db_prepare(r->db, "DELETE FROM objective_measure WHERE objective_id=?1 AND measure_id=?2");
        sqlite3_bind_int64(st, 1, objective);
        sqlite3_bind_int64(st, 2, mid);
        db_step_done(st);
        sqlite3_finalize(st);
        if (!sqlite3_changes(r->db))
            e.msg = add ? arena_printf(&r->arena, "Measure: %s already evidences this objective", key)
                        : arena_printf(&r->arena, "Measure: %s is not linked to this objective", key);
    }
    if (e.msg) {
        db_exec(r->db, "ROLLBACK");
        measures_page(r, objective, plan, title, &e);
        r->status = 400;
        return;
    }
    db_exec(r->db, "COMMIT");
    web_redirect(r, arena_printf(&r->arena, "/plan/measures?objective=%lld&saved=1", objective));
}

void page_plan_measures(Req *r)
{
    long long objective, plan;
    const char *title;
    if (!objective_context(r, &objective, &plan, &title)) return;
    if (strcmp(r->method, "POST") == 0) measures_post(r, objective, plan, title);
    else measures_page(r, objective, plan, title, NULL);
}
