/*
 * page_board.c: the Accountability Board pages.
 *
 *   /board                 meetings (upcoming and past), the cycle in weeks,
 *                          scheduling the next meeting, adding one
 *   /board/meeting?id=N    one meeting: its agenda (add, edit, remove
 *                          items), the candidates for agenda setting, the
 *                          status steps, verdicts, follow-ups, the minutes
 *   /board/letter?id=N     the printable notification to the Chief Constable
 *   /board/paper?id=N      a paper the force uploaded (also /liaison/paper,
 *                          page_liaison.c, for the liaison's own items)
 *   /board/schedule        the schedule of assurance
 *   /board/conditions      the budget conditions letter by financial year
 *
 * Every POST runs in one transaction: a refused change leaves the store as
 * it was and shows the page again with the mistake, naming the field.
 * Records marked OFFICIAL-SENSITIVE are hidden from users without the
 * capability to see them (req_sees).
 */
#include "board.h"
#include "db.h"
#include "form.h"
#include "measures_cache.h"
#include "pages.h"
#include "req.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* A record's id from a parameter; anything but a positive whole number
 * reads as none (a new record on the forms that add one). */
static long long param_id(Req *r, const char *name)
{
    long long v = req_param_id(r, name);
    return v > 0 ? v : 0;
}

static const char *param_or(Req *r, const char *name, const char *dflt)
{
    const char *s = req_param(r, name);
    return s ? s : dflt;
}

static void begin_tx(Req *r)
{
    db_exec(r->db, "BEGIN IMMEDIATE");
}

static void commit_tx(Req *r)
{
    db_exec(r->db, "COMMIT");
}

static void rollback_tx(Req *r)
{
    db_exec(r->db, "ROLLBACK");
}

static const char *const forms[] = {"written", "verbal"};
static const char *const markings[] = {"OFFICIAL", "OFFICIAL-SENSITIVE"};
static const char *const verdicts[] = {"", "assured", "partially assured", "not assured"};
static const char *const cond_statuses[] = {"not started", "on track", "at risk", "met", "not met"};

/* A meeting as the pages need it. */
typedef struct Meeting {
    long long id;
    const char *held_on, *starts_at, *kind, *status, *minutes, *marking;
} Meeting;

static bool load_meeting(Req *r, long long id, Meeting *m)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, held_on, starts_at, kind, status, minutes, marking FROM meeting WHERE id=?1");
    sqlite3_bind_int64(st, 1, id);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok) {
        m->id = sqlite3_column_int64(st, 0);
        m->held_on = arena_strdup(&r->arena, db_text(st, 1));
        m->starts_at = arena_strdup(&r->arena, db_text(st, 2));
        m->kind = arena_strdup(&r->arena, db_text(st, 3));
        m->status = arena_strdup(&r->arena, db_text(st, 4));
        m->minutes = arena_strdup(&r->arena, db_text(st, 5));
        m->marking = arena_strdup(&r->arena, db_text(st, 6));
    }
    sqlite3_finalize(st);
    return ok && req_sees(r, m->marking);
}

static const char *status_tag(const char *status)
{
    if (strcmp(status, "minutes published") == 0) return "tag tag-green";
    if (strcmp(status, "cancelled") == 0) return "tag tag-grey";
    if (strcmp(status, "held") == 0 || strcmp(status, "minutes approved") == 0) return "tag tag-blue";
    return "tag tag-amber";
}

/* ======================================================================
 * /board
 * ==================================================================== */

static int cycle_weeks(Req *r)
{
    int w = atoi(db_setting(r->db, "board_cycle_weeks", "6", &r->arena));
    return w >= 1 && w <= 52 ? w : 6;
}

/* The date of the next meeting: the last meeting's date + the cycle. */
static const char *next_date(Req *r)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT date(max(held_on), '+' || ?1 || ' days') FROM meeting WHERE status<>'cancelled'");
    sqlite3_bind_int(st, 1, cycle_weeks(r) * 7);
    const char *d = NULL;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) d = arena_strdup(&r->arena, db_text(st, 0));
    sqlite3_finalize(st);
    return d;
}

static void meetings_table(Req *r, bool upcoming)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT m.id, m.held_on, m.starts_at, m.kind, m.status, m.marking,"
                                         " (SELECT count(*) FROM agenda_item i WHERE i.meeting_id=m.id)"
                                         " FROM meeting m WHERE (m.status IN ('planned','agenda set','notified'))=?1"
                                         " ORDER BY CASE WHEN ?1 THEN m.held_on END, m.held_on DESC");
    sqlite3_bind_int(st, 1, upcoming);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!req_sees(r, db_text(st, 5))) continue;
        if (!n++)
            html_lit(&r->out, "<table class=\"table\"><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Time</th><th scope=\"col\">Meeting</th>"
                              "<th scope=\"col\" class=\"num\">Items</th><th scope=\"col\">Status</th></tr></thead><tbody>\n");
        char d[40];
        board_date_long(db_text(st, 1), d, sizeof d);
        html_printf(&r->out, "<tr><td><a href=\"/board/meeting?id=%lld\">%s</a></td><td>%s</td><td>%s%s</td><td class=\"num\">%d</td><td><span class=\"%s\">%s</span></td></tr>\n",
                    sqlite3_column_int64(st, 0), d, db_text(st, 2), db_text(st, 3),
                    strcmp(db_text(st, 5), "OFFICIAL") == 0 ? "" : " (OFFICIAL-SENSITIVE)", sqlite3_column_int(st, 6),
                    status_tag(db_text(st, 4)), db_text(st, 4));
    }
    if (n) html_lit(&r->out, "</tbody></table>\n");
    else html_printf(&r->out, "<p>No %s meetings.</p>\n", upcoming ? "upcoming" : "past");
    sqlite3_finalize(st);
}

static void board_form(Req *r, const FormErr *e)
{
    page_begin(r, "Accountability Board", "board");
    form_error_summary(r, e);
    html_lit(&r->out, "<h1>Accountability Board</h1>\n<p class=\"lede\">The Commissioner holds the Chief Constable to account at the board: the office sets "
                      "the agenda, notifies the force of each matter and its questions, the force answers, and the Commissioner records a verdict on each item.</p>\n"
                      "<p><a class=\"link\" href=\"/board/schedule\">Schedule of assurance</a> &middot; <a class=\"link\" href=\"/board/conditions\">Budget conditions letter</a></p>\n");
    html_lit(&r->out, "<h2>Upcoming meetings</h2>\n");
    meetings_table(r, true);
    html_lit(&r->out, "<h2>Past meetings</h2>\n");
    meetings_table(r, false);
    if (!req_can(r, CAP_BOARD)) {
        page_end(r);
        return;
    }
    int weeks = cycle_weeks(r);
    const char *next = next_date(r);
    html_lit(&r->out, "<h2>The cycle</h2>\n");
    if (next) {
        char d[40];
        board_date_long(next, d, sizeof d);
        html_printf(&r->out, "<p>Meetings are held every %d weeks. The next after the last one would be on %s.</p>\n", weeks, d);
        html_lit(&r->out, "<form method=\"post\" action=\"/board\" class=\"form\">");
        page_csrf_field(r);
        html_lit(&r->out, "<input type=\"hidden\" name=\"action\" value=\"next\"><button type=\"submit\" class=\"button\">Schedule the next meeting</button></form>\n");
    } else {
        html_printf(&r->out, "<p>Meetings are held every %d weeks. Add the first meeting below.</p>\n", weeks);
    }
    html_lit(&r->out, "<form method=\"post\" action=\"/board\" class=\"form\">");
    page_csrf_field(r);
    html_lit(&r->out, "<input type=\"hidden\" name=\"action\" value=\"cycle\">");
    form_input_text(r, e, "weeks", "weeks", "Weeks between meetings", arena_printf(&r->arena, "%d", weeks), "number");
    html_lit(&r->out, "<button type=\"submit\" class=\"button secondary\">Set the cycle</button></form>\n");

    html_lit(&r->out, "<h2>Add a meeting</h2>\n<form method=\"post\" action=\"/board\" class=\"form\">");
    page_csrf_field(r);
    html_lit(&r->out, "<input type=\"hidden\" name=\"action\" value=\"create\">");
    bool again = e && e->msg && strcmp(param_or(r, "action", ""), "create") == 0;
    form_input_text(r, e, "held_on", "held_on", "Date (YYYY-MM-DD)", again ? param_or(r, "held_on", "") : (next ? next : ""), "date");
    form_input_text(r, e, "starts_at", "starts_at", "Starts at (HH:MM)", again ? param_or(r, "starts_at", "10:00") : "10:00", "text");
    form_input_text(r, e, "kind", "kind", "Meeting", again ? param_or(r, "kind", "Accountability Board") : "Accountability Board", "text");
    form_input_select(r, e, "marking", "marking", "Protective marking", markings, 2, again ? param_or(r, "marking", "OFFICIAL") : "OFFICIAL");
    html_lit(&r->out, "<button type=\"submit\" class=\"button\">Add the meeting</button></form>\n");
    page_end(r);
}

