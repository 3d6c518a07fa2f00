/*
 * auth.c: users, password hashing, sessions and sign-in throttling (see
 * auth.h). All cryptography is libsodium's; all SQL is literal.
 */
#include "auth.h"
#include "db.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Runs sodium_init(); called once through pthread_once. */
static void sodium_once(void)
{
    if (sodium_init() < 0) die("cannot initialise libsodium");
}

void auth_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, sodium_once);
}

/* A hash of a random password, verified against when the login does not
 * exist so that an unknown login costs as much time as a wrong password.
 * Written once by dummy_once, read-only afterwards. */
static char dummy_hash[crypto_pwhash_STRBYTES];

/* Computes dummy_hash; called once through pthread_once. */
static void dummy_once(void)
{
    unsigned char pw[16];
    randombytes_buf(pw, sizeof pw);
    if (crypto_pwhash_str(dummy_hash, (const char *)pw, sizeof pw, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        die("out of memory hashing a password");
}

bool auth_login_valid(const char *login)
{
    size_t n = strlen(login);
    if (n < 1 || n > 64) return false;
    return strspn(login, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._@-") == n;
}

/* The number of UTF-8 characters in s (bytes that are not continuations). */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

/* True when the role exists; otherwise false with the roles there are. */
static bool role_exists(sqlite3 *db, const char *role, char *err, size_t errlen)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM role WHERE name=?1");
    sqlite3_bind_text(st, 1, role, -1, SQLITE_STATIC);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (!ok) {
        st = db_prepare(db, "SELECT group_concat(name, ', ') FROM (SELECT name FROM role ORDER BY name)");
        sqlite3_step(st);
        snprintf(err, errlen, "no role named '%.64s' (roles: %.400s)", role, db_text(st, 0));
        sqlite3_finalize(st);
    }
    return ok;
}

/* True when the password is long enough and not too long. */
static bool password_ok(const char *password, char *err, size_t errlen)
{
    if (utf8_chars(password) < AUTH_MIN_PASSWORD) {
        snprintf(err, errlen, "the password must be at least %d characters", AUTH_MIN_PASSWORD);
        return false;
    }
    if (strlen(password) > AUTH_MAX_PASSWORD) {
        snprintf(err, errlen, "the password must be at most %d bytes", AUTH_MAX_PASSWORD);
        return false;
    }
    return true;
}

/* Hashes a password (Argon2id) into out; false when out of memory. */
static bool hash_password(const char *password, char out[crypto_pwhash_STRBYTES])
{
    return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
}

bool auth_user_add(sqlite3 *db, const char *login, const char *role, const char *password, char *err, size_t errlen)
{
    auth_init();
    if (!auth_login_valid(login)) {
        snprintf(err, errlen, "login '%.64s' is not valid: use 1 to 64 letters, digits or . _ @ -", login);
        return false;
    }
    if (!role_exists(db, role, err, errlen) || !password_ok(password, err, errlen)) return false;
    sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM user WHERE login=?1");
    sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
    bool taken = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (taken) {
        snprintf(err, errlen, "a user named '%s' already exists", login);
        return false;
    }
    char hash[crypto_pwhash_STRBYTES];
    if (!hash_password(password, hash)) {
        snprintf(err, errlen, "out of memory hashing the password");
        return false;
    }
    char now[32];
    now_iso(now);
    st = db_prepare(db, "INSERT INTO user(login, role, pw_hash, created_at, pw_changed_at) VALUES(?1, ?2, ?3, ?4, ?4)");
    sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
    bool ok = db_step_done(st);
    sqlite3_finalize(st);
    sodium_memzero(hash, sizeof hash);
    if (!ok) snprintf(err, errlen, "a user named '%s' already exists", login);
    return ok;
}

bool auth_user_change(sqlite3 *db, const char *login, const UserChange *c, char *err, size_t errlen)
{
    auth_init();
    sqlite3_stmt *st = db_prepare(db, "SELECT id FROM user WHERE login=?1");
    sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
    long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (!id) {
        snprintf(err, errlen, "there is no user named '%.64s'", login);
        return false;
    }
    if (c->role && !role_exists(db, c->role, err, errlen)) return false;
    if (c->password && !password_ok(c->password, err, errlen)) return false;
    if (c->disabled < -1 || c->disabled > 1) {
        snprintf(err, errlen, "disabled must be 0 or 1");
        return false;
    }
    /* Would anyone enabled still manage users? Counted as if changed. */
    st = db_prepare(db, "SELECT count(*) FROM user u JOIN role ro ON ro.name = CASE WHEN u.id=?1 AND ?2 IS NOT NULL THEN ?2 ELSE u.role END"
                        " WHERE instr(ro.caps, 'u') > 0 AND (CASE WHEN u.id=?1 AND ?3 >= 0 THEN ?3 ELSE u.disabled END) = 0");
    sqlite3_bind_int64(st, 1, id);
    if (c->role) sqlite3_bind_text(st, 2, c->role, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, c->disabled);
    sqlite3_step(st);
    int managers = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (managers == 0) {
        snprintf(err, errlen, "%.64s is the last enabled user who can manage users; give another user that role first", login);
        return false;
    }
    char hash[crypto_pwhash_STRBYTES] = "";
    if (c->password && !hash_password(c->password, hash)) {
        snprintf(err, errlen, "out of memory hashing the password");
        return false;
    }
    char now[32];
    now_iso(now);
    st = db_prepare(db, "UPDATE user SET role=coalesce(?2, role), disabled=CASE WHEN ?3 >= 0 THEN ?3 ELSE disabled END,"
                        " pw_hash=CASE WHEN ?4 <> '' THEN ?4 ELSE pw_hash END, pw_changed_at=CASE WHEN ?4 <> '' THEN ?5 ELSE pw_changed_at END WHERE id=?1");
    sqlite3_bind_int64(st, 1, id);
    if (c->role) sqlite3_bind_text(st, 2, c->role, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, c->disabled);
    sqlite3_bind_text(st, 4, hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    bool ok = db_step_done(st);
    sqlite3_finalize(st);
    sodium_memzero(hash, sizeof hash);
    if (ok && (c->password || c->disabled == 1)) {
        st = db_prepare(db, "DELETE FROM session WHERE user_id=?1");
        sqlite3_bind_int64(st, 1, id);
        ok = db_step_done(st);
        sqlite3_finalize(st);
    }
    if (!ok) snprintf(err, errlen, "the change could not be saved: %s", sqlite3_errmsg(db));
    return ok;
}

AuthResult auth_check_login(sqlite3 *db, const char *login, const char *password, long long *user_id, int *wait_minutes)
{
    auth_init();
    long long now = (long long)time(NULL);
    *user_id = 0;
    *wait_minutes = 0;
    bool valid = auth_login_valid(login);

    /* Throttle: the 5th most recent failure inside the window decides when
     * the name may try again. */
    if (valid) {
        sqlite3_stmt *st = db_prepare(db, "SELECT at FROM login_failure WHERE login=?1 AND at>?2 ORDER BY at DESC LIMIT 1 OFFSET ?3");
        sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, now - AUTH_FAILURE_WINDOW);
        sqlite3_bind_int(st, 3, AUTH_MAX_FAILURES - 1);
        if (sqlite3_step(st) == SQLITE_ROW) {
            long long until = sqlite3_column_int64(st, 0) + AUTH_FAILURE_WINDOW;
            long long mins = (until - now + 59) / 60;
            *wait_minutes = mins < 1 ? 1 : (int)mins;
            sqlite3_finalize(st);
            return AUTH_THROTTLED;
        }
        sqlite3_finalize(st);
    }

    long long id = 0;
    char hash[crypto_pwhash_STRBYTES] = {0};
    if (valid) {
        sqlite3_stmt *st = db_prepare(db, "SELECT id, pw_hash FROM user WHERE login=?1 AND disabled=0");
        sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            id = sqlite3_column_int64(st, 0);
            snprintf(hash, sizeof hash, "%s", db_text(st, 1));
        }
        sqlite3_finalize(st);
    }
    bool ok;
    size_t plen = strlen(password);
    if (id) {
        ok = plen <= AUTH_MAX_PASSWORD && crypto_pwhash_str_verify(hash, password, plen) == 0;
    } else {
        static pthread_once_t once = PTHREAD_ONCE_INIT;
        pthread_once(&once, dummy_once);
        /* The result does not matter, only the time spent. */
        int spent = crypto_pwhash_str_verify(dummy_hash, password, plen > AUTH_MAX_PASSWORD ? AUTH_MAX_PASSWORD : plen);
        (void)spent;
        ok = false;
    }
    sodium_memzero(hash, sizeof hash);

    if (ok) {
        sqlite3_stmt *st = db_prepare(db, "DELETE FROM login_failure WHERE login=?1 OR at<=?2");
        sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, now - AUTH_FAILURE_WINDOW);
        db_step_done(st);
        sqlite3_finalize(st);
        *user_id = id;
        return AUTH_OK;
    }
    if (valid) {
        sqlite3_stmt *st = db_prepare(db, "INSERT INTO login_failure(login, at) VALUES(?1, ?2)");
        sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, now);
        db_step_done(st);
        sqlite3_finalize(st);
        st = db_prepare(db, "DELETE FROM login_failure WHERE at<=?1");
        sqlite3_bind_int64(st, 1, now - AUTH_FAILURE_WINDOW);
        db_step_done(st);
        sqlite3_finalize(st);
    }
    return AUTH_WRONG;
}

