/*
 * db.c: opening, migrating and querying the store (see db.h).
 */
#include "db.h"
#include "audit.h"
#include "embedded.h"
#include "forces.h"
#include "measure_def.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const EmbeddedFile *embedded_find(const char *name)
{
    for (const EmbeddedFile *f = embedded_files; f->name; f++)
        if (strcmp(f->name, name) == 0) return f;
    return NULL;
}

/* Returns the embedded migration numbered `version` (1-based), or NULL. */
static const EmbeddedFile *migration(int version)
{
    char prefix[32];
    snprintf(prefix, sizeof prefix, "sql/%03d_", version);
    for (const EmbeddedFile *f = embedded_files; f->name; f++)
        if (strncmp(f->name, prefix, strlen(prefix)) == 0) return f;
    return NULL;
}

int db_schema_version(void)
{
    int v = 0;
    while (migration(v + 1)) v++;
    return v;
}

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *st = db_prepare(db, "PRAGMA user_version");
    int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return v;
}

bool db_migrate_to(sqlite3 *db, int target, char *err, size_t errlen)
{
    int v = user_version(db);
    if (v > db_schema_version()) {
        snprintf(err, errlen, "the database is at schema version %d, newer than this program (%d); use a newer assure", v, db_schema_version());
        return false;
    }
    while (v < target) {
        const EmbeddedFile *m = migration(v + 1);
        if (!m) break;
        char *msg = NULL;
        /* Migration text is embedded in the binary, never user input. */
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(db, m->data, NULL, NULL, &msg) != SQLITE_OK) {
            snprintf(err, errlen, "migration %s failed: %s", m->name, msg ? msg : "?");
            sqlite3_free(msg);
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return false;
        }
        v++;
        if (v == 1 && !forces_load_reference(db, err, errlen)) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return false;
        }
        char pragma[48];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v);
        /* The only SQL text built at run time: an integer we formatted. */
        if (sqlite3_exec(db, pragma, NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK) {
            snprintf(err, errlen, "migration %s failed: %s", m->name, msg ? msg : "?");
            sqlite3_free(msg);
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return false;
        }
    }
    return true;
}

sqlite3 *db_try_open(const char *path, bool create, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        if (!create && db && sqlite3_errcode(db) == SQLITE_CANTOPEN)
            snprintf(err, errlen, "cannot open database %s: no such file (create it with 'assure init --db %s')", path, path);
        else
            snprintf(err, errlen, "cannot open database %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_extended_result_codes(db, 1);
    audit_register(db);
    char *msg = NULL;
    if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL", NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, errlen, "cannot use database %s: %s", path, msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        sqlite3_close(db);
        return NULL;
    }
    if (user_version(db) != db_schema_version() && !db_migrate_to(db, db_schema_version(), err, errlen)) {
        sqlite3_close(db);
        return NULL;
    }
    /* the shipped measure definitions, when this binary brings new ones */
    mdefs_sync_builtin(db);
    return db;
}

sqlite3 *db_open(const char *path, bool create)
{
    char err[512];
    sqlite3 *db = db_try_open(path, create, err, sizeof err);
    if (!db) die("%s", err);
    return db;
}

sqlite3 *db_open_reader(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        die("cannot open database %s to read: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_busy_timeout(db, 10000);
    audit_register(db);
    return db;
}

void db_close(sqlite3 *db)
{
    if (!db) return;
    sqlite3_stmt *st = sqlite3_next_stmt(db, NULL);
    if (st) {
        /* A statement still open here is a bug: name it loudly in tests. */
        fprintf(stderr, "assure: internal error: unfinalized statement: %s\n", sqlite3_sql(st));
        if (getenv("ASSURE_STRICT")) abort();
    }
    sqlite3_close_v2(db);
}

sqlite3_stmt *db_prepare_(sqlite3 *db, const char *sql, const char *file, int line)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "assure: internal error at %s:%d: cannot prepare [%s]: %s\n", file, line, sql, sqlite3_errmsg(db));
        abort();
    }
    return st;
}

void db_exec_(sqlite3 *db, const char *sql, const char *file, int line)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "assure: internal error at %s:%d: [%s]: %s\n", file, line, sql, msg ? msg : "?");
        abort();
    }
}

bool db_step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
    if ((rc & 0xff) == SQLITE_CONSTRAINT) return false;
    sqlite3 *db = sqlite3_db_handle(st);
    fprintf(stderr, "assure: database error in [%s]: %s\n", sqlite3_sql(st), sqlite3_errmsg(db));
    abort();
}

const char *db_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

const char *db_setting(sqlite3 *db, const char *key, const char *dflt, Arena *a)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT value FROM setting WHERE key=?1");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    const char *v = dflt;
    if (sqlite3_step(st) == SQLITE_ROW) v = arena_strdup(a, db_text(st, 0));
    sqlite3_finalize(st);
    return v;
}

void db_setting_set(sqlite3 *db, const char *key, const char *value)
{
    /* a setting (the office's force) may change what measures show */
    if (strcmp(key, "builtin_measures") != 0) db_bump_generation(db);
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO setting(key,value) VALUES(?1,?2) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    db_step_done(st);
    sqlite3_finalize(st);
}

long long db_generation(sqlite3 *db)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT CAST(value AS INTEGER) FROM setting WHERE key='generation'");
    long long g = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return g;
}

void db_bump_generation(sqlite3 *db)
{
    db_exec(db, "INSERT INTO setting(key,value) VALUES('generation','1')"
                " ON CONFLICT(key) DO UPDATE SET value=CAST(value AS INTEGER)+1");
}

/* Authorizer for read-only mode: allow reads, deny anything that writes. */
static int readonly_auth(void *ctx, int action, const char *a, const char *b, const char *c, const char *d)
{
    (void)ctx, (void)a, (void)b, (void)c, (void)d;
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_FUNCTION:
    case SQLITE_PRAGMA:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    case SQLITE_TRANSACTION:
        return SQLITE_OK;
    default:
        return SQLITE_DENY;
    }
}

void db_set_readonly(sqlite3 *db, bool on)
{
    sqlite3_set_authorizer(db, on ? readonly_auth : NULL, NULL);
}