static bool valid_time(const char *s)
{
    return s && strlen(s) == 5 && s[0] >= '0' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' && s[2] == ':' && s[3] >= '0' && s[3] <= '5' && s[4] >= '0' &&
           s[4] <= '9' && atoi(s) < 24;
}

static void board_fail(Req *r, const char *field, const char *msg)
{
    rollback_tx(r);
    r->status = 400;
    FormErr e = {field, msg, 0};
    board_form(r, &e);
}

/* Inserts a meeting; false when that day already has one of the kind. */
static long long insert_meeting(Req *r, const char *held_on, const char *starts_at, const char *kind, const char *marking)
{
    sqlite3_stmt *st = db_prepare(r->db, "INSERT INTO meeting(held_on, starts_at, kind, marking) VALUES (?1, ?2, ?3, ?4)");
    sqlite3_bind_text(st, 1, held_on, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, starts_at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, marking, -1, SQLITE_TRANSIENT);
    bool ok = db_step_done(st);
    sqlite3_finalize(st);
    return ok ? sqlite3_last_insert_rowid(r->db) : 0;
}

void page_board(Req *r)
{
    if (strcmp(r->method, "POST") != 0) {
        board_form(r, NULL);
        return;
    }
    const char *action = param_or(r, "action", "");
    begin_tx(r);
    if (strcmp(action, "cycle") == 0) {
        const char *w = param_or(r, "weeks", "");
        int n = atoi(w);
        if (!*w || strspn(w, "0123456789") != strlen(w) || n < 1 || n > 52) {
            board_fail(r, "weeks", "Weeks between meetings must be a whole number from 1 to 52.");
            return;
        }
        db_setting_set(r->db, "board_cycle_weeks", arena_printf(&r->arena, "%d", n));
        commit_tx(r);
        web_redirect(r, "/board");
        return;
    }
    const char *held_on, *starts_at = "10:00", *kind = "Accountability Board", *marking = "OFFICIAL";
    if (strcmp(action, "next") == 0) {
        held_on = next_date(r);
        if (!held_on) {
            board_fail(r, "held_on", "There is no meeting yet to count the cycle from: add the first meeting with its date.");
            return;
        }
    } else if (strcmp(action, "create") == 0) {
        held_on = param_or(r, "held_on", "");
        starts_at = param_or(r, "starts_at", "");
        kind = param_or(r, "kind", "");
        marking = param_or(r, "marking", "OFFICIAL");
        if (!board_valid_date(held_on)) {
            board_fail(r, "held_on", "Date must be a real date written YYYY-MM-DD, for example 2026-01-27.");
            return;
        }
        if (!valid_time(starts_at)) {
            board_fail(r, "starts_at", "Starts at must be a time written HH:MM, for example 10:00.");
            return;
        }
        if (!*kind || strlen(kind) > 120) {
            board_fail(r, "kind", "Meeting must be named (at most 120 characters), for example Accountability Board.");
            return;
        }
        if (!form_one_of(marking, markings, 2) || (strcmp(marking, "OFFICIAL") != 0 && !req_can(r, CAP_SENSITIVE))) {
            board_fail(r, "marking", "Protective marking must be OFFICIAL or OFFICIAL-SENSITIVE (the latter only for users who may see it).");
            return;
        }
    } else {
        board_fail(r, "held_on", "The form asked for an action this page does not know.");
        return;
    }
    long long id = insert_meeting(r, held_on, starts_at, kind, marking);
    if (!id) {
        board_fail(r, "held_on", arena_printf(&r->arena, "Date: there is already a meeting \"%s\" on %s.", kind, held_on));
        return;
    }
    commit_tx(r);
    web_redirect(r, arena_printf(&r->arena, "/board/meeting?id=%lld", id));
}

/* ======================================================================
 * /board/meeting
 * ==================================================================== */

/* The item fields read from a form. */
typedef struct ItemIn {
    const char *subject, *objective, *measure_key, *matter, *questions, *form, *lead, *paper_due, *marking;
    bool to_force;
} ItemIn;

static void item_in(Req *r, ItemIn *in)
{
    in->subject = param_or(r, "subject", "");
    in->objective = param_or(r, "objective_id", "");
    in->measure_key = param_or(r, "measure_key", "");
    in->matter = param_or(r, "matter", "");
    in->questions = param_or(r, "questions", "");
    in->form = param_or(r, "form", "written");
    in->lead = param_or(r, "lead", "");
    in->paper_due = param_or(r, "paper_due", "");
    in->marking = param_or(r, "marking", "OFFICIAL");
    in->to_force = strcmp(param_or(r, "to_force", ""), "1") == 0;
}

/* Checks the item's fields; returns the field's name and sets *msg. */
static const char *item_check(Req *r, const ItemIn *in, const char **msg)
{
    if (!*in->subject || strlen(in->subject) > 200) {
        *msg = "Subject must be given (at most 200 characters).";
        return "subject";
    }
    if (*in->objective) {
        long long oid = atoll(in->objective);
        sqlite3_stmt *st = db_prepare(r->db, "SELECT count(*) FROM plan_objective WHERE id=?1");
        sqlite3_bind_int64(st, 1, oid);
        bool ok = strspn(in->objective, "0123456789") == strlen(in->objective) && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
        sqlite3_finalize(st);
        if (!ok) {
            *msg = "Objective must be one of the Plan's objectives.";
            return "objective_id";
        }
    }
    if (*in->measure_key) {
        sqlite3_stmt *st = db_prepare(r->db, "SELECT count(*) FROM measure WHERE key=?1 AND retired_at IS NULL");
        sqlite3_bind_text(st, 1, in->measure_key, -1, SQLITE_TRANSIENT);
        bool ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
        sqlite3_finalize(st);
        if (!ok) {
            *msg = arena_printf(&r->arena, "Measure: there is no measure \"%s\".", in->measure_key);
            return "measure_key";
        }
    }
    if (!form_one_of(in->form, forms, 2)) {
        *msg = "Form required must be written or verbal.";
        return "form";
    }
    if (*in->paper_due && !board_valid_date(in->paper_due)) {
        *msg = "Paper due must be a real date written YYYY-MM-DD, or left empty.";
        return "paper_due";
    }
    if (!form_one_of(in->marking, markings, 2) || (strcmp(in->marking, "OFFICIAL") != 0 && !req_can(r, CAP_SENSITIVE))) {
        *msg = "Protective marking must be OFFICIAL or OFFICIAL-SENSITIVE (the latter only for users who may see it).";
        return "marking";
    }
    if (in->to_force && strcmp(in->form, "written") == 0 && !*in->questions && !*in->matter) {
        *msg = "Questions: a matter addressed to the force needs the matter or at least one question.";
        return "questions";
    }
    return NULL;
}

/* Writes the item editor's fields (add form when item is 0). */
static void item_fields(Req *r, const FormErr *e, long long item, const ItemIn *v)
{
    const char *sfx = item ? arena_printf(&r->arena, "-%lld", item) : "";
    const FormErr *mine = e && e->item == item ? e : NULL;
    form_input_text(r, mine, arena_printf(&r->arena, "subject%s", sfx), "subject", "Subject", v->subject, "text");
    /* the Plan's objectives */
    const char *oid = arena_printf(&r->arena, "objective_id%s", sfx);
    html_printf(&r->out, "<div class=\"form-group%s\"><label class=\"label\" for=\"%s\">Linked objective of the Plan</label>", form_err_on(mine, oid) ? " form-group-error" : "", oid);
    if (form_err_on(mine, oid)) html_printf(&r->out, "<p class=\"error-message\">%s</p>", mine->msg);
    html_printf(&r->out, "<select class=\"select\" id=\"%s\" name=\"objective_id\"><option value=\"\">(none)</option>", oid);
    sqlite3_stmt *st = db_prepare(r->db, "SELECT o.id, p.title, o.title FROM plan_objective o JOIN plan_priority p ON p.id=o.priority_id ORDER BY p.position, o.position");
    while (sqlite3_step(st) == SQLITE_ROW)
        html_printf(&r->out, "<option value=\"%lld\"%s>%s: %s</option>", sqlite3_column_int64(st, 0),
                    atoll(v->objective) == sqlite3_column_int64(st, 0) ? " selected" : "", db_text(st, 1), db_text(st, 2));
    sqlite3_finalize(st);
    html_lit(&r->out, "</select></div>\n");
    form_input_text(r, mine, arena_printf(&r->arena, "measure_key%s", sfx), "measure_key", "Linked measure (its key, e.g. response.g1-urban)", v->measure_key, "text");
    form_input_area(r, mine, arena_printf(&r->arena, "matter%s", sfx), "matter", "The matter that needs a response", NULL, v->matter, 3);
    form_input_area(r, mine, arena_printf(&r->arena, "questions%s", sfx), "questions", "Questions", "One question per line.", v->questions, 4);
    form_input_select(r, mine, arena_printf(&r->arena, "form%s", sfx), "form", "Form required", forms, 2, v->form);
    form_input_text(r, mine, arena_printf(&r->arena, "lead%s", sfx), "lead", "Lead", v->lead, "text");
    form_input_text(r, mine, arena_printf(&r->arena, "paper_due%s", sfx), "paper_due", "Paper due (YYYY-MM-DD)", v->paper_due, "date");
    form_input_select(r, mine, arena_printf(&r->arena, "marking%s", sfx), "marking", "Protective marking", markings, 2, v->marking);
    html_printf(&r->out, "<div class=\"form-group\"><label class=\"label\"><input type=\"checkbox\" name=\"to_force\" value=\"1\"%s> Addressed to the force</label></div>\n",
                v->to_force ? " checked" : "");
}

