/*
 * db.h: the office's SQLite store.
 *
 * One file per office. The schema lives in the binary (sql/NNN_*.sql) and is
 * migrated forward by PRAGMA user_version when the file is opened. WAL mode
 * and foreign keys are on for every connection.
 *
 * All SQL is literal text: db_prepare() only accepts a string literal (the
 * macro concatenates "" around it, so anything else fails to compile), and
 * values are always bound as parameters.
 */
#ifndef ASSURE_DB_H
#define ASSURE_DB_H

#include <sqlite3.h>
#include <stdbool.h>

#include "util.h"

/* Opens (and creates when `create`) the database at path and migrates it to
 * the newest schema. Dies with a clear message on failure. The caller owns
 * the connection and closes it with db_close(). */
sqlite3 *db_open(const char *path, bool create);
/* Opens without dying: returns NULL and fills err on failure. */
sqlite3 *db_try_open(const char *path, bool create, char *err, size_t errlen);
void db_close(sqlite3 *db);
/* Opens an existing, migrated store read-only (no migration, no writes),
 * for a worker thread reading beside the caller's connection. Dies on
 * failure. */
sqlite3 *db_open_reader(const char *path);

/* The newest schema version this binary knows. */
int db_schema_version(void);
/* Applies migrations until user_version is `target` (tests use this to build
 * an older database). Returns false and fills err on failure. */
bool db_migrate_to(sqlite3 *db, int target, char *err, size_t errlen);

/* Prepares a literal statement; a failure is a programming error and aborts
 * with the SQL and SQLite's message. The caller finalizes the statement. */
#define db_prepare(db, sql) db_prepare_((db), "" sql "", __FILE__, __LINE__)
sqlite3_stmt *db_prepare_(sqlite3 *db, const char *sql, const char *file, int line);

/* Runs literal SQL with no parameters (schema, BEGIN/COMMIT). */
#define db_exec(db, sql) db_exec_((db), "" sql "", __FILE__, __LINE__)
void db_exec_(sqlite3 *db, const char *sql, const char *file, int line);

/* Steps a statement that returns no rows; aborts on an error other than a
 * constraint failure, for which it returns false. Resets the statement. */
bool db_step_done(sqlite3_stmt *st);

/* Text of column i, never NULL (SQL NULL reads as ""). */
const char *db_text(sqlite3_stmt *st, int i);

/* Settings (the `setting` table). db_setting returns a copy in the arena,
 * or `dflt` when the key is absent. */
const char *db_setting(sqlite3 *db, const char *key, const char *dflt, Arena *a);
void db_setting_set(sqlite3 *db, const char *key, const char *value);

/* The generation of everything measures are computed from: imports,
 * definitions, peer groups and the office's force each bump it, so a
 * cache of computed measures knows when it is stale. */
long long db_generation(sqlite3 *db);
void db_bump_generation(sqlite3 *db);

/* Turns a read-only guard on or off: while on, any statement that would
 * write is refused by an authorizer (used for GET requests). */
void db_set_readonly(sqlite3 *db, bool on);

#endif
