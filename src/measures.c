/*
 * measures.c: computing measure definitions (see measures.h).
 *
 * Each fact a current definition uses is loaded once (facts.c). A
 * definition counted by a time field puts each row that passes `where:` in
 * the UK calendar month of that time, accumulating per area and month
 * (sums for count, sum, share, mean and time_share; the values themselves
 * for median and percentile; the keys for distinct); windows then combine
 * 1, 3 or 12 months. A definition counted "live from A to B" sweeps the
 * month ends in order, keeping the rows live at each end (A before it, B
 * not before it), and evaluates only those with period_end set.
 *
 * Coverage: the force's own data covers the months from its first to its
 * last row (a covered month without rows is a real zero); public data
 * covers the force-months it holds. A window needs every month covered.
 */
#include "measures.h"
#include "db.h"
#include "ukdate.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const month_short[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int month_abs(int yyyymm)
{
    return (yyyymm / 100) * 12 + (yyyymm % 100) - 1;
}

int month_yyyymm(int abs)
{
    return (abs / 12) * 100 + abs % 12 + 1;
}

void measures_month_label(int abs, char *out, size_t n)
{
    snprintf(out, n, "%s %d", month_short[abs % 12], abs / 12);
}

const char *measures_window_name(Window w)
{
    static const char *const names[] = {"month", "quarter", "fy", "12m"};
    return names[w];
}

int measures_parse_window(const char *s)
{
    for (int w = 0; w < NWIN; w++)
        if (strcmp(s, measures_window_name((Window)w)) == 0) return w;
    return -1;
}

/* Months each window spans. */
static const int win_len[NWIN] = {1, 3, 12, 12};

/* True when a window's period can end in month abs (financial quarters end
 * in June, September, December and March; financial years in March). */
static bool window_ends(Window w, int abs, int months_per_row)
{
    int mon = abs % 12 + 1;
    bool qend = mon % 3 == 0;
    switch (w) {
    case WIN_MONTH: return months_per_row <= 1;
    case WIN_QUARTER: return qend;
    case WIN_FY: return mon == 3;
    case WIN_12M: return months_per_row <= 1 || qend;
    default: return false;
    }
}

/* ---- months of instants, fast: month starts for 2000-2099 ---- */

static long long month_starts[1201]; /* instant of the start of month index i from 2000-01 */
static void init_month_starts(void)
{
    if (month_starts[1]) return;
    for (int i = 0; i <= 1200; i++) month_starts[i] = ukdate_month_start(month_yyyymm(2000 * 12 + i));
}

/* The absolute month index of instant t (UK local), or -1 out of range. */
static int month_of(double t)
{
    if (isnan(t) || t < (double)month_starts[0] || t >= (double)month_starts[1200]) return -1;
    /* a guess from the mean month (30.436875 days), within a month of the
     * truth over the century, then corrected: called for every row */
    int m = (int)((t - (double)month_starts[0]) / 2629746.0);
    if (m > 1199) m = 1199;
    while (m > 0 && (double)month_starts[m] > t) m--;
    while (m < 1199 && (double)month_starts[m + 1] <= t) m++;
    return 2000 * 12 + m;
}

/* ---- lookups ---- */

int measures_find(const MeasureSet *ms, const char *key)
{
    for (int i = 0; i < ms->defs.n; i++)
        if (strcmp(ms->defs.d[i].key, key) == 0) return i;
    return -1;
}

int measures_force_index(const MeasureSet *ms, int force_id)
{
    if (force_id < 0 || (size_t)force_id >= ARRAY_LEN(ms->forces.by_id)) return -1;
    return ms->forces.by_id[force_id];
}

int measures_area_force(const MeasureSet *ms)
{
    return ms->forces.n;
}

int measures_area_lpa(const MeasureSet *ms, int i)
{
    return ms->forces.n + 1 + i;
}

const char *measures_area_name(const MeasureSet *ms, int area)
{
    if (area < ms->forces.n) return ms->forces.f[area].name;
    if (area == ms->forces.n) {
        int fi = measures_force_index(ms, ms->office);
        return fi >= 0 ? ms->forces.f[fi].name : "The force";
    }
    return ms->lpas.name[area - ms->forces.n - 1];
}

bool measures_has_area(const MeasureSet *ms, int def, int area)
{
    const DefValues *dv = &ms->vals[def];
    return area >= dv->area0 && area < dv->area0 + dv->nareas;
}

