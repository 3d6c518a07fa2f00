/*
 * page_decisions.c: decision records on the web.
 *
 *   /decisions                 the register, newest number first: number,
 *                              date, title, category, value, status;
 *                              filtered by financial year (fy=2025/26),
 *                              category (category=) and text in the title
 *                              or decision (q=)
 *   /decision?n=N              one record: every field, the Plan objectives
 *                              it serves, budget lines, marking, status;
 *                              Edit (drafts, capability d), Publish (drafts,
 *                              capability P), its audit history (A)
 *   /decision/edit[?n=N]       create a record, or change a draft (POST
 *                              saves, or shows the form again naming each
 *                              mistake, with what was typed kept)
 *   /decision/publish          POST n=N: publish a draft (never an
 *                              OFFICIAL-SENSITIVE one)
 *
 * Who sees what: drafts only with capability r; OFFICIAL-SENSITIVE records
 * only with S (req_sees). A record the user may not see is answered as if
 * it did not exist. Every change runs in one transaction; the audit
 * triggers (sql/006_audit.sql) record it with the user's login.
 */
#include "db.h"
#include "decisions.h"
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Limits on what a form may hold. */
#define TITLE_MAX 300
#define TEXT_MAX 20000
#define CATEGORY_MAX 100
#define MAX_OBJECTIVES 200

/* The visibility of a record for this request. */
static bool may_see(const Req *r, const char *status, const char *marking)
{
    if (strcmp(status, "published") != 0 && !req_can(r, CAP_RECORDS)) return false;
    return req_sees(r, marking);
}

/* Parses a record number; 0 when s is not a whole number above 0. */
static long long parse_number(const char *s)
{
    if (!s || !*s) return 0;
    long long n = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9' || n > 100000000) return 0;
        n = n * 10 + (*p - '0');
    }
    return n;
}

/* Writes text as paragraphs, one per non-blank line. */
static void paragraphs(Req *r, const char *text)
{
    int n = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        const char *line = arena_strndup(&r->arena, p, (size_t)len);
        const char *q = line;
        while (*q == ' ' || *q == '\r' || *q == '\t') q++;
        if (*q) {
            html_printf(&r->out, "<p>%s</p>\n", line);
            n++;
        }
        p = nl ? nl + 1 : p + len;
    }
    if (!n) html_lit(&r->out, "<p class=\"none\">None recorded.</p>\n");
}

/* ------------------------------------------------------------------------
 * The register
 * ------------------------------------------------------------------------ */

