/*
 * plan.h: what the Plan's importer, pages and demo share (plan.c).
 *
 * The Plan (sql/003_force_data.sql, sql/004_plan.sql): a plan with a period,
 * a status (draft, issued, revised) and a version; priorities; objectives,
 * each for a service (Police, Fire and Rescue, Working together); an
 * objective's deliverables; a deliverable's actions with owner, due date,
 * status, RAG and protective marking; the measures that evidence an
 * objective; the Panel's reviews with recommendations and responses.
 *
 * A due date is kept as written, normalised: a month "2018-03" (from
 * "Mar-18", "March 2018" or "2018-03"), "TBC", "Ongoing" (also "On going"),
 * '' (none given), or free text such as "New plan for Oct 17". due_month is
 * the month the value names (YYYYMM; for text, the first month written in
 * it, "Oct 17" -> 201710), or 0 when it names none.
 */
#ifndef ASSURE_PLAN_H
#define ASSURE_PLAN_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

/* Normalises a due date s[0..len) into out (NUL-terminated) and its month.
 * Returns false with `why` filled (what was expected) when the value looks
 * like a month but is not one ("Mar-1x", "Abc-18", "2018-13"), or is too
 * long (over 120 bytes) or holds a control character. */
bool plan_parse_due(const char *s, size_t len, char *out, size_t outn, int *due_month, const char **why);

/* The action statuses, in the order pages show them (4), and checking. */
extern const char *const plan_statuses[];
#define PLAN_NSTATUS 4
bool plan_status_valid(const char *s);
/* RAG: '' (not rated), G, A, R. */
bool plan_rag_valid(const char *s);
bool plan_marking_valid(const char *s);
/* The services an objective is for, in the order pages show them (3). */
extern const char *const plan_services[];
#define PLAN_NSERVICES 3
/* True when s holds a control character (a line break in a one-line
 * field such as a title). */
bool plan_has_control(const char *s);

/* Checks a date YYYY-MM-DD (a real calendar date). */
bool plan_date_valid(const char *s);

/* The current plan's id: the issued (or revised) plan whose period holds
 * today, else the issued or revised one ending last, else the latest
 * plan of any status; 0 when none is held. Drafts count only when
 * `drafts` is true. */
long long plan_current(sqlite3 *db, bool drafts);

/* The current month as YYYYMM (UTC). */
int plan_this_month(void);

#endif