int measures_main_area(const MeasureSet *ms, int def, int fi)
{
    return ms->defs.d[def].fact->public_data ? fi : measures_area_force(ms);
}

/* ---- accumulation ---- */

/* Growable array of doubles (values of one area and month). */
typedef struct Vec {
    double *v;
    int n, cap;
} Vec;

static void vec_push(Vec *x, double v)
{
    if (x->n == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 16;
        x->v = xrealloc(x->v, sizeof(double) * (size_t)x->cap);
    }
    x->v[x->n++] = v;
}

/* Per-definition accumulators over (local area, month). */
typedef struct Acc {
    int nareas, m0, nm;
    double *num, *den;     /* additive aggregates */
    Vec *vals;             /* median, percentile, distinct */
    unsigned char *present; /* public data: the force has rows that month */
} Acc;

static void acc_init(Acc *a, int nareas, int m0, int nm, bool vals)
{
    memset(a, 0, sizeof *a);
    a->nareas = nareas;
    a->m0 = m0;
    a->nm = nm;
    size_t n = (size_t)nareas * (size_t)(nm ? nm : 1);
    a->num = xcalloc(n, sizeof(double));
    a->den = xcalloc(n, sizeof(double));
    a->present = xcalloc(n, 1);
    if (vals) a->vals = xcalloc(n, sizeof(Vec));
}

static void acc_free(Acc *a)
{
    size_t n = (size_t)a->nareas * (size_t)(a->nm ? a->nm : 1);
    if (a->vals)
        for (size_t i = 0; i < n; i++) free(a->vals[i].v);
    free(a->vals);
    free(a->num);
    free(a->den);
    free(a->present);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The k-th smallest (0-based) of v[0..n), partially reordering v so that
 * everything after index k is at least it (Hoare's selection). */
static double select_kth(double *v, int n, int k)
{
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        double pivot = v[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                double t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++, j--;
            }
        }
        if (k <= j) hi = j;
        else if (k >= i) lo = i;
        else return v[k];
    }
    return v[k];
}

/* The p-th percentile (0-100) of v[0..n) by linear interpolation between
 * closest ranks (as a spreadsheet's PERCENTILE.INC; p=50 is the median).
 * Reorders v. */
static double percentile(double *v, int n, double p)
{
    if (n == 0) return NAN;
    double pos = p / 100.0 * (n - 1);
    int lo = (int)floor(pos);
    double frac = pos - lo;
    double a = select_kth(v, n, lo);
    if (lo + 1 >= n || frac == 0) return a;
    double b = v[lo + 1];
    for (int i = lo + 2; i < n; i++)
        if (v[i] < b) b = v[i];
    return a + frac * (b - a);
}

/* Number of different values in v[0..n). Values that are small whole
 * numbers (dictionary codes) are counted with a stamp table, others by
 * sorting. Reorders v. */
static double distinct_count(double *v, int n)
{
    double max = 0;
    bool codes = true;
    for (int i = 0; i < n && codes; i++) {
        codes = v[i] >= 0 && v[i] == floor(v[i]) && v[i] < (1 << 24);
        if (v[i] > max) max = v[i];
    }
    int k = 0;
    if (codes) {
        size_t m = (size_t)max + 1;
        unsigned char *seen = xcalloc(m, 1);
        for (int i = 0; i < n; i++) {
            size_t c = (size_t)v[i];
            if (!seen[c]) seen[c] = 1, k++;
        }
        free(seen);
        return k;
    }
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    for (int i = 0; i < n; i++)
        if (i == 0 || v[i] != v[i - 1]) k++;
    return k;
}

/* Adds one row's contribution to local area la, month index mi. */
static inline void acc_add(Acc *a, const MeasureDef *d, int la, int mi, double cond, double x, double weight)
{
    size_t at = (size_t)la * (size_t)a->nm + (size_t)mi;
    switch (d->agg) {
    case AGG_COUNT:
        a->num[at] += weight;
        a->den[at] += weight;
        break;
    case AGG_SUM:
        if (!isnan(x)) a->num[at] += x;
        a->den[at] += weight;
        break;
    case AGG_SHARE:
    case AGG_TIME_SHARE:
        a->den[at] += weight;
        if (cond == 1) a->num[at] += weight;
        break;
    case AGG_MEAN:
        if (!isnan(x)) a->num[at] += x, a->den[at] += 1;
        break;
    case AGG_MEDIAN:
    case AGG_PERCENTILE:
    case AGG_DISTINCT:
        if (!isnan(x)) vec_push(&a->vals[at], x);
        a->den[at] += 1;
        break;
    }
}