static void numbered_questions(Req *r, const char *q)
{
    int n = 0;
    const char *p = q;
    while (*p) {
        size_t len = strcspn(p, "\n");
        const char *line = arena_strndup(&r->arena, p, len);
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\r' || line[l - 1] == ' ')) ((char *)line)[--l] = 0;
        if (*line) {
            if (!n++) html_lit(&r->out, "<ol class=\"list list-number\">");
            html_printf(&r->out, "<li>%s</li>", line);
        }
        p += len;
        if (*p) p++;
    }
    if (n) html_lit(&r->out, "</ol>\n");
}

static void papers_list(Req *r, long long item, const char *base)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, filename, bytes, uploaded_by, uploaded_at FROM item_paper WHERE item_id=?1 ORDER BY id");
    sqlite3_bind_int64(st, 1, item);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!n++) html_lit(&r->out, "<ul class=\"list\">");
        char sz[32];
        fmt_thousands(sz, sizeof sz, sqlite3_column_int64(st, 2));
        html_printf(&r->out, "<li>Paper: <a href=\"%s?id=%lld\">%s</a> (%s bytes, uploaded by %s, %.16s)", base, sqlite3_column_int64(st, 0),
                    db_text(st, 1), sz, db_text(st, 3), db_text(st, 4));
        page_history_link(r, "item_paper", sqlite3_column_int64(st, 0), arena_printf(&r->arena, "History of paper %s", db_text(st, 1)), false);
        html_lit(&r->out, "</li>");
    }
    if (n) html_lit(&r->out, "</ul>\n");
    sqlite3_finalize(st);
}

