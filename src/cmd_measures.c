/*
 * cmd_measures.c: `assure measures`, the computed values as a table, CSV or
 * JSON (docs/data-formats.md "measures"), and `assure measure`, the
 * definitions: list, show, set (from a file in the text form of
 * docs/measures.md), check, retire and history.
 */
#include "commands.h"
#include "db.h"
#include "html.h"
#include "measures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { FMT_TABLE, FMT_CSV, FMT_JSON } Format;

/* Appends a whole number (no printf: this runs for every value). */
static void put_int(Buf *b, long long v)
{
    char tmp[24];
    int n = 0;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) tmp[n++] = '-';
    buf_grow(b, (size_t)n);
    while (n) b->s[b->len++] = tmp[--n];
    b->s[b->len] = 0;
}

/* Appends v rounded to `decimals` places (at most 3), without trailing
 * zeros: 2.4, 7.058, 85. */
static void put_fixed(Buf *b, double v, int decimals)
{
    static const long long scale[] = {1, 10, 100, 1000};
    long long q = llround(v * (double)scale[decimals]);
    long long whole = q / scale[decimals], frac = q % scale[decimals];
    if (q < 0 && whole == 0) buf_putc(b, '-');
    put_int(b, whole);
    if (frac < 0) frac = -frac;
    if (!frac) return;
    char digits[4] = {0};
    for (int i = decimals - 1; i >= 0; i--, frac /= 10) digits[i] = (char)('0' + frac % 10);
    int last = decimals;
    while (last > 0 && digits[last - 1] == '0') last--;
    buf_putc(b, '.');
    buf_append(b, digits, (size_t)last);
}

/* Appends a number: whole numbers without decimals, others with up to 3. */
static void put_num(Buf *b, double v)
{
    if (isnan(v)) buf_puts(b, "null");
    else if (v == floor(v) && fabs(v) < 1e15) put_int(b, (long long)v);
    else put_fixed(b, v, 3);
}

/* The force a value belongs to: the area's force, or the office's. */
static const Force *value_force(const MeasureSet *ms, const MeasureValue *v)
{
    if (v->area < ms->forces.n) return &ms->forces.f[v->area];
    int fi = measures_force_index(ms, ms->office);
    return fi >= 0 ? &ms->forces.f[fi] : NULL;
}

/* The area column: "" for a whole force, else the local policing area. */
static const char *value_area(const MeasureSet *ms, const MeasureValue *v)
{
    return v->area > ms->forces.n ? ms->lpas.code[v->area - ms->forces.n - 1] : "";
}

static void put_json_row(Buf *b, const MeasureSet *ms, const MeasureValue *r, bool first)
{
    const Force *f = value_force(ms, r);
    buf_puts(b, first ? "\n  {" : ",\n  {");
    buf_puts(b, "\"measure\":");
    json_quoted(b, r->def->key);
    buf_puts(b, ",\"title\":");
    json_quoted(b, r->def->title);
    buf_puts(b, ",\"window\":");
    json_quoted(b, measures_window_name(r->win));
    buf_puts(b, ",\"force\":");
    json_quoted(b, f ? f->name : "");
    buf_puts(b, ",\"force_code\":");
    json_quoted(b, f ? f->code : "");
    buf_puts(b, ",\"area\":");
    json_quoted(b, value_area(ms, r));
    buf_puts(b, ",\"period\":");
    json_quoted(b, r->period);
    buf_puts(b, ",\"period_end\":");
    json_quoted(b, r->period_end);
    buf_puts(b, ",\"unit\":");
    json_quoted(b, mdef_unit_name(r->def->unit));
    buf_puts(b, ",\"value\":");
    put_num(b, r->value);
    if (r->has_yoy) {
        buf_puts(b, ",\"yoy_change\":");
        put_num(b, r->yoy_change);
        buf_puts(b, ",\"yoy_pct\":");
        if (isnan(r->yoy_pct)) buf_puts(b, "null");
        else put_fixed(b, r->yoy_pct, 1);
    }
    if (r->has_rate) {
        buf_puts(b, ",\"rate_per_1000\":");
        put_fixed(b, r->rate, 3);
    }
    if (r->nat_of) {
        buf_puts(b, ",\"national_rank\":");
        put_int(b, r->nat_rank);
        buf_puts(b, ",\"national_of\":");
        put_int(b, r->nat_of);
    }
    if (r->msg_of) {
        buf_puts(b, ",\"msg_rank\":");
        put_int(b, r->msg_rank);
        buf_puts(b, ",\"msg_of\":");
        put_int(b, r->msg_of);
    }
    if (r->target) {
        buf_puts(b, ",\"target\":");
        char t[48];
        snprintf(t, sizeof t, "%s", r->target->op);
        json_quoted(b, t);
        buf_puts(b, ",\"target_value\":");
        put_num(b, r->target->value);
        buf_puts(b, ",\"rag\":");
        char rag[2] = {r->rag, 0};
        json_quoted(b, rag);
    }
    buf_putc(b, '}');
}

