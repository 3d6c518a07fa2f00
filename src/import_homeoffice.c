/*
 * import_homeoffice.c: the Home Office police recorded crime by force table
 * in its long form (docs/data-formats.md, "home-office-crime"), and the ONS
 * population of police force areas ("ons-population").
 *
 * Rows are written as they are read, inside the import's transaction: the
 * first row of a force-quarter deletes what the store held for it, so a
 * re-import replaces and never doubles; an error rolls everything back.
 */
#include "db.h"
#include "forces.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ho_header[] = {"FY", "Financial Quarter", "Force", "Offence Description", "Group",
                                        "Offence Subgroup", "Offence Code", "n", "territorial"};

/* Parses a whole number (optionally negative) from s[0..len). */
static bool parse_int(const char *s, size_t len, long long *out)
{
    size_t i = 0;
    bool neg = false;
    if (len && s[0] == '-') neg = true, i = 1;
    if (i == len || len - i > 15) return false;
    long long v = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = neg ? -v : v;
    return true;
}

typedef struct HoState {
    sqlite3_stmt *del, *ins;
    Counts seen;        /* (force, fyq) -> 1 once replaced */
    int last_force;
    char last_force_name[96];
    long long forces_quarters;
    int min_fyq, max_fyq;
} HoState;

static bool text_ok(const CsvField *f, size_t max)
{
    return f->len > 0 && f->len <= max && utf8_valid(f->s, f->len);
}

