/*
 * measure_def.c: parsing, checking, formatting and storing measure
 * definitions (see measure_def.h and docs/measures.md).
 */
#include "measure_def.h"
#include "db.h"
#include "embedded.h"

#include <ctype.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fields of the text form, in canonical order. */
static const char *const field_names[] = {"key", "title", "definition", "better", "target", "owner", "fact", "measure", "where", "counted"};
enum { F_KEY, F_TITLE, F_DEFINITION, F_BETTER, F_TARGET, F_OWNER, F_FACT, F_MEASURE, F_WHERE, F_COUNTED, NFIELDS };

void mdef_free(MeasureDef *d)
{
    free(d->title);
    free(d->definition);
    free(d->owner);
    free(d->measure_text);
    free(d->where_text);
    free(d->counted_text);
    free(d->spec);
    expr_free(d->arg);
    expr_free(d->where);
    memset(d, 0, sizeof *d);
}

const char *mdef_unit_name(Unit u)
{
    static const char *const names[] = {"count", "percent", "duration", "number"};
    return names[u];
}

const char *mdef_better_name(Better b)
{
    static const char *const names[] = {"lower", "higher", "neither"};
    return names[b];
}

/* Collapses runs of white space to one space and trims; returns a copy. */
static char *squash(const char *s)
{
    Buf b = {0};
    bool space = false;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            space = b.len > 0;
            continue;
        }
        if (space) buf_putc(&b, ' ');
        space = false;
        buf_putc(&b, *s);
    }
    char *out = buf_take(&b);
    return out ? out : xstrdup("");
}

typedef struct Raw {
    char *value[NFIELDS];  /* joined text (targets: one per line, '\n' separated) */
    int line[NFIELDS];
} Raw;

/* Error helper: "line N: NAME: message". */
static bool bad(char *err, size_t errlen, int line, const char *name, const char *fmt, ...) PRINTF(5, 6);
static bool bad(char *err, size_t errlen, int line, const char *name, const char *fmt, ...)
{
    int k = line > 0 ? snprintf(err, errlen, "line %d: %s: ", line, name) : snprintf(err, errlen, "%s: ", name);
    if (k < 0 || (size_t)k >= errlen) return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + k, errlen - (size_t)k, fmt, ap);
    va_end(ap);
    return false;
}

/* Splits the first record of text into raw fields. */
static bool split_record(const char *text, Raw *raw, char *err, size_t errlen)
{
    memset(raw, 0, sizeof *raw);
    int line = 0, cur = -1;
    Buf val[NFIELDS];
    memset(val, 0, sizeof val);
    const char *p = text;
    bool started = false, ok = true;
    while (*p && ok) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        line++;
        char *l = xstrndup(p, len);
        if (len && l[len - 1] == '\r') l[--len] = 0;
        p = eol ? eol + 1 : p + len;
        const char *t = l;
        while (isspace((unsigned char)*t)) t++;
        if (*t == '#') {
            free(l);
            continue;
        }
        if (!*t) {
            free(l);
            if (started) break;
            continue;
        }
        if (isspace((unsigned char)l[0])) {
            if (cur < 0) ok = bad(err, errlen, line, "definition", "a continued line needs a \"name: value\" line before it");
            else {
                buf_putc(&val[cur], cur == F_TARGET ? ' ' : ' ');
                buf_puts(&val[cur], t);
            }
            free(l);
            continue;
        }
        started = true;
        const char *colon = strchr(l, ':');
        if (!colon) {
            ok = bad(err, errlen, line, "definition", "expected \"name: value\", found \"%.60s\"", l);
            free(l);
            break;
        }
        char name[32];
        snprintf(name, sizeof name, "%.*s", (int)(colon - l), l);
        for (char *c = name; *c; c++) *c = (char)tolower((unsigned char)*c);
        int f = -1;
        for (int i = 0; i < NFIELDS; i++)
            if (strcmp(field_names[i], name) == 0) f = i;
        if (f < 0) {
            ok = bad(err, errlen, line, name, "unknown name; a definition has key, title, definition, better, target, owner, fact, measure, where and counted");
            free(l);
            break;
        }
        if (f != F_TARGET && raw->line[f]) {
            ok = bad(err, errlen, line, name, "given twice (first on line %d)", raw->line[f]);
            free(l);
            break;
        }
        if (f == F_TARGET && val[f].len) buf_putc(&val[f], '\n');
        if (!raw->line[f]) raw->line[f] = line;
        const char *v = colon + 1;
        while (isspace((unsigned char)*v)) v++;
        buf_puts(&val[f], v);
        cur = f;
        free(l);
    }
    for (int i = 0; i < NFIELDS; i++) {
        if (i == F_TARGET) {
            raw->value[i] = val[i].len ? buf_take(&val[i]) : NULL;
        } else if (raw->line[i]) {
            raw->value[i] = squash(buf_cstr(&val[i]));
            buf_free(&val[i]);
        }
    }
    if (ok && !started) ok = bad(err, errlen, 0, "definition", "the text is empty");
    return ok;
}

