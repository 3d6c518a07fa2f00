/*
 * cmd_decision.c: `assure decision list` (every decision record, newest
 * number first: number, date, status, title) and `assure decision show N`
 * (every field of one record, its linked Plan objectives and budget lines).
 * The command line reads the store directly, so it lists drafts and
 * OFFICIAL-SENSITIVE records too, marked as such.
 */
#include "commands.h"
#include "db.h"
#include "decisions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints a multi-line text indented under its label. */
static void print_block(const char *label, const char *text)
{
    printf("%s:\n", label);
    if (!*text) {
        printf("  (none)\n");
        return;
    }
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        if (len && p[len - 1] == '\r') len--;
        printf("  %.*s\n", len, p);
        p = nl ? nl + 1 : p + strlen(p);
    }
}

static int list(sqlite3 *db)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT number, decided_on, status, title, marking FROM decision ORDER BY number DESC");
    printf("%-6s  %-10s  %-9s  %s\n", "number", "date", "status", "title");
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        n++;
        bool sensitive = strcmp(db_text(st, 4), "OFFICIAL") != 0;
        printf("%-6lld  %-10s  %-9s  %s%s\n", sqlite3_column_int64(st, 0), db_text(st, 1), db_text(st, 2), db_text(st, 3),
               sensitive ? " [OFFICIAL-SENSITIVE]" : "");
    }
    sqlite3_finalize(st);
    if (!n) printf("(no decision records)\n");
    return 0;
}

static int show(sqlite3 *db, const char *arg)
{
    char *end;
    long long number = strtoll(arg, &end, 10);
    if (!*arg || *end || number <= 0) {
        fprintf(stderr, "assure: decision show: expected a decision record number (a whole number above 0), not '%s'\n", arg);
        return 2;
    }
    sqlite3_stmt *st = db_prepare(db, "SELECT id, number, title, decided_on, decision, reasons, value_pence, category, budget_lines, status,"
                                      " published_on, marking FROM decision WHERE number=?1");
    sqlite3_bind_int64(st, 1, number);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        fprintf(stderr, "assure: decision show: there is no decision record %lld ('assure decision list' lists them)\n", number);
        return 1;
    }
    long long id = sqlite3_column_int64(st, 0);
    char value[48], fy[16];
    decision_format_value(value, sizeof value, sqlite3_column_type(st, 6) != SQLITE_NULL, sqlite3_column_int64(st, 6));
    int fyear = decision_fy_of(db_text(st, 3));
    decision_fy_format(fy, sizeof fy, fyear);
    printf("number:       %lld\n", sqlite3_column_int64(st, 1));
    printf("title:        %s\n", db_text(st, 2));
    printf("date:         %s\n", db_text(st, 3));
    printf("year:         %s\n", fyear ? fy : "");
    printf("status:       %s\n", db_text(st, 9));
    printf("published on: %s\n", *db_text(st, 10) ? db_text(st, 10) : "(not published)");
    printf("marking:      %s\n", db_text(st, 11));
    printf("value:        %s\n", value);
    printf("category:     %s\n", *db_text(st, 7) ? db_text(st, 7) : "(none)");
    print_block("decision", db_text(st, 4));
    print_block("reasons", db_text(st, 5));
    print_block("budget lines", db_text(st, 8));
    sqlite3_finalize(st);

    st = db_prepare(db, "SELECT p.title, o.title FROM decision_objective d JOIN plan_objective o ON o.id=d.objective_id"
                        " JOIN plan_priority p ON p.id=o.priority_id WHERE d.decision_id=?1 ORDER BY p.position, o.position");
    sqlite3_bind_int64(st, 1, id);
    printf("objectives:\n");
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        printf("  %s: %s\n", db_text(st, 0), db_text(st, 1));
        n++;
    }
    if (!n) printf("  (none)\n");
    sqlite3_finalize(st);
    return 0;
}

int cmd_decision(Opts *o)
{
    static const char usage[] = "usage: assure decision [--db FILE] list | show N";
    if (o->nargs < 1) die("decision: %s", usage);
    const char *action = o->args[0];
    if (strcmp(action, "list") == 0) {
        if (o->nargs != 1) die("decision list takes no arguments; %s", usage);
    } else if (strcmp(action, "show") == 0) {
        if (o->nargs != 2) die("decision show needs one decision record number; %s", usage);
    } else {
        die("decision: unknown action '%s'; %s", action, usage);
    }
    sqlite3 *db = db_open(opts_db(o), false);
    int rc = strcmp(action, "list") == 0 ? list(db) : show(db, o->args[1]);
    db_close(db);
    return rc;
}