/* The value of a window from the accumulators: months [mi-len+1, mi]. */
static double window_value(const MeasureDef *d, Acc *a, int la, int mi, int len, double *den_out, Vec *tmp)
{
    double num = 0, den = 0;
    tmp->n = 0;
    for (int k = mi - len + 1; k <= mi; k++) {
        size_t at = (size_t)la * (size_t)a->nm + (size_t)k;
        num += a->num[at];
        den += a->den[at];
        if (a->vals)
            for (int i = 0; i < a->vals[at].n; i++) vec_push(tmp, a->vals[at].v[i]);
    }
    *den_out = den;
    switch (d->agg) {
    case AGG_COUNT:
    case AGG_SUM:
        return num;
    case AGG_SHARE:
    case AGG_TIME_SHARE:
        return den > 0 ? 100.0 * num / den : NAN;
    case AGG_MEAN:
        return den > 0 ? num / den : NAN;
    case AGG_MEDIAN:
        return percentile(tmp->v, tmp->n, 50);
    case AGG_PERCENTILE:
        return percentile(tmp->v, tmp->n, d->pct);
    case AGG_DISTINCT:
        return distinct_count(tmp->v, tmp->n);
    }
    return NAN;
}

/* The months of a fact's data: the range of its counted-by field. */
static void fact_months(const FactData *fd, int field, int *lo, int *hi)
{
    *lo = 0, *hi = -1;
    const double *c = fd->col[field];
    double mn = INFINITY, mx = -INFINITY;
    for (int i = 0; i < fd->nrows; i++) {
        if (isnan(c[i])) continue;
        if (c[i] < mn) mn = c[i];
        if (c[i] > mx) mx = c[i];
    }
    if (mn > mx) return;
    *lo = month_of(mn);
    *hi = month_of(mx);
    if (fd->fact->months_per_row > 1) *hi += fd->fact->months_per_row - 1;
    if (*lo < 0 || *hi < 0) *lo = 0, *hi = -1;
}

/* Allocates the series of dv for its windows. */
static void alloc_series(DefValues *dv, bool ranked)
{
    size_t n = (size_t)dv->nareas * (size_t)(dv->nm ? dv->nm : 1);
    for (int w = 0; w < NWIN; w++) {
        if (!dv->has[w]) continue;
        Series *s = &dv->s[w];
        s->v = xmalloc(n * sizeof(double));
        s->den = xmalloc(n * sizeof(double));
        for (size_t i = 0; i < n; i++) s->v[i] = s->den[i] = NAN;
        if (ranked) {
            s->nat_rank = xcalloc(n, sizeof(int));
            s->nat_of = xcalloc(n, sizeof(int));
            s->msg_rank = xcalloc(n, sizeof(int));
            s->msg_of = xcalloc(n, sizeof(int));
        }
    }
}

/* Fills the series from the accumulators (flow measures). */
static void fill_windows(const MeasureDef *d, DefValues *dv, Acc *a, bool public_data, int months_per_row)
{
    Vec tmp = {0};
    for (int w = 0; w < NWIN; w++) {
        if (!dv->has[w]) continue;
        int len = win_len[w];
        for (int la = 0; la < dv->nareas; la++) {
            for (int mi = len - 1; mi < dv->nm; mi++) {
                if (!window_ends((Window)w, dv->m0 + mi, months_per_row)) continue;
                bool covered = true;
                for (int k = mi - len + 1; k <= mi && covered; k++) covered = a->present[(size_t)la * (size_t)dv->nm + (size_t)k];
                if (!covered) continue;
                double den;
                double v = window_value(d, a, la, mi, len, &den, &tmp);
                size_t at = (size_t)la * (size_t)dv->nm + (size_t)mi;
                dv->s[w].v[at] = v;
                dv->s[w].den[at] = den;
            }
        }
    }
    free(tmp.v);
    (void)public_data;
}

/* Evaluates `where` and the argument for a batch; cond/x point to results
 * (all-true / NaN when absent). */
static void eval_batch(const MeasureDef *d, const FactData *fd, const int *rows, int n, double pe, const double **wh, const double **x, double *ones, double *nans)
{
    *wh = d->where ? expr_eval(d->where, fd, rows, n, pe) : ones;
    *x = d->arg ? expr_eval(d->arg, fd, rows, n, pe) : nans;
    (void)nans;
}

