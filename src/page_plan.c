/*
 * page_plan.c: the Plan pages.
 *
 *   /plan          (GET v, POST p) a plan: progress by priority, overdue actions,
 *                  each priority's objectives by service with their
 *                  deliverables, actions and evidencing measures (RAG from
 *                  perf_view.c), and the Panel's reviews with responses;
 *                  POST changes its status (draft, issued, revised; with
 *                  revision=new another revision, the version plus one).
 *   /plan/action   (GET and POST, p) edit an action, or add one to a
 *                  deliverable.
 *   /plan/new      (GET and POST, p) create a plan: title, period, marking;
 *                  a draft, version 1.
 *   /plan/part     (GET and POST, p) add a priority (?plan=), an objective
 *                  (?priority=) or a deliverable (?objective=) by hand.
 *   /plan/review   (GET r, POST p) record a Panel review of a plan with its
 *                  recommendations, and the Commissioner's responses.
 *
 * What a user may see: draft plans only with CAP_RECORDS; OFFICIAL-SENSITIVE
 * plans and actions only with CAP_SENSITIVE (req_sees). Hidden actions are
 * left out of every count, list and table, not only of the lists.
 */
#include "db.h"
#include "import.h"
#include "measures_cache.h"
#include "pages.h"
#include "perf_view.h"
#include "plan.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A plan's header row. */
typedef struct PlanInfo {
    long long id;
    const char *title, *starts, *ends, *status, *marking, *source;
    int version;
} PlanInfo;

bool page_plan_sees(Req *r, const char *status, const char *marking)
{
    return (strcmp(status, "draft") != 0 || req_can(r, CAP_RECORDS)) && req_sees(r, marking);
}

/* Loads plan id; false when there is none or the user may not see it. */
static bool plan_load(Req *r, long long id, PlanInfo *p)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, title, starts, ends, status, marking, source, version FROM plan WHERE id=?1");
    sqlite3_bind_int64(st, 1, id);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok) {
        p->id = sqlite3_column_int64(st, 0);
        p->title = arena_strdup(&r->arena, db_text(st, 1));
        p->starts = arena_strdup(&r->arena, db_text(st, 2));
        p->ends = arena_strdup(&r->arena, db_text(st, 3));
        p->status = arena_strdup(&r->arena, db_text(st, 4));
        p->marking = arena_strdup(&r->arena, db_text(st, 5));
        p->source = arena_strdup(&r->arena, db_text(st, 6));
        p->version = sqlite3_column_int(st, 7);
        ok = page_plan_sees(r, p->status, p->marking);
    }
    sqlite3_finalize(st);
    return ok;
}

/* The plan shown when none is asked for: the current one the user may see. */
static long long plan_default(Req *r)
{
    long long id = plan_current(r->db, req_can(r, CAP_RECORDS));
    PlanInfo p;
    if (id && plan_load(r, id, &p)) return id;
    /* the current one is hidden from this user: the latest they may see */
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, status, marking FROM plan ORDER BY status <> 'draft' DESC, ends DESC, id DESC");
    id = 0;
    while (!id && sqlite3_step(st) == SQLITE_ROW)
        if (page_plan_sees(r, db_text(st, 1), db_text(st, 2))) id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return id;
}

static void rag_tag(Req *r, const char *rag)
{
    if (strcmp(rag, "G") == 0) html_lit(&r->out, "<strong class=\"tag tag-green\">Green</strong>");
    else if (strcmp(rag, "A") == 0) html_lit(&r->out, "<strong class=\"tag tag-amber\">Amber</strong>");
    else if (strcmp(rag, "R") == 0) html_lit(&r->out, "<strong class=\"tag tag-red\">Red</strong>");
    else html_lit(&r->out, "<span class=\"tag tag-grey\">Not rated</span>");
}

static void due_cell(Req *r, const char *due)
{
    if (*due) html_printf(&r->out, "%s", due);
    else html_lit(&r->out, "<span class=\"none\">&mdash;</span>");
}

/* Parses asat=YYYY-MM (default this month) into *month; false on a bad one. */
static bool asat_month(Req *r, int *month)
{
    const char *s = req_param(r, "asat");
    if (!s || !*s) {
        *month = plan_this_month();
        return true;
    }
    if (!parse_month(s, strlen(s), month)) {
        web_error(r, 400, "The month \"%s\" is not a month like 2026-03.", s);
        return false;
    }
    return true;
}

/* ---- /plan ---- */

static void plan_chooser(Req *r, long long current)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, title, status, version, marking, starts, ends FROM plan ORDER BY ends DESC, id DESC");
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) n += page_plan_sees(r, db_text(st, 2), db_text(st, 4));
    sqlite3_reset(st);
    if (n > 1) {
        html_lit(&r->out, "<form class=\"inline-form\" method=\"get\" action=\"/plan\"><label class=\"label\" for=\"plan-id\">Plan</label> "
                          "<select class=\"select\" id=\"plan-id\" name=\"id\">");
        while (sqlite3_step(st) == SQLITE_ROW) {
            if (!page_plan_sees(r, db_text(st, 2), db_text(st, 4))) continue;
            long long id = sqlite3_column_int64(st, 0);
            html_printf(&r->out, "<option value=\"%lld\"%s>%s (%s to %s, %s, version %d)</option>", id, id == current ? " selected" : "", db_text(st, 1),
                        db_text(st, 5), db_text(st, 6), db_text(st, 2), sqlite3_column_int(st, 3));
        }
        html_lit(&r->out, "</select> <button type=\"submit\" class=\"button secondary\">Show</button></form>\n");
    }
    sqlite3_finalize(st);
}

static void progress_table(Req *r, const PlanInfo *p, bool sens)
{
    sqlite3_stmt *st = db_prepare(r->db,
                                  "SELECT pr.title, count(a.id), sum(a.status='not started'), sum(a.status='in progress'), sum(a.status='complete'),"
                                  " sum(a.status='cancelled'), sum(a.rag='R'), sum(a.rag='A'), sum(a.rag='G'), sum(a.rag=''),"
                                  " count(DISTINCT o.id), count(DISTINCT d.id)"
                                  " FROM plan_priority pr LEFT JOIN plan_objective o ON o.priority_id=pr.id"
                                  " LEFT JOIN plan_deliverable d ON d.objective_id=o.id"
                                  " LEFT JOIN plan_action a ON a.deliverable_id=d.id AND (a.marking='OFFICIAL' OR ?2)"
                                  " WHERE pr.plan_id=?1 GROUP BY pr.id ORDER BY pr.position");
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_int(st, 2, sens);
    html_lit(&r->out, "<h2 id=\"progress\">Progress by priority</h2>\n");
    html_lit(&r->out, "<table class=\"table plan-progress\"><caption class=\"visually-hidden\">Actions by status and RAG rating, per priority</caption>\n"
                      "<thead><tr><th scope=\"col\">Priority</th><th scope=\"col\" class=\"num\">Objectives</th><th scope=\"col\" class=\"num\">Actions</th>"
                      "<th scope=\"col\" class=\"num\">Not started</th><th scope=\"col\" class=\"num\">In progress</th><th scope=\"col\" class=\"num\">Complete</th>"
                      "<th scope=\"col\" class=\"num\">Cancelled</th><th scope=\"col\" class=\"num\">% complete</th>"
                      "<th scope=\"col\" class=\"num\">Red</th><th scope=\"col\" class=\"num\">Amber</th><th scope=\"col\" class=\"num\">Green</th>"
                      "<th scope=\"col\" class=\"num\">Not rated</th></tr></thead>\n<tbody>\n");
    long long tot[10] = {0};
    int rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long long v[11];
        for (int i = 0; i < 11; i++) v[i] = sqlite3_column_int64(st, i + 1);
        /* columns: actions, ns, ip, done, cancelled, R, A, G, unrated, objectives, deliverables */
        html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td class=\"num\">%lld</td><td class=\"num\">%lld</td>", db_text(st, 0), v[9], v[0]);
        for (int i = 1; i <= 4; i++) html_printf(&r->out, "<td class=\"num\">%lld</td>", v[i]);
        long long live = v[0] - v[4];
        if (live > 0) html_printf(&r->out, "<td class=\"num\">%.0f%%</td>", 100.0 * (double)v[3] / (double)live);
        else html_lit(&r->out, "<td class=\"num\"><span class=\"none\">&mdash;</span></td>");
        for (int i = 5; i <= 8; i++) html_printf(&r->out, "<td class=\"num\">%lld</td>", v[i]);
        html_lit(&r->out, "</tr>\n");
        for (int i = 0; i < 9; i++) tot[i] += v[i];
        tot[9] += v[9];
        rows++;
    }
    sqlite3_finalize(st);
    if (rows) {
        html_printf(&r->out, "<tr class=\"total\"><th scope=\"row\">All priorities</th><td class=\"num\">%lld</td><td class=\"num\">%lld</td>", tot[9], tot[0]);
        for (int i = 1; i <= 4; i++) html_printf(&r->out, "<td class=\"num\">%lld</td>", tot[i]);
        long long live = tot[0] - tot[4];
        if (live > 0) html_printf(&r->out, "<td class=\"num\">%.0f%%</td>", 100.0 * (double)tot[3] / (double)live);
        else html_lit(&r->out, "<td class=\"num\"><span class=\"none\">&mdash;</span></td>");
        for (int i = 5; i <= 8; i++) html_printf(&r->out, "<td class=\"num\">%lld</td>", tot[i]);
        html_lit(&r->out, "</tr>\n");
    } else {
        html_lit(&r->out, "<tr><td colspan=\"12\">This plan has no priorities yet.</td></tr>\n");
    }
    html_lit(&r->out, "</tbody></table>\n<p class=\"hint\">% complete counts complete actions among those not cancelled.</p>\n");
}

