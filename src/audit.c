/*
 * audit.c: the audit trail's SQL functions, its verification (see audit.h).
 */
#include "audit.h"
#include "db.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* assure_actor(): the actor set for this connection (its function's
 * user data, replaced by audit_set_actor). */
static void actor_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc, (void)argv;
    sqlite3_result_text(ctx, sqlite3_user_data(ctx), -1, SQLITE_TRANSIENT);
}

static void feed(crypto_hash_sha256_state *h, const char *s)
{
    char len[24];
    if (!s) {
        crypto_hash_sha256_update(h, (const unsigned char *)"-;", 2);
        return;
    }
    size_t n = strlen(s);
    int k = snprintf(len, sizeof len, "%zu:", n);
    crypto_hash_sha256_update(h, (const unsigned char *)len, (unsigned long long)k);
    crypto_hash_sha256_update(h, (const unsigned char *)s, n);
}

void audit_entry_hash(const char *prev, const char *at, const char *actor, const char *tbl, long long row_id, const char *action, const char *before,
                      const char *after, char out[65])
{
    crypto_hash_sha256_state h;
    crypto_hash_sha256_init(&h);
    char id[24];
    snprintf(id, sizeof id, "%lld", row_id);
    const char *fields[] = {prev ? prev : "", at, actor, tbl, id, action, before, after};
    for (size_t i = 0; i < ARRAY_LEN(fields); i++) feed(&h, fields[i]);
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&h, d);
    sodium_bin2hex(out, 65, d, sizeof d);
}

static const char *text_or_null(sqlite3_value *v)
{
    return sqlite3_value_type(v) == SQLITE_NULL ? NULL : (const char *)sqlite3_value_text(v);
}

/* audit_hash(prev, at, actor, tbl, row_id, action, before, after) */
static void hash_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    char out[65];
    audit_entry_hash(text_or_null(argv[0]), (const char *)sqlite3_value_text(argv[1]), (const char *)sqlite3_value_text(argv[2]),
                     (const char *)sqlite3_value_text(argv[3]), sqlite3_value_int64(argv[4]), (const char *)sqlite3_value_text(argv[5]),
                     text_or_null(argv[6]), text_or_null(argv[7]), out);
    sqlite3_result_text(ctx, out, 64, SQLITE_TRANSIENT);
}

void audit_set_actor(sqlite3 *db, const char *actor)
{
    /* registering again replaces the function and frees the old name */
    sqlite3_create_function_v2(db, "assure_actor", 0, SQLITE_UTF8, xstrdup(actor && *actor ? actor : "system"), actor_fn, NULL, NULL, free);
}

static const char *default_actor = "system";

void audit_set_default_actor(const char *actor)
{
    default_actor = actor;
}

void audit_register(sqlite3 *db)
{
    if (sodium_init() < 0) die("cannot initialise libsodium");
    audit_set_actor(db, default_actor);
    sqlite3_create_function_v2(db, "audit_hash", 8, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, hash_fn, NULL, NULL, NULL);
}

bool audit_verify(sqlite3 *db, long long *entries, Buf *report)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT id, at, actor, tbl, row_id, action, before, after, hash FROM audit ORDER BY id");
    char prev[65] = "";
    long long n = 0, last_id = 0;
    bool ok = true;
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 0);
        const char *before = sqlite3_column_type(st, 6) == SQLITE_NULL ? NULL : db_text(st, 6);
        const char *after = sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL : db_text(st, 7);
        char want[65];
        audit_entry_hash(n ? prev : NULL, db_text(st, 1), db_text(st, 2), db_text(st, 3), sqlite3_column_int64(st, 4), db_text(st, 5), before, after, want);
        if (id != last_id + 1) {
            buf_printf(report, "entry %lld follows entry %lld: entries %lld to %lld have been deleted", id, last_id, last_id + 1, id - 1);
            ok = false;
        } else if (strcmp(want, db_text(st, 8)) != 0) {
            buf_printf(report, "entry %lld (%s %s %s row %lld by %s) does not match its hash: it, or the entry before it, has been altered", id, db_text(st, 1),
                       db_text(st, 5), db_text(st, 3), sqlite3_column_int64(st, 4), db_text(st, 2));
            ok = false;
        }
        snprintf(prev, sizeof prev, "%s", db_text(st, 8));
        last_id = id;
        n++;
    }
    sqlite3_finalize(st);
    *entries = n;
    return ok;
}

long long audit_head(sqlite3 *db, char hash[65])
{
    sqlite3_stmt *st = db_prepare(db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    long long id = 0;
    hash[0] = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        snprintf(hash, 65, "%s", db_text(st, 1));
    }
    sqlite3_finalize(st);
    return id;
}

bool audit_check_anchor(sqlite3 *db, const char *anchor, Buf *report)
{
    char *end;
    long long id = strtoll(anchor, &end, 10);
    const char *hash = end + 1;
    size_t hl = *end == ':' ? strlen(hash) : 0;
    bool hex = hl == 64;
    for (size_t i = 0; hex && i < hl; i++) hex = (hash[i] >= '0' && hash[i] <= '9') || (hash[i] >= 'a' && hash[i] <= 'f');
    if (id <= 0 || end == anchor || !hex) {
        buf_printf(report, "cannot read the anchor '%.80s'; expected ENTRY:HASH, an entry number and its 64 hex digits, as `assure audit verify` prints them", anchor);
        return false;
    }
    sqlite3_stmt *st = db_prepare(db, "SELECT hash FROM audit WHERE id=?1");
    sqlite3_bind_int64(st, 1, id);
    bool ok = false;
    if (sqlite3_step(st) != SQLITE_ROW)
        buf_printf(report, "entry %lld, the anchor, is no longer in the trail: the entries from it on have been cut off", id);
    else if (strcmp(db_text(st, 0), hash) != 0)
        buf_printf(report, "entry %lld's hash is not the anchor's: the trail up to it has been rewritten and rehashed", id);
    else
        ok = true;
    sqlite3_finalize(st);
    return ok;
}
