/*
 * test_req.c: the request side of the web layer (req.c), escaping (html.c)
 * and the dispatcher's rules (web.c, auth.c) on an in-memory database.
 *
 * Covers percent-decoding, query and form parsing, cookies, hostile input
 * (NUL, invalid UTF-8, huge values, too many parameters, oversized bodies),
 * html_printf escaping of & < > " ', and whole requests through req_run():
 * status codes, the headers every reply carries, CSRF and capabilities,
 * sign-in, throttling and 304 Not Modified.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "db.h"
#include "html.h"
#include "req.h"

/* ---- UTF-8 and percent-decoding ---- */

static void test_utf8(void **state)
{
    (void)state;
    assert_true(req_utf8_ok("plain ascii", 11));
    assert_true(req_utf8_ok("\xC2\xA3 \xE2\x82\xAC \xF0\x9F\x98\x80", 11)); /* £ € 😀 */
    assert_true(req_utf8_ok("", 0));
    assert_false(req_utf8_ok("a\0b", 3));                  /* NUL */
    assert_false(req_utf8_ok("\x80", 1));                  /* lone continuation */
    assert_false(req_utf8_ok("\xC0\x80", 2));              /* overlong NUL */
    assert_false(req_utf8_ok("\xC1\xBF", 2));              /* overlong */
    assert_false(req_utf8_ok("\xE0\x80\x80", 3));          /* overlong 3-byte */
    assert_false(req_utf8_ok("\xED\xA0\x80", 3));          /* surrogate */
    assert_false(req_utf8_ok("\xF4\x90\x80\x80", 4));      /* above U+10FFFF */
    assert_false(req_utf8_ok("\xF5\x80\x80\x80", 4));      /* F5 lead */
    assert_false(req_utf8_ok("\xC3", 1));                  /* truncated */
    assert_false(req_utf8_ok("\xE2\x82", 2));              /* truncated */
    assert_false(req_utf8_ok("\xFF", 1));
}

/* Decodes s with req_decode into a static-free copy; returns it (arena). */
static const char *dec(Arena *a, const char *s, bool plus, bool *ok)
{
    return req_decode(a, s, strlen(s), plus, ok);
}

static void test_decode(void **state)
{
    (void)state;
    Arena a = {0};
    bool ok;
    assert_string_equal(dec(&a, "a%20b+c", true, &ok), "a b c");
    assert_true(ok);
    assert_string_equal(dec(&a, "a%20b+c", false, &ok), "a b+c");
    assert_string_equal(dec(&a, "%41%42%4a%4A", true, &ok), "ABJJ");
    assert_string_equal(dec(&a, "100%", true, &ok), "100%");
    assert_true(ok);
    assert_string_equal(dec(&a, "%zz%4", true, &ok), "%zz%4");
    assert_true(ok);
    assert_string_equal(dec(&a, "caf%C3%A9", true, &ok), "caf\xC3\xA9");
    assert_true(ok);
    dec(&a, "a%00b", true, &ok);
    assert_false(ok);
    dec(&a, "%C3", true, &ok);
    assert_false(ok);
    dec(&a, "%ED%A0%80", true, &ok);
    assert_false(ok);
    dec(&a, "%FF%FE", true, &ok);
    assert_false(ok);
    arena_free(&a);
}

/* ---- Query strings and forms ---- */

/* A Req with no database, for the parsers. */
static void fresh(Req *r)
{
    req_init(r, NULL, ":memory:");
}

static void test_urlencoded(void **state)
{
    (void)state;
    Req r;
    fresh(&r);
    const char *why = NULL;
    const char *q = "a=1&b=&c&=x&&d=%3Cscript%3E&a=2&sp=x+y%2Bz&e=%E2%82%AC";
    assert_int_equal(req_parse_urlencoded(&r, q, strlen(q), &why), 0);
    assert_string_equal(req_param(&r, "a"), "1"); /* the first wins */
    assert_string_equal(req_param(&r, "b"), "");
    assert_string_equal(req_param(&r, "c"), "");
    assert_string_equal(req_param(&r, "d"), "<script>");
    assert_string_equal(req_param(&r, "sp"), "x y+z");
    assert_string_equal(req_param(&r, "e"), "\xE2\x82\xAC");
    assert_null(req_param(&r, "x"));
    assert_null(req_param(&r, ""));
    assert_int_equal(r.nparams, 7);
    req_free(&r);
}