void page_decisions(Req *r)
{
    const char *fy = req_param(r, "fy"), *cat = req_param(r, "category"), *q = req_param(r, "q");
    if (fy && !*fy) fy = NULL;
    if (cat && !*cat) cat = NULL;
    if (q && !*q) q = NULL;
    int fyear = fy ? decision_fy_parse(fy) : 0;
    bool records = req_can(r, CAP_RECORDS), sensitive = req_can(r, CAP_SENSITIVE);
    page_begin(r, "Decision records", "decisions");
    html_lit(&r->out, "<h1>Decision records</h1>\n<p class=\"lede\">The Commissioner's decisions, numbered in sequence: what was decided, "
                      "why, and what it is worth. Published records are the public record.</p>\n");
    if (req_can(r, CAP_DECISIONS)) html_lit(&r->out, "<p><a class=\"button\" href=\"/decision/edit\">New decision record</a></p>\n");
    if (fy && !fyear) {
        r->status = 400;
        html_printf(&r->out, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2 class=\"error-summary-title\">The filter was not applied</h2>"
                             "<ul class=\"error-summary-list\"><li><a href=\"#fy\">Financial year: expected a year such as 2025/26, not \"%s\"</a></li></ul></div>\n",
                    fy);
    }

    /* the filter form: years and categories from the records this user sees */
    html_lit(&r->out, "<form method=\"get\" action=\"/decisions\" class=\"form filters\">\n"
                      "<div class=\"form-group\"><label class=\"label\" for=\"fy\">Financial year</label><select class=\"select\" id=\"fy\" name=\"fy\">"
                      "<option value=\"\">All years</option>");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT DISTINCT CAST(substr(decided_on, 1, 4) AS INTEGER) - (substr(decided_on, 6, 2) < '04') AS y FROM decision"
                                         " WHERE (status = 'published' OR ?1) AND (marking = 'OFFICIAL' OR ?2) AND length(decided_on) = 10 ORDER BY y DESC");
    sqlite3_bind_int(st, 1, records);
    sqlite3_bind_int(st, 2, sensitive);
    while (sqlite3_step(st) == SQLITE_ROW) {
        char label[16];
        int y = sqlite3_column_int(st, 0);
        decision_fy_format(label, sizeof label, y);
        html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", label, y == fyear ? " selected" : "", label);
    }
    sqlite3_finalize(st);
    html_lit(&r->out, "</select></div>\n<div class=\"form-group\"><label class=\"label\" for=\"category\">Category</label>"
                      "<select class=\"select\" id=\"category\" name=\"category\"><option value=\"\">All categories</option>");
    st = db_prepare(r->db, "SELECT DISTINCT category FROM decision WHERE category <> '' AND (status = 'published' OR ?1) AND (marking = 'OFFICIAL' OR ?2)"
                           " ORDER BY category");
    sqlite3_bind_int(st, 1, records);
    sqlite3_bind_int(st, 2, sensitive);
    while (sqlite3_step(st) == SQLITE_ROW)
        html_printf(&r->out, "<option%s>%s</option>", cat && strcmp(cat, db_text(st, 0)) == 0 ? " selected" : "", db_text(st, 0));
    sqlite3_finalize(st);
    html_printf(&r->out, "</select></div>\n<div class=\"form-group\"><label class=\"label\" for=\"q\">Title or decision contains</label>"
                         "<input class=\"input\" id=\"q\" name=\"q\" type=\"search\" value=\"%s\"></div>\n"
                         "<button type=\"submit\" class=\"button secondary\">Filter</button> <a class=\"link\" href=\"/decisions\">Clear</a></form>\n",
                q ? q : "");

    st = db_prepare(r->db, "SELECT number, decided_on, title, category, value_pence, status, published_on, marking FROM decision"
                           " WHERE (status = 'published' OR ?1) AND (marking = 'OFFICIAL' OR ?2)"
                           " AND (?3 = 0 OR (decided_on >= printf('%04d-04-01', ?3) AND decided_on < printf('%04d-04-01', ?3 + 1)))"
                           " AND (?4 IS NULL OR category = ?4)"
                           " AND (?5 IS NULL OR instr(lower(title), lower(?5)) > 0 OR instr(lower(decision), lower(?5)) > 0)"
                           " ORDER BY number DESC");
    sqlite3_bind_int(st, 1, records);
    sqlite3_bind_int(st, 2, sensitive);
    sqlite3_bind_int(st, 3, fyear);
    if (cat) sqlite3_bind_text(st, 4, cat, -1, SQLITE_STATIC);
    if (q) sqlite3_bind_text(st, 5, q, -1, SQLITE_STATIC);
    int n = 0;
    long long total = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!n++)
            html_lit(&r->out, "<table class=\"table\"><thead><tr><th scope=\"col\" class=\"num\">Number</th><th scope=\"col\">Date</th>"
                              "<th scope=\"col\">Title</th><th scope=\"col\">Category</th><th scope=\"col\" class=\"num\">Value</th>"
                              "<th scope=\"col\">Status</th></tr></thead><tbody>\n");
        long long number = sqlite3_column_int64(st, 0);
        bool has = sqlite3_column_type(st, 4) != SQLITE_NULL;
        char value[48], date[32];
        decision_format_value(value, sizeof value, has, sqlite3_column_int64(st, 4));
        if (has) total += sqlite3_column_int64(st, 4);
        decision_format_date(date, sizeof date, db_text(st, 1));
        bool published = strcmp(db_text(st, 5), "published") == 0;
        html_printf(&r->out, "<tr><td class=\"num\">%lld</td><td>%s</td><td><a href=\"/decision?n=%lld\">%s</a></td><td>%s</td><td class=\"num\">%s</td><td>",
                    number, date, number, db_text(st, 2), db_text(st, 3), value);
        char pub[32];
        decision_format_date(pub, sizeof pub, db_text(st, 6));
        if (published) html_printf(&r->out, "Published %s", pub);
        else html_lit(&r->out, "<strong class=\"tag\">Draft</strong>");
        if (strcmp(db_text(st, 7), "OFFICIAL") != 0) html_printf(&r->out, " <strong class=\"tag tag-red\">%s</strong>", db_text(st, 7));
        html_lit(&r->out, "</td></tr>\n");
    }
    sqlite3_finalize(st);
    if (n) {
        char tv[48];
        decision_format_value(tv, sizeof tv, true, total);
        html_printf(&r->out, "</tbody></table>\n<p class=\"note\">%d record%s; total value %s.</p>\n", n, n == 1 ? "" : "s", tv);
    } else {
        html_lit(&r->out, "<p>No decision record matches.</p>\n");
    }
    if (!records) html_lit(&r->out, "<p class=\"note\">Only published records are listed.</p>\n");
    page_end(r);
}

/* ------------------------------------------------------------------------
 * One record
 * ------------------------------------------------------------------------ */

/* A decision record as read from the store. */
typedef struct Decision {
    long long id, number;
    const char *title, *decided_on, *decision, *reasons, *category, *budget_lines, *status, *published_on, *marking;
    bool has_value;
    long long value_pence;
} Decision;

/* Reads record `number` into d (strings in the arena). False when there is
 * none, or the user may not see it (the caller says "no such decision"). */
