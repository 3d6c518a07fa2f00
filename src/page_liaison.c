/*
 * page_liaison.c: the force liaison's view of the Accountability Board.
 *
 *   /liaison               the items addressed to the force (to_force=1) of
 *                          meetings notified or later, without those marked
 *                          OFFICIAL-SENSITIVE unless the user may see them;
 *                          POST (multipart/form-data) writes the force's
 *                          answer and uploads its paper (PDF, .docx, .xlsx
 *                          or plain text, checked by name and content, at
 *                          most 5 MiB) into item_paper with its SHA-256
 *   /liaison/paper?id=N    downloads a paper of one of those items
 *
 * Answers and papers are taken while the meeting is notified (not yet
 * held); afterwards the items stay readable.
 */
#include "board.h"
#include "db.h"
#include "pages.h"

#include <stdlib.h>
#include <string.h>

/* The liaison's items, newest meeting first. */
static void liaison_page(Req *r, long long err_item, const char *err_field, const char *err)
{
    page_begin(r, "Accountability Board: the force's items", "liaison");
    if (err)
        html_printf(&r->out, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2 class=\"error-summary-title\">The answer was not saved</h2>"
                             "<ul class=\"error-summary-list\"><li><a href=\"#%s-%lld\">%s</a></li></ul></div>\n", err_field, err_item, err);
    html_lit(&r->out, "<h1>Accountability Board: matters for the force</h1>\n<p class=\"lede\">The matters the Commissioner has asked the force to respond to, "
                      "with their questions and the form required. Write the force's answer and upload its paper (PDF, Word .docx, Excel .xlsx or plain text, "
                      "at most 5 MiB) before the date due.</p>\n");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT i.id, i.subject, i.matter, i.questions, i.form, i.lead, i.paper_due, i.answer, i.marking, m.held_on, m.starts_at, m.kind, m.status, m.marking"
                                         " FROM agenda_item i JOIN meeting m ON m.id=i.meeting_id"
                                         " WHERE i.to_force=1 AND m.status IN ('notified','held','minutes approved','minutes published')"
                                         " ORDER BY m.held_on DESC, i.position, i.id");
    sqlite3_stmt *pp = db_prepare(r->db, "SELECT id, filename, bytes, uploaded_by, uploaded_at FROM item_paper WHERE item_id=?1 ORDER BY id");
    const char *last = "";
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!req_sees(r, db_text(st, 8)) || !req_sees(r, db_text(st, 13))) continue;
        long long id = sqlite3_column_int64(st, 0);
        if (strcmp(last, db_text(st, 9)) != 0) {
            char d[40];
            board_date_long(db_text(st, 9), d, sizeof d);
            html_printf(&r->out, "<h2>%s, %s at %s (%s)</h2>\n", db_text(st, 11), d, db_text(st, 10), db_text(st, 12));
            last = arena_strdup(&r->arena, db_text(st, 9));
        }
        n++;
        char due[40];
        board_date_long(db_text(st, 6), due, sizeof due);
        html_printf(&r->out, "<section class=\"summary-card\" id=\"item-%lld\"><div class=\"summary-card-title-wrapper\"><h3 class=\"summary-card-title\">%s%s</h3></div>"
                             "<div class=\"summary-card-content\">\n<p>%s</p>\n",
                    id, db_text(st, 1), strcmp(db_text(st, 8), "OFFICIAL") ? " (OFFICIAL-SENSITIVE)" : "", db_text(st, 2));
        /* numbered questions */
        const char *q = db_text(st, 3);
        int nq = 0;
        while (*q) {
            size_t len = strcspn(q, "\n");
            char *line = arena_strndup(&r->arena, q, len);
            size_t l = strlen(line);
            while (l && (line[l - 1] == '\r' || line[l - 1] == ' ')) line[--l] = 0;
            if (*line) {
                if (!nq++) html_lit(&r->out, "<ol class=\"list list-number\">");
                html_printf(&r->out, "<li>%s</li>", line);
            }
            q += len;
            if (*q) q++;
        }
        if (nq) html_lit(&r->out, "</ol>\n");
        html_printf(&r->out, "<p>Form required: %s. Lead: %s. Paper due: %s.</p>\n", strcmp(db_text(st, 4), "verbal") == 0 ? "verbal update" : "written paper",
                    *db_text(st, 5) ? db_text(st, 5) : "not named", *db_text(st, 6) ? due : "before the meeting");
        sqlite3_bind_int64(pp, 1, id);
        while (sqlite3_step(pp) == SQLITE_ROW) {
            char sz[32];
            fmt_thousands(sz, sizeof sz, sqlite3_column_int64(pp, 2));
            html_printf(&r->out, "<p>Paper: <a href=\"/liaison/paper?id=%lld\">%s</a> (%s bytes, uploaded by %s, %.16s)</p>\n", sqlite3_column_int64(pp, 0), db_text(pp, 1), sz,
                        db_text(pp, 3), db_text(pp, 4));
        }
        sqlite3_reset(pp);
        bool open = strcmp(db_text(st, 12), "notified") == 0;
        bool mine = err && err_item == id;
        if (open) {
            html_lit(&r->out, "<form method=\"post\" action=\"/liaison\" enctype=\"multipart/form-data\" class=\"form\">");
            page_csrf_field(r);
            html_printf(&r->out, "<input type=\"hidden\" name=\"item\" value=\"%lld\">", id);
            const char *ans = mine ? req_param(r, "answer") : NULL;
            html_printf(&r->out, "<div class=\"form-group%s\"><label class=\"label\" for=\"answer-%lld\">The force's answer</label>", mine && strcmp(err_field, "answer") == 0 ? " form-group-error" : "", id);
            if (mine && strcmp(err_field, "answer") == 0) html_printf(&r->out, "<p class=\"error-message\">%s</p>", err);
            html_printf(&r->out, "<textarea class=\"textarea\" id=\"answer-%lld\" name=\"answer\" rows=\"6\">%s</textarea></div>\n", id, ans ? ans : db_text(st, 7));
            html_printf(&r->out, "<div class=\"form-group%s\"><label class=\"label\" for=\"paper-%lld\">Paper (PDF, .docx, .xlsx or .txt, at most 5 MiB)</label>",
                        mine && strcmp(err_field, "paper") == 0 ? " form-group-error" : "", id);
            if (mine && strcmp(err_field, "paper") == 0) html_printf(&r->out, "<p class=\"error-message\"><span class=\"visually-hidden\">Error:</span> Paper: %s</p>", err);
            html_printf(&r->out, "<input class=\"file-upload\" id=\"paper-%lld\" name=\"paper\" type=\"file\" accept=\".pdf,.docx,.xlsx,.txt\"></div>\n", id);
            html_lit(&r->out, "<button type=\"submit\" class=\"button\">Send the answer</button></form>\n");
        } else if (*db_text(st, 7)) {
            html_printf(&r->out, "<h4>The force's answer</h4>\n<p>%s</p>\n", db_text(st, 7));
        }
        html_lit(&r->out, "</div></section>\n");
    }
    sqlite3_finalize(pp);
    sqlite3_finalize(st);
    if (!n) html_lit(&r->out, "<p>No matters are addressed to the force at present.</p>\n");
    page_end(r);
}