/* Appends a CSV field, quoted when it needs to be. */
static void put_csv(Buf *b, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        buf_puts(b, s);
        return;
    }
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"') buf_putc(b, '"');
        buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

static void put_csv_row(Buf *b, const MeasureSet *ms, const MeasureValue *r)
{
    const Force *f = value_force(ms, r);
    put_csv(b, r->def->key);
    buf_putc(b, ',');
    buf_puts(b, measures_window_name(r->win));
    buf_putc(b, ',');
    put_csv(b, f ? f->name : "");
    buf_putc(b, ',');
    put_csv(b, value_area(ms, r));
    buf_printf(b, ",%s,%s,%s,", r->period, r->period_end, mdef_unit_name(r->def->unit));
    put_num(b, r->value);
    buf_putc(b, ',');
    if (r->has_yoy) put_num(b, r->yoy_change);
    buf_putc(b, ',');
    if (r->has_yoy && !isnan(r->yoy_pct)) put_fixed(b, r->yoy_pct, 1);
    buf_putc(b, ',');
    if (r->has_rate) put_fixed(b, r->rate, 3);
    buf_putc(b, ',');
    if (r->nat_of) buf_printf(b, "%d,%d", r->nat_rank, r->nat_of);
    else buf_putc(b, ',');
    buf_putc(b, ',');
    if (r->msg_of) buf_printf(b, "%d,%d", r->msg_rank, r->msg_of);
    else buf_putc(b, ',');
    buf_putc(b, ',');
    if (r->target) {
        buf_printf(b, "%s ", r->target->op);
        put_num(b, r->target->value);
        buf_printf(b, ",%c", r->rag);
    } else {
        buf_putc(b, ',');
    }
    buf_putc(b, '\n');
}

/* The last month of the latest period of window w that ends by month m
 * (both counted by month_abs): m itself for a month or 12 months; the last
 * quarter's end (March, June, September, December) for a quarter; the last
 * March for a financial year. */
static int window_end_at(int w, int m)
{
    if (w == WIN_MONTH || w == WIN_12M) return m;
    int step = w == WIN_QUARTER ? 3 : 12;
    int k = m;
    while (month_abs(2000 * 100 + 3) % step != k % step) k--; /* align to a March */
    return k;
}

static void put_table_row(Buf *b, const MeasureSet *ms, const MeasureValue *r, bool all_forces)
{
    char v[32], chg[48] = "", rank[16] = "", msg[16] = "", tgt[48] = "";
    mdef_format(r->def, r->value, v, sizeof v);
    if (r->has_yoy) {
        char c[32];
        mdef_format(r->def, fabs(r->yoy_change), c, sizeof c);
        snprintf(chg, sizeof chg, "%s%s", r->yoy_change > 0 ? "+" : r->yoy_change < 0 ? "-" : "", c);
    }
    if (r->nat_of) snprintf(rank, sizeof rank, "%d of %d", r->nat_rank, r->nat_of);
    if (r->msg_of) snprintf(msg, sizeof msg, "%d of %d", r->msg_rank, r->msg_of);
    if (r->target) {
        char t[32];
        mdef_format_target(r->def, r->target, t, sizeof t);
        snprintf(tgt, sizeof tgt, "%s %c", t, r->rag);
    }
    char area[48];
    snprintf(area, sizeof area, "%s", r->area > ms->forces.n ? value_area(ms, r) : all_forces ? measures_area_name(ms, r->area) : "");
    buf_printf(b, "%-34.34s %-7s %-18.18s %-10s %12s %14s %9s %9s %14s\n", r->def->key, measures_window_name(r->win), area, r->period, v, chg, rank, msg, tgt);
}