static bool load(Req *r, long long number, Decision *d)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, number, title, decided_on, decision, reasons, value_pence, category, budget_lines, status,"
                                         " published_on, marking FROM decision WHERE number = ?1");
    sqlite3_bind_int64(st, 1, number);
    bool found = false;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *d = (Decision){
            .id = sqlite3_column_int64(st, 0),
            .number = sqlite3_column_int64(st, 1),
            .title = arena_strdup(&r->arena, db_text(st, 2)),
            .decided_on = arena_strdup(&r->arena, db_text(st, 3)),
            .decision = arena_strdup(&r->arena, db_text(st, 4)),
            .reasons = arena_strdup(&r->arena, db_text(st, 5)),
            .has_value = sqlite3_column_type(st, 6) != SQLITE_NULL,
            .value_pence = sqlite3_column_int64(st, 6),
            .category = arena_strdup(&r->arena, db_text(st, 7)),
            .budget_lines = arena_strdup(&r->arena, db_text(st, 8)),
            .status = arena_strdup(&r->arena, db_text(st, 9)),
            .published_on = arena_strdup(&r->arena, db_text(st, 10)),
            .marking = arena_strdup(&r->arena, db_text(st, 11)),
        };
        found = may_see(r, d->status, d->marking);
    }
    sqlite3_finalize(st);
    return found;
}

static void no_such(Req *r, const char *n)
{
    web_error(r, 404, "There is no decision record \"%s\". The register at /decisions lists them.", n ? n : "");
}

void page_decision(Req *r)
{
    const char *ns = req_param(r, "n");
    long long number = parse_number(ns);
    Decision d;
    if (!number || !load(r, number, &d)) {
        no_such(r, ns);
        return;
    }
    bool draft = strcmp(d.status, "draft") == 0;
    page_begin(r, arena_printf(&r->arena, "Decision record %lld", d.number), "decisions");
    html_printf(&r->out, "<span class=\"caption\">Decision record %lld</span>\n<h1>%s</h1>\n", d.number, d.title);
    if (draft) html_lit(&r->out, "<p><strong class=\"tag\">Draft</strong> not published</p>\n");
    if (strcmp(d.marking, "OFFICIAL") != 0)
        html_printf(&r->out, "<p><strong class=\"tag tag-red\">%s</strong> This record can never be published.</p>\n", d.marking);

    char date[32], value[48], fy[16], pub[32];
    decision_format_date(date, sizeof date, d.decided_on);
    decision_format_value(value, sizeof value, d.has_value, d.value_pence);
    int fyear = decision_fy_of(d.decided_on);
    decision_fy_format(fy, sizeof fy, fyear);
    decision_format_date(pub, sizeof pub, d.published_on);
    html_printf(&r->out, "<dl class=\"summary-list\">\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Number</dt><dd class=\"summary-list-value\">%lld</dd></div>\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Date</dt><dd class=\"summary-list-value\">%s</dd></div>\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Financial year</dt><dd class=\"summary-list-value\">%s</dd></div>\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Category</dt><dd class=\"summary-list-value\">%s</dd></div>\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Value</dt><dd class=\"summary-list-value\">%s</dd></div>\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Status</dt><dd class=\"summary-list-value\">%s%s</dd></div>\n"
                         "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">Marking</dt><dd class=\"summary-list-value\">%s</dd></div>\n"
                         "</dl>\n",
                d.number, date, fyear ? fy : "", *d.category ? d.category : "none", value, draft ? "Draft" : "Published ",
                draft ? "" : pub, d.marking);

    html_lit(&r->out, "<h2>Decision</h2>\n");
    paragraphs(r, d.decision);
    html_lit(&r->out, "<h2>Reasons</h2>\n");
    paragraphs(r, d.reasons);

    html_lit(&r->out, "<h2>Budget lines</h2>\n");
    int nb = 0;
    for (const char *p = d.budget_lines; *p;) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        const char *line = arena_strndup(&r->arena, p, (size_t)(len && p[len - 1] == '\r' ? len - 1 : len));
        if (*line) {
            if (!nb++) html_lit(&r->out, "<ul class=\"list\">\n");
            html_printf(&r->out, "<li>%s</li>\n", line);
        }
        p = nl ? nl + 1 : p + len;
    }
    if (nb) html_lit(&r->out, "</ul>\n");
    else html_lit(&r->out, "<p class=\"none\">None named.</p>\n");

    html_lit(&r->out, "<h2>The Plan</h2>\n");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT p.title, o.title FROM decision_objective d JOIN plan_objective o ON o.id = d.objective_id"
                                         " JOIN plan_priority p ON p.id = o.priority_id WHERE d.decision_id = ?1 ORDER BY p.position, o.position");
    sqlite3_bind_int64(st, 1, d.id);
    int no = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!no++) html_lit(&r->out, "<p>This decision serves these objectives of the Plan:</p>\n<ul class=\"list\">\n");
        html_printf(&r->out, "<li>%s: %s</li>\n", db_text(st, 0), db_text(st, 1));
    }
    sqlite3_finalize(st);
    if (no) html_lit(&r->out, "</ul>\n");
    else html_lit(&r->out, "<p class=\"none\">Not linked to an objective of the Plan.</p>\n");

    if (draft && (req_can(r, CAP_DECISIONS) || req_can(r, CAP_PUBLISH))) {
        html_lit(&r->out, "<div class=\"actions\">");
        if (req_can(r, CAP_DECISIONS))
            html_printf(&r->out, "<p><a class=\"button secondary\" href=\"/decision/edit?n=%lld\">Edit</a></p>\n", d.number);
        if (req_can(r, CAP_PUBLISH)) {
            if (strcmp(d.marking, "OFFICIAL") == 0) {
                html_lit(&r->out, "<form method=\"post\" action=\"/decision/publish\" class=\"form\">");
                page_csrf_field(r);
                html_printf(&r->out, "<input type=\"hidden\" name=\"n\" value=\"%lld\"><button type=\"submit\" class=\"button\">Publish</button>"
                                     " <span class=\"note\">Publishing makes the record public; it cannot be edited afterwards.</span></form>\n",
                            d.number);
            } else {
                html_lit(&r->out, "<p class=\"note\">A record marked OFFICIAL-SENSITIVE cannot be published.</p>\n");
            }
        }
        html_lit(&r->out, "</div>\n");
    }
    page_history_link(r, "decision", d.id, NULL, true);
    html_lit(&r->out, "<p><a class=\"link\" href=\"/decisions\">All decision records</a></p>\n");
    page_end(r);
}