static void hidden(Req *r, const char *name, const char *value)
{
    html_printf(&r->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", name, value);
}

static void action_button(Req *r, long long meeting, const char *action, const char *name, const char *value, const char *label, bool secondary)
{
    html_printf(&r->out, "<form method=\"post\" action=\"/board/meeting?id=%lld\" class=\"inline-form\">", meeting);
    page_csrf_field(r);
    hidden(r, "action", action);
    if (name) hidden(r, name, value);
    html_printf(&r->out, "<button type=\"submit\" class=\"button%s\">%s</button></form>\n", secondary ? " secondary" : "", label);
}

/* One agenda item: what it asks, what the force gave, the verdict. */
static void agenda_item(Req *r, const Meeting *m, sqlite3_stmt *st, int n, const FormErr *e)
{
    long long id = sqlite3_column_int64(st, 0);
    ItemIn v = {db_text(st, 1), arena_printf(&r->arena, "%lld", sqlite3_column_int64(st, 2)), db_text(st, 3), db_text(st, 4), db_text(st, 5), db_text(st, 6),
                db_text(st, 7), db_text(st, 8), db_text(st, 14), sqlite3_column_int(st, 9) != 0};
    if (sqlite3_column_type(st, 2) == SQLITE_NULL) v.objective = "";
    const char *origin = db_text(st, 10), *answer = db_text(st, 11), *verdict = db_text(st, 12), *discussion = db_text(st, 13);
    v.subject = arena_strdup(&r->arena, v.subject);
    html_printf(&r->out, "<section class=\"summary-card\" id=\"item-%lld\"><div class=\"summary-card-title-wrapper\"><h3 class=\"summary-card-title\">%d. %s</h3>", id, n, v.subject);
    if (strcmp(v.marking, "OFFICIAL") != 0) html_printf(&r->out, " <span class=\"tag tag-red\">%s</span>", v.marking);
    html_lit(&r->out, "</div><div class=\"summary-card-content\">\n<dl class=\"summary-list\">\n");
    char due[40];
    board_date_long(v.paper_due, due, sizeof due);
    html_printf(&r->out, "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Matter</dt><dd class=\"summary-list-value\">%s</dd></div>\n", v.matter);
    if (*v.objective) html_printf(&r->out, "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Objective</dt><dd class=\"summary-list-value\">%s</dd></div>\n", db_text(st, 15));
    if (*v.measure_key)
        html_printf(&r->out, "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Measure</dt><dd class=\"summary-list-value\"><a href=\"/measure?key=%s\">%s</a></dd></div>\n",
                    url_arg(&r->arena, v.measure_key), v.measure_key);
    html_printf(&r->out, "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Form required</dt><dd class=\"summary-list-value\">%s</dd></div>\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Lead</dt><dd class=\"summary-list-value\">%s</dd></div>\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Paper due</dt><dd class=\"summary-list-value\">%s</dd></div>\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Addressed to the force</dt><dd class=\"summary-list-value\">%s</dd></div>\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Origin</dt><dd class=\"summary-list-value\">%s</dd></div>\n",
                strcmp(v.form, "verbal") == 0 ? "Verbal update" : "Written paper", v.lead, *v.paper_due ? due : "not set", v.to_force ? "Yes" : "No", origin);
    html_lit(&r->out, "</dl>\n");
    numbered_questions(r, v.questions);
    if (*answer) html_printf(&r->out, "<h4>The force's answer</h4>\n<p class=\"answer\">%s</p>\n", answer);
    papers_list(r, id, "/board/paper");
    if (*verdict) html_printf(&r->out, "<p><strong>Verdict:</strong> <span class=\"tag %s\">%s</span></p>\n",
                              strcmp(verdict, "assured") == 0 ? "tag-green" : strcmp(verdict, "not assured") == 0 ? "tag-red" : "tag-amber", verdict);
    if (*discussion) html_printf(&r->out, "<p><strong>Discussion:</strong> %s</p>\n", discussion);
    page_history_link(r, "agenda_item", id, arena_printf(&r->arena, "History of item %d", n), true);

    /* follow-ups */
    sqlite3_stmt *fu = db_prepare(r->db, "SELECT id, request, owner, due, status, closed_on, marking FROM follow_up WHERE item_id=?1 ORDER BY id");
    sqlite3_bind_int64(fu, 1, id);
    int nf = 0;
    while (sqlite3_step(fu) == SQLITE_ROW) {
        if (!req_sees(r, db_text(fu, 6))) continue;
        if (!nf++) html_lit(&r->out, "<h4>Follow-ups</h4>\n<ul class=\"list\">\n");
        char d[40];
        board_date_long(db_text(fu, 3), d, sizeof d);
        bool open = strcmp(db_text(fu, 4), "open") == 0;
        html_printf(&r->out, "<li>%s (%s, by %s): %s%s%s ", db_text(fu, 1), db_text(fu, 2), d, open ? "open" : "closed on ", open ? "" : db_text(fu, 5), "");
        if (open && req_can(r, CAP_BOARD))
            action_button(r, m->id, "close_followup", "followup", arena_printf(&r->arena, "%lld", sqlite3_column_int64(fu, 0)), "Close", true);
        page_history_link(r, "follow_up", sqlite3_column_int64(fu, 0), arena_printf(&r->arena, "History of follow-up %d", nf), false);
        html_lit(&r->out, "</li>\n");
    }
    if (nf) html_lit(&r->out, "</ul>\n");
    sqlite3_finalize(fu);

    if (req_can(r, CAP_BOARD)) {
        int si = board_status_index(m->status);
        const char *ids = arena_printf(&r->arena, "%lld", id);
        const FormErr *mine = e && e->item == id ? e : NULL;
        if (si <= 1) {
            html_printf(&r->out, "<form method=\"post\" action=\"/board/meeting?id=%lld#item-%lld\" class=\"form\"><details class=\"details\"%s><summary>Edit this item</summary>",
                        m->id, id, mine ? " open" : "");
            page_csrf_field(r);
            hidden(r, "action", "edit_item");
            hidden(r, "item", ids);
            if (mine && strcmp(param_or(r, "action", ""), "edit_item") == 0) {
                ItemIn in;
                item_in(r, &in);
                item_fields(r, e, id, &in);
            } else {
                item_fields(r, e, id, &v);
            }
            html_lit(&r->out, "<button type=\"submit\" class=\"button\">Save the item</button></details></form>\n");
            action_button(r, m->id, "remove_item", "item", ids, "Remove from the agenda", true);
        } else if (si == 2 || si == 3) {
            html_printf(&r->out, "<form method=\"post\" action=\"/board/meeting?id=%lld#item-%lld\" class=\"form\"><details class=\"details\"%s><summary>Record the verdict</summary>",
                        m->id, id, mine && strcmp(param_or(r, "action", ""), "verdict") == 0 ? " open" : "");
            page_csrf_field(r);
            hidden(r, "action", "verdict");
            hidden(r, "item", ids);
            form_input_select(r, mine, arena_printf(&r->arena, "verdict-%lld", id), "verdict", "Verdict", verdicts, 4, verdict);
            form_input_area(r, mine, arena_printf(&r->arena, "discussion-%lld", id), "discussion", "Note of discussion", NULL, discussion, 4);
            html_lit(&r->out, "<button type=\"submit\" class=\"button\">Record the verdict</button></details></form>\n");
            bool fe = mine && strcmp(param_or(r, "action", ""), "add_followup") == 0;
            html_printf(&r->out, "<form method=\"post\" action=\"/board/meeting?id=%lld#item-%lld\" class=\"form\"><details class=\"details\"%s><summary>Add a follow-up</summary>",
                        m->id, id, fe ? " open" : "");
            page_csrf_field(r);
            hidden(r, "action", "add_followup");
            hidden(r, "item", ids);
            form_input_text(r, mine, arena_printf(&r->arena, "request-%lld", id), "request", "Request", fe ? param_or(r, "request", "") : "", "text");
            form_input_text(r, mine, arena_printf(&r->arena, "owner-%lld", id), "owner", "Owner", fe ? param_or(r, "owner", "") : "", "text");
            form_input_text(r, mine, arena_printf(&r->arena, "due-%lld", id), "due", "Due (YYYY-MM-DD)", fe ? param_or(r, "due", "") : "", "date");
            html_lit(&r->out, "<button type=\"submit\" class=\"button\">Add the follow-up</button></details></form>\n");
        }
    }
    html_lit(&r->out, "</div></section>\n");
}

static const char *const kind_names[] = {"follow-up", "schedule", "exception"};

static void candidates_section(Req *r, const Meeting *m)
{
    const MeasureSet *ms = measures_acquire(r->db, r->db_path);
    Candidate *c;
    int n = board_candidates(r->db, ms, m->id, &r->arena, &c);
    measures_release(ms);
    html_lit(&r->out, "<h2>Candidates for the agenda</h2>\n<p>Open follow-ups from earlier meetings, matters the schedule of assurance says are due, "
                      "and exceptions: the force's measures off target (or newly the worst of its peer group) before the meeting, each with a drafted question.</p>\n");
    int shown = 0;
    for (int i = 0; i < n; i++) {
        if (!req_sees(r, c[i].marking)) continue;
        if (!shown++) html_lit(&r->out, "<table class=\"table\"><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Matter</th><th scope=\"col\">Why</th><th scope=\"col\"><span class=\"visually-hidden\">Action</span></th></tr></thead><tbody>\n");
        html_printf(&r->out, "<tr><td><span class=\"tag %s\">%s</span></td><td><strong>%s</strong><br>%s", c[i].kind == CAND_EXCEPTION ? "tag-red" : "tag-blue",
                    kind_names[c[i].kind], c[i].subject, c[i].matter);
        if (*c[i].questions) html_printf(&r->out, "<br><em>%s</em>", c[i].questions);
        html_printf(&r->out, "</td><td>%s", c[i].why);
        if (c[i].overdue) html_lit(&r->out, " <span class=\"tag tag-red\">overdue</span>");
        html_lit(&r->out, "</td><td>");
        if (c[i].on_agenda) {
            html_lit(&r->out, "On the agenda");
        } else if (req_can(r, CAP_BOARD)) {
            html_printf(&r->out, "<form method=\"post\" action=\"/board/meeting?id=%lld\" class=\"inline-form\">", m->id);
            page_csrf_field(r);
            hidden(r, "action", "add_candidate");
            hidden(r, "kind", kind_names[c[i].kind]);
            hidden(r, "ref", c[i].kind == CAND_EXCEPTION ? c[i].key : arena_printf(&r->arena, "%lld", c[i].ref));
            html_lit(&r->out, "<button type=\"submit\" class=\"button secondary\">Add to agenda</button></form>");
        }
        if (c[i].kind == CAND_FOLLOWUP && req_can(r, CAP_BOARD))
            action_button(r, m->id, "close_followup", "followup", arena_printf(&r->arena, "%lld", c[i].ref), "Close the follow-up", true);
        html_lit(&r->out, "</td></tr>\n");
    }
    if (shown) html_lit(&r->out, "</tbody></table>\n");
    else html_lit(&r->out, "<p>No candidates: nothing is due, open or off target.</p>\n");
}

static void meeting_form(Req *r, const Meeting *m, const FormErr *e)
{
    char d[40];
    board_date_long(m->held_on, d, sizeof d);
    page_begin(r, arena_printf(&r->arena, "%s, %s", m->kind, d), "board");
    form_error_summary(r, e);
    html_printf(&r->out, "<span class=\"caption\"><a href=\"/board\">Accountability Board</a></span>\n<h1>%s, %s at %s</h1>\n", m->kind, d, m->starts_at);
    html_printf(&r->out, "<p>Status: <span class=\"%s\">%s</span>", status_tag(m->status), m->status);
    if (strcmp(m->marking, "OFFICIAL") != 0) html_lit(&r->out, " <span class=\"tag tag-red\">OFFICIAL-SENSITIVE</span>");
    html_lit(&r->out, "</p>\n");
    page_history_link(r, "meeting", m->id, "History of this meeting", true);
    int si = board_status_index(m->status);
    html_lit(&r->out, "<ol class=\"steps\">");
    for (int i = 0; i < board_nstatuses; i++)
        html_printf(&r->out, "<li%s>%s%s</li>", i == si ? " aria-current=\"step\"" : "", board_statuses[i], i < si ? " (done)" : i == si ? " (now)" : "");
    html_lit(&r->out, "</ol>\n");
    const char *next = board_status_next(m->status);
    if (next && req_can(r, CAP_BOARD) && (si < 3 || req_can(r, CAP_PUBLISH))) {
        static const char *const labels[] = {"Set the agenda", "Mark the force notified", "Mark the meeting held", "Approve the minutes", "Publish the minutes"};
        html_printf(&r->out, "<form method=\"post\" action=\"/board/meeting?id=%lld\" class=\"inline-form\">", m->id);
        page_csrf_field(r);
        hidden(r, "action", "advance");
        hidden(r, "to", next);
        html_printf(&r->out, "<button type=\"submit\" class=\"button\">%s</button></form>\n", labels[si]);
    }
    if (si >= 1) html_printf(&r->out, "<p><a class=\"link\" href=\"/board/letter?id=%lld\">The notification letter to the Chief Constable</a></p>\n", m->id);
    if (si >= 0 && si <= 2 && req_can(r, CAP_BOARD)) action_button(r, m->id, "cancel", NULL, NULL, "Cancel the meeting", true);

    html_lit(&r->out, "<h2>Agenda</h2>\n");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT i.id, i.subject, i.objective_id, i.measure_key, i.matter, i.questions, i.form, i.lead, i.paper_due, i.to_force,"
                                         " i.origin, i.answer, i.verdict, i.discussion, i.marking, coalesce(o.title, '')"
                                         " FROM agenda_item i LEFT JOIN plan_objective o ON o.id=i.objective_id WHERE i.meeting_id=?1 ORDER BY i.position, i.id");
    sqlite3_bind_int64(st, 1, m->id);
    int n = 0, hidden_n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!req_sees(r, db_text(st, 14))) {
            hidden_n++;
            continue;
        }
        agenda_item(r, m, st, ++n, e);
    }
    sqlite3_finalize(st);
    if (!n) html_lit(&r->out, "<p>The agenda has no items yet.</p>\n");
    if (hidden_n) html_printf(&r->out, "<p class=\"note\">%d item%s marked OFFICIAL-SENSITIVE %s not shown.</p>\n", hidden_n, hidden_n == 1 ? "" : "s", hidden_n == 1 ? "is" : "are");

    if (si <= 1 && si >= 0) {
        if (req_can(r, CAP_BOARD)) {
            bool mine = e && e->item == 0 && strcmp(param_or(r, "action", ""), "add_item") == 0;
            html_printf(&r->out, "<h2>Add an item</h2>\n<form method=\"post\" action=\"/board/meeting?id=%lld\" class=\"form\">", m->id);
            page_csrf_field(r);
            hidden(r, "action", "add_item");
            ItemIn in = {"", "", "", "", "", "written", "", "", "OFFICIAL", true};
            if (mine) item_in(r, &in);
            if (!mine) {
                sqlite3_stmt *dd = db_prepare(r->db, "SELECT date(?1, '-7 days')");
                sqlite3_bind_text(dd, 1, m->held_on, -1, SQLITE_TRANSIENT);
                if (sqlite3_step(dd) == SQLITE_ROW) in.paper_due = arena_strdup(&r->arena, db_text(dd, 0));
                sqlite3_finalize(dd);
            }
            item_fields(r, e, 0, &in);
            html_lit(&r->out, "<button type=\"submit\" class=\"button\">Add to the agenda</button></form>\n");
        }
        candidates_section(r, m);
    }

    if (si >= 3) {
        html_lit(&r->out, "<h2>Minutes</h2>\n");
        if (si == 3 && req_can(r, CAP_BOARD)) {
            action_button(r, m->id, "draft_minutes", NULL, NULL, *m->minutes ? "Draft the minutes again from the items (replaces the text)" : "Draft the minutes from the items", true);
            html_printf(&r->out, "<form method=\"post\" action=\"/board/meeting?id=%lld\" class=\"form\">", m->id);
            page_csrf_field(r);
            hidden(r, "action", "save_minutes");
            form_input_area(r, e, "minutes", "minutes", "The minutes", "Edit before approval.", form_err_on(e, "minutes") ? param_or(r, "minutes", "") : m->minutes, 20);
            html_lit(&r->out, "<button type=\"submit\" class=\"button\">Save the minutes</button></form>\n");
        } else if (*m->minutes) {
            html_printf(&r->out, "<pre class=\"minutes\">%s</pre>\n", m->minutes);
        } else {
            html_lit(&r->out, "<p>No minutes have been drafted.</p>\n");
        }
    }
    page_end(r);
}

