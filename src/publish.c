/*
 * publish.c: `assure publish [--db FILE] -o DIR`: the office's public
 * site, written as static files from the same records the staff use.
 *
 *   index.html            what is published, with links
 *   plan.html             each issued Plan: priorities, objectives, actions
 *                         with owner, due date, status and RAG, progress by
 *                         priority, the Panel's review and the responses
 *   decisions/index.html  the register of published decision records
 *   decisions/N.html      each record
 *   meetings/index.html   Accountability Board dates, minutes when published
 *   meetings/ID.html      a meeting's published minutes and verdicts
 *   meetings.ics          the board's dates as an iCalendar feed (RFC 5545)
 *   pack.html             the performance pack (when crime data is held)
 *   style.css             the stylesheet
 *
 * What reaches the site is decided here, in one place, by SQL: a record is
 * published only when its marking is OFFICIAL and its status says so
 * (decisions 'published', minutes 'minutes published', plans issued or
 * revised); OFFICIAL-SENSITIVE rows (actions, items, follow-ups) never
 * appear, whatever their parent's status. Pages need no JavaScript.
 *
 * The site is built in DIR.new and swapped in for DIR, so readers never
 * see half a site; DIR is replaced only when it holds a previous publish
 * (its .assure-site marker), never an unrelated folder.
 */
#include "audit.h"
#include "commands.h"
#include "db.h"
#include "embedded.h"
#include "forces.h"
#include "html.h"
#include "measures.h"
#include "pack.h"
#include "perf_view.h"
#include "ukdate.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *const month_names[] = {"January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"};

typedef struct Site {
    sqlite3 *db;
    const char *dir;  /* the folder being built */
    char office[160]; /* "Office of the Police, Fire and Crime Commissioner for X" */
    int files;
} Site;

/* Writes "24 November 2026" for an ISO date (or the text as is). */
static void long_date(Buf *out, const char *iso)
{
    int y, m, d;
    if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12) html_printf(out, "%d %s %d", d, month_names[m - 1], y);
    else html_printf(out, "%s", iso ? iso : "");
}

/* Writes text as paragraphs (blank lines between), escaped, line breaks
 * kept within a paragraph. */
static void paragraphs(Buf *out, const char *text)
{
    const char *p = text;
    while (*p) {
        while (*p == '\n' || *p == '\r') p++;
        if (!*p) break;
        const char *end = strstr(p, "\n\n");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        html_lit(out, "<p>");
        for (size_t i = 0; i < n;) {
            size_t j = i;
            while (j < n && p[j] != '\n') j++;
            char *line = strndup(p + i, j - i);
            if (i) html_lit(out, "<br>\n");
            html_printf(out, "%s", line);
            free(line);
            i = j + 1;
        }
        html_lit(out, "</p>\n");
        p += n;
    }
}

/* Writes len bytes of data to path under the site. */
static void write_raw(Site *s, const char *path, const char *data, size_t len)
{
    char full[4096];
    snprintf(full, sizeof full, "%s/%s", s->dir, path);
    FILE *f = fopen(full, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) die("publish: cannot write %s: %s", full, strerror(errno));
    s->files++;
}

/* Writes path (under the site) with the page layout around body. `root`
 * is the way back to the site's top ("" or "../"). */
