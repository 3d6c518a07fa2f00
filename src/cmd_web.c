/*
 * cmd_web.c: the commands that run the web application: `assure ui` (on
 * 127.0.0.1, for one person at their desk), `assure serve` (any address,
 * port required) and `assure test-http` (one raw request from standard
 * input through the real dispatcher, the reply on standard output: how the
 * shell tests exercise every page without a socket).
 */
#include "commands.h"
#include "db.h"
#include "demo.h"
#include "http.h"
#include "req.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Dies with the standard message unless a database file exists at path. */
static void need_database(const char *path)
{
    if (access(path, F_OK) != 0) die("no database at %s; create one with 'assure init --demo'", path);
    char err[512];
    sqlite3 *db = db_try_open(path, false, err, sizeof err);
    if (!db) die("%s", err);
    db_close(db);
}

/* Checks a port number from the command line; dies when out of range. */
static int port_or_die(long long port)
{
    if (port < 1 || port > 65535) die("port %lld is out of range (1-65535)", port);
    return (int)port;
}

/* `assure ui`: serves an existing database on 127.0.0.1 (port 8080 unless
 * --port) and prints the address; returns when stopped with Ctrl-C. */
int cmd_ui(Opts *o)
{
    const char *path = opts_db(o);
    need_database(path);
    sqlite3 *db = db_open(path, false);
    Arena a = {0};
    if (strcmp(db_setting(db, "demo", "0", &a), "1") == 0)
        printf("assure: demo logins: %s / %s (administrator), %s / %s (read-only)\n", demo_admin_login(), demo_admin_password(),
               demo_viewer_login(), demo_viewer_password());
    arena_free(&a);
    db_close(db);
    fflush(stdout);
    return http_serve(path, "127.0.0.1", port_or_die(o->port ? o->port : 8080), true);
}

/* `assure serve --port N [--bind ADDR]`: serves an existing database on
 * ADDR:N (default 127.0.0.1) until SIGINT or SIGTERM. */
int cmd_serve(Opts *o)
{
    const char *path = opts_db(o);
    if (!o->port) die("serve: --port is required (for example --port 8080)");
    need_database(path);
    return http_serve(path, o->bind ? o->bind : "127.0.0.1", port_or_die(o->port), true);
}

/* Returns the next line of text at *p (up to "\n" or "\r\n", which are
 * consumed) as a NUL-terminated copy in the arena, advancing *p; NULL at
 * the end of the text. */
static char *next_line(Arena *a, const char **p, const char *end)
{
    if (*p >= end) return NULL;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    const char *stop = nl ? nl : end;
    const char *e = stop;
    if (e > *p && e[-1] == '\r') e--;
    char *line = arena_strndup(a, *p, (size_t)(e - *p));
    *p = nl ? nl + 1 : end;
    return line;
}

/* `assure test-http`: reads one raw HTTP/1.1 request from stdin (request
 * line, headers, body), runs it through req_run() as the server would and
 * prints the whole reply to stdout. Exits 0 whatever the reply's status. */
int cmd_test_http(Opts *o)
{
    const char *path = opts_db(o);
    /* Read the whole request; more than the body limit plus room for the
     * headers counts as too large. */
    const size_t limit = REQ_MAX_BODY + 65536;
    Buf in = {0};
    char chunk[65536];
    size_t n;
    bool too_large = false;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        if (in.len + n > limit) {
            too_large = true;
            continue;
        }
        buf_append(&in, chunk, n);
    }

    Arena a = {0};
    const char *p = buf_cstr(&in), *end = p + in.len;
    RawRequest raw = {.remote = "127.0.0.1", .body_too_large = too_large};
    char *line = next_line(&a, &p, end);
    if (line) {
        char *sp1 = strchr(line, ' ');
        if (sp1) {
            *sp1 = 0;
            char *target = sp1 + 1;
            char *sp2 = strchr(target, ' ');
            if (sp2) *sp2 = 0;
            raw.target = target;
        }
        raw.method = line;
    }
    Buf cookies = {0};
    long long content_length = -1;
    while ((line = next_line(&a, &p, end)) && *line) {
        char *colon = strchr(line, ':');
        if (!colon) continue;
        *colon = 0;
        char *v = colon + 1;
        while (*v == ' ' || *v == '\t') v++;
        if (strcasecmp(line, "Cookie") == 0) {
            if (cookies.len) buf_puts(&cookies, "; ");
            buf_puts(&cookies, v);
        } else if (strcasecmp(line, "Content-Type") == 0) {
            raw.content_type = v;
        } else if (strcasecmp(line, "Content-Length") == 0) {
            content_length = strtoll(v, NULL, 10);
        } else if (strcasecmp(line, "If-None-Match") == 0) {
            raw.if_none_match = v;
        }
    }
    raw.cookie = cookies.len ? buf_cstr(&cookies) : NULL;
    /* The body: Content-Length bytes, or (for hand-written tests) the rest
     * of the input when the header is absent or larger than what is left. */
    raw.body = p;
    raw.body_len = (size_t)(end - p);
    if (content_length >= 0 && (size_t)content_length < raw.body_len) raw.body_len = (size_t)content_length;
    if (content_length > REQ_MAX_BODY) raw.body_too_large = true;

    char err[512];
    sqlite3 *db = db_try_open(path, false, err, sizeof err);
    if (!db) die("%s", err);
    Req r;
    req_init(&r, db, path);
    req_run(&r, &raw);
    Buf out = {0};
    web_reply_text(&r, &out);
    fwrite(buf_cstr(&out), 1, out.len, stdout);
    fflush(stdout);
    buf_free(&out);
    req_free(&r);
    db_close(db);
    buf_free(&cookies);
    arena_free(&a);
    buf_free(&in);
    return 0;
}

/* `assure routes`: the page table, one route per line: path, the
 * capability a GET needs and the one a POST needs ('-' for none). The
 * role-by-route test checks its matrix covers every route listed. */
int cmd_routes(Opts *o)
{
    (void)o;
    for (int i = 0; i < nroutes; i++)
        printf("%s\t%c\t%c\n", routes[i].path, routes[i].cap ? routes[i].cap : '-', routes[i].post_cap && routes[i].post_cap != '-' ? routes[i].post_cap : '-');
    return 0;
}
