/*
 * measures.c: the measure definitions and their computation (see
 * measures.h).
 *
 * Filters: for police.uk, "*crime" is every crime type but anti-social
 * behaviour and "t:slug|t:slug" names crime types; for the Home Office,
 * "g:Group" and "s:Subgroup" select offence groups or subgroups (any of
 * several separated by '|'), and "!g:Group" is everything but that group.
 */
#include "measures.h"
#include "db.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A subject: what is counted, in each source that has it. */
typedef struct Subject {
    const char *key, *title, *puk, *ho, *definition;
} Subject;

static const Subject subjects[] = {
    {"all-crime", "All crime", "*crime", "!g:Fraud offences",
     "Every crime recorded by the force. police.uk: all street-level crime types except anti-social behaviour. Home Office: all police recorded crime excluding fraud (fraud is recorded nationally by Action Fraud)."},
    {"anti-social-behaviour", "Anti-social behaviour", "t:anti-social-behaviour", NULL, "Anti-social behaviour incidents published on police.uk."},
    {"violence-sexual", "Violence and sexual offences", "t:violent-crime", "g:Violence against the person|g:Sexual offences", "Violence against the person and sexual offences."},
    {"violence-with-injury", "Violence with injury", NULL, "s:Violence with injury", "Violence with injury (Home Office subgroup)."},
    {"stalking-harassment", "Stalking and harassment", NULL, "s:Stalking and harassment", "Stalking and harassment (Home Office subgroup)."},
    {"sexual-offences", "Sexual offences", NULL, "g:Sexual offences", "All sexual offences (Home Office group)."},
    {"rape", "Rape", NULL, "s:Rape offences", "Rape offences (Home Office subgroup)."},
    {"robbery", "Robbery", "t:robbery", "g:Robbery", "Robbery of personal and business property."},
    {"burglary", "Burglary", "t:burglary", NULL, "All burglary published on police.uk (residential and non-residential)."},
    {"residential-burglary", "Residential burglary", NULL, "s:Residential burglary|s:Domestic burglary", "Residential burglary (Home Office subgroup; 'Domestic burglary' before April 2017)."},
    {"vehicle-crime", "Vehicle crime", "t:vehicle-crime", "s:Vehicle offences", "Theft of and from vehicles and interfering with vehicles."},
    {"shoplifting", "Shoplifting", "t:shoplifting", "s:Shoplifting", "Shoplifting."},
    {"theft-from-the-person", "Theft from the person", "t:theft-from-the-person", "s:Theft from the person", "Theft from the person."},
    {"bicycle-theft", "Bicycle theft", "t:bicycle-theft", "s:Bicycle theft", "Bicycle theft."},
    {"other-theft", "Other theft", "t:other-theft", "s:Other theft offences", "Other theft offences."},
    {"theft", "Theft offences", NULL, "g:Theft offences", "All theft offences including burglary and vehicle crime (Home Office group)."},
    {"criminal-damage-arson", "Criminal damage and arson", "t:criminal-damage-arson", "g:Criminal damage and arson", "Criminal damage and arson."},
    {"drugs", "Drug offences", "t:drugs", "g:Drug offences", "Possession and trafficking of drugs."},
    {"possession-of-weapons", "Possession of weapons", "t:possession-of-weapons", "g:Possession of weapons offences", "Possession of weapons offences (a proxy for knife crime, which the public data does not separate)."},
    {"public-order", "Public order offences", "t:public-order", "g:Public order offences", "Public order offences."},
    {"other-crime", "Other crime", "t:other-crime", "g:Miscellaneous crimes against society", "Other crime (police.uk) / miscellaneous crimes against society (Home Office)."},
};

#define MAX_TYPES 32
#define MAX_PAIRS 128

/* Does a police.uk crime type (slug, is_asb) pass the filter? */
static bool puk_match(const char *filter, const char *slug, bool is_asb)
{
    if (strcmp(filter, "*crime") == 0) return !is_asb;
    size_t n = strlen(slug);
    for (const char *p = filter; (p = strstr(p, "t:")) != NULL; p += 2)
        if (strncmp(p + 2, slug, n) == 0 && (p[2 + n] == 0 || p[2 + n] == '|')) return true;
    return false;
}