static void write_page(Site *s, const char *path, const char *root, const char *title, const Buf *body)
{
    Buf out = {0};
    html_printf(&out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<title>%s: %s</title>\n<link rel=\"stylesheet\" href=\"%sstyle.css\">\n</head>\n<body>\n"
                      "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"
                      "<header class=\"header\"><div class=\"header-inner width-container\"><a class=\"header-service\" href=\"%sindex.html\">%s</a></div>\n"
                      "<nav class=\"nav\" aria-label=\"Main\"><ul class=\"nav-list width-container\">"
                      "<li class=\"nav-item\"><a class=\"nav-link\" href=\"%splan.html\">The Plan</a></li>"
                      "<li class=\"nav-item\"><a class=\"nav-link\" href=\"%sdecisions/index.html\">Decisions</a></li>"
                      "<li class=\"nav-item\"><a class=\"nav-link\" href=\"%smeetings/index.html\">Accountability Board</a></li>"
                      "<li class=\"nav-item\"><a class=\"nav-link\" href=\"%spack.html\">Performance</a></li></ul></nav></header>\n"
                      "<div class=\"width-container\"><main class=\"main\" id=\"main\" tabindex=\"-1\">\n",
                title, s->office, root, root, s->office, root, root, root, root);
    buf_append(&out, buf_cstr(body), body->len);
    html_lit(&out, "</main></div>\n<footer class=\"footer\"><div class=\"width-container\"><p class=\"footer-licence\">"
                   "Published from the office's records by assure. Contains public sector information licensed under the Open Government Licence v3.0.</p></div></footer>\n"
                   "</body>\n</html>\n");
    write_raw(s, path, out.s, out.len);
    buf_free(&out);
}

/* ---- the Plan ---- */

