/*
 * main.c: the entry point and the command table.
 *
 * `assure COMMAND [OPTIONS] [ARGS]`. Commands are found by unique prefix in
 * the sorted table below; each lists the options it accepts, and any other
 * option is an error. `assure help` and `assure COMMAND --help` print usage
 * from the same table.
 */
#include "audit.h"
#include "commands.h"
#include "util.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One command. `options` names the long options it accepts, space-separated. */
typedef struct Command {
    const char *name;
    int (*run)(Opts *o);
    const char *options;
    const char *usage;
    const char *help;
    bool hidden; /* not listed by `assure help` (test and tooling commands) */
} Command;

static const Command commands[] = {
    {"audit", cmd_audit, "db table id anchor", "audit [--db FILE] verify [--anchor ENTRY:HASH] | log [--table T [--id N]]",
     "Check the audit trail's hash chain entry by entry and print its head to record elsewhere; with --anchor, also check a head recorded earlier is unchanged (verify). Or print the trail newest first, optionally for one table or record (log).", false},
    {"decision", cmd_decision, "db", "decision [--db FILE] list | show N",
     "The decision records: list them (number, date, status, title; drafts and OFFICIAL-SENSITIVE records included), or show every field of record N.", false},
    {"forces", cmd_forces, "db format", "forces [--db FILE] [--format table|csv|json] [office NAME]",
     "List the forces reference (names, codes, kind, region, population), or set the office's own force with 'forces office NAME'.", false},
    {"gen", cmd_gen, "rows seed output", "gen street|pings --rows N [--seed N] -o FILE | gen boundaries -o FILE",
     "Write a synthetic data.police.uk street CSV of N rows (for benchmarks and tests).", true},
    {"import", cmd_import, "db quiet missing", "import [--db FILE] [--quiet] [--missing keep|remove] KIND PATH...",
     "Import data, all or nothing. KIND is police-uk (street, outcomes and stop-and-search CSVs, folders or .zip archives), "
     "home-office-crime (the recorded crime by force table, CSV or .zip), ons-population (force area populations), the force's extracts "
     "(crimes, incidents, victim-contacts, calls, boundaries, pings) or work-plan (the office's work plan table). Re-importing a work plan "
     "updates the plan of the same title in place: each action is matched by its objective, deliverable and text; its text and due date "
     "come from the file, its owner, status, RAG, note and marking stay as edited in assure. Actions imported before that the file no longer "
     "holds make the import fail, naming them, unless --missing keep (they stay, no longer tied to the file) or --missing remove (deleted).", false},
    {"init", cmd_init, "db demo force", "init [--db FILE] [--demo] [--force NAME]",
     "Create a database. --demo adds a deterministic demo office; --force sets the office's own force.", false},
    {"measure", cmd_measure, "db note", "measure [--db FILE] list | show KEY | history KEY | check FILE | set FILE [--note TEXT] | retire KEY",
     "The measure definitions (docs/measures.md): list them, show one, its history, check a definition file, save it as a new version (FILE - reads standard input), or retire a measure.", false},
    {"measures", cmd_measures, "db force period format measure window", "measures [--db FILE] [--force NAME|all] [--period P] [--measure KEY] [--window month|quarter|fy|12m|all] [--format table|csv|json]",
     "Compute every measure for the office's force (or --force NAME, or all) and period (default: the latest), as a table, CSV or JSON. By default each measure's month (or quarter) and rolling 12 months.", false},
    {"pack", cmd_pack, "db force period output", "pack [--db FILE] [--force NAME] [--period P] -o pack.html",
     "Write the performance pack: one self-contained, printable HTML file.", false},
    {"peers", cmd_peers, "db force", "peers [--db FILE] [--force NAME] [FORCE...]",
     "Show the Most Similar Group of a force (default: the office's force), or set it to the forces named (up to 7).", false},
    {"publish", cmd_publish, "db output", "publish [--db FILE] -o DIR",
     "Write the public site: the Plan and its progress, published decision records, board meetings and published minutes (with an iCalendar feed) and the performance pack. Nothing unpublished or marked OFFICIAL-SENSITIVE is written.", false},
    {"routes", cmd_routes, "", "routes",
     "List the web application's routes with the capability a GET and a POST need.", true},
    {"serve", cmd_serve, "db port bind", "serve [--db FILE] --port N [--bind ADDR]",
     "Run the web application on ADDR:N (default address 127.0.0.1).", false},
    {"test-http", cmd_test_http, "db", "test-http [--db FILE] < request.txt",
     "Run one raw HTTP request from standard input through the real dispatcher and print the reply.", true},
    {"ui", cmd_ui, "db port", "ui [--db FILE] [--port N]",
     "Run the web application on 127.0.0.1 (default port 8080) and print its address.", false},
    {"user", cmd_user, "db role", "user [--db FILE] add LOGIN --role ROLE | password LOGIN | role LOGIN --role ROLE | disable LOGIN | enable LOGIN | list",
     "Add a user or set a user's password (read from standard input), change a user's role, disable a user (signed out everywhere) or enable them again, or list users and roles. Roles: admin, commissioner, chief-executive, officer, force-liaison, panel, viewer. The last enabled user who can manage users cannot be disabled or lose that role.", false},
};

/* One option: its long name, whether it takes a value, where it goes. */
typedef enum { OPT_FLAG, OPT_STR, OPT_INT } OptKind;
typedef struct OptSpec {
    const char *name;
    char short_name;
    OptKind kind;
    size_t offset;
} OptSpec;

