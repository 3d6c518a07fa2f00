/*
 * req.h: building a Req from the raw parts of an HTTP request.
 *
 * The real server (http.c) and `assure test-http` (cmd_web.c) both hand the
 * raw parts of a request (method, request-target as sent, Cookie header,
 * Content-Type, body) to req_run(), so both go through exactly the same
 * parsing, the same dispatcher (web_handle) and the same reply headers.
 *
 * Parsing rules: the path and every query, form and cookie value are
 * percent-decoded ('+' is a space in query and form values); a path or
 * parameter containing NUL or invalid UTF-8 makes the request a 400, a body
 * over REQ_MAX_BODY a 413, more than REQ_MAX_PARAMS parameters a 400. A
 * cookie with such bytes is ignored instead (other applications on the same
 * host may set cookies we never asked for).
 *
 * How a malformed request reaches the error page: the builders set
 * r->status to the 4xx status and leave a plain-text reason in r->out;
 * web_handle() sees the status before dispatching and renders the error
 * page in the normal layout.
 */
#ifndef ASSURE_REQ_H
#define ASSURE_REQ_H

#include <stdbool.h>
#include <stddef.h>

#include "web.h"

#define REQ_MAX_BODY (8 * 1024 * 1024) /* bytes of request body accepted (uploads included) */
#define REQ_MAX_FILES 8                /* uploaded files in one form */
#define REQ_MAX_PARAMS 200         /* query and form parameters together */
#define REQ_MAX_TARGET 8192        /* bytes of request-target (path+query) */
#define REQ_MAX_COOKIES 64         /* cookies kept; more are ignored */

/* The raw parts of one request, as read off the wire. Every pointer is
 * borrowed for the duration of req_run(); NULL means absent. */
typedef struct RawRequest {
    const char *method;        /* "GET", "POST", ... */
    const char *target;        /* request-target as sent: "/measure?key=a%20b" */
    const char *cookie;        /* Cookie header (several joined by "; ") */
    const char *content_type;  /* Content-Type header */
    const char *if_none_match; /* If-None-Match header */
    const char *remote;        /* client address */
    const char *body;          /* request body (not NUL-terminated) */
    size_t body_len;
    bool body_too_large;       /* the body exceeded REQ_MAX_BODY and was cut */
} RawRequest;

/* Zeroes r for a new request on connection db (borrowed, may be NULL when
 * the database could not be opened) with status 200 and HTML content. */
void req_init(Req *r, sqlite3 *db, const char *db_path);
/* Frees everything the request owns (arena, body, headers); r->db is the
 * caller's. */
void req_free(Req *r);

/* Fills r from raw (method, path, parameters, cookies). Returns true when
 * the request is well formed; otherwise sets r->status and a reason in
 * r->out (see above) and returns false. All strings are copied into
 * r->arena. */
bool req_build(Req *r, const RawRequest *raw);

/* The whole pipeline: req_build(), web_handle(), then a 304 Not Modified
 * when a GET or HEAD reply's ETag matches raw->if_none_match. On return r
 * holds the reply for web_reply_text() or the server. */
void req_run(Req *r, const RawRequest *raw);

/* Parses a multipart/form-data body: text fields become parameters, file
 * fields ReqFiles (req_file()). Returns 0, or an HTTP status with *why. */
int req_parse_multipart(Req *r, const char *content_type, const char *body, size_t n, const char **why);

/* Percent-decodes s[0..n) into the arena ('+' becomes a space when
 * plus_is_space). A '%' not followed by two hex digits is kept as is.
 * Sets *ok to false when the result holds NUL or invalid UTF-8. The arena
 * owns the result (always NUL-terminated). */
char *req_decode(Arena *a, const char *s, size_t n, bool plus_is_space, bool *ok);

/* True when s[0..n) is valid UTF-8 (no overlong forms, no surrogates,
 * nothing above U+10FFFF) and holds no NUL byte. */
bool req_utf8_ok(const char *s, size_t n);

/* Parses a query string or application/x-www-form-urlencoded body s[0..n)
 * and appends its pairs to r->params. Returns 0, or the HTTP status (400)
 * with the reason in *why (a literal) when a name or value is bad or there
 * are too many parameters. */
int req_parse_urlencoded(Req *r, const char *s, size_t n, const char **why);

/* Parses a Cookie header ("a=1; b=2") and appends to r->cookies. Cookies
 * with bad bytes, and any past REQ_MAX_COOKIES, are skipped. */
void req_parse_cookies(Req *r, const char *header);

/* Replaces the reply body with bytes our own binary carries (an embedded
 * asset), with that Content-Type. Implemented in web.c, the one module that
 * may write raw bytes into r->out; data is borrowed and copied. */
void web_reply_asset(Req *r, const char *content_type, const char *data, size_t len);

/* Writes the ETag of body[0..n) ("\"" + 32 hex digits + "\"") into out. */
void req_etag(const char *body, size_t n, char out[40]);

#endif
