/*
 * import_policeuk.c: data.police.uk street, outcomes and stop-and-search
 * CSVs (docs/data-formats.md, "police-uk").
 *
 * The kind of each file is recognised from its header. Street and outcome
 * rows are counted per force, month and category as they are read (the
 * measures need nothing finer), so millions of rows pass through in one
 * streaming pass with little memory; stop-and-search rows are kept whole.
 * What is written replaces the same force-months already in the store.
 */
#include "db.h"
#include "forces.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_STREET, K_OUTCOMES, K_STOP, K_NKINDS };
static const char *const kind_names[K_NKINDS] = {"street", "outcomes", "stop-and-search"};

static const char *const street_header[] = {"Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
                                            "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"};
static const char *const outcomes_header[] = {"Crime ID", "Month", "Reported by", "Falls within", "Longitude",
                                              "Latitude", "Location", "LSOA code", "LSOA name", "Outcome type"};
static const char *const stop_header[] = {"Type", "Date", "Part of a policing operation", "Policing operation", "Latitude",
                                          "Longitude", "Gender", "Age range", "Self-defined ethnicity", "Officer-defined ethnicity",
                                          "Legislation", "Object of search", "Outcome", "Outcome linked to object of search",
                                          "Removal of more than just outer clothing"};

#define MAX_NAMES 256

/* Interned strings (force spellings, crime types, outcome types) with the
 * id each resolves to. Lookups compare with memcmp; the last hit is tried
 * first, as rows of one file mostly repeat it. */
typedef struct Names {
    int n, last;
    char *s[MAX_NAMES];
    size_t len[MAX_NAMES];
    int id[MAX_NAMES];
} Names;

static int names_find(Names *nm, const char *s, size_t len)
{
    if (nm->n && nm->len[nm->last] == len && memcmp(nm->s[nm->last], s, len) == 0) return nm->last;
    for (int i = 0; i < nm->n; i++)
        if (nm->len[i] == len && memcmp(nm->s[i], s, len) == 0) return nm->last = i;
    return -1;
}

static int names_add(Names *nm, const char *s, size_t len, int id)
{
    if (nm->n == MAX_NAMES) return -1;
    nm->s[nm->n] = xstrndup(s, len);
    nm->len[nm->n] = len;
    nm->id[nm->n] = id;
    return nm->last = nm->n++;
}

static void names_free(Names *nm)
{
    for (int i = 0; i < nm->n; i++) free(nm->s[i]);
    nm->n = 0;
}

/* One stop-and-search row, kept until the import writes. */
typedef struct StopRow {
    int force_id, month;
    char *f[15];
} StopRow;

typedef struct PukState {
    Names forces;     /* spelling -> force id (0 = unknown) */
    Names types;      /* crime type name -> crime_type id */
    Names outcomes;   /* outcome type -> index */
    Counts street;    /* (force, month, type) -> rows */
    Counts noloc;     /* (force, month, type) -> rows without coordinates */
    Counts outc;      /* (force, month, outcome) -> rows */
    Counts seen;      /* (kind, force, month) -> index of the source + 1 */
    StopRow *stops;
    size_t nstops, capstops;
    Arena arena;      /* stop-and-search text */
    long long kind_rows[K_NKINDS];
} PukState;

static uint64_t key3(int force_id, int month, int k)
{
    return ((uint64_t)force_id << 40) | ((uint64_t)month << 12) | (uint64_t)k;
}

/* Resolves a force spelling, via the cache. Returns 0 when unknown. */
static int force_id(Import *imp, PukState *ps, const char *s, size_t len)
{
    int i = names_find(&ps->forces, s, len);
    if (i >= 0) return ps->forces.id[i];
    int id = forces_lookup(imp->db, s, len);
    names_add(&ps->forces, s, len, id);
    return id;
}

/* True when s is empty or a decimal number within [-maxabs, maxabs]. */
static bool valid_coord(const char *s, size_t len, int maxabs)
{
    if (len == 0) return true;
    size_t i = 0;
    if (s[0] == '-') i++;
    int ip = 0, digits = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++) ip = ip * 10 + (s[i] - '0');
    if (digits == 0 || digits > 3 || ip > maxabs) return false;
    if (i < len && s[i] == '.') {
        i++;
        if (i == len) return false;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {}
    }
    return i == len;
}

static bool header_is(const CsvReader *r, const char *const *h, int n)
{
    if (r->nfields != n) return false;
    for (int i = 0; i < n; i++)
        if (!csv_eq(r, i, h[i])) return false;
    return true;
}

