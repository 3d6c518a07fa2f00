/*
 * measures.h: computing every measure definition (measure_def.h) over its
 * fact (facts.h), for every area and period.
 *
 * Periods are identified by the month they end in, on one month axis, and a
 * window: the month itself, the financial quarter ending then (June,
 * September, December, March), the financial year ending then (March), or
 * the rolling 12 months to it. Quarterly public data has no month window;
 * measures counted at a period's end (live from ... to ...) have no 12-month
 * window.
 *
 * Areas: the forces (public data: every force, ranked nationally by rate
 * per 1,000 people and within the force's Most Similar Group), then the
 * force's own data as a whole, then each local policing area.
 *
 * For every value the set also derives the change on the same period a year
 * before, and for measures with targets the target in force at the period's
 * end and a RAG rating: green when met, amber when missed by no more than 5%
 * of the target, red otherwise.
 */
#ifndef ASSURE_MEASURES_H
#define ASSURE_MEASURES_H

#include <sqlite3.h>
#include <stdbool.h>

#include "facts.h"
#include "forces.h"
#include "measure_def.h"
#include "util.h"

typedef enum { WIN_MONTH, WIN_QUARTER, WIN_FY, WIN_12M, NWIN } Window;

/* One window of one definition: values per area and month. */
typedef struct Series {
    double *v;       /* [local area * nm + month - m0]; NaN: no value */
    double *den;     /* rows (or weight) behind the value; NaN: none */
    int *nat_rank, *nat_of, *msg_rank, *msg_of; /* public data only */
} Series;

typedef struct DefValues {
    int area0, nareas;   /* the areas this definition has values for */
    int m0, nm;          /* months (absolute: year*12 + month-1) */
    bool has[NWIN];      /* windows this definition has */
    Series s[NWIN];
} DefValues;

typedef struct MeasureSet {
    ForceList forces;
    LpaList lpas;
    int office;          /* the office's force id, 0 when unset */
    MeasureDefs defs;
    DefValues *vals;     /* per definition */
    int narea;           /* forces.n + 1 + lpas.n */
    int peers[MAX_FORCES][MAX_PEERS];
    int npeers[MAX_FORCES];
    char asat_puk[16], asat_ho[16], asat_force[16]; /* latest imports */
    double load_ms, compute_ms;   /* time spent, for ASSURE_TIMING */
} MeasureSet;

/* One value with its comparisons, as printed and shown. */
typedef struct MeasureValue {
    const MeasureDef *def;
    Window win;
    int area;
    int month;               /* absolute month index the period ends in */
    char period[24];         /* "2025-12", "2025/26 Q3", "2025/26" */
    char period_end[16];     /* "2025-12" */
    char label[48];          /* "Dec 2025", "12 months to Dec 2025", ... */
    double value, den;
    bool has_yoy;
    double yoy_change, yoy_pct; /* yoy_pct NaN when last year's value was 0 */
    bool has_rate;
    double rate;             /* per 1,000 population (public counts) */
    int nat_rank, nat_of, msg_rank, msg_of;
    const Target *target;
    char rag;                /* 'G', 'A', 'R', or 0 when no target */
} MeasureValue;

/* Computes every current measure. The caller frees with measures_free(). */
void measures_compute(sqlite3 *db, MeasureSet *ms);
void measures_free(MeasureSet *ms);

/* The index of a definition by key, or -1. */
int measures_find(const MeasureSet *ms, const char *key);
/* Index of a force in ms->forces by id, or -1. */
int measures_force_index(const MeasureSet *ms, int force_id);
/* The area index of the force's own data, and of local policing area i. */
int measures_area_force(const MeasureSet *ms);
int measures_area_lpa(const MeasureSet *ms, int i);
/* The display name of an area. */
const char *measures_area_name(const MeasureSet *ms, int area);
/* True when the definition has values for that area. */
bool measures_has_area(const MeasureSet *ms, int def, int area);
/* The area a performance page shows for force fi: the force itself for
 * public data, the force's own data for the rest. */
int measures_main_area(const MeasureSet *ms, int def, int fi);

/* Fills v for (def, window, area, month); false when there is no value. */
bool measures_value(const MeasureSet *ms, int def, Window w, int area, int month, MeasureValue *v);
/* The latest month with a value, or -1. */
int measures_latest(const MeasureSet *ms, int def, Window w, int area);
/* The latest month at or before `month` with a value, or -1. */
int measures_at_or_before(const MeasureSet *ms, int def, Window w, int area, int month);

/* Window names: "month", "quarter", "fy", "12m"; and parsing them (-1). */
const char *measures_window_name(Window w);
int measures_parse_window(const char *s);

/* Months: absolute index <-> YYYYMM. */
int month_abs(int yyyymm);
int month_yyyymm(int abs);

/* Parses a period given by a user: "2025-12", "2025/26 Q3", "2025/26Q3".
 * Returns the last month it covers as YYYYMM, or 0 when malformed. */
int measures_parse_period(const char *s);
/* A short label for a month ("Dec 2025"). */
void measures_month_label(int abs, char *out, size_t n);

#endif
