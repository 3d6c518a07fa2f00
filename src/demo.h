/*
 * demo.h: the deterministic demo office (`assure init --demo`).
 *
 * demo_populate() fills a freshly migrated database with a complete,
 * synthetic but realistic office: Northamptonshire as the office's force,
 * a demo peer group, three years of police.uk-style street counts for every
 * force, Home Office-style quarterly recorded crime consistent with them,
 * and two users. Every value comes from a splitmix64 generator keyed by a
 * constant seed and by names (force code, crime type, month), so the
 * database contents are the same on every run, and independent of the order
 * rows are written in.
 */
#ifndef ASSURE_DEMO_H
#define ASSURE_DEMO_H

#include <sqlite3.h>

/* The first and last month of the demo's police.uk data (YYYYMM). */
#define DEMO_FIRST_MONTH 202301
#define DEMO_LAST_MONTH 202512
/* The first and last financial quarter of its Home Office data (fyq). */
#define DEMO_FIRST_FYQ 20221
#define DEMO_LAST_FYQ 20253

/* Writes the demo office into db, which must be migrated (forces loaded)
 * and hold no public data yet. Runs inside the caller's transaction (or a
 * savepoint of its own when there is none). Dies on any failure, as a
 * failure here is a programming error. */
void demo_populate(sqlite3 *db);

/* Writes three years (2023 to 2025) of the office force's own extracts
 * (crimes with reviews and victim updates, incidents, calls, officers'
 * time by place, two local policing areas) and the demo Plan with the
 * measures that evidence it (demo_force.c). Returns the rows written.
 * Needs the shipped measure definitions in the store. */
long long demo_force_populate(sqlite3 *db, long long import_id);

/* Writes the demo Accountability Board: meetings through 2025/26, items,
 * verdicts, follow-ups, minutes, the schedule of assurance, the budget
 * conditions letter and a force liaison user (demo_board.c). */
void demo_board_populate(sqlite3 *db);
/* Writes the demo Plan's deliverables and actions and the Panel's review of
 * the draft with the Commissioner's responses (demo_plan.c), once the
 * plan's objectives are written. */
void demo_plan_populate(sqlite3 *db, long long plan);
/* Writes the demo office's decision records (221 to 233), some linked to
 * objectives of the demo Plan, which must be written first
 * (demo_decisions.c). */
void demo_decisions_populate(sqlite3 *db);

/* The demo users' logins and passwords, for `init --demo` and `make run` to
 * print. Static strings; the caller does not free them. */
const char *demo_admin_login(void);
const char *demo_admin_password(void);
const char *demo_viewer_login(void);
const char *demo_viewer_password(void);

#endif
