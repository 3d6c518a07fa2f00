/*
 * import_geo.c: the force's boundaries (GeoJSON) and officers' location
 * pings (CSV), through the import framework (docs/data-formats.md,
 * "Boundaries" and "Location pings").
 *
 * Boundaries replace every boundary held. Pings are not kept: each is
 * placed (in a station? a priority location? which local policing area?)
 * against the boundaries held, and the on-duty time until the officer's
 * next ping (when that comes within five minutes) is added to fx_presence
 * by UK day, team and place. Re-importing replaces the days a file covers.
 * Within one officer, pings must come in time order (files may interleave
 * officers, as a time-ordered extract does); that lets the import stream
 * any number of rows in memory that grows only with the number of officers.
 *
 * Speed: rows are parsed into batches of 8192, each batch placed by one
 * geo_classify_many() call (timed on its own: the summary gives the
 * point-in-polygon rate), then credited to the officers in order.
 */
#include "db.h"
#include "geo.h"
#include "import.h"
#include "pii.h"
#include "ukdate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GAP 300 /* seconds: a longer gap to the next ping is not counted */
#define BATCH 8192

/* ---- boundaries ---- */

typedef struct BoundaryState {
    sqlite3_stmt *ins, *lpa_find, *lpa_ins;
    bool cleared;
    int count[3];
    Buf new_areas;
} BoundaryState;

