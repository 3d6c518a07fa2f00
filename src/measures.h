/*
 * measures.h: the performance measures, computed from the store.
 *
 * A measure is a definition, not code: a subject (which crimes, by a filter
 * on police.uk crime types or Home Office offence groups), a source, a
 * window (a month, or rolling 12 months) and how to read it (unit, which
 * direction is better). measures_compute() evaluates every definition for
 * every force and period in one pass over two compact tables, then derives
 * for each value the year-on-year change, the rate per 1,000 population,
 * the national rank among territorial forces (1 = lowest rate) and the rank
 * within the force's Most Similar Group, each "x of N" with N the forces
 * that have data.
 */
#ifndef ASSURE_MEASURES_H
#define ASSURE_MEASURES_H

#include <sqlite3.h>
#include <stdbool.h>

#include "forces.h"
#include "util.h"

typedef enum { SRC_PUK, SRC_HO } MeasureSource;
typedef enum { WIN_MONTH, WIN_12M } MeasureWindow;

/* One measure definition. */
typedef struct MeasureDef {
    char key[64];           /* stable key, e.g. "puk.all-crime.12m" */
    char title[96];         /* "All crime, last 12 months" */
    char subject[64];       /* "All crime" */
    char subject_key[48];   /* "all-crime": the same subject across sources */
    MeasureSource src;
    MeasureWindow win;
    const char *filter;     /* see measures.c: which rows count */
    const char *definition; /* plain English */
    bool higher_is_better;
} MeasureDef;

/* Every definition evaluated for every force and period. */
typedef struct MeasureSet {
    ForceList forces;
    int office;              /* the office's force id, 0 when unset */
    int ndefs;
    MeasureDef *defs;
    int month0, nmonths;     /* months: index i is month month0 + i (as a count of months) */
    int quarter0, nquarters; /* quarters likewise, counted from 0 = 2000/01 Q1 */
    /* per definition, force index and period index (size ndefs*F*P, P the
     * definition's period count); NAN where there is no value */
    double **val;
    int **nat_rank, **nat_of, **msg_rank, **msg_of;
    int peers[MAX_FORCES][MAX_PEERS]; /* per force index: peer force indexes */
    int npeers[MAX_FORCES];
    char asat_puk[16], asat_ho[16];   /* latest import dates, for the pack */
} MeasureSet;

/* One value with its comparisons, as printed and shown. */
typedef struct MeasureRow {
    const MeasureDef *def;
    const Force *force;
    int period_index;
    char period[16];        /* "2025-12" or "2025/26 Q3" */
    char period_end[16];    /* "2025-12": the last month the value covers */
    char period_label[32];  /* "Dec 2025" or "12 months to Dec 2025" */
    double value;
    bool has_yoy;
    double yoy_change, yoy_pct; /* yoy_pct NAN when last year's value was 0 */
    bool has_rate;
    double rate;            /* per 1,000 population */
    int nat_rank, nat_of, msg_rank, msg_of; /* 0 when not ranked */
} MeasureRow;

/* Computes every measure. The caller frees with measures_free(). */
void measures_compute(sqlite3 *db, MeasureSet *ms);
void measures_free(MeasureSet *ms);

/* The index of a definition by key, or -1. */
int measures_find(const MeasureSet *ms, const char *key);
/* Number of periods of a definition (months or quarters). */
int measures_nperiods(const MeasureSet *ms, int def);
/* Index of a force in ms->forces by id, or -1. */
int measures_force_index(const MeasureSet *ms, int force_id);
/* Fills row for (def, force index, period index); false when no value. */
bool measures_row(const MeasureSet *ms, int def, int fi, int pi, MeasureRow *row);
/* The latest period index at which force fi has a value of def, or -1. */
int measures_latest(const MeasureSet *ms, int def, int fi);
/* The period index of def that ends at or just before YYYYMM `end`; -1 if none. */
int measures_period_for(const MeasureSet *ms, int def, int end_yyyymm);
/* Parses a period given by a user: "2025-12", "2025/26 Q3", "2025/26Q3".
 * Returns the last month it covers as YYYYMM, or 0 when malformed. */
int measures_parse_period(const char *s);
/* Short label of a period index ("Dec 2025", "Q3 2025/26"). */
void measures_period_short(const MeasureSet *ms, int def, int pi, char *out, size_t n);

#endif
