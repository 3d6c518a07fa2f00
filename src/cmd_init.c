/*
 * cmd_init.c: `assure init [--db FILE] [--demo] [--force NAME]`: creates a
 * database at the newest schema; --demo fills it with the deterministic demo
 * office (demo.c); --force sets the office's own force.
 */
#include "commands.h"
#include "db.h"
#include "demo.h"
#include "forces.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int cmd_init(Opts *o)
{
    const char *path = opts_db(o);
    struct stat st;
    bool existed = stat(path, &st) == 0;
    if (existed && o->demo) die("init: %s already exists; the demo goes into a new database (remove the file or name another with --db)", path);
    sqlite3 *db = db_open(path, true);
    if (o->force) {
        int id = forces_lookup(db, o->force, strlen(o->force));
        if (!id) die("init: unknown force '%s' ('assure forces' lists them)", o->force);
        sqlite3_stmt *q = db_prepare(db, "SELECT code FROM force WHERE id=?1");
        sqlite3_bind_int(q, 1, id);
        if (sqlite3_step(q) == SQLITE_ROW) db_setting_set(db, "office_force", db_text(q, 0));
        sqlite3_finalize(q);
    }
    if (o->demo) {
        double t0 = mono_seconds();
        /* a new file: write the demo straight into it (a rollback journal
         * has nothing to keep for pages that did not exist), then go back
         * to WAL; a failure leaves a file to delete, never a half office */
        db_exec(db, "PRAGMA journal_mode=DELETE");
        db_exec(db, "PRAGMA cache_size=-65536");
        db_exec(db, "BEGIN IMMEDIATE");
        demo_populate(db);
        db_exec(db, "COMMIT");
        db_exec(db, "PRAGMA journal_mode=WAL");
        printf("created %s with the demo office (%.1f s)\n", path, mono_seconds() - t0);
        printf("demo logins: %s / %s (administrator), %s / %s (read-only)\n", demo_admin_login(), demo_admin_password(),
               demo_viewer_login(), demo_viewer_password());
        db_close(db);
        return 0;
    }
    printf("%s %s (schema version %d)\n", existed ? "opened" : "created", path, db_schema_version());
    db_close(db);
    return 0;
}