/* Does a Home Office (group, subgroup) pass the filter? */
static bool ho_match(const char *filter, const char *grp, const char *sub)
{
    if (filter[0] == '!') return !ho_match(filter + 1, grp, sub);
    const char *p = filter;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        const char *want = p[0] == 'g' ? grp : sub;
        if (len > 2 && strlen(want) == len - 2 && strncmp(p + 2, want, len - 2) == 0) return true;
        if (!bar) break;
        p = bar + 1;
    }
    return false;
}

static int month_index(int yyyymm)
{
    return (yyyymm / 100) * 12 + (yyyymm % 100) - 1;
}

static int index_month(int idx)
{
    return (idx / 12) * 100 + idx % 12 + 1;
}

static int quarter_index(int fyq)
{
    return (fyq / 10 - 2000) * 4 + fyq % 10 - 1;
}

int measures_nperiods(const MeasureSet *ms, int def)
{
    return ms->defs[def].src == SRC_PUK ? ms->nmonths : ms->nquarters;
}

int measures_find(const MeasureSet *ms, const char *key)
{
    for (int i = 0; i < ms->ndefs; i++)
        if (strcmp(ms->defs[i].key, key) == 0) return i;
    return -1;
}

int measures_force_index(const MeasureSet *ms, int force_id)
{
    if (force_id < 0 || (size_t)force_id >= ARRAY_LEN(ms->forces.by_id)) return -1;
    return ms->forces.by_id[force_id];
}

/* Builds the definitions from the subjects table. */
static void build_defs(MeasureSet *ms)
{
    ms->defs = xcalloc(ARRAY_LEN(subjects) * 3, sizeof *ms->defs);
    for (size_t i = 0; i < ARRAY_LEN(subjects); i++) {
        const Subject *s = &subjects[i];
        for (int w = 0; w < 3; w++) {
            const char *filter = w < 2 ? s->puk : s->ho;
            if (!filter) continue;
            MeasureDef *d = &ms->defs[ms->ndefs++];
            d->src = w < 2 ? SRC_PUK : SRC_HO;
            d->win = w == 0 ? WIN_MONTH : WIN_12M;
            d->filter = filter;
            d->definition = s->definition;
            snprintf(d->subject, sizeof d->subject, "%s", s->title);
            snprintf(d->subject_key, sizeof d->subject_key, "%s", s->key);
            snprintf(d->key, sizeof d->key, "%s.%s.%s", d->src == SRC_PUK ? "puk" : "ho", s->key, w == 0 ? "month" : "12m");
            snprintf(d->title, sizeof d->title, "%s, %s (%s)", s->title, w == 0 ? "month" : "12 months",
                     d->src == SRC_PUK ? "police.uk" : "Home Office");
        }
    }
}

static void alloc_arrays(MeasureSet *ms)
{
    int F = ms->forces.n;
    ms->val = xcalloc((size_t)ms->ndefs, sizeof(double *));
    ms->nat_rank = xcalloc((size_t)ms->ndefs, sizeof(int *));
    ms->nat_of = xcalloc((size_t)ms->ndefs, sizeof(int *));
    ms->msg_rank = xcalloc((size_t)ms->ndefs, sizeof(int *));
    ms->msg_of = xcalloc((size_t)ms->ndefs, sizeof(int *));
    for (int d = 0; d < ms->ndefs; d++) {
        size_t n = (size_t)F * (size_t)(measures_nperiods(ms, d) ? measures_nperiods(ms, d) : 1);
        ms->val[d] = xmalloc(n * sizeof(double));
        for (size_t i = 0; i < n; i++) ms->val[d][i] = NAN;
        ms->nat_rank[d] = xcalloc(n, sizeof(int));
        ms->nat_of[d] = xcalloc(n, sizeof(int));
        ms->msg_rank[d] = xcalloc(n, sizeof(int));
        ms->msg_of[d] = xcalloc(n, sizeof(int));
    }
}