static void liaison_fail(Req *r, long long item, const char *field, const char *msg)
{
    db_exec(r->db, "ROLLBACK");
    r->status = 400;
    liaison_page(r, item, field, msg);
}

void page_liaison(Req *r)
{
    if (strcmp(r->method, "POST") != 0) {
        liaison_page(r, 0, NULL, NULL);
        return;
    }
    long long item = req_param_id(r, "item");
    db_exec(r->db, "BEGIN IMMEDIATE");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT i.marking, m.marking, m.status FROM agenda_item i JOIN meeting m ON m.id=i.meeting_id WHERE i.id=?1 AND i.to_force=1");
    sqlite3_bind_int64(st, 1, item);
    bool seen = sqlite3_step(st) == SQLITE_ROW && req_sees(r, db_text(st, 0)) && req_sees(r, db_text(st, 1)) && board_status_notified(db_text(st, 2));
    bool open = seen && strcmp(db_text(st, 2), "notified") == 0;
    sqlite3_finalize(st);
    if (!seen) {
        db_exec(r->db, "ROLLBACK");
        web_error(r, 404, "There is no item with that number addressed to the force.");
        return;
    }
    if (!open) {
        liaison_fail(r, item, "answer", "The meeting has been held: answers and papers are no longer taken for this item.");
        return;
    }
    const char *answer = req_param(r, "answer");
    const ReqFile *f = req_file(r, "paper");
    bool has_file = f && f->filename && *f->filename;
    if (answer && strlen(answer) > 100000) {
        liaison_fail(r, item, "answer", "The force's answer is too long (at most 100,000 characters): upload a paper instead.");
        return;
    }
    if (!has_file && (!answer || !*answer)) {
        liaison_fail(r, item, "answer", "Write the force's answer or choose a paper to upload.");
        return;
    }
    if (answer) {
        st = db_prepare(r->db, "UPDATE agenda_item SET answer=?2 WHERE id=?1");
        sqlite3_bind_int64(st, 1, item);
        sqlite3_bind_text(st, 2, answer, -1, SQLITE_TRANSIENT);
        db_step_done(st);
        sqlite3_finalize(st);
    }
    if (has_file) {
        const char *why = NULL;
        const char *ct = board_paper_type(f->filename, f->data, f->len, &why);
        if (!ct) {
            liaison_fail(r, item, "paper", why);
            return;
        }
        char sha[65];
        board_sha256_hex(f->data, f->len, sha);
        st = db_prepare(r->db, "INSERT INTO item_paper(item_id, filename, content_type, bytes, sha256, data, uploaded_by, uploaded_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
        sqlite3_bind_int64(st, 1, item);
        sqlite3_bind_text(st, 2, board_safe_filename(&r->arena, f->filename), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, ct, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, (long long)f->len);
        sqlite3_bind_text(st, 5, sha, -1, SQLITE_TRANSIENT);
        sqlite3_bind_blob(st, 6, f->data, (int)f->len, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 7, r->user.login, -1, SQLITE_TRANSIENT);
        bool ok = db_step_done(st);
        sqlite3_finalize(st);
        if (!ok) {
            liaison_fail(r, item, "paper", "The paper could not be stored.");
            return;
        }
    }
    db_exec(r->db, "COMMIT");
    web_redirect(r, arena_printf(&r->arena, "/liaison#item-%lld", item));
}

void page_liaison_paper(Req *r)
{
    board_send_paper(r, true);
}