static void meeting_fail(Req *r, const Meeting *m, long long item, const char *field, const char *msg)
{
    rollback_tx(r);
    r->status = 400;
    FormErr e = {field, msg, item};
    Meeting again;
    if (load_meeting(r, m->id, &again)) meeting_form(r, &again, &e);
    else web_error(r, 400, "%s", msg);
}

/* The item of this meeting named by the form's `item`, or 0. */
static long long form_item(Req *r, const Meeting *m)
{
    long long id = param_id(r, "item");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT marking FROM agenda_item WHERE id=?1 AND meeting_id=?2");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, m->id);
    bool ok = sqlite3_step(st) == SQLITE_ROW && req_sees(r, db_text(st, 0));
    sqlite3_finalize(st);
    return ok ? id : 0;
}

static bool write_item(Req *r, long long meeting, long long item, const ItemIn *in)
{
    sqlite3_stmt *st;
    if (item) {
        st = db_prepare(r->db, "UPDATE agenda_item SET subject=?2, objective_id=?3, measure_key=?4, matter=?5, questions=?6, form=?7, lead=?8, paper_due=?9,"
                               " to_force=?10, marking=?11 WHERE id=?1");
        sqlite3_bind_int64(st, 1, item);
    } else {
        st = db_prepare(r->db, "INSERT INTO agenda_item(meeting_id, position, subject, objective_id, measure_key, matter, questions, form, lead, paper_due, to_force, marking)"
                               " VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id=?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        sqlite3_bind_int64(st, 1, meeting);
    }
    sqlite3_bind_text(st, 2, in->subject, -1, SQLITE_TRANSIENT);
    if (*in->objective) sqlite3_bind_int64(st, 3, atoll(in->objective));
    else sqlite3_bind_null(st, 3);
    sqlite3_bind_text(st, 4, in->measure_key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, in->matter, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, in->questions, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, in->form, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, in->lead, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 9, in->paper_due, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 10, in->to_force);
    sqlite3_bind_text(st, 11, in->marking, -1, SQLITE_TRANSIENT);
    bool ok = db_step_done(st);
    sqlite3_finalize(st);
    return ok;
}

static bool set_status(Req *r, long long meeting, const char *status)
{
    sqlite3_stmt *st = db_prepare(r->db, "UPDATE meeting SET status=?2 WHERE id=?1");
    sqlite3_bind_int64(st, 1, meeting);
    sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
    bool ok = db_step_done(st);
    sqlite3_finalize(st);
    return ok;
}

static void set_minutes(Req *r, long long meeting, const char *text)
{
    sqlite3_stmt *st = db_prepare(r->db, "UPDATE meeting SET minutes=?2 WHERE id=?1");
    sqlite3_bind_int64(st, 1, meeting);
    sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
    db_step_done(st);
    sqlite3_finalize(st);
}

static int count_of(Req *r, long long meeting, bool to_force_only)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT count(*) FROM agenda_item WHERE meeting_id=?1 AND (to_force=1 OR NOT ?2)");
    sqlite3_bind_int64(st, 1, meeting);
    sqlite3_bind_int(st, 2, to_force_only);
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return n;
}

static void meeting_post(Req *r, const Meeting *m)
{
    const char *action = param_or(r, "action", "");
    int si = board_status_index(m->status);
    const char *back = arena_printf(&r->arena, "/board/meeting?id=%lld", m->id);
    begin_tx(r);
    if (strcmp(action, "add_item") == 0 || strcmp(action, "edit_item") == 0) {
        long long item = 0;
        if (action[0] == 'e' && !(item = form_item(r, m))) {
            meeting_fail(r, m, 0, NULL, "The item to edit is not on this meeting's agenda.");
            return;
        }
        if (si < 0 || si > 1) {
            meeting_fail(r, m, item, NULL, "The agenda can only change before the force is notified.");
            return;
        }
        ItemIn in;
        item_in(r, &in);
        const char *msg, *field = item_check(r, &in, &msg);
        if (field) {
            meeting_fail(r, m, item, item ? arena_printf(&r->arena, "%s-%lld", field, item) : field, msg);
            return;
        }
        write_item(r, m->id, item, &in);
    } else if (strcmp(action, "remove_item") == 0) {
        long long item = form_item(r, m);
        if (!item || si < 0 || si > 1) {
            meeting_fail(r, m, 0, NULL, "Items can only be removed from this meeting's agenda before the force is notified.");
            return;
        }
        sqlite3_stmt *st = db_prepare(r->db, "DELETE FROM agenda_item WHERE id=?1");
        sqlite3_bind_int64(st, 1, item);
        db_step_done(st);
        sqlite3_finalize(st);
    } else if (strcmp(action, "add_candidate") == 0) {
        if (si < 0 || si > 1) {
            meeting_fail(r, m, 0, NULL, "The agenda can only change before the force is notified.");
            return;
        }
        const char *kind = param_or(r, "kind", ""), *ref = param_or(r, "ref", "");
        const MeasureSet *ms = measures_acquire(r->db, r->db_path);
        Candidate *c;
        int n = board_candidates(r->db, ms, m->id, &r->arena, &c), k = -1;
        for (int i = 0; i < n; i++) {
            if (strcmp(kind_names[c[i].kind], kind) != 0 || !req_sees(r, c[i].marking)) continue;
            if (c[i].kind == CAND_EXCEPTION ? strcmp(c[i].key, ref) == 0 : c[i].ref == atoll(ref)) k = i;
        }
        bool ok = k >= 0 && !c[k].on_agenda && board_add_candidate(r->db, m->id, &c[k]) > 0;
        measures_release(ms);
        if (!ok) {
            meeting_fail(r, m, 0, NULL, "That candidate is no longer offered for this meeting (it may be on the agenda already).");
            return;
        }
    } else if (strcmp(action, "advance") == 0) {
        const char *to = param_or(r, "to", "");
        const char *next = board_status_next(m->status);
        if (!next || strcmp(next, to) != 0) {
            meeting_fail(r, m, 0, NULL, arena_printf(&r->arena, "The meeting is %s: it cannot move to \"%s\" (reload the page).", m->status, to));
            return;
        }
        if (si >= 3 && !req_can(r, CAP_PUBLISH)) {
            rollback_tx(r);
            web_error(r, 403, "Your role does not allow approving or publishing minutes. Ask the Commissioner or the chief executive.");
            return;
        }
        if (si == 0 && count_of(r, m->id, false) == 0) {
            meeting_fail(r, m, 0, NULL, "The agenda has no items: add at least one before setting it.");
            return;
        }
        if (si == 3 && !*m->minutes) {
            meeting_fail(r, m, 0, "minutes", "The minutes are empty: draft and save them before approval.");
            return;
        }
        const char *leak = si >= 3 ? board_minutes_name_sensitive(r->db, m->id, &r->arena) : NULL;
        if (leak) {
            meeting_fail(r, m, 0, si == 3 ? "minutes" : NULL,
                         arena_printf(&r->arena, "The minutes, which are published, name \"%s\", which is marked OFFICIAL-SENSITIVE: take it out of the text first.", leak));
            return;
        }
        set_status(r, m->id, next);
    } else if (strcmp(action, "cancel") == 0) {
        if (si < 0 || si > 2) {
            meeting_fail(r, m, 0, NULL, "Only a meeting not yet held can be cancelled.");
            return;
        }
        set_status(r, m->id, "cancelled");
    } else if (strcmp(action, "verdict") == 0) {
        long long item = form_item(r, m);
        if (!item || (si != 2 && si != 3)) {
            meeting_fail(r, m, item, NULL, "Verdicts are recorded at the meeting: once the force is notified and before the minutes are approved.");
            return;
        }
        const char *verdict = param_or(r, "verdict", "");
        if (!form_one_of(verdict, verdicts, 4)) {
            meeting_fail(r, m, item, arena_printf(&r->arena, "verdict-%lld", item), "Verdict must be assured, partially assured or not assured.");
            return;
        }
        board_set_verdict(r->db, item, verdict, param_or(r, "discussion", ""));
    } else if (strcmp(action, "add_followup") == 0) {
        long long item = form_item(r, m);
        if (!item || (si != 2 && si != 3)) {
            meeting_fail(r, m, item, NULL, "Follow-ups are asked for at the meeting: once the force is notified and before the minutes are approved.");
            return;
        }
        const char *req = param_or(r, "request", ""), *owner = param_or(r, "owner", ""), *due = param_or(r, "due", "");
        if (!*req || strlen(req) > 1000) {
            meeting_fail(r, m, item, arena_printf(&r->arena, "request-%lld", item), "Request must say what the board asks for (at most 1,000 characters).");
            return;
        }
        if (!*owner || strlen(owner) > 200) {
            meeting_fail(r, m, item, arena_printf(&r->arena, "owner-%lld", item), "Owner must name who will do it.");
            return;
        }
        if (!board_valid_date(due)) {
            meeting_fail(r, m, item, arena_printf(&r->arena, "due-%lld", item), "Due must be a real date written YYYY-MM-DD.");
            return;
        }
        sqlite3_stmt *st = db_prepare(r->db, "INSERT INTO follow_up(item_id, request, owner, due, marking) VALUES (?1, ?2, ?3, ?4, (SELECT marking FROM agenda_item WHERE id=?1))");
        sqlite3_bind_int64(st, 1, item);
        sqlite3_bind_text(st, 2, req, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, owner, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, due, -1, SQLITE_TRANSIENT);
        db_step_done(st);
        sqlite3_finalize(st);
    } else if (strcmp(action, "close_followup") == 0) {
        sqlite3_stmt *st = db_prepare(r->db, "UPDATE follow_up SET status='closed', closed_on=date('now') WHERE id=?1 AND status='open' AND (marking='OFFICIAL' OR ?2)");
        sqlite3_bind_int64(st, 1, param_id(r, "followup"));
        sqlite3_bind_int(st, 2, req_can(r, CAP_SENSITIVE));
        db_step_done(st);
        bool ok = sqlite3_changes(r->db) == 1;
        sqlite3_finalize(st);
        if (!ok) {
            meeting_fail(r, m, 0, NULL, "That follow-up is not open.");
            return;
        }
    } else if (strcmp(action, "draft_minutes") == 0 || strcmp(action, "save_minutes") == 0) {
        if (si != 3) {
            meeting_fail(r, m, 0, "minutes", "The minutes are drafted once the meeting is held, and cannot change after approval.");
            return;
        }
        if (action[0] == 'd') {
            Buf b = {0};
            board_draft_minutes(r->db, m->id, &b);
            set_minutes(r, m->id, buf_cstr(&b));
            buf_free(&b);
        } else {
            const char *text = param_or(r, "minutes", "");
            if (strlen(text) > 200000) {
                meeting_fail(r, m, 0, "minutes", "The minutes are too long (at most 200,000 characters).");
                return;
            }
            set_minutes(r, m->id, text);
        }
        back = arena_printf(&r->arena, "/board/meeting?id=%lld#minutes", m->id);
    } else {
        meeting_fail(r, m, 0, NULL, "The form asked for an action this page does not know.");
        return;
    }
    commit_tx(r);
    web_redirect(r, back);
}