/* Parses "YYYY-MM-DD" or "YYYY-MM" into YYYYMMDD. */
static int parse_day(const char *s)
{
    int y, m, d = 1;
    char tail;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 || (sscanf(s, "%4d-%2d%c", &y, &m, &tail) == 2 && strlen(s) == 7)) {
        if (y >= 2000 && y < 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return y * 10000 + m * 100 + d;
    }
    return 0;
}

/* Parses one target line "OP VALUE from DATE". */
static bool parse_target(MeasureDef *d, const char *s, Target *t, char *err, size_t errlen, int line)
{
    while (isspace((unsigned char)*s)) s++;
    size_t oplen = (s[1] == '=') ? 2 : 1;
    if (!((s[0] == '<' || s[0] == '>') && (oplen == 1 || s[1] == '=')))
        return bad(err, errlen, line, "target", "expected <=, <, >= or > then a value, e.g. \"<= 10m from 2019-04-01\", found \"%.40s\"", s);
    snprintf(t->op, sizeof t->op, "%.*s", (int)oplen, s);
    s += oplen;
    char value[64], word[16], date[32];
    int n = sscanf(s, "%63s %15s %31s", value, word, date);
    if (n < 1) return bad(err, errlen, line, "target", "a value is missing after %s", t->op);
    if (n == 1) return bad(err, errlen, line, "target", "say from when it applies: \"%s %s from 2024-04-01\"", t->op, value);
    if (n != 3 || strcmp(word, "from") != 0 || !(t->from = parse_day(date)))
        return bad(err, errlen, line, "target", "expected \"from YYYY-MM-DD\" after the value, found \"%s %s\"", word, n == 3 ? date : "");
    char *end;
    if (d->unit == UNIT_DURATION) {
        if (!expr_parse_duration(value, &t->value)) return bad(err, errlen, line, "target", "the measure is a duration: write the value like 10m, 2h or 00:14:00, not \"%s\"", value);
    } else if (d->unit == UNIT_PERCENT) {
        t->value = strtod(value, &end);
        if (end == value || (*end && strcmp(end, "%") != 0) || t->value < 0 || t->value > 100)
            return bad(err, errlen, line, "target", "the measure is a percentage: write the value like 60%%, not \"%s\"", value);
    } else {
        t->value = strtod(value, &end);
        if (end == value || *end) return bad(err, errlen, line, "target", "expected a number, found \"%s\"", value);
    }
    return true;
}

