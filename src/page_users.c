/*
 * page_users.c: /users, the office's users, for roles with capability u:
 * each user's role, whether they may sign in, when their password was last
 * set and their history in the audit trail; forms to add a user, change a
 * role, disable or enable a user (disabling signs them out everywhere) and
 * set a new password. The same as `assure user` on the command line; the
 * rules (a role that exists, a long enough password, never disabling the
 * last user who can manage users) live in auth.c.
 *
 * Every POST runs in one transaction; a refused change shows the page again
 * with the field named and nothing saved.
 */
#include "auth.h"
#include "db.h"
#include "form.h"
#include "pages.h"

#include <stdio.h>
#include <string.h>

/* The roles there are, in name order, from the role table. */
typedef struct Roles {
    const char *name[32];
    const char *description[32];
    const char *caps[32];
    int n;
} Roles;

static void load_roles(Req *r, Roles *ro)
{
    ro->n = 0;
    sqlite3_stmt *st = db_prepare(r->db, "SELECT name, description, caps FROM role ORDER BY name");
    while (ro->n < 32 && sqlite3_step(st) == SQLITE_ROW) {
        ro->name[ro->n] = arena_strdup(&r->arena, db_text(st, 0));
        ro->description[ro->n] = arena_strdup(&r->arena, db_text(st, 1));
        ro->caps[ro->n] = arena_strdup(&r->arena, db_text(st, 2));
        ro->n++;
    }
    sqlite3_finalize(st);
}

/* What a form sent, kept to show again when it is refused. */
typedef struct Sent {
    const char *login, *role, *status;
} Sent;

static const char *const statuses[] = {"enabled", "disabled"};

static void users_page(Req *r, const FormErr *e, const Sent *sent)
{
    Roles ro;
    load_roles(r, &ro);
    page_begin(r, "Users", "users");
    html_lit(&r->out, "<h1>Users</h1>\n");
    form_error_summary(r, e);
    const char *saved = req_param(r, "saved");
    if (!e && saved && auth_login_valid(saved)) form_saved(r, arena_printf(&r->arena, "The change to %s is saved.", saved));
    html_lit(&r->out, "<p>Who may sign in, and with which role. Disabling a user or setting a new password signs them out everywhere. "
                      "Every change is in the audit trail with your login.</p>\n"
                      "<table class=\"table\"><caption class=\"visually-hidden\">Users</caption><thead><tr><th scope=\"col\">Login</th>"
                      "<th scope=\"col\">Role and status</th><th scope=\"col\">New password</th><th scope=\"col\">Since</th></tr></thead><tbody>\n");
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id, login, role, disabled, created_at, pw_changed_at FROM user ORDER BY login");
    while (sqlite3_step(st) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 0);
        const char *login = db_text(st, 1);
        bool mine = e && e->item == id;
        const char *role = mine && sent->role ? sent->role : db_text(st, 2);
        const char *status = mine && sent->status ? sent->status : statuses[sqlite3_column_int(st, 3) ? 1 : 0];
        html_printf(&r->out, "<tr><th scope=\"row\">%s", login);
        if (sqlite3_column_int(st, 3)) html_lit(&r->out, " <span class=\"tag tag-grey\">disabled</span>");
        html_lit(&r->out, "</th><td>");
        html_lit(&r->out, "<form method=\"post\" action=\"/users\" class=\"form-row\">");
        page_csrf_field(r);
        html_printf(&r->out, "<input type=\"hidden\" name=\"action\" value=\"change\"><input type=\"hidden\" name=\"login\" value=\"%s\">", login);
        form_input_select(r, mine ? e : NULL, arena_printf(&r->arena, "role-%lld", id), "role", arena_printf(&r->arena, "Role of %s", login), ro.name, ro.n, role);
        form_input_select(r, mine ? e : NULL, arena_printf(&r->arena, "status-%lld", id), "status", arena_printf(&r->arena, "%s may sign in", login), statuses, 2,
                          status);
        html_lit(&r->out, "<button type=\"submit\" class=\"button button-secondary\">Save</button></form></td><td>");
        html_lit(&r->out, "<form method=\"post\" action=\"/users\" class=\"form-row\">");
        page_csrf_field(r);
        html_printf(&r->out, "<input type=\"hidden\" name=\"action\" value=\"password\"><input type=\"hidden\" name=\"login\" value=\"%s\">", login);
        form_input_text(r, mine ? e : NULL, arena_printf(&r->arena, "password-%lld", id), "password", arena_printf(&r->arena, "New password for %s", login), "",
                        "password");
        html_lit(&r->out, "<button type=\"submit\" class=\"button button-secondary\">Set the password</button></form></td>");
        html_printf(&r->out, "<td>Added %.10s<br>Password set %.10s", db_text(st, 4), db_text(st, 5));
        if (req_can(r, CAP_AUDIT)) html_printf(&r->out, "<br><a class=\"link\" href=\"/audit?table=user&amp;id=%lld\">History</a>", id);
        html_lit(&r->out, "</td></tr>\n");
    }
    sqlite3_finalize(st);
    html_lit(&r->out, "</tbody></table>\n<h2>Add a user</h2>\n<form method=\"post\" action=\"/users\">");
    page_csrf_field(r);
    html_lit(&r->out, "<input type=\"hidden\" name=\"action\" value=\"add\">");
    const FormErr *add = e && e->item == 0 ? e : NULL;
    form_input_text(r, add, "login", "login", "Login (letters, digits and . _ @ -)", add ? sent->login : "", "text");
    form_input_select(r, add, "role", "role", "Role", ro.name, ro.n, add && sent->role ? sent->role : "viewer");
    form_input_text(r, add, "password", "password", "Password (at least 10 characters; give it to them privately)", "", "password");
    html_lit(&r->out, "<button type=\"submit\" class=\"button\">Add the user</button></form>\n");
    html_lit(&r->out, "<h2>Roles</h2>\n<table class=\"table\"><thead><tr><th scope=\"col\">Role</th><th scope=\"col\">What it is for</th>"
                      "<th scope=\"col\">Capabilities</th></tr></thead><tbody>\n");
    for (int i = 0; i < ro.n; i++) html_printf(&r->out, "<tr><td>%s</td><td>%s</td><td><code>%s</code></td></tr>\n", ro.name[i], ro.description[i], ro.caps[i]);
    html_lit(&r->out, "</tbody></table>\n<p class=\"hint\">Capability letters: v performance, i imports, s settings, u users, m measure definitions, "
                      "p the Plan, b the board, d decision records, P approve and publish, a answer for the force, S OFFICIAL-SENSITIVE records, "
                      "A the audit trail, r the office's records including drafts.</p>\n");
    page_end(r);
}