static void plan_page(Site *s)
{
    Buf b = {0};
    html_lit(&b, "<h1>The Police, Fire and Crime Plan</h1>\n");
    sqlite3_stmt *plans = db_prepare(s->db, "SELECT id, title, starts, ends, status, version FROM plan WHERE status IN ('issued','revised') AND marking='OFFICIAL'"
                                            " ORDER BY starts DESC, id DESC");
    sqlite3_stmt *prio = db_prepare(s->db, "SELECT id, position, title FROM plan_priority WHERE plan_id=?1 ORDER BY position");
    sqlite3_stmt *prog = db_prepare(s->db, "SELECT count(*), coalesce(sum(a.status='complete'),0), coalesce(sum(a.status='in progress'),0),"
                                           " coalesce(sum(a.due_month < ?2 AND a.status NOT IN ('complete','cancelled')),0)"
                                           " FROM plan_action a JOIN plan_deliverable d ON d.id=a.deliverable_id JOIN plan_objective o ON o.id=d.objective_id"
                                           " WHERE o.priority_id=?1 AND a.marking='OFFICIAL'");
    sqlite3_stmt *obj = db_prepare(s->db, "SELECT id, service, title FROM plan_objective WHERE priority_id=?1 ORDER BY position");
    sqlite3_stmt *act = db_prepare(s->db, "SELECT d.title, a.title, a.owner, a.due, a.status, a.rag FROM plan_action a JOIN plan_deliverable d ON d.id=a.deliverable_id"
                                          " WHERE d.objective_id=?1 AND a.marking='OFFICIAL' ORDER BY d.position, a.position");
    sqlite3_stmt *rev = db_prepare(s->db, "SELECT r.reviewed_on, r.summary, c.position, c.text, c.response, c.responded_on FROM plan_review r"
                                          " JOIN plan_recommendation c ON c.review_id=r.id WHERE r.plan_id=?1 ORDER BY r.reviewed_on, c.position");
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    int this_month = (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
    int nplans = 0;
    static const char *const rag_names[] = {"G", "On track", "A", "Some risk", "R", "Off track"};
    while (sqlite3_step(plans) == SQLITE_ROW) {
        nplans++;
        long long pid = sqlite3_column_int64(plans, 0);
        html_printf(&b, "<section class=\"card\"><h2>%s</h2>\n<p>From ", db_text(plans, 1));
        long_date(&b, db_text(plans, 2));
        html_lit(&b, " to ");
        long_date(&b, db_text(plans, 3));
        html_printf(&b, "; %s, version %d.</p>\n", db_text(plans, 4), sqlite3_column_int(plans, 5));
        sqlite3_bind_int64(prio, 1, pid);
        while (sqlite3_step(prio) == SQLITE_ROW) {
            long long prid = sqlite3_column_int64(prio, 0);
            html_printf(&b, "<h3>Priority %d: %s</h3>\n", sqlite3_column_int(prio, 1), db_text(prio, 2));
            sqlite3_bind_int64(prog, 1, prid);
            sqlite3_bind_int(prog, 2, this_month);
            if (sqlite3_step(prog) == SQLITE_ROW && sqlite3_column_int(prog, 0) > 0)
                html_printf(&b, "<p class=\"progress\">%d actions: %d complete, %d in progress, %d overdue.</p>\n", sqlite3_column_int(prog, 0),
                            sqlite3_column_int(prog, 1), sqlite3_column_int(prog, 2), sqlite3_column_int(prog, 3));
            sqlite3_reset(prog);
            sqlite3_bind_int64(obj, 1, prid);
            while (sqlite3_step(obj) == SQLITE_ROW) {
                html_printf(&b, "<h4>%s <span class=\"caption\">(%s)</span></h4>\n", db_text(obj, 2), db_text(obj, 1));
                sqlite3_bind_int64(act, 1, sqlite3_column_int64(obj, 0));
                int n = 0;
                while (sqlite3_step(act) == SQLITE_ROW) {
                    if (!n++)
                        html_lit(&b, "<table class=\"table\"><thead><tr><th scope=\"col\">Deliverable</th><th scope=\"col\">Action</th><th scope=\"col\">Owner</th>"
                                     "<th scope=\"col\">Due</th><th scope=\"col\">Status</th><th scope=\"col\">RAG</th></tr></thead><tbody>\n");
                    const char *rag = db_text(act, 5), *rag_text = "";
                    for (int i = 0; i < 6; i += 2)
                        if (strcmp(rag, rag_names[i]) == 0) rag_text = rag_names[i + 1];
                    html_printf(&b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", db_text(act, 0), db_text(act, 1), db_text(act, 2),
                                db_text(act, 3), db_text(act, 4), rag_text);
                }
                if (n) html_lit(&b, "</tbody></table>\n");
                sqlite3_reset(act);
            }
            sqlite3_reset(obj);
        }
        sqlite3_reset(prio);
        sqlite3_bind_int64(rev, 1, pid);
        int nr = 0;
        while (sqlite3_step(rev) == SQLITE_ROW) {
            if (!nr++) {
                html_lit(&b, "<h3>The Police, Fire and Crime Panel's review</h3>\n<p>Reviewed on ");
                long_date(&b, db_text(rev, 0));
                html_printf(&b, ". %s</p>\n<table class=\"table\"><thead><tr><th scope=\"col\">Recommendation</th><th scope=\"col\">The Commissioner's response</th></tr></thead><tbody>\n",
                            db_text(rev, 1));
            }
            html_printf(&b, "<tr><td>%d. %s</td><td>%s</td></tr>\n", sqlite3_column_int(rev, 2), db_text(rev, 3), *db_text(rev, 4) ? db_text(rev, 4) : "Awaiting response");
        }
        if (nr) html_lit(&b, "</tbody></table>\n");
        sqlite3_reset(rev);
        html_lit(&b, "</section>\n");
    }
    if (!nplans) html_lit(&b, "<p>No Plan has been issued yet.</p>\n");
    sqlite3_stmt *all[] = {plans, prio, prog, obj, act, rev};
    for (size_t i = 0; i < ARRAY_LEN(all); i++) sqlite3_finalize(all[i]);
    write_page(s, "plan.html", "", "The Plan", &b);
    buf_free(&b);
}

/* ---- decision records ---- */

static void money(Buf *b, sqlite3_stmt *st, int col)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL) {
        html_lit(b, "None");
        return;
    }
    long long p = sqlite3_column_int64(st, col);
    char pounds[32];
    fmt_thousands(pounds, sizeof pounds, p / 100);
    html_printf(b, "&pound;%s.%02lld", pounds, p % 100);
}