/* Splits "name(args)" into the aggregate and its argument text. */
static bool parse_aggregate(MeasureDef *d, const char *text, char *err, size_t errlen, int line)
{
    static const struct {
        const char *name;
        Aggregate agg;
    } aggs[] = {{"count", AGG_COUNT}, {"sum", AGG_SUM}, {"share", AGG_SHARE}, {"mean", AGG_MEAN}, {"median", AGG_MEDIAN},
                {"percentile", AGG_PERCENTILE}, {"distinct", AGG_DISTINCT}, {"time_share", AGG_TIME_SHARE}};
    const char *paren = strchr(text, '(');
    size_t nlen = paren ? (size_t)(paren - text) : strlen(text);
    while (nlen && isspace((unsigned char)text[nlen - 1])) nlen--;
    int k = -1;
    for (size_t i = 0; i < ARRAY_LEN(aggs); i++)
        if (strlen(aggs[i].name) == nlen && strncmp(aggs[i].name, text, nlen) == 0) k = (int)i;
    if (k < 0)
        return bad(err, errlen, line, "measure", "expected count, sum(...), share(...), mean(...), median(...), percentile(P, ...), distinct(...) or time_share(...), found \"%.40s\"", text);
    d->agg = aggs[k].agg;
    if (d->agg == AGG_COUNT) {
        if (paren && strcmp(paren, "()") != 0) return bad(err, errlen, line, "measure", "count takes no argument (use where: to choose the rows)");
        return true;
    }
    size_t tl = strlen(text);
    if (!paren || text[tl - 1] != ')') return bad(err, errlen, line, "measure", "%s needs its argument in brackets, e.g. %s(...)", aggs[k].name, aggs[k].name);
    char *inner = xstrndup(paren + 1, tl - (size_t)(paren - text) - 2);
    char *body = inner;
    if (d->agg == AGG_PERCENTILE) {
        char *end;
        d->pct = strtod(inner, &end);
        while (isspace((unsigned char)*end)) end++;
        if (end == inner || *end != ',' || d->pct <= 0 || d->pct >= 100) {
            free(inner);
            return bad(err, errlen, line, "measure", "percentile needs a percentage between 0 and 100 then the value: percentile(90, arrived_at - created_at)");
        }
        body = end + 1;
    }
    if (d->agg == AGG_TIME_SHARE && !d->fact->duration) {
        free(inner);
        return bad(err, errlen, line, "measure", "time_share needs a fact that records time spent (presence); %s does not", d->fact->name);
    }
    char why[512];
    d->arg = expr_parse(body, d->fact, d->live_to >= 0, why, sizeof why);
    free(inner);
    if (!d->arg) return bad(err, errlen, line, "measure", "%s", why);
    ExprType t = expr_type(d->arg);
    switch (d->agg) {
    case AGG_SHARE:
    case AGG_TIME_SHARE:
        if (t != T_BOOL) return bad(err, errlen, line, "measure", "%s(...) needs a yes/no condition, found %s", aggs[k].name, expr_type_name(t));
        d->unit = UNIT_PERCENT;
        break;
    case AGG_SUM:
    case AGG_MEAN:
    case AGG_MEDIAN:
    case AGG_PERCENTILE:
        if (t != T_NUM && t != T_DUR) return bad(err, errlen, line, "measure", "%s(...) needs a number or a duration, found %s", aggs[k].name, expr_type_name(t));
        d->unit = t == T_DUR ? UNIT_DURATION : UNIT_NUMBER;
        break;
    case AGG_DISTINCT:
        if (t == T_BOOL) return bad(err, errlen, line, "measure", "distinct(...) counts different values of a field, e.g. distinct(victim)");
        d->unit = UNIT_COUNT;
        break;
    case AGG_COUNT:
        break;
    }
    return true;
}

/* Appends "name: value" (continuation lines for long text) to b. */
static void put_field(Buf *b, const char *name, const char *value)
{
    buf_printf(b, "%-11s %s\n", name, value);
}

/* Builds d->spec, the canonical text. */
static void canonical(MeasureDef *d, const Raw *raw)
{
    Buf b = {0};
    put_field(&b, "key:", d->key);
    put_field(&b, "title:", d->title);
    put_field(&b, "definition:", d->definition);
    put_field(&b, "better:", mdef_better_name(d->better));
    for (int i = 0; i < d->ntargets; i++) {
        char t[64], from[16];
        mdef_format_target(d, &d->targets[i], t, sizeof t);
        snprintf(from, sizeof from, "%04d-%02d-%02d", d->targets[i].from / 10000, d->targets[i].from / 100 % 100, d->targets[i].from % 100);
        buf_printf(&b, "%-11s %s from %s\n", "target:", t, from);
    }
    if (d->owner && *d->owner) put_field(&b, "owner:", d->owner);
    put_field(&b, "fact:", d->fact->name);
    put_field(&b, "measure:", d->measure_text);
    if (d->where_text) put_field(&b, "where:", d->where_text);
    put_field(&b, "counted:", d->counted_text);
    (void)raw;
    d->spec = buf_take(&b);
}