/* From a name like "2025-07-thames-valley-street.csv": the month, the force
 * and the kind. Returns false when the name does not follow the pattern. */
static bool parse_file_name(Import *imp, PukState *ps, const char *base, int *month, int *fid, int *kind)
{
    size_t n = strlen(base);
    if (n < 13 || strcasecmp(base + n - 4, ".csv") != 0 || base[7] != '-' || !parse_month(base, 7, month)) return false;
    const char *rest = base + 8;
    size_t restlen = n - 8 - 4;
    for (int k = 0; k < K_NKINDS; k++) {
        size_t kl = strlen(kind_names[k]);
        if (restlen > kl + 1 && rest[restlen - kl - 1] == '-' && memcmp(rest + restlen - kl, kind_names[k], kl) == 0) {
            *kind = k;
            *fid = force_id(imp, ps, rest, restlen - kl - 1);
            return true;
        }
    }
    return false;
}

/* Notes that this source supplies (kind, force, month); an error when an
 * earlier source of the same import already did (its rows would double). */
static bool claim(Import *imp, PukState *ps, Source *s, int kind, int fid, int month, long line)
{
    int64_t *slot = counts_slot(&ps->seen, key3(fid, month, kind));
    int64_t me = (int64_t)(s - imp->src) + 1;
    if (*slot == 0) {
        *slot = me;
        return true;
    }
    if (*slot == me) return true;
    return import_fail(imp, s, line, "this file has %s rows for %04d-%02d that %s already supplied in this import; each force-month may come from one file only",
                       kind_names[kind], month / 100, month % 100, imp->src[*slot - 1].display);
}

static bool check_force(Import *imp, PukState *ps, Source *s, CsvReader *r, int field, const char *name, int file_force, int *out)
{
    int id = force_id(imp, ps, r->f[field].s, r->f[field].len);
    if (!id) return import_field_error(imp, s, r->record_line, name, "a force name known to the forces reference ('assure forces' lists them)", r->f[field].s, r->f[field].len);
    if (file_force && id != file_force && field == 2)
        return import_field_error(imp, s, r->record_line, name, "the force named in the file name", r->f[field].s, r->f[field].len);
    *out = id;
    return true;
}

static bool read_street(Import *imp, PukState *ps, Source *s, CsvReader *r, int file_month, int file_force)
{
    int last_month = 0, last_force = 0;
    const char *last_month_s = NULL;
    char month_text[8] = "";
    int rc;
    while ((rc = csv_next(r)) == 1) {
        if (r->nfields != 12) return import_fail(imp, s, r->record_line, "expected 12 fields as in the street header, found %d", r->nfields);
        /* Month */
        if (!(last_month_s && r->f[1].len == 7 && memcmp(r->f[1].s, month_text, 7) == 0)) {
            int m;
            if (!parse_month(r->f[1].s, r->f[1].len, &m)) return import_field_error(imp, s, r->record_line, "Month", "a month as YYYY-MM", r->f[1].s, r->f[1].len);
            if (file_month && m != file_month) return import_field_error(imp, s, r->record_line, "Month", "the month named in the file name", r->f[1].s, r->f[1].len);
            memcpy(month_text, r->f[1].s, 7);
            last_month_s = month_text;
            last_month = m;
            last_force = 0;
        }
        /* Reported by, Falls within */
        int fid, fw;
        if (!check_force(imp, ps, s, r, 2, "Reported by", file_force, &fid)) return false;
        if (!check_force(imp, ps, s, r, 3, "Falls within", 0, &fw)) return false;
        if (fid != last_force) {
            if (!claim(imp, ps, s, K_STREET, fid, last_month, r->record_line)) return false;
            last_force = fid;
        }
        /* Longitude, Latitude */
        if (!valid_coord(r->f[4].s, r->f[4].len, 180)) return import_field_error(imp, s, r->record_line, "Longitude", "empty or a number from -180 to 180", r->f[4].s, r->f[4].len);
        if (!valid_coord(r->f[5].s, r->f[5].len, 90)) return import_field_error(imp, s, r->record_line, "Latitude", "empty or a number from -90 to 90", r->f[5].s, r->f[5].len);
        if ((r->f[4].len == 0) != (r->f[5].len == 0)) return import_field_error(imp, s, r->record_line, r->f[4].len ? "Latitude" : "Longitude", "both coordinates or neither", r->f[4].len ? r->f[5].s : r->f[4].s, 0);
        /* Crime type */
        int ti = names_find(&ps->types, r->f[9].s, r->f[9].len);
        if (ti < 0) return import_field_error(imp, s, r->record_line, "Crime type", "one of the data.police.uk crime types (e.g. \"Burglary\", \"Anti-social behaviour\")", r->f[9].s, r->f[9].len);
        (*counts_slot(&ps->street, key3(fid, last_month, ps->types.id[ti])))++;
        if (r->f[4].len == 0) (*counts_slot(&ps->noloc, key3(fid, last_month, ps->types.id[ti])))++;
        s->rows++;
        imp->rows++;
        if ((imp->rows & 0x3fff) == 0) import_progress(imp, r);
    }
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    return true;
}

