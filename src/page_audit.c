/*
 * page_audit.c: /audit: the audit trail. With ?table=T&id=N, one record's
 * history (who changed what, when, each field before and after); without,
 * the latest changes everywhere, which ?table=T and ?actor=LOGIN narrow and
 * ?before=ENTRY pages back through, 200 at a time. The chain is verified
 * on every view and its state shown at the top. Values of
 * OFFICIAL-SENSITIVE records are withheld from users without
 * CAP_SENSITIVE.
 */
#include "audit.h"
#include "db.h"
#include "pages.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A JSON value as the table shows it: strings bare, null empty. */
static char *show(json_t *v)
{
    if (!v || json_is_null(v)) return strdup("");
    if (json_is_string(v)) return strdup(json_string_value(v));
    return json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
}

/* One entry's fields: for an update those that changed, else all. */
static void entry_fields(Req *r, const char *action, const char *before, const char *after)
{
    json_t *b = before ? json_loads(before, 0, NULL) : NULL, *a = after ? json_loads(after, 0, NULL) : NULL;
    json_t *keys = a ? a : b;
    html_lit(&r->out, "<table class=\"table audit-fields\"><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead><tbody>\n");
    const char *key;
    json_t *v;
    json_object_foreach(keys, key, v) {
        json_t *bv = b ? json_object_get(b, key) : NULL, *av = a ? json_object_get(a, key) : NULL;
        if (strcmp(action, "update") == 0 && bv && av && json_equal(bv, av)) continue;
        char *bs = show(bv), *as = show(av);
        html_printf(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td></tr>\n", key, bs, as);
        free(bs), free(as);
    }
    html_lit(&r->out, "</tbody></table>\n");
    json_decref(a), json_decref(b);
}

/* The filters of the whole trail: a table and who made the change, each
 * chosen from those the trail holds (a GET form: it changes nothing). */
static void filter_form(Req *r, const char *table, const char *actor)
{
    html_lit(&r->out, "<form method=\"get\" action=\"/audit\" class=\"form-row\">");
    static const char *const labels[] = {"Record type", "Changed by"};
    static const char *const names[] = {"table", "actor"};
    const char *current[] = {table, actor};
    for (int f = 0; f < 2; f++) {
        sqlite3_stmt *st = f == 0 ? db_prepare(r->db, "SELECT DISTINCT tbl FROM audit ORDER BY tbl")
                                  : db_prepare(r->db, "SELECT DISTINCT actor FROM audit ORDER BY actor");
        html_printf(&r->out, "<div class=\"form-group\"><label class=\"label\" for=\"f-%s\">%s</label><select class=\"select\" id=\"f-%s\" name=\"%s\">"
                             "<option value=\"\">All</option>",
                    names[f], labels[f], names[f], names[f]);
        while (sqlite3_step(st) == SQLITE_ROW)
            html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", db_text(st, 0), current[f] && strcmp(current[f], db_text(st, 0)) == 0 ? " selected" : "",
                        db_text(st, 0));
        sqlite3_finalize(st);
        html_lit(&r->out, "</select></div>");
    }
    html_lit(&r->out, "<button type=\"submit\" class=\"button button-secondary\">Show</button></form>\n");
}

void page_audit(Req *r)
{
    const char *table = req_param(r, "table");
    long long id = req_param_id(r, "id");
    page_begin(r, "Audit trail", "audit");
    long long n = 0;
    Buf report = {0};
    bool intact = audit_verify(r->db, &n, &report);
    char count[32];
    fmt_thousands(count, sizeof count, n);
    char head[65];
    long long head_id = audit_head(r->db, head);
    if (intact) {
        html_printf(&r->out, "<h1>Audit trail</h1>\n<p class=\"audit-state ok\">The trail is intact: %s entries, each chained to the one before by SHA-256.</p>\n", count);
        if (head_id)
            html_printf(&r->out, "<p>Its head is <code class=\"anchor\">%lld:%s</code>. Recorded outside assure, it lets "
                                 "<code>assure audit verify --anchor</code> prove later that nothing up to it was rewritten.</p>\n", head_id, head);
    } else
        html_printf(&r->out, "<h1>Audit trail</h1>\n<p class=\"audit-state broken\" role=\"alert\"><strong>The trail has been tampered with:</strong> %s</p>\n", buf_cstr(&report));
    buf_free(&report);
    const char *actor = req_param(r, "actor");
    long long before = req_param_id(r, "before");
    if (table && !*table) table = NULL;
    if (actor && !*actor) actor = NULL;
    if (id < 0) id = 0;
    if (before < 0) before = 0;
    if (table && id > 0) {
        html_printf(&r->out, "<p>The history of %s %lld, newest first. <a href=\"/audit\">All changes</a></p>\n", table, id);
    } else {
        html_lit(&r->out, "<p>Changes, newest first, 200 to a page. Each links to its record's whole history.</p>\n");
        filter_form(r, table, actor);
    }
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, at, actor, action, tbl, row_id, json_extract(coalesce(after, before), '$.marking'), before, after FROM audit"
                                         " WHERE (?1 IS NULL OR tbl = ?1) AND (?2 = 0 OR row_id = ?2) AND (?3 IS NULL OR actor = ?3) AND (?4 = 0 OR id < ?4)"
                                         " ORDER BY id DESC LIMIT 200");
    if (table) sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, id);
    if (actor) sqlite3_bind_text(st, 3, actor, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, before);
    int rows = 0;
    long long last = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        rows++;
        last = sqlite3_column_int64(st, 0);
        const char *marking = sqlite3_column_type(st, 6) == SQLITE_NULL ? "OFFICIAL" : db_text(st, 6);
        html_printf(&r->out, "<section class=\"card audit-entry\"><h2>Entry %lld: %s of <a href=\"/audit?table=%s&amp;id=%lld\">%s %lld</a></h2>\n"
                             "<p>%s by <strong>%s</strong></p>\n",
                    (long long)sqlite3_column_int64(st, 0), db_text(st, 3), db_text(st, 4), (long long)sqlite3_column_int64(st, 5), db_text(st, 4),
                    (long long)sqlite3_column_int64(st, 5), db_text(st, 1), db_text(st, 2));
        if (req_sees(r, marking))
            entry_fields(r, db_text(st, 3), sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL : db_text(st, 7),
                         sqlite3_column_type(st, 8) == SQLITE_NULL ? NULL : db_text(st, 8));
        else html_lit(&r->out, "<p>This record is marked OFFICIAL-SENSITIVE: its values are shown only to roles that may see sensitive records.</p>\n");
        html_lit(&r->out, "</section>\n");
    }
    sqlite3_finalize(st);
    if (!rows) html_lit(&r->out, "<p>No changes are recorded for this.</p>\n");
    if (rows == 200 && last > 1) {
        Buf q = {0};
        buf_printf(&q, "/audit?before=%lld", last);
        if (table) buf_printf(&q, "&table=%s", url_arg(&r->arena, table));
        if (id > 0) buf_printf(&q, "&id=%lld", id);
        if (actor) buf_printf(&q, "&actor=%s", url_arg(&r->arena, actor));
        html_printf(&r->out, "<p><a class=\"link\" href=\"%s\">Older changes</a></p>\n", buf_cstr(&q));
        buf_free(&q);
    }
    page_end(r);
}
