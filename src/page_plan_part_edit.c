/*
 * page_plan_part_edit.c: /plan/part/edit?kind=K&id=N, renaming a part of
 * the Plan (a priority, an objective with its service, or a deliverable)
 * and removing one that holds nothing: a priority without objectives, an
 * objective without deliverables, measures or decision records, a
 * deliverable without actions (/plan/part adds them; actions are edited
 * on /plan/action). For roles with capability p; each change is one
 * statement, audited by the triggers of sql/006_audit.sql.
 */
#include "db.h"
#include "form.h"
#include "pages.h"
#include "plan.h"

#include <string.h>

static const char *const kinds[] = {"priority", "objective", "deliverable"};

/* The part named by kind and id, with its plan; false with the error page
 * written when there is none the user may see. */
typedef struct Part {
    int kind; /* index into kinds */
    long long id, plan;
    const char *title, *service;
    int holds; /* what it holds: objectives, deliverables (+ links), actions */
} Part;

static bool part_load(Req *r, Part *p)
{
    memset(p, 0, sizeof *p);
    const char *k = req_param(r, "kind");
    p->kind = -1;
    for (int i = 0; k && i < 3; i++)
        if (strcmp(k, kinds[i]) == 0) p->kind = i;
    p->id = req_param_id(r, "id");
    if (p->kind < 0 || p->id <= 0) {
        web_error(r, 400, "Say which part: kind=priority, objective or deliverable, and id=N, N a number.");
        return false;
    }
    sqlite3_stmt *st;
    if (p->kind == 0)
        st = db_prepare(r->db, "SELECT pl.id, pr.title, '', pl.status, pl.marking, (SELECT count(*) FROM plan_objective WHERE priority_id=pr.id)"
                               " FROM plan_priority pr JOIN plan pl ON pl.id=pr.plan_id WHERE pr.id=?1");
    else if (p->kind == 1)
        st = db_prepare(r->db, "SELECT pl.id, o.title, o.service, pl.status, pl.marking,"
                               " (SELECT count(*) FROM plan_deliverable WHERE objective_id=o.id) + (SELECT count(*) FROM objective_measure WHERE objective_id=o.id)"
                               " + (SELECT count(*) FROM decision_objective WHERE objective_id=o.id)"
                               " FROM plan_objective o JOIN plan_priority pr ON pr.id=o.priority_id JOIN plan pl ON pl.id=pr.plan_id WHERE o.id=?1");
    else
        st = db_prepare(r->db, "SELECT pl.id, d.title, '', pl.status, pl.marking, (SELECT count(*) FROM plan_action WHERE deliverable_id=d.id)"
                               " FROM plan_deliverable d JOIN plan_objective o ON o.id=d.objective_id JOIN plan_priority pr ON pr.id=o.priority_id"
                               " JOIN plan pl ON pl.id=pr.plan_id WHERE d.id=?1");
    sqlite3_bind_int64(st, 1, p->id);
    bool ok = sqlite3_step(st) == SQLITE_ROW && page_plan_sees(r, db_text(st, 3), db_text(st, 4));
    if (ok) {
        p->plan = sqlite3_column_int64(st, 0);
        p->title = arena_strdup(&r->arena, db_text(st, 1));
        p->service = arena_strdup(&r->arena, db_text(st, 2));
        p->holds = sqlite3_column_int(st, 5);
    }
    sqlite3_finalize(st);
    if (!ok) web_error(r, 404, "There is no %s %lld you may see.", kinds[p->kind], p->id);
    return ok;
}