/* Fills the police.uk measures from puk_street. */
static void compute_puk(sqlite3 *db, MeasureSet *ms)
{
    int F = ms->forces.n, M = ms->nmonths;
    if (M == 0) return;
    /* crime types and which definitions they feed */
    bool feeds[MAX_TYPES][128] = {{0}};
    sqlite3_stmt *st = db_prepare(db, "SELECT id, slug, is_asb FROM crime_type");
    while (sqlite3_step(st) == SQLITE_ROW) {
        int id = sqlite3_column_int(st, 0);
        if (id < 0 || id >= MAX_TYPES) continue;
        for (int d = 0; d < ms->ndefs && d < 128; d++)
            if (ms->defs[d].src == SRC_PUK) feeds[id][d] = puk_match(ms->defs[d].filter, db_text(st, 1), sqlite3_column_int(st, 2));
    }
    sqlite3_finalize(st);
    /* monthly counts per force, month and type */
    double *cube = xcalloc((size_t)F * (size_t)M * MAX_TYPES, sizeof(double));
    bool *present = xcalloc((size_t)F * (size_t)M, sizeof(bool));
    st = db_prepare(db, "SELECT force_id, month, crime_type_id, n FROM puk_street");
    while (sqlite3_step(st) == SQLITE_ROW) {
        int fi = measures_force_index(ms, sqlite3_column_int(st, 0));
        int mi = month_index(sqlite3_column_int(st, 1)) - ms->month0;
        int t = sqlite3_column_int(st, 2);
        if (fi < 0 || mi < 0 || mi >= M || t < 0 || t >= MAX_TYPES) continue;
        cube[((size_t)fi * (size_t)M + (size_t)mi) * MAX_TYPES + (size_t)t] += (double)sqlite3_column_int64(st, 3);
        present[(size_t)fi * (size_t)M + (size_t)mi] = true;
    }
    sqlite3_finalize(st);
    double *monthly = xmalloc((size_t)M * sizeof(double));
    for (int d = 0; d < ms->ndefs; d++) {
        if (ms->defs[d].src != SRC_PUK) continue;
        for (int fi = 0; fi < F; fi++) {
            for (int mi = 0; mi < M; mi++) {
                monthly[mi] = NAN;
                if (!present[(size_t)fi * (size_t)M + (size_t)mi]) continue;
                const double *c = &cube[((size_t)fi * (size_t)M + (size_t)mi) * MAX_TYPES];
                double sum = 0;
                for (int t = 0; t < MAX_TYPES; t++)
                    if (feeds[t][d]) sum += c[t];
                monthly[mi] = sum;
            }
            double *out = &ms->val[d][(size_t)fi * (size_t)M];
            for (int mi = 0; mi < M; mi++) {
                if (ms->defs[d].win == WIN_MONTH) {
                    out[mi] = monthly[mi];
                } else if (mi >= 11) {
                    double sum = 0;
                    for (int k = mi - 11; k <= mi && !isnan(sum); k++) sum += monthly[k];
                    out[mi] = sum;
                }
            }
        }
    }
    free(monthly);
    free(cube);
    free(present);
}

