/*
 * pack.c: the performance pack document (see pack.h), and `assure pack`.
 */
#include "pack.h"
#include "commands.h"
#include "db.h"
#include "embedded.h"
#include "html.h"
#include "perf_view.h"
#include "web.h"

#include <stdio.h>
#include <string.h>

static const char *const month_names[] = {"January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"};

void pack_render(Buf *out, sqlite3 *db, const MeasureSet *ms, int fi, int end, bool inline_css, Arena *a)
{
    const Force *f = &ms->forces.f[fi];
    char generated[32];
    now_iso(generated);
    html_printf(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>Performance pack: %s, %s %d</title>\n",
                f->name, month_names[end % 100 - 1], end / 100);
    if (inline_css) {
        const EmbeddedFile *css = embedded_find("assets/style.css");
        html_lit(out, "<style>\n");
        /* The stylesheet is our own embedded asset; it contains no "</style". */
        if (css) buf_append(out, css->data, css->len);
        html_lit(out, "</style>\n");
    } else {
        char v[16];
        web_style_version(v);
        html_printf(out, "<link rel=\"stylesheet\" href=\"/static/style.css?v=%s\">\n", v);
    }
    html_lit(out, "</head>\n<body class=\"pack\">\n<main class=\"pack-main\">\n");
    html_printf(out, "<header class=\"pack-header\"><p class=\"caption\">Performance pack</p><h1>%s</h1>\n"
                     "<p>Force performance for %s %d, for the Commissioner, the Accountability Board and the Police, Fire and Crime Panel.</p>\n"
                     "<p class=\"meta\">Generated %.10s by assure.</p></header>\n",
                f->name, month_names[end % 100 - 1], end / 100, generated);
    PerfView v = {db, ms, fi, end, false, a};
    perf_render(out, &v);
    html_lit(out, "<footer class=\"pack-footer\"><p>Contains public sector information licensed under the Open Government Licence v3.0.</p></footer>\n"
                  "</main>\n</body>\n</html>\n");
}

int cmd_pack(Opts *o)
{
    if (!o->output) die("pack: name the file to write with -o FILE (e.g. -o pack.html)");
    int end = 0;
    if (o->period && !(end = measures_parse_period(o->period)))
        die("pack: cannot read the period '%s'; expected a month like 2025-12 or a financial quarter like 2025/26 Q3", o->period);
    sqlite3 *db = db_open(opts_db(o), false);
    MeasureSet ms;
    measures_compute(db, &ms);
    int id = o->force ? forces_lookup(db, o->force, strlen(o->force)) : ms.office;
    if (o->force && !id) die("pack: unknown force '%s' ('assure forces' lists them)", o->force);
    if (!id) die("pack: no office force is set; name one with --force NAME or set it with 'assure forces office NAME'");
    int fi = measures_force_index(&ms, id);
    if (!end) end = perf_default_end(&ms, fi);
    if (!end) die("pack: no crime data is held for %s; import police.uk or Home Office data first", ms.forces.f[fi].name);
    Buf out = {0};
    Arena a = {0};
    pack_render(&out, db, &ms, fi, end, true, &a);
    FILE *fp = fopen(o->output, "wb");
    if (!fp || fwrite(buf_cstr(&out), 1, out.len, fp) != out.len || fclose(fp) != 0) die("pack: cannot write %s", o->output);
    printf("wrote %s: %s, %s %d (%zu bytes)\n", o->output, ms.forces.f[fi].name, month_names[end % 100 - 1], end / 100, out.len);
    buf_free(&out);
    arena_free(&a);
    measures_free(&ms);
    db_close(db);
    return 0;
}