/* A multipart form: text fields become parameters, a file keeps its
 * bytes (NUL included), name and type; malformed bodies are refused. */
static void test_multipart(void **state)
{
    (void)state;
    Req r;
    fresh(&r);
    const char *why = NULL;
    static const char body[] = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n"
                               "--XyZ\r\nContent-Disposition: form-data; name=\"paper\"; filename=\"a b.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                               "%PDF-\0\r\n--X\r\n--XyZ--\r\n";
    size_t n = sizeof body - 1;
    assert_int_equal(req_parse_multipart(&r, "multipart/form-data; boundary=XyZ", body, n, &why), 0);
    assert_string_equal(req_param(&r, "csrf"), "tok");
    const ReqFile *f = req_file(&r, "paper");
    assert_non_null(f);
    assert_string_equal(f->filename, "a b.pdf");
    assert_string_equal(f->content_type, "application/pdf");
    assert_int_equal(f->len, 11); /* "%PDF-", NUL, CR LF, "--X" */
    assert_memory_equal(f->data, "%PDF-\0\r\n--X", 11);
    assert_null(req_file(&r, "csrf"));
    req_free(&r);
    fresh(&r);
    static const char cut[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed";
    assert_int_equal(req_parse_multipart(&r, "multipart/form-data; boundary=XyZ", cut, sizeof cut - 1, &why), 400);
    assert_int_equal(req_parse_multipart(&r, "multipart/form-data", body, n, &why), 400);
    req_free(&r);
}

static void test_urlencoded_hostile(void **state)
{
    (void)state;
    const char *bad[] = {"a=%00", "a%00=1", "a=%C0%80", "a=%FF", "a=x%ED%A0%80", "%C3=1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Req r;
        fresh(&r);
        const char *why = NULL;
        assert_int_equal(req_parse_urlencoded(&r, bad[i], strlen(bad[i]), &why), 400);
        assert_non_null(why);
        req_free(&r);
    }
    /* A raw NUL byte inside the body (not percent-encoded). */
    Req r;
    fresh(&r);
    const char *why = NULL;
    assert_int_equal(req_parse_urlencoded(&r, "a=x\0y", 5, &why), 400);
    req_free(&r);
}

static void test_param_limit(void **state)
{
    (void)state;
    Buf q = {0};
    for (int i = 0; i < REQ_MAX_PARAMS; i++) buf_printf(&q, "%sp%d=%d", i ? "&" : "", i, i);
    Req r;
    fresh(&r);
    const char *why = NULL;
    assert_int_equal(req_parse_urlencoded(&r, q.s, q.len, &why), 0);
    assert_int_equal(r.nparams, REQ_MAX_PARAMS);
    assert_string_equal(req_param(&r, "p199"), "199");
    req_free(&r);
    buf_puts(&q, "&one=more");
    fresh(&r);
    assert_int_equal(req_parse_urlencoded(&r, q.s, q.len, &why), 400);
    req_free(&r);
    buf_free(&q);
}

static void test_huge_value(void **state)
{
    (void)state;
    size_t n = 900 * 1024;
    char *body = malloc(n + 3);
    memcpy(body, "v=", 2);
    memset(body + 2, 'x', n);
    body[n + 2] = 0;
    Req r;
    fresh(&r);
    const char *why = NULL;
    assert_int_equal(req_parse_urlencoded(&r, body, n + 2, &why), 0);
    assert_int_equal(strlen(req_param(&r, "v")), n);
    req_free(&r);
    free(body);
}

/* ---- Cookies ---- */

static void test_cookies(void **state)
{
    (void)state;
    Req r;
    fresh(&r);
    req_parse_cookies(&r, "a=1; b=two;c=3 ;  d = \"quoted\" ; noeq; =novalue; e=x=y; f=");
    assert_string_equal(req_cookie(&r, "a"), "1");
    assert_string_equal(req_cookie(&r, "b"), "two");
    assert_string_equal(req_cookie(&r, "c"), "3");
    assert_string_equal(req_cookie(&r, "d"), "quoted");
    assert_string_equal(req_cookie(&r, "e"), "x=y");
    assert_string_equal(req_cookie(&r, "f"), "");
    assert_null(req_cookie(&r, "noeq"));
    assert_null(req_cookie(&r, "missing"));
    req_free(&r);

    /* Bad bytes drop that cookie only; cookies are not percent-decoded. */
    fresh(&r);
    req_parse_cookies(&r, "bad=\xC0\x80; good=%41");
    assert_null(req_cookie(&r, "bad"));
    assert_string_equal(req_cookie(&r, "good"), "%41");
    req_free(&r);

    /* Past the limit, cookies are ignored, not an error. */
    Buf h = {0};
    for (int i = 0; i < REQ_MAX_COOKIES + 20; i++) buf_printf(&h, "k%d=%d; ", i, i);
    fresh(&r);
    req_parse_cookies(&r, h.s);
    assert_int_equal(r.ncookies, REQ_MAX_COOKIES);
    req_free(&r);
    buf_free(&h);

    fresh(&r);
    req_parse_cookies(&r, NULL);
    req_parse_cookies(&r, "");
    req_parse_cookies(&r, " ; ;; ");
    assert_int_equal(r.ncookies, 0);
    req_free(&r);
}

/* ---- req_build ---- */

static void test_build(void **state)
{
    (void)state;
    Req r;
    fresh(&r);
    RawRequest raw = {.method = "GET", .target = "/measure%20x?key=a%26b&n=1#frag", .cookie = "s=1"};
    assert_true(req_build(&r, &raw));
    assert_string_equal(r.method, "GET");
    assert_string_equal(r.path, "/measure x");
    assert_string_equal(req_param(&r, "key"), "a&b");
    assert_string_equal(req_param(&r, "n"), "1");
    assert_string_equal(req_cookie(&r, "s"), "1");
    req_free(&r);

    /* POST form fields come after the query; other content types are not
     * parsed. */
    const char *body = "x=2&y=%3C";
    RawRequest post = {.method = "POST", .target = "/f?q=1", .content_type = "application/x-www-form-urlencoded; charset=UTF-8",
                       .body = body, .body_len = strlen(body)};
    fresh(&r);
    assert_true(req_build(&r, &post));
    assert_string_equal(req_param(&r, "q"), "1");
    assert_string_equal(req_param(&r, "y"), "<");
    assert_string_equal(r.params[0].name, "q");
    req_free(&r);
    post.content_type = "text/plain";
    fresh(&r);
    assert_true(req_build(&r, &post));
    assert_null(req_param(&r, "x"));
    req_free(&r);
}

/* Expects req_build to refuse raw with status. */
static void expect_refused(RawRequest raw, int status)
{
    Req r;
    fresh(&r);
    assert_false(req_build(&r, &raw));
    assert_int_equal(r.status, status);
    assert_true(r.out.len > 0);
    req_free(&r);
}

static void test_build_hostile(void **state)
{
    (void)state;
    expect_refused((RawRequest){.method = "GET", .target = "/a%00b"}, 400);
    expect_refused((RawRequest){.method = "GET", .target = "/a%FFb"}, 400);
    expect_refused((RawRequest){.method = "GET", .target = "/a%0Ab"}, 400);
    expect_refused((RawRequest){.method = "GET", .target = "/?x=%C0%AF"}, 400);
    expect_refused((RawRequest){.method = "GET", .target = "http://evil/"}, 400);
    expect_refused((RawRequest){.method = "GET", .target = ""}, 400);
    expect_refused((RawRequest){.method = "G T", .target = "/"}, 400);
    expect_refused((RawRequest){.method = "get", .target = "/"}, 400);
    expect_refused((RawRequest){.method = NULL, .target = "/"}, 400);
    expect_refused((RawRequest){.method = "POST", .target = "/", .body_too_large = true}, 413);
    expect_refused((RawRequest){.method = "POST", .target = "/", .body = "", .body_len = REQ_MAX_BODY + 1}, 413);
    const char *nul = "a=1\0";
    expect_refused((RawRequest){.method = "POST", .target = "/", .content_type = "application/x-www-form-urlencoded", .body = nul, .body_len = 4}, 400);
    char *longt = malloc(REQ_MAX_TARGET + 10);
    longt[0] = '/';
    memset(longt + 1, 'a', REQ_MAX_TARGET + 5);
    longt[REQ_MAX_TARGET + 6] = 0;
    expect_refused((RawRequest){.method = "GET", .target = longt}, 414);
    free(longt);
}

static void test_can(void **state)
{
    (void)state;
    Req r;
    fresh(&r);
    assert_false(req_can(&r, CAP_VIEW));
    r.user.id = 1;
    r.user.caps = "vi";
    assert_true(req_can(&r, CAP_VIEW));
    assert_true(req_can(&r, CAP_IMPORT));
    assert_false(req_can(&r, CAP_USERS));
    assert_false(req_can(&r, 0));
    req_free(&r);
}

/* ---- html_printf escaping ---- */

static void test_html_escape(void **state)
{
    (void)state;
    Buf b = {0};
    html_printf(&b, "<p title=\"%s\">%s %d</p>", "a\"b'c", "Tom & Jerry <b>", 42);
    assert_string_equal(b.s, "<p title=\"a&quot;b&#39;c\">Tom &amp; Jerry &lt;b&gt; 42</p>");
    buf_reset(&b);
    html_printf(&b, "%s|%.3s", "&&", "<<<<");
    assert_string_equal(b.s, "&amp;&amp;|&lt;&lt;&lt;");
    buf_reset(&b);
    html_printf(&b, "%c%c", '<', 'x');
    assert_string_equal(b.s, "&lt;x");
    buf_reset(&b);
    html_printf(&b, "%s", "plain text stays");
    assert_string_equal(b.s, "plain text stays");
    buf_reset(&b);
    html_escape(&b, "a\0b", 3);
    assert_string_equal(b.s, "a\xEF\xBF\xBD" "b");
    buf_free(&b);
}

/* ---- Whole requests through the dispatcher ---- */

/* An in-memory database with an admin and a viewer, shared by the tests
 * below. */
static int setup_db(void **state)
{
    char err[256];
    sqlite3 *db = db_try_open(":memory:", true, err, sizeof err);
    if (!db) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    if (!auth_user_add(db, "admin", "admin", "password123", err, sizeof err)) return -1;
    if (!auth_user_add(db, "viewer", "viewer", "password456", err, sizeof err)) return -1;
    *state = db;
    return 0;
}

static int teardown_db(void **state)
{
    db_close(*state);
    return 0;
}

/* A reply: status, header block and body, owned by the test. */
typedef struct Reply {
    int status;
    Buf text; /* the full reply as web_reply_text wrote it */
} Reply;

/* Runs one request through req_run and keeps its text. */
static void run(sqlite3 *db, RawRequest raw, Reply *out)
{
    Req r;
    req_init(&r, db, ":memory:");
    if (!raw.remote) raw.remote = "127.0.0.1";
    req_run(&r, &raw);
    out->status = r.status;
    out->text = (Buf){0};
    web_reply_text(&r, &out->text);
    req_free(&r);
}

/* The value of header name in reply (copied into out), or false. */
static bool header(const Reply *rep, const char *name, char *out, size_t outlen)
{
    const char *p = rep->text.s;
    const char *end = strstr(p, "\r\n\r\n");
    size_t n = strlen(name);
    while (p && p < end) {
        const char *eol = strstr(p, "\r\n");
        if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
            const char *v = p + n + 1;
            while (*v == ' ') v++;
            snprintf(out, outlen, "%.*s", (int)(eol - v), v);
            return true;
        }
        p = eol + 2;
    }
    return false;
}