/* Fills the Home Office measures from ho_crime_group. */
static void compute_ho(sqlite3 *db, MeasureSet *ms)
{
    int F = ms->forces.n, Q = ms->nquarters;
    if (Q == 0) return;
    char *grp[MAX_PAIRS], *sub[MAX_PAIRS];
    int npairs = 0, last = -1;
    double *cube = xcalloc((size_t)F * (size_t)Q * MAX_PAIRS, sizeof(double));
    bool *present = xcalloc((size_t)F * (size_t)Q, sizeof(bool));
    sqlite3_stmt *st = db_prepare(db, "SELECT force_id, fyq, grp, subgroup, n FROM ho_crime_group");
    while (sqlite3_step(st) == SQLITE_ROW) {
        int fi = measures_force_index(ms, sqlite3_column_int(st, 0));
        int qi = quarter_index(sqlite3_column_int(st, 1)) - ms->quarter0;
        if (fi < 0 || qi < 0 || qi >= Q) continue;
        const char *g = db_text(st, 2), *s = db_text(st, 3);
        int p = -1;
        if (last >= 0 && strcmp(grp[last], g) == 0 && strcmp(sub[last], s) == 0) p = last;
        for (int i = 0; p < 0 && i < npairs; i++)
            if (strcmp(grp[i], g) == 0 && strcmp(sub[i], s) == 0) p = i;
        if (p < 0) {
            if (npairs == MAX_PAIRS) continue;
            grp[npairs] = xstrdup(g);
            sub[npairs] = xstrdup(s);
            p = npairs++;
        }
        last = p;
        cube[((size_t)fi * (size_t)Q + (size_t)qi) * MAX_PAIRS + (size_t)p] += (double)sqlite3_column_int64(st, 4);
        present[(size_t)fi * (size_t)Q + (size_t)qi] = true;
    }
    sqlite3_finalize(st);
    double *quarterly = xmalloc((size_t)Q * sizeof(double));
    for (int d = 0; d < ms->ndefs; d++) {
        if (ms->defs[d].src != SRC_HO) continue;
        bool feeds[MAX_PAIRS];
        for (int p = 0; p < npairs; p++) feeds[p] = ho_match(ms->defs[d].filter, grp[p], sub[p]);
        for (int fi = 0; fi < F; fi++) {
            for (int qi = 0; qi < Q; qi++) {
                quarterly[qi] = NAN;
                if (!present[(size_t)fi * (size_t)Q + (size_t)qi]) continue;
                const double *c = &cube[((size_t)fi * (size_t)Q + (size_t)qi) * MAX_PAIRS];
                double sum = 0;
                for (int p = 0; p < npairs; p++)
                    if (feeds[p]) sum += c[p];
                quarterly[qi] = sum;
            }
            double *out = &ms->val[d][(size_t)fi * (size_t)Q];
            for (int qi = 3; qi < Q; qi++) {
                double sum = 0;
                for (int k = qi - 3; k <= qi && !isnan(sum); k++) sum += quarterly[k];
                out[qi] = sum;
            }
        }
    }
    for (int p = 0; p < npairs; p++) {
        free(grp[p]);
        free(sub[p]);
    }
    free(quarterly);
    free(cube);
    free(present);
}

/* A force's rate for ranking. */
typedef struct RankItem {
    double rate;
    int fi;
} RankItem;

static int cmp_rank(const void *a, const void *b)
{
    const RankItem *x = a, *y = b;
    return (x->rate > y->rate) - (x->rate < y->rate);
}

/* Ranks items (sorted ascending) with competition ranking: equal rates share
 * a rank. Writes rank and n into the arrays at [fi*P + pi]. */
static void assign_ranks(RankItem *items, int n, bool higher_better, int *rank, int *of, int P, int pi, int only_fi)
{
    qsort(items, (size_t)n, sizeof *items, cmp_rank);
    for (int i = 0; i < n; i++) {
        int pos = higher_better ? n - 1 - i : i;
        int r = pos + 1;
        /* ties share the better rank */
        if (!higher_better) {
            int j = i;
            while (j > 0 && items[j - 1].rate == items[i].rate) j--;
            r = j + 1;
        } else {
            int j = i;
            while (j < n - 1 && items[j + 1].rate == items[i].rate) j++;
            r = n - j;
        }
        if (only_fi >= 0 && items[i].fi != only_fi) continue;
        rank[(size_t)items[i].fi * (size_t)P + (size_t)pi] = r;
        of[(size_t)items[i].fi * (size_t)P + (size_t)pi] = n;
    }
}

static double rate_of(const MeasureSet *ms, int fi, double v)
{
    long long pop = ms->forces.f[fi].population;
    return pop > 0 ? v * 1000.0 / (double)pop : NAN;
}