/* Writes the SHA-256 of token as 64 hex digits into out. */
static void token_hash(const char *token, char out[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
    sodium_bin2hex(out, 65, h, sizeof h);
}

const char *auth_random_token(Arena *a)
{
    auth_init();
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    char *out = arena_alloc(a, sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING));
    sodium_bin2base64(out, sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING), raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
    return out;
}

bool auth_token_shape(const char *s)
{
    return s && strlen(s) == AUTH_TOKEN_LEN &&
           strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == AUTH_TOKEN_LEN;
}

bool auth_equal(const char *a, const char *b)
{
    if (!a || !b || !*a || !*b) return false;
    size_t n = strlen(a);
    if (strlen(b) != n) return false;
    return sodium_memcmp(a, b, n) == 0;
}

const char *auth_session_create(sqlite3 *db, long long user_id, Arena *a)
{
    long long now = (long long)time(NULL);
    sqlite3_stmt *st = db_prepare(db, "DELETE FROM session WHERE expires_at<=?1");
    sqlite3_bind_int64(st, 1, now);
    db_step_done(st);
    sqlite3_finalize(st);

    const char *token = auth_random_token(a);
    const char *csrf = auth_random_token(a);
    char hash[65];
    token_hash(token, hash);
    st = db_prepare(db, "INSERT INTO session(token_hash, user_id, csrf, created_at, expires_at) VALUES(?1, ?2, ?3, ?4, ?5)");
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, user_id);
    sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, now);
    sqlite3_bind_int64(st, 5, now + AUTH_SESSION_SECONDS);
    db_step_done(st);
    sqlite3_finalize(st);
    return token;
}

