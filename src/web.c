/*
 * web.c: the dispatcher, the page layout and the reply (see web.h).
 *
 * web_handle() is the one way into the pages: it finds the route, loads the
 * session, enforces login, capability, method and CSRF rules, runs GET and
 * HEAD with the database read-only, and finally adds the headers every
 * reply carries (CSP, nosniff, Referrer-Policy, Cache-Control, ETag). The
 * sender (http.c, or web_reply_text() for test-http) adds Content-Type and
 * Content-Length from r->content_type and r->out.
 */
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "embedded.h"
#include "req.h"
#include "web.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

/* The Content-Security-Policy of every reply: no scripts at all, styles
 * only from our stylesheet, forms only to ourselves, never framed. */
#define CSP "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

/* The reason phrase of an HTTP status ("Unknown" for ones we never send). */
static const char *reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Unknown";
    }
}

/* The heading of the error page for a status, in plain words. */
static const char *error_title(int status)
{
    switch (status) {
    case 400: return "There is a problem with the request";
    case 401: return "You need to sign in";
    case 403: return "You cannot do that";
    case 404: return "Page not found";
    case 405: return "That method is not allowed here";
    case 413: return "The request is too large";
    case 414: return "The address is too long";
    case 429: return "Too many attempts";
    case 503: return "The service is unavailable";
    default: return "Sorry, there is a problem with the service";
    }
}

/* Finds the route for path: an exact match, else the longest route ending
 * in '/' (other than "/" itself) that path starts with. NULL when none. */
static const Route *find_route(const char *path)
{
    const Route *best = NULL;
    size_t best_len = 0;
    for (int i = 0; i < nroutes; i++) {
        const Route *rt = &routes[i];
        if (strcmp(rt->path, path) == 0) return rt;
        size_t n = strlen(rt->path);
        if (n > 1 && rt->path[n - 1] == '/' && strncmp(rt->path, path, n) == 0 && n > best_len) {
            best = rt;
            best_len = n;
        }
    }
    return best;
}

void web_header(Req *r, const char *name, const char *value)
{
    /* Header text goes out raw, so CR, LF and other controls would let a
     * value start a header of its own: replace them. */
    buf_puts(&r->headers, name);
    buf_puts(&r->headers, ": ");
    for (const char *p = value; *p; p++) buf_putc(&r->headers, ((unsigned char)*p < 0x20 || *p == 0x7f) ? ' ' : *p);
    buf_puts(&r->headers, "\r\n");
}

void web_reply_asset(Req *r, const char *content_type, const char *data, size_t len)
{
    buf_reset(&r->out);
    buf_append(&r->out, data, len);
    r->content_type = content_type;
}

void web_redirect(Req *r, const char *location)
{
    buf_reset(&r->out);
    r->status = 303;
    r->cacheable = false;
    web_header(r, "Location", location);
}

void web_error(Req *r, int status, const char *fmt, ...)
{
    Buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    buf_reset(&r->out);
    buf_reset(&r->headers);
    r->status = status;
    r->content_type = "text/html; charset=utf-8";
    r->cacheable = false;
    const char *title = error_title(status);
    page_begin(r, title, NULL);
    html_printf(&r->out, "<h1 class=\"heading-l\">%s</h1>\n<p class=\"body\">%s</p>\n", title, buf_cstr(&msg));
    if (status == 404 || status == 403) html_lit(&r->out, "<p class=\"body\"><a class=\"link\" href=\"/\">Go to the start page</a></p>\n");
    page_end(r);
    buf_free(&msg);
}

void web_style_version(char out[16])
{
    const EmbeddedFile *f = embedded_find("assets/style.css");
    unsigned char h[6] = {0};
    auth_init();
    if (f) crypto_generichash(h, sizeof h, (const unsigned char *)f->data, f->len, NULL, 0);
    sodium_bin2hex(out, 16, h, sizeof h);
}

/* The office's force name from settings, in the arena, or NULL. */
static const char *office_force_name(Req *r)
{
    if (!r->db) return NULL;
    sqlite3_stmt *st = db_prepare(r->db, "SELECT f.name FROM setting s JOIN force f ON f.code=s.value WHERE s.key='office_force'");
    const char *name = NULL;
    if (sqlite3_step(st) == SQLITE_ROW) name = arena_strdup(&r->arena, db_text(st, 0));
    sqlite3_finalize(st);
    return name;
}