static void overdue_table(Req *r, const PlanInfo *p, bool sens, int asat, bool can_edit)
{
    sqlite3_stmt *st = db_prepare(r->db,
                                  "SELECT a.id, a.title, a.owner, a.due, a.due_month, a.status, a.rag, o.title, d.title"
                                  " FROM plan_action a JOIN plan_deliverable d ON d.id=a.deliverable_id JOIN plan_objective o ON o.id=d.objective_id"
                                  " JOIN plan_priority pr ON pr.id=o.priority_id"
                                  " WHERE pr.plan_id=?1 AND a.due_month IS NOT NULL AND a.due_month < ?2"
                                  " AND a.status NOT IN ('complete','cancelled') AND (a.marking='OFFICIAL' OR ?3)"
                                  " ORDER BY a.due_month, pr.position, o.position, d.position, a.position");
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_int(st, 2, asat);
    sqlite3_bind_int(st, 3, sens);
    html_printf(&r->out, "<h2 id=\"overdue\">Overdue actions</h2>\n<p>Actions due in a month before %04d-%02d that are neither complete nor cancelled.</p>\n",
                asat / 100, asat % 100);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!n++)
            html_lit(&r->out, "<table class=\"table plan-overdue\"><caption class=\"visually-hidden\">Overdue actions</caption>\n<thead><tr>"
                              "<th scope=\"col\">Action</th><th scope=\"col\">Objective and deliverable</th><th scope=\"col\">Owner</th>"
                              "<th scope=\"col\">Due</th><th scope=\"col\" class=\"num\">Months overdue</th><th scope=\"col\">Status</th>"
                              "<th scope=\"col\">RAG</th></tr></thead>\n<tbody>\n");
        int due = sqlite3_column_int(st, 4);
        int late = month_abs(asat) - month_abs(due);
        long long id = sqlite3_column_int64(st, 0);
        html_lit(&r->out, "<tr class=\"overdue\"><td>");
        if (can_edit) html_printf(&r->out, "<a href=\"/plan/action?id=%lld\">%s</a>", id, db_text(st, 1));
        else html_printf(&r->out, "<a href=\"#action-%lld\">%s</a>", id, db_text(st, 1));
        html_printf(&r->out, "</td><td>%s: %s</td><td>%s</td><td>", db_text(st, 7), db_text(st, 8), db_text(st, 2));
        due_cell(r, db_text(st, 3));
        html_printf(&r->out, "</td><td class=\"num\">%d</td><td>%s</td><td>", late, db_text(st, 5));
        rag_tag(r, db_text(st, 6));
        html_lit(&r->out, "</td></tr>\n");
    }
    sqlite3_finalize(st);
    if (n) html_printf(&r->out, "</tbody></table>\n<p><span class=\"overdue-count\">%d overdue action%s</span>.</p>\n", n, n == 1 ? "" : "s");
    else html_lit(&r->out, "<p class=\"overdue-count\">No action is overdue.</p>\n");
}

/* The measures view for objectives: the office's force and its latest month. */
typedef struct MeasureCtx {
    const MeasureSet *ms;
    PerfView v;
    bool ready;
} MeasureCtx;

static void objective_measures(Req *r, MeasureCtx *mc, long long objective)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT m.key FROM objective_measure om JOIN measure m ON m.id=om.measure_id WHERE om.objective_id=?1 ORDER BY m.key");
    sqlite3_bind_int64(st, 1, objective);
    const char *keys[64];
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW && n < (int)ARRAY_LEN(keys)) keys[n++] = arena_strdup(&r->arena, db_text(st, 0));
    sqlite3_finalize(st);
    if (!n) return;
    if (!mc->ready) {
        html_lit(&r->out, "<p class=\"hint\">Evidenced by: ");
        for (int i = 0; i < n; i++) html_printf(&r->out, "%s<a href=\"/measure?key=%s\">%s</a>", i ? ", " : "", url_arg(&r->arena, keys[i]), keys[i]);
        html_lit(&r->out, " (no office force or no data is held, so no values are shown).</p>\n");
        return;
    }
    int shown = perf_measure_table(&r->out, &mc->v, "Measures that evidence this objective", keys, n);
    if (shown < n) {
        html_lit(&r->out, "<p class=\"hint\">Linked measures no longer defined: ");
        int k = 0;
        for (int i = 0; i < n; i++)
            if (measures_find(mc->ms, keys[i]) < 0) html_printf(&r->out, "%s%s", k++ ? ", " : "", keys[i]);
        html_lit(&r->out, ".</p>\n");
    }
}

static void objectives_section(Req *r, const PlanInfo *p, bool sens, int asat, bool can_edit, MeasureCtx *mc)
{
    sqlite3_stmt *pr = db_prepare(r->db, "SELECT id, position, title FROM plan_priority WHERE plan_id=?1 ORDER BY position");
    sqlite3_stmt *ob = db_prepare(r->db, "SELECT id, service, title FROM plan_objective WHERE priority_id=?1"
                                         " ORDER BY CASE service WHEN 'Police' THEN 1 WHEN 'Fire and Rescue' THEN 2 ELSE 3 END, position");
    sqlite3_stmt *de = db_prepare(r->db, "SELECT id, title FROM plan_deliverable WHERE objective_id=?1 ORDER BY position");
    sqlite3_stmt *ac = db_prepare(r->db, "SELECT id, title, owner, due, due_month, status, rag, note, marking FROM plan_action"
                                         " WHERE deliverable_id=?1 AND (marking='OFFICIAL' OR ?2) ORDER BY position");
    sqlite3_bind_int64(pr, 1, p->id);
    html_lit(&r->out, "<h2 id=\"objectives\">Priorities, objectives and actions</h2>\n");
    while (sqlite3_step(pr) == SQLITE_ROW) {
        long long prid = sqlite3_column_int64(pr, 0);
        html_printf(&r->out, "<section class=\"plan-priority\" id=\"priority-%lld\"><h3>%d. %s</h3>\n", prid, sqlite3_column_int(pr, 1), db_text(pr, 2));
        sqlite3_bind_int64(ob, 1, prid);
        char service[32] = "";
        while (sqlite3_step(ob) == SQLITE_ROW) {
            long long oid = sqlite3_column_int64(ob, 0);
            if (strcmp(service, db_text(ob, 1)) != 0) {
                snprintf(service, sizeof service, "%s", db_text(ob, 1));
                html_printf(&r->out, "<h4 class=\"plan-service\">%s</h4>\n", service);
            }
            html_printf(&r->out, "<div class=\"plan-objective\" id=\"objective-%lld\"><h5>%s <span class=\"tag tag-blue\">%s</span></h5>\n", oid,
                        db_text(ob, 2), db_text(ob, 1));
            objective_measures(r, mc, oid);
            sqlite3_bind_int64(de, 1, oid);
            int ndel = 0;
            while (sqlite3_step(de) == SQLITE_ROW) {
                long long did = sqlite3_column_int64(de, 0);
                ndel++;
                html_printf(&r->out, "<table class=\"table plan-actions\" id=\"deliverable-%lld\"><caption>Deliverable: %s</caption>\n", did, db_text(de, 1));
                html_lit(&r->out, "<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th>"
                                  "<th scope=\"col\">Status</th><th scope=\"col\">RAG</th><th scope=\"col\">Note</th></tr></thead>\n<tbody>\n");
                sqlite3_bind_int64(ac, 1, did);
                sqlite3_bind_int(ac, 2, sens);
                int nact = 0;
                while (sqlite3_step(ac) == SQLITE_ROW) {
                    long long aid = sqlite3_column_int64(ac, 0);
                    int due = sqlite3_column_int(ac, 4);
                    const char *status = db_text(ac, 5);
                    bool late = due && due < asat && strcmp(status, "complete") != 0 && strcmp(status, "cancelled") != 0;
                    nact++;
                    html_printf(&r->out, "<tr id=\"action-%lld\"%s><td>", aid, late ? " class=\"overdue\"" : "");
                    if (can_edit) html_printf(&r->out, "<a href=\"/plan/action?id=%lld\">%s</a>", aid, db_text(ac, 1));
                    else html_printf(&r->out, "%s", db_text(ac, 1));
                    if (strcmp(db_text(ac, 8), "OFFICIAL") != 0) html_printf(&r->out, " <span class=\"tag tag-red\">%s</span>", db_text(ac, 8));
                    html_lit(&r->out, "</td><td>");
                    if (*db_text(ac, 2)) html_printf(&r->out, "%s", db_text(ac, 2));
                    else html_lit(&r->out, "<span class=\"none\">&mdash;</span>");
                    html_lit(&r->out, "</td><td>");
                    due_cell(r, db_text(ac, 3));
                    if (late) html_lit(&r->out, " <strong class=\"tag tag-red\">Overdue</strong>");
                    html_printf(&r->out, "</td><td>%s</td><td>", status);
                    rag_tag(r, db_text(ac, 6));
                    html_printf(&r->out, "</td><td>%s</td></tr>\n", db_text(ac, 7));
                }
                sqlite3_reset(ac);
                if (!nact) html_lit(&r->out, "<tr><td colspan=\"6\">No actions shown.</td></tr>\n");
                html_lit(&r->out, "</tbody></table>\n");
                if (can_edit)
                    html_printf(&r->out, "<p><a class=\"link\" href=\"/plan/action?deliverable=%lld\">Add an action to this deliverable</a> &middot; "
                                         "<a class=\"link\" href=\"/plan/part/edit?kind=deliverable&amp;id=%lld\">Rename or remove the deliverable</a></p>\n",
                                did, did);
            }
            sqlite3_reset(de);
            if (!ndel) html_lit(&r->out, "<p class=\"hint\">No deliverables are recorded for this objective yet.</p>\n");
            if (can_edit)
                html_printf(&r->out, "<p><a class=\"link\" href=\"/plan/part?objective=%lld\">Add a deliverable to this objective</a> &middot; "
                                     "<a class=\"link\" href=\"/plan/measures?objective=%lld\">Choose the measures that evidence it</a> &middot; "
                                     "<a class=\"link\" href=\"/plan/part/edit?kind=objective&amp;id=%lld\">Rename or remove the objective</a></p>\n",
                            oid, oid, oid);
            html_lit(&r->out, "</div>\n");
        }
        sqlite3_reset(ob);
        if (can_edit)
            html_printf(&r->out, "<p><a class=\"link\" href=\"/plan/part?priority=%lld\">Add an objective to this priority</a> &middot; "
                                 "<a class=\"link\" href=\"/plan/part/edit?kind=priority&amp;id=%lld\">Rename or remove the priority</a></p>\n",
                        prid, prid);
        html_lit(&r->out, "</section>\n");
    }
    if (can_edit) html_printf(&r->out, "<p><a class=\"button secondary\" href=\"/plan/part?plan=%lld\">Add a priority</a></p>\n", p->id);
    sqlite3_finalize(pr), sqlite3_finalize(ob), sqlite3_finalize(de), sqlite3_finalize(ac);
}

