/*
 * cmd_measures.c: `assure measures`: prints measures for a force (or all)
 * and period as a table, CSV or JSON (docs/data-formats.md "measures").
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

static void put_json_row(Buf *b, const MeasureRow *r, bool first)
{
    buf_puts(b, first ? "\n  {" : ",\n  {");
    buf_puts(b, "\"measure\":");
    json_string(b, r->def->key);
    buf_puts(b, ",\"title\":");
    json_string(b, r->def->title);
    buf_puts(b, ",\"force\":");
    json_string(b, r->force->name);
    buf_puts(b, ",\"force_code\":");
    json_string(b, r->force->code);
    buf_puts(b, ",\"period\":");
    json_string(b, r->period);
    buf_puts(b, ",\"period_end\":");
    json_string(b, r->period_end);
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

static void put_csv_row(Buf *b, const MeasureRow *r)
{
    put_csv(b, r->def->key);
    buf_putc(b, ',');
    put_csv(b, r->force->name);
    buf_printf(b, ",%s,%s,", r->period, r->period_end);
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
    buf_putc(b, '\n');
}

static void put_table_row(Buf *b, const MeasureRow *r, bool all_forces)
{
    char v[32], chg[48] = "", rank[16] = "", msg[16] = "";
    fmt_thousands(v, sizeof v, (long long)llround(r->value));
    if (r->has_yoy) {
        char c[32];
        fmt_thousands(c, sizeof c, (long long)llround(r->yoy_change));
        if (isnan(r->yoy_pct)) snprintf(chg, sizeof chg, "%s%s", r->yoy_change > 0 ? "+" : "", c);
        else snprintf(chg, sizeof chg, "%s%s (%+.1f%%)", r->yoy_change > 0 ? "+" : "", c, r->yoy_pct);
    }
    if (r->nat_of) snprintf(rank, sizeof rank, "%d of %d", r->nat_rank, r->nat_of);
    if (r->msg_of) snprintf(msg, sizeof msg, "%d of %d", r->msg_rank, r->msg_of);
    char rate[16] = "";
    if (r->has_rate) snprintf(rate, sizeof rate, "%.2f", r->rate);
    if (all_forces) buf_printf(b, "%-22.22s ", r->force->name);
    buf_printf(b, "%-40.40s %-10s %10s %20s %9s %9s %8s\n", r->def->key, r->period, v, chg, rate, rank, msg);
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
    if (o->measure && measures_find(&ms, o->measure) < 0) {
        bool prefix = false;
        for (int d = 0; d < ms.ndefs; d++) prefix |= strncmp(ms.defs[d].key, o->measure, strlen(o->measure)) == 0;
        if (!prefix) die("measures: no measure '%s'; 'assure measures --format csv' lists their keys", o->measure);
    }
    Buf out = {0};
    if (fmt == FMT_CSV) buf_puts(&out, "measure,force,period,period_end,value,yoy_change,yoy_pct,rate_per_1000,national_rank,national_of,msg_rank,msg_of\n");
    if (fmt == FMT_JSON) buf_putc(&out, '[');
    if (fmt == FMT_TABLE) {
        if (all) buf_printf(&out, "%-22s ", "force");
        buf_printf(&out, "%-40s %-10s %10s %20s %9s %9s %8s\n", "measure", "period", "value", "change on last year", "per 1,000", "national", "MSG");
    }
    long long nvalues = 0;
    bool first = true;
    for (int fi = 0; fi < ms.forces.n; fi++) {
        if (!all && ms.forces.f[fi].id != force_id) continue;
        for (int d = 0; d < ms.ndefs; d++) {
            if (o->measure && strncmp(ms.defs[d].key, o->measure, strlen(o->measure)) != 0) continue;
            int from, to;
            if (end) {
                from = to = measures_period_for(&ms, d, end);
            } else if (all) {
                from = 0;
                to = measures_nperiods(&ms, d) - 1;
            } else {
                from = to = measures_latest(&ms, d, fi);
            }
            if (from < 0) continue;
            for (int pi = from; pi <= to; pi++) {
                MeasureRow r;
                if (!measures_row(&ms, d, fi, pi, &r)) continue;
                nvalues++;
                if (fmt == FMT_JSON) put_json_row(&out, &r, first);
                else if (fmt == FMT_CSV) put_csv_row(&out, &r);
                else put_table_row(&out, &r, all);
                first = false;
                if (out.len > (1u << 20)) {
                    fwrite(out.s, 1, out.len, stdout);
                    buf_reset(&out);
                }
            }
        }
    }
    if (fmt == FMT_JSON) buf_puts(&out, "\n]\n");
    double t2 = mono_seconds();
    fwrite(buf_cstr(&out), 1, out.len, stdout);
    if (getenv("ASSURE_TIMING"))
        fprintf(stderr, "measures: computed %d measures for %d forces in %.1f ms; selected and formatted %lld values in %.1f ms\n", ms.ndefs,
                ms.forces.n, (t1 - t0) * 1000, nvalues, (t2 - t1) * 1000);
    if (nvalues == 0 && fmt == FMT_TABLE) fprintf(stderr, "assure: no measure has a value%s; import data first (assure import ...)\n", o->period ? " for that period" : "");
    buf_free(&out);
    measures_free(&ms);
    db_close(db);
    return 0;
}