static void decision_pages(Site *s)
{
    Buf list = {0};
    html_lit(&list, "<h1>Decision records</h1>\n<p>The Commissioner's published decisions, newest first.</p>\n");
    sqlite3_stmt *st = db_prepare(s->db, "SELECT id, number, title, decided_on, decision, reasons, value_pence, category, budget_lines, published_on FROM decision"
                                         " WHERE status='published' AND marking='OFFICIAL' ORDER BY number DESC");
    sqlite3_stmt *obj = db_prepare(s->db, "SELECT o.title FROM decision_objective x JOIN plan_objective o ON o.id=x.objective_id WHERE x.decision_id=?1 ORDER BY o.position");
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!n++)
            html_lit(&list, "<table class=\"table\"><thead><tr><th scope=\"col\">Number</th><th scope=\"col\">Date</th><th scope=\"col\">Title</th>"
                            "<th scope=\"col\">Category</th><th scope=\"col\" class=\"num\">Value</th></tr></thead><tbody>\n");
        int num = sqlite3_column_int(st, 1);
        html_printf(&list, "<tr><td>%d</td><td>", num);
        long_date(&list, db_text(st, 3));
        html_printf(&list, "</td><td><a href=\"%d.html\">%s</a></td><td>%s</td><td class=\"num\">", num, db_text(st, 2), db_text(st, 7));
        money(&list, st, 6);
        html_lit(&list, "</td></tr>\n");
        Buf b = {0};
        html_printf(&b, "<p class=\"caption\">Decision record %d</p>\n<h1>%s</h1>\n<dl class=\"summary\"><div><dt>Date</dt><dd>", num, db_text(st, 2));
        long_date(&b, db_text(st, 3));
        html_printf(&b, "</dd></div><div><dt>Category</dt><dd>%s</dd></div><div><dt>Value</dt><dd>", db_text(st, 7));
        money(&b, st, 6);
        html_lit(&b, "</dd></div><div><dt>Published</dt><dd>");
        long_date(&b, db_text(st, 9));
        html_lit(&b, "</dd></div></dl>\n<h2>Decision</h2>\n");
        paragraphs(&b, db_text(st, 4));
        if (*db_text(st, 5)) {
            html_lit(&b, "<h2>Reasons</h2>\n");
            paragraphs(&b, db_text(st, 5));
        }
        sqlite3_bind_int64(obj, 1, sqlite3_column_int64(st, 0));
        int no = 0;
        while (sqlite3_step(obj) == SQLITE_ROW) {
            if (!no++) html_lit(&b, "<h2>Plan objectives</h2>\n<ul>\n");
            html_printf(&b, "<li>%s</li>\n", db_text(obj, 0));
        }
        if (no) html_lit(&b, "</ul>\n");
        sqlite3_reset(obj);
        if (*db_text(st, 8)) {
            html_lit(&b, "<h2>Budget lines</h2>\n");
            paragraphs(&b, db_text(st, 8));
        }
        html_lit(&b, "<p><a href=\"index.html\">All decision records</a></p>\n");
        char path[64], title[64];
        snprintf(path, sizeof path, "decisions/%d.html", num);
        snprintf(title, sizeof title, "Decision record %d", num);
        write_page(s, path, "../", title, &b);
        buf_free(&b);
    }
    if (n) html_lit(&list, "</tbody></table>\n");
    else html_lit(&list, "<p>No decision records have been published yet.</p>\n");
    sqlite3_finalize(st);
    sqlite3_finalize(obj);
    write_page(s, "decisions/index.html", "../", "Decision records", &list);
    buf_free(&list);
}

/* ---- the Accountability Board ---- */