static int cmp_target(const void *a, const void *b)
{
    const Target *x = a, *y = b;
    return x->from - y->from;
}

bool mdef_parse(const char *text, MeasureDef *d, char *err, size_t errlen)
{
    memset(d, 0, sizeof *d);
    d->live_to = -1;
    d->counted = -1;
    Raw raw;
    bool ok = split_record(text, &raw, err, errlen);
    for (int f = 0; ok && f < NFIELDS; f++) {
        bool optional = f == F_TARGET || f == F_OWNER || f == F_WHERE || f == F_COUNTED;
        if (!optional && (!raw.value[f] || !*raw.value[f])) ok = bad(err, errlen, 0, field_names[f], "missing; every definition needs key, title, definition, better, fact and measure");
    }
    int *L = raw.line;
    if (ok) {
        const char *k = raw.value[F_KEY];
        size_t n = strlen(k);
        if (n < 3 || n > 64 || strspn(k, "abcdefghijklmnopqrstuvwxyz0123456789._-") != n || !isalnum((unsigned char)k[0]))
            ok = bad(err, errlen, L[F_KEY], "key", "expected 3 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit, found \"%.64s\"", k);
        else snprintf(d->key, sizeof d->key, "%s", k);
    }
    if (ok && strlen(raw.value[F_TITLE]) > 120) ok = bad(err, errlen, L[F_TITLE], "title", "at most 120 characters");
    if (ok && strlen(raw.value[F_DEFINITION]) > 2000) ok = bad(err, errlen, L[F_DEFINITION], "definition", "at most 2,000 characters");
    if (ok) {
        d->title = xstrdup(raw.value[F_TITLE]);
        d->definition = xstrdup(raw.value[F_DEFINITION]);
        d->owner = xstrdup(raw.value[F_OWNER] ? raw.value[F_OWNER] : "");
        const char *b = raw.value[F_BETTER];
        if (strcmp(b, "lower") == 0) d->better = BETTER_LOWER;
        else if (strcmp(b, "higher") == 0) d->better = BETTER_HIGHER;
        else if (strcmp(b, "neither") == 0) d->better = BETTER_NEITHER;
        else ok = bad(err, errlen, L[F_BETTER], "better", "expected lower, higher or neither, found \"%.40s\"", b);
    }
    if (ok && !(d->fact = fact_find(raw.value[F_FACT]))) {
        char list[256] = "";
        for (int i = 0; i < nfacts; i++) snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", facts[i].name);
        ok = bad(err, errlen, L[F_FACT], "fact", "unknown fact \"%.40s\"; the facts are %s", raw.value[F_FACT], list);
    }
    /* counted: a time field, or "live from A to B" */
    if (ok) {
        const char *c = raw.value[F_COUNTED] && *raw.value[F_COUNTED] ? raw.value[F_COUNTED] : d->fact->counted;
        char a[48], b2[48], tail[8];
        if (strncmp(c, "live", 4) == 0 && !isalnum((unsigned char)c[4])) {
            if (sscanf(c, "live from %47s to %47s %7s", a, b2, tail) != 2)
                ok = bad(err, errlen, L[F_COUNTED], "counted", "expected \"live from FIELD to FIELD\", e.g. live from recorded_at to outcome_at");
            else if (d->fact->public_data)
                ok = bad(err, errlen, L[F_COUNTED], "counted", "%s holds counts per period, so it cannot be counted live", d->fact->name);
            else {
                d->counted = fact_field(d->fact, a);
                d->live_to = fact_field(d->fact, b2);
                if (d->counted < 0 || d->fact->fields[d->counted].type != T_TIME)
                    ok = bad(err, errlen, L[F_COUNTED], "counted", "\"%s\" is not a date-time field of %s", a, d->fact->name);
                else if (d->live_to < 0 || d->fact->fields[d->live_to].type != T_TIME)
                    ok = bad(err, errlen, L[F_COUNTED], "counted", "\"%s\" is not a date-time field of %s", b2, d->fact->name);
            }
        } else {
            d->counted = fact_field(d->fact, c);
            if (d->counted < 0 || d->fact->fields[d->counted].type != T_TIME) {
                char list[512] = "";
                for (int i = 0; i < d->fact->nfields; i++)
                    if (d->fact->fields[i].type == T_TIME) snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", list[0] ? ", " : "", d->fact->fields[i].name);
                ok = bad(err, errlen, L[F_COUNTED], "counted", "expected a date-time field of %s (%s) or \"live from FIELD to FIELD\", found \"%.40s\"", d->fact->name, list, c);
            } else if (d->fact->public_data && strcmp(c, d->fact->counted) != 0) {
                ok = bad(err, errlen, L[F_COUNTED], "counted", "%s is counted by %s", d->fact->name, d->fact->counted);
            }
        }
        d->counted_text = xstrdup(c);
    }
    if (ok) {
        d->measure_text = xstrdup(raw.value[F_MEASURE]);
        ok = parse_aggregate(d, d->measure_text, err, errlen, L[F_MEASURE]);
    }
    if (ok && raw.value[F_WHERE] && *raw.value[F_WHERE]) {
        d->where_text = xstrdup(raw.value[F_WHERE]);
        char why[512];
        d->where = expr_parse(d->where_text, d->fact, d->live_to >= 0, why, sizeof why);
        if (!d->where) ok = bad(err, errlen, L[F_WHERE], "where", "%s", why);
        else if (expr_type(d->where) != T_BOOL) ok = bad(err, errlen, L[F_WHERE], "where", "expected a yes/no condition, found %s", expr_type_name(expr_type(d->where)));
    }
    if (ok && raw.value[F_TARGET]) {
        char *targets = raw.value[F_TARGET];
        for (char *line = strtok(targets, "\n"); ok && line; line = strtok(NULL, "\n")) {
            if (d->ntargets == MDEF_MAX_TARGETS) {
                ok = bad(err, errlen, L[F_TARGET], "target", "at most %d targets", MDEF_MAX_TARGETS);
                break;
            }
            Target *t = &d->targets[d->ntargets];
            ok = parse_target(d, line, t, err, errlen, L[F_TARGET]);
            if (!ok) break;
            bool lower = t->op[0] == '<';
            if (d->better == BETTER_NEITHER || (lower && d->better == BETTER_HIGHER) || (!lower && d->better == BETTER_LOWER))
                ok = bad(err, errlen, L[F_TARGET], "target", "\"%s\" says %s is better, but better: is %s", t->op, lower ? "lower" : "higher", mdef_better_name(d->better));
            for (int i = 0; ok && i < d->ntargets; i++)
                if (d->targets[i].from == t->from) ok = bad(err, errlen, L[F_TARGET], "target", "two targets from the same date");
            d->ntargets++;
        }
        qsort(d->targets, (size_t)d->ntargets, sizeof d->targets[0], cmp_target);
    }
    if (ok) canonical(d, &raw);
    for (int f = 0; f < NFIELDS; f++) free(raw.value[f]);
    return ok;
}