void page_board_meeting(Req *r)
{
    Meeting m;
    if (!load_meeting(r, param_id(r, "id"), &m)) {
        web_error(r, 404, "There is no meeting with that number. The Accountability Board page lists them.");
        return;
    }
    if (strcmp(r->method, "POST") == 0) meeting_post(r, &m);
    else meeting_form(r, &m, NULL);
}

/* ======================================================================
 * /board/letter
 * ==================================================================== */

void page_board_letter(Req *r)
{
    Meeting m;
    if (!load_meeting(r, param_id(r, "id"), &m)) {
        web_error(r, 404, "There is no meeting with that number. The Accountability Board page lists them.");
        return;
    }
    if (board_status_index(m.status) < 1) {
        web_error(r, 409, "The agenda of this meeting is not set yet: the letter is produced once it is.");
        return;
    }
    const char *force = "the force";
    sqlite3_stmt *st = db_prepare(r->db, "SELECT f.name FROM setting s JOIN force f ON f.code=s.value WHERE s.key='office_force'");
    if (sqlite3_step(st) == SQLITE_ROW) force = arena_strdup(&r->arena, db_text(st, 0));
    sqlite3_finalize(st);
    char d[40];
    board_date_long(m.held_on, d, sizeof d);
    page_begin(r, arena_printf(&r->arena, "Notification to the Chief Constable, %s", d), "board");
    html_printf(&r->out, "<article class=\"letter\">\n<p class=\"caption\">Office of the Police, Fire and Crime Commissioner</p>\n"
                         "<p>To: the Chief Constable, %s</p>\n<h1>%s, %s at %s: matters requiring a response</h1>\n",
                force, m.kind, d, m.starts_at);
    if (strcmp(m.marking, "OFFICIAL") != 0) html_lit(&r->out, "<p><strong>OFFICIAL-SENSITIVE</strong></p>\n");
    html_lit(&r->out, "<p>Following agenda setting, the Commissioner asks the force to respond at the board to each matter below, "
                      "in the form shown, with any paper by the date given.</p>\n");
    st = db_prepare(r->db, "SELECT i.subject, i.matter, i.questions, i.form, i.lead, i.paper_due, i.marking, coalesce(o.title, ''), i.measure_key"
                           " FROM agenda_item i LEFT JOIN plan_objective o ON o.id=i.objective_id WHERE i.meeting_id=?1 AND i.to_force=1 ORDER BY i.position, i.id");
    sqlite3_bind_int64(st, 1, m.id);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!req_sees(r, db_text(st, 6))) continue;
        char due[40];
        board_date_long(db_text(st, 5), due, sizeof due);
        html_printf(&r->out, "<section class=\"letter-item\">\n<h2>%d. %s%s</h2>\n", ++n, db_text(st, 0),
                    strcmp(db_text(st, 6), "OFFICIAL") != 0 ? " (OFFICIAL-SENSITIVE)" : "");
        if (*db_text(st, 1)) html_printf(&r->out, "<p>%s</p>\n", db_text(st, 1));
        if (*db_text(st, 7)) html_printf(&r->out, "<p>Objective of the Plan: %s</p>\n", db_text(st, 7));
        numbered_questions(r, db_text(st, 2));
        html_printf(&r->out, "<dl class=\"summary-list\"><div class=\"summary-list-row\"><dt class=\"summary-list-key\">Form required</dt><dd class=\"summary-list-value\">%s</dd></div>"
                             "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Lead</dt><dd class=\"summary-list-value\">%s</dd></div>"
                             "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Paper due</dt><dd class=\"summary-list-value\">%s</dd></div></dl>\n</section>\n",
                    strcmp(db_text(st, 3), "verbal") == 0 ? "Verbal update at the meeting" : "Written paper", *db_text(st, 4) ? db_text(st, 4) : "to be named by the force",
                    *db_text(st, 5) ? due : "before the meeting");
    }
    sqlite3_finalize(st);
    if (!n) html_lit(&r->out, "<p>No item of this meeting is addressed to the force.</p>\n");
    html_lit(&r->out, "<p>On behalf of the Police, Fire and Crime Commissioner</p>\n</article>\n");
    page_end(r);
}

/* ======================================================================
 * papers
 * ==================================================================== */

void board_send_paper(Req *r, bool liaison)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT p.filename, p.content_type, p.data, length(p.data), i.to_force, i.marking, m.status, m.marking"
                                         " FROM item_paper p JOIN agenda_item i ON i.id=p.item_id JOIN meeting m ON m.id=i.meeting_id WHERE p.id=?1");
    sqlite3_bind_int64(st, 1, param_id(r, "id"));
    bool ok = sqlite3_step(st) == SQLITE_ROW && req_sees(r, db_text(st, 5)) && req_sees(r, db_text(st, 7));
    if (ok && liaison) ok = sqlite3_column_int(st, 4) == 1 && board_status_notified(db_text(st, 6));
    if (!ok) {
        sqlite3_finalize(st);
        web_error(r, 404, "There is no paper with that number that you may see.");
        return;
    }
    size_t len = (size_t)sqlite3_column_int64(st, 3);
    char *data = arena_alloc(&r->arena, len + 1);
    if (len) memcpy(data, sqlite3_column_blob(st, 2), len);
    const char *ct = arena_strdup(&r->arena, db_text(st, 1));
    const char *name = board_safe_filename(&r->arena, db_text(st, 0));
    sqlite3_finalize(st);
    web_reply_asset(r, ct, data, len);
    web_header(r, "Content-Disposition", arena_printf(&r->arena, "attachment; filename=\"%s\"", name));
}