static void compute_ranks(MeasureSet *ms)
{
    int F = ms->forces.n;
    RankItem items[MAX_FORCES];
    for (int d = 0; d < ms->ndefs; d++) {
        int P = measures_nperiods(ms, d);
        bool hb = ms->defs[d].higher_is_better;
        for (int pi = 0; pi < P; pi++) {
            int n = 0;
            for (int fi = 0; fi < F; fi++) {
                double v = ms->val[d][(size_t)fi * (size_t)P + (size_t)pi];
                if (!ms->forces.f[fi].territorial || isnan(v)) continue;
                double r = rate_of(ms, fi, v);
                if (isnan(r)) continue;
                items[n++] = (RankItem){r, fi};
            }
            assign_ranks(items, n, hb, ms->nat_rank[d], ms->nat_of[d], P, pi, -1);
            for (int fi = 0; fi < F; fi++) {
                if (!ms->npeers[fi]) continue;
                double v = ms->val[d][(size_t)fi * (size_t)P + (size_t)pi];
                if (isnan(v) || isnan(rate_of(ms, fi, v))) continue;
                int m = 0;
                items[m++] = (RankItem){rate_of(ms, fi, v), fi};
                for (int k = 0; k < ms->npeers[fi]; k++) {
                    int pf = ms->peers[fi][k];
                    double pv = ms->val[d][(size_t)pf * (size_t)P + (size_t)pi];
                    if (isnan(pv) || isnan(rate_of(ms, pf, pv))) continue;
                    items[m++] = (RankItem){rate_of(ms, pf, pv), pf};
                }
                assign_ranks(items, m, hb, ms->msg_rank[d], ms->msg_of[d], P, pi, fi);
            }
        }
    }
}

/* Reads the latest import date of a kind into out ("" when none). */
static void latest_import(sqlite3 *db, const char *kind, char *out, size_t n)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT substr(max(finished_at),1,10) FROM import WHERE kind=?1");
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    out[0] = 0;
    if (sqlite3_step(st) == SQLITE_ROW) snprintf(out, n, "%s", db_text(st, 0));
    sqlite3_finalize(st);
}

void measures_compute(sqlite3 *db, MeasureSet *ms)
{
    memset(ms, 0, sizeof *ms);
    forces_list(db, &ms->forces);
    ms->office = forces_office(db);
    build_defs(ms);
    sqlite3_stmt *st = db_prepare(db, "SELECT min(month), max(month) FROM puk_street");
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        ms->month0 = month_index(sqlite3_column_int(st, 0));
        ms->nmonths = month_index(sqlite3_column_int(st, 1)) - ms->month0 + 1;
    }
    sqlite3_finalize(st);
    st = db_prepare(db, "SELECT min(fyq), max(fyq) FROM ho_crime_group");
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        ms->quarter0 = quarter_index(sqlite3_column_int(st, 0));
        ms->nquarters = quarter_index(sqlite3_column_int(st, 1)) - ms->quarter0 + 1;
    }
    sqlite3_finalize(st);
    st = db_prepare(db, "SELECT force_id, peer_id FROM peer");
    while (sqlite3_step(st) == SQLITE_ROW) {
        int fi = measures_force_index(ms, sqlite3_column_int(st, 0));
        int pi = measures_force_index(ms, sqlite3_column_int(st, 1));
        if (fi >= 0 && pi >= 0 && ms->npeers[fi] < MAX_PEERS) ms->peers[fi][ms->npeers[fi]++] = pi;
    }
    sqlite3_finalize(st);
    alloc_arrays(ms);
    compute_puk(db, ms);
    compute_ho(db, ms);
    compute_ranks(ms);
    latest_import(db, "police-uk", ms->asat_puk, sizeof ms->asat_puk);
    latest_import(db, "home-office-crime", ms->asat_ho, sizeof ms->asat_ho);
    if (!ms->asat_puk[0]) latest_import(db, "demo", ms->asat_puk, sizeof ms->asat_puk);
    if (!ms->asat_ho[0]) latest_import(db, "demo", ms->asat_ho, sizeof ms->asat_ho);
}

void measures_free(MeasureSet *ms)
{
    for (int d = 0; d < ms->ndefs; d++) {
        free(ms->val[d]);
        free(ms->nat_rank[d]);
        free(ms->nat_of[d]);
        free(ms->msg_rank[d]);
        free(ms->msg_of[d]);
    }
    free(ms->val);
    free(ms->nat_rank);
    free(ms->nat_of);
    free(ms->msg_rank);
    free(ms->msg_of);
    free(ms->defs);
    memset(ms, 0, sizeof *ms);
}

static const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* The last month (YYYYMM) a period index covers. */
static int period_end(const MeasureSet *ms, int def, int pi)
{
    if (ms->defs[def].src == SRC_PUK) return index_month(ms->month0 + pi);
    int q = ms->quarter0 + pi, fy = 2000 + q / 4, qn = q % 4 + 1;
    /* Q1 ends June, Q2 September, Q3 December, Q4 March of the next year */
    return qn == 4 ? (fy + 1) * 100 + 3 : fy * 100 + 3 + 3 * qn;
}