/* The reviews of a plan, each with its recommendations and responses. */
static void reviews_section(Req *r, long long plan, bool full_links)
{
    sqlite3_stmt *rv = db_prepare(r->db, "SELECT id, reviewed_on, summary FROM plan_review WHERE plan_id=?1 ORDER BY reviewed_on, id");
    sqlite3_stmt *rc = db_prepare(r->db, "SELECT position, text, response, responded_on FROM plan_recommendation WHERE review_id=?1 ORDER BY position");
    sqlite3_bind_int64(rv, 1, plan);
    html_lit(&r->out, "<h2 id=\"reviews\">The Panel's reviews</h2>\n");
    int n = 0;
    while (sqlite3_step(rv) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(rv, 0);
        n++;
        html_printf(&r->out, "<section class=\"plan-review\" id=\"review-%lld\"><h3>Review of %s</h3>\n", id, db_text(rv, 1));
        if (*db_text(rv, 2)) html_printf(&r->out, "<p>%s</p>\n", db_text(rv, 2));
        html_lit(&r->out, "<table class=\"table plan-recommendations\"><caption class=\"visually-hidden\">Recommendations and responses</caption>\n"
                          "<thead><tr><th scope=\"col\" class=\"num\">No.</th><th scope=\"col\">The Panel's recommendation</th>"
                          "<th scope=\"col\">The Commissioner's response</th><th scope=\"col\">Responded</th></tr></thead>\n<tbody>\n");
        sqlite3_bind_int64(rc, 1, id);
        int nrec = 0, answered = 0;
        while (sqlite3_step(rc) == SQLITE_ROW) {
            nrec++;
            html_printf(&r->out, "<tr><td class=\"num\">%d</td><td>%s</td><td>", sqlite3_column_int(rc, 0), db_text(rc, 1));
            if (*db_text(rc, 2)) {
                answered++;
                html_printf(&r->out, "%s</td><td>%s", db_text(rc, 2), db_text(rc, 3));
            } else {
                html_lit(&r->out, "<span class=\"tag tag-amber\">Awaiting a response</span></td><td>");
            }
            html_lit(&r->out, "</td></tr>\n");
        }
        sqlite3_reset(rc);
        html_printf(&r->out, "</tbody></table>\n<p>%d of %d recommendation%s answered.", answered, nrec, nrec == 1 ? "" : "s");
        if (full_links) html_printf(&r->out, " <a class=\"link\" href=\"/plan/review?id=%lld\">Record responses</a>", id);
        html_lit(&r->out, "</p>\n</section>\n");
    }
    if (!n) html_lit(&r->out, "<p>No review by the Panel is recorded for this plan.</p>\n");
    sqlite3_finalize(rv), sqlite3_finalize(rc);
}

/* POST /plan: a plan's status moves through its versions: draft (before
 * the Panel), issued, revised (each revision is a new version). */
static void plan_status_post(Req *r)
{
    long long id = req_param_id(r, "id");
    const char *status = req_param(r, "status");
    PlanInfo p;
    if (id <= 0 || !plan_load(r, id, &p)) {
        web_error(r, 404, "There is no plan \"%s\" you may see.", req_param(r, "id") ? req_param(r, "id") : "");
        return;
    }
    if (!status || (strcmp(status, "draft") != 0 && strcmp(status, "issued") != 0 && strcmp(status, "revised") != 0)) {
        web_error(r, 400, "The status \"%s\" is not one of draft, issued or revised.", status ? status : "");
        return;
    }
    /* revision=new: another revision of an issued or revised plan */
    const char *rev = req_param(r, "revision");
    bool another = rev && strcmp(rev, "new") == 0;
    if (another && (strcmp(status, "revised") != 0 || strcmp(p.status, "draft") == 0)) {
        web_error(r, 400, "A revision is of an issued or revised plan, with status revised; this plan is %s. Issue it first.", p.status);
        return;
    }
    sqlite3_stmt *up = db_prepare(r->db, "UPDATE plan SET status=?2, version=version + (?2 = 'revised') WHERE id=?1 AND (status <> ?2 OR ?3)");
    sqlite3_bind_int64(up, 1, id);
    sqlite3_bind_text(up, 2, status, -1, SQLITE_STATIC);
    sqlite3_bind_int(up, 3, another);
    bool ok = db_step_done(up);
    sqlite3_finalize(up);
    if (!ok) {
        web_error(r, 409, "The plan's status could not be changed: %s", sqlite3_errmsg(r->db));
        return;
    }
    web_redirect(r, arena_printf(&r->arena, "/plan?id=%lld", id));
}