static const OptSpec options[] = {
    {"anchor", 0, OPT_STR, offsetof(Opts, anchor)},
    {"bind", 0, OPT_STR, offsetof(Opts, bind)},
    {"db", 0, OPT_STR, offsetof(Opts, db)},
    {"demo", 0, OPT_FLAG, offsetof(Opts, demo)},
    {"force", 0, OPT_STR, offsetof(Opts, force)},
    {"format", 0, OPT_STR, offsetof(Opts, format)},
    {"id", 0, OPT_INT, offsetof(Opts, id)},
    {"measure", 0, OPT_STR, offsetof(Opts, measure)},
    {"missing", 0, OPT_STR, offsetof(Opts, missing)},
    {"note", 0, OPT_STR, offsetof(Opts, note)},
    {"output", 'o', OPT_STR, offsetof(Opts, output)},
    {"period", 0, OPT_STR, offsetof(Opts, period)},
    {"port", 0, OPT_INT, offsetof(Opts, port)},
    {"quiet", 'q', OPT_FLAG, offsetof(Opts, quiet)},
    {"role", 0, OPT_STR, offsetof(Opts, role)},
    {"rows", 0, OPT_INT, offsetof(Opts, rows)},
    {"seed", 0, OPT_INT, offsetof(Opts, seed)},
    {"table", 0, OPT_STR, offsetof(Opts, table)},
    {"window", 0, OPT_STR, offsetof(Opts, window)},
};

static void usage_all(FILE *out)
{
    fprintf(out, "assure: the accountability cycle of a Police, Fire and Crime Commissioner's office.\n\nUsage: assure COMMAND [OPTIONS] [ARGS]\n\nCommands:\n");
    for (size_t i = 0; i < ARRAY_LEN(commands); i++) {
        if (commands[i].hidden) continue;
        fprintf(out, "  assure %s\n      %s\n", commands[i].usage, commands[i].help);
    }
    fprintf(out, "\nThe database is ./assure.db unless --db names another. 'assure COMMAND --help' shows one command.\n");
}

static bool accepts(const Command *c, const char *opt)
{
    size_t n = strlen(opt);
    for (const char *p = c->options; *p;) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        if (len == n && strncmp(p, opt, n) == 0) return true;
        if (!sp) break;
        p = sp + 1;
    }
    return false;
}

static const OptSpec *find_option(const char *name, char short_name)
{
    for (size_t i = 0; i < ARRAY_LEN(options); i++) {
        if (name && strcmp(options[i].name, name) == 0) return &options[i];
        if (!name && short_name && options[i].short_name == short_name) return &options[i];
    }
    return NULL;
}

/* Parses argv (after the command name) into o; dies on a bad option. */
static void parse_options(const Command *c, int argc, char **argv, Opts *o)
{
    o->args = xcalloc((size_t)argc + 1, sizeof(char *));
    bool only_args = false;
    for (int i = 0; i < argc; i++) {
        char *a = argv[i];
        if (only_args || a[0] != '-' || a[1] == 0) {
            o->args[o->nargs++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_args = true;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            printf("Usage: assure %s\n\n%s\n", c->usage, c->help);
            exit(0);
        }
        const OptSpec *spec;
        char *value = NULL;
        char name[64];
        if (a[1] == '-') {
            snprintf(name, sizeof name, "%s", a + 2);
            char *eq = strchr(name, '=');
            if (eq) {
                *eq = 0;
                value = strchr(a, '=') + 1;
            }
            spec = find_option(name, 0);
        } else {
            if (a[2] != 0) die("%s: unknown option '%s' (see 'assure %s --help')", c->name, a, c->name);
            spec = find_option(NULL, a[1]);
            snprintf(name, sizeof name, "%s", spec ? spec->name : a + 1);
        }
        if (!spec || !accepts(c, spec->name)) die("%s: unknown option '%s' (see 'assure %s --help')", c->name, a, c->name);
        char *field = (char *)o + spec->offset;
        if (spec->kind == OPT_FLAG) {
            if (value) die("%s: option --%s takes no value", c->name, spec->name);
            *(bool *)field = true;
            continue;
        }
        if (!value) {
            if (i + 1 >= argc) die("%s: option --%s needs a value", c->name, spec->name);
            value = argv[++i];
        }
        if (spec->kind == OPT_STR) {
            *(const char **)field = value;
        } else {
            char *end;
            long long v = strtoll(value, &end, 10);
            if (!*value || *end || v < 0) die("%s: option --%s expects a whole number, not '%s'", c->name, spec->name, value);
            *(long long *)field = v;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage_all(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
        printf("assure %s\n", ASSURE_VERSION);
        return 0;
    }
    const Command *found = NULL;
    int matches = 0;
    size_t n = strlen(argv[1]);
    for (size_t i = 0; i < ARRAY_LEN(commands); i++) {
        if (strcmp(commands[i].name, argv[1]) == 0) {
            found = &commands[i];
            matches = 1;
            break;
        }
        if (strncmp(commands[i].name, argv[1], n) == 0 && !commands[i].hidden) {
            found = &commands[i];
            matches++;
        }
    }
    if (matches != 1) {
        if (matches == 0) fprintf(stderr, "assure: unknown command '%s'\n\n", argv[1]);
        else fprintf(stderr, "assure: '%s' is ambiguous\n\n", argv[1]);
        usage_all(stderr);
        return 2;
    }
    Opts o = {0};
    parse_options(found, argc - 2, argv + 2, &o);
    audit_set_default_actor(cli_user());
    int rc = found->run(&o);
    free(o.args);
    return rc;
}
