/*
 * expr.h: the expression language of measure definitions (docs/measures.md).
 *
 * A measure's `where:` condition and its aggregate's argument are small
 * expressions over the fields of one fact: literals (numbers, durations like
 * 10m or 28d, 'text', true, false, null), field names, arithmetic (+ - * /),
 * comparisons (= != < <= > >=), `in (...)`, `is [not] null`, `and`, `or`,
 * `not`, parentheses, the value `period_end` (the instant a period ends,
 * for measures counted at a period's end) and the fact's functions.
 *
 * Parsing checks everything a definition can get wrong and says where:
 * "at character 12: unknown field "recordd_at" (crimes has: reference,
 * reported_at, ...)". A parsed expression has a type: number, duration,
 * time, yes/no or text.
 *
 * Evaluation is by batches of rows: every node computes a column of up to
 * EXPR_BATCH doubles, so the per-node cost is paid once per batch. All
 * values are doubles: times are Unix seconds, durations seconds, yes/no 1 or
 * 0, text a code in the column's dictionary; NaN is null. Comparisons and
 * `and`/`or`/`not` follow SQL's three-valued logic (null is neither true
 * nor false).
 */
#ifndef ASSURE_EXPR_H
#define ASSURE_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

#define EXPR_BATCH 512

typedef enum { T_NUM, T_DUR, T_TIME, T_BOOL, T_TEXT } ExprType;

struct Fact;
struct FactData;

/* A parsed expression node (opaque outside expr.c). */
typedef struct Expr Expr;

/* Parses text as an expression over fact's fields. `period_end_ok` says
 * whether `period_end` may be used. Returns the tree (free with
 * expr_free) or NULL with the reason in err ("at character N: ..."). */
Expr *expr_parse(const char *text, const struct Fact *fact, bool period_end_ok, char *err, size_t errlen);
void expr_free(Expr *e);

/* The type of a parsed expression. */
ExprType expr_type(const Expr *e);
/* The name of a type, for messages ("a duration"). */
const char *expr_type_name(ExprType t);

/* Prepares e for evaluation over loaded data (resolves text literals to
 * dictionary codes, builds per-row helpers such as prior()). Call once per
 * FactData before expr_eval. */
void expr_bind(Expr *e, const struct FactData *fd);

/* Evaluates e for rows rows[0..n) (n <= EXPR_BATCH) of fd, with
 * period_end the instant periods end at (NaN when none). Returns a column
 * of n values owned by e, valid until the next call. */
const double *expr_eval(Expr *e, const struct FactData *fd, const int *rows, int n, double period_end);

/* Appends the fields used by e to mask (one bit per field index). */
void expr_fields(const Expr *e, unsigned long long *mask);

/* Parses a duration literal like "10m", "2h", "28d", "30s" or "00:10:00"
 * into seconds. False when malformed. */
bool expr_parse_duration(const char *s, double *secs);

#endif