void page_plan(Req *r)
{
    if (strcmp(r->method, "POST") == 0) {
        plan_status_post(r);
        return;
    }
    long long id = req_param_id(r, "id");
    int asat;
    if (!asat_month(r, &asat)) return;
    if (id < 0) {
        web_error(r, 400, "The plan \"%s\" is not a plan number.", req_param(r, "id"));
        return;
    }
    if (!id) id = plan_default(r);
    PlanInfo p;
    if (!id) {
        page_begin(r, "The Plan", "plan");
        html_lit(&r->out, "<h1>The Plan</h1>\n<p>No plan is held yet. Import a work plan with <code>assure import work-plan FILE</code>, "
                          "or create a demo database with <code>assure init --demo</code>.</p>\n");
        if (req_can(r, CAP_PLAN)) html_lit(&r->out, "<p><a class=\"button\" href=\"/plan/new\">Create a plan</a></p>\n");
        page_end(r);
        return;
    }
    if (!plan_load(r, id, &p)) {
        web_error(r, 404, "There is no plan %lld you may see. The Plan page lists those held.", id);
        return;
    }
    bool sens = req_can(r, CAP_SENSITIVE), can_edit = req_can(r, CAP_PLAN);
    page_begin(r, p.title, "plan");
    html_printf(&r->out, "<span class=\"caption\">The Plan</span>\n<h1>%s</h1>\n", p.title);
    plan_chooser(r, p.id);
    html_printf(&r->out, "<dl class=\"summary-list\"><div class=\"summary-list-row\"><dt class=\"summary-list-key\">Period</dt><dd class=\"summary-list-value\">%s to %s</dd></div>"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Status</dt><dd class=\"summary-list-value\">%s, version %d</dd></div>"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Marking</dt><dd class=\"summary-list-value\">%s</dd></div>",
                p.starts, p.ends, p.status, p.version, p.marking);
    if (*p.source)
        html_printf(&r->out, "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Imported from</dt><dd class=\"summary-list-value\">%s</dd></div>", p.source);
    html_lit(&r->out, "</dl>\n");
    if (can_edit) {
        static const char *const statuses[] = {"draft", "issued", "revised"};
        html_lit(&r->out, "<form class=\"inline-form\" method=\"post\" action=\"/plan\">");
        page_csrf_field(r);
        html_printf(&r->out, "<input type=\"hidden\" name=\"id\" value=\"%lld\"><label class=\"label\" for=\"plan-status\">Status</label> "
                             "<select class=\"select\" id=\"plan-status\" name=\"status\">", p.id);
        for (int i = 0; i < 3; i++)
            html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", statuses[i], strcmp(p.status, statuses[i]) == 0 ? " selected" : "", statuses[i]);
        html_lit(&r->out, "</select> <button type=\"submit\" class=\"button secondary\">Change the status</button></form>\n");
        if (strcmp(p.status, "draft") != 0) {
            html_lit(&r->out, "<form class=\"inline-form\" method=\"post\" action=\"/plan\">");
            page_csrf_field(r);
            html_printf(&r->out, "<input type=\"hidden\" name=\"id\" value=\"%lld\"><input type=\"hidden\" name=\"status\" value=\"revised\">"
                                 "<input type=\"hidden\" name=\"revision\" value=\"new\">"
                                 "<button type=\"submit\" class=\"button secondary\">Record a revision (version %d)</button></form>\n", p.id, p.version + 1);
        }
        html_lit(&r->out, "<p class=\"hint\">A draft goes to the Panel; once issued, each revision is a new version. "
                          "<a class=\"link\" href=\"/plan/new\">Create a plan</a></p>\n");
    }
    page_history_link(r, "plan", p.id, "History of this plan", true);

    progress_table(r, &p, sens);
    overdue_table(r, &p, sens, asat, can_edit);

    /* measures only when the plan links any (computing them costs) */
    MeasureCtx mc;
    memset(&mc, 0, sizeof mc);
    sqlite3_stmt *lk = db_prepare(r->db, "SELECT count(*) FROM objective_measure om JOIN plan_objective o ON o.id=om.objective_id"
                                         " JOIN plan_priority pr ON pr.id=o.priority_id WHERE pr.plan_id=?1");
    sqlite3_bind_int64(lk, 1, p.id);
    bool links = sqlite3_step(lk) == SQLITE_ROW && sqlite3_column_int(lk, 0) > 0;
    sqlite3_finalize(lk);
    if (links) {
        mc.ms = measures_acquire(r->db, r->db_path);
        int fi = mc.ms->office ? measures_force_index(mc.ms, mc.ms->office) : -1;
        int end = fi >= 0 ? perf_default_end(mc.ms, fi) : 0;
        if (fi >= 0 && end) {
            PerfView v = {r->db, mc.ms, fi, end, true, &r->arena};
            mc.v = v;
            mc.ready = true;
        }
    }
    objectives_section(r, &p, sens, asat, can_edit, &mc);
    if (mc.ms) measures_release(mc.ms);

    reviews_section(r, p.id, can_edit && req_can(r, CAP_RECORDS));
    if (can_edit && req_can(r, CAP_RECORDS)) html_printf(&r->out, "<p><a class=\"button secondary\" href=\"/plan/review?plan=%lld\">Record a Panel review</a></p>\n", p.id);
    page_end(r);
}

/* ---- /plan/action ---- */

/* The values of the action form. */
typedef struct ActionForm {
    long long id, deliverable;
    const char *title, *owner, *due, *status, *rag, *note, *marking;
    long long source_line; /* the work-plan line it was imported from; 0 if added in assure */
} ActionForm;

/* One problem with a field, for the error summary and the field. */
typedef struct FieldError {
    const char *field, *msg;
} FieldError;

static const char *field_error(const FieldError *e, int n, const char *field)
{
    for (int i = 0; i < n; i++)
        if (strcmp(e[i].field, field) == 0) return e[i].msg;
    return NULL;
}

static void error_summary(Req *r, const char *title, const FieldError *e, int n)
{
    if (!n) return;
    html_printf(&r->out, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2 class=\"error-summary-title\">%s</h2><ul class=\"error-summary-list\">", title);
    for (int i = 0; i < n; i++) html_printf(&r->out, "<li><a href=\"#%s\">%s</a></li>", e[i].field, e[i].msg);
    html_lit(&r->out, "</ul></div>\n");
}

static void group_open(Req *r, const char *field, const char *label, const char *hint, const FieldError *e, int n)
{
    const char *err = field_error(e, n, field);
    html_printf(&r->out, "<div class=\"form-group%s\"><label class=\"label\" for=\"%s\">%s</label>", err ? " form-group-error" : "", field, label);
    if (hint) html_printf(&r->out, "<p class=\"hint\" id=\"%s-hint\">%s</p>", field, hint);
    if (err) html_printf(&r->out, "<p class=\"error-message\" id=\"%s-error\"><span class=\"visually-hidden\">Error:</span> %s</p>", field, err);
}

static void text_input(Req *r, const char *field, const char *label, const char *hint, const char *value, const FieldError *e, int n)
{
    group_open(r, field, label, hint, e, n);
    html_printf(&r->out, "<input class=\"input\" id=\"%s\" name=\"%s\" type=\"text\" value=\"%s\"></div>\n", field, field, value ? value : "");
}

static void select_input(Req *r, const char *field, const char *label, const char *const *values, const char *const *labels, int nv, const char *value,
                         const FieldError *e, int n)
{
    group_open(r, field, label, NULL, e, n);
    html_printf(&r->out, "<select class=\"select\" id=\"%s\" name=\"%s\">", field, field);
    for (int i = 0; i < nv; i++)
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", values[i], value && strcmp(value, values[i]) == 0 ? " selected" : "", labels[i]);
    html_lit(&r->out, "</select></div>\n");
}

static const char *const rag_values[] = {"", "G", "A", "R"};
static const char *const rag_labels[] = {"Not rated", "Green", "Amber", "Red"};
static const char *const marking_values[] = {"OFFICIAL", "OFFICIAL-SENSITIVE"};

/* Where a deliverable sits: its plan and titles. False when there is none
 * or the user may not see its plan. */
static bool deliverable_context(Req *r, long long deliverable, long long *plan, const char **objective, const char **title)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT pr.plan_id, o.title, d.title, pl.status, pl.marking FROM plan_deliverable d"
                                         " JOIN plan_objective o ON o.id=d.objective_id JOIN plan_priority pr ON pr.id=o.priority_id"
                                         " JOIN plan pl ON pl.id=pr.plan_id WHERE d.id=?1");
    sqlite3_bind_int64(st, 1, deliverable);
    bool ok = sqlite3_step(st) == SQLITE_ROW && page_plan_sees(r, db_text(st, 3), db_text(st, 4));
    if (ok) {
        *plan = sqlite3_column_int64(st, 0);
        *objective = arena_strdup(&r->arena, db_text(st, 1));
        *title = arena_strdup(&r->arena, db_text(st, 2));
    }
    sqlite3_finalize(st);
    return ok;
}

