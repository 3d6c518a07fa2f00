/*
 * test_hostile.c: hostile strings pushed through every page parameter and
 * form field, for every route, through the real dispatcher (req_run, the
 * path both the server and `assure test-http` take) on a real demo
 * database, signed in as the administrator. Every reply must be a proper
 * status (never a crash: this runs under ASan/UBSan), carry the
 * Content-Security-Policy, never echo markup unescaped, and leave the
 * database as it was.
 */
#include "helpers.h"

#include "auth.h"
#include "db.h"
#include "demo.h"
#include "req.h"
#include "web.h"

static const char *const hostile[] = {
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "' OR 1=1 --",
    "'; DROP TABLE force; --",
    "%00",                 /* NUL */
    "a%00b",
    "%FF%FE",              /* invalid UTF-8 */
    "%C0%AF",              /* overlong UTF-8 */
    "%E2%80%AE",           /* right-to-left override */
    "../../../../etc/passwd",
    "javascript:alert(1)",
    "//evil.example/",
    "2025/26 Q9",
    "9999-99",
    "-1",
    "",
    "%",
    "%%41",
};

/* Every parameter any page reads, and one no page reads. */
static const char *const params[] = {"force", "period", "key", "next", "saved", "action", "peer", "login", "password", "csrf", "window", "area", "spec", "note", "zz"};

typedef struct Ctx {
    char *dir;
    char path[4096];
    sqlite3 *db;
    char cookie[256];
    char csrf[128];
} Ctx;

static long long fingerprint(sqlite3 *db)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT count(*) FROM force)*1000003 + (SELECT count(*) FROM force_alias)*7919"
                                      " + (SELECT count(*) FROM peer)*131 + (SELECT count(*) FROM user)*17"
                                      " + (SELECT coalesce(sum(length(value)),0) FROM setting)*3 + (SELECT count(*) FROM import)");
    long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

static int setup(void **state)
{
    Ctx *c = calloc(1, sizeof *c);
    c->dir = tmpdir_new();
    snprintf(c->path, sizeof c->path, "%s/h.db", c->dir);
    c->db = db_open(c->path, true);
    db_exec(c->db, "BEGIN");
    demo_populate(c->db);
    db_exec(c->db, "COMMIT");
    sqlite3_stmt *st = db_prepare(c->db, "SELECT id FROM user WHERE login='admin'");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long uid = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    Arena a = {0};
    const char *token = auth_session_create(c->db, uid, &a);
    assert_non_null(token);
    snprintf(c->cookie, sizeof c->cookie, "assure_session=%s", token);
    arena_free(&a);
    st = db_prepare(c->db, "SELECT csrf FROM session");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(c->csrf, sizeof c->csrf, "%s", db_text(st, 0));
    sqlite3_finalize(st);
    *state = c;
    return 0;
}

static int teardown(void **state)
{
    Ctx *c = *state;
    db_close(c->db);
    free(c->dir);
    free(c);
    return 0;
}

/* Runs one request and checks the reply; returns the status. */
static int request(Ctx *c, const char *method, const char *target, const char *body)
{
    Req r;
    req_init(&r, c->db, c->path);
    RawRequest raw = {.method = method, .target = target, .cookie = c->cookie, .remote = "127.0.0.1",
                      .content_type = body ? "application/x-www-form-urlencoded" : NULL, .body = body, .body_len = body ? strlen(body) : 0};
    req_run(&r, &raw);
    Buf reply = {0};
    web_reply_text(&r, &reply);
    const char *t = buf_cstr(&reply);
    int status = r.status;
    static const int allowed[] = {200, 303, 304, 400, 401, 403, 404, 405, 413, 414, 429};
    bool ok = false;
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) ok |= status == allowed[i];
    if (!ok) fail_msg("%s %s -> status %d", method, target, status);
    if (!strstr(t, "Content-Security-Policy: default-src 'none'")) fail_msg("%s %s: no CSP header", method, target);
    if (strstr(t, "<script>alert") || strstr(t, "<img src=x") || strstr(t, "<svg onload"))
        fail_msg("%s %s: hostile markup reflected raw", method, target);
    buf_free(&reply);
    req_free(&r);
    return status;
}

/* Percent-encodes a hostile value for a query string, keeping the
 * deliberate %-sequences (NUL, invalid UTF-8) as they are. */
