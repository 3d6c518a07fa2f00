/*
 * req.c: the request side of the web layer (see req.h and web.h).
 *
 * Turns the raw parts of a request into a Req: method, decoded path, query
 * and form parameters, cookies; rejects NUL and invalid UTF-8 so pages never
 * see them; runs the dispatcher; answers 304 to a matching If-None-Match.
 * Also the small accessors pages use: req_param, req_cookie, req_can.
 */
#include "req.h"
#include "auth.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void req_init(Req *r, sqlite3 *db, const char *db_path)
{
    memset(r, 0, sizeof *r);
    r->db = db;
    r->db_path = db_path;
    r->method = "GET";
    r->path = "/";
    r->remote = "";
    r->status = 200;
    r->content_type = "text/html; charset=utf-8";
}

void req_free(Req *r)
{
    arena_free(&r->arena);
    buf_free(&r->out);
    buf_free(&r->headers);
}

bool req_utf8_ok(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c == 0) return false;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        unsigned cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return false; /* continuation byte, C0/C1 overlong lead, F5+ */
        }
        if (n - i < len) return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

/* The value of hex digit c, or -1. */
static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *req_decode(Arena *a, const char *s, size_t n, bool plus_is_space, bool *ok)
{
    char *out = arena_alloc(a, n + 1), *w = out;
    for (size_t i = 0; i < n; i++) {
        int hi, lo;
        if (s[i] == '%' && i + 2 < n && (hi = hexval(s[i + 1])) >= 0 && (lo = hexval(s[i + 2])) >= 0) {
            *w++ = (char)(hi * 16 + lo);
            i += 2;
        } else if (s[i] == '+' && plus_is_space) {
            *w++ = ' ';
        } else {
            *w++ = s[i];
        }
    }
    *w = 0;
    *ok = req_utf8_ok(out, (size_t)(w - out));
    return out;
}

/* Appends one parameter, allocating the table on first use. Returns false
 * when the table is full. */
static bool add_param(Req *r, const char *name, const char *value)
{
    if (!r->params) r->params = arena_alloc(&r->arena, REQ_MAX_PARAMS * sizeof(Param));
    if (r->nparams >= REQ_MAX_PARAMS) return false;
    r->params[r->nparams].name = name;
    r->params[r->nparams].value = value;
    r->nparams++;
    return true;
}

int req_parse_urlencoded(Req *r, const char *s, size_t n, const char **why)
{
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && s[i] != '&') i++;
        size_t end = i;
        if (i < n) i++; /* skip '&' */
        if (end == start) continue; /* "a=1&&b=2" */
        const char *eq = memchr(s + start, '=', end - start);
        size_t nlen = eq ? (size_t)(eq - (s + start)) : end - start;
        if (nlen == 0) continue; /* "=value": no name, ignored */
        bool ok_name, ok_value = true;
        char *name = req_decode(&r->arena, s + start, nlen, true, &ok_name);
        char *value = eq ? req_decode(&r->arena, eq + 1, (size_t)(s + end - (eq + 1)), true, &ok_value) : arena_strdup(&r->arena, "");
        if (!ok_name || !ok_value) {
            *why = "A parameter holds a NUL byte or text that is not valid UTF-8.";
            return 400;
        }
        if (!add_param(r, name, value)) {
            *why = "The request has too many parameters.";
            return 400;
        }
    }
    return 0;
}

/* The value of parameter `key` in a header's "; key=value" list (quotes
 * removed), copied into the arena; NULL when absent. */
static const char *header_param(Arena *a, const char *h, size_t n, const char *key)
{
    size_t klen = strlen(key);
    for (size_t i = 0; i + klen + 1 <= n; i++) {
        if ((i == 0 || h[i - 1] == ';' || h[i - 1] == ' ') && strncasecmp(h + i, key, klen) == 0 && h[i + klen] == '=') {
            const char *v = h + i + klen + 1, *end = h + n;
            if (v < end && *v == '"') {
                const char *q = memchr(v + 1, '"', (size_t)(end - v - 1));
                return q ? arena_strndup(a, v + 1, (size_t)(q - v - 1)) : NULL;
            }
            const char *e = v;
            while (e < end && *e != ';' && *e != ' ') e++;
            return arena_strndup(a, v, (size_t)(e - v));
        }
    }
    return NULL;
}