static void action_form(Req *r, const ActionForm *f, const FieldError *e, int n)
{
    long long plan;
    const char *objective = "", *deliverable = "";
    deliverable_context(r, f->deliverable, &plan, &objective, &deliverable);
    page_begin(r, f->id ? "Edit an action" : "Add an action", "plan");
    error_summary(r, "The action was not saved", e, n);
    html_printf(&r->out, "<span class=\"caption\">%s: %s</span>\n<h1>%s</h1>\n", objective, deliverable, f->id ? "Edit an action" : "Add an action");
    if (f->source_line)
        html_printf(&r->out, "<p class=\"hint\">Imported from line %lld of the work plan. Re-importing the work plan sets the action's text and due date "
                             "to the file's; the owner, status, RAG rating, note and marking are kept as saved here.</p>\n", f->source_line);
    html_lit(&r->out, "<form method=\"post\" action=\"/plan/action\" class=\"form\">");
    page_csrf_field(r);
    if (f->id) html_printf(&r->out, "<input type=\"hidden\" name=\"id\" value=\"%lld\">", f->id);
    else html_printf(&r->out, "<input type=\"hidden\" name=\"deliverable\" value=\"%lld\">", f->deliverable);
    text_input(r, "title", "Action", NULL, f->title, e, n);
    text_input(r, "owner", "Owner", "Who is responsible: a post or team, such as Head of Crime.", f->owner, e, n);
    text_input(r, "due", "Due", "A month such as 2026-03 (or Mar-26), TBC, Ongoing, or a short text such as \"New plan for Oct 17\".", f->due, e, n);
    select_input(r, "status", "Status", plan_statuses, plan_statuses, PLAN_NSTATUS, f->status, e, n);
    select_input(r, "rag", "RAG rating", rag_values, rag_labels, 4, f->rag, e, n);
    group_open(r, "note", "Note on progress", NULL, e, n);
    html_printf(&r->out, "<textarea class=\"textarea\" id=\"note\" name=\"note\" rows=\"4\">%s</textarea></div>\n", f->note ? f->note : "");
    select_input(r, "marking", "Protective marking", marking_values, marking_values, req_sees(r, "OFFICIAL-SENSITIVE") ? 2 : 1, f->marking, e, n);
    html_lit(&r->out, "<button type=\"submit\" class=\"button\">Save</button></form>\n");
    if (f->id) page_history_link(r, "plan_action", f->id, "History of this action", true);
    page_end(r);
}

static const char *trimmed(Req *r, const char *s)
{
    if (!s) return NULL;
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) n--;
    return arena_strndup(&r->arena, s, n);
}

/* Reads which action a request is about (?id=, an action to change) or
 * where a new one goes (?deliverable=), and fills f from the stored action
 * (or a new one's defaults), and *plan the Plan it belongs to. False, with the error page written, when the
 * numbers are malformed or name nothing the user may see. */
static bool action_load(Req *r, ActionForm *f, long long *plan)
{
    memset(f, 0, sizeof *f);
    f->id = req_param_id(r, "id");
    f->deliverable = req_param_id(r, "deliverable");
    if (f->id < 0 || f->deliverable < 0 || (!f->id && !f->deliverable)) {
        web_error(r, 400, "Say which action to change (id) or which deliverable to add one to (deliverable), as a number.");
        return false;
    }
    if (f->id) {
        sqlite3_stmt *st = db_prepare(r->db, "SELECT deliverable_id, title, owner, due, status, rag, note, marking, coalesce(source_line, 0) FROM plan_action WHERE id=?1");
        sqlite3_bind_int64(st, 1, f->id);
        bool found = sqlite3_step(st) == SQLITE_ROW && req_sees(r, db_text(st, 7));
        if (found) {
            f->deliverable = sqlite3_column_int64(st, 0);
            f->title = arena_strdup(&r->arena, db_text(st, 1));
            f->owner = arena_strdup(&r->arena, db_text(st, 2));
            f->due = arena_strdup(&r->arena, db_text(st, 3));
            f->status = arena_strdup(&r->arena, db_text(st, 4));
            f->rag = arena_strdup(&r->arena, db_text(st, 5));
            f->note = arena_strdup(&r->arena, db_text(st, 6));
            f->marking = arena_strdup(&r->arena, db_text(st, 7));
            f->source_line = sqlite3_column_int64(st, 8);
        }
        sqlite3_finalize(st);
        if (!found) {
            web_error(r, 404, "There is no action %lld you may see.", f->id);
            return false;
        }
    } else {
        f->status = "not started";
        f->rag = "";
        f->marking = "OFFICIAL";
    }
    const char *o, *d;
    if (!deliverable_context(r, f->deliverable, plan, &o, &d)) {
        web_error(r, 404, "There is no deliverable %lld you may see.", f->deliverable);
        return false;
    }
    return true;
}