/* ------------------------------------------------------------------------
 * Creating and editing
 * ------------------------------------------------------------------------ */

/* What the form holds: as typed (strings), plus the chosen objectives. */
typedef struct Form {
    long long id; /* the record being changed; 0 for a new one */
    const char *number, *title, *date, *decision, *reasons, *value, *category, *budget_lines, *marking;
    long long objectives[MAX_OBJECTIVES];
    int nobjectives;
} Form;

/* A mistake in one field. */
typedef struct FieldError {
    const char *field; /* the input's id */
    const char *message;
} FieldError;

typedef struct Errors {
    FieldError e[16];
    int n;
} Errors;

static void add_error(Errors *errs, const char *field, const char *message)
{
    if (errs->n < (int)ARRAY_LEN(errs->e)) errs->e[errs->n++] = (FieldError){field, message};
}

static const char *error_for(const Errors *errs, const char *field)
{
    for (int i = 0; errs && i < errs->n; i++)
        if (strcmp(errs->e[i].field, field) == 0) return errs->e[i].message;
    return NULL;
}

static bool chosen(const Form *f, long long id)
{
    for (int i = 0; i < f->nobjectives; i++)
        if (f->objectives[i] == id) return true;
    return false;
}

/* Opens a form group, with its hint and error message when the field has
 * them; returns the ids the input is described by ("" when none). */
static const char *group_begin(Req *r, const Errors *errs, const char *field, const char *label, const char *hint)
{
    const char *err = error_for(errs, field);
    html_printf(&r->out, "<div class=\"form-group%s\"><label class=\"label\" for=\"%s\">%s</label>", err ? " form-group-error" : "", field, label);
    if (hint) html_printf(&r->out, "<p class=\"hint\" id=\"%s-hint\">%s</p>", field, hint);
    if (err) html_printf(&r->out, "<p class=\"error-message\" id=\"%s-error\"><span class=\"visually-hidden\">Error:</span> %s</p>", field, err);
    return arena_printf(&r->arena, "%s%s%s%s%s", hint ? field : "", hint ? "-hint" : "", hint && err ? " " : "", err ? field : "", err ? "-error" : "");
}

/* Extra attributes of a text input. */
enum { INPUT_PLAIN, INPUT_NUMERIC, INPUT_CATEGORIES };

static void text_input(Req *r, const Errors *errs, const char *field, const char *label, const char *hint, const char *value, int kind)
{
    const char *by = group_begin(r, errs, field, label, hint);
    html_printf(&r->out, "<input class=\"input%s\" id=\"%s\" name=\"%s\" type=\"text\" value=\"%s\"", error_for(errs, field) ? " input-error" : "", field,
                field, value ? value : "");
    if (*by) html_printf(&r->out, " aria-describedby=\"%s\"", by);
    if (kind == INPUT_NUMERIC) html_lit(&r->out, " inputmode=\"numeric\"");
    if (kind == INPUT_CATEGORIES) html_lit(&r->out, " list=\"categories\"");
    html_lit(&r->out, "></div>\n");
}

