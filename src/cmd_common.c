/*
 * cmd_common.c: helpers every command shares (kept out of main.c so the
 * unit tests, which link everything but main.c, have them too).
 */
#include "commands.h"

#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

const char *opts_db(const Opts *o)
{
    return o->db ? o->db : "assure.db";
}

const char *cli_user(void)
{
    static char name[96];
    if (!name[0]) {
        struct passwd *pw = getpwuid(getuid());
        snprintf(name, sizeof name, "cli:%s", pw ? pw->pw_name : "unknown");
    }
    return name;
}