static bool ho_source(Import *imp, Source *s, CsvReader *r, void *state)
{
    HoState *hs = state;
    int rc = csv_next(r);
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    bool header = rc == 1 && r->nfields == 9;
    for (int i = 0; header && i < 9; i++) header = csv_eq(r, i, ho_header[i]);
    if (!header) return import_fail(imp, s, 1, "not the Home Office recorded crime table: expected the header \"FY,Financial Quarter,Force,Offence Description,Group,Offence Subgroup,Offence Code,n,territorial\"");
    snprintf(s->kind, sizeof s->kind, "recorded-crime");
    ForceList fl;
    forces_list(imp->db, &fl);
    while ((rc = csv_next(r)) == 1) {
        long line = r->record_line;
        if (r->nfields != 9) return import_fail(imp, s, line, "expected 9 fields as in the header, found %d", r->nfields);
        const CsvField *f = r->f;
        /* FY: "2025/26" */
        if (f[0].len != 7 || f[0].s[4] != '/') return import_field_error(imp, s, line, "FY", "a financial year like 2025/26", f[0].s, f[0].len);
        long long y1, y2;
        if (!parse_int(f[0].s, 4, &y1) || !parse_int(f[0].s + 5, 2, &y2) || y1 < 2000 || y1 > 2098 || (y1 + 1) % 100 != y2)
            return import_field_error(imp, s, line, "FY", "a financial year like 2025/26", f[0].s, f[0].len);
        long long q;
        if (!parse_int(f[1].s, f[1].len, &q) || q < 1 || q > 4) return import_field_error(imp, s, line, "Financial Quarter", "1, 2, 3 or 4", f[1].s, f[1].len);
        int fyq = (int)(y1 * 10 + q);
        /* Force */
        int fid;
        if (hs->last_force && f[2].len < sizeof hs->last_force_name && memcmp(hs->last_force_name, f[2].s, f[2].len) == 0 && hs->last_force_name[f[2].len] == 0) {
            fid = hs->last_force;
        } else {
            fid = forces_lookup(imp->db, f[2].s, f[2].len);
            if (!fid) return import_field_error(imp, s, line, "Force", "a force name known to the forces reference ('assure forces' lists them)", f[2].s, f[2].len);
            hs->last_force = fid;
            snprintf(hs->last_force_name, sizeof hs->last_force_name, "%.*s", (int)f[2].len, f[2].s);
        }
        if (!text_ok(&f[3], 300)) return import_field_error(imp, s, line, "Offence Description", "a description (UTF-8 text, 1 to 300 bytes)", f[3].s, f[3].len);
        if (!text_ok(&f[4], 100)) return import_field_error(imp, s, line, "Group", "an offence group (UTF-8 text, 1 to 100 bytes)", f[4].s, f[4].len);
        if (!text_ok(&f[5], 100)) return import_field_error(imp, s, line, "Offence Subgroup", "an offence subgroup (UTF-8 text, 1 to 100 bytes)", f[5].s, f[5].len);
        if (!text_ok(&f[6], 20)) return import_field_error(imp, s, line, "Offence Code", "an offence code such as 28E", f[6].s, f[6].len);
        long long n;
        if (!parse_int(f[7].s, f[7].len, &n)) return import_field_error(imp, s, line, "n", "a whole number of offences", f[7].s, f[7].len);
        bool terr;
        if (csv_eq(r, 8, "true")) terr = true;
        else if (csv_eq(r, 8, "false")) terr = false;
        else return import_field_error(imp, s, line, "territorial", "true or false", f[8].s, f[8].len);
        const Force *force = forces_get(&fl, fid);
        if (force && force->territorial != terr)
            return import_field_error(imp, s, line, "territorial", force->territorial ? "true: the forces reference lists this force as territorial" : "false: the forces reference lists this force as not territorial", f[8].s, f[8].len);
        /* replace the force-quarter on first sight */
        int64_t *seen = counts_slot(&hs->seen, ((uint64_t)fid << 32) | (uint64_t)fyq);
        if (!*seen) {
            *seen = line;
            sqlite3_bind_int(hs->del, 1, fid);
            sqlite3_bind_int(hs->del, 2, fyq);
            db_step_done(hs->del);
            hs->forces_quarters++;
            if (!hs->min_fyq || fyq < hs->min_fyq) hs->min_fyq = fyq;
            if (fyq > hs->max_fyq) hs->max_fyq = fyq;
        }
        sqlite3_bind_int(hs->ins, 1, fid);
        sqlite3_bind_int(hs->ins, 2, fyq);
        sqlite3_bind_text(hs->ins, 3, f[6].s, (int)f[6].len, SQLITE_STATIC);
        sqlite3_bind_text(hs->ins, 4, f[3].s, (int)f[3].len, SQLITE_STATIC);
        sqlite3_bind_text(hs->ins, 5, f[4].s, (int)f[4].len, SQLITE_STATIC);
        sqlite3_bind_text(hs->ins, 6, f[5].s, (int)f[5].len, SQLITE_STATIC);
        sqlite3_bind_int64(hs->ins, 7, n);
        sqlite3_bind_int64(hs->ins, 8, imp->import_id);
        if (!db_step_done(hs->ins))
            return import_fail(imp, s, line, "a second row for %.*s, %.*s Q%lld, offence code %.*s; each force, quarter and offence code may appear once",
                               (int)f[2].len, f[2].s, (int)f[0].len, f[0].s, q, (int)f[6].len, f[6].s);
        s->rows++;
        imp->rows++;
        if ((imp->rows & 0x3fff) == 0) import_progress(imp, r);
    }
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    return true;
}

static bool ho_finish(Import *imp, void *state)
{
    HoState *hs = state;
    sqlite3_stmt *del = db_prepare(imp->db, "DELETE FROM ho_crime_group WHERE force_id=?1 AND fyq=?2");
    sqlite3_stmt *ins = db_prepare(imp->db, "INSERT INTO ho_crime_group(force_id,fyq,grp,subgroup,n)"
                                            " SELECT force_id, fyq, grp, subgroup, sum(n) FROM ho_crime WHERE force_id=?1 AND fyq=?2 GROUP BY grp, subgroup");
    for (size_t i = 0; i < hs->seen.cap; i++) {
        if (!hs->seen.keys[i]) continue;
        uint64_t k = hs->seen.keys[i] - 1;
        int fid = (int)(k >> 32), fyq = (int)(k & 0xffffffff);
        sqlite3_bind_int(del, 1, fid);
        sqlite3_bind_int(del, 2, fyq);
        db_step_done(del);
        sqlite3_bind_int(ins, 1, fid);
        sqlite3_bind_int(ins, 2, fyq);
        db_step_done(ins);
    }
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    char rows[32];
    fmt_thousands(rows, sizeof rows, imp->rows);
    buf_printf(&imp->summary, "%s rows; %lld force-quarters from %d/%02d Q%d to %d/%02d Q%d", rows, hs->forces_quarters,
               hs->min_fyq / 10, (hs->min_fyq / 10 + 1) % 100, hs->min_fyq % 10, hs->max_fyq / 10, (hs->max_fyq / 10 + 1) % 100, hs->max_fyq % 10);
    return true;
}

