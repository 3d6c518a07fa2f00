/*
 * csv.c: the streaming CSV reader (see csv.h).
 */
#include "csv.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CSV_BUF_INITIAL (1u << 20)

void csv_open(CsvReader *r, CsvReadFn fn, void *ctx)
{
    memset(r, 0, sizeof *r);
    r->read = fn;
    r->ctx = ctx;
    r->cap = CSV_BUF_INITIAL;
    r->buf = xmalloc(r->cap + 1);
    r->line = 1;
}

void csv_close(CsvReader *r)
{
    free(r->buf);
    r->buf = NULL;
}

ssize_t csv_read_fd(void *ctx, void *buf, size_t n)
{
    int fd = (int)(intptr_t)ctx;
    for (;;) {
        ssize_t k = read(fd, buf, n);
        if (k < 0 && errno == EINTR) continue;
        return k;
    }
}

/* Moves unread input to the front of the buffer, grows it when full, and
 * reads more. Returns false on a read error (r->err set). */
static bool refill(CsvReader *r)
{
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->end - r->pos);
        r->end -= r->pos;
        r->pos = 0;
    }
    if (r->end == r->cap) {
        r->cap *= 2;
        r->buf = xrealloc(r->buf, r->cap + 1);
    }
    while (r->end < r->cap && !r->eof) {
        ssize_t k = r->read(r->ctx, r->buf + r->end, r->cap - r->end);
        if (k < 0) {
            snprintf(r->err, sizeof r->err, "read error: %s", strerror(errno));
            return false;
        }
        if (k == 0) r->eof = true;
        r->end += (size_t)k;
        r->bytes += (unsigned long long)k;
        if (r->end - r->pos >= 65536) break;
    }
    if (!r->started && r->end >= 3) {
        r->started = true;
        if (memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) r->pos = 3;
    } else if (r->eof) {
        r->started = true;
    }
    return true;
}

long long csv_rest(CsvReader *r, char **out)
{
    while (!r->eof)
        if (!refill(r)) return -1;
    size_t n = r->end - r->pos;
    *out = xmalloc(n + 1);
    memcpy(*out, r->buf + r->pos, n);
    (*out)[n] = 0;
    r->pos = r->end;
    return (long long)n;
}

/* Splits the quote-free line [p, nl) into fields. */
static int split_plain(CsvReader *r, char *p, char *nl)
{
    char *e = nl;
    if (e > p && e[-1] == '\r') e--;
    int n = 0;
    for (;;) {
        char *c = memchr(p, ',', (size_t)(e - p));
        if (n == CSV_MAX_FIELDS) {
            snprintf(r->err, sizeof r->err, "more than %d fields", CSV_MAX_FIELDS);
            return -1;
        }
        r->f[n].s = p;
        if (!c) {
            r->f[n].len = (size_t)(e - p);
            n++;
            break;
        }
        r->f[n].len = (size_t)(c - p);
        n++;
        p = c + 1;
    }
    r->nfields = n;
    return 1;
}

/* Parses one record that contains a quote, starting at r->pos. Returns 1 on
 * success, 0 when more input is needed, -1 on malformed input. Quoted fields
 * are unquoted in place. */
