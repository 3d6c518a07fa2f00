/*
 * page_login.c: the start page, signing in and signing out.
 *
 * The sign-in form is protected against cross-site request forgery before
 * anyone is signed in by a double-submit token: GET /login sets a random
 * token in the cookie AUTH_LOGIN_CSRF_COOKIE and in the form; the
 * dispatcher (web.c) accepts the POST only when the two agree. Failed
 * attempts are throttled per login name (auth.c). The reply to a wrong
 * password never says whether the login or the password was wrong.
 */
#include "auth.h"
#include "pages.h"

#include <stdio.h>
#include <string.h>

/* The message for a failed sign-in: the same whatever was wrong. */
#define WRONG_MESSAGE "The login or password is wrong"

/* Cookie attributes shared by every cookie we set. */

/* The first page the user's role reaches: the dashboard, else the board's
 * requests to the force (the liaison), else the board. */
void page_home(Req *r)
{
    if (!r->user.id) web_redirect(r, "/login");
    else if (req_can(r, CAP_VIEW)) web_redirect(r, "/dashboard");
    else if (req_can(r, CAP_ANSWER)) web_redirect(r, "/liaison");
    else if (req_can(r, CAP_RECORDS)) web_redirect(r, "/board");
    else web_redirect(r, "/dashboard");
}

/* True when next is a path on this site ("/x", not "//host" or "/\host",
 * which browsers treat as another host) and holds no control character. */
static bool local_path(const char *next)
{
    if (!next || next[0] != '/' || next[1] == '/' || strchr(next, '\\')) return false;
    for (const char *p = next; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) return false;
    return true;
}

/* Where to go after signing in: `next` when local, else the home page
 * (which sends each role to its first page).
 * The returned string belongs to the request. */
static const char *after_login(Req *r)
{
    const char *next = req_param(r, "next");
    return local_path(next) ? next : "/";
}

/* Renders the sign-in form with status; `error` (or NULL) is shown in an
 * error summary above it. */
static void login_form(Req *r, int status, const char *error)
{
    r->status = status;
    page_begin(r, error ? "Error: Sign in" : "Sign in", NULL);
    html_lit(&r->out, "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n");
    if (error)
        html_printf(&r->out,
                    "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n"
                    "<h2 class=\"error-summary-title\" id=\"error-summary-title\">There is a problem</h2>\n"
                    "<ul class=\"error-summary-list\"><li><a href=\"#login\">%s</a></li></ul>\n</div>\n",
                    error);
    html_lit(&r->out, "<h1 class=\"heading-l\">Sign in</h1>\n<form method=\"post\" action=\"/login\" novalidate>\n");
    page_csrf_field(r);
    const char *next = req_param(r, "next");
    if (local_path(next)) html_printf(&r->out, "\n<input type=\"hidden\" name=\"next\" value=\"%s\">", next);
    const char *login = req_param(r, "login");
    html_printf(&r->out,
                "\n<div class=\"form-group%s\">\n<label class=\"label\" for=\"login\">Login</label>\n"
                "<input class=\"input\" id=\"login\" name=\"login\" type=\"text\" autocomplete=\"username\" "
                "spellcheck=\"false\" autocapitalize=\"none\" value=\"%s\">\n</div>\n",
                error ? " form-group-error" : "", login ? login : "");
    html_lit(&r->out, "<div class=\"form-group\">\n<label class=\"label\" for=\"password\">Password</label>\n"
                      "<input class=\"input\" id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\">\n"
                      "</div>\n<button type=\"submit\" class=\"button\">Sign in</button>\n</form>\n</div></div>\n");
    page_end(r);
}

/* POST /login: checks the attempt, starts a session and redirects. The
 * dispatcher has already checked the CSRF token. */
static void login_post(Req *r)
{
    const char *login = req_param(r, "login");
    const char *password = req_param(r, "password");
    if (!login || !*login || !password || !*password) {
        login_form(r, 401, WRONG_MESSAGE);
        return;
    }
    long long uid;
    int wait;
    switch (auth_check_login(r->db, login, password, &uid, &wait)) {
    case AUTH_THROTTLED: {
        char msg[128];
        snprintf(msg, sizeof msg, "Too many failed sign-in attempts; try again in %d minute%s", wait, wait == 1 ? "" : "s");
        login_form(r, 429, msg);
        return;
    }
    case AUTH_WRONG:
        login_form(r, 401, WRONG_MESSAGE);
        return;
    case AUTH_OK:
        break;
    }
    /* A new session for every sign-in (no session fixation). */
    auth_session_delete(r->db, req_cookie(r, AUTH_SESSION_COOKIE));
    const char *token = auth_session_create(r->db, uid, &r->arena);
    web_redirect(r, after_login(r));
    web_header(r, "Set-Cookie", arena_printf(&r->arena, AUTH_SESSION_COOKIE "=%s; " AUTH_COOKIE_ATTRS "; Path=/; Max-Age=%d", token, AUTH_SESSION_SECONDS));
    web_header(r, "Set-Cookie", AUTH_LOGIN_CSRF_COOKIE "=; " AUTH_COOKIE_ATTRS "; Path=/login; Max-Age=0");
}

void page_login(Req *r)
{
    if (strcmp(r->method, "POST") == 0) {
        login_post(r);
        return;
    }
    if (r->user.id) {
        web_redirect(r, after_login(r));
        return;
    }
    if (!r->csrf) {
        r->csrf = auth_random_token(&r->arena);
        web_header(r, "Set-Cookie", arena_printf(&r->arena, AUTH_LOGIN_CSRF_COOKIE "=%s; " AUTH_COOKIE_ATTRS "; Path=/login", r->csrf));
    }
    login_form(r, 200, NULL);
}

void page_logout(Req *r)
{
    if (strcmp(r->method, "POST") == 0) {
        auth_session_delete(r->db, req_cookie(r, AUTH_SESSION_COOKIE));
        web_redirect(r, "/login");
        web_header(r, "Set-Cookie", AUTH_SESSION_COOKIE "=; " AUTH_COOKIE_ATTRS "; Path=/; Max-Age=0");
        return;
    }
    if (!r->user.id) {
        web_redirect(r, "/login");
        return;
    }
    /* GET must not write: offer the button that POSTs. */
    page_begin(r, "Sign out", NULL);
    html_lit(&r->out, "<h1 class=\"heading-l\">Sign out</h1>\n<form method=\"post\" action=\"/logout\">\n");
    page_csrf_field(r);
    html_lit(&r->out, "\n<button type=\"submit\" class=\"button\">Sign out</button>\n</form>\n");
    page_end(r);
}