bool auth_session_load(Req *r)
{
    const char *token = req_cookie(r, AUTH_SESSION_COOKIE);
    if (!r->db || !auth_token_shape(token)) return false;
    auth_init();
    char hash[65];
    token_hash(token, hash);
    sqlite3_stmt *st = db_prepare(r->db,
        "SELECT u.id, u.login, u.role, ro.caps, s.csrf FROM session s"
        " JOIN user u ON u.id=s.user_id JOIN role ro ON ro.name=u.role"
        " WHERE s.token_hash=?1 AND s.expires_at>?2 AND u.disabled=0");
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (long long)time(NULL));
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        r->user.id = sqlite3_column_int64(st, 0);
        r->user.login = arena_strdup(&r->arena, db_text(st, 1));
        r->user.role = arena_strdup(&r->arena, db_text(st, 2));
        r->user.caps = arena_strdup(&r->arena, db_text(st, 3));
        r->csrf = arena_strdup(&r->arena, db_text(st, 4));
    }
    sqlite3_finalize(st);
    return found;
}

void auth_session_delete(sqlite3 *db, const char *token)
{
    if (!auth_token_shape(token)) return;
    auth_init();
    char hash[65];
    token_hash(token, hash);
    sqlite3_stmt *st = db_prepare(db, "DELETE FROM session WHERE token_hash=?1");
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    db_step_done(st);
    sqlite3_finalize(st);
}