void page_board_paper(Req *r)
{
    board_send_paper(r, false);
}

/* ======================================================================
 * /board/schedule
 * ==================================================================== */

typedef struct SchedIn {
    const char *subject, *matter, *min, *max, *form, *lead, *last_on;
} SchedIn;

static void sched_fields(Req *r, const FormErr *e, long long id, const SchedIn *v)
{
    const char *sfx = id ? arena_printf(&r->arena, "-%lld", id) : "";
    const FormErr *mine = e && e->item == id ? e : NULL;
    form_input_text(r, mine, arena_printf(&r->arena, "subject%s", sfx), "subject", "Subject", v->subject, "text");
    form_input_area(r, mine, arena_printf(&r->arena, "matter%s", sfx), "matter", "The matter", NULL, v->matter, 2);
    form_input_text(r, mine, arena_printf(&r->arena, "min_months%s", sfx), "min_months", "Returns after at least (months)", v->min, "number");
    form_input_text(r, mine, arena_printf(&r->arena, "max_months%s", sfx), "max_months", "and at most (months)", v->max, "number");
    form_input_select(r, mine, arena_printf(&r->arena, "form%s", sfx), "form", "Form required", forms, 2, v->form);
    form_input_text(r, mine, arena_printf(&r->arena, "lead%s", sfx), "lead", "Lead", v->lead, "text");
    form_input_text(r, mine, arena_printf(&r->arena, "last_on%s", sfx), "last_on", "Last paper (YYYY-MM-DD, empty if never)", v->last_on, "date");
}

static void schedule_form(Req *r, const FormErr *e)
{
    page_begin(r, "Schedule of assurance", "board");
    form_error_summary(r, e);
    html_lit(&r->out, "<span class=\"caption\"><a href=\"/board\">Accountability Board</a></span>\n<h1>Schedule of assurance</h1>\n"
                      "<p class=\"lede\">Matters that must come back to the board: each returns between its least and most months after the last paper. "
                      "The meeting page offers each for the first meeting on or after it falls due.</p>\n");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, subject, matter, min_months, max_months, form, lead, last_on,"
                                         " CASE WHEN last_on='' THEN '' ELSE date(last_on, '+' || min_months || ' months') END,"
                                         " CASE WHEN last_on='' THEN '' ELSE date(last_on, '+' || max_months || ' months') END FROM assurance_schedule ORDER BY subject");
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!n++) html_lit(&r->out, "<table class=\"table\"><thead><tr><th scope=\"col\">Subject</th><th scope=\"col\">Returns</th><th scope=\"col\">Form</th>"
                                    "<th scope=\"col\">Lead</th><th scope=\"col\">Last paper</th><th scope=\"col\">Next due</th></tr></thead><tbody>\n");
        long long id = sqlite3_column_int64(st, 0);
        int lo = sqlite3_column_int(st, 3), hi = sqlite3_column_int(st, 4);
        char last[40], from[40], until[40];
        board_date_long(db_text(st, 7), last, sizeof last);
        board_date_long(db_text(st, 8), from, sizeof from);
        board_date_long(db_text(st, 9), until, sizeof until);
        html_printf(&r->out, "<tr id=\"schedule-%lld\"><td><strong>%s</strong><br>%s", id, db_text(st, 1), db_text(st, 2));
        page_history_link(r, "assurance_schedule", id, arena_printf(&r->arena, "History of %s", db_text(st, 1)), false);
        html_printf(&r->out, "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", lo == hi ? arena_printf(&r->arena, "every %d months", lo) : arena_printf(&r->arena, "%d to %d months after the last paper", lo, hi),
                    db_text(st, 5), db_text(st, 6), *db_text(st, 7) ? last : "never", *db_text(st, 7) ? (lo == hi ? from : arena_printf(&r->arena, "%s to %s", from, until)) : "now");
        if (req_can(r, CAP_BOARD)) {
            SchedIn v = {arena_strdup(&r->arena, db_text(st, 1)), arena_strdup(&r->arena, db_text(st, 2)), arena_printf(&r->arena, "%d", lo), arena_printf(&r->arena, "%d", hi),
                         arena_strdup(&r->arena, db_text(st, 5)), arena_strdup(&r->arena, db_text(st, 6)), arena_strdup(&r->arena, db_text(st, 7))};
            bool mine = e && e->msg && e->item == id;
            if (mine) v = (SchedIn){param_or(r, "subject", ""), param_or(r, "matter", ""), param_or(r, "min_months", ""), param_or(r, "max_months", ""),
                                    param_or(r, "form", ""), param_or(r, "lead", ""), param_or(r, "last_on", "")};
            html_printf(&r->out, "<tr><td colspan=\"6\"><form method=\"post\" action=\"/board/schedule\" class=\"form\"><details class=\"details\"%s><summary>Edit</summary>", mine ? " open" : "");
            page_csrf_field(r);
            hidden(r, "id", arena_printf(&r->arena, "%lld", id));
            sched_fields(r, e, id, &v);
            html_lit(&r->out, "<button type=\"submit\" class=\"button\">Save</button></details></form></td></tr>\n");
        }
    }
    sqlite3_finalize(st);
    if (n) html_lit(&r->out, "</tbody></table>\n");
    else html_lit(&r->out, "<p>The schedule is empty.</p>\n");
    if (req_can(r, CAP_BOARD)) {
        bool mine = e && e->msg && e->item == 0;
        SchedIn v = {"", "", "3", "3", "written", "", ""};
        if (mine) v = (SchedIn){param_or(r, "subject", ""), param_or(r, "matter", ""), param_or(r, "min_months", ""), param_or(r, "max_months", ""),
                                param_or(r, "form", ""), param_or(r, "lead", ""), param_or(r, "last_on", "")};
        html_lit(&r->out, "<h2>Add a matter</h2>\n<form method=\"post\" action=\"/board/schedule\" class=\"form\">");
        page_csrf_field(r);
        sched_fields(r, e, 0, &v);
        html_lit(&r->out, "<button type=\"submit\" class=\"button\">Add to the schedule</button></form>\n");
    }
    page_end(r);
}

static bool small_int(const char *s, int lo, int hi, int *out)
{
    if (!s || !*s || strlen(s) > 3 || strspn(s, "0123456789") != strlen(s)) return false;
    *out = atoi(s);
    return *out >= lo && *out <= hi;
}

