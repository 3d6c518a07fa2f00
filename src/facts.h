/*
 * facts.h: the facts measures are computed from, and loading them.
 *
 * A fact is a table of rows a measure aggregates: the public police data
 * (`street`: police.uk counts per force, month and category; and
 * `recorded_crime`: Home Office counts per force, quarter and offence
 * group) and the force's own extracts (`crimes`, `incidents`, `contacts`,
 * `calls`, `presence`). Each fact names its fields (with their types, for
 * the expression language), its functions, the time field rows are counted
 * by unless a definition says otherwise, and whether its rows carry a
 * weight (a count of crimes) or a duration (time spent).
 *
 * fact_load() reads a fact from the store into columns of doubles (times as
 * Unix seconds, yes/no as 1/0, text as dictionary codes, NaN for null),
 * with each row's area: the force (public data) or the local policing area
 * (the force's own data). For crimes it also gathers each crime's victim
 * updates and supervisory reviews, sorted by time, for the functions.
 */
#ifndef ASSURE_FACTS_H
#define ASSURE_FACTS_H

#include <sqlite3.h>
#include <stdbool.h>

#include "expr.h"
#include "forces.h"

#define FACT_MAX_FIELDS 24

/* A field of a fact. */
typedef struct FactField {
    const char *name;
    ExprType type;
    const char *doc; /* one line, for the catalogue and errors */
} FactField;

/* Functions a fact offers (expr.c evaluates them). */
typedef enum {
    FN_FIRST_UPDATE_AFTER, FN_LAST_UPDATE_BEFORE, FN_UPDATES_BETWEEN, FN_MAX_UPDATE_GAP,
    FN_TEMPLATE_USED_BEFORE, FN_TEMPLATE_AT_LAST_UPDATE, FN_LAST_REVIEW_BEFORE, FN_PRIOR,
} FactFn;

typedef struct FactFunc {
    const char *name;
    FactFn fn;
    int nargs;
    ExprType args[3];
    ExprType ret;
    const char *doc;
} FactFunc;

typedef struct Fact {
    const char *name;        /* as definitions name it: "crimes" */
    const char *title;       /* "Crimes recorded by the force" */
    bool public_data;        /* rows are per force (all forces; ranked) */
    int months_per_row;      /* 1: monthly counts, 3: quarterly, 0: instants */
    const FactField *fields;
    int nfields;
    const FactFunc *funcs;
    int nfuncs;
    const char *counted;     /* default time field rows are counted by */
    const char *weight;      /* field each row counts as (NULL: 1) */
    const char *duration;    /* field time_share() weighs by (NULL: none) */
    const char *doc;         /* a sentence for the catalogue */
} Fact;

/* Every fact, in catalogue order; and lookup by name (NULL if unknown). */
extern const Fact facts[];
extern const int nfacts;
const Fact *fact_find(const char *name);
/* The index of a field of f by name, or -1. */
int fact_field(const Fact *f, const char *name);
/* Writes "a, b, c" (the fact's field names) into out, for messages. */
void fact_field_list(const Fact *f, char *out, size_t n);

/* A fact's rows in memory. */
typedef struct FactData {
    const Fact *fact;
    int nrows;
    double *col[FACT_MAX_FIELDS];  /* per field; NULL when not loaded */
    char **dict[FACT_MAX_FIELDS];  /* text fields: code -> string */
    int ndict[FACT_MAX_FIELDS];
    int *area;                     /* per row: force index (public data) or
                                    * lpa index (own data), -1 when none */
    /* crimes only: victim updates and reviews of row i are
     * [upd_off[i], upd_off[i+1]) and [rev_off[i], rev_off[i+1]) */
    int *upd_off;
    double *upd_at;
    unsigned char *upd_template;
    int *rev_off;
    double *rev_at;
} FactData;

/* The local policing areas (own data). */
typedef struct LpaList {
    int n;
    int id[32];
    char code[32][41];
    char name[32][81];
} LpaList;

void lpa_list(sqlite3 *db, LpaList *l);

/* Loads fact f. forces maps force ids to indexes (public data); lpas maps
 * lpa ids to indexes (own data). The caller frees with fact_data_free. */
void fact_load(sqlite3 *db, const Fact *f, const ForceList *forces, const LpaList *lpas, FactData *fd);
void fact_data_free(FactData *fd);

/* The code of text value s in field fi's dictionary, or -1. */
int fact_dict_code(const FactData *fd, int fi, const char *s);

#endif