void mdef_format(const MeasureDef *d, double v, char *out, size_t n)
{
    if (isnan(v)) {
        snprintf(out, n, "\u2014");
        return;
    }
    switch (d->unit) {
    case UNIT_COUNT:
        fmt_thousands(out, n, llround(v));
        break;
    case UNIT_PERCENT:
        snprintf(out, n, "%.1f%%", v);
        break;
    case UNIT_DURATION: {
        long long s = llround(v);
        snprintf(out, n, "%s%02lld:%02lld:%02lld", s < 0 ? "-" : "", llabs(s) / 3600, llabs(s) / 60 % 60, llabs(s) % 60);
        break;
    }
    case UNIT_NUMBER:
        if (fabs(v) >= 1000) fmt_thousands(out, n, llround(v));
        else snprintf(out, n, "%.2f", v);
        break;
    }
}

void mdef_format_target(const MeasureDef *d, const Target *t, char *out, size_t n)
{
    char v[32];
    if (d->unit == UNIT_PERCENT) snprintf(v, sizeof v, "%g%%", t->value);
    else if (d->unit == UNIT_DURATION) mdef_format(d, t->value, v, sizeof v);
    else snprintf(v, sizeof v, "%g", t->value);
    snprintf(out, n, "%s %s", t->op, v);
}