void page_board_schedule(Req *r)
{
    if (strcmp(r->method, "POST") != 0) {
        schedule_form(r, NULL);
        return;
    }
    long long id = param_id(r, "id");
    SchedIn v = {param_or(r, "subject", ""), param_or(r, "matter", ""), param_or(r, "min_months", ""), param_or(r, "max_months", ""),
                 param_or(r, "form", ""), param_or(r, "lead", ""), param_or(r, "last_on", "")};
    const char *field = NULL, *msg = NULL;
    int lo = 0, hi = 0;
    if (!*v.subject || strlen(v.subject) > 200) field = "subject", msg = "Subject must be given (at most 200 characters).";
    else if (!small_int(v.min, 0, 120, &lo)) field = "min_months", msg = "Returns after at least must be a whole number of months from 0 to 120.";
    else if (!small_int(v.max, 1, 120, &hi) || hi < lo) field = "max_months", msg = "At most must be a whole number of months from 1 to 120, no fewer than at least.";
    else if (!form_one_of(v.form, forms, 2)) field = "form", msg = "Form required must be written or verbal.";
    else if (*v.last_on && !board_valid_date(v.last_on)) field = "last_on", msg = "Last paper must be a real date written YYYY-MM-DD, or empty.";
    begin_tx(r);
    if (!field) {
        sqlite3_stmt *st;
        if (id) {
            st = db_prepare(r->db, "UPDATE assurance_schedule SET subject=?2, matter=?3, min_months=?4, max_months=?5, form=?6, lead=?7, last_on=?8 WHERE id=?1");
            sqlite3_bind_int64(st, 1, id);
        } else {
            st = db_prepare(r->db, "INSERT INTO assurance_schedule(subject, matter, min_months, max_months, form, lead, last_on) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        }
        sqlite3_bind_text(st, 2, v.subject, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, v.matter, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 4, lo);
        sqlite3_bind_int(st, 5, hi);
        sqlite3_bind_text(st, 6, v.form, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 7, v.lead, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 8, v.last_on, -1, SQLITE_TRANSIENT);
        bool ok = db_step_done(st);
        sqlite3_finalize(st);
        if (!ok) field = "subject", msg = arena_printf(&r->arena, "Subject: the schedule already has \"%s\".", v.subject);
        else if (id && sqlite3_changes(r->db) != 1) field = "subject", msg = "That schedule entry no longer exists.";
    }
    if (field) {
        rollback_tx(r);
        r->status = 400;
        FormErr e = {id ? arena_printf(&r->arena, "%s-%lld", field, id) : field, msg, id};
        schedule_form(r, &e);
        return;
    }
    commit_tx(r);
    web_redirect(r, "/board/schedule");
}

/* ======================================================================
 * /board/conditions
 * ==================================================================== */

static bool valid_fy(const char *y)
{
    return y && strlen(y) == 7 && y[4] == '/' && strspn(y, "0123456789") == 4 && strspn(y + 5, "0123456789") == 2 && (atoi(y) + 1) % 100 == atoi(y + 5) &&
           atoi(y) >= 2000 && atoi(y) <= 2099;
}

static void conditions_form(Req *r, const char *year, const FormErr *e)
{
    page_begin(r, arena_printf(&r->arena, "Budget conditions letter %s", year), "board");
    form_error_summary(r, e);
    html_printf(&r->out, "<span class=\"caption\"><a href=\"/board\">Accountability Board</a></span>\n<h1>Budget conditions letter %s</h1>\n"
                         "<p class=\"lede\">What the force must deliver for the budget the Commissioner sets, and where each condition stands through the year.</p>\n", year);
    sqlite3_stmt *st = db_prepare(r->db, "SELECT DISTINCT year FROM budget_condition ORDER BY year DESC");
    int ny = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!ny++) html_lit(&r->out, "<p>Years: ");
        html_printf(&r->out, "<a class=\"link\" href=\"/board/conditions?year=%s\">%s</a> ", url_arg(&r->arena, db_text(st, 0)), db_text(st, 0));
    }
    if (ny) html_lit(&r->out, "</p>\n");
    sqlite3_finalize(st);
    st = db_prepare(r->db, "SELECT id, position, condition, status, note, marking FROM budget_condition WHERE year=?1 ORDER BY position, id");
    sqlite3_bind_text(st, 1, year, -1, SQLITE_TRANSIENT);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!req_sees(r, db_text(st, 5))) continue;
        if (!n++) html_lit(&r->out, "<table class=\"table\"><thead><tr><th scope=\"col\" class=\"num\">No.</th><th scope=\"col\">Condition</th><th scope=\"col\">Status</th>"
                                    "<th scope=\"col\">Note</th></tr></thead><tbody>\n");
        long long id = sqlite3_column_int64(st, 0);
        const char *status = db_text(st, 3);
        const char *tag = strcmp(status, "met") == 0 || strcmp(status, "on track") == 0 ? "tag-green" : strcmp(status, "at risk") == 0 ? "tag-amber" : strcmp(status, "not met") == 0 ? "tag-red" : "tag-grey";
        html_printf(&r->out, "<tr id=\"condition-%lld\"><td class=\"num\">%d</td><td>%s%s", id, sqlite3_column_int(st, 1), db_text(st, 2),
                    strcmp(db_text(st, 5), "OFFICIAL") ? " (OFFICIAL-SENSITIVE)" : "");
        page_history_link(r, "budget_condition", id, arena_printf(&r->arena, "History of condition %d", sqlite3_column_int(st, 1)), false);
        html_printf(&r->out, "</td><td><span class=\"tag %s\">%s</span></td><td>%s</td></tr>\n", tag, status, db_text(st, 4));
        if (req_can(r, CAP_BOARD)) {
            bool mine = e && e->msg && e->item == id;
            html_printf(&r->out, "<tr><td colspan=\"4\"><form method=\"post\" action=\"/board/conditions?year=%s\" class=\"form\"><details class=\"details\"%s><summary>Update</summary>",
                        url_arg(&r->arena, year), mine ? " open" : "");
            page_csrf_field(r);
            hidden(r, "id", arena_printf(&r->arena, "%lld", id));
            hidden(r, "year", year);
            const char *sfx = arena_printf(&r->arena, "-%lld", id);
            form_input_area(r, mine ? e : NULL, arena_printf(&r->arena, "condition%s", sfx), "condition", "Condition", NULL, mine ? param_or(r, "condition", "") : db_text(st, 2), 2);
            form_input_select(r, mine ? e : NULL, arena_printf(&r->arena, "status%s", sfx), "status", "Status", cond_statuses, 5, mine ? param_or(r, "status", "") : status);
            form_input_area(r, mine ? e : NULL, arena_printf(&r->arena, "note%s", sfx), "note", "Note", NULL, mine ? param_or(r, "note", "") : db_text(st, 4), 2);
            html_lit(&r->out, "<button type=\"submit\" class=\"button\">Save</button></details></form></td></tr>\n");
        }
    }
    sqlite3_finalize(st);
    if (n) html_lit(&r->out, "</tbody></table>\n");
    else html_printf(&r->out, "<p>No conditions are recorded for %s.</p>\n", year);
    if (req_can(r, CAP_BOARD)) {
        bool mine = e && e->msg && e->item == 0;
        html_printf(&r->out, "<h2>Add a condition</h2>\n<form method=\"post\" action=\"/board/conditions?year=%s\" class=\"form\">", url_arg(&r->arena, year));
        page_csrf_field(r);
        form_input_text(r, mine ? e : NULL, "year", "year", "Financial year (e.g. 2025/26)", mine ? param_or(r, "year", "") : year, "text");
        form_input_area(r, mine ? e : NULL, "condition", "condition", "Condition", NULL, mine ? param_or(r, "condition", "") : "", 2);
        form_input_select(r, mine ? e : NULL, "status", "status", "Status", cond_statuses, 5, mine ? param_or(r, "status", "") : "not started");
        form_input_area(r, mine ? e : NULL, "note", "note", "Note", NULL, mine ? param_or(r, "note", "") : "", 2);
        html_lit(&r->out, "<button type=\"submit\" class=\"button\">Add the condition</button></form>\n");
    }
    page_end(r);
}

/* The year shown by default: the latest with conditions, else this one. */
static const char *default_fy(Req *r)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT coalesce((SELECT max(year) FROM budget_condition),"
                                         " CAST(strftime('%Y', 'now', '-3 months') AS INTEGER) || '/' || substr(CAST(strftime('%Y', 'now', '-3 months') AS INTEGER) + 1, 3, 2))");
    const char *y = "2025/26";
    if (sqlite3_step(st) == SQLITE_ROW) y = arena_strdup(&r->arena, db_text(st, 0));
    sqlite3_finalize(st);
    return y;
}

void page_board_conditions(Req *r)
{
    const char *year = req_param(r, "year");
    if (strcmp(r->method, "POST") != 0) {
        if (year && *year && !valid_fy(year)) {
            web_error(r, 400, "The financial year must be written like 2025/26.");
            return;
        }
        conditions_form(r, year && *year ? year : default_fy(r), NULL);
        return;
    }
    long long id = param_id(r, "id");
    const char *cond = param_or(r, "condition", ""), *status = param_or(r, "status", ""), *note = param_or(r, "note", "");
    const char *sfx = id ? arena_printf(&r->arena, "-%lld", id) : "";
    const char *field = NULL, *msg = NULL;
    if (!valid_fy(year)) field = "year", msg = "Financial year must be written like 2025/26.";
    else if (!*cond || strlen(cond) > 2000) field = "condition", msg = "Condition must be given (at most 2,000 characters).";
    else if (!form_one_of(status, cond_statuses, 5)) field = "status", msg = "Status must be not started, on track, at risk, met or not met.";
    else if (strlen(note) > 4000) field = "note", msg = "Note must be at most 4,000 characters.";
    begin_tx(r);
    if (!field) {
        sqlite3_stmt *st;
        if (id) {
            st = db_prepare(r->db, "UPDATE budget_condition SET condition=?2, status=?3, note=?4 WHERE id=?1 AND year=?5");
            sqlite3_bind_int64(st, 1, id);
        } else {
            st = db_prepare(r->db, "INSERT INTO budget_condition(year, position, condition, status, note)"
                                   " VALUES (?5, (SELECT coalesce(max(position), 0) + 1 FROM budget_condition WHERE year=?5), ?2, ?3, ?4)");
        }
        sqlite3_bind_text(st, 2, cond, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, status, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, note, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, year, -1, SQLITE_TRANSIENT);
        db_step_done(st);
        sqlite3_finalize(st);
        if (id && sqlite3_changes(r->db) != 1) field = "condition", msg = "That condition is not one of this year's.";
    }
    if (field) {
        rollback_tx(r);
        r->status = 400;
        FormErr e = {arena_printf(&r->arena, "%s%s", field, strcmp(field, "year") == 0 ? "" : sfx), msg, id};
        conditions_form(r, valid_fy(year) ? year : default_fy(r), &e);
        return;
    }
    commit_tx(r);
    web_redirect(r, arena_printf(&r->arena, "/board/conditions?year=%s", url_arg(&r->arena, year)));
}