/* Appends an iCalendar content line, escaped and folded at 75 octets. */
static void ics_line(Buf *out, const char *name, const char *value)
{
    Buf line = {0};
    buf_puts(&line, name);
    buf_putc(&line, ':');
    for (const char *p = value; *p; p++) {
        if (*p == '\\' || *p == ';' || *p == ',') buf_putc(&line, '\\'), buf_putc(&line, *p);
        else if (*p == '\n') buf_puts(&line, "\\n");
        else if (*p != '\r') buf_putc(&line, *p);
    }
    size_t col = 0;
    for (size_t i = 0; i < line.len; i++) {
        /* fold before 75 octets, never inside a UTF-8 sequence */
        if (col >= 74 && ((unsigned char)line.s[i] & 0xC0) != 0x80) {
            buf_puts(out, "\r\n ");
            col = 1;
        }
        buf_putc(out, line.s[i]);
        col++;
    }
    buf_puts(out, "\r\n");
    buf_free(&line);
}

static void utc_stamp(int64_t t, char out[20])
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(out, 20, "%Y%m%dT%H%M%SZ", &tm);
}

static void meeting_pages(Site *s)
{
    Buf list = {0}, ics = {0};
    html_lit(&list, "<h1>Accountability Board</h1>\n<p>The Commissioner holds the Chief Constable and the Chief Fire Officer to account at the Accountability Board, "
                    "every six weeks. Minutes are published once approved. <a href=\"../meetings.ics\">Add the meeting dates to your calendar</a> (iCalendar).</p>\n");
    buf_puts(&ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//assure//Accountability Board//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
    ics_line(&ics, "X-WR-CALNAME", "Accountability Board");
    char stamp[20];
    utc_stamp((int64_t)time(NULL), stamp);
    sqlite3_stmt *st = db_prepare(s->db, "SELECT id, held_on, starts_at, kind, status, minutes, marking FROM meeting ORDER BY held_on DESC, id DESC");
    sqlite3_stmt *items = db_prepare(s->db, "SELECT subject, verdict, discussion, id FROM agenda_item WHERE meeting_id=?1 AND marking='OFFICIAL' ORDER BY position");
    sqlite3_stmt *fu = db_prepare(s->db, "SELECT request, owner, due, status FROM follow_up WHERE item_id=?1 AND marking='OFFICIAL' ORDER BY id");
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 0);
        const char *status = db_text(st, 4);
        bool cancelled = strcmp(status, "cancelled") == 0;
        bool minutes = strcmp(status, "minutes published") == 0 && strcmp(db_text(st, 6), "OFFICIAL") == 0;
        if (!n++)
            html_lit(&list, "<table class=\"table\"><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Meeting</th><th scope=\"col\">Minutes</th></tr></thead><tbody>\n");
        html_lit(&list, "<tr><td>");
        long_date(&list, db_text(st, 1));
        html_printf(&list, " %s</td><td>%s%s</td><td>", db_text(st, 2), db_text(st, 3), cancelled ? " (cancelled)" : "");
        if (minutes) html_printf(&list, "<a href=\"%lld.html\">Minutes</a>", id);
        else html_printf(&list, "%s", cancelled ? "None" : "Not yet published");
        html_lit(&list, "</td></tr>\n");
        /* the calendar: the meeting's UK local start, two hours long */
        char when[32];
        snprintf(when, sizeof when, "%s %s", db_text(st, 1), db_text(st, 2));
        int64_t t0;
        if (ukdate_parse(when, strlen(when), &t0)) {
            char a[20], z[20], uid[64];
            utc_stamp(t0, a);
            utc_stamp(t0 + 7200, z);
            snprintf(uid, sizeof uid, "meeting-%lld@assure", id);
            buf_puts(&ics, "BEGIN:VEVENT\r\n");
            ics_line(&ics, "UID", uid);
            ics_line(&ics, "DTSTAMP", stamp);
            ics_line(&ics, "DTSTART", a);
            ics_line(&ics, "DTEND", z);
            ics_line(&ics, "SUMMARY", db_text(st, 3));
            ics_line(&ics, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
            buf_puts(&ics, "END:VEVENT\r\n");
        }
        if (!minutes) continue;
        Buf b = {0};
        html_printf(&b, "<p class=\"caption\">%s</p>\n<h1>Minutes of ", db_text(st, 3));
        long_date(&b, db_text(st, 1));
        html_lit(&b, "</h1>\n");
        paragraphs(&b, db_text(st, 5));
        sqlite3_bind_int64(items, 1, id);
        int ni = 0;
        while (sqlite3_step(items) == SQLITE_ROW) {
            if (!ni++) html_lit(&b, "<h2>Items and verdicts</h2>\n");
            html_printf(&b, "<section class=\"card\"><h3>%s</h3>\n<p><strong>Verdict:</strong> %s</p>\n", db_text(items, 0),
                        *db_text(items, 1) ? db_text(items, 1) : "none recorded");
            paragraphs(&b, db_text(items, 2));
            sqlite3_bind_int64(fu, 1, sqlite3_column_int64(items, 3));
            int nf = 0;
            while (sqlite3_step(fu) == SQLITE_ROW) {
                if (!nf++) html_lit(&b, "<h4>Follow-up</h4>\n<ul>\n");
                html_printf(&b, "<li>%s (%s, by ", db_text(fu, 0), db_text(fu, 1));
                long_date(&b, db_text(fu, 2));
                html_printf(&b, "; %s)</li>\n", db_text(fu, 3));
            }
            if (nf) html_lit(&b, "</ul>\n");
            sqlite3_reset(fu);
            html_lit(&b, "</section>\n");
        }
        sqlite3_reset(items);
        html_lit(&b, "<p><a href=\"index.html\">All meetings</a></p>\n");
        char path[64];
        snprintf(path, sizeof path, "meetings/%lld.html", id);
        write_page(s, path, "../", "Accountability Board minutes", &b);
        buf_free(&b);
    }
    if (n) html_lit(&list, "</tbody></table>\n");
    else html_lit(&list, "<p>No meetings are scheduled.</p>\n");
    buf_puts(&ics, "END:VCALENDAR\r\n");
    sqlite3_finalize(st);
    sqlite3_finalize(items);
    sqlite3_finalize(fu);
    write_page(s, "meetings/index.html", "../", "Accountability Board", &list);
    write_raw(s, "meetings.ics", ics.s, ics.len);
    buf_free(&list);
    buf_free(&ics);
}