int req_parse_multipart(Req *r, const char *content_type, const char *body, size_t n, const char **why)
{
    const char *b = header_param(&r->arena, content_type, strlen(content_type), "boundary");
    *why = "The form upload is malformed.";
    if (!b || !*b || strlen(b) > 70) return 400;
    char delim[80];
    int dlen = snprintf(delim, sizeof delim, "--%s", b);
    const char *end = body + n;
    const char *p = memmem(body, n, delim, (size_t)dlen);
    if (!p) return 400;
    for (;;) {
        p += dlen;
        if (end - p >= 2 && p[0] == '-' && p[1] == '-') return 0; /* the closing delimiter */
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n') return 400;
        p += 2;
        const char *hend = memmem(p, (size_t)(end - p), "\r\n\r\n", 4);
        if (!hend) return 400;
        const char *name = NULL, *filename = NULL, *ctype = "application/octet-stream";
        for (const char *h = p; h < hend;) {
            const char *eol = memmem(h, (size_t)(hend - h), "\r\n", 2);
            if (!eol) eol = hend;
            size_t len = (size_t)(eol - h);
            if (len > 20 && strncasecmp(h, "Content-Disposition:", 20) == 0) {
                name = header_param(&r->arena, h + 20, len - 20, "name");
                filename = header_param(&r->arena, h + 20, len - 20, "filename");
            } else if (len > 13 && strncasecmp(h, "Content-Type:", 13) == 0) {
                const char *v = h + 13;
                while (v < eol && *v == ' ') v++;
                ctype = arena_strndup(&r->arena, v, (size_t)(eol - v));
            }
            h = eol + 2;
        }
        const char *data = hend + 4;
        char next[84];
        int nlen = snprintf(next, sizeof next, "\r\n%s", delim);
        const char *stop = memmem(data, (size_t)(end - data), next, (size_t)nlen);
        if (!stop || !name) return 400;
        size_t len = (size_t)(stop - data);
        if (!req_utf8_ok(name, strlen(name)) || (filename && !req_utf8_ok(filename, strlen(filename)))) {
            *why = "A form field's name is not valid UTF-8.";
            return 400;
        }
        if (filename) {
            if (r->nfiles >= REQ_MAX_FILES) {
                *why = "The request has too many files.";
                return 400;
            }
            if (!r->files) r->files = arena_alloc(&r->arena, REQ_MAX_FILES * sizeof(ReqFile));
            char *copy = arena_alloc(&r->arena, len + 1);
            memcpy(copy, data, len);
            copy[len] = 0;
            r->files[r->nfiles++] = (ReqFile){name, filename, ctype, copy, len};
        } else {
            if (!req_utf8_ok(data, len)) {
                *why = "A parameter holds a NUL byte or text that is not valid UTF-8.";
                return 400;
            }
            if (!add_param(r, name, arena_strndup(&r->arena, data, len))) {
                *why = "The request has too many parameters.";
                return 400;
            }
        }
        p = stop + 2;
    }
}

const ReqFile *req_file(Req *r, const char *name)
{
    for (int i = 0; i < r->nfiles; i++)
        if (strcmp(r->files[i].field, name) == 0) return &r->files[i];
    return NULL;
}

void req_parse_cookies(Req *r, const char *header)
{
    if (!header) return;
    const char *p = header;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == ';') p++;
        if (!*p) break;
        const char *start = p;
        while (*p && *p != ';') p++;
        const char *end = p;
        while (end > start && (end[-1] == ' ' || end[-1] == '\t')) end--;
        const char *eq = memchr(start, '=', (size_t)(end - start));
        if (!eq || eq == start) continue;
        const char *nend = eq;
        while (nend > start && (nend[-1] == ' ' || nend[-1] == '\t')) nend--;
        const char *v = eq + 1;
        while (v < end && (*v == ' ' || *v == '\t')) v++;
        const char *vend = end;
        if (vend - v >= 2 && *v == '"' && vend[-1] == '"') v++, vend--;
        if (!req_utf8_ok(start, (size_t)(nend - start)) || !req_utf8_ok(v, (size_t)(vend - v))) continue;
        if (!r->cookies) r->cookies = arena_alloc(&r->arena, REQ_MAX_COOKIES * sizeof(Param));
        if (r->ncookies >= REQ_MAX_COOKIES) return;
        r->cookies[r->ncookies].name = arena_strndup(&r->arena, start, (size_t)(nend - start));
        r->cookies[r->ncookies].value = arena_strndup(&r->arena, v, (size_t)(vend - v));
        r->ncookies++;
    }
}

/* Marks the request malformed: status and a plain-text reason (a literal
 * with none of & < > " ', since web_handle() escapes it once more when it
 * renders the error page) in r->out. Returns false. */
static bool fail(Req *r, int status, const char *why)
{
    r->status = status;
    buf_reset(&r->out);
    html_printf(&r->out, "%s", why);
    return false;
}

/* True when the Content-Type names a urlencoded form (parameters such as
 * "; charset=UTF-8" allowed). */
