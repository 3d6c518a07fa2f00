/*
 * csv.h: a streaming RFC 4180 CSV reader.
 *
 * Reads records from any byte source (a file, a zip member) through a read
 * callback, in a buffer it owns. Handles a UTF-8 byte order mark, CRLF or LF
 * line ends, quoted fields with commas, doubled quotes and line breaks.
 * Blank lines are skipped. Fields point into the reader's buffer and stay
 * valid only until the next csv_next() call.
 *
 * The common case (a line with no quote) is split with memchr, so the reader
 * runs at close to memory speed; see bench/ for figures.
 */
#ifndef ASSURE_CSV_H
#define ASSURE_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define CSV_MAX_FIELDS 64

/* Reads up to n bytes into buf; returns the count, 0 at end, -1 on error. */
typedef ssize_t (*CsvReadFn)(void *ctx, void *buf, size_t n);

typedef struct CsvField {
    const char *s; /* not NUL-terminated */
    size_t len;
} CsvField;

typedef struct CsvReader {
    CsvReadFn read;       /* the byte source */
    void *ctx;            /* its argument */
    char *buf;            /* owned: the window of input */
    size_t cap;           /* allocated size of buf */
    size_t pos;           /* start of unread input in buf */
    size_t end;           /* end of valid input in buf */
    bool eof;             /* the source has no more bytes */
    bool started;         /* the byte order mark check is done */
    long line;            /* line number of the next unread line (1-based) */
    long record_line;     /* line on which the current record starts */
    unsigned long long bytes; /* bytes consumed from the source so far */
    int nfields;          /* fields in the current record */
    CsvField f[CSV_MAX_FIELDS];
    char err[160];        /* the reason when csv_next() returns -1 */
} CsvReader;

/* Prepares r to read from fn(ctx). Allocates the buffer. */
void csv_open(CsvReader *r, CsvReadFn fn, void *ctx);
/* Reads the next record: 1 when one was read, 0 at the end, -1 on a
 * malformed input (r->err says what, r->record_line where). */
int csv_next(CsvReader *r);
/* Reads the rest of the input unparsed, for a source that is not CSV (a
 * GeoJSON file): *out gets it (allocated, NUL-terminated, the byte order
 * mark skipped; the caller frees). Returns its length, -1 on a read error. */
long long csv_rest(CsvReader *r, char **out);
/* Frees the buffer. */
void csv_close(CsvReader *r);

/* True when field i of the current record equals the NUL-terminated s. */
bool csv_eq(const CsvReader *r, int i, const char *s);

/* A read callback over a file descriptor passed as (int)(intptr_t)ctx. */
ssize_t csv_read_fd(void *ctx, void *buf, size_t n);

/* True when s[0..len) is valid UTF-8. */
bool utf8_valid(const char *s, size_t len);

#endif