static bool read_outcomes(Import *imp, PukState *ps, Source *s, CsvReader *r, int file_month, int file_force)
{
    int rc;
    while ((rc = csv_next(r)) == 1) {
        if (r->nfields != 10) return import_fail(imp, s, r->record_line, "expected 10 fields as in the outcomes header, found %d", r->nfields);
        int m, fid, fw;
        if (!parse_month(r->f[1].s, r->f[1].len, &m)) return import_field_error(imp, s, r->record_line, "Month", "a month as YYYY-MM", r->f[1].s, r->f[1].len);
        if (file_month && m != file_month) return import_field_error(imp, s, r->record_line, "Month", "the month named in the file name", r->f[1].s, r->f[1].len);
        if (!check_force(imp, ps, s, r, 2, "Reported by", file_force, &fid)) return false;
        if (!check_force(imp, ps, s, r, 3, "Falls within", 0, &fw)) return false;
        if (!claim(imp, ps, s, K_OUTCOMES, fid, m, r->record_line)) return false;
        if (!valid_coord(r->f[4].s, r->f[4].len, 180)) return import_field_error(imp, s, r->record_line, "Longitude", "empty or a number from -180 to 180", r->f[4].s, r->f[4].len);
        if (!valid_coord(r->f[5].s, r->f[5].len, 90)) return import_field_error(imp, s, r->record_line, "Latitude", "empty or a number from -90 to 90", r->f[5].s, r->f[5].len);
        const CsvField *o = &r->f[9];
        if (o->len == 0 || o->len > 200 || !utf8_valid(o->s, o->len)) return import_field_error(imp, s, r->record_line, "Outcome type", "an outcome description (1 to 200 characters of UTF-8 text)", o->s, o->len);
        int oi = names_find(&ps->outcomes, o->s, o->len);
        if (oi < 0) oi = names_add(&ps->outcomes, o->s, o->len, ps->outcomes.n);
        if (oi < 0) return import_fail(imp, s, r->record_line, "more than %d different outcome types in one import", MAX_NAMES);
        (*counts_slot(&ps->outc, key3(fid, m, oi)))++;
        s->rows++;
        imp->rows++;
        if ((imp->rows & 0x3fff) == 0) import_progress(imp, r);
    }
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    return true;
}

static bool read_stops(Import *imp, PukState *ps, Source *s, CsvReader *r, int file_month, int file_force)
{
    if (!file_force || !file_month)
        return import_fail(imp, s, 0, "a stop-and-search file names no force in its rows, so its name must say it: YYYY-MM-<force>-stop-and-search.csv as data.police.uk delivers it");
    int rc;
    while ((rc = csv_next(r)) == 1) {
        if (r->nfields != 15) return import_fail(imp, s, r->record_line, "expected 15 fields as in the stop-and-search header, found %d", r->nfields);
        int m;
        if (r->f[1].len < 10 || !parse_month(r->f[1].s, 7, &m) || r->f[1].s[7] != '-')
            return import_field_error(imp, s, r->record_line, "Date", "a date-time like 2022-01-31T12:00:00+00:00", r->f[1].s, r->f[1].len);
        if (m != file_month) return import_field_error(imp, s, r->record_line, "Date", "a date in the month named in the file name", r->f[1].s, r->f[1].len);
        if (!valid_coord(r->f[4].s, r->f[4].len, 90)) return import_field_error(imp, s, r->record_line, "Latitude", "empty or a number from -90 to 90", r->f[4].s, r->f[4].len);
        if (!valid_coord(r->f[5].s, r->f[5].len, 180)) return import_field_error(imp, s, r->record_line, "Longitude", "empty or a number from -180 to 180", r->f[5].s, r->f[5].len);
        if (r->f[0].len == 0) return import_field_error(imp, s, r->record_line, "Type", "the type of search", r->f[0].s, 0);
        for (int i = 0; i < 15; i++)
            if (!utf8_valid(r->f[i].s, r->f[i].len) || r->f[i].len > 500)
                return import_field_error(imp, s, r->record_line, stop_header[i], "UTF-8 text of at most 500 bytes", r->f[i].s, r->f[i].len);
        if (!claim(imp, ps, s, K_STOP, file_force, m, r->record_line)) return false;
        if (ps->nstops == ps->capstops) {
            ps->capstops = ps->capstops ? ps->capstops * 2 : 1024;
            ps->stops = xrealloc(ps->stops, ps->capstops * sizeof *ps->stops);
        }
        StopRow *row = &ps->stops[ps->nstops++];
        row->force_id = file_force;
        row->month = m;
        for (int i = 0; i < 15; i++) row->f[i] = arena_strndup(&ps->arena, r->f[i].s, r->f[i].len);
        s->rows++;
        imp->rows++;
    }
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    return true;
}

