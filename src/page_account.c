/*
 * page_account.c: /account, any signed-in user's own account: their login,
 * role and what it may do, and changing their own password (the current
 * one first, checked and throttled as a sign-in is). A new password signs
 * the user out everywhere else; this browser gets a fresh session.
 */
#include "auth.h"
#include "db.h"
#include "form.h"
#include "pages.h"

#include <string.h>

static void account_page(Req *r, const FormErr *e)
{
    page_begin(r, "Your account", "account");
    form_error_summary(r, e);
    const char *saved = req_param(r, "saved");
    if (!e && saved && strcmp(saved, "1") == 0)
        form_saved(r, "Your password is changed. Any other browser you were signed in on has been signed out.");
    html_lit(&r->out, "<h1>Your account</h1>\n");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT u.role, ro.description, u.pw_changed_at FROM user u JOIN role ro ON ro.name=u.role WHERE u.id=?1");
    sqlite3_bind_int64(st, 1, r->user.id);
    if (sqlite3_step(st) == SQLITE_ROW)
        html_printf(&r->out, "<dl class=\"figures\"><div><dt>Login</dt><dd>%s</dd></div><div><dt>Role</dt><dd>%s: %s</dd></div>"
                             "<div><dt>Password last set</dt><dd>%.10s</dd></div></dl>\n",
                    r->user.login, db_text(st, 0), db_text(st, 1), db_text(st, 2));
    sqlite3_finalize(st);
    html_lit(&r->out, "<h2>Change your password</h2>\n<form method=\"post\" action=\"/account\">");
    page_csrf_field(r);
    form_input_text(r, e, "current", "current", "Your current password", "", "password");
    form_input_text(r, e, "password", "password", "New password (at least 10 characters)", "", "password");
    form_input_text(r, e, "confirm", "confirm", "The new password again", "", "password");
    html_lit(&r->out, "<button type=\"submit\" class=\"button\">Change the password</button></form>\n");
    page_end(r);
}

static void refuse(Req *r, int status, const char *field, const char *msg)
{
    FormErr e = {field, msg, 0};
    account_page(r, &e);
    r->status = status;
}

static void account_post(Req *r)
{
    const char *current = req_param(r, "current"), *password = req_param(r, "password"), *confirm = req_param(r, "confirm");
    if (!current || !*current) {
        refuse(r, 400, "current", "Your current password: enter it, so that no one else can change it at a browser you left signed in");
        return;
    }
    long long uid = 0;
    int wait = 0;
    switch (auth_check_login(r->db, r->user.login, current, &uid, &wait)) {
    case AUTH_THROTTLED:
        refuse(r, 429, "current", arena_printf(&r->arena, "Too many wrong passwords: try again in %d minute%s", wait, wait == 1 ? "" : "s"));
        return;
    case AUTH_WRONG:
        refuse(r, 400, "current", "Your current password is not right");
        return;
    case AUTH_OK:
        break;
    }
    if (!password || !confirm || strcmp(password, confirm) != 0) {
        refuse(r, 400, "confirm", "The new password again: the two new passwords differ");
        return;
    }
    char err[256];
    UserChange c = {.role = NULL, .disabled = -1, .password = password};
    db_exec(r->db, "BEGIN IMMEDIATE");
    if (!auth_user_change(r->db, r->user.login, &c, err, sizeof err)) {
        db_exec(r->db, "ROLLBACK");
        refuse(r, 400, "password", arena_printf(&r->arena, "New password: %s", err));
        return;
    }
    const char *token = auth_session_create(r->db, r->user.id, &r->arena);
    db_exec(r->db, "COMMIT");
    web_redirect(r, "/account?saved=1");
    web_header(r, "Set-Cookie", arena_printf(&r->arena, AUTH_SESSION_COOKIE "=%s; " AUTH_COOKIE_ATTRS "; Path=/; Max-Age=%d", token, AUTH_SESSION_SECONDS));
}

void page_account(Req *r)
{
    if (strcmp(r->method, "POST") == 0) account_post(r);
    else account_page(r, NULL);
}