static bool is_form(const char *ct)
{
    static const char form[] = "application/x-www-form-urlencoded";
    if (!ct) return false;
    while (*ct == ' ') ct++;
    if (strncasecmp(ct, form, sizeof form - 1) != 0) return false;
    char next = ct[sizeof form - 1];
    return next == 0 || next == ';' || next == ' ';
}

bool req_build(Req *r, const RawRequest *raw)
{
    if (raw->remote) r->remote = arena_strdup(&r->arena, raw->remote);

    const char *m = raw->method ? raw->method : "";
    size_t mlen = strlen(m);
    if (mlen == 0 || mlen > 16 || strspn(m, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != mlen)
        return fail(r, 400, "The request method is not valid.");
    r->method = arena_strdup(&r->arena, m);

    const char *t = raw->target ? raw->target : "";
    size_t tlen = strlen(t);
    if (tlen > REQ_MAX_TARGET) return fail(r, 414, "The address is too long.");
    if (t[0] != '/') return fail(r, 400, "The request target must be a path starting with a slash.");
    size_t plen = strcspn(t, "?#");
    bool ok;
    char *path = req_decode(&r->arena, t, plen, false, &ok);
    if (!ok) return fail(r, 400, "The address holds a NUL byte or text that is not valid UTF-8.");
    for (const char *p = path; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) return fail(r, 400, "The address holds a control character.");
    r->path = path;

    const char *why = NULL;
    if (t[plen] == '?') {
        const char *q = t + plen + 1;
        size_t qlen = strcspn(q, "#");
        int st = req_parse_urlencoded(r, q, qlen, &why);
        if (st) return fail(r, st, why);
    }

    req_parse_cookies(r, raw->cookie);

    if (raw->body_too_large || raw->body_len > REQ_MAX_BODY)
        return fail(r, 413, "The request is too large (the limit is 8 MiB).");
    if (strcmp(r->method, "POST") == 0 && raw->body && raw->body_len > 0 && is_form(raw->content_type)) {
        int st = req_parse_urlencoded(r, raw->body, raw->body_len, &why);
        if (st) return fail(r, st, why);
    } else if (strcmp(r->method, "POST") == 0 && raw->body && raw->content_type && strncasecmp(raw->content_type, "multipart/form-data", 19) == 0) {
        int st = req_parse_multipart(r, raw->content_type, raw->body, raw->body_len, &why);
        if (st) return fail(r, st, why);
    }
    return true;
}

void req_etag(const char *body, size_t n, char out[40])
{
    unsigned char h[16];
    auth_init();
    crypto_generichash(h, sizeof h, (const unsigned char *)body, n, NULL, 0);
    out[0] = '"';
    sodium_bin2hex(out + 1, 33, h, sizeof h);
    out[33] = '"';
    out[34] = 0;
}

/* True when the If-None-Match header lists etag (or is "*"). */
static bool etag_matches(const char *inm, const char *etag)
{
    if (!inm) return false;
    const char *p = inm;
    while (*p == ' ') p++;
    if (strcmp(p, "*") == 0) return true;
    return strstr(inm, etag) != NULL;
}

void req_run(Req *r, const RawRequest *raw)
{
    req_build(r, raw);
    web_handle(r);
    bool get = strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0;
    if (get && r->status == 200 && raw->if_none_match) {
        char etag[40];
        req_etag(buf_cstr(&r->out), r->out.len, etag);
        if (etag_matches(raw->if_none_match, etag)) {
            r->status = 304;
            buf_reset(&r->out);
        }
    }
}

const char *req_param(Req *r, const char *name)
{
    for (int i = 0; i < r->nparams; i++)
        if (strcmp(r->params[i].name, name) == 0) return r->params[i].value;
    return NULL;
}

long long req_param_id(Req *r, const char *name)
{
    const char *s = req_param(r, name);
    if (!s || !*s) return 0;
    if (strlen(s) > 18 || strspn(s, "0123456789") != strlen(s)) return -1;
    long long v = atoll(s);
    return v > 0 ? v : -1;
}

const char *req_cookie(Req *r, const char *name)
{
    for (int i = 0; i < r->ncookies; i++)
        if (strcmp(r->cookies[i].name, name) == 0) return r->cookies[i].value;
    return NULL;
}

bool req_sees(const Req *r, const char *marking)
{
    return marking && (strcmp(marking, "OFFICIAL") == 0 || req_can(r, CAP_SENSITIVE));
}

bool req_can(const Req *r, char cap)
{
    return r->user.id != 0 && r->user.caps && cap && strchr(r->user.caps, cap) != NULL;
}