static void edit_page(Req *r, const Part *p, const char *title, const char *service, const FormErr *e)
{
    const char *kind = kinds[p->kind];
    page_begin(r, arena_printf(&r->arena, "Rename or remove a %s", kind), "plan");
    form_error_summary(r, e);
    html_printf(&r->out, "<span class=\"caption\">%s</span>\n<h1>Rename or remove this %s</h1>\n", p->title, kind);
    html_printf(&r->out, "<form method=\"post\" action=\"/plan/part/edit?kind=%s&amp;id=%lld\">", kind, p->id);
    page_csrf_field(r);
    html_lit(&r->out, "<input type=\"hidden\" name=\"action\" value=\"rename\">");
    form_input_text(r, e, "title", "title", "Title", title, "text");
    if (p->kind == 1) form_input_select(r, e, "service", "service", "Service", plan_services, PLAN_NSERVICES, service);
    html_lit(&r->out, "<button type=\"submit\" class=\"button\">Save</button></form>\n");
    html_printf(&r->out, "<h2>Remove the %s</h2>\n", kind);
    if (p->holds) {
        static const char *const why[] = {"it has objectives: remove them first", "it has deliverables, linked measures or decision records: remove or unlink them first",
                                          "it has actions: a Plan's actions are kept (mark them cancelled on their page)"};
        html_printf(&r->out, "<p>It cannot be removed while %s.</p>\n", why[p->kind]);
    } else {
        html_printf(&r->out, "<form method=\"post\" action=\"/plan/part/edit?kind=%s&amp;id=%lld\">", kind, p->id);
        page_csrf_field(r);
        html_printf(&r->out, "<input type=\"hidden\" name=\"action\" value=\"remove\"><p>It holds nothing, so it can be removed; the audit trail keeps it.</p>"
                             "<button type=\"submit\" class=\"button button-warning\">Remove the %s</button></form>\n",
                    kind);
    }
    html_printf(&r->out, "<p><a class=\"link\" href=\"/plan?id=%lld\">Back to the plan</a></p>\n", p->plan);
    page_end(r);
}

static void edit_post(Req *r, const Part *p)
{
    const char *action = req_param(r, "action");
    if (action && strcmp(action, "remove") == 0) {
        if (p->holds) {
            web_error(r, 409, "The %s holds other parts of the Plan and was not removed.", kinds[p->kind]);
            return;
        }
        sqlite3_stmt *st = p->kind == 0 ? db_prepare(r->db, "DELETE FROM plan_priority WHERE id=?1")
                           : p->kind == 1 ? db_prepare(r->db, "DELETE FROM plan_objective WHERE id=?1")
                                          : db_prepare(r->db, "DELETE FROM plan_deliverable WHERE id=?1");
        sqlite3_bind_int64(st, 1, p->id);
        db_step_done(st);
        sqlite3_finalize(st);
        web_redirect(r, arena_printf(&r->arena, "/plan?id=%lld", p->plan));
        return;
    }
    if (!action || strcmp(action, "rename") != 0) {
        web_error(r, 400, "The form did not say whether to rename or remove.");
        return;
    }
    const char *title = req_param(r, "title"), *service = req_param(r, "service");
    FormErr e = {NULL, NULL, 0};
    if (!title || !*title) e = (FormErr){"title", arena_printf(&r->arena, "Title: enter the %s's title", kinds[p->kind]), 0};
    else if (strlen(title) > 500 || plan_has_control(title)) e = (FormErr){"title", "Title: expected one line of at most 500 characters", 0};
    else if (p->kind == 1 && !form_one_of(service, plan_services, PLAN_NSERVICES)) e = (FormErr){"service", "Service: expected Police, Fire and Rescue or Working together", 0};
    if (e.msg) {
        r->status = 400;
        edit_page(r, p, title, service, &e);
        return;
    }
    sqlite3_stmt *st = p->kind == 0 ? db_prepare(r->db, "UPDATE plan_priority SET title=?2 WHERE id=?1")
                       : p->kind == 1 ? db_prepare(r->db, "UPDATE plan_objective SET title=?2, service=?3 WHERE id=?1")
                                      : db_prepare(r->db, "UPDATE plan_deliverable SET title=?2 WHERE id=?1");
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
    if (p->kind == 1) sqlite3_bind_text(st, 3, service, -1, SQLITE_STATIC);
    bool ok = db_step_done(st);
    sqlite3_finalize(st);
    if (!ok) {
        web_error(r, 409, "The %s could not be renamed: %s", kinds[p->kind], sqlite3_errmsg(r->db));
        return;
    }
    web_redirect(r, arena_printf(&r->arena, "/plan?id=%lld#%s-%lld", p->plan, kinds[p->kind], p->id));
}

void page_plan_part_edit(Req *r)
{
    Part p;
    if (!part_load(r, &p)) return;
    if (strcmp(r->method, "POST") == 0) edit_post(r, &p);
    else edit_page(r, &p, p.title, p.service, NULL);
}
