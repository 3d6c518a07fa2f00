/*
 * measure_def.h: measure definitions: their text form, checking, and
 * storage with history (docs/measures.md).
 *
 * A definition is a record of "name: value" lines:
 *
 *   key:        response.g1-urban
 *   title:      Grade 1 urban response: median time to arrive
 *   definition: The median time from an emergency (grade 1) incident in an
 *               urban area being created to the first officer arriving.
 *   better:     lower
 *   target:     <= 10m from 2019-04-01
 *   owner:      ACC Local Policing
 *   fact:       incidents
 *   measure:    median(arrived_at - created_at)
 *   where:      grade = 1 and urban
 *   counted:    created_at
 *
 * Lines starting with white space continue the previous value; '#' starts
 * a comment line; a blank line ends a record. The built-in measures are
 * records of this form in data/measures.txt (embedded); the store keeps
 * every saved version's canonical text in measure_version.spec.
 */
#ifndef ASSURE_MEASURE_DEF_H
#define ASSURE_MEASURE_DEF_H

#include <sqlite3.h>
#include <stdbool.h>

#include "expr.h"
#include "facts.h"

typedef enum { AGG_COUNT, AGG_SUM, AGG_SHARE, AGG_MEAN, AGG_MEDIAN, AGG_PERCENTILE, AGG_DISTINCT, AGG_TIME_SHARE } Aggregate;
typedef enum { UNIT_COUNT, UNIT_PERCENT, UNIT_DURATION, UNIT_NUMBER } Unit;
typedef enum { BETTER_LOWER, BETTER_HIGHER, BETTER_NEITHER } Better;

#define MDEF_MAX_TARGETS 8

/* A target: value compared with op, in force from a date. Percent targets
 * are stored as percentages (60 for 60%), durations in seconds. */
typedef struct Target {
    char op[3];        /* "<=", "<", ">=", ">" */
    double value;
    int from;          /* YYYYMMDD */
} Target;

typedef struct MeasureDef {
    char key[65];
    char *title, *definition, *owner;
    Better better;
    Target targets[MDEF_MAX_TARGETS];
    int ntargets;
    const Fact *fact;
    Aggregate agg;
    double pct;            /* percentile(P, ...) */
    Expr *arg;             /* the aggregate's argument (NULL for count) */
    Expr *where;           /* NULL: every row */
    char *measure_text, *where_text, *counted_text;
    int counted;           /* field rows are counted by (its instant) */
    int live_to;           /* -1, or: counted at each period's end while
                            * counted <= end < live_to (null: still live) */
    Unit unit;             /* derived from the aggregate and argument */
    char *spec;            /* canonical text */
    /* from the store */
    long long id;
    int version;
    bool builtin;
    char created_at[32];
    char created_by[64];
} MeasureDef;

/* Parses one record (the first in text) into d. Returns false with the
 * mistake in err: "line 7: measure: at character 8: unknown field ...".
 * The caller frees d with mdef_free() either way. */
bool mdef_parse(const char *text, MeasureDef *d, char *err, size_t errlen);
void mdef_free(MeasureDef *d);

/* The unit's name ("count", "percent", "duration", "number"). */
const char *mdef_unit_name(Unit u);
const char *mdef_better_name(Better b);

/* Formats a value in the definition's unit: "62,679", "53.3%",
 * "00:11:18", "4.25"; "—" for NaN. */
void mdef_format(const MeasureDef *d, double v, char *out, size_t n);
/* Formats a target: "<= 00:10:00", ">= 60%". */
void mdef_format_target(const MeasureDef *d, const Target *t, char *out, size_t n);

/* The target in force on day YYYYMMDD, or NULL. */
const Target *mdef_target_at(const MeasureDef *d, int yyyymmdd);

/* Every current (not retired) definition from the store, ordered by key. */
typedef struct MeasureDefs {
    int n;
    MeasureDef *d;
} MeasureDefs;
void mdefs_load(sqlite3 *db, MeasureDefs *out);
void mdefs_free(MeasureDefs *m);

/* Saves the definition in text as a new version (creating the measure
 * when the key is new). Returns 1 when saved, 0 when it equals the current
 * version (nothing written), -1 with the mistake in err. `user` is who
 * saves; note says why. Runs in its own transaction. */
int mdef_save(sqlite3 *db, const char *text, const char *user, const char *note, char *err, size_t errlen);

/* Retires a measure (kept with its history, no longer computed). False
 * with err when there is no such measure. */
bool mdef_retire(sqlite3 *db, const char *key, const char *user, char *err, size_t errlen);

/* Brings the shipped definitions (data/measures.txt) into the store: adds
 * new ones and updates those nobody has edited. Returns how many versions
 * it wrote. Dies if the shipped file itself is wrong (a build error). */
int mdefs_sync_builtin(sqlite3 *db);

/* Every version of a measure, newest first: calls fn for each. */
typedef void (*MdefVersionFn)(void *ctx, int version, const char *spec, const char *created_at, const char *created_by, const char *note);
int mdef_history(sqlite3 *db, const char *key, MdefVersionFn fn, void *ctx);

#endif