/* Computes a definition counted by a time field. */
static void compute_flow(MeasureSet *ms, int di, const FactData *fd, const int *mcol)
{
    const MeasureDef *d = &ms->defs.d[di];
    DefValues *dv = &ms->vals[di];
    bool vals = d->agg == AGG_MEDIAN || d->agg == AGG_PERCENTILE || d->agg == AGG_DISTINCT;
    Acc a;
    acc_init(&a, dv->nareas, dv->m0, dv->nm, vals);
    const Fact *f = d->fact;
    int wf = f->weight ? fact_field(f, f->weight) : -1;
    int durf = d->agg == AGG_TIME_SHARE ? fact_field(f, f->duration) : -1;
    const double *weight = wf >= 0 ? fd->col[wf] : NULL, *dur = durf >= 0 ? fd->col[durf] : NULL;
    /* coverage */
    if (f->public_data) {
        for (int r = 0; r < fd->nrows; r++) {
            int mi = mcol[r] - dv->m0, la = fd->area[r];
            if (mi < 0 || mi >= dv->nm || la < 0 || la >= dv->nareas) continue;
            for (int k = 0; k < (f->months_per_row > 1 ? f->months_per_row : 1) && mi + k < dv->nm; k++)
                a.present[(size_t)la * (size_t)dv->nm + (size_t)(mi + k)] = 1;
        }
    } else {
        memset(a.present, 1, (size_t)dv->nareas * (size_t)dv->nm);
    }
    double ones[EXPR_BATCH], nans[EXPR_BATCH];
    for (int i = 0; i < EXPR_BATCH; i++) ones[i] = 1, nans[i] = NAN;
    int rows[EXPR_BATCH];
    for (int s = 0; s < fd->nrows; s += EXPR_BATCH) {
        int n = fd->nrows - s < EXPR_BATCH ? fd->nrows - s : EXPR_BATCH;
        for (int i = 0; i < n; i++) rows[i] = s + i;
        const double *wh, *x;
        eval_batch(d, fd, rows, n, NAN, &wh, &x, ones, nans);
        for (int i = 0; i < n; i++) {
            if (wh[i] != 1) continue;
            int r = rows[i];
            int mi = mcol[r] - dv->m0;
            if (mcol[r] < 0 || mi < 0 || mi >= dv->nm) continue;
            double wt = dur ? dur[r] : weight ? weight[r] : 1;
            double cond = (d->agg == AGG_SHARE || d->agg == AGG_TIME_SHARE) ? x[i] : NAN;
            if (f->public_data) {
                if (fd->area[r] >= 0) acc_add(&a, d, fd->area[r], mi, cond, x[i], wt);
            } else {
                acc_add(&a, d, 0, mi, cond, x[i], wt);
                if (fd->area[r] >= 0 && fd->area[r] + 1 < dv->nareas) acc_add(&a, d, fd->area[r] + 1, mi, cond, x[i], wt);
            }
        }
    }
    fill_windows(d, dv, &a, f->public_data, f->months_per_row);
    acc_free(&a);
}

/* A row of a live sweep: its start and end instants. */
typedef struct Live {
    double start;
    int row;
} Live;