static void action_post(Req *r)
{
    ActionForm f;
    long long plan;
    if (!action_load(r, &f, &plan)) return;
    f.title = trimmed(r, req_param(r, "title"));
    f.owner = trimmed(r, req_param(r, "owner"));
    f.due = trimmed(r, req_param(r, "due"));
    f.status = req_param(r, "status");
    f.rag = req_param(r, "rag");
    f.note = trimmed(r, req_param(r, "note"));
    f.marking = req_param(r, "marking");
    FieldError e[8];
    int n = 0;
    if (!f.title || !*f.title) e[n++] = (FieldError){"title", "Enter the action: what will be done"};
    else if (strlen(f.title) > 500 || plan_has_control(f.title)) e[n++] = (FieldError){"title", "The action must be one line of at most 500 characters"};
    if (!f.owner) e[n++] = (FieldError){"owner", "Enter the owner (it may be left empty, but the field must be sent)"};
    else if (strlen(f.owner) > 120 || plan_has_control(f.owner)) e[n++] = (FieldError){"owner", "The owner must be one line of at most 120 characters"};
    char due[128];
    int due_month = 0;
    const char *why = NULL;
    if (!f.due) e[n++] = (FieldError){"due", "Enter when it is due: a month such as 2026-03, TBC, Ongoing or a short text"};
    else if (!plan_parse_due(f.due, strlen(f.due), due, sizeof due, &due_month, &why))
        e[n++] = (FieldError){"due", arena_printf(&r->arena, "Due: expected %s; found \"%s\"", why, f.due)};
    if (!f.status || !plan_status_valid(f.status)) e[n++] = (FieldError){"status", "Choose a status: not started, in progress, complete or cancelled"};
    if (!f.rag || !plan_rag_valid(f.rag)) e[n++] = (FieldError){"rag", "Choose a RAG rating: not rated, green, amber or red"};
    if (f.note && strlen(f.note) > 4000) e[n++] = (FieldError){"note", "The note must be at most 4,000 characters"};
    if (!f.marking || !plan_marking_valid(f.marking)) e[n++] = (FieldError){"marking", "Choose a marking: OFFICIAL or OFFICIAL-SENSITIVE"};
    else if (!req_sees(r, f.marking)) e[n++] = (FieldError){"marking", "Your role cannot see OFFICIAL-SENSITIVE records, so cannot mark one so"};
    if (n) {
        r->status = 400;
        action_form(r, &f, e, n);
        return;
    }
    long long aid = f.id;
    if (f.id) {
        sqlite3_stmt *up = db_prepare(r->db, "UPDATE plan_action SET title=?2, owner=?3, due=?4, due_month=?5, status=?6, rag=?7, note=?8, marking=?9 WHERE id=?1");
        sqlite3_bind_int64(up, 1, f.id);
        sqlite3_bind_text(up, 2, f.title, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 3, f.owner, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 4, due, -1, SQLITE_STATIC);
        if (due_month) sqlite3_bind_int(up, 5, due_month);
        else sqlite3_bind_null(up, 5);
        sqlite3_bind_text(up, 6, f.status, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 7, f.rag, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 8, f.note ? f.note : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 9, f.marking, -1, SQLITE_STATIC);
        bool ok = db_step_done(up);
        sqlite3_finalize(up);
        if (!ok) {
            web_error(r, 409, "The action could not be saved: %s", sqlite3_errmsg(r->db));
            return;
        }
    } else {
        sqlite3_stmt *ins = db_prepare(r->db, "INSERT INTO plan_action(deliverable_id, position, title, owner, due, due_month, status, rag, note, marking)"
                                              " VALUES(?1, (SELECT coalesce(max(position), 0) + 1 FROM plan_action WHERE deliverable_id=?1),"
                                              " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
        sqlite3_bind_int64(ins, 1, f.deliverable);
        sqlite3_bind_text(ins, 2, f.title, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 3, f.owner, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 4, due, -1, SQLITE_STATIC);
        if (due_month) sqlite3_bind_int(ins, 5, due_month);
        else sqlite3_bind_null(ins, 5);
        sqlite3_bind_text(ins, 6, f.status, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 7, f.rag, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 8, f.note ? f.note : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 9, f.marking, -1, SQLITE_STATIC);
        aid = sqlite3_step(ins) == SQLITE_ROW ? sqlite3_column_int64(ins, 0) : 0;
        sqlite3_finalize(ins);
        if (!aid) {
            web_error(r, 409, "The action could not be added: %s", sqlite3_errmsg(r->db));
            return;
        }
    }
    web_redirect(r, arena_printf(&r->arena, "/plan?id=%lld#action-%lld", plan, aid));
}

void page_plan_action(Req *r)
{
    if (strcmp(r->method, "POST") == 0) {
        action_post(r);
        return;
    }
    ActionForm f;
    long long plan;
    if (!action_load(r, &f, &plan)) return;
    action_form(r, &f, NULL, 0);
}

/* ---- /plan/review ---- */

/* The form to record a review of plan p. */
static void review_form(Req *r, const PlanInfo *p, const char *date, const char *summary, const char *recs, const FieldError *e, int n)
{
    page_begin(r, "Record a Panel review", "plan");
    error_summary(r, "The review was not recorded", e, n);
    html_printf(&r->out, "<span class=\"caption\">%s</span>\n<h1>Record a Panel review</h1>\n", p->title);
    if (!req_can(r, CAP_PLAN)) {
        html_lit(&r->out, "<p>Your role may read reviews but not record them.</p>\n");
    } else {
        html_lit(&r->out, "<form method=\"post\" action=\"/plan/review\" class=\"form\">");
        page_csrf_field(r);
        html_printf(&r->out, "<input type=\"hidden\" name=\"action\" value=\"record\"><input type=\"hidden\" name=\"plan\" value=\"%lld\">", p->id);
        text_input(r, "reviewed_on", "Date of the Panel's review", "As 2021-04-29.", date, e, n);
        group_open(r, "summary", "Summary", NULL, e, n);
        html_printf(&r->out, "<textarea class=\"textarea\" id=\"summary\" name=\"summary\" rows=\"3\">%s</textarea></div>\n", summary ? summary : "");
        group_open(r, "recommendations", "Recommendations", "One a line, in the Panel's order; they are numbered 1, 2, 3 ...", e, n);
        html_printf(&r->out, "<textarea class=\"textarea\" id=\"recommendations\" name=\"recommendations\" rows=\"8\">%s</textarea></div>\n", recs ? recs : "");
        html_lit(&r->out, "<button type=\"submit\" class=\"button\">Record the review</button></form>\n");
    }
    html_printf(&r->out, "<p><a class=\"link\" href=\"/plan?id=%lld#reviews\">Back to the plan</a></p>\n", p->id);
    page_end(r);
}

/* A review with a form for the responses. */
static void review_show(Req *r, long long review, const FieldError *e, int n)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT plan_id, reviewed_on, summary FROM plan_review WHERE id=?1");
    sqlite3_bind_int64(st, 1, review);
    PlanInfo p;
    bool found = sqlite3_step(st) == SQLITE_ROW;
    long long plan = found ? sqlite3_column_int64(st, 0) : 0;
    const char *date = found ? arena_strdup(&r->arena, db_text(st, 1)) : "";
    const char *summary = found ? arena_strdup(&r->arena, db_text(st, 2)) : "";
    sqlite3_finalize(st);
    if (!found || !plan_load(r, plan, &p)) {
        web_error(r, 404, "There is no review %lld you may see.", review);
        return;
    }
    bool can = req_can(r, CAP_PLAN);
    page_begin(r, "The Panel's review", "plan");
    error_summary(r, "The responses were not saved", e, n);
    html_printf(&r->out, "<span class=\"caption\">%s</span>\n<h1>The Panel's review of %s</h1>\n", p.title, date);
    if (*summary) html_printf(&r->out, "<p>%s</p>\n", summary);
    page_history_link(r, "plan_review", review, "History of this review", true);
    if (can) {
        html_lit(&r->out, "<form method=\"post\" action=\"/plan/review\" class=\"form\">");
        page_csrf_field(r);
        html_printf(&r->out, "<input type=\"hidden\" name=\"action\" value=\"respond\"><input type=\"hidden\" name=\"id\" value=\"%lld\">", review);
    }
    sqlite3_stmt *rc = db_prepare(r->db, "SELECT id, position, text, response, responded_on FROM plan_recommendation WHERE review_id=?1 ORDER BY position");
    sqlite3_bind_int64(rc, 1, review);
    while (sqlite3_step(rc) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(rc, 0);
        int pos = sqlite3_column_int(rc, 1);
        html_printf(&r->out, "<section class=\"plan-recommendation\"><h2>Recommendation %d</h2>\n<p>%s</p>\n", pos, db_text(rc, 2));
        page_history_link(r, "plan_recommendation", id, arena_printf(&r->arena, "History of recommendation %d", pos), true);
        const char *resp = db_text(rc, 3), *on = db_text(rc, 4);
        char fr[48], fd[48];
        snprintf(fr, sizeof fr, "response-%lld", id);
        snprintf(fd, sizeof fd, "responded-%lld", id);
        if (e && n) { /* show what was sent */
            const char *s = req_param(r, fr), *t = req_param(r, fd);
            resp = s ? s : resp;
            on = t ? t : on;
        }
        if (can) {
            group_open(r, fr, "The Commissioner's response", NULL, e, n);
            html_printf(&r->out, "<textarea class=\"textarea\" id=\"%s\" name=\"%s\" rows=\"3\">%s</textarea></div>\n", fr, fr, resp);
            text_input(r, fd, "Date of the response", "As 2021-06-10; leave both empty while there is no response.", on, e, n);
        } else if (*resp) {
            html_printf(&r->out, "<p><strong>Response (%s):</strong> %s</p>\n", on, resp);
        } else {
            html_lit(&r->out, "<p><span class=\"tag tag-amber\">Awaiting a response</span></p>\n");
        }
        html_lit(&r->out, "</section>\n");
    }
    sqlite3_finalize(rc);
    if (can) html_lit(&r->out, "<button type=\"submit\" class=\"button\">Save the responses</button></form>\n");
    html_printf(&r->out, "<p><a class=\"link\" href=\"/plan?id=%lld#reviews\">Back to the plan</a></p>\n", p.id);
    page_end(r);
}

static void review_record(Req *r)
{
    long long plan = req_param_id(r, "plan");
    PlanInfo p;
    if (plan <= 0 || !plan_load(r, plan, &p)) {
        web_error(r, 404, "There is no plan \"%s\" you may see.", req_param(r, "plan") ? req_param(r, "plan") : "");
        return;
    }
    const char *date = trimmed(r, req_param(r, "reviewed_on")), *summary = trimmed(r, req_param(r, "summary"));
    const char *recs = req_param(r, "recommendations");
    FieldError e[4];
    int n = 0;
    if (!date || !plan_date_valid(date)) e[n++] = (FieldError){"reviewed_on", "Enter the date of the review as YYYY-MM-DD, such as 2021-04-29"};
    if (summary && strlen(summary) > 4000) e[n++] = (FieldError){"summary", "The summary must be at most 4,000 characters"};
    /* the recommendations, one a line */
    const char *lines[100];
    int nl = 0;
    bool too_many = false, too_long = false;
    for (const char *s = recs ? recs : ""; *s;) {
        const char *eol = strchr(s, '\n');
        size_t len = eol ? (size_t)(eol - s) : strlen(s);
        const char *t = trimmed(r, arena_strndup(&r->arena, s, len));
        if (*t) {
            if (nl == (int)ARRAY_LEN(lines)) too_many = true;
            else if (strlen(t) > 2000) too_long = true;
            else lines[nl++] = t;
        }
        s += len + (eol ? 1 : 0);
    }
    if (too_many) e[n++] = (FieldError){"recommendations", "At most 100 recommendations can be recorded at once"};
    else if (too_long) e[n++] = (FieldError){"recommendations", "Each recommendation must be at most 2,000 characters"};
    else if (!nl) e[n++] = (FieldError){"recommendations", "Enter the Panel's recommendations, one a line"};
    if (n) {
        r->status = 400;
        review_form(r, &p, date, summary, recs, e, n);
        return;
    }
    db_exec(r->db, "BEGIN IMMEDIATE");
    sqlite3_stmt *ins = db_prepare(r->db, "INSERT INTO plan_review(plan_id, reviewed_on, summary) VALUES(?1, ?2, ?3) RETURNING id");
    sqlite3_bind_int64(ins, 1, plan);
    sqlite3_bind_text(ins, 2, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, summary ? summary : "", -1, SQLITE_STATIC);
    long long id = sqlite3_step(ins) == SQLITE_ROW ? sqlite3_column_int64(ins, 0) : 0;
    sqlite3_finalize(ins);
    bool ok = id != 0;
    sqlite3_stmt *rc = db_prepare(r->db, "INSERT INTO plan_recommendation(review_id, position, text) VALUES(?1, ?2, ?3)");
    for (int i = 0; ok && i < nl; i++) {
        sqlite3_bind_int64(rc, 1, id);
        sqlite3_bind_int(rc, 2, i + 1);
        sqlite3_bind_text(rc, 3, lines[i], -1, SQLITE_STATIC);
        ok = db_step_done(rc);
    }
    sqlite3_finalize(rc);
    if (!ok) {
        web_error(r, 409, "The review could not be recorded: %s", sqlite3_errmsg(r->db));
        db_exec(r->db, "ROLLBACK");
        return;
    }
    db_exec(r->db, "COMMIT");
    web_redirect(r, arena_printf(&r->arena, "/plan/review?id=%lld", id));
}