int cmd_measures(Opts *o)
{
    Format fmt = FMT_TABLE;
    if (o->format) {
        if (strcmp(o->format, "table") == 0) fmt = FMT_TABLE;
        else if (strcmp(o->format, "csv") == 0) fmt = FMT_CSV;
        else if (strcmp(o->format, "json") == 0) fmt = FMT_JSON;
        else die("measures: unknown format '%s'; expected table, csv or json", o->format);
    }
    int end = 0;
    if (o->period && !(end = measures_parse_period(o->period)))
        die("measures: cannot read the period '%s'; expected a month like 2025-12 or a financial quarter like 2025/26 Q3", o->period);
    int only_win = -1;
    bool all_windows = false;
    if (o->window) {
        if (strcmp(o->window, "all") == 0) all_windows = true;
        else if ((only_win = measures_parse_window(o->window)) < 0) die("measures: unknown window '%s'; expected month, quarter, fy, 12m or all", o->window);
    }
    sqlite3 *db = db_open(opts_db(o), false);
    double t0 = mono_seconds();
    MeasureSet ms;
    measures_compute(db, &ms);
    double t1 = mono_seconds();
    bool all = o->force && strcmp(o->force, "all") == 0;
    int force_id = 0;
    if (!all) {
        if (o->force) {
            force_id = forces_lookup(db, o->force, strlen(o->force));
            if (!force_id) die("measures: unknown force '%s' ('assure forces' lists them)", o->force);
        } else {
            force_id = ms.office;
            if (!force_id) die("measures: no office force is set; name one with --force NAME (or --force all), or set it with 'assure forces office NAME'");
        }
    }
    if (o->measure) {
        bool prefix = false;
        for (int d = 0; d < ms.defs.n; d++) prefix |= strncmp(ms.defs.d[d].key, o->measure, strlen(o->measure)) == 0;
        if (!prefix) die("measures: no measure '%s'; 'assure measure list' lists them", o->measure);
    }
    Buf out = {0};
    if (fmt == FMT_CSV) buf_puts(&out, "measure,window,force,area,period,period_end,unit,value,yoy_change,yoy_pct,rate_per_1000,national_rank,national_of,msg_rank,msg_of,target,rag\n");
    if (fmt == FMT_JSON) buf_putc(&out, '[');
    if (fmt == FMT_TABLE)
        buf_printf(&out, "%-34s %-7s %-18s %-10s %12s %14s %9s %9s %14s\n", "measure", "window", all ? "force or area" : "area", "period", "value", "on last year", "national", "MSG", "target");
    long long nvalues = 0, nearlier = 0;
    bool first = true;
    int fi_office = measures_force_index(&ms, force_id);
    for (int d = 0; d < ms.defs.n; d++) {
        const MeasureDef *md = &ms.defs.d[d];
        if (o->measure && strncmp(md->key, o->measure, strlen(o->measure)) != 0) continue;
        const DefValues *dv = &ms.vals[d];
        for (int a = dv->area0; a < dv->area0 + dv->nareas; a++) {
            if (md->fact->public_data && !all && a != fi_office) continue;
            for (int w = 0; w < NWIN; w++) {
                if (!dv->has[w]) continue;
                if (only_win >= 0 && w != only_win) continue;
                /* by default: the month (or quarter) and the 12 months */
                if (only_win < 0 && !all_windows && !(w == WIN_12M || w == (dv->has[WIN_MONTH] ? WIN_MONTH : WIN_QUARTER))) continue;
                int from, to;
                if (end) {
                    from = to = measures_at_or_before(&ms, d, (Window)w, a, month_abs(end));
                    if (from >= 0 && from < window_end_at(w, month_abs(end))) nearlier++;
                } else if (all) {
                    from = dv->m0;
                    to = dv->m0 + dv->nm - 1;
                } else {
                    from = to = measures_latest(&ms, d, (Window)w, a);
                }
                if (from < 0) continue;
                for (int m = from; m <= to; m++) {
                    MeasureValue r;
                    if (!measures_value(&ms, d, (Window)w, a, m, &r)) continue;
                    nvalues++;
                    if (fmt == FMT_JSON) put_json_row(&out, &ms, &r, first);
                    else if (fmt == FMT_CSV) put_csv_row(&out, &ms, &r);
                    else put_table_row(&out, &ms, &r, all);
                    first = false;
                    if (out.len > (1u << 20)) {
                        fwrite(out.s, 1, out.len, stdout);
                        buf_reset(&out);
                    }
                }
            }
        }
    }
    if (fmt == FMT_JSON) buf_puts(&out, "\n]\n");
    double t2 = mono_seconds();
    fwrite(buf_cstr(&out), 1, out.len, stdout);
    if (getenv("ASSURE_TIMING"))
        fprintf(stderr, "measures: computed %d measures for %d areas in %.1f ms (%.1f ms loading facts); selected and formatted %lld values in %.1f ms\n",
                ms.defs.n, ms.narea, (t1 - t0) * 1000, ms.load_ms, nvalues, (t2 - t1) * 1000);
    if (nearlier)
        fprintf(stderr, "assure: %lld of the %lld values are from before %s, which has none for them: each is the latest earlier value, and its period column says which\n",
                nearlier, nvalues, o->period);
    if (nvalues == 0 && fmt == FMT_TABLE) fprintf(stderr, "assure: no measure has a value%s; import data first (assure import ...)\n", o->period ? " for that period" : "");
    buf_free(&out);
    measures_free(&ms);
    db_close(db);
    return 0;
}

