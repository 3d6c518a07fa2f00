/*
 * page_audit.c: /audit: the audit trail. With ?table=T&id=N, one record's
 * history (who changed what, when, each field before and after); without,
 * the latest changes everywhere. The chain is verified on every view and
 * its state shown at the top. Values of OFFICIAL-SENSITIVE records are
 * withheld from users without CAP_SENSITIVE.
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
    if (table && id > 0) html_printf(&r->out, "<p>The history of %s %lld, newest first. <a href=\"/audit\">All changes</a></p>\n", table, id);
    else html_lit(&r->out, "<p>The latest 200 changes, newest first. Each links to its record's whole history.</p>\n");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, at, actor, action, tbl, row_id, json_extract(coalesce(after, before), '$.marking'), before, after FROM audit"
                                         " WHERE (?1 IS NULL OR (tbl = ?1 AND row_id = ?2)) ORDER BY id DESC LIMIT 200");
    if (table && id > 0) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, id);
    }
    int rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        rows++;
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
    page_end(r);
}