static void review_respond(Req *r)
{
    long long review = req_param_id(r, "id");
    PlanInfo p;
    sqlite3_stmt *st = db_prepare(r->db, "SELECT plan_id FROM plan_review WHERE id=?1");
    sqlite3_bind_int64(st, 1, review);
    long long plan = review > 0 && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (!plan || !plan_load(r, plan, &p)) {
        web_error(r, 404, "There is no review \"%s\" you may see.", req_param(r, "id") ? req_param(r, "id") : "");
        return;
    }
    /* check every response first: all are saved or none */
    FieldError e[64];
    int n = 0, nrec = 0;
    long long ids[256];
    const char *resp[256], *on[256];
    sqlite3_stmt *rc = db_prepare(r->db, "SELECT id, position FROM plan_recommendation WHERE review_id=?1 ORDER BY position");
    sqlite3_bind_int64(rc, 1, review);
    while (sqlite3_step(rc) == SQLITE_ROW && nrec < (int)ARRAY_LEN(ids)) {
        long long id = sqlite3_column_int64(rc, 0);
        int pos = sqlite3_column_int(rc, 1);
        const char *fr = arena_printf(&r->arena, "response-%lld", id), *fd = arena_printf(&r->arena, "responded-%lld", id);
        const char *s = trimmed(r, req_param(r, fr)), *t = trimmed(r, req_param(r, fd));
        if (!s || !t) continue; /* not on the form sent: left as it is */
        ids[nrec] = id, resp[nrec] = s, on[nrec] = t, nrec++;
        if (n >= (int)ARRAY_LEN(e) - 1) continue;
        if (strlen(s) > 4000) e[n++] = (FieldError){fr, arena_printf(&r->arena, "Recommendation %d: the response must be at most 4,000 characters", pos)};
        else if (*s && !plan_date_valid(t))
            e[n++] = (FieldError){fd, arena_printf(&r->arena, "Recommendation %d: enter the date of the response as YYYY-MM-DD, such as 2021-06-10", pos)};
        else if (!*s && *t) e[n++] = (FieldError){fr, arena_printf(&r->arena, "Recommendation %d: a date is given but no response; enter the response", pos)};
    }
    sqlite3_finalize(rc);
    if (!nrec && !n) e[n++] = (FieldError){"id", "No response was sent: the form names no recommendation of this review"};
    if (n) {
        r->status = 400;
        review_show(r, review, e, n);
        return;
    }
    db_exec(r->db, "BEGIN IMMEDIATE");
    sqlite3_stmt *up = db_prepare(r->db, "UPDATE plan_recommendation SET response=?2, responded_on=?3 WHERE id=?1");
    bool ok = true;
    for (int i = 0; ok && i < nrec; i++) {
        sqlite3_bind_int64(up, 1, ids[i]);
        sqlite3_bind_text(up, 2, resp[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 3, on[i], -1, SQLITE_STATIC);
        ok = db_step_done(up);
    }
    sqlite3_finalize(up);
    if (!ok) {
        web_error(r, 409, "The responses could not be saved: %s", sqlite3_errmsg(r->db));
        db_exec(r->db, "ROLLBACK");
        return;
    }
    db_exec(r->db, "COMMIT");
    web_redirect(r, arena_printf(&r->arena, "/plan?id=%lld#review-%lld", plan, review));
}

/* Every plan the user may see, with its reviews, when none is named. */
static void review_index(Req *r)
{
    page_begin(r, "The Panel's reviews", "plan");
    html_lit(&r->out, "<h1>The Panel's reviews of the Plan</h1>\n");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, title, status, marking, version FROM plan ORDER BY ends DESC, id DESC");
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!page_plan_sees(r, db_text(st, 2), db_text(st, 3))) continue;
        long long id = sqlite3_column_int64(st, 0);
        n++;
        html_printf(&r->out, "<h2><a href=\"/plan?id=%lld\">%s</a> <span class=\"tag tag-grey\">%s, version %d</span></h2>\n", id, db_text(st, 1), db_text(st, 2),
                    sqlite3_column_int(st, 4));
        sqlite3_stmt *rv = db_prepare(r->db, "SELECT rv.id, rv.reviewed_on, count(rc.id), sum(rc.response <> '') FROM plan_review rv"
                                             " LEFT JOIN plan_recommendation rc ON rc.review_id=rv.id WHERE rv.plan_id=?1 GROUP BY rv.id ORDER BY rv.reviewed_on");
        sqlite3_bind_int64(rv, 1, id);
        int k = 0;
        while (sqlite3_step(rv) == SQLITE_ROW) {
            if (!k++) html_lit(&r->out, "<ul class=\"list\">");
            html_printf(&r->out, "<li><a href=\"/plan/review?id=%lld\">Review of %s</a>: %d of %d recommendations answered</li>", sqlite3_column_int64(rv, 0),
                        db_text(rv, 1), sqlite3_column_int(rv, 3), sqlite3_column_int(rv, 2));
        }
        sqlite3_finalize(rv);
        if (k) html_lit(&r->out, "</ul>\n");
        else html_lit(&r->out, "<p>No review recorded.</p>\n");
        if (req_can(r, CAP_PLAN)) html_printf(&r->out, "<p><a class=\"link\" href=\"/plan/review?plan=%lld\">Record a review of this plan</a></p>\n", id);
    }
    sqlite3_finalize(st);
    if (!n) html_lit(&r->out, "<p>No plan is held yet.</p>\n");
    page_end(r);
}

void page_plan_review(Req *r)
{
    if (strcmp(r->method, "POST") == 0) {
        const char *action = req_param(r, "action");
        if (action && strcmp(action, "record") == 0) review_record(r);
        else if (action && strcmp(action, "respond") == 0) review_respond(r);
        else web_error(r, 400, "Say what to do: action=record (a new review) or action=respond (responses to a review's recommendations).");
        return;
    }
    long long id = req_param_id(r, "id"), plan = req_param_id(r, "plan");
    if (id < 0 || plan < 0) {
        web_error(r, 400, "The review (id) and the plan (plan) are numbers.");
        return;
    }
    if (id) {
        review_show(r, id, NULL, 0);
        return;
    }
    if (plan) {
        PlanInfo p;
        if (!plan_load(r, plan, &p)) web_error(r, 404, "There is no plan %lld you may see.", plan);
        else review_form(r, &p, "", "", "", NULL, 0);
        return;
    }
    review_index(r);
}

/* ---- /plan/new: a new plan ---- */

static void plan_new_form(Req *r, const char *title, const char *starts, const char *ends, const char *marking, const FieldError *e, int n)
{
    page_begin(r, "Create a plan", "plan");
    error_summary(r, "The plan was not created", e, n);
    html_lit(&r->out, "<span class=\"caption\">The Plan</span>\n<h1>Create a plan</h1>\n"
                      "<p>The plan starts as a draft, version 1: add its priorities, objectives, deliverables and actions, then issue it.</p>\n");
    html_lit(&r->out, "<form method=\"post\" action=\"/plan/new\" class=\"form\">");
    page_csrf_field(r);
    text_input(r, "title", "Title", "Such as Police, Fire and Crime Plan 2026-2030.", title, e, n);
    text_input(r, "starts", "Period starts", "As YYYY-MM-DD, such as 2026-04-01.", starts, e, n);
    text_input(r, "ends", "Period ends", "As YYYY-MM-DD, such as 2030-03-31.", ends, e, n);
    select_input(r, "marking", "Protective marking", marking_values, marking_values, req_sees(r, "OFFICIAL-SENSITIVE") ? 2 : 1, marking, e, n);
    html_lit(&r->out, "<button type=\"submit\" class=\"button\">Create the plan</button></form>\n"
                      "<p><a class=\"link\" href=\"/plan\">Back to the Plan</a></p>\n");
    page_end(r);
}

