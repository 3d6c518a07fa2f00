/*
 * util.h: the small things every module uses.
 *
 *  - die()/warnx(): errors on the command line (die exits with status 1).
 *  - xmalloc() and friends: allocation that aborts on exhaustion, so no caller
 *    checks for NULL.
 *  - Buf: a growable byte buffer, always NUL-terminated, used for every piece
 *    of text the program builds (pages, SQL results, messages).
 *  - Arena: a bump allocator owned by one request or one command; everything
 *    allocated from it is freed at once by arena_free().
 */
#ifndef ASSURE_UTIL_H
#define ASSURE_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PRINTF(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Prints "assure: <message>" to stderr and exits with status 1. */
NORETURN void die(const char *fmt, ...) PRINTF(1, 2);
/* Prints "assure: <message>" to stderr and returns. */
void warnx(const char *fmt, ...) PRINTF(1, 2);

/* malloc/realloc/strdup that abort with a message when memory is exhausted.
 * The caller owns the result and frees it with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable, NUL-terminated byte buffer. Zero-initialise (Buf b = {0}) to
 * start empty; buf_free() releases the storage. `s` is NULL until something
 * is appended; buf_cstr() always returns a valid string. */
typedef struct Buf {
    char *s;     /* the bytes, NUL-terminated once non-empty */
    size_t len;  /* bytes in use, not counting the terminating NUL */
    size_t cap;  /* bytes allocated */
} Buf;

/* Makes room for extra more bytes (and the NUL); the check is inline, the
 * growing (doubling) is not: writers call this for every piece. */
void buf_grow_slow(Buf *b, size_t extra);
static inline void buf_grow(Buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap) buf_grow_slow(b, extra);
}
void buf_append(Buf *b, const void *data, size_t n);
void buf_puts(Buf *b, const char *s);
/* Appends one byte. */
static inline void buf_putc(Buf *b, char c)
{
    buf_grow(b, 1);
    b->s[b->len++] = c;
    b->s[b->len] = 0;
}
void buf_printf(Buf *b, const char *fmt, ...) PRINTF(2, 3);
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
void buf_reset(Buf *b);
void buf_free(Buf *b);
/* Returns the buffer's text ("" when empty); the Buf keeps ownership. */
const char *buf_cstr(const Buf *b);
/* Hands the storage to the caller (who frees it) and empties the Buf. */
char *buf_take(Buf *b);

/* A bump allocator. Allocations live until arena_free(). */
typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
    ArenaBlock *head; /* newest block first */
} Arena;

void *arena_alloc(Arena *a, size_t n);           /* zeroed, 16-byte aligned */
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...) PRINTF(2, 3);
void arena_free(Arena *a);

/* Reads a whole file into a Buf. Returns false (errno set) on failure. */
bool read_file(const char *path, Buf *out);

/* Formats an integer with thousands separators ("62,679") into out. */
void fmt_thousands(char *out, size_t outlen, long long v);

/* The current time as an ISO-8601 UTC string "2026-11-23T10:15:00Z". */
void now_iso(char out[32]);

/* Monotonic seconds, for timing and progress. */
double mono_seconds(void);

/* Lower-cases ASCII letters of s in place. */
void ascii_lower(char *s);

#endif