const Target *mdef_target_at(const MeasureDef *d, int yyyymmdd)
{
    const Target *t = NULL;
    for (int i = 0; i < d->ntargets; i++)
        if (d->targets[i].from <= yyyymmdd) t = &d->targets[i];
    return t;
}

/* ---- the store ---- */

void mdefs_load(sqlite3 *db, MeasureDefs *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT m.id, m.key, m.builtin, v.version, v.spec, v.created_at, v.created_by FROM measure m"
        " JOIN measure_version v ON v.measure_id=m.id AND v.version=(SELECT max(version) FROM measure_version WHERE measure_id=m.id)"
        " WHERE m.retired_at IS NULL ORDER BY m.key");
    int cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (out->n == cap) {
            cap = cap ? cap * 2 : 64;
            out->d = xrealloc(out->d, sizeof(MeasureDef) * (size_t)cap);
        }
        MeasureDef *d = &out->d[out->n];
        char err[600];
        if (!mdef_parse(db_text(st, 4), d, err, sizeof err)) {
            /* A stored definition was valid when saved; the language only
             * grows, so this is a bug worth saying, not hiding. */
            fprintf(stderr, "assure: stored measure %s does not parse: %s\n", db_text(st, 1), err);
            mdef_free(d);
            continue;
        }
        d->id = sqlite3_column_int64(st, 0);
        d->builtin = sqlite3_column_int(st, 2) != 0;
        d->version = sqlite3_column_int(st, 3);
        snprintf(d->created_at, sizeof d->created_at, "%s", db_text(st, 5));
        snprintf(d->created_by, sizeof d->created_by, "%s", db_text(st, 6));
        out->n++;
    }
    sqlite3_finalize(st);
}

void mdefs_free(MeasureDefs *m)
{
    for (int i = 0; i < m->n; i++) mdef_free(&m->d[i]);
    free(m->d);
    memset(m, 0, sizeof *m);
}

/* Writes a version of d (already parsed) for `user`. Returns 1 written, 0
 * unchanged. Inside the caller's transaction. */
static int write_version(sqlite3 *db, const MeasureDef *d, bool builtin, const char *user, const char *note)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO measure(key, builtin) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET retired_at=NULL");
    sqlite3_bind_text(st, 1, d->key, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, builtin);
    db_step_done(st);
    sqlite3_finalize(st);
    st = db_prepare(db, "SELECT m.id, (SELECT spec FROM measure_version WHERE measure_id=m.id ORDER BY version DESC LIMIT 1),"
                        " (SELECT coalesce(max(version),0) FROM measure_version WHERE measure_id=m.id) FROM measure m WHERE key=?1");
    sqlite3_bind_text(st, 1, d->key, -1, SQLITE_STATIC);
    sqlite3_step(st);
    long long id = sqlite3_column_int64(st, 0);
    bool same = sqlite3_column_type(st, 1) != SQLITE_NULL && strcmp(db_text(st, 1), d->spec) == 0;
    int version = sqlite3_column_int(st, 2) + 1;
    sqlite3_finalize(st);
    if (same) return 0;
    char now[32];
    now_iso(now);
    st = db_prepare(db, "INSERT INTO measure_version(measure_id, version, spec, created_at, created_by, note) VALUES(?1,?2,?3,?4,?5,?6)");
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, version);
    sqlite3_bind_text(st, 3, d->spec, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, note ? note : "", -1, SQLITE_STATIC);
    db_step_done(st);
    sqlite3_finalize(st);
    return 1;
}

int mdef_save(sqlite3 *db, const char *text, const char *user, const char *note, char *err, size_t errlen)
{
    MeasureDef d;
    if (!mdef_parse(text, &d, err, errlen)) {
        mdef_free(&d);
        return -1;
    }
    db_exec(db, "BEGIN IMMEDIATE");
    int rc = write_version(db, &d, false, user, note);
    if (rc > 0) db_bump_generation(db);
    db_exec(db, "COMMIT");
    mdef_free(&d);
    return rc;
}