static void text_area(Req *r, const Errors *errs, const char *field, const char *label, const char *hint, const char *value, int rows)
{
    const char *by = group_begin(r, errs, field, label, hint);
    html_printf(&r->out, "<textarea class=\"textarea\" id=\"%s\" name=\"%s\" rows=\"%d\"", field, field, rows);
    if (*by) html_printf(&r->out, " aria-describedby=\"%s\"", by);
    html_printf(&r->out, ">%s</textarea></div>\n", value ? value : "");
}

static void edit_form(Req *r, const Form *f, const Errors *errs)
{
    const char *heading = f->id ? arena_printf(&r->arena, "Edit decision record %s", f->number) : "New decision record";
    page_begin(r, heading, "decisions");
    if (errs && errs->n) {
        html_lit(&r->out, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2 class=\"error-summary-title\">The decision record was not saved</h2>"
                          "<ul class=\"error-summary-list\">");
        for (int i = 0; i < errs->n; i++) html_printf(&r->out, "<li><a href=\"#%s\">%s</a></li>", errs->e[i].field, errs->e[i].message);
        html_lit(&r->out, "</ul></div>\n");
    }
    html_printf(&r->out, "<h1>%s</h1>\n", heading);
    html_lit(&r->out, "<form method=\"post\" action=\"/decision/edit\" class=\"form\">");
    page_csrf_field(r);
    if (f->id) html_printf(&r->out, "<input type=\"hidden\" name=\"id\" value=\"%lld\">", f->id);
    text_input(r, errs, "number", "Number", "Decision records are numbered in sequence; each number is used once.", f->number, INPUT_NUMERIC);
    text_input(r, errs, "title", "Title", NULL, f->title, INPUT_PLAIN);
    text_input(r, errs, "decided_on", "Date of the decision", "YYYY-MM-DD, for example 2025-11-24", f->date, INPUT_PLAIN);
    text_area(r, errs, "decision", "Decision", "What the Commissioner decided.", f->decision, 6);
    text_area(r, errs, "reasons", "Reasons", "Why: the background, the options considered and the advice taken.", f->reasons, 8);
    text_input(r, errs, "value", "Value", "In pounds, for example \xC2\xA3" "1,234.56 or 1234; leave empty when the decision has no financial value.", f->value, INPUT_PLAIN);

    text_input(r, errs, "category", "Category", "For example Contracts, Estates, Finance, Information technology.", f->category, INPUT_CATEGORIES);
    html_lit(&r->out, "<datalist id=\"categories\">");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT DISTINCT category FROM decision WHERE category <> '' AND (status = 'published' OR ?1) AND (marking = 'OFFICIAL' OR ?2)"
                                         " ORDER BY category");
    sqlite3_bind_int(st, 1, req_can(r, CAP_RECORDS));
    sqlite3_bind_int(st, 2, req_can(r, CAP_SENSITIVE));
    while (sqlite3_step(st) == SQLITE_ROW) html_printf(&r->out, "<option value=\"%s\">", db_text(st, 0));
    sqlite3_finalize(st);
    html_lit(&r->out, "</datalist>\n");

    text_area(r, errs, "budget_lines", "Budget lines", "The budget lines the decision touches, one per line.", f->budget_lines, 3);

    /* the objectives of the current Plan (the latest issued or revised,
     * else the latest), and any already linked from another */
    const char *oerr = error_for(errs, "objectives");
    html_printf(&r->out, "<div class=\"form-group%s\"><fieldset class=\"fieldset\" id=\"objectives\"><legend class=\"fieldset-legend\">Objectives of the Plan it serves</legend>",
                oerr ? " form-group-error" : "");
    if (oerr) html_printf(&r->out, "<p class=\"error-message\"><span class=\"visually-hidden\">Error:</span> %s</p>", oerr);
    st = db_prepare(r->db, "SELECT o.id, p.title, o.title FROM plan_objective o JOIN plan_priority p ON p.id = o.priority_id"
                           " WHERE p.plan_id = (SELECT id FROM plan ORDER BY status IN ('issued','revised') DESC, starts DESC, id DESC LIMIT 1)"
                           " OR o.id IN (SELECT objective_id FROM decision_objective WHERE decision_id = ?1)"
                           " ORDER BY p.plan_id, p.position, o.position");
    sqlite3_bind_int64(st, 1, f->id);
    int no = 0;
    const char *last_priority = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long long oid = sqlite3_column_int64(st, 0);
        const char *prio = db_text(st, 1);
        if (!last_priority || strcmp(last_priority, prio) != 0) {
            html_printf(&r->out, "<p class=\"hint\"><strong>%s</strong></p>", prio);
            last_priority = arena_strdup(&r->arena, prio);
        }
        html_printf(&r->out, "<div class=\"checkbox\"><input type=\"checkbox\" id=\"objective-%lld\" name=\"objective\" value=\"%lld\"%s>"
                             "<label for=\"objective-%lld\">%s</label></div>\n",
                    oid, oid, chosen(f, oid) ? " checked" : "", oid, db_text(st, 2));
        no++;
    }
    sqlite3_finalize(st);
    if (!no) html_lit(&r->out, "<p class=\"hint\">No Plan is held.</p>");
    html_lit(&r->out, "</fieldset></div>\n");

    const char *by = group_begin(r, errs, "marking", "Protective marking", "An OFFICIAL-SENSITIVE record is seen only by those cleared for it and can never be published.");
    bool sens = f->marking && strcmp(f->marking, "OFFICIAL-SENSITIVE") == 0;
    html_printf(&r->out, "<select class=\"select\" id=\"marking\" name=\"marking\" aria-describedby=\"%s\"><option%s>OFFICIAL</option><option%s>OFFICIAL-SENSITIVE</option></select></div>\n",
                by, sens ? "" : " selected", sens ? " selected" : "");
    html_lit(&r->out, "<button type=\"submit\" class=\"button\">Save as draft</button></form>\n");
    page_end(r);
}