static void encode(char *out, size_t n, const char *v)
{
    size_t j = 0;
    for (const char *p = v; *p && j + 4 < n; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '%' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '/') {
            out[j++] = (char)ch;
        } else {
            snprintf(out + j, n - j, "%%%02X", ch);
            j += 3;
        }
    }
    out[j] = 0;
}

static void test_every_get_parameter(void **state)
{
    Ctx *c = *state;
    long long before = fingerprint(c->db);
    int n = 0;
    for (int ri = 0; ri < nroutes; ri++) {
        for (size_t pi = 0; pi < sizeof params / sizeof params[0]; pi++) {
            for (size_t hi = 0; hi < sizeof hostile / sizeof hostile[0]; hi++) {
                char enc[512], target[1024];
                encode(enc, sizeof enc, hostile[hi]);
                snprintf(target, sizeof target, "%s?%s=%s", routes[ri].path, params[pi], enc);
                request(c, "GET", target, NULL);
                n++;
            }
        }
        /* the value in the path itself, for prefix routes */
        for (size_t hi = 0; hi < sizeof hostile / sizeof hostile[0]; hi++) {
            char enc[512], target[1024];
            encode(enc, sizeof enc, hostile[hi]);
            snprintf(target, sizeof target, "%s%s", routes[ri].path, enc);
            request(c, "GET", target, NULL);
        }
    }
    assert_true(n > 1000);
    assert_int_equal(fingerprint(c->db), before);
}

static void test_every_form_field(void **state)
{
    Ctx *c = *state;
    long long before = fingerprint(c->db);
    for (size_t hi = 0; hi < sizeof hostile / sizeof hostile[0]; hi++) {
        char enc[512], body[4096];
        encode(enc, sizeof enc, hostile[hi]);
        /* the forces settings form: every field hostile, with a valid token */
        snprintf(body, sizeof body, "csrf=%s&action=office&force=%s", c->csrf, enc);
        assert_true(request(c, "POST", "/forces", body) >= 400);
        snprintf(body, sizeof body, "csrf=%s&action=peers&peer=%s", c->csrf, enc);
        assert_true(request(c, "POST", "/forces", body) >= 400);
        snprintf(body, sizeof body, "csrf=%s&action=%s", c->csrf, enc);
        assert_true(request(c, "POST", "/forces", body) >= 400);
        /* a hostile token is refused (403, or 400 when not even text) */
        snprintf(body, sizeof body, "csrf=%s&action=office&force=kent", enc);
        assert_true(request(c, "POST", "/forces", body) >= 400);
        /* the sign-in form: hostile login, password and next */
        snprintf(body, sizeof body, "login=%s&password=%s&next=%s&csrf=%s", enc, enc, enc, enc);
        assert_true(request(c, "POST", "/login", body) >= 400);
        snprintf(body, sizeof body, "csrf=%s", enc);
        assert_true(request(c, "POST", "/logout", body) >= 400);
        /* pages that take no form */
        snprintf(body, sizeof body, "csrf=%s&key=%s", c->csrf, enc);
        assert_true(request(c, "POST", "/dashboard", body) >= 400);
        assert_true(request(c, "POST", "/measure", body) >= 400);
        /* the measure editor: a hostile definition and note are refused,
         * and the page that names the mistake escapes what was typed */
        snprintf(body, sizeof body, "csrf=%s&spec=%s&note=%s", c->csrf, enc, enc);
        assert_true(request(c, "POST", "/measure/edit", body) >= 400);
        snprintf(body, sizeof body, "csrf=%s&spec=key%%3A+%s%%0Atitle%%3A+%s%%0Adefinition%%3A+x%%0Abetter%%3A+lower%%0Afact%%3A+crimes%%0Ameasure%%3A+count%%0Awhere%%3A+%s",
                 c->csrf, enc, enc, enc);
        assert_true(request(c, "POST", "/measure/edit", body) >= 400);
    }
    assert_int_equal(fingerprint(c->db), before);
    /* and the same form with good values does change the settings */
    char body[512];
    snprintf(body, sizeof body, "csrf=%s&action=office&force=kent", c->csrf);
    assert_int_equal(request(c, "POST", "/forces", body), 303);
    assert_true(fingerprint(c->db) != before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_get_parameter),
        cmocka_unit_test(test_every_form_field),
    };
    return cmocka_run_group_tests_name("hostile", tests, setup, teardown);
}