static bool boundary_source(Import *imp, Source *s, CsvReader *r, void *state)
{
    BoundaryState *st = state;
    char *text;
    long long len = csv_rest(r, &text);
    if (len < 0) return import_fail(imp, s, 0, "%s", r->err);
    GeoSet set;
    char **geometry;
    char err[320];
    bool ok = geo_parse(text, (size_t)len, &set, &geometry, err, sizeof err);
    free(text);
    if (!ok) return import_fail(imp, s, 0, "%s", err);
    if (set.n == 0) ok = import_fail(imp, s, 0, "the FeatureCollection holds no features: expected stations, priority locations and areas");
    static const char *const kind_names[] = {"station", "priority", "area"};
    if (ok && !st->cleared) {
        /* inside the import's transaction: a failed import restores them */
        db_exec(imp->db, "DELETE FROM fx_boundary");
        st->cleared = true;
    }
    for (int i = 0; ok && i < set.n; i++) {
        const GeoPolygon *p = &set.p[i];
        long long lpa = 0;
        if (p->kind == GEO_AREA) {
            sqlite3_bind_text(st->lpa_find, 1, p->code, -1, SQLITE_STATIC);
            if (sqlite3_step(st->lpa_find) == SQLITE_ROW) lpa = sqlite3_column_int64(st->lpa_find, 0);
            sqlite3_reset(st->lpa_find);
            if (!lpa) {
                sqlite3_bind_text(st->lpa_ins, 1, p->code, -1, SQLITE_STATIC);
                sqlite3_bind_text(st->lpa_ins, 2, p->name, -1, SQLITE_STATIC);
                if (sqlite3_step(st->lpa_ins) == SQLITE_ROW) lpa = sqlite3_column_int64(st->lpa_ins, 0);
                sqlite3_reset(st->lpa_ins);
                buf_printf(&st->new_areas, "%s%s", st->new_areas.len ? ", " : "", p->code);
            }
        }
        sqlite3_bind_text(st->ins, 1, kind_names[p->kind], -1, SQLITE_STATIC);
        sqlite3_bind_text(st->ins, 2, p->name, -1, SQLITE_STATIC);
        if (lpa) sqlite3_bind_int64(st->ins, 3, lpa);
        else sqlite3_bind_null(st->ins, 3);
        sqlite3_bind_text(st->ins, 4, geometry[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(st->ins, 5, imp->import_id);
        db_step_done(st->ins);
        st->count[p->kind]++;
        s->rows++;
        imp->rows++;
    }
    snprintf(s->kind, sizeof s->kind, "boundaries");
    geo_free(&set, geometry);
    return ok;
}

static bool boundary_finish(Import *imp, void *state)
{
    BoundaryState *st = state;
    buf_printf(&imp->summary, "%d police stations, %d priority locations, %d local policing areas (every boundary held replaced)", st->count[GEO_STATION],
               st->count[GEO_PRIORITY], st->count[GEO_AREA]);
    if (st->new_areas.len) buf_printf(&imp->summary, "; new local policing areas: %s", buf_cstr(&st->new_areas));
    return true;
}

bool import_boundaries(Import *imp, char **paths, int npaths)
{
    BoundaryState st;
    memset(&st, 0, sizeof st);
    sqlite3 *db = imp->db;
    st.ins = db_prepare(db, "INSERT INTO fx_boundary(kind,name,lpa_id,geometry,import_id) VALUES(?1,?2,?3,?4,?5)");
    st.lpa_find = db_prepare(db, "SELECT id FROM lpa WHERE code=?1");
    st.lpa_ins = db_prepare(db, "INSERT INTO lpa(code, name) VALUES(?1, ?2) RETURNING id");
    bool ok = import_run(imp, paths, npaths, boundary_source, boundary_finish, &st);
    sqlite3_finalize(st.ins), sqlite3_finalize(st.lpa_find), sqlite3_finalize(st.lpa_ins);
    buf_free(&st.new_areas);
    return ok;
}

/* ---- pings ---- */

static const char *const ping_cols[] = {"officer", "team", "at", "latitude", "longitude", "on_duty"};
static const char *const teams[] = {"neighbourhood", "response", "pcso"};

/* One officer: where their last ping was, so its interval can be credited
 * when the next one comes. */
typedef struct Officer {
    char *id;
    int64_t t;      /* the last ping's time, -1 before the first */
    long line;      /* and its line */
    int lpa;
    uint8_t flags;  /* GEO_IN_STATION | GEO_IN_PRIORITY */
    uint8_t team;
    uint8_t on;
} Officer;

typedef struct PingState {
    GeoSet set;
    GeoIndex *index;
    /* officers by id: open addressing over indexes into officer[] */
    Officer *officer;
    int nofficer, officer_cap;
    int *slot;
    size_t nslot;
    /* the batch being read */
    int n;
    int who[BATCH];
    int64_t t[BATCH];
    long line[BATCH];
    double lat[BATCH], lon[BATCH];
    uint8_t team[BATCH], on[BATCH], flags[BATCH];
    int lpa[BATCH];
    const Source *batch_src;
    /* what is added: seconds and pings by (day, team, area, station,
     * priority); the days met */
    Counts seconds, pings, days;
    long long counted, classified;
    double classify_seconds;
    int cache_day;              /* the UK day of [day_from, day_to) */
    int64_t day_from, day_to;
    int min_day, max_day;
} PingState;

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* The officer with this id, added when new (the id checked once). Returns
 * -1 with the error recorded when the id is not pseudonymous. */
static int officer_find(Import *imp, Source *s, PingState *st, long line, const CsvField *f)
{
    if ((size_t)st->nofficer * 2 >= st->nslot) {
        size_t ns = st->nslot ? st->nslot * 2 : 1024;
        int *slot = xmalloc(ns * sizeof *slot);
        memset(slot, 0xff, ns * sizeof *slot);
        for (int i = 0; i < st->nofficer; i++) {
            size_t h = hash_str(st->officer[i].id, strlen(st->officer[i].id)) & (ns - 1);
            while (slot[h] >= 0) h = (h + 1) & (ns - 1);
            slot[h] = i;
        }
        free(st->slot);
        st->slot = slot, st->nslot = ns;
    }
    size_t h = hash_str(f->s, f->len) & (st->nslot - 1);
    for (; st->slot[h] >= 0; h = (h + 1) & (st->nslot - 1)) {
        const char *id = st->officer[st->slot[h]].id;
        if (strlen(id) == f->len && memcmp(id, f->s, f->len) == 0) return st->slot[h];
    }
    const char *why = pii_pseudonym(f->s, f->len);
    if (why || f->len > 40) {
        char exp[200];
        snprintf(exp, sizeof exp, "a pseudonymous officer identifier (letters, digits, - or _, with at least one digit, at most 40): %s", why ? why : "too long");
        import_field_error(imp, s, line, "officer", exp, f->s, f->len);
        return -1;
    }
    if (st->nofficer == st->officer_cap) {
        st->officer_cap = st->officer_cap ? st->officer_cap * 2 : 256;
        st->officer = xrealloc(st->officer, sizeof *st->officer * (size_t)st->officer_cap);
    }
    Officer *o = &st->officer[st->nofficer];
    memset(o, 0, sizeof *o);
    o->id = xmalloc(f->len + 1);
    memcpy(o->id, f->s, f->len);
    o->id[f->len] = 0;
    o->t = -1;
    st->slot[h] = st->nofficer;
    return st->nofficer++;
}

/* Parses a decimal like -0.902714 (no exponent) in [lo, hi]. */
static bool parse_coord(const CsvField *f, double lo, double hi, double *out)
{
    static const double scale[] = {1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15};
    const char *p = f->s, *end = f->s + f->len;
    bool neg = p < end && *p == '-';
    if (neg || (p < end && *p == '+')) p++;
    uint64_t v = 0;
    int digits = 0, frac = -1;
    for (; p < end; p++) {
        if (*p == '.' && frac < 0) {
            frac = 0;
            continue;
        }
        if (*p < '0' || *p > '9' || digits >= 17) return false;
        v = v * 10 + (uint64_t)(*p - '0');
        digits++;
        if (frac >= 0) frac++;
    }
    if (!digits || frac > 15) return false;
    double d = (double)v * scale[frac < 0 ? 0 : frac];
    if (neg) d = -d;
    if (!(d >= lo && d <= hi)) return false;
    *out = d;
    return true;
}

/* The UK day of t, cached for the day the last ping fell in. */
static int day_of(PingState *st, int64_t t)
{
    if (t < st->day_from || t >= st->day_to) {
        st->cache_day = ukdate_day(t);
        st->day_from = ukdate_day_start(st->cache_day);
        int y = st->cache_day / 10000, m = st->cache_day / 100 % 100, d = st->cache_day % 100, ny, nm, nd;
        ukdate_civil(ukdate_days(y, m, d) + 1, &ny, &nm, &nd);
        st->day_to = ukdate_day_start(ny * 10000 + nm * 100 + nd);
        if (!st->min_day || st->cache_day < st->min_day) st->min_day = st->cache_day;
        if (st->cache_day > st->max_day) st->max_day = st->cache_day;
        *counts_slot(&st->days, (uint64_t)st->cache_day) = 1;
    }
    return st->cache_day;
}

/* Places the batch and credits each ping's predecessor with the time to it. */
static bool flush_batch(Import *imp, PingState *st)
{
    double t0 = mono_seconds();
    geo_classify_many(st->index, st->lat, st->lon, st->n, st->flags, st->lpa);
    st->classify_seconds += mono_seconds() - t0;
    st->classified += st->n;
    for (int i = 0; i < st->n; i++) {
        Officer *o = &st->officer[st->who[i]];
        int64_t t = st->t[i];
        day_of(st, t);
        if (o->t >= 0) {
            if (t < o->t)
                return import_fail(imp, st->batch_src, st->line[i],
                                   "field \"at\": officer %s's pings must come in time order, but this one is before theirs at line %ld", o->id, o->line);
            int64_t gap = t - o->t;
            if (o->on && gap <= MAX_GAP) {
                uint64_t key = (uint64_t)day_of(st, o->t) << 32 | (uint64_t)o->lpa << 4 | (uint64_t)o->team << 2 | (uint64_t)(o->flags & 3);
                *counts_slot(&st->seconds, key) += gap;
                *counts_slot(&st->pings, key) += 1;
                st->counted++;
            }
        }
        o->t = t, o->line = st->line[i], o->lpa = st->lpa[i], o->flags = st->flags[i], o->team = st->team[i], o->on = st->on[i];
    }
    st->n = 0;
    return true;
}

#define TIME_EXPECTED "a date-time like 2025-03-14 09:21:30 (UK local time, or with Z or +01:00)"

static bool ping_source(Import *imp, Source *s, CsvReader *r, void *state)
{
    PingState *st = state;
    int rc = csv_next(r);
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    if (rc == 0) return import_fail(imp, s, 0, "the file is empty: expected a header line");
    if (!import_check_header(imp, s, r, "location pings", ping_cols, 6)) return false;
    snprintf(s->kind, sizeof s->kind, "pings");
    st->batch_src = s; /* each source ends with its batch flushed, so errors name the right file */
    while ((rc = csv_next(r)) == 1) {
        long line = r->record_line;
        const CsvField *f = r->f;
        if (r->nfields != 6) return import_fail(imp, s, line, "expected 6 fields as in the header, found %d", r->nfields);
        int k = st->n;
        int who = officer_find(imp, s, st, line, &f[0]);
        if (who < 0) return false;
        st->who[k] = who;
        int team = -1;
        for (int i = 0; i < 3 && team < 0; i++)
            if (f[1].len == strlen(teams[i]) && memcmp(f[1].s, teams[i], f[1].len) == 0) team = i;
        if (team < 0) return import_field_error(imp, s, line, "team", "neighbourhood, response or pcso", f[1].s, f[1].len);
        st->team[k] = (uint8_t)team;
        if (!ukdate_parse(f[2].s, f[2].len, &st->t[k])) return import_field_error(imp, s, line, "at", TIME_EXPECTED, f[2].s, f[2].len);
        if (!parse_coord(&f[3], -90, 90, &st->lat[k])) return import_field_error(imp, s, line, "latitude", "decimal degrees from -90 to 90 (WGS84), like 52.240512", f[3].s, f[3].len);
        if (!parse_coord(&f[4], -180, 180, &st->lon[k]))
            return import_field_error(imp, s, line, "longitude", "decimal degrees from -180 to 180 (WGS84), like -0.902714", f[4].s, f[4].len);
        int on;
        if (!import_parse_flag(&f[5], &on)) return import_field_error(imp, s, line, "on_duty", "Y or N (also yes/no, true/false, 1/0)", f[5].s, f[5].len);
        st->on[k] = (uint8_t)on;
        st->line[k] = line;
        s->rows++;
        imp->rows++;
        if (++st->n == BATCH) {
            if (!flush_batch(imp, st)) return false;
            if ((imp->rows & 0xffff) == 0) import_progress(imp, r);
        }
    }
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    return st->n == 0 || flush_batch(imp, st);
}

static bool ping_finish(Import *imp, void *state)
{
    PingState *st = state;
    sqlite3_stmt *del = db_prepare(imp->db, "DELETE FROM fx_presence WHERE day=?1");
    for (size_t i = 0; i < st->days.cap; i++) {
        if (!st->days.keys[i]) continue;
        sqlite3_bind_int64(del, 1, (sqlite3_int64)(st->days.keys[i] - 1));
        db_step_done(del);
    }
    sqlite3_finalize(del);
    sqlite3_stmt *ins = db_prepare(imp->db, "INSERT INTO fx_presence(day,team,lpa_id,in_station,in_priority,seconds,pings,import_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
    long long secs = 0;
    for (size_t i = 0; i < st->seconds.cap; i++) {
        if (!st->seconds.keys[i]) continue;
        uint64_t key = st->seconds.keys[i] - 1;
        sqlite3_bind_int64(ins, 1, (sqlite3_int64)(key >> 32));
        sqlite3_bind_text(ins, 2, teams[(key >> 2) & 3], -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 3, (sqlite3_int64)((key & 0xffffffffu) >> 4));
        sqlite3_bind_int(ins, 4, (int)(key & GEO_IN_STATION));
        sqlite3_bind_int(ins, 5, (int)((key & GEO_IN_PRIORITY) >> 1));
        sqlite3_bind_int64(ins, 6, st->seconds.vals[i]);
        sqlite3_bind_int64(ins, 7, *counts_slot(&st->pings, key));
        sqlite3_bind_int64(ins, 8, imp->import_id);
        db_step_done(ins);
        secs += st->seconds.vals[i];
    }
    sqlite3_finalize(ins);
    char n[32], hours[32];
    fmt_thousands(n, sizeof n, st->classified);
    fmt_thousands(hours, sizeof hours, secs / 3600);
    buf_printf(&imp->summary, "%s pings of %d officers", n, st->nofficer);
    if (st->min_day)
        buf_printf(&imp->summary, ", %04d-%02d-%02d to %04d-%02d-%02d (those days replaced)", st->min_day / 10000, st->min_day / 100 % 100, st->min_day % 100,
                   st->max_day / 10000, st->max_day / 100 % 100, st->max_day % 100);
    buf_printf(&imp->summary, "; %s hours on duty counted; placed against %d boundaries at %.1f million pings a second", hours, st->set.n,
               st->classify_seconds > 0 ? (double)st->classified / st->classify_seconds / 1e6 : 0.0);
    return true;
}

/* Loads the boundaries held as one FeatureCollection (built by SQLite's
 * JSON functions) and indexes them. */
static bool load_boundaries(Import *imp, PingState *st)
{
    sqlite3_stmt *q = db_prepare(imp->db,
                                 "SELECT json_object('type','FeatureCollection','features',json_group_array(json_object('type','Feature',"
                                 "'properties',json_object('kind',b.kind,'name',b.name,'code',l.code),'geometry',json(b.geometry)))), count(*) "
                                 "FROM fx_boundary b LEFT JOIN lpa l ON l.id=b.lpa_id");
    bool ok = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 1) > 0;
    char err[320] = "";
    if (!ok) {
        sqlite3_finalize(q);
        return import_fail(imp, NULL, 0, "no boundaries are held: import the police stations, priority locations and areas first (assure import boundaries FILE.geojson)");
    }
    const char *text = (const char *)sqlite3_column_text(q, 0);
    ok = geo_parse(text, (size_t)sqlite3_column_bytes(q, 0), &st->set, NULL, err, sizeof err);
    sqlite3_finalize(q);
    if (!ok) return import_fail(imp, NULL, 0, "the boundaries held cannot be read: %s", err);
    q = db_prepare(imp->db, "SELECT id FROM lpa WHERE code=?1");
    for (int i = 0; i < st->set.n; i++) {
        if (st->set.p[i].kind != GEO_AREA) continue;
        sqlite3_bind_text(q, 1, st->set.p[i].code, -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW) st->set.p[i].lpa_id = sqlite3_column_int(q, 0);
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    st->index = geo_index(&st->set);
    return true;
}

bool import_pings(Import *imp, char **paths, int npaths)
{
    PingState *st = xcalloc(1, sizeof *st);
    st->day_from = st->day_to = 0;
    bool ok = load_boundaries(imp, st) && import_run(imp, paths, npaths, ping_source, ping_finish, st);
    geo_index_free(st->index);
    geo_free(&st->set, NULL);
    for (int i = 0; i < st->nofficer; i++) free(st->officer[i].id);
    free(st->officer), free(st->slot);
    counts_free(&st->seconds), counts_free(&st->pings), counts_free(&st->days);
    free(st);
    return ok;
}