/* Fills f from the record d (the form to edit it). */
static void form_from(Req *r, const Decision *d, Form *f)
{
    char value[48] = "";
    if (d->has_value) snprintf(value, sizeof value, "%lld.%02lld", d->value_pence / 100, d->value_pence % 100);
    *f = (Form){.id = d->id,
                .number = arena_printf(&r->arena, "%lld", d->number),
                .title = d->title,
                .date = d->decided_on,
                .decision = d->decision,
                .reasons = d->reasons,
                .value = arena_strdup(&r->arena, value),
                .category = d->category,
                .budget_lines = d->budget_lines,
                .marking = d->marking};
    sqlite3_stmt *st = db_prepare(r->db, "SELECT objective_id FROM decision_objective WHERE decision_id = ?1");
    sqlite3_bind_int64(st, 1, d->id);
    while (sqlite3_step(st) == SQLITE_ROW && f->nobjectives < MAX_OBJECTIVES) f->objectives[f->nobjectives++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
}

/* Trims spaces and line ends at both ends, in the arena. */
static const char *trimmed(Req *r, const char *s)
{
    if (!s) return "";
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
    return arena_strndup(&r->arena, s, n);
}

/* Reads the posted form into f and checks every field. */
static void read_form(Req *r, Form *f, Errors *errs, long long *number, bool *has_value, long long *pence)
{
    memset(f, 0, sizeof *f);
    const char *ids = req_param(r, "id");
    if (ids && *ids) {
        f->id = parse_number(ids);
        if (!f->id) add_error(errs, "number", "The record to change is not named correctly; open it again from the register.");
    }
    f->number = trimmed(r, req_param(r, "number"));
    f->title = trimmed(r, req_param(r, "title"));
    f->date = trimmed(r, req_param(r, "decided_on"));
    f->decision = trimmed(r, req_param(r, "decision"));
    f->reasons = trimmed(r, req_param(r, "reasons"));
    f->value = trimmed(r, req_param(r, "value"));
    f->category = trimmed(r, req_param(r, "category"));
    f->budget_lines = trimmed(r, req_param(r, "budget_lines"));
    f->marking = trimmed(r, req_param(r, "marking"));

    *number = parse_number(f->number);
    if (!*number) add_error(errs, "number", arena_printf(&r->arena, "Number: expected a whole number above 0, such as %lld, not \"%s\"", decision_next_number(r->db), f->number));
    if (!*f->title) add_error(errs, "title", "Title: enter the decision's title");
    else if (strlen(f->title) > TITLE_MAX) add_error(errs, "title", "Title: at most 300 characters");
    else if (strchr(f->title, '\n')) add_error(errs, "title", "Title: one line only");
    if (!decision_valid_date(f->date))
        add_error(errs, "decided_on", arena_printf(&r->arena, "Date of the decision: expected a date written YYYY-MM-DD, such as 2025-11-24, not \"%s\"", f->date));
    if (!*f->decision) add_error(errs, "decision", "Decision: say what was decided");
    else if (strlen(f->decision) > TEXT_MAX) add_error(errs, "decision", "Decision: at most 20,000 characters");
    if (strlen(f->reasons) > TEXT_MAX) add_error(errs, "reasons", "Reasons: at most 20,000 characters");
    if (!decision_parse_value(f->value, has_value, pence))
        add_error(errs, "value", arena_printf(&r->arena, "Value: expected an amount in pounds such as \xC2\xA3" "1,234.56, 1234.56 or 1234 (or nothing for no value), not \"%s\"", f->value));
    if (strlen(f->category) > CATEGORY_MAX) add_error(errs, "category", "Category: at most 100 characters");
    else if (strchr(f->category, '\n')) add_error(errs, "category", "Category: one line only");
    if (strlen(f->budget_lines) > TEXT_MAX) add_error(errs, "budget_lines", "Budget lines: at most 20,000 characters");
    if (strcmp(f->marking, "OFFICIAL") != 0 && strcmp(f->marking, "OFFICIAL-SENSITIVE") != 0) {
        add_error(errs, "marking", arena_printf(&r->arena, "Protective marking: expected OFFICIAL or OFFICIAL-SENSITIVE, not \"%s\"", f->marking));
        f->marking = "OFFICIAL";
    } else if (strcmp(f->marking, "OFFICIAL") != 0 && !req_can(r, CAP_SENSITIVE)) {
        add_error(errs, "marking", "Protective marking: your role may not see OFFICIAL-SENSITIVE records, so cannot mark one so");
    }
    for (int i = 0; i < r->nparams; i++) {
        if (strcmp(r->params[i].name, "objective") != 0) continue;
        long long oid = parse_number(r->params[i].value);
        if (!oid) {
            add_error(errs, "objectives", arena_printf(&r->arena, "Objectives: \"%s\" is not an objective of the Plan", r->params[i].value));
            continue;
        }
        if (chosen(f, oid)) continue;
        if (f->nobjectives >= MAX_OBJECTIVES) {
            add_error(errs, "objectives", "Objectives: at most 200");
            break;
        }
        f->objectives[f->nobjectives++] = oid;
    }
}

/* Saves the checked form in one transaction. False, with the errors
 * added and nothing changed, when the store refuses it. */
static bool save(Req *r, Form *f, Errors *errs, long long number, bool has_value, long long pence, int *status)
{
    db_exec(r->db, "BEGIN IMMEDIATE");
    if (f->id) {
        sqlite3_stmt *st = db_prepare(r->db, "SELECT status, marking, number FROM decision WHERE id = ?1");
        sqlite3_bind_int64(st, 1, f->id);
        bool found = sqlite3_step(st) == SQLITE_ROW && may_see(r, db_text(st, 0), db_text(st, 1));
        bool published = found && strcmp(db_text(st, 0), "published") == 0;
        long long was = found ? sqlite3_column_int64(st, 2) : 0;
        sqlite3_finalize(st);
        if (!found) {
            add_error(errs, "number", "The record being changed no longer exists; open the register and start again.");
            *status = 404;
        } else if (published) {
            add_error(errs, "number", arena_printf(&r->arena, "Decision record %lld is published and cannot be changed: record a new decision instead.", was));
            *status = 409;
        }
    }
    for (int i = 0; !errs->n && i < f->nobjectives; i++) {
        sqlite3_stmt *st = db_prepare(r->db, "SELECT 1 FROM plan_objective WHERE id = ?1");
        sqlite3_bind_int64(st, 1, f->objectives[i]);
        if (sqlite3_step(st) != SQLITE_ROW) add_error(errs, "objectives", arena_printf(&r->arena, "Objectives: there is no Plan objective %lld", f->objectives[i]));
        sqlite3_finalize(st);
    }
    if (!errs->n) {
        sqlite3_stmt *st = db_prepare(r->db, "SELECT id FROM decision WHERE number = ?1 AND id IS NOT ?2");
        sqlite3_bind_int64(st, 1, number);
        sqlite3_bind_int64(st, 2, f->id);
        if (sqlite3_step(st) == SQLITE_ROW)
            add_error(errs, "number", arena_printf(&r->arena, "Number: decision record %lld already exists; the next free number is %lld", number,
                                                   decision_next_number(r->db)));
        sqlite3_finalize(st);
    }
    if (errs->n) {
        db_exec(r->db, "ROLLBACK");
        if (*status == 200) *status = 400;
        return false;
    }
    sqlite3_stmt *st = f->id ? db_prepare(r->db, "UPDATE decision SET number = ?1, title = ?2, decided_on = ?3, decision = ?4, reasons = ?5, value_pence = ?6,"
                                                 " category = ?7, budget_lines = ?8, marking = ?9 WHERE id = ?10 AND status = 'draft' RETURNING id")
                             : db_prepare(r->db, "INSERT INTO decision(number, title, decided_on, decision, reasons, value_pence, category, budget_lines, marking, status)"
                                                 " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'draft') RETURNING id");
    sqlite3_bind_int64(st, 1, number);
    sqlite3_bind_text(st, 2, f->title, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, f->date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, f->decision, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, f->reasons, -1, SQLITE_STATIC);
    if (has_value) sqlite3_bind_int64(st, 6, pence);
    else sqlite3_bind_null(st, 6);
    sqlite3_bind_text(st, 7, f->category, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, f->budget_lines, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, f->marking, -1, SQLITE_STATIC);
    if (f->id) sqlite3_bind_int64(st, 10, f->id);
    int rc = sqlite3_step(st);
    long long id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    if (rc == SQLITE_ROW) rc = sqlite3_step(st);
    const char *why = rc == SQLITE_DONE ? NULL : arena_strdup(&r->arena, sqlite3_errmsg(r->db));
    sqlite3_finalize(st);
    if (!id || why) {
        db_exec(r->db, "ROLLBACK");
        add_error(errs, "number", arena_printf(&r->arena, "The record could not be saved: %s", why ? why : "it is no longer a draft"));
        *status = 409;
        return false;
    }
    f->id = id;

    /* the objectives: remove those unticked, add those newly ticked */
    Buf ids = {0};
    buf_putc(&ids, '[');
    for (int i = 0; i < f->nobjectives; i++) buf_printf(&ids, "%s%lld", i ? "," : "", f->objectives[i]);
    buf_putc(&ids, ']');
    st = db_prepare(r->db, "DELETE FROM decision_objective WHERE decision_id = ?1 AND objective_id NOT IN (SELECT value FROM json_each(?2))");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, buf_cstr(&ids), -1, SQLITE_TRANSIENT);
    bool ok = db_step_done(st);
    sqlite3_finalize(st);
    buf_free(&ids);
    st = db_prepare(r->db, "INSERT OR IGNORE INTO decision_objective(decision_id, objective_id) VALUES(?1, ?2)");
    for (int i = 0; ok && i < f->nobjectives; i++) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, f->objectives[i]);
        ok = db_step_done(st);
    }
    sqlite3_finalize(st);
    if (!ok) {
        db_exec(r->db, "ROLLBACK");
        add_error(errs, "objectives", "Objectives: a linked objective no longer exists; reload the form");
        *status = 409;
        return false;
    }
    db_exec(r->db, "COMMIT");
    return true;
}

