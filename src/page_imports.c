/*
 * page_imports.c: /imports: every import with its source files, their
 * SHA-256, row counts, time and user (the provenance of every figure).
 */
#include "db.h"
#include "pages.h"

#include <stdio.h>

void page_imports(Req *r)
{
    page_begin(r, "Imports", "imports");
    html_lit(&r->out, "<h1>Imports</h1>\n<p>Every import into this database, newest first, with the files it read. "
                      "Imports run on the command line: <code>assure import police-uk FILE.zip</code>, <code>assure import home-office-crime FILE</code>.</p>\n");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, kind, started_at, finished_at, user, rows, seconds, summary FROM import ORDER BY id DESC LIMIT 200");
    sqlite3_stmt *files = db_prepare(r->db, "SELECT path, member, sha256, bytes, rows, file_kind FROM import_file WHERE import_id=?1 ORDER BY rowid LIMIT 500");
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        n++;
        char rows[32];
        fmt_thousands(rows, sizeof rows, sqlite3_column_int64(st, 5));
        html_printf(&r->out, "<section class=\"card import\"><h2>Import %lld: %s</h2>\n<dl class=\"summary\">"
                             "<div><dt>When</dt><dd>%s</dd></div><div><dt>By</dt><dd>%s</dd></div><div><dt>Rows</dt><dd>%s in %.2f s</dd></div>"
                             "<div><dt>What changed</dt><dd>%s</dd></div></dl>\n",
                    (long long)sqlite3_column_int64(st, 0), db_text(st, 1), db_text(st, 3), db_text(st, 4), rows, sqlite3_column_double(st, 6), db_text(st, 7));
        sqlite3_bind_int64(files, 1, sqlite3_column_int64(st, 0));
        int nf = 0;
        while (sqlite3_step(files) == SQLITE_ROW) {
            if (nf++ == 0)
                html_lit(&r->out, "<details><summary>Files</summary><table class=\"table files\"><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Kind</th>"
                                  "<th scope=\"col\" class=\"num\">Rows</th><th scope=\"col\" class=\"num\">Bytes</th><th scope=\"col\">SHA-256</th></tr></thead><tbody>\n");
            char fr[32], fb[32];
            fmt_thousands(fr, sizeof fr, sqlite3_column_int64(files, 4));
            fmt_thousands(fb, sizeof fb, sqlite3_column_int64(files, 3));
            const char *member = db_text(files, 1);
            html_printf(&r->out, "<tr><td>%s%s%s</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td><code class=\"hash\">%s</code></td></tr>\n",
                        db_text(files, 0), *member ? " : " : "", member, db_text(files, 5), fr, fb, db_text(files, 2));
        }
        if (nf) html_lit(&r->out, "</tbody></table></details>\n");
        sqlite3_reset(files);
        html_lit(&r->out, "</section>\n");
    }
    sqlite3_finalize(st);
    sqlite3_finalize(files);
    if (!n) html_lit(&r->out, "<p>Nothing has been imported yet.</p>\n");
    page_end(r);
}
