/*
 * cmd_user.c: `assure user add LOGIN --role ROLE` and `assure user password
 * LOGIN` (the password is one line on standard input, read without echo
 * from a terminal), `assure user role LOGIN --role ROLE`, `assure user
 * disable|enable LOGIN` and `assure user list`. Users and password hashing
 * live in auth.c; the web application's /users page does the same.
 */
#include "auth.h"
#include "commands.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Reads one line from standard input (without echo when it is a terminal,
 * after a prompt on stderr) and strips the line ending. The caller owns the
 * returned string and frees it; NULL at end of input. */
static char *read_password(const char *login)
{
    struct termios old, quiet;
    bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        fprintf(stderr, "Password for %s: ", login);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    return line;
}

/* `user add LOGIN --role ROLE`: creates the database when missing. */
static int user_add(Opts *o)
{
    if (o->nargs != 2) die("usage: assure user add [--db FILE] LOGIN --role ROLE (password on standard input)");
    if (!o->role) die("user add: --role is required ('assure user list' shows the roles)");
    const char *login = o->args[1];
    if (!auth_login_valid(login)) die("user add: login '%s' is not valid: use 1 to 64 letters, digits or . _ @ -", login);
    char *password = read_password(login);
    if (!password || !*password) {
        free(password);
        die("user add: no password given on standard input");
    }
    sqlite3 *db = db_open(opts_db(o), true);
    char err[256];
    bool ok = auth_user_add(db, login, o->role, password, err, sizeof err);
    memset(password, 0, strlen(password));
    free(password);
    db_close(db);
    if (!ok) die("user add: %s", err);
    printf("added user %s with role %s\n", login, o->role);
    return 0;
}

/* `user list`: login, role, created, disabled, one user a line; then the
 * roles there are. */
static int user_list(Opts *o)
{
    if (o->nargs != 1) die("usage: assure user list [--db FILE]");
    sqlite3 *db = db_open(opts_db(o), false);
    sqlite3_stmt *st = db_prepare(db, "SELECT login, role, created_at, disabled FROM user ORDER BY login");
    printf("%-24s %-16s %-22s %s\n", "login", "role", "created", "disabled");
    while (sqlite3_step(st) == SQLITE_ROW)
        printf("%-24s %-16s %-22s %s\n", db_text(st, 0), db_text(st, 1), db_text(st, 2), sqlite3_column_int(st, 3) ? "yes" : "no");
    sqlite3_finalize(st);
    st = db_prepare(db, "SELECT name, description FROM role ORDER BY name");
    printf("\nroles:\n");
    while (sqlite3_step(st) == SQLITE_ROW) printf("  %-16s %s\n", db_text(st, 0), db_text(st, 1));
    sqlite3_finalize(st);
    db_close(db);
    return 0;
}

/* `user disable|enable|role|password LOGIN`: one change, in a transaction. */
static int user_change(Opts *o)
{
    const char *what = o->args[0];
    if (o->nargs != 2) die("usage: assure user %s [--db FILE] LOGIN%s", what, strcmp(what, "role") == 0 ? " --role ROLE" : "");
    const char *login = o->args[1];
    UserChange c = {.role = NULL, .disabled = -1, .password = NULL};
    char *password = NULL;
    if (strcmp(what, "role") == 0) {
        if (!o->role) die("user role: --role is required ('assure user list' shows the roles)");
        c.role = o->role;
    } else if (o->role) {
        die("user %s: --role goes with 'user add' or 'user role'", what);
    } else if (strcmp(what, "disable") == 0 || strcmp(what, "enable") == 0) {
        c.disabled = strcmp(what, "disable") == 0;
    } else {
        password = read_password(login);
        if (!password || !*password) {
            free(password);
            die("user password: no password given on standard input");
        }
        c.password = password;
    }
    sqlite3 *db = db_open(opts_db(o), false);
    char err[512];
    db_exec(db, "BEGIN IMMEDIATE");
    bool ok = auth_user_change(db, login, &c, err, sizeof err);
    if (ok) db_exec(db, "COMMIT");
    else db_exec(db, "ROLLBACK");
    if (password) {
        memset(password, 0, strlen(password));
        free(password);
    }
    db_close(db);
    if (!ok) die("user %s: %s", what, err);
    if (c.role) printf("%s now has the role %s\n", login, c.role);
    else if (c.disabled == 1) printf("%s is disabled and signed out everywhere\n", login);
    else if (c.disabled == 0) printf("%s is enabled\n", login);
    else printf("%s has a new password and is signed out everywhere\n", login);
    return 0;
}

/* `assure user add|list|disable|enable|role|password`: dispatches. */
int cmd_user(Opts *o)
{
    if (o->nargs >= 1 && strcmp(o->args[0], "add") == 0) return user_add(o);
    if (o->nargs >= 1 && strcmp(o->args[0], "list") == 0) return user_list(o);
    static const char *const changes[] = {"disable", "enable", "role", "password"};
    for (size_t i = 0; o->nargs >= 1 && i < sizeof changes / sizeof changes[0]; i++)
        if (strcmp(o->args[0], changes[i]) == 0) return user_change(o);
    die("usage: assure user [--db FILE] add LOGIN --role ROLE | password LOGIN | role LOGIN --role ROLE | disable LOGIN | enable LOGIN | list");
}