static void plan_new_post(Req *r)
{
    const char *title = trimmed(r, req_param(r, "title")), *starts = trimmed(r, req_param(r, "starts")), *ends = trimmed(r, req_param(r, "ends"));
    const char *marking = req_param(r, "marking");
    if (!marking || !*marking) marking = "OFFICIAL";
    FieldError e[6];
    int n = 0;
    if (!title || !*title) e[n++] = (FieldError){"title", "Title: enter the plan's title"};
    else if (strlen(title) > 200 || plan_has_control(title)) e[n++] = (FieldError){"title", "Title: expected one line of at most 200 characters"};
    else {
        sqlite3_stmt *st = db_prepare(r->db, "SELECT count(*) FROM plan WHERE title=?1");
        sqlite3_bind_text(st, 1, title, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0)
            e[n++] = (FieldError){"title", "Title: a plan of that title is held already; expected a title of its own (a new version of a plan is a revision of it)"};
        sqlite3_finalize(st);
    }
    bool sok = starts && plan_date_valid(starts), eok = ends && plan_date_valid(ends);
    if (!sok) e[n++] = (FieldError){"starts", arena_printf(&r->arena, "Period starts: expected a date as YYYY-MM-DD, such as 2026-04-01; found \"%s\"", starts ? starts : "")};
    if (!eok) e[n++] = (FieldError){"ends", arena_printf(&r->arena, "Period ends: expected a date as YYYY-MM-DD, such as 2030-03-31; found \"%s\"", ends ? ends : "")};
    else if (sok && strcmp(ends, starts) <= 0) e[n++] = (FieldError){"ends", "Period ends: expected a date after the start of the period"};
    if (!plan_marking_valid(marking)) e[n++] = (FieldError){"marking", "Protective marking: expected OFFICIAL or OFFICIAL-SENSITIVE"};
    else if (!req_sees(r, marking)) e[n++] = (FieldError){"marking", "Protective marking: your role cannot see OFFICIAL-SENSITIVE records, so cannot mark one so"};
    if (n) {
        r->status = 400;
        plan_new_form(r, title, starts, ends, marking, e, n);
        return;
    }
    sqlite3_stmt *ins = db_prepare(r->db, "INSERT INTO plan(title, starts, ends, status, version, marking) VALUES(?1, ?2, ?3, 'draft', 1, ?4) RETURNING id");
    sqlite3_bind_text(ins, 1, title, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, starts, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, ends, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 4, marking, -1, SQLITE_STATIC);
    long long id = sqlite3_step(ins) == SQLITE_ROW ? sqlite3_column_int64(ins, 0) : 0;
    sqlite3_finalize(ins);
    if (!id) {
        web_error(r, 409, "The plan could not be created: %s", sqlite3_errmsg(r->db));
        return;
    }
    web_redirect(r, arena_printf(&r->arena, "/plan?id=%lld", id));
}

void page_plan_new(Req *r)
{
    if (strcmp(r->method, "POST") == 0) plan_new_post(r);
    else plan_new_form(r, "", "", "", "OFFICIAL", NULL, 0);
}

/* ---- /plan/part: a priority, objective or deliverable added by hand ---- */

/* What is added and where: a priority to plan P (?plan=), an objective to
 * priority P (?priority=) or a deliverable to objective P (?objective=). */
typedef struct PartCtx {
    const char *kind, *param, *parent_title;
    long long parent, plan;
} PartCtx;


/* Reads which part is added and checks the parent exists and its plan is
 * one the user may see; false with the error page written otherwise. */
static bool part_context(Req *r, PartCtx *c)
{
    static const char *const params[] = {"plan", "priority", "objective"}, *const kinds[] = {"priority", "objective", "deliverable"};
    memset(c, 0, sizeof *c);
    int which = -1;
    for (int i = 0; i < 3; i++) {
        const char *v = req_param(r, params[i]);
        if (!v || !*v) continue;
        if (which >= 0) {
            web_error(r, 400, "Name one place to add to: plan (a priority), priority (an objective) or objective (a deliverable), not two.");
            return false;
        }
        which = i;
    }
    long long id = which >= 0 ? req_param_id(r, params[which]) : 0;
    if (which < 0 || id <= 0) {
        web_error(r, 400, "Say where to add: plan=N (a priority), priority=N (an objective) or objective=N (a deliverable), N a number.");
        return false;
    }
    c->kind = kinds[which], c->param = params[which], c->parent = id;
    sqlite3_stmt *st;
    if (which == 0) st = db_prepare(r->db, "SELECT id, title, status, marking FROM plan WHERE id=?1");
    else if (which == 1)
        st = db_prepare(r->db, "SELECT pl.id, pr.title, pl.status, pl.marking FROM plan_priority pr JOIN plan pl ON pl.id=pr.plan_id WHERE pr.id=?1");
    else
        st = db_prepare(r->db, "SELECT pl.id, o.title, pl.status, pl.marking FROM plan_objective o JOIN plan_priority pr ON pr.id=o.priority_id"
                               " JOIN plan pl ON pl.id=pr.plan_id WHERE o.id=?1");
    sqlite3_bind_int64(st, 1, id);
    bool ok = sqlite3_step(st) == SQLITE_ROW && page_plan_sees(r, db_text(st, 2), db_text(st, 3));
    if (ok) {
        c->plan = sqlite3_column_int64(st, 0);
        c->parent_title = arena_strdup(&r->arena, db_text(st, 1));
    }
    sqlite3_finalize(st);
    if (!ok) web_error(r, 404, "There is no %s %lld you may see.", params[which], id);
    return ok;
}

static void part_form(Req *r, const PartCtx *c, const char *title, const char *service, const FieldError *e, int n)
{
    const char *head = arena_printf(&r->arena, "Add %s %s", strcmp(c->kind, "priority") == 0 ? "a" : "an", c->kind);
    if (strcmp(c->kind, "deliverable") == 0) head = "Add a deliverable";
    page_begin(r, head, "plan");
    error_summary(r, arena_printf(&r->arena, "The %s was not added", c->kind), e, n);
    html_printf(&r->out, "<span class=\"caption\">%s</span>\n<h1>%s</h1>\n", c->parent_title, head);
    html_lit(&r->out, "<form method=\"post\" action=\"/plan/part\" class=\"form\">");
    page_csrf_field(r);
    html_printf(&r->out, "<input type=\"hidden\" name=\"%s\" value=\"%lld\">", c->param, c->parent);
    text_input(r, "title", "Title", NULL, title, e, n);
    if (strcmp(c->kind, "objective") == 0) select_input(r, "service", "Service", plan_services, plan_services, PLAN_NSERVICES, service, e, n);
    html_printf(&r->out, "<button type=\"submit\" class=\"button\">%s</button></form>\n<p><a class=\"link\" href=\"/plan?id=%lld\">Back to the plan</a></p>\n", head,
                c->plan);
    page_end(r);
}

static void part_post(Req *r, const PartCtx *c)
{
    const char *title = trimmed(r, req_param(r, "title")), *service = req_param(r, "service");
    bool objective = strcmp(c->kind, "objective") == 0;
    FieldError e[3];
    int n = 0;
    if (!title || !*title) e[n++] = (FieldError){"title", arena_printf(&r->arena, "Title: enter the %s's title", c->kind)};
    else if (strlen(title) > 500 || plan_has_control(title)) e[n++] = (FieldError){"title", "Title: expected one line of at most 500 characters"};
    if (objective) {
        bool known = false;
        for (int i = 0; service && i < PLAN_NSERVICES; i++) known |= strcmp(service, plan_services[i]) == 0;
        if (!known) e[n++] = (FieldError){"service", "Service: expected Police, Fire and Rescue or Working together"};
    }
    if (n) {
        r->status = 400;
        part_form(r, c, title, service, e, n);
        return;
    }
    sqlite3_stmt *ins;
    if (strcmp(c->kind, "priority") == 0)
        ins = db_prepare(r->db, "INSERT INTO plan_priority(plan_id, position, title)"
                                " VALUES(?1, (SELECT coalesce(max(position), 0) + 1 FROM plan_priority WHERE plan_id=?1), ?2) RETURNING id");
    else if (objective)
        ins = db_prepare(r->db, "INSERT INTO plan_objective(priority_id, position, title, service)"
                                " VALUES(?1, (SELECT coalesce(max(position), 0) + 1 FROM plan_objective WHERE priority_id=?1), ?2, ?3) RETURNING id");
    else
        ins = db_prepare(r->db, "INSERT INTO plan_deliverable(objective_id, position, title)"
                                " VALUES(?1, (SELECT coalesce(max(position), 0) + 1 FROM plan_deliverable WHERE objective_id=?1), ?2) RETURNING id");
    sqlite3_bind_int64(ins, 1, c->parent);
    sqlite3_bind_text(ins, 2, title, -1, SQLITE_STATIC);
    if (objective) sqlite3_bind_text(ins, 3, service, -1, SQLITE_STATIC);
    long long id = sqlite3_step(ins) == SQLITE_ROW ? sqlite3_column_int64(ins, 0) : 0;
    sqlite3_finalize(ins);
    if (!id) {
        web_error(r, 409, "The %s could not be added: %s", c->kind, sqlite3_errmsg(r->db));
        return;
    }
    const char *anchor = strcmp(c->kind, "priority") == 0 ? arena_printf(&r->arena, "priority-%lld", id)
                         : objective                      ? arena_printf(&r->arena, "objective-%lld", id)
                                                          : arena_printf(&r->arena, "deliverable-%lld", id);
    web_redirect(r, arena_printf(&r->arena, "/plan?id=%lld#%s", c->plan, anchor));
}

void page_plan_part(Req *r)
{
    PartCtx c;
    if (!part_context(r, &c)) return;
    if (strcmp(r->method, "POST") == 0) part_post(r, &c);
    else part_form(r, &c, "", "Police", NULL, 0);
}
