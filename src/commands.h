/*
 * commands.h: the command line. main.c holds the table of commands and the
 * table of options; each command's implementation lives in cmd_<group>.c.
 */
#ifndef ASSURE_COMMANDS_H
#define ASSURE_COMMANDS_H

#include <stdbool.h>

/* Every option any command takes; main.c parses them from one table and
 * rejects an option the command does not list. */
typedef struct Opts {
    const char *db;       /* --db FILE (default ./assure.db) */
    const char *force;    /* --force NAME */
    const char *period;   /* --period P */
    const char *format;   /* --format table|csv|json */
    const char *output;   /* -o / --output FILE or DIR */
    const char *bind;     /* --bind ADDR */
    const char *role;     /* --role ROLE */
    const char *measure;  /* --measure KEY */
    const char *window;   /* --window month|quarter|fy|12m|all */
    const char *note;     /* --note TEXT: why a definition changed */
    const char *table;    /* --table T: an audited table */
    const char *anchor;   /* --anchor ID:HASH: an audit trail head recorded earlier */
    const char *missing;  /* --missing keep|remove: work-plan actions no longer in the file */
    long long id;         /* --id N: a record's id */
    long long port;       /* --port N */
    long long rows;       /* --rows N */
    long long seed;       /* --seed N */
    bool demo;            /* --demo */
    bool quiet;           /* --quiet: no progress on the terminal */
    int nargs;            /* positional arguments */
    char **args;
} Opts;

int cmd_init(Opts *o);
int cmd_import(Opts *o);
int cmd_measures(Opts *o);
int cmd_measure(Opts *o);
int cmd_ui(Opts *o);
int cmd_serve(Opts *o);
int cmd_test_http(Opts *o);
int cmd_user(Opts *o);
int cmd_pack(Opts *o);
int cmd_forces(Opts *o);
int cmd_peers(Opts *o);
int cmd_gen(Opts *o);
int cmd_audit(Opts *o);
int cmd_publish(Opts *o);
int cmd_routes(Opts *o);
int cmd_decision(Opts *o);

/* The database path to use: --db, else ./assure.db. */
const char *opts_db(const Opts *o);
/* The user name recorded for command-line changes: "cli:<login name>". */
const char *cli_user(void);

#endif