static int parse_quoted(CsvReader *r, long *lines_used)
{
    char *p = r->buf + r->pos, *end = r->buf + r->end;
    int n = 0;
    long lines = 0;
    for (;;) {
        if (n == CSV_MAX_FIELDS) {
            snprintf(r->err, sizeof r->err, "more than %d fields", CSV_MAX_FIELDS);
            return -1;
        }
        if (p < end && *p == '"') {
            char *w = ++p, *start = w;
            for (;;) {
                if (p >= end) return r->eof ? (snprintf(r->err, sizeof r->err, "a quoted field is not closed before the end of the file"), -1) : 0;
                if (*p == '"') {
                    if (p + 1 >= end && !r->eof) return 0;
                    if (p + 1 < end && p[1] == '"') {
                        *w++ = '"';
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
                if (*p == '\n') lines++;
                *w++ = *p++;
            }
            r->f[n].s = start;
            r->f[n].len = (size_t)(w - start);
            n++;
            if (p < end && *p == '\r' && (p + 1 < end && p[1] == '\n')) p++;
            if (p >= end) {
                if (!r->eof) return 0;
                break;
            }
            if (*p == ',') {
                p++;
                if (p >= end && !r->eof) return 0;
                if (p >= end) {
                    r->f[n].s = p;
                    r->f[n].len = 0;
                    n++;
                    break;
                }
                continue;
            }
            if (*p == '\n') {
                p++;
                break;
            }
            snprintf(r->err, sizeof r->err, "unexpected character '%c' after a closing quote (field %d); expected ',' or end of line", *p, n);
            return -1;
        } else {
            char *start = p;
            while (p < end && *p != ',' && *p != '\n') {
                if (*p == '"') {
                    snprintf(r->err, sizeof r->err, "a quote inside unquoted field %d; quote the whole field and double the quote", n + 1);
                    return -1;
                }
                p++;
            }
            if (p >= end && !r->eof) return 0;
            size_t len = (size_t)(p - start);
            if (p < end && *p == '\n' && len > 0 && start[len - 1] == '\r') len--;
            else if (p >= end && len > 0 && start[len - 1] == '\r') len--;
            r->f[n].s = start;
            r->f[n].len = len;
            n++;
            if (p >= end) break;
            if (*p == '\n') {
                p++;
                break;
            }
            p++; /* the comma */
            if (p >= end && !r->eof) return 0;
            if (p >= end) {
                r->f[n].s = p;
                r->f[n].len = 0;
                n++;
                break;
            }
        }
    }
    r->nfields = n;
    r->pos = (size_t)(p - r->buf);
    *lines_used = lines + 1;
    return 1;
}

int csv_next(CsvReader *r)
{
    for (;;) {
        if (r->pos >= r->end || !r->started) {
            if (r->eof && r->pos >= r->end) return 0;
            if (!refill(r)) return -1;
            if (r->pos >= r->end && r->eof) return 0;
        }
        char *p = r->buf + r->pos;
        size_t avail = r->end - r->pos;
        char *nl = memchr(p, '\n', avail);
        if (!nl && !r->eof) {
            if (!refill(r)) return -1;
            continue;
        }
        char *lend = nl ? nl : r->buf + r->end;
        r->record_line = r->line;
        /* skip blank lines */
        if (lend == p || (lend == p + 1 && *p == '\r')) {
            r->pos = (size_t)(lend - r->buf) + (nl ? 1 : 0);
            r->line++;
            if (!nl) r->pos = r->end;
            continue;
        }
        if (!memchr(p, '"', (size_t)(lend - p))) {
            r->pos = (size_t)(lend - r->buf) + (nl ? 1 : 0);
            r->line++;
            return split_plain(r, p, lend);
        }
        long used = 0;
        int k = parse_quoted(r, &used);
        if (k == 1) {
            r->line += used;
            return 1;
        }
        if (k < 0) return -1;
        /* need more input: refill keeps the partial record at the front */
        size_t before = r->end - r->pos;
        if (!refill(r)) return -1;
        if (r->end - r->pos == before && r->eof) {
            snprintf(r->err, sizeof r->err, "a quoted field is not closed before the end of the file");
            return -1;
        }
    }
}

bool csv_eq(const CsvReader *r, int i, const char *s)
{
    size_t n = strlen(s);
    return i < r->nfields && r->f[i].len == n && memcmp(r->f[i].s, s, n) == 0;
}

bool utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str, *e = s + len;
    while (s < e) {
        unsigned c = *s;
        if (c < 0x80) {
            s++;
            continue;
        }
        int n;
        unsigned min;
        if ((c & 0xE0) == 0xC0) n = 1, min = 0x80, c &= 0x1F;
        else if ((c & 0xF0) == 0xE0) n = 2, min = 0x800, c &= 0x0F;
        else if ((c & 0xF8) == 0xF0) n = 3, min = 0x10000, c &= 0x07;
        else return false;
        if (e - s <= n) {
            if (e - s < n + 1) return false;
        }
        for (int i = 1; i <= n; i++) {
            if ((s[i] & 0xC0) != 0x80) return false;
            c = (c << 6) | (s[i] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
        s += n + 1;
    }
    return true;
}