/* The body of a reply. */
static const char *body(const Reply *rep)
{
    const char *p = strstr(rep->text.s, "\r\n\r\n");
    return p ? p + 4 : "";
}

/* Checks the headers every reply must carry. */
static void common_headers(const Reply *rep)
{
    char v[512];
    assert_true(header(rep, "Content-Security-Policy", v, sizeof v));
    assert_string_equal(v, "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    assert_true(header(rep, "X-Content-Type-Options", v, sizeof v));
    assert_string_equal(v, "nosniff");
    assert_true(header(rep, "Referrer-Policy", v, sizeof v));
    assert_true(header(rep, "ETag", v, sizeof v));
    assert_true(header(rep, "Cache-Control", v, sizeof v));
}

static void test_dispatch_basics(void **state)
{
    sqlite3 *db = *state;
    Reply rep;
    char v[512];

    run(db, (RawRequest){.method = "GET", .target = "/no/such/page"}, &rep);
    assert_int_equal(rep.status, 404);
    common_headers(&rep);
    assert_non_null(strstr(body(&rep), "Page not found"));
    assert_non_null(strstr(body(&rep), "Open Government Licence v3.0"));
    buf_free(&rep.text);

    run(db, (RawRequest){.method = "GET", .target = "/dashboard?x=1&y=%3C"}, &rep);
    assert_int_equal(rep.status, 303);
    assert_true(header(&rep, "Location", v, sizeof v));
    assert_string_equal(v, "/login?next=%2Fdashboard%3Fx%3D1%26y%3D%253C");
    buf_free(&rep.text);

    run(db, (RawRequest){.method = "DELETE", .target = "/login"}, &rep);
    assert_int_equal(rep.status, 405);
    assert_true(header(&rep, "Allow", v, sizeof v));
    common_headers(&rep);
    buf_free(&rep.text);

    run(db, (RawRequest){.method = "POST", .target = "/measures"}, &rep);
    assert_int_equal(rep.status, 405);
    buf_free(&rep.text);

    run(db, (RawRequest){.method = "GET", .target = "/a%00"}, &rep);
    assert_int_equal(rep.status, 400);
    common_headers(&rep);
    assert_non_null(strstr(body(&rep), "<!DOCTYPE html>"));
    buf_free(&rep.text);

    run(db, (RawRequest){.method = "GET", .target = "/static/style.css?v=1"}, &rep);
    assert_int_equal(rep.status, 200);
    assert_true(header(&rep, "Content-Type", v, sizeof v));
    assert_string_equal(v, "text/css; charset=utf-8");
    assert_true(header(&rep, "Cache-Control", v, sizeof v));
    assert_string_equal(v, "public, max-age=31536000, immutable");
    common_headers(&rep);
    char etag[128];
    assert_true(header(&rep, "ETag", etag, sizeof etag));
    buf_free(&rep.text);

    run(db, (RawRequest){.method = "GET", .target = "/static/style.css", .if_none_match = etag}, &rep);
    assert_int_equal(rep.status, 304);
    assert_string_equal(body(&rep), "");
    buf_free(&rep.text);

    run(db, (RawRequest){.method = "GET", .target = "/static/../sql/001_core.sql"}, &rep);
    assert_int_equal(rep.status, 404);
    buf_free(&rep.text);
    run(db, (RawRequest){.method = "GET", .target = "/static/nothing.css"}, &rep);
    assert_int_equal(rep.status, 404);
    buf_free(&rep.text);

    run(db, (RawRequest){.method = "HEAD", .target = "/login"}, &rep);
    assert_int_equal(rep.status, 200);
    assert_string_equal(body(&rep), "");
    buf_free(&rep.text);
}

/* Gets the sign-in form's token: the cookie value (into cookie, formatted
 * as a Cookie header) and the form field must agree. */
static void login_token(sqlite3 *db, char *cookie, size_t cookielen, char *csrf, size_t csrflen)
{
    Reply rep;
    run(db, (RawRequest){.method = "GET", .target = "/login"}, &rep);
    assert_int_equal(rep.status, 200);
    char v[512];
    assert_true(header(&rep, "Set-Cookie", v, sizeof v));
    assert_non_null(strstr(v, "HttpOnly"));
    assert_non_null(strstr(v, "SameSite=Strict"));
    const char *start = v + strlen(AUTH_LOGIN_CSRF_COOKIE "=");
    snprintf(csrf, csrflen, "%.*s", AUTH_TOKEN_LEN, start);
    snprintf(cookie, cookielen, AUTH_LOGIN_CSRF_COOKIE "=%s", csrf);
    char field[128];
    snprintf(field, sizeof field, "name=\"csrf\" value=\"%s\"", csrf);
    assert_non_null(strstr(body(&rep), field));
    buf_free(&rep.text);
}

/* POSTs a sign-in form; returns the reply. */
static void post_login(sqlite3 *db, const char *cookie, const char *form, Reply *rep)
{
    run(db, (RawRequest){.method = "POST", .target = "/login", .cookie = cookie,
                         .content_type = "application/x-www-form-urlencoded", .body = form, .body_len = strlen(form)},
        rep);
}

static void test_login_flow(void **state)
{
    sqlite3 *db = *state;
    char cookie[128], csrf[64], form[512], v[512];
    Reply rep;
    login_token(db, cookie, sizeof cookie, csrf, sizeof csrf);

    /* No token, or a token that does not match the cookie: 403. */
    post_login(db, cookie, "login=admin&password=password123", &rep);
    assert_int_equal(rep.status, 403);
    assert_non_null(strstr(body(&rep), "The form has expired or was not sent by this site"));
    buf_free(&rep.text);
    snprintf(form, sizeof form, "csrf=%s&login=admin&password=password123", csrf);
    post_login(db, NULL, form, &rep);
    assert_int_equal(rep.status, 403);
    buf_free(&rep.text);

    /* Wrong password and unknown login: the same 401 and message. */
    snprintf(form, sizeof form, "csrf=%s&login=admin&password=wrong-password", csrf);
    post_login(db, cookie, form, &rep);
    assert_int_equal(rep.status, 401);
    assert_non_null(strstr(body(&rep), "The login or password is wrong"));
    buf_free(&rep.text);
    snprintf(form, sizeof form, "csrf=%s&login=nobody&password=wrong-password", csrf);
    post_login(db, cookie, form, &rep);
    assert_int_equal(rep.status, 401);
    assert_non_null(strstr(body(&rep), "The login or password is wrong"));
    buf_free(&rep.text);

    /* Right password: a session cookie and a redirect to a local next. */
    snprintf(form, sizeof form, "csrf=%s&login=admin&password=password123&next=%%2F%%2Fevil.example", csrf);
    post_login(db, cookie, form, &rep);
    assert_int_equal(rep.status, 303);
    assert_true(header(&rep, "Location", v, sizeof v));
    assert_string_equal(v, "/"); /* the home page sends each role on */
    assert_true(header(&rep, "Set-Cookie", v, sizeof v));
    assert_non_null(strstr(v, AUTH_SESSION_COOKIE "="));
    assert_non_null(strstr(v, "HttpOnly"));
    assert_non_null(strstr(v, "SameSite=Strict"));
    assert_non_null(strstr(v, "Path=/"));
    char session[128];
    snprintf(session, sizeof session, "%.*s", (int)(strlen(AUTH_SESSION_COOKIE) + 1 + AUTH_TOKEN_LEN), v);
    buf_free(&rep.text);

    /* Only the hash of the token is stored. */
    sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM session WHERE token_hash=?1");
    sqlite3_bind_text(st, 1, session + strlen(AUTH_SESSION_COOKIE) + 1, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);

    /* Signed in: the page runs; the layout shows the user and Sign out. */
    run(db, (RawRequest){.method = "GET", .target = "/login", .cookie = session}, &rep);
    assert_int_equal(rep.status, 303);
    buf_free(&rep.text);
    run(db, (RawRequest){.method = "GET", .target = "/nowhere", .cookie = session}, &rep);
    assert_int_equal(rep.status, 404);
    assert_non_null(strstr(body(&rep), ">admin<"));
    assert_non_null(strstr(body(&rep), "Sign out"));
    assert_non_null(strstr(body(&rep), "href=\"/imports\""));
    buf_free(&rep.text);

    /* Sign out without the session's token: 403; with it: gone. */
    run(db, (RawRequest){.method = "POST", .target = "/logout", .cookie = session, .content_type = "application/x-www-form-urlencoded",
                         .body = "csrf=x", .body_len = 6},
        &rep);
    assert_int_equal(rep.status, 403);
    buf_free(&rep.text);
    st = db_prepare(db, "SELECT csrf FROM session");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(form, sizeof form, "csrf=%s", db_text(st, 0));
    sqlite3_finalize(st);
    run(db, (RawRequest){.method = "POST", .target = "/logout", .cookie = session, .content_type = "application/x-www-form-urlencoded",
                         .body = form, .body_len = strlen(form)},
        &rep);
    assert_int_equal(rep.status, 303);
    buf_free(&rep.text);
    run(db, (RawRequest){.method = "GET", .target = "/dashboard", .cookie = session}, &rep);
    assert_int_equal(rep.status, 303);
    buf_free(&rep.text);
}

static void test_viewer_forbidden(void **state)
{
    sqlite3 *db = *state;
    char cookie[128], csrf[64], form[512], v[512];
    Reply rep;
    login_token(db, cookie, sizeof cookie, csrf, sizeof csrf);
    snprintf(form, sizeof form, "csrf=%s&login=viewer&password=password456&next=%%2Fimports", csrf);
    post_login(db, cookie, form, &rep);
    assert_int_equal(rep.status, 303);
    assert_true(header(&rep, "Location", v, sizeof v));
    assert_string_equal(v, "/imports");
    assert_true(header(&rep, "Set-Cookie", v, sizeof v));
    char session[128];
    snprintf(session, sizeof session, "%.*s", (int)(strlen(AUTH_SESSION_COOKIE) + 1 + AUTH_TOKEN_LEN), v);
    buf_free(&rep.text);
    run(db, (RawRequest){.method = "GET", .target = "/imports", .cookie = session}, &rep);
    assert_int_equal(rep.status, 403);
    assert_null(strstr(body(&rep), "href=\"/imports\""));
    buf_free(&rep.text);
}

static void test_throttle(void **state)
{
    sqlite3 *db = *state;
    long long uid;
    int wait;
    for (int i = 0; i < AUTH_MAX_FAILURES; i++) assert_int_equal(auth_check_login(db, "viewer", "not-the-password", &uid, &wait), AUTH_WRONG);
    /* Now refused even with the right password. */
    assert_int_equal(auth_check_login(db, "viewer", "password456", &uid, &wait), AUTH_THROTTLED);
    assert_true(wait >= 1 && wait <= 15);
    /* Another name is not affected. */
    assert_int_equal(auth_check_login(db, "admin", "password123", &uid, &wait), AUTH_OK);

    char cookie[128], csrf[64], form[512];
    Reply rep;
    login_token(db, cookie, sizeof cookie, csrf, sizeof csrf);
    snprintf(form, sizeof form, "csrf=%s&login=viewer&password=password456", csrf);
    post_login(db, cookie, form, &rep);
    assert_int_equal(rep.status, 429);
    assert_non_null(strstr(body(&rep), "Too many failed sign-in attempts; try again in "));
    buf_free(&rep.text);

    /* When the window has passed, the name may sign in and is cleared. */
    db_exec(db, "UPDATE login_failure SET at=at-900");
    assert_int_equal(auth_check_login(db, "viewer", "password456", &uid, &wait), AUTH_OK);
    sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM login_failure WHERE login='viewer'");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
}

static void test_user_add_rules(void **state)
{
    sqlite3 *db = *state;
    char err[256];
    assert_false(auth_user_add(db, "bad login", "viewer", "password123", err, sizeof err));
    assert_false(auth_user_add(db, "", "viewer", "password123", err, sizeof err));
    assert_false(auth_user_add(db, "x<script>", "viewer", "password123", err, sizeof err));
    assert_false(auth_user_add(db, "newuser", "emperor", "password123", err, sizeof err));
    assert_non_null(strstr(err, "emperor"));
    assert_false(auth_user_add(db, "newuser", "viewer", "short", err, sizeof err));
    assert_false(auth_user_add(db, "admin", "viewer", "password123", err, sizeof err));
    assert_non_null(strstr(err, "admin"));
    assert_true(auth_user_add(db, "new.user@example-1", "officer", "ten chars!", err, sizeof err));
}

int main(void)
{
    const struct CMUnitTest parsing[] = {
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_decode),
        cmocka_unit_test(test_urlencoded),
        cmocka_unit_test(test_urlencoded_hostile),
        cmocka_unit_test(test_multipart),
        cmocka_unit_test(test_param_limit),
        cmocka_unit_test(test_huge_value),
        cmocka_unit_test(test_cookies),
        cmocka_unit_test(test_build),
        cmocka_unit_test(test_build_hostile),
        cmocka_unit_test(test_can),
        cmocka_unit_test(test_html_escape),
    };
    const struct CMUnitTest dispatch[] = {
        cmocka_unit_test(test_dispatch_basics),
        cmocka_unit_test(test_login_flow),
        cmocka_unit_test(test_viewer_forbidden),
        cmocka_unit_test(test_throttle),
        cmocka_unit_test(test_user_add_rules),
    };
    int failed = cmocka_run_group_tests_name("req: parsing and escaping", parsing, NULL, NULL);
    failed += cmocka_run_group_tests_name("req: whole requests", dispatch, setup_db, teardown_db);
    return failed ? 1 : 0;
}