/* The id of the user named login (0 when none). */
static long long user_id(Req *r, const char *login)
{
    sqlite3_stmt *st = db_prepare(r->db, "SELECT id FROM user WHERE login=?1");
    sqlite3_bind_text(st, 1, login ? login : "", -1, SQLITE_STATIC);
    long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return id;
}

static void refuse(Req *r, FormErr *e, const Sent *sent, const char *msg)
{
    db_exec(r->db, "ROLLBACK");
    e->msg = arena_printf(&r->arena, "%s", msg);
    users_page(r, e, sent);
    r->status = 400;
}

static void post_users(Req *r)
{
    const char *action = req_param(r, "action");
    Sent sent = {req_param(r, "login"), req_param(r, "role"), req_param(r, "status")};
    FormErr e = {0};
    char err[512];
    db_exec(r->db, "BEGIN IMMEDIATE");
    if (action && strcmp(action, "add") == 0) {
        const char *password = req_param(r, "password");
        bool ok = auth_user_add(r->db, sent.login ? sent.login : "", sent.role ? sent.role : "", password ? password : "", err, sizeof err);
        if (!ok) {
            /* auth_user_add's messages start with what they are about */
            e.field = strncmp(err, "the password", 12) == 0 ? "password" : strncmp(err, "no role", 7) == 0 ? "role" : "login";
            refuse(r, &e, &sent, err);
            return;
        }
    } else if (action && (strcmp(action, "change") == 0 || strcmp(action, "password") == 0)) {
        e.item = user_id(r, sent.login);
        if (!e.item) {
            db_exec(r->db, "ROLLBACK");
            web_error(r, 404, "There is no user with that login.");
            return;
        }
        UserChange c = {.role = NULL, .disabled = -1, .password = NULL};
        if (strcmp(action, "change") == 0) {
            c.role = sent.role;
            if (sent.status && strcmp(sent.status, "enabled") == 0) c.disabled = 0;
            else if (sent.status && strcmp(sent.status, "disabled") == 0) c.disabled = 1;
            else {
                e.field = arena_printf(&r->arena, "status-%lld", e.item);
                refuse(r, &e, &sent, "Status: expected enabled or disabled");
                return;
            }
            e.field = arena_printf(&r->arena, "role-%lld", e.item);
        } else {
            c.password = req_param(r, "password");
            if (!c.password) c.password = "";
            e.field = arena_printf(&r->arena, "password-%lld", e.item);
        }
        if (!auth_user_change(r->db, sent.login, &c, err, sizeof err)) {
            if (strstr(err, "last enabled")) e.field = arena_printf(&r->arena, "status-%lld", e.item);
            refuse(r, &e, &sent, err);
            return;
        }
        /* Your own password, or yourself disabled: your session has ended. */
        if (strcmp(sent.login, r->user.login) == 0 && (c.password || c.disabled == 1)) {
            db_exec(r->db, "COMMIT");
            web_redirect(r, "/login?next=/users");
            return;
        }
        /* You gave yourself a role that does not manage users: your home page. */
        if (strcmp(sent.login, r->user.login) == 0 && c.role) {
            sqlite3_stmt *st = db_prepare(r->db, "SELECT instr(caps, 'u') > 0 FROM role WHERE name=?1");
            sqlite3_bind_text(st, 1, c.role, -1, SQLITE_STATIC);
            bool still = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
            sqlite3_finalize(st);
            if (!still) {
                db_exec(r->db, "COMMIT");
                web_redirect(r, "/");
                return;
            }
        }
    } else {
        db_exec(r->db, "ROLLBACK");
        web_error(r, 400, "The form did not say what to change.");
        return;
    }
    db_exec(r->db, "COMMIT");
    web_redirect(r, arena_printf(&r->arena, "/users?saved=%s", url_arg(&r->arena, sent.login)));
}

void page_users(Req *r)
{
    if (strcmp(r->method, "POST") == 0) post_users(r);
    else users_page(r, NULL, NULL);
}