void page_decision_edit(Req *r)
{
    Form f;
    Errors errs = {0};
    if (strcmp(r->method, "POST") == 0) {
        long long number = 0, pence = 0;
        bool has_value = false;
        int status = 200;
        read_form(r, &f, &errs, &number, &has_value, &pence);
        if (errs.n) status = 400;
        if (!errs.n && save(r, &f, &errs, number, has_value, pence, &status)) {
            web_redirect(r, arena_printf(&r->arena, "/decision?n=%lld", number));
            return;
        }
        r->status = status;
        edit_form(r, &f, &errs);
        return;
    }
    const char *ns = req_param(r, "n");
    if (!ns || !*ns) {
        char today[11];
        decision_today(today);
        f = (Form){.number = arena_printf(&r->arena, "%lld", decision_next_number(r->db)), .date = arena_strdup(&r->arena, today), .marking = "OFFICIAL"};
        edit_form(r, &f, NULL);
        return;
    }
    long long number = parse_number(ns);
    Decision d;
    if (!number || !load(r, number, &d)) {
        no_such(r, ns);
        return;
    }
    if (strcmp(d.status, "draft") != 0) {
        web_error(r, 409, "Decision record %lld is published and cannot be changed: a published record is the public record. Record a new decision instead.",
                  d.number);
        return;
    }
    form_from(r, &d, &f);
    edit_form(r, &f, NULL);
}