bool mdef_retire(sqlite3 *db, const char *key, const char *user, char *err, size_t errlen)
{
    char now[32];
    now_iso(now);
    db_exec(db, "BEGIN IMMEDIATE");
    sqlite3_stmt *st = db_prepare(db, "UPDATE measure SET retired_at=?2 WHERE key=?1 AND retired_at IS NULL");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
    db_step_done(st);
    sqlite3_finalize(st);
    bool ok = sqlite3_changes(db) == 1;
    if (ok) {
        st = db_prepare(db, "INSERT INTO measure_version(measure_id, version, spec, created_at, created_by, note)"
                            " SELECT measure_id, version+1, spec, ?2, ?3, 'retired' FROM measure_version"
                            " WHERE measure_id=(SELECT id FROM measure WHERE key=?1) ORDER BY version DESC LIMIT 1");
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, user, -1, SQLITE_STATIC);
        db_step_done(st);
        sqlite3_finalize(st);
        db_bump_generation(db);
    }
    db_exec(db, "COMMIT");
    if (!ok) snprintf(err, errlen, "no measure \"%s\" is in use", key);
    return ok;
}

int mdefs_sync_builtin(sqlite3 *db)
{
    const EmbeddedFile *f = embedded_find("data/measures.txt");
    if (!f) return 0;
    unsigned char h[16];
    char hex[33];
    if (sodium_init() < 0) die("cannot initialise libsodium");
    crypto_generichash(h, sizeof h, (const unsigned char *)f->data, f->len, NULL, 0);
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    Arena a = {0};
    bool current = strcmp(db_setting(db, "builtin_measures", "", &a), hex) == 0;
    arena_free(&a);
    if (current) return 0;
    int written = 0;
    db_exec(db, "SAVEPOINT builtin_measures");
    const char *p = f->data;
    int line = 1;
    while (*p) {
        /* skip blank and comment lines between records */
        while (*p == '\n' || *p == '#') {
            if (*p == '#') while (*p && *p != '\n') p++;
            if (*p == '\n') p++, line++;
        }
        if (!*p) break;
        const char *end = strstr(p, "\n\n");
        size_t len = end ? (size_t)(end - p) + 1 : strlen(p);
        char *rec = xstrndup(p, len);
        MeasureDef d;
        char err[600];
        if (!mdef_parse(rec, &d, err, sizeof err)) die("data/measures.txt, record at line %d: %s", line, err);
        /* only update a shipped measure nobody has edited since */
        sqlite3_stmt *st = db_prepare(db, "SELECT v.created_by FROM measure m JOIN measure_version v ON v.measure_id=m.id WHERE m.key=?1 ORDER BY v.version DESC LIMIT 1");
        sqlite3_bind_text(st, 1, d.key, -1, SQLITE_STATIC);
        bool edited = sqlite3_step(st) == SQLITE_ROW && strcmp(db_text(st, 0), "assure") != 0;
        sqlite3_finalize(st);
        if (!edited) written += write_version(db, &d, true, "assure", "shipped with assure");
        mdef_free(&d);
        for (size_t i = 0; i < len; i++)
            if (rec[i] == '\n') line++;
        free(rec);
        p += len;
    }
    db_setting_set(db, "builtin_measures", hex);
    if (written) db_bump_generation(db);
    db_exec(db, "RELEASE builtin_measures");
    return written;
}

int mdef_history(sqlite3 *db, const char *key, MdefVersionFn fn, void *ctx)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT v.version, v.spec, v.created_at, v.created_by, v.note FROM measure m JOIN measure_version v ON v.measure_id=m.id"
                                      " WHERE m.key=?1 ORDER BY v.version DESC");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        fn(ctx, sqlite3_column_int(st, 0), db_text(st, 1), db_text(st, 2), db_text(st, 3), db_text(st, 4));
        n++;
    }
    sqlite3_finalize(st);
    return n;
}