/* ---- the performance pack and the front page ---- */

static bool pack_page(Site *s)
{
    MeasureSet ms;
    measures_compute(s->db, &ms);
    bool ok = false;
    if (ms.office) {
        int fi = measures_force_index(&ms, ms.office);
        int end = perf_default_end(&ms, fi);
        if (end) {
            Buf out = {0};
            Arena a = {0};
            pack_render(&out, s->db, &ms, fi, end, true, &a);
            write_raw(s, "pack.html", out.s, out.len);
            buf_free(&out);
            arena_free(&a);
            ok = true;
        }
    }
    if (!ok) {
        Buf b = {0};
        html_lit(&b, "<h1>Performance</h1>\n<p>No performance figures are published yet.</p>\n");
        write_page(s, "pack.html", "", "Performance", &b);
        buf_free(&b);
    }
    measures_free(&ms);
    return ok;
}

static void index_page(Site *s, bool pack)
{
    Buf b = {0};
    char generated[32];
    now_iso(generated);
    html_printf(&b, "<h1>%s</h1>\n<p>What the Commissioner has published: the Plan and how it is being delivered, the decisions taken, "
                    "the Accountability Board's meetings and minutes, and the force's performance.</p>\n<ul class=\"links\">\n"
                    "<li><a href=\"plan.html\">The Police, Fire and Crime Plan and its progress</a></li>\n"
                    "<li><a href=\"decisions/index.html\">Decision records</a></li>\n"
                    "<li><a href=\"meetings/index.html\">Accountability Board meetings and minutes</a> (<a href=\"meetings.ics\">calendar</a>)</li>\n"
                    "<li><a href=\"pack.html\">%s</a></li>\n</ul>\n<p class=\"caption\">Published %s.</p>\n",
                s->office, pack ? "The performance pack" : "Performance (none published yet)", generated);
    /* the audit trail's head, anchored in public: anyone keeping this page
     * can later have `assure audit verify --anchor` check the office's
     * trail up to here was not rewritten */
    char head[65];
    long long head_id = audit_head(s->db, head);
    if (head_id)
        html_printf(&b, "<p class=\"caption\">The office's audit trail at publication: <code class=\"anchor\">%lld:%s</code></p>\n", head_id, head);
    write_page(s, "index.html", "", "Home", &b);
    buf_free(&b);
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static void rm_tree(const char *path)
{
    nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void make_dir(const char *path)
{
    if (mkdir(path, 0755) != 0 && errno != EEXIST) die("publish: cannot create %s: %s", path, strerror(errno));
}

/* True when the folder holds nothing (or does not exist). */
static bool dir_empty(const char *path)
{
    DIR *d = opendir(path);
    if (!d) return true;
    struct dirent *e;
    bool empty = true;
    while (empty && (e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) empty = false;
    closedir(d);
    return empty;
}

int cmd_publish(Opts *o)
{
    if (!o->output || !*o->output) die("publish: name the folder to write with -o DIR (e.g. -o site)");
    char dir[4096], build[4200], old[4200], path[4300];
    snprintf(dir, sizeof dir, "%s", o->output);
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/') dir[--dl] = 0;
    struct stat st;
    bool exists = stat(dir, &st) == 0;
    snprintf(path, sizeof path, "%s/.assure-site", dir);
    if (exists && !S_ISDIR(st.st_mode)) die("publish: %s exists and is not a folder", dir);
    if (exists && access(path, F_OK) != 0 && !dir_empty(dir))
        die("publish: %s holds files that were not published by assure; name a new or empty folder (a previous site, with its .assure-site file, is replaced)", dir);
    snprintf(build, sizeof build, "%s.new", dir);
    snprintf(old, sizeof old, "%s.old", dir);
    rm_tree(build);
    rm_tree(old);
    make_dir(build);
    snprintf(path, sizeof path, "%s/decisions", build);
    make_dir(path);
    snprintf(path, sizeof path, "%s/meetings", build);
    make_dir(path);

    sqlite3 *db = db_open(opts_db(o), false);
    Site s = {db, build, "", 0};
    int office = forces_office(db);
    char force[96] = "";
    if (office) {
        sqlite3_stmt *q = db_prepare(db, "SELECT name FROM force WHERE id=?1");
        sqlite3_bind_int(q, 1, office);
        if (sqlite3_step(q) == SQLITE_ROW) snprintf(force, sizeof force, "%s", db_text(q, 0));
        sqlite3_finalize(q);
    }
    if (*force) snprintf(s.office, sizeof s.office, "Office of the Police, Fire and Crime Commissioner for %s", force);
    else snprintf(s.office, sizeof s.office, "Office of the Police, Fire and Crime Commissioner");
    /* one read transaction: every page from the same moment */
    db_exec(db, "BEGIN");
    plan_page(&s);
    decision_pages(&s);
    meeting_pages(&s);
    bool pack = pack_page(&s);
    index_page(&s, pack);
    db_exec(db, "COMMIT");
    const EmbeddedFile *css = embedded_find("assets/style.css");
    if (css) write_raw(&s, "style.css", css->data, css->len);
    write_raw(&s, ".assure-site", "published by assure\n", 20);
    db_close(db);

    /* swap the new site in */
    if (exists && rename(dir, old) != 0) die("publish: cannot move the previous site %s aside: %s", dir, strerror(errno));
    if (rename(build, dir) != 0) die("publish: cannot move %s into place: %s", build, strerror(errno));
    if (exists) rm_tree(old);
    printf("published %d files to %s\n", s.files, dir);
    return 0;
}