static int cmp_live(const void *a, const void *b)
{
    const Live *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* Computes a definition counted live from one field to another: at each
 * month end, the rows live then. */
static void compute_stock(MeasureSet *ms, int di, const FactData *fd)
{
    const MeasureDef *d = &ms->defs.d[di];
    DefValues *dv = &ms->vals[di];
    const double *from = fd->col[d->counted], *to = fd->col[d->live_to];
    bool vals = d->agg == AGG_MEDIAN || d->agg == AGG_PERCENTILE || d->agg == AGG_DISTINCT;
    Acc a;
    acc_init(&a, dv->nareas, dv->m0, dv->nm, vals);
    Live *order = xmalloc(sizeof(Live) * (size_t)(fd->nrows ? fd->nrows : 1));
    int n = 0;
    for (int r = 0; r < fd->nrows; r++)
        if (!isnan(from[r])) order[n++] = (Live){from[r], r};
    qsort(order, (size_t)n, sizeof *order, cmp_live);
    int *active = xmalloc(sizeof(int) * (size_t)(n ? n : 1));
    int nactive = 0, next = 0;
    double ones[EXPR_BATCH], nans[EXPR_BATCH];
    for (int i = 0; i < EXPR_BATCH; i++) ones[i] = 1, nans[i] = NAN;
    for (int mi = 0; mi < dv->nm; mi++) {
        double end = (double)ukdate_month_start(month_yyyymm(dv->m0 + mi + 1));
        while (next < n && order[next].start < end) active[nactive++] = order[next++].row;
        int k = 0;
        for (int i = 0; i < nactive; i++)
            if (isnan(to[active[i]]) || to[active[i]] >= end) active[k++] = active[i];
        nactive = k;
        for (int s = 0; s < nactive; s += EXPR_BATCH) {
            int m = nactive - s < EXPR_BATCH ? nactive - s : EXPR_BATCH;
            const double *wh, *x;
            eval_batch(d, fd, active + s, m, end, &wh, &x, ones, nans);
            for (int i = 0; i < m; i++) {
                if (wh[i] != 1) continue;
                int r = active[s + i];
                double cond = d->agg == AGG_SHARE ? x[i] : NAN;
                acc_add(&a, d, 0, mi, cond, x[i], 1);
                if (fd->area[r] >= 0 && fd->area[r] + 1 < dv->nareas) acc_add(&a, d, fd->area[r] + 1, mi, cond, x[i], 1);
            }
        }
    }
    memset(a.present, 1, (size_t)dv->nareas * (size_t)dv->nm);
    /* a stock's quarter and year are its value at their last month end */
    Vec tmp = {0};
    for (int w = 0; w < NWIN; w++) {
        if (!dv->has[w]) continue;
        for (int la = 0; la < dv->nareas; la++)
            for (int mi = 0; mi < dv->nm; mi++) {
                if (!window_ends((Window)w, dv->m0 + mi, 1)) continue;
                double den;
                double v = window_value(d, &a, la, mi, 1, &den, &tmp);
                size_t at = (size_t)la * (size_t)dv->nm + (size_t)mi;
                dv->s[w].v[at] = v;
                dv->s[w].den[at] = den;
            }
    }
    free(tmp.v);
    free(order);
    free(active);
    acc_free(&a);
}

/* ---- ranks ---- */

typedef struct RankItem {
    double key;
    int fi;
} RankItem;

static int cmp_rank(const void *a, const void *b)
{
    const RankItem *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

/* True when a definition's values are counts, ranked by rate per 1,000. */
static bool is_count(const MeasureDef *d)
{
    return d->agg == AGG_COUNT || d->agg == AGG_SUM || d->agg == AGG_DISTINCT;
}

static double rate_of(const MeasureSet *ms, int fi, double v)
{
    long long pop = ms->forces.f[fi].population;
    return pop > 0 ? v * 1000.0 / (double)pop : NAN;
}

/* Competition ranking of items (1 = best: the lowest key unless higher is
 * better); ties share the better rank. Writes rank and n at [fi*nm + mi]
 * for every item, or only for only_fi when it is >= 0. */
static void assign_ranks(RankItem *items, int n, bool higher_better, int *rank, int *of, int nm, int mi, int only_fi)
{
    qsort(items, (size_t)n, sizeof *items, cmp_rank);
    for (int i = 0; i < n; i++) {
        int r;
        if (!higher_better) {
            int j = i;
            while (j > 0 && items[j - 1].key == items[i].key) j--;
            r = j + 1;
        } else {
            int j = i;
            while (j < n - 1 && items[j + 1].key == items[i].key) j++;
            r = n - j;
        }
        if (only_fi >= 0 && items[i].fi != only_fi) continue;
        rank[(size_t)items[i].fi * (size_t)nm + (size_t)mi] = r;
        of[(size_t)items[i].fi * (size_t)nm + (size_t)mi] = n;
    }
}

static void compute_ranks(MeasureSet *ms, int di)
{
    const MeasureDef *d = &ms->defs.d[di];
    DefValues *dv = &ms->vals[di];
    bool hb = d->better == BETTER_HIGHER, cnt = is_count(d);
    RankItem items[MAX_FORCES];
    for (int w = 0; w < NWIN; w++) {
        if (!dv->has[w]) continue;
        Series *s = &dv->s[w];
        for (int mi = 0; mi < dv->nm; mi++) {
            int n = 0;
            for (int fi = 0; fi < ms->forces.n; fi++) {
                double v = s->v[(size_t)fi * (size_t)dv->nm + (size_t)mi];
                double k = cnt ? rate_of(ms, fi, v) : v;
                if (!ms->forces.f[fi].territorial || isnan(k)) continue;
                items[n++] = (RankItem){k, fi};
            }
            if (!n) continue;
            assign_ranks(items, n, hb, s->nat_rank, s->nat_of, dv->nm, mi, -1);
            for (int fi = 0; fi < ms->forces.n; fi++) {
                if (!ms->npeers[fi]) continue;
                double v = s->v[(size_t)fi * (size_t)dv->nm + (size_t)mi];
                double k = cnt ? rate_of(ms, fi, v) : v;
                if (isnan(k)) continue;
                int m = 0;
                items[m++] = (RankItem){k, fi};
                for (int p = 0; p < ms->npeers[fi]; p++) {
                    int pf = ms->peers[fi][p];
                    double pv = s->v[(size_t)pf * (size_t)dv->nm + (size_t)mi];
                    double pk = cnt ? rate_of(ms, pf, pv) : pv;
                    if (!isnan(pk)) items[m++] = (RankItem){pk, pf};
                }
                assign_ranks(items, m, hb, s->msg_rank, s->msg_of, dv->nm, mi, fi);
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

/* One fact's work: load it and compute every definition over it. */
typedef struct FactTask {
    MeasureSet *ms;
    const Fact *f;
    sqlite3 *db;        /* the connection this task reads with */
    double load_s;      /* seconds spent loading */
} FactTask;

static void run_fact(FactTask *t)
{
    MeasureSet *ms = t->ms;
    const Fact *f = t->f;
    double tl = mono_seconds();
    FactData fd;
    fact_load(t->db, f, &ms->forces, &ms->lpas, &fd);
    t->load_s = mono_seconds() - tl;
    /* month of each row per counted-by field, computed once */
    int *mcol[FACT_MAX_FIELDS] = {0};
    for (int di = 0; di < ms->defs.n; di++) {
        MeasureDef *d = &ms->defs.d[di];
        if (d->fact != f) continue;
        DefValues *dv = &ms->vals[di];
        bool stock = d->live_to >= 0;
        int lo, hi;
        fact_months(&fd, d->counted, &lo, &hi);
        dv->m0 = lo;
        dv->nm = hi >= lo ? hi - lo + 1 : 0;
        dv->area0 = f->public_data ? 0 : ms->forces.n;
        dv->nareas = f->public_data ? ms->forces.n : 1 + ms->lpas.n;
        for (int w = 0; w < NWIN; w++) dv->has[w] = true;
        if (f->months_per_row > 1) dv->has[WIN_MONTH] = false;
        if (stock) dv->has[WIN_12M] = false;
        alloc_series(dv, f->public_data);
        if (dv->nm == 0) continue;
        if (d->where) expr_bind(d->where, &fd);
        if (d->arg) expr_bind(d->arg, &fd);
        if (stock) {
            compute_stock(ms, di, &fd);
        } else {
            if (!mcol[d->counted]) {
                mcol[d->counted] = xmalloc(sizeof(int) * (size_t)(fd.nrows ? fd.nrows : 1));
                const double *c = fd.col[d->counted];
                for (int r = 0; r < fd.nrows; r++) mcol[d->counted][r] = month_of(c[r]);
            }
            compute_flow(ms, di, &fd, mcol[d->counted]);
        }
        if (f->public_data) compute_ranks(ms, di);
    }
    for (int i = 0; i < FACT_MAX_FIELDS; i++) free(mcol[i]);
    fact_data_free(&fd);
}

/* The facts of a computation, shared by the workers. */
typedef struct Queue {
    FactTask *tasks;
    int n, next;
    pthread_mutex_t mu;
    const char *path;   /* the database file, for workers' own connections */
} Queue;

/* A worker: its own read-only connection, then facts until none is left. */
static void *worker(void *arg)
{
    Queue *q = arg;
    sqlite3 *db = db_open_reader(q->path);
    for (;;) {
        pthread_mutex_lock(&q->mu);
        int i = q->next < q->n ? q->next++ : -1;
        pthread_mutex_unlock(&q->mu);
        if (i < 0) break;
        q->tasks[i].db = db;
        run_fact(&q->tasks[i]);
    }
    db_close(db);
    return NULL;
}

/* Rough cost of loading a fact, to start the biggest first. */
static long long fact_rows(sqlite3 *db, const Fact *f)
{
    sqlite3_stmt *st = NULL;
    if (strcmp(f->name, "crimes") == 0) st = db_prepare(db, "SELECT count(*)*4 FROM fx_crime");
    else if (strcmp(f->name, "incidents") == 0) st = db_prepare(db, "SELECT max(rowid) FROM fx_incident");
    else if (strcmp(f->name, "calls") == 0) st = db_prepare(db, "SELECT max(rowid) FROM fx_call");
    else if (strcmp(f->name, "contacts") == 0) st = db_prepare(db, "SELECT max(rowid) FROM fx_contact");
    if (!st) return 0;
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return n;
}

void measures_compute(sqlite3 *db, MeasureSet *ms)
{
    double t0 = mono_seconds();
    memset(ms, 0, sizeof *ms);
    init_month_starts();
    forces_list(db, &ms->forces);
    lpa_list(db, &ms->lpas);
    ms->office = forces_office(db);
    ms->narea = ms->forces.n + 1 + ms->lpas.n;
    mdefs_load(db, &ms->defs);
    ms->vals = xcalloc((size_t)(ms->defs.n ? ms->defs.n : 1), sizeof(DefValues));
    sqlite3_stmt *st = db_prepare(db, "SELECT force_id, peer_id FROM peer");
    while (sqlite3_step(st) == SQLITE_ROW) {
        int fi = measures_force_index(ms, sqlite3_column_int(st, 0));
        int pi = measures_force_index(ms, sqlite3_column_int(st, 1));
        if (fi >= 0 && pi >= 0 && ms->npeers[fi] < MAX_PEERS) ms->peers[fi][ms->npeers[fi]++] = pi;
    }
    sqlite3_finalize(st);
    /* the facts in use, biggest first */
    FactTask tasks[16];
    long long cost[16];
    int nt = 0;
    for (int k = 0; k < nfacts && nt < 16; k++) {
        bool used = false;
        for (int di = 0; di < ms->defs.n; di++) used |= ms->defs.d[di].fact == &facts[k];
        if (!used) continue;
        tasks[nt] = (FactTask){ms, &facts[k], db, 0};
        cost[nt++] = fact_rows(db, &facts[k]);
    }
    for (int i = 1; i < nt; i++)
        for (int j = i; j > 0 && cost[j] > cost[j - 1]; j--) {
            FactTask t = tasks[j];
            tasks[j] = tasks[j - 1], tasks[j - 1] = t;
            long long c = cost[j];
            cost[j] = cost[j - 1], cost[j - 1] = c;
        }
    /* Two workers with their own connections share the facts (the machine
     * has two cores); an in-memory or unnamed store is read on this
     * connection alone. */
    const char *path = sqlite3_db_filename(db, "main");
    long long big = nt ? cost[0] : 0;
    if (path && *path && nt > 1 && big > 100000) {
        Queue q = {tasks, nt, 0, PTHREAD_MUTEX_INITIALIZER, path};
        pthread_t th[2];
        for (int i = 0; i < 2; i++)
            if (pthread_create(&th[i], NULL, worker, &q) != 0) die("cannot start a thread");
        for (int i = 0; i < 2; i++) pthread_join(th[i], NULL);
        pthread_mutex_destroy(&q.mu);
    } else {
        for (int i = 0; i < nt; i++) run_fact(&tasks[i]);
    }
    double load = 0;
    for (int i = 0; i < nt; i++) load += tasks[i].load_s;
    latest_import(db, "police-uk", ms->asat_puk, sizeof ms->asat_puk);
    latest_import(db, "home-office-crime", ms->asat_ho, sizeof ms->asat_ho);
    latest_import(db, "crimes", ms->asat_force, sizeof ms->asat_force);
    if (!ms->asat_puk[0]) latest_import(db, "demo", ms->asat_puk, sizeof ms->asat_puk);
    if (!ms->asat_ho[0]) latest_import(db, "demo", ms->asat_ho, sizeof ms->asat_ho);
    if (!ms->asat_force[0]) latest_import(db, "demo", ms->asat_force, sizeof ms->asat_force);
    ms->load_ms = load * 1000;
    ms->compute_ms = (mono_seconds() - t0) * 1000;
}

void measures_free(MeasureSet *ms)
{
    for (int di = 0; di < ms->defs.n; di++) {
        for (int w = 0; w < NWIN; w++) {
            Series *s = &ms->vals[di].s[w];
            free(s->v);
            free(s->den);
            free(s->nat_rank);
            free(s->nat_of);
            free(s->msg_rank);
            free(s->msg_of);
        }
    }
    free(ms->vals);
    mdefs_free(&ms->defs);
    memset(ms, 0, sizeof *ms);
}

/* ---- reading values ---- */

bool measures_value(const MeasureSet *ms, int def, Window w, int area, int month, MeasureValue *v)
{
    if (def < 0 || def >= ms->defs.n || w < 0 || w >= NWIN) return false;
    const DefValues *dv = &ms->vals[def];
    if (!dv->has[w] || !measures_has_area(ms, def, area)) return false;
    int mi = month - dv->m0, la = area - dv->area0;
    if (mi < 0 || mi >= dv->nm) return false;
    const Series *s = &dv->s[w];
    size_t at = (size_t)la * (size_t)dv->nm + (size_t)mi;
    if (isnan(s->v[at])) return false;
    const MeasureDef *d = &ms->defs.d[def];
    memset(v, 0, sizeof *v);
    v->def = d;
    v->win = w;
    v->area = area;
    v->month = month;
    v->value = s->v[at];
    v->den = s->den[at];
    int ym = month_yyyymm(month), y = ym / 100, m = ym % 100;
    snprintf(v->period_end, sizeof v->period_end, "%04d-%02d", y, m);
    int fy = m <= 3 ? y - 1 : y, q = m <= 3 ? 4 : (m - 1) / 3;
    switch (w) {
    case WIN_MONTH:
        snprintf(v->period, sizeof v->period, "%s", v->period_end);
        snprintf(v->label, sizeof v->label, "%s %d", month_short[m - 1], y);
        break;
    case WIN_12M:
        snprintf(v->period, sizeof v->period, "%s", v->period_end);
        snprintf(v->label, sizeof v->label, "12 months to %s %d", month_short[m - 1], y);
        break;
    case WIN_QUARTER:
        snprintf(v->period, sizeof v->period, "%d/%02d Q%d", fy, (fy + 1) % 100, q);
        snprintf(v->label, sizeof v->label, "Q%d %d/%02d", q, fy, (fy + 1) % 100);
        break;
    case WIN_FY:
    default:
        snprintf(v->period, sizeof v->period, "%d/%02d", fy, (fy + 1) % 100);
        snprintf(v->label, sizeof v->label, "Financial year %d/%02d", fy, (fy + 1) % 100);
        break;
    }
    if (mi >= 12 && !isnan(s->v[at - 12])) {
        double prev = s->v[at - 12];
        v->has_yoy = true;
        v->yoy_change = v->value - prev;
        v->yoy_pct = prev != 0 ? 100.0 * (v->value - prev) / prev : NAN;
    }
    if (d->fact->public_data && is_count(d) && area < ms->forces.n) {
        double r = rate_of(ms, area, v->value);
        if (!isnan(r)) v->has_rate = true, v->rate = r;
    }
    if (s->nat_rank) {
        v->nat_rank = s->nat_rank[at];
        v->nat_of = s->nat_of[at];
        v->msg_rank = s->msg_rank[at];
        v->msg_of = s->msg_of[at];
    }
    /* the target in force on the period's last day */
    int last_day = ym * 100 + 28;
    v->target = mdef_target_at(d, last_day);
    if (v->target) {
        const Target *t = v->target;
        double x = v->value, tv = t->value;
        bool met = strcmp(t->op, "<=") == 0 ? x <= tv : strcmp(t->op, "<") == 0 ? x < tv : strcmp(t->op, ">=") == 0 ? x >= tv : x > tv;
        double miss = fabs(x - tv);
        v->rag = met ? 'G' : (miss <= 0.05 * fabs(tv) ? 'A' : 'R');
    }
    return true;
}

int measures_at_or_before(const MeasureSet *ms, int def, Window w, int area, int month)
{
    if (def < 0 || def >= ms->defs.n) return -1;
    const DefValues *dv = &ms->vals[def];
    if (!dv->has[w] || !measures_has_area(ms, def, area)) return -1;
    int la = area - dv->area0;
    int top = month - dv->m0;
    if (top >= dv->nm) top = dv->nm - 1;
    for (int mi = top; mi >= 0; mi--)
        if (!isnan(dv->s[w].v[(size_t)la * (size_t)dv->nm + (size_t)mi])) return dv->m0 + mi;
    return -1;
}

int measures_latest(const MeasureSet *ms, int def, Window w, int area)
{
    return measures_at_or_before(ms, def, w, area, 1 << 30);
}

int measures_parse_period(const char *s)
{
    size_t n = strlen(s);
    if (n == 7 && s[4] == '-') {
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
            return qn == 4 ? (fy + 1) * 100 + 3 : fy * 100 + 3 + 3 * qn;
        }
    }
    return 0;
}
