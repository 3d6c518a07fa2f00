/*
 * auth.h: users, passwords, sessions and sign-in throttling.
 *
 * Passwords are hashed with libsodium's crypto_pwhash_str (Argon2id, the
 * interactive limits). A session is 32 random bytes, base64url-encoded in
 * the cookie AUTH_SESSION_COOKIE; the database keeps only the SHA-256 (hex)
 * of the token, with a per-session CSRF token and an expiry 8 hours after
 * sign-in. After AUTH_MAX_FAILURES failed sign-ins for one login name within
 * AUTH_FAILURE_WINDOW seconds, further attempts for that name are refused
 * until the window has passed; a successful sign-in clears the record.
 *
 * Capability letters and roles: see web.h (CAP_*) and the role table.
 */
#ifndef ASSURE_AUTH_H
#define ASSURE_AUTH_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "web.h"

#define AUTH_SESSION_COOKIE "assure_session"       /* the session token */
#define AUTH_LOGIN_CSRF_COOKIE "assure_login_csrf" /* double-submit token of the sign-in form */
#define AUTH_SESSION_SECONDS (8 * 3600)            /* session lifetime */
#define AUTH_COOKIE_ATTRS "HttpOnly; SameSite=Strict" /* of every cookie we set */
#define AUTH_MAX_FAILURES 5                        /* failed sign-ins before refusal */
#define AUTH_FAILURE_WINDOW (15 * 60)              /* seconds the failures count */
#define AUTH_MIN_PASSWORD 10                       /* characters */
#define AUTH_MAX_PASSWORD 1024                     /* bytes; longer is refused */
#define AUTH_TOKEN_LEN 43                          /* base64url of 32 bytes, no padding */

/* Initialises libsodium once per process (thread-safe); dies if it cannot. */
void auth_init(void);

/* True when login is 1-64 characters of [A-Za-z0-9._@-]. */
bool auth_login_valid(const char *login);

/* Adds a user with that role (which must exist) and password (at least
 * AUTH_MIN_PASSWORD characters). Returns false with a message in err when
 * the login is malformed or taken, the role unknown or the password short. */
bool auth_user_add(sqlite3 *db, const char *login, const char *role, const char *password, char *err, size_t errlen);

/* What auth_user_change changes; NULL / -1 keep the current value. */
typedef struct UserChange {
    const char *role;     /* a role that exists */
    int disabled;         /* 1 disable (ends the user's sessions), 0 enable */
    const char *password; /* a new password (ends the user's sessions) */
} UserChange;

/* Changes user `login` (in the caller's transaction). Returns false with a
 * message in err, changing nothing, when there is no such user, the role
 * does not exist, the password is too short or too long, or the change
 * would leave no enabled user able to manage users (capability u). */
bool auth_user_change(sqlite3 *db, const char *login, const UserChange *c, char *err, size_t errlen);

/* The outcome of a sign-in attempt. */
typedef enum AuthResult {
    AUTH_OK,        /* right password; failures cleared */
    AUTH_WRONG,     /* unknown login, disabled user or wrong password; recorded */
    AUTH_THROTTLED, /* too many recent failures; the password was not checked */
} AuthResult;

/* Checks a sign-in attempt, throttling by login name. On AUTH_OK *user_id
 * is the user; on AUTH_THROTTLED *wait_minutes says how long until the
 * window passes. Spends about the same time whether or not the login
 * exists. Writes to the database (failures), so only for POST. */
AuthResult auth_check_login(sqlite3 *db, const char *login, const char *password, long long *user_id, int *wait_minutes);

/* Starts a session for user_id (and deletes expired sessions). Returns the
 * token for the cookie, allocated in a. */
const char *auth_session_create(sqlite3 *db, long long user_id, Arena *a);

/* Loads the user of the session named by the request's cookie into
 * r->user and the session's CSRF token into r->csrf (both in r->arena).
 * Returns false (r untouched) when there is no live session. Read-only. */
bool auth_session_load(Req *r);

/* Deletes the session whose token is given (no-op when there is none). */
void auth_session_delete(sqlite3 *db, const char *token);

/* A fresh random token (32 bytes, base64url), allocated in a. */
const char *auth_random_token(Arena *a);

/* True when s has the shape of a token (AUTH_TOKEN_LEN base64url chars). */
bool auth_token_shape(const char *s);

/* Compares two strings in time independent of where they differ. False
 * when either is NULL or empty. */
bool auth_equal(const char *a, const char *b);

#endif
