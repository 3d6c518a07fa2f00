/*
 * html.c: escaping writers for HTML, URLs and JSON (see html.h).
 */
#include "html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void html_escape(Buf *b, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\0': rep = "\xEF\xBF\xBD"; break;
        default: continue;
        }
        buf_append(b, s + start, i - start);
        buf_puts(b, rep);
        start = i + 1;
    }
    buf_append(b, s + start, n - start);
}

void html_vprintf(Buf *b, const char *fmt, va_list ap)
{
    const char *p = fmt;
    while (*p) {
        const char *pct = strchr(p, '%');
        if (!pct) {
            buf_puts(b, p);
            return;
        }
        buf_append(b, p, (size_t)(pct - p));
        const char *q = pct + 1;
        if (*q == '%') {
            buf_putc(b, '%');
            p = q + 1;
            continue;
        }
        /* one conversion: flags, width, precision, length, type */
        char spec[32];
        size_t sl = 0;
        spec[sl++] = '%';
        int star_w = 0, star_p = 0, have_prec = 0, prec = -1, width = 0;
        while (*q && strchr("-+ #0", *q) && sl < 8) spec[sl++] = *q++;
        if (*q == '*') {
            star_w = 1;
            spec[sl++] = *q++;
        } else
            while (*q >= '0' && *q <= '9' && sl < 16) spec[sl++] = *q++;
        if (*q == '.') {
            have_prec = 1;
            spec[sl++] = *q++;
            if (*q == '*') {
                star_p = 1;
                spec[sl++] = *q++;
            } else
                while (*q >= '0' && *q <= '9' && sl < 24) spec[sl++] = *q++;
        }
        int lng = 0; /* 0 int, 1 long, 2 long long, 3 size_t */
        if (*q == 'l') {
            lng = 1;
            spec[sl++] = *q++;
            if (*q == 'l') {
                lng = 2;
                spec[sl++] = *q++;
            }
        } else if (*q == 'z') {
            lng = 3;
            spec[sl++] = *q++;
        } else if (*q == 'h') {
            spec[sl++] = *q++;
            if (*q == 'h') spec[sl++] = *q++;
        }
        char conv = *q;
        spec[sl++] = conv;
        spec[sl] = 0;
        p = q + 1;
        if (star_w) width = va_arg(ap, int);
        if (star_p) prec = va_arg(ap, int);
        char tmp[128];
        switch (conv) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "";
            size_t n = strlen(s);
            if (have_prec) {
                if (!star_p) prec = atoi(strchr(spec, '.') + 1);
                if (prec >= 0 && (size_t)prec < n) n = (size_t)prec;
            }
            html_escape(b, s, n);
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'c': {
            if (lng == 1) {
                long v = va_arg(ap, long);
                if (star_w && star_p) snprintf(tmp, sizeof tmp, spec, width, prec, v);
                else if (star_w) snprintf(tmp, sizeof tmp, spec, width, v);
                else if (star_p) snprintf(tmp, sizeof tmp, spec, prec, v);
                else snprintf(tmp, sizeof tmp, spec, v);
            } else if (lng == 2) {
                long long v = va_arg(ap, long long);
                if (star_w) snprintf(tmp, sizeof tmp, spec, width, v);
                else snprintf(tmp, sizeof tmp, spec, v);
            } else if (lng == 3) {
                size_t v = va_arg(ap, size_t);
                snprintf(tmp, sizeof tmp, spec, v);
            } else {
                int v = va_arg(ap, int);
                if (star_w) snprintf(tmp, sizeof tmp, spec, width, v);
                else snprintf(tmp, sizeof tmp, spec, v);
                if (conv == 'c') {
                    html_escape(b, tmp, strlen(tmp));
                    break;
                }
            }
            buf_puts(b, tmp);
            break;
        }
        case 'f': case 'g': case 'e': case 'G': case 'E': {
            double v = va_arg(ap, double);
            if (star_w && star_p) snprintf(tmp, sizeof tmp, spec, width, prec, v);
            else if (star_w) snprintf(tmp, sizeof tmp, spec, width, v);
            else if (star_p) snprintf(tmp, sizeof tmp, spec, prec, v);
            else snprintf(tmp, sizeof tmp, spec, v);
            buf_puts(b, tmp);
            break;
        }
        default:
            /* An unsupported conversion is a programming error; the
             * compiler's format check makes it unreachable in practice. */
            buf_puts(b, "?");
            break;
        }
    }
}

void html_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    html_vprintf(b, fmt, ap);
    va_end(ap);
}

void html_trusted(Buf *b, const Buf *built)
{
    buf_append(b, buf_cstr(built), built->len);
}

const char *url_arg(Arena *a, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(s);
    char *out = arena_alloc(a, n * 3 + 1), *w = out;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-_.~", *p)) {
            *w++ = (char)*p;
        } else {
            *w++ = '%';
            *w++ = hex[*p >> 4];
            *w++ = hex[*p & 15];
        }
    }
    *w = 0;
    return out;
}

void json_quoted(Buf *b, const char *s)
{
    buf_putc(b, '"');
    const unsigned char *p = (const unsigned char *)s, *run = p;
    for (; *p; p++) {
        unsigned char c = *p;
        if (c >= 0x20 && c != '"' && c != '\\' && c != '<') continue;
        buf_append(b, run, (size_t)(p - run));
        run = p + 1;
        switch (c) {
        case '"': buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\r': buf_puts(b, "\\r"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '<': buf_puts(b, "\\u003c"); break;
        default: buf_printf(b, "\\u%04x", c);
        }
    }
    buf_append(b, run, (size_t)(p - run));
    buf_putc(b, '"');
}