/* Reads one source: recognises its kind from the header, checks the name. */
static bool puk_source(Import *imp, Source *s, CsvReader *r, void *state)
{
    PukState *ps = state;
    int rc = csv_next(r);
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    if (rc == 0) return import_fail(imp, s, 0, "the file is empty; expected a data.police.uk header line");
    int kind;
    if (header_is(r, street_header, 12)) kind = K_STREET;
    else if (header_is(r, outcomes_header, 10)) kind = K_OUTCOMES;
    else if (header_is(r, stop_header, 15)) kind = K_STOP;
    else {
        Buf h = {0};
        for (int i = 0; i < r->nfields && i < 4; i++) buf_printf(&h, "%s%.*s", i ? "," : "", (int)(r->f[i].len > 40 ? 40 : r->f[i].len), r->f[i].s);
        import_fail(imp, s, r->record_line, "not a data.police.uk street, outcomes or stop-and-search file: the header begins \"%s\"; expected \"Crime ID,Month,Reported by,...\" or \"Type,Date,Part of a policing operation,...\"", buf_cstr(&h));
        buf_free(&h);
        return false;
    }
    snprintf(s->kind, sizeof s->kind, "%s", kind_names[kind]);
    int fmonth = 0, fforce = 0, fkind = -1;
    if (parse_file_name(imp, ps, s->base, &fmonth, &fforce, &fkind)) {
        if (!fforce) return import_fail(imp, s, 0, "the file name names a force this program does not know; expected a data.police.uk force such as \"thames-valley\"");
        if (fkind != kind) return import_fail(imp, s, 0, "the file name says %s but the header is that of a %s file", kind_names[fkind], kind_names[kind]);
    } else {
        fmonth = fforce = 0;
    }
    bool ok;
    if (kind == K_STREET) ok = read_street(imp, ps, s, r, fmonth, fforce);
    else if (kind == K_OUTCOMES) ok = read_outcomes(imp, ps, s, r, fmonth, fforce);
    else ok = read_stops(imp, ps, s, r, fmonth, fforce);
    if (ok && s->rows == 0 && kind == K_STOP && fforce) {
        /* an empty stop-and-search month is real: the force did no searches */
        ok = claim(imp, ps, s, K_STOP, fforce, fmonth, 1);
    }
    ps->kind_rows[kind] += s->rows;
    return ok;
}

/* Deletes what the store holds for every force-month this import supplies. */
static long long replace_months(Import *imp, PukState *ps)
{
    sqlite3_stmt *del[K_NKINDS] = {
        db_prepare(imp->db, "DELETE FROM puk_street WHERE force_id=?1 AND month=?2"),
        db_prepare(imp->db, "DELETE FROM puk_outcome WHERE force_id=?1 AND month=?2"),
        db_prepare(imp->db, "DELETE FROM puk_stop_search WHERE force_id=?1 AND month=?2"),
    };
    long long replaced = 0;
    for (size_t i = 0; i < ps->seen.cap; i++) {
        if (!ps->seen.keys[i]) continue;
        uint64_t k = ps->seen.keys[i] - 1;
        int kind = (int)(k & 0xfff), month = (int)((k >> 12) & 0xfffffff), fid = (int)(k >> 40);
        sqlite3_bind_int(del[kind], 1, fid);
        sqlite3_bind_int(del[kind], 2, month);
        db_step_done(del[kind]);
        if (sqlite3_changes(imp->db) > 0) replaced++;
    }
    for (int k = 0; k < K_NKINDS; k++) sqlite3_finalize(del[k]);
    return replaced;
}