/* ------------------------------------------------------------------------
 * Publishing
 * ------------------------------------------------------------------------ */

void page_decision_publish(Req *r)
{
    if (strcmp(r->method, "POST") != 0) {
        web_error(r, 405, "Publish a decision record with the Publish button on its page.");
        web_header(r, "Allow", "POST");
        return;
    }
    const char *ns = req_param(r, "n");
    long long number = parse_number(ns);
    Decision d;
    db_exec(r->db, "BEGIN IMMEDIATE");
    if (!number || !load(r, number, &d)) {
        db_exec(r->db, "ROLLBACK");
        no_such(r, ns);
        return;
    }
    if (strcmp(d.status, "draft") != 0) {
        db_exec(r->db, "ROLLBACK");
        web_error(r, 409, "Decision record %lld was already published on %s.", d.number, d.published_on);
        return;
    }
    if (strcmp(d.marking, "OFFICIAL") != 0) {
        db_exec(r->db, "ROLLBACK");
        web_error(r, 409, "Decision record %lld is marked %s and can never be published: only OFFICIAL records are. It stays a draft.", d.number, d.marking);
        return;
    }
    char today[11];
    decision_today(today);
    sqlite3_stmt *st = db_prepare(r->db, "UPDATE decision SET status = 'published', published_on = ?1 WHERE id = ?2 AND status = 'draft' AND marking = 'OFFICIAL'");
    sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, d.id);
    bool ok = db_step_done(st) && sqlite3_changes(r->db) == 1;
    sqlite3_finalize(st);
    if (!ok) {
        db_exec(r->db, "ROLLBACK");
        web_error(r, 409, "Decision record %lld could not be published: it changed meanwhile. Reload its page.", d.number);
        return;
    }
    db_exec(r->db, "COMMIT");
    web_redirect(r, arena_printf(&r->arena, "/decision?n=%lld", d.number));
}
