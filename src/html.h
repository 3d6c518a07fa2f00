/*
 * html.h: writing HTML, URLs and JSON safely.
 *
 * html_printf() is printf whose %s escapes & < > " ' for HTML text and
 * attribute values; the format(printf) attribute keeps the compiler checking
 * every argument. There is no way to write a non-literal string raw except
 * html_trusted(), which only takes a Buf built by our own builders (svg.c),
 * and whose every use is listed by the lint in tests/lint.sh.
 */
#ifndef ASSURE_HTML_H
#define ASSURE_HTML_H

#include "util.h"

/* printf into b with every %s HTML-escaped. */
void html_printf(Buf *b, const char *fmt, ...) PRINTF(2, 3);
void html_vprintf(Buf *b, const char *fmt, va_list ap);

/* Appends a string literal as is (the "" concatenation rejects anything
 * but a literal at compile time). */
#define html_lit(b, s) buf_append((b), "" s "", sizeof("" s "") - 1)

/* Appends markup produced by our own builders (charts). */
void html_trusted(Buf *b, const Buf *built);

/* Appends s[0..n) with & < > " ' escaped. */
void html_escape(Buf *b, const char *s, size_t n);

/* Returns s percent-encoded for a URL query value, in the arena. */
const char *url_arg(Arena *a, const char *s);

/* Appends s as a JSON string literal with its quotes. */
void json_quoted(Buf *b, const char *s);

#endif