/* One navigation link; `key` is its section, `nav` the current one. */
static void nav_item(Req *r, const char *href, const char *label, const char *key, const char *nav)
{
    bool current = nav && strcmp(nav, key) == 0;
    /* the attribute is written as a literal: through %s its quotes would be escaped */
    if (current) html_printf(&r->out, "<li class=\"nav-item nav-item-current\"><a class=\"nav-link\" href=\"%s\" aria-current=\"page\">%s</a></li>\n", href, label);
    else html_printf(&r->out, "<li class=\"nav-item\"><a class=\"nav-link\" href=\"%s\">%s</a></li>\n", href, label);
}

void page_begin(Req *r, const char *title, const char *nav)
{
    char ver[16];
    web_style_version(ver);
    html_printf(&r->out,
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>%s – assure</title>\n"
                "<link rel=\"stylesheet\" href=\"/static/style.css?v=%s\">\n</head>\n<body>\n",
                title, ver);
    html_lit(&r->out, "<a href=\"#main\" class=\"skip-link\">Skip to main content</a>\n"
                      "<header class=\"header\">\n<div class=\"header-inner width-container\">\n"
                      "<a href=\"/\" class=\"header-service\">assure</a>\n");
    const char *force = office_force_name(r);
    if (force) html_printf(&r->out, "<span class=\"header-force\">%s</span>\n", force);
    if (r->user.id) {
        html_printf(&r->out, "<div class=\"header-user\"><a class=\"header-link header-login\" href=\"/account\" title=\"Your account\">%s</a>\n", r->user.login);
        html_lit(&r->out, "<form method=\"post\" action=\"/logout\" class=\"header-signout\">");
        page_csrf_field(r);
        html_lit(&r->out, "<button type=\"submit\" class=\"header-button\">Sign out</button></form></div>\n");
    } else if (strcmp(r->path, "/login") != 0) {
        html_lit(&r->out, "<div class=\"header-user\"><a class=\"header-link\" href=\"/login\">Sign in</a></div>\n");
    }
    html_lit(&r->out, "</div>\n");
    if (r->user.id && r->user.caps && *r->user.caps) {
        html_lit(&r->out, "<nav class=\"nav\" aria-label=\"Main\">\n<ul class=\"nav-list width-container\">\n");
        if (req_can(r, CAP_VIEW)) {
            nav_item(r, "/dashboard", "Dashboard", "dashboard", nav);
            nav_item(r, "/measures", "Measures", "measures", nav);
            nav_item(r, "/plan", "Plan", "plan", nav);
            nav_item(r, "/decisions", "Decisions", "decisions", nav);
        }
        if (req_can(r, CAP_RECORDS)) nav_item(r, "/board", "Board", "board", nav);
        if (req_can(r, CAP_ANSWER)) nav_item(r, "/liaison", "Board requests", "liaison", nav);
        if (req_can(r, CAP_VIEW)) nav_item(r, "/forces", "Forces", "forces", nav);
        if (req_can(r, CAP_IMPORT)) nav_item(r, "/imports", "Imports", "imports", nav);
        if (req_can(r, CAP_AUDIT)) nav_item(r, "/audit", "Audit", "audit", nav);
        if (req_can(r, CAP_USERS)) nav_item(r, "/users", "Users", "users", nav);
        html_lit(&r->out, "</ul>\n</nav>\n");
    }
    html_lit(&r->out, "</header>\n<div class=\"width-container\">\n<main class=\"main\" id=\"main\" tabindex=\"-1\">\n");
}

void page_end(Req *r)
{
    html_lit(&r->out, "</main>\n</div>\n<footer class=\"footer\">\n<div class=\"width-container\">\n"
                      "<p class=\"footer-licence\">Contains public sector information licensed under the Open Government Licence v3.0.</p>\n"
                      "</div>\n</footer>\n</body>\n</html>\n");
}

