/*
 * web.h: the web application's request, reply and page interface.
 *
 * A request arrives either from the real server (http.c, libmicrohttpd) or
 * from `assure test-http` (a raw request on standard input); both build a
 * Req and call web_handle(), the dispatcher in web.c. The dispatcher finds
 * the page in the route table (routes.c), checks the user's capabilities
 * and, for POST, the CSRF token, then calls the page. Pages write HTML into
 * r->out with html_printf()/html_lit(); web.c sends it with Content-Type,
 * Content-Length, ETag and a Content-Security-Policy. web_error() throws
 * away the half-built page and renders an error page instead.
 *
 * Every request owns an arena freed when it completes: page code allocates
 * from r->arena and never frees.
 */
#ifndef ASSURE_WEB_H
#define ASSURE_WEB_H

#include <sqlite3.h>
#include <stdbool.h>

#include "html.h"
#include "util.h"

/* Capability letters; a role is a string of them (see the role table). */
#define CAP_VIEW 'v'     /* dashboards, measures, packs */
#define CAP_IMPORT 'i'   /* import data, see import provenance */
#define CAP_SETTINGS 's' /* office force and peer group */
#define CAP_USERS 'u'    /* manage users */
#define CAP_MEASURES 'm' /* define and edit measures */
#define CAP_PLAN 'p'     /* edit the Plan: actions, progress, Panel reviews */
#define CAP_BOARD 'b'    /* run the Accountability Board: meetings, items, verdicts, minutes */
#define CAP_DECISIONS 'd' /* draft and edit decision records */
#define CAP_PUBLISH 'P'  /* approve and publish (minutes, decision records) */
#define CAP_ANSWER 'a'   /* the force's liaison: answer items addressed to the force */
#define CAP_SENSITIVE 'S' /* see records marked OFFICIAL-SENSITIVE */
#define CAP_AUDIT 'A'    /* read the audit trail */
#define CAP_RECORDS 'r'  /* read the office's governance records, drafts included */
#define CAP_SIGNED_IN '+' /* in the page table: any signed-in user, whatever the role */

/* A file uploaded in a multipart form. */
typedef struct ReqFile {
    const char *field;        /* the form field's name */
    const char *filename;     /* as the browser sent it */
    const char *content_type; /* as the browser sent it */
    const char *data;         /* the bytes (NUL-terminated copy) */
    size_t len;
} ReqFile;

/* A name=value pair from the query string, form body or cookies. */
typedef struct Param {
    const char *name;
    const char *value;
} Param;

/* The logged-in user, when there is one (id 0 otherwise). */
typedef struct User {
    long long id;
    const char *login;
    const char *role;
    const char *caps; /* capability letters of the role */
} User;

typedef struct Req {
    Arena arena;           /* everything below is allocated here */
    sqlite3 *db;           /* this request's connection */
    const char *db_path;   /* the database file */
    const char *method;    /* "GET", "POST", ... */
    const char *path;      /* "/measure" (no query string) */
    const char *remote;    /* client address, for login throttling */
    Param *params;         /* query string then form fields */
    int nparams;
    Param *cookies;
    int ncookies;
    ReqFile *files;        /* uploaded files (multipart forms) */
    int nfiles;
    User user;             /* id 0 when not logged in */
    const char *csrf;      /* the session's CSRF token (or the login form's) */
    /* the reply */
    int status;            /* 200 unless set */
    const char *content_type; /* default "text/html; charset=utf-8" */
    Buf out;               /* the body */
    Buf headers;           /* extra header lines, each ending "\r\n" */
    bool cacheable;        /* immutable static asset */
} Req;

/* The value of a query or form parameter, or NULL when absent. */
const char *req_param(Req *r, const char *name);
/* A parameter naming a record by its id: the id, 0 when absent or empty,
 * -1 when it is not a positive whole number. */
long long req_param_id(Req *r, const char *name);
/* The value of a cookie, or NULL. */
const char *req_cookie(Req *r, const char *name);
/* True when the user's role has capability letter `cap`. */
bool req_can(const Req *r, char cap);
/* An uploaded file of a multipart form, or NULL. */
const ReqFile *req_file(Req *r, const char *name);
/* True when the user may see a record with this protective marking
 * (OFFICIAL always; OFFICIAL-SENSITIVE with CAP_SENSITIVE). */
bool req_sees(const Req *r, const char *marking);

/* Starts a page in the standard layout (head, header, navigation for the
 * user's capabilities, main). `nav` names the current section. */
void page_begin(Req *r, const char *title, const char *nav);
/* Ends the page (footer with the Open Government Licence attribution). */
void page_end(Req *r);
/* Writes the hidden CSRF field every form carries. */
void page_csrf_field(Req *r);

/* Writes a link to the audit trail's history of one record (/audit?table=
 * T&id=N) when the user may read the trail (CAP_AUDIT), nothing otherwise.
 * `table` is the name the triggers of sql/006_audit.sql record (the SQL
 * table's name, e.g. "plan_action"); `label` the link's text (NULL: "History
 * of this record"); `block` puts it in a paragraph of its own, else it
 * follows inline after a space. */
void page_history_link(Req *r, const char *table, long long id, const char *label, bool block);

/* Discards the page built so far and renders an error page with status. */
void web_error(Req *r, int status, const char *fmt, ...) PRINTF(3, 4);
/* Replies 303 See Other to location (a path we built). */
void web_redirect(Req *r, const char *location);
/* Adds a header line ("Name: value") to the reply. */
void web_header(Req *r, const char *name, const char *value);

/* Writes the short hash of the embedded stylesheet (12 hex digits) into
 * out, for the cache-busting ?v= of its link (/static/style.css?v=...). */
void web_style_version(char out[16]);

/* Runs one request through the dispatcher; on return r->status, r->out and
 * r->headers hold the reply. */
void web_handle(Req *r);
/* Builds the full reply (status line, headers, body) for test-http. */
void web_reply_text(Req *r, Buf *out);

/* One route. `cap` is the capability a GET needs (0: none, the page is
 * public); `post_cap` the one a POST needs (0: POST is refused with 405;
 * '-': accepted without login, as the login form is). A path ending in '/'
 * matches every path under it. The table is sorted by path. */
typedef struct Route {
    const char *path;
    char cap;
    char post_cap;
    void (*handler)(Req *r);
} Route;

extern const Route routes[];
extern const int nroutes;

#endif