/* Prints one version of a definition (for `measure history`). */
static void print_version(void *ctx, int version, const char *spec, const char *created_at, const char *created_by, const char *note)
{
    (void)ctx;
    printf("# version %d, %s by %s%s%s\n%s\n", version, created_at, created_by, *note ? ": " : "", note, spec);
}

int cmd_measure(Opts *o)
{
    const char *sub = o->nargs ? o->args[0] : "list";
    sqlite3 *db = db_open(opts_db(o), false);
    int rc = 0;
    char err[700];
    if (strcmp(sub, "list") == 0) {
        MeasureDefs defs;
        mdefs_load(db, &defs);
        printf("%-34s %-15s %-9s %-8s %s\n", "key", "fact", "unit", "version", "title");
        for (int i = 0; i < defs.n; i++)
            printf("%-34s %-15s %-9s %-8d %s\n", defs.d[i].key, defs.d[i].fact->name, mdef_unit_name(defs.d[i].unit), defs.d[i].version, defs.d[i].title);
        mdefs_free(&defs);
    } else if (strcmp(sub, "show") == 0 || strcmp(sub, "history") == 0) {
        if (o->nargs != 2) die("measure %s: name the measure: assure measure %s KEY", sub, sub);
        if (strcmp(sub, "show") == 0) {
            MeasureDefs defs;
            mdefs_load(db, &defs);
            int k = -1;
            for (int i = 0; i < defs.n; i++)
                if (strcmp(defs.d[i].key, o->args[1]) == 0) k = i;
            if (k < 0) die("measure show: no measure '%s' is in use ('assure measure list' lists them)", o->args[1]);
            fputs(defs.d[k].spec, stdout);
            mdefs_free(&defs);
        } else if (!mdef_history(db, o->args[1], print_version, NULL)) {
            die("measure history: no measure '%s'", o->args[1]);
        }
    } else if (strcmp(sub, "set") == 0 || strcmp(sub, "check") == 0) {
        if (o->nargs != 2) die("measure %s: name the definition file: assure measure %s FILE (- for standard input)", sub, sub);
        Buf text = {0};
        if (strcmp(o->args[1], "-") == 0) {
            char chunk[4096];
            size_t k;
            while ((k = fread(chunk, 1, sizeof chunk, stdin)) > 0) buf_append(&text, chunk, k);
        } else if (!read_file(o->args[1], &text)) {
            die("measure %s: cannot read %s", sub, o->args[1]);
        }
        if (strcmp(sub, "check") == 0) {
            MeasureDef d;
            bool ok = mdef_parse(buf_cstr(&text), &d, err, sizeof err);
            if (ok) fputs(d.spec, stdout);
            else fprintf(stderr, "assure: %s: %s\n", o->args[1], err);
            mdef_free(&d);
            rc = ok ? 0 : 1;
        } else {
            int r = mdef_save(db, buf_cstr(&text), cli_user(), o->note ? o->note : "", err, sizeof err);
            if (r < 0) {
                fprintf(stderr, "assure: %s: %s\nnothing was saved\n", o->args[1], err);
                rc = 1;
            } else {
                MeasureDef d;
                mdef_parse(buf_cstr(&text), &d, err, sizeof err);
                printf(r ? "saved %s as a new version\n" : "%s is unchanged; nothing saved\n", d.key);
                mdef_free(&d);
            }
        }
        buf_free(&text);
    } else if (strcmp(sub, "retire") == 0) {
        if (o->nargs != 2) die("measure retire: name the measure: assure measure retire KEY");
        if (!mdef_retire(db, o->args[1], cli_user(), err, sizeof err)) {
            fprintf(stderr, "assure: measure retire: %s\n", err);
            rc = 1;
        } else {
            printf("retired %s (its history is kept)\n", o->args[1]);
        }
    } else {
        die("measure: unknown action '%s'; expected list, show KEY, set FILE, check FILE, retire KEY or history KEY", sub);
    }
    db_close(db);
    return rc;
}
