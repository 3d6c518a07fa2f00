/*
 * cmd_audit.c: `assure audit verify [--anchor ENTRY:HASH]` (the hash chain,
 * entry by entry, and a head recorded earlier) and
 * `assure audit log [--table T] [--id N]` (the trail, newest first).
 */
#include "audit.h"
#include "commands.h"
#include "db.h"

#include <stdio.h>
#include <string.h>

int cmd_audit(Opts *o)
{
    static const char usage[] = "usage: assure audit [--db FILE] verify [--anchor ENTRY:HASH] | log [--table T [--id N]]";
    if (o->nargs != 1) die("audit: %s", usage);
    sqlite3 *db = db_open(opts_db(o), false);
    int rc = 0;
    if (strcmp(o->args[0], "verify") == 0) {
        long long n = 0;
        Buf report = {0};
        bool intact = audit_verify(db, &n, &report);
        if (intact && o->anchor) intact = audit_check_anchor(db, o->anchor, &report);
        if (intact) {
            char hash[65];
            long long head = audit_head(db, hash);
            printf("audit trail intact: %lld entries, each chained to the one before%s\n", n, o->anchor ? ", and the anchor is unchanged" : "");
            if (head)
                printf("head: %lld:%s\n(record the head outside this database; `assure audit verify --anchor %lld:%s` later proves the trail up to it was not rewritten)\n",
                       head, hash, head, hash);
        } else {
            fprintf(stderr, "assure: audit trail BROKEN after checking %lld entries: %s\n", n, buf_cstr(&report));
            rc = 1;
        }
        buf_free(&report);
    } else if (strcmp(o->args[0], "log") == 0) {
        if (o->anchor) die("audit: --anchor goes with verify");
        sqlite3_stmt *st = db_prepare(db, "SELECT id, at, actor, action, tbl, row_id, coalesce(after, before) FROM audit"
                                          " WHERE (?1 IS NULL OR tbl = ?1) AND (?2 = 0 OR row_id = ?2) ORDER BY id DESC");
        if (o->table) sqlite3_bind_text(st, 1, o->table, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, o->id);
        while (sqlite3_step(st) == SQLITE_ROW)
            printf("%lld\t%s\t%s\t%s\t%s\t%lld\t%s\n", sqlite3_column_int64(st, 0), db_text(st, 1), db_text(st, 2), db_text(st, 3), db_text(st, 4),
                   sqlite3_column_int64(st, 5), db_text(st, 6));
        sqlite3_finalize(st);
    } else {
        die("audit: unknown action '%s'; %s", o->args[0], usage);
    }
    db_close(db);
    return rc;
}
