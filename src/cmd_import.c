/*
 * cmd_import.c: `assure import KIND PATH...` (see import.h for the contract).
 */
#include "commands.h"
#include "db.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The import kinds, their entry points and what they take. */
static const struct {
    const char *kind;
    bool (*run)(Import *imp, char **paths, int npaths);
    const char *what;
} kinds[] = {
    {"boundaries", import_boundaries, "police stations, priority locations and local policing areas as polygons (GeoJSON; replaces all held)"},
    {"calls", import_calls, "the force's 999 and 101 calls: offered and answered times (CSV)"},
    {"crimes", import_crimes, "the force's crime records: times, offence, flags, area, pseudonymous victim, outcome, reviews (CSV)"},
    {"home-office-crime", import_home_office_crime, "the Home Office police recorded crime by force table (CSV or .zip)"},
    {"incidents", import_incidents, "the force's incidents: created and first arrival, grade, urban or rural, area (CSV)"},
    {"ons-population", import_ons_population, "ONS mid-year population of police force areas (CSV)"},
    {"pings", import_pings, "officers' location pings, placed against the boundaries held into time by place (CSV)"},
    {"police-uk", import_police_uk, "data.police.uk street, outcomes and stop-and-search CSVs, folders or .zip archives"},
    {"victim-contacts", import_victim_contacts, "updates given to victims of the force's crimes (CSV)"},
    {"work-plan", import_work_plan, "the office's work plan table (Objective, Specific Deliverable, Actions, Due Date), tab-separated text as in its annual report"},
};

int cmd_import(Opts *o)
{
    if (o->nargs < 2) {
        fprintf(stderr, "Usage: assure import [--db FILE] [--quiet] [--missing keep|remove] KIND PATH...\nKinds:\n");
        for (size_t i = 0; i < ARRAY_LEN(kinds); i++) fprintf(stderr, "  %-18s %s\n", kinds[i].kind, kinds[i].what);
        return 2;
    }
    size_t k;
    for (k = 0; k < ARRAY_LEN(kinds); k++)
        if (strcmp(kinds[k].kind, o->args[0]) == 0) break;
    if (k == ARRAY_LEN(kinds)) {
        Buf list = {0};
        for (size_t i = 0; i < ARRAY_LEN(kinds); i++) buf_printf(&list, "%s%s", i ? ", " : "", kinds[i].kind);
        die("import: unknown kind '%s'; expected one of %s", o->args[0], buf_cstr(&list));
    }
    if (o->missing && strcmp(kinds[k].kind, "work-plan") != 0) die("import: --missing is for work-plan imports only");
    if (o->missing && strcmp(o->missing, "keep") != 0 && strcmp(o->missing, "remove") != 0)
        die("import: --missing '%s': expected keep (actions no longer in the work plan stay) or remove (they are deleted)", o->missing);
    sqlite3 *db = db_open(opts_db(o), false);
    Import imp;
    memset(&imp, 0, sizeof imp);
    imp.db = db;
    imp.kind = kinds[k].kind;
    imp.user = cli_user();
    imp.progress = !o->quiet && isatty(2);
    imp.missing = o->missing;
    bool ok = kinds[k].run(&imp, o->args + 1, o->nargs - 1);
    double secs = mono_seconds() - imp.t0;
    if (ok) {
        char rows[32];
        fmt_thousands(rows, sizeof rows, imp.rows);
        printf("imported %s rows from %d file%s in %.2f s (%.0f rows/s): %s\n", rows, imp.nsrc, imp.nsrc == 1 ? "" : "s", secs,
               secs > 0 ? (double)imp.rows / secs : 0.0, buf_cstr(&imp.summary));
    } else {
        fprintf(stderr, "assure: import failed, nothing was written: %s\n", buf_cstr(&imp.err));
    }
    import_free(&imp);
    db_close(db);
    return ok ? 0 : 1;
}