bool import_home_office_crime(Import *imp, char **paths, int npaths)
{
    HoState hs;
    memset(&hs, 0, sizeof hs);
    hs.del = db_prepare(imp->db, "DELETE FROM ho_crime WHERE force_id=?1 AND fyq=?2");
    hs.ins = db_prepare(imp->db, "INSERT INTO ho_crime(force_id,fyq,offence_code,offence,grp,subgroup,n,import_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
    bool ok = import_run(imp, paths, npaths, ho_source, ho_finish, &hs);
    sqlite3_finalize(hs.del);
    sqlite3_finalize(hs.ins);
    counts_free(&hs.seen);
    return ok;
}

/* ---- ONS population ---- */

typedef struct PopState {
    sqlite3_stmt *upd;
    int year;
    int forces;
} PopState;

static bool pop_source(Import *imp, Source *s, CsvReader *r, void *state)
{
    PopState *ps = state;
    int rc = csv_next(r);
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    if (rc == 0 || r->nfields != 3 || !csv_eq(r, 2, "Population"))
        return import_fail(imp, s, 1, "not an ONS population file: expected the header \"PFA <year> Code,PFA <year> Name,Population\"");
    snprintf(s->kind, sizeof s->kind, "population");
    const char *mid = strstr(s->base, "mid-");
    ps->year = mid ? atoi(mid + 4) : 0;
    if (ps->year < 2000 || ps->year > 2099)
        return import_fail(imp, s, 0, "the file name must say the estimate's year as \"mid-YYYY\" (e.g. pfa-population-mid-2024.csv)");
    while ((rc = csv_next(r)) == 1) {
        long line = r->record_line;
        if (r->nfields != 3) return import_fail(imp, s, line, "expected 3 fields, found %d", r->nfields);
        int fid = forces_lookup(imp->db, r->f[1].s, r->f[1].len);
        if (!fid) return import_field_error(imp, s, line, r->f[0].len ? "PFA Name" : "PFA Name", "a force area name known to the forces reference", r->f[1].s, r->f[1].len);
        long long n;
        if (!parse_int(r->f[2].s, r->f[2].len, &n) || n <= 0) return import_field_error(imp, s, line, "Population", "a positive whole number", r->f[2].s, r->f[2].len);
        sqlite3_bind_int64(ps->upd, 1, n);
        sqlite3_bind_int(ps->upd, 2, ps->year);
        sqlite3_bind_text(ps->upd, 3, r->f[0].s, (int)r->f[0].len, SQLITE_STATIC);
        sqlite3_bind_int(ps->upd, 4, fid);
        db_step_done(ps->upd);
        ps->forces++;
        s->rows++;
        imp->rows++;
    }
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    return true;
}

static bool pop_finish(Import *imp, void *state)
{
    PopState *ps = state;
    buf_printf(&imp->summary, "populations of %d force areas, mid-%d", ps->forces, ps->year);
    return true;
}

bool import_ons_population(Import *imp, char **paths, int npaths)
{
    PopState ps = {0};
    ps.upd = db_prepare(imp->db, "UPDATE force SET population=?1, population_year=?2, ons_code=?3 WHERE id=?4");
    bool ok = import_run(imp, paths, npaths, pop_source, pop_finish, &ps);
    sqlite3_finalize(ps.upd);
    return ok;
}