static bool puk_finish(Import *imp, void *state)
{
    PukState *ps = state;
    long long replaced = replace_months(imp, ps);
    sqlite3_stmt *ins = db_prepare(imp->db, "INSERT INTO puk_street(force_id,month,crime_type_id,n,n_no_location,import_id) VALUES(?1,?2,?3,?4,?5,?6)");
    for (size_t i = 0; i < ps->street.cap; i++) {
        if (!ps->street.keys[i]) continue;
        uint64_t k = ps->street.keys[i] - 1;
        int64_t *nl = counts_slot(&ps->noloc, k);
        sqlite3_bind_int(ins, 1, (int)(k >> 40));
        sqlite3_bind_int(ins, 2, (int)((k >> 12) & 0xfffffff));
        sqlite3_bind_int(ins, 3, (int)(k & 0xfff));
        sqlite3_bind_int64(ins, 4, ps->street.vals[i]);
        sqlite3_bind_int64(ins, 5, *nl);
        sqlite3_bind_int64(ins, 6, imp->import_id);
        db_step_done(ins);
    }
    sqlite3_finalize(ins);
    ins = db_prepare(imp->db, "INSERT INTO puk_outcome(force_id,month,outcome,n,import_id) VALUES(?1,?2,?3,?4,?5)");
    for (size_t i = 0; i < ps->outc.cap; i++) {
        if (!ps->outc.keys[i]) continue;
        uint64_t k = ps->outc.keys[i] - 1;
        int oi = (int)(k & 0xfff);
        sqlite3_bind_int(ins, 1, (int)(k >> 40));
        sqlite3_bind_int(ins, 2, (int)((k >> 12) & 0xfffffff));
        sqlite3_bind_text(ins, 3, ps->outcomes.s[oi], (int)ps->outcomes.len[oi], SQLITE_STATIC);
        sqlite3_bind_int64(ins, 4, ps->outc.vals[i]);
        sqlite3_bind_int64(ins, 5, imp->import_id);
        db_step_done(ins);
    }
    sqlite3_finalize(ins);
    ins = db_prepare(imp->db, "INSERT INTO puk_stop_search(force_id,month,type,date,part_of_operation,operation,latitude,longitude,gender,age_range,"
                              "self_ethnicity,officer_ethnicity,legislation,object,outcome,outcome_linked,removal,import_id)"
                              " VALUES(?1,?2,?3,?4,?5,?6,CAST(NULLIF(?7,'') AS REAL),CAST(NULLIF(?8,'') AS REAL),?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)");
    for (size_t i = 0; i < ps->nstops; i++) {
        StopRow *row = &ps->stops[i];
        sqlite3_bind_int(ins, 1, row->force_id);
        sqlite3_bind_int(ins, 2, row->month);
        for (int f = 0; f < 15; f++) sqlite3_bind_text(ins, 3 + f, row->f[f], -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 18, imp->import_id);
        db_step_done(ins);
    }
    sqlite3_finalize(ins);
    char a[32], b[32], c[32];
    fmt_thousands(a, sizeof a, ps->kind_rows[K_STREET]);
    fmt_thousands(b, sizeof b, ps->kind_rows[K_OUTCOMES]);
    fmt_thousands(c, sizeof c, ps->kind_rows[K_STOP]);
    buf_printf(&imp->summary, "%s street rows, %s outcome rows, %s stop-and-search rows; %zu force-month files; %lld replaced what was there before",
               a, b, c, ps->seen.n, replaced);
    return true;
}

bool import_police_uk(Import *imp, char **paths, int npaths)
{
    PukState ps;
    memset(&ps, 0, sizeof ps);
    sqlite3_stmt *st = db_prepare(imp->db, "SELECT id, name FROM crime_type ORDER BY id");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = db_text(st, 1);
        names_add(&ps.types, name, strlen(name), sqlite3_column_int(st, 0));
    }
    sqlite3_finalize(st);
    bool ok = import_run(imp, paths, npaths, puk_source, puk_finish, &ps);
    names_free(&ps.forces);
    names_free(&ps.types);
    names_free(&ps.outcomes);
    counts_free(&ps.street);
    counts_free(&ps.noloc);
    counts_free(&ps.outc);
    counts_free(&ps.seen);
    free(ps.stops);
    arena_free(&ps.arena);
    return ok;
}