void page_csrf_field(Req *r)
{
    html_printf(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", r->csrf ? r->csrf : "");
}

void page_history_link(Req *r, const char *table, long long id, const char *label, bool block)
{
    if (!table || id <= 0 || !req_can(r, CAP_AUDIT)) return;
    if (!label) label = "History of this record";
    if (block) html_printf(&r->out, "<p><a class=\"link history-link\" href=\"/audit?table=%s&amp;id=%lld\">%s</a></p>\n", table, id, label);
    else html_printf(&r->out, " <a class=\"link history-link\" href=\"/audit?table=%s&amp;id=%lld\">%s</a>", table, id, label);
}

/* The path and query of a GET request, rebuilt from r->params, for the
 * ?next= of the sign-in redirect. Allocated in the arena. */
static const char *request_uri(Req *r)
{
    Buf b = {0};
    buf_puts(&b, r->path);
    for (int i = 0; i < r->nparams; i++) {
        buf_putc(&b, i == 0 ? '?' : '&');
        buf_puts(&b, url_arg(&r->arena, r->params[i].name));
        buf_putc(&b, '=');
        buf_puts(&b, url_arg(&r->arena, r->params[i].value));
    }
    const char *s = arena_strdup(&r->arena, buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* Checks the route's rules and runs its page. */
static void dispatch(Req *r)
{
    const Route *rt = find_route(r->path);
    if (!rt) {
        web_error(r, 404, "There is no page at this address. Check it was typed or pasted correctly.");
        return;
    }
    bool is_get = strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0;
    bool is_post = strcmp(r->method, "POST") == 0;
    if (!is_get && !(is_post && rt->post_cap)) {
        web_error(r, 405, "This page does not accept a %s request.", r->method);
        web_header(r, "Allow", rt->post_cap ? "GET, HEAD, POST" : "GET, HEAD");
        return;
    }
    char need = is_post ? rt->post_cap : rt->cap;
    if (need == '-') need = 0;
    if (need && !r->user.id) {
        const char *next = is_get ? request_uri(r) : r->path;
        web_redirect(r, arena_printf(&r->arena, "/login?next=%s", url_arg(&r->arena, next)));
        return;
    }
    if (need && need != CAP_SIGNED_IN && !req_can(r, need)) {
        web_error(r, 403, "Your role does not allow this. Ask an administrator if you need it.");
        return;
    }
    if (is_post && !auth_equal(req_param(r, "csrf"), r->csrf)) {
        web_error(r, 403, "The form has expired or was not sent by this site. Go back, reload the page and try again.");
        return;
    }
    db_set_readonly(r->db, !is_post);
    rt->handler(r);
    db_set_readonly(r->db, false);
}

void web_handle(Req *r)
{
    if (r->status == 0) r->status = 200;
    if (!r->content_type) r->content_type = "text/html; charset=utf-8";
    if (r->status >= 400) {
        /* req_build() refused the request; r->out holds the reason. */
        char *why = arena_strdup(&r->arena, buf_cstr(&r->out));
        web_error(r, r->status, "%s", why);
    } else if (!r->db) {
        web_error(r, 503, "The database cannot be opened. Try again in a moment.");
    } else {
        if (!auth_session_load(r)) {
            /* Not signed in: the sign-in form's double-submit token. */
            const char *t = req_cookie(r, AUTH_LOGIN_CSRF_COOKIE);
            if (auth_token_shape(t)) r->csrf = t;
        }
        /* every change this request makes is audited as its user's */
        audit_set_actor(r->db, r->user.id ? r->user.login : "web:anonymous");
        dispatch(r);
    }
    if (r->status == 0) r->status = 200;
    web_header(r, "Content-Security-Policy", CSP);
    web_header(r, "X-Content-Type-Options", "nosniff");
    web_header(r, "Referrer-Policy", "same-origin");
    web_header(r, "Cache-Control", r->cacheable ? "public, max-age=31536000, immutable" : "no-store");
    char etag[40];
    req_etag(buf_cstr(&r->out), r->out.len, etag);
    web_header(r, "ETag", etag);
}

void web_reply_text(Req *r, Buf *out)
{
    int status = r->status ? r->status : 200;
    buf_printf(out, "HTTP/1.1 %d %s\r\n", status, reason(status));
    bool body = status != 304 && !(r->method && strcmp(r->method, "HEAD") == 0);
    if (status != 304) {
        buf_printf(out, "Content-Type: %s\r\n", r->content_type ? r->content_type : "text/html; charset=utf-8");
        buf_printf(out, "Content-Length: %zu\r\n", r->out.len);
    }
    buf_append(out, buf_cstr(&r->headers), r->headers.len);
    buf_puts(out, "\r\n");
    if (body) buf_append(out, buf_cstr(&r->out), r->out.len);
}