void measures_period_short(const MeasureSet *ms, int def, int pi, char *out, size_t n)
{
    if (ms->defs[def].src == SRC_PUK) {
        int m = period_end(ms, def, pi);
        snprintf(out, n, "%s %d", month_names[m % 100 - 1], m / 100);
    } else {
        int q = ms->quarter0 + pi, fy = 2000 + q / 4;
        snprintf(out, n, "%d/%02d Q%d", fy, (fy + 1) % 100, q % 4 + 1);
    }
}

bool measures_row(const MeasureSet *ms, int def, int fi, int pi, MeasureRow *row)
{
    int P = measures_nperiods(ms, def);
    if (def < 0 || def >= ms->ndefs || fi < 0 || fi >= ms->forces.n || pi < 0 || pi >= P) return false;
    size_t at = (size_t)fi * (size_t)P + (size_t)pi;
    double v = ms->val[def][at];
    if (isnan(v)) return false;
    memset(row, 0, sizeof *row);
    const MeasureDef *d = &ms->defs[def];
    row->def = d;
    row->force = &ms->forces.f[fi];
    row->period_index = pi;
    row->value = v;
    int end = period_end(ms, def, pi);
    snprintf(row->period_end, sizeof row->period_end, "%04d-%02d", end / 100, end % 100);
    if (d->src == SRC_PUK) snprintf(row->period, sizeof row->period, "%s", row->period_end);
    else measures_period_short(ms, def, pi, row->period, sizeof row->period);
    snprintf(row->period_label, sizeof row->period_label, "%s%s %d", d->win == WIN_12M ? "12 months to " : "", month_names[end % 100 - 1], end / 100);
    int back = d->src == SRC_PUK ? 12 : 4;
    if (pi >= back && !isnan(ms->val[def][at - (size_t)back])) {
        double prev = ms->val[def][at - (size_t)back];
        row->has_yoy = true;
        row->yoy_change = v - prev;
        row->yoy_pct = prev != 0 ? 100.0 * (v - prev) / prev : NAN;
    }
    double r = rate_of(ms, fi, v);
    if (!isnan(r)) {
        row->has_rate = true;
        row->rate = r;
    }
    row->nat_rank = ms->nat_rank[def][at];
    row->nat_of = ms->nat_of[def][at];
    row->msg_rank = ms->msg_rank[def][at];
    row->msg_of = ms->msg_of[def][at];
    return true;
}

int measures_latest(const MeasureSet *ms, int def, int fi)
{
    int P = measures_nperiods(ms, def);
    for (int pi = P - 1; pi >= 0; pi--)
        if (!isnan(ms->val[def][(size_t)fi * (size_t)P + (size_t)pi])) return pi;
    return -1;
}

int measures_period_for(const MeasureSet *ms, int def, int end_yyyymm)
{
    int P = measures_nperiods(ms, def), best = -1;
    for (int pi = 0; pi < P; pi++)
        if (period_end(ms, def, pi) <= end_yyyymm) best = pi;
    return best;
}

int measures_parse_period(const char *s)
{
    int m;
    size_t n = strlen(s);
    if (n == 7 && s[4] == '-') {
        /* "2025-12" */
        int y = atoi(s), mo = atoi(s + 5);
        if (y >= 2000 && y < 2100 && mo >= 1 && mo <= 12 && s[5] >= '0' && s[5] <= '1') return y * 100 + mo;
        return 0;
    }
    /* "2025/26 Q3", "2025/26Q3", "2025-26 Q3" */
    if (n >= 9 && (s[4] == '/' || s[4] == '-')) {
        int fy = atoi(s), y2 = atoi(s + 5);
        const char *q = s + 7;
        while (*q == ' ') q++;
        if ((*q == 'Q' || *q == 'q') && q[1] >= '1' && q[1] <= '4' && q[2] == 0 && fy >= 2000 && fy < 2100 && (fy + 1) % 100 == y2) {
            int qn = q[1] - '0';
            m = qn == 4 ? (fy + 1) * 100 + 3 : fy * 100 + 3 + 3 * qn;
            return m;
        }
    }
    return 0;
}
