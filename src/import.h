/*
 * import.h: the import framework shared by every importer.
 *
 * The contract (docs/data-formats.md): an import is one transaction, all or
 * nothing; any malformed row stops it with a message naming the file, line,
 * field, what was expected and what was found, and the database is left as
 * it was; re-importing a period replaces it; every import records its source
 * files, their SHA-256, row counts, time and user.
 *
 * An import expands its PATH arguments into sources (a CSV file, every CSV
 * in a folder, every CSV member of a .zip archive), then hands each source's
 * CsvReader to the importer's row function.
 */
#ifndef ASSURE_IMPORT_H
#define ASSURE_IMPORT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <zip.h>

#include "csv.h"
#include "util.h"

/* One CSV stream to read: a file on disk or a member of a zip archive. */
typedef struct Source {
    char *path;          /* the file or archive as found */
    char *member;        /* the member's name inside the archive, or NULL */
    char *display;       /* how errors name it: "a.zip:2025-07/x.csv" or the path */
    const char *base;    /* the file name without folders (for name checks) */
    unsigned long long size; /* bytes of CSV text (uncompressed) */
    char sha256[65];     /* of the file, or of the whole archive for members */
    long long rows;      /* data rows read */
    char kind[24];       /* what the importer recognised, e.g. "street" */
} Source;

/* The state of one import run. */
typedef struct Import {
    sqlite3 *db;
    const char *kind;    /* "police-uk", "home-office-crime", "ons-population" */
    const char *user;    /* who runs it */
    bool progress;       /* print progress on the terminal */
    Source *src;         /* the sources, in order */
    int nsrc;
    long long import_id; /* the import row, once created */
    long long rows;      /* data rows over all sources */
    unsigned long long total_bytes, done_bytes;
    double t0, last_progress;
    char started_at[32];
    Buf err;             /* the error that stopped the import */
    Buf summary;         /* a line of what changed, for the import page */
    const char *missing; /* work-plan: NULL (refuse), "keep" or "remove" what a re-imported file no longer holds */
} Import;

/* Reads one source; returns false with imp->err set on the first problem. */
typedef bool (*ImportSourceFn)(Import *imp, Source *s, CsvReader *r, void *state);
/* Writes what was read; runs inside the transaction. False on error. */
typedef bool (*ImportFinishFn)(Import *imp, void *state);

/* Runs a whole import: expands paths, begins the transaction, reads every
 * source through `each`, calls `finish`, records provenance and commits.
 * On any error rolls back and returns false with imp->err describing it. */
bool import_run(Import *imp, char **paths, int npaths, ImportSourceFn each, ImportFinishFn finish, void *state);

/* Frees what an import run allocated (sources, messages); the Import can
 * then be reused or discarded. The database connection is the caller's. */
void import_free(Import *imp);

/* Records an error "display:line: field "name": expected X, found "Y"".
 * `found` may be NULL. Always returns false, for `return import_fail(...)`. */
bool import_field_error(Import *imp, const Source *s, long line, const char *field, const char *expected, const char *found, size_t found_len);
/* Records a free-form error about a source (line 0 to leave it out). */
bool import_fail(Import *imp, const Source *s, long line, const char *fmt, ...) PRINTF(4, 5);

/* Called by importers every few thousand rows to update progress. */
void import_progress(Import *imp, const CsvReader *r);

/* Entry points, one per data kind (import_policeuk.c, import_homeoffice.c,
 * import_ons.c). Each returns a process exit status and prints a summary. */
bool import_police_uk(Import *imp, char **paths, int npaths);
bool import_home_office_crime(Import *imp, char **paths, int npaths);
bool import_ons_population(Import *imp, char **paths, int npaths);
/* The force's own extracts (import_force.c). */
bool import_crimes(Import *imp, char **paths, int npaths);
bool import_incidents(Import *imp, char **paths, int npaths);
bool import_victim_contacts(Import *imp, char **paths, int npaths);
bool import_calls(Import *imp, char **paths, int npaths);
/* Boundaries (GeoJSON) and officers' location pings (import_geo.c). */
bool import_boundaries(Import *imp, char **paths, int npaths);
bool import_pings(Import *imp, char **paths, int npaths);
/* The office's work plan table, tab-separated, as in its annual report
 * (import_workplan.c). */
bool import_work_plan(Import *imp, char **paths, int npaths);

/* Parses a yes/no flag: Y/N, yes/no, true/false, 1/0 in any case. */
bool import_parse_flag(const CsvField *f, int *out);

/* Checks a header is exactly cols (an extract called `what` in errors);
 * a column that looks like personal data is named as such (pii.h). */
bool import_check_header(Import *imp, Source *s, CsvReader *r, const char *what, const char *const *cols, int ncols);

/* Parses "YYYY-MM" into YYYYMM; false when malformed. */
bool parse_month(const char *s, size_t len, int *yyyymm);

/* A small open-addressing hash map from 64-bit keys to 64-bit counters,
 * used to aggregate rows. Zero-initialise; counts_free() releases it. */
typedef struct Counts {
    uint64_t *keys;  /* key+1, 0 = empty */
    int64_t *vals;
    size_t cap, n;
} Counts;
int64_t *counts_slot(Counts *c, uint64_t key);
void counts_free(Counts *c);

#endif
