/*
 * import_force.c: the force's own extracts (docs/data-formats.md, "Force
 * extracts"): crimes, incidents, victim contacts and calls, through the
 * import framework (all or nothing, file:line errors, provenance).
 *
 * Re-importing replaces: crimes and incidents by reference (a crime keeps
 * its row, so its victim contacts stay attached; its reviews come with it);
 * victim contacts and calls by the UK calendar months the files cover. Every
 * time is UK local time unless it carries an offset (ukdate.h). Local
 * policing areas named for the first time are added and named in the
 * summary. Personal data is refused (pii.h).
 */
#include "db.h"
#include "import.h"
#include "pii.h"
#include "ukdate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What one kind of extract looks like and where it goes. */
typedef struct FxKind {
    const char *name;                 /* the import kind */
    const char *const *cols;          /* the header, in order */
    int ncols;
} FxKind;

static const char *const crime_cols[] = {"reference", "reported_at", "recorded_at", "allocated_at", "offence_code", "offence_group", "domestic_abuse", "knife", "csae",
                                         "hate", "online", "area", "victim_id", "suspect_known", "outcome_type", "outcome_at", "supervision_reviews"};
static const char *const incident_cols[] = {"reference", "created_at", "arrived_at", "grade", "area_type", "area"};
static const char *const contact_cols[] = {"crime_reference", "contacted_at", "kind", "template_used"};
static const char *const call_cols[] = {"line", "offered_at", "answered_at"};

enum { K_CRIMES, K_INCIDENTS, K_CONTACTS, K_CALLS };
static const FxKind kinds[] = {
    {"crimes", crime_cols, 17},
    {"incidents", incident_cols, 6},
    {"victim-contacts", contact_cols, 4},
    {"calls", call_cols, 3},
};

/* The state of one import of one kind. */
typedef struct FxState {
    int kind;
    sqlite3_stmt *find, *ins, *upd, *del_rev, *ins_rev, *del_month, *lpa_find, *lpa_ins, *seen_ins, *seen_get;
    Counts months;          /* months replaced so far (contacts, calls) */
    long long added, replaced;
    int min_month, max_month;
    Buf new_areas;          /* ", "-separated codes added */
} FxState;

/* ---- field parsing ---- */

/* Parses a whole number in [lo, hi]. */
static bool parse_range(const CsvField *f, int lo, int hi, int *out)
{
    if (f->len == 0 || f->len > 9) return false;
    int v = 0;
    for (size_t i = 0; i < f->len; i++) {
        if (f->s[i] < '0' || f->s[i] > '9') return false;
        v = v * 10 + (f->s[i] - '0');
    }
    if (v < lo || v > hi) return false;
    *out = v;
    return true;
}

/* True when the field is exactly one of the words. */
static bool one_of(const CsvField *f, const char *const *words, int n, int *which)
{
    for (int i = 0; i < n; i++)
        if (f->len == strlen(words[i]) && memcmp(f->s, words[i], f->len) == 0) return *which = i, true;
    return false;
}

#define TIME_EXPECTED "a date-time like 2025-03-14 09:21 (UK local time, or with Z or +01:00)"

/* Field helpers that record the error and return false. */
static bool need_time(Import *imp, Source *s, long line, const char *name, const CsvField *f, bool optional, int64_t *out)
{
    if (optional && f->len == 0) return *out = -1, true;
    if (!ukdate_parse(f->s, f->len, out)) return import_field_error(imp, s, line, name, optional ? TIME_EXPECTED " or nothing" : TIME_EXPECTED, f->s, f->len);
    return true;
}

static bool need_flag(Import *imp, Source *s, long line, const char *name, const CsvField *f, int *out)
{
    if (!import_parse_flag(f, out)) return import_field_error(imp, s, line, name, "Y or N (also yes/no, true/false, 1/0)", f->s, f->len);
    return true;
}

/* A text field: 1 to max bytes of UTF-8, with no postcode in it. */
static bool need_text(Import *imp, Source *s, long line, const char *name, const CsvField *f, size_t max)
{
    if (f->len == 0 || f->len > max || !utf8_valid(f->s, f->len)) {
        char exp[64];
        snprintf(exp, sizeof exp, "text of 1 to %zu bytes", max);
        return import_field_error(imp, s, line, name, exp, f->s, f->len);
    }
    if (pii_has_postcode(f->s, f->len)) return import_field_error(imp, s, line, name, "no address: it looks like a postcode; addresses are refused", f->s, f->len);
    return true;
}

/* A reference: 1 to 40 of letters, digits, '/', '-', '_'. */
static bool need_reference(Import *imp, Source *s, long line, const char *name, const CsvField *f)
{
    bool ok = f->len > 0 && f->len <= 40;
    for (size_t i = 0; ok && i < f->len; i++) {
        char c = f->s[i];
        ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_';
    }
    if (!ok) return import_field_error(imp, s, line, name, "a reference of 1 to 40 letters, digits, /, - or _", f->s, f->len);
    return true;
}

/* The id of local policing area `code`, added when new. */
static bool need_area(Import *imp, Source *s, FxState *st, long line, const char *name, const CsvField *f, int *id)
{
    bool ok = f->len > 0 && f->len <= 40;
    for (size_t i = 0; ok && i < f->len; i++) {
        char c = f->s[i];
        ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }
    if (!ok) return import_field_error(imp, s, line, name, "a local policing area code of lower-case letters, digits and - (e.g. north)", f->s, f->len);
    sqlite3_bind_text(st->lpa_find, 1, f->s, (int)f->len, SQLITE_STATIC);
    if (sqlite3_step(st->lpa_find) == SQLITE_ROW) {
        *id = sqlite3_column_int(st->lpa_find, 0);
        sqlite3_reset(st->lpa_find);
        return true;
    }
    sqlite3_reset(st->lpa_find);
    sqlite3_bind_text(st->lpa_ins, 1, f->s, (int)f->len, SQLITE_STATIC);
    sqlite3_step(st->lpa_ins);
    *id = sqlite3_column_int(st->lpa_ins, 0);
    sqlite3_reset(st->lpa_ins);
    buf_printf(&st->new_areas, "%s%.*s", st->new_areas.len ? ", " : "", (int)f->len, f->s);
    return true;
}

/* Notes the month of t for the summary (and returns it). */
static int note_month(FxState *st, int64_t t)
{
    int m = ukdate_month(t);
    if (!st->min_month || m < st->min_month) st->min_month = m;
    if (m > st->max_month) st->max_month = m;
    return m;
}

/* Replaces month m of the kind's table the first time the import meets it. */
static void replace_month(FxState *st, int m)
{
    int64_t *seen = counts_slot(&st->months, (uint64_t)m);
    if (*seen) return;
    *seen = 1;
    int next = m % 100 == 12 ? (m / 100 + 1) * 100 + 1 : m + 1;
    sqlite3_bind_int64(st->del_month, 1, ukdate_month_start(m));
    sqlite3_bind_int64(st->del_month, 2, ukdate_month_start(next));
    db_step_done(st->del_month);
}

/* A reference met twice in one import is an error naming both places. */
static bool once(Import *imp, Source *s, FxState *st, long line, const char *name, const CsvField *f)
{
    sqlite3_bind_text(st->seen_ins, 1, f->s, (int)f->len, SQLITE_STATIC);
    sqlite3_bind_text(st->seen_ins, 2, s->display, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st->seen_ins, 3, line);
    if (db_step_done(st->seen_ins)) return true;
    sqlite3_bind_text(st->seen_get, 1, f->s, (int)f->len, SQLITE_STATIC);
    sqlite3_step(st->seen_get);
    import_fail(imp, s, line, "field \"%s\": \"%.*s\" was already given at %s:%d; each appears once in an import", name, (int)f->len, f->s,
                db_text(st->seen_get, 0), sqlite3_column_int(st->seen_get, 1));
    sqlite3_reset(st->seen_get);
    return false;
}

/* ---- the rows of each kind ---- */

static bool crime_row(Import *imp, Source *s, FxState *st, long line, const CsvField *f)
{
    int64_t reported, recorded, allocated, outcome_at;
    int da, csae, hate, online, suspect, lpa, outcome = 0, knife = 0;
    static const char *const knives[] = {"possession", "use", "threat"};
    if (!need_reference(imp, s, line, "reference", &f[0]) || !once(imp, s, st, line, "reference", &f[0])) return false;
    if (!need_time(imp, s, line, "reported_at", &f[1], false, &reported) || !need_time(imp, s, line, "recorded_at", &f[2], false, &recorded) ||
        !need_time(imp, s, line, "allocated_at", &f[3], true, &allocated))
        return false;
    if (recorded < reported) return import_field_error(imp, s, line, "recorded_at", "a time at or after reported_at", f[2].s, f[2].len);
    if (allocated >= 0 && allocated < reported) return import_field_error(imp, s, line, "allocated_at", "a time at or after reported_at", f[3].s, f[3].len);
    bool code_ok = f[4].len > 0 && f[4].len <= 10;
    for (size_t i = 0; code_ok && i < f[4].len; i++) code_ok = (f[4].s[i] >= '0' && f[4].s[i] <= '9') || (f[4].s[i] >= 'A' && f[4].s[i] <= 'Z') || f[4].s[i] == '.' || f[4].s[i] == '/';
    if (!code_ok) return import_field_error(imp, s, line, "offence_code", "a Home Office offence code such as 28E or 8N", f[4].s, f[4].len);
    if (!need_text(imp, s, line, "offence_group", &f[5], 100)) return false;
    if (!need_flag(imp, s, line, "domestic_abuse", &f[6], &da)) return false;
    if (f[7].len && !one_of(&f[7], knives, 3, &knife)) return import_field_error(imp, s, line, "knife", "nothing, possession, use or threat", f[7].s, f[7].len);
    if (!need_flag(imp, s, line, "csae", &f[8], &csae) || !need_flag(imp, s, line, "hate", &f[9], &hate) || !need_flag(imp, s, line, "online", &f[10], &online)) return false;
    if (!need_area(imp, s, st, line, "area", &f[11], &lpa)) return false;
    if (f[12].len) {
        const char *why = pii_pseudonym(f[12].s, f[12].len);
        if (why) {
            char exp[200];
            snprintf(exp, sizeof exp, "a pseudonymous identifier (letters, digits, - or _, with at least one digit): %s", why);
            return import_field_error(imp, s, line, "victim_id", exp, f[12].s, f[12].len);
        }
    }
    if (!need_flag(imp, s, line, "suspect_known", &f[13], &suspect)) return false;
    if (f[14].len && !parse_range(&f[14], 1, 22, &outcome)) return import_field_error(imp, s, line, "outcome_type", "a Home Office outcome type from 1 to 22, or nothing while live", f[14].s, f[14].len);
    if (!need_time(imp, s, line, "outcome_at", &f[15], true, &outcome_at)) return false;
    if ((outcome != 0) != (outcome_at >= 0))
        return import_fail(imp, s, line, "fields \"outcome_type\" and \"outcome_at\": give both (an outcome) or neither (still live)");
    if (outcome_at >= 0 && outcome_at < reported) return import_field_error(imp, s, line, "outcome_at", "a time at or after reported_at", f[15].s, f[15].len);
    /* reviews: date-times separated by ';' */
    int64_t reviews[256];
    int nrev = 0;
    for (size_t i = 0; i < f[16].len;) {
        size_t j = i;
        while (j < f[16].len && f[16].s[j] != ';') j++;
        size_t a = i, b = j;
        while (a < b && f[16].s[a] == ' ') a++;
        while (b > a && f[16].s[b - 1] == ' ') b--;
        if (b > a) {
            if (nrev == (int)ARRAY_LEN(reviews)) return import_field_error(imp, s, line, "supervision_reviews", "at most 256 reviews", f[16].s, f[16].len);
            if (!ukdate_parse(f[16].s + a, b - a, &reviews[nrev]))
                return import_field_error(imp, s, line, "supervision_reviews", "date-times like 2025-03-14 09:21 separated by ';'", f[16].s + a, b - a);
            nrev++;
        }
        i = j + 1;
    }
    note_month(st, recorded);
    /* replace by reference, keeping the row (and its victim contacts) */
    sqlite3_bind_text(st->find, 1, f[0].s, (int)f[0].len, SQLITE_STATIC);
    long long id = sqlite3_step(st->find) == SQLITE_ROW ? sqlite3_column_int64(st->find, 0) : 0;
    sqlite3_reset(st->find);
    sqlite3_stmt *w = id ? st->upd : st->ins;
    sqlite3_bind_text(w, 1, f[0].s, (int)f[0].len, SQLITE_STATIC);
    sqlite3_bind_int64(w, 2, reported);
    sqlite3_bind_int64(w, 3, recorded);
    if (allocated >= 0) sqlite3_bind_int64(w, 4, allocated);
    else sqlite3_bind_null(w, 4);
    sqlite3_bind_text(w, 5, f[4].s, (int)f[4].len, SQLITE_STATIC);
    sqlite3_bind_text(w, 6, f[5].s, (int)f[5].len, SQLITE_STATIC);
    sqlite3_bind_int(w, 7, da);
    sqlite3_bind_text(w, 8, f[7].len ? knives[knife] : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(w, 9, csae);
    sqlite3_bind_int(w, 10, hate);
    sqlite3_bind_int(w, 11, online);
    sqlite3_bind_int(w, 12, lpa);
    if (f[12].len) sqlite3_bind_text(w, 13, f[12].s, (int)f[12].len, SQLITE_STATIC);
    else sqlite3_bind_null(w, 13);
    sqlite3_bind_int(w, 14, suspect);
    if (outcome) sqlite3_bind_int(w, 15, outcome), sqlite3_bind_int64(w, 16, outcome_at);
    else sqlite3_bind_null(w, 15), sqlite3_bind_null(w, 16);
    sqlite3_bind_int64(w, 17, imp->import_id);
    if (sqlite3_step(w) != SQLITE_ROW) {
        sqlite3_reset(w);
        return import_fail(imp, s, line, "the crime could not be stored: %s", sqlite3_errmsg(imp->db));
    }
    id = sqlite3_column_int64(w, 0);
    sqlite3_reset(w);
    if (w == st->upd) st->replaced++;
    else st->added++;
    sqlite3_bind_int64(st->del_rev, 1, id);
    db_step_done(st->del_rev);
    for (int i = 0; i < nrev; i++) {
        sqlite3_bind_int64(st->ins_rev, 1, id);
        sqlite3_bind_int64(st->ins_rev, 2, reviews[i]);
        db_step_done(st->ins_rev);
    }
    return true;
}

static bool incident_row(Import *imp, Source *s, FxState *st, long line, const CsvField *f)
{
    int64_t created, arrived;
    int grade, rural, lpa;
    static const char *const types[] = {"urban", "rural"};
    if (!need_reference(imp, s, line, "reference", &f[0]) || !once(imp, s, st, line, "reference", &f[0])) return false;
    if (!need_time(imp, s, line, "created_at", &f[1], false, &created) || !need_time(imp, s, line, "arrived_at", &f[2], true, &arrived)) return false;
    if (arrived >= 0 && arrived < created) return import_field_error(imp, s, line, "arrived_at", "a time at or after created_at, or nothing when no one attended", f[2].s, f[2].len);
    if (!parse_range(&f[3], 1, 5, &grade)) return import_field_error(imp, s, line, "grade", "a response grade from 1 to 5", f[3].s, f[3].len);
    if (!one_of(&f[4], types, 2, &rural)) return import_field_error(imp, s, line, "area_type", "urban or rural", f[4].s, f[4].len);
    if (!need_area(imp, s, st, line, "area", &f[5], &lpa)) return false;
    note_month(st, created);
    sqlite3_bind_text(st->find, 1, f[0].s, (int)f[0].len, SQLITE_STATIC);
    bool exists = sqlite3_step(st->find) == SQLITE_ROW;
    sqlite3_reset(st->find);
    sqlite3_stmt *w = exists ? st->upd : st->ins;
    sqlite3_bind_text(w, 1, f[0].s, (int)f[0].len, SQLITE_STATIC);
    sqlite3_bind_int64(w, 2, created);
    if (arrived >= 0) sqlite3_bind_int64(w, 3, arrived);
    else sqlite3_bind_null(w, 3);
    sqlite3_bind_int(w, 4, grade);
    sqlite3_bind_int(w, 5, rural);
    sqlite3_bind_int(w, 6, lpa);
    sqlite3_bind_int64(w, 7, imp->import_id);
    db_step_done(w);
    if (exists) st->replaced++;
    else st->added++;
    return true;
}

static bool contact_row(Import *imp, Source *s, FxState *st, long line, const CsvField *f)
{
    int64_t at;
    int kind, tpl;
    static const char *const contact_kinds[] = {"phone", "email", "letter", "visit", "sms", "video", "other"};
    if (!need_reference(imp, s, line, "crime_reference", &f[0])) return false;
    sqlite3_bind_text(st->find, 1, f[0].s, (int)f[0].len, SQLITE_STATIC);
    long long crime = sqlite3_step(st->find) == SQLITE_ROW ? sqlite3_column_int64(st->find, 0) : 0;
    sqlite3_reset(st->find);
    if (!crime) return import_fail(imp, s, line, "field \"crime_reference\": no crime with reference \"%.*s\" is held; import the crimes first", (int)f[0].len, f[0].s);
    if (!need_time(imp, s, line, "contacted_at", &f[1], false, &at)) return false;
    if (!one_of(&f[2], contact_kinds, 7, &kind)) return import_field_error(imp, s, line, "kind", "phone, email, letter, visit, sms, video or other", f[2].s, f[2].len);
    if (!need_flag(imp, s, line, "template_used", &f[3], &tpl)) return false;
    replace_month(st, note_month(st, at));
    sqlite3_bind_int64(st->ins, 1, crime);
    sqlite3_bind_int64(st->ins, 2, at);
    sqlite3_bind_text(st->ins, 3, contact_kinds[kind], -1, SQLITE_STATIC);
    sqlite3_bind_int(st->ins, 4, tpl);
    sqlite3_bind_int64(st->ins, 5, imp->import_id);
    db_step_done(st->ins);
    st->added++;
    return true;
}

static bool call_row(Import *imp, Source *s, FxState *st, long line, const CsvField *f)
{
    int64_t offered, answered;
    int which;
    static const char *const lines[] = {"999", "101"};
    if (!one_of(&f[0], lines, 2, &which)) return import_field_error(imp, s, line, "line", "999 or 101", f[0].s, f[0].len);
    if (!need_time(imp, s, line, "offered_at", &f[1], false, &offered) || !need_time(imp, s, line, "answered_at", &f[2], true, &answered)) return false;
    if (answered >= 0 && answered < offered) return import_field_error(imp, s, line, "answered_at", "a time at or after offered_at, or nothing when abandoned", f[2].s, f[2].len);
    replace_month(st, note_month(st, offered));
    sqlite3_bind_text(st->ins, 1, lines[which], -1, SQLITE_STATIC);
    sqlite3_bind_int64(st->ins, 2, offered);
    if (answered >= 0) sqlite3_bind_int64(st->ins, 3, answered);
    else sqlite3_bind_null(st->ins, 3);
    sqlite3_bind_int64(st->ins, 4, imp->import_id);
    db_step_done(st->ins);
    st->added++;
    return true;
}

/* ---- sources ---- */

static bool fx_source(Import *imp, Source *s, CsvReader *r, void *state)
{
    FxState *st = state;
    const FxKind *k = &kinds[st->kind];
    int rc = csv_next(r);
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    if (rc == 0) return import_fail(imp, s, 0, "the file is empty: expected a header line");
    if (!import_check_header(imp, s, r, k->name, k->cols, k->ncols)) return false;
    snprintf(s->kind, sizeof s->kind, "%s", k->name);
    while ((rc = csv_next(r)) == 1) {
        long line = r->record_line;
        if (r->nfields != k->ncols) return import_fail(imp, s, line, "expected %d fields as in the header, found %d", k->ncols, r->nfields);
        bool ok;
        switch (st->kind) {
        case K_CRIMES: ok = crime_row(imp, s, st, line, r->f); break;
        case K_INCIDENTS: ok = incident_row(imp, s, st, line, r->f); break;
        case K_CONTACTS: ok = contact_row(imp, s, st, line, r->f); break;
        default: ok = call_row(imp, s, st, line, r->f); break;
        }
        if (!ok) return false;
        s->rows++;
        imp->rows++;
        if ((imp->rows & 0x3fff) == 0) import_progress(imp, r);
    }
    if (rc < 0) return import_fail(imp, s, r->record_line, "%s", r->err);
    return true;
}

static bool fx_finish(Import *imp, void *state)
{
    FxState *st = state;
    static const char *const nouns[] = {"crimes", "incidents", "victim contacts", "calls"};
    static const char *const verbs[] = {"recorded", "created", "made", "offered"};
    char n[32];
    fmt_thousands(n, sizeof n, st->added + st->replaced);
    buf_printf(&imp->summary, "%s %s", n, nouns[st->kind]);
    if (st->kind <= K_INCIDENTS) buf_printf(&imp->summary, " (%lld new, %lld replaced)", st->added, st->replaced);
    if (st->min_month)
        buf_printf(&imp->summary, ", %s %04d-%02d to %04d-%02d", verbs[st->kind], st->min_month / 100, st->min_month % 100, st->max_month / 100, st->max_month % 100);
    if (st->kind >= K_CONTACTS && st->months.n) buf_printf(&imp->summary, " (those months replaced)");
    if (st->new_areas.len) buf_printf(&imp->summary, "; new local policing areas: %s", buf_cstr(&st->new_areas));
    return true;
}

/* Runs an import of kind k. */
static bool fx_import(Import *imp, char **paths, int npaths, int kind)
{
    FxState st;
    memset(&st, 0, sizeof st);
    st.kind = kind;
    sqlite3 *db = imp->db;
    db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS fx_seen(ref TEXT PRIMARY KEY, file TEXT NOT NULL, line INTEGER NOT NULL)");
    db_exec(db, "DELETE FROM temp.fx_seen");
    st.seen_ins = db_prepare(db, "INSERT INTO temp.fx_seen(ref, file, line) VALUES(?1, ?2, ?3)");
    st.seen_get = db_prepare(db, "SELECT file, line FROM temp.fx_seen WHERE ref=?1");
    st.lpa_find = db_prepare(db, "SELECT id FROM lpa WHERE code=?1");
    st.lpa_ins = db_prepare(db, "INSERT INTO lpa(code, name) VALUES(?1, ?1) RETURNING id");
    switch (kind) {
    case K_CRIMES:
        st.find = db_prepare(db, "SELECT id FROM fx_crime WHERE reference=?1");
        st.ins = db_prepare(db, "INSERT INTO fx_crime(reference,reported_at,recorded_at,allocated_at,offence_code,offence_group,domestic_abuse,knife,csae,hate,online,"
                                "lpa_id,victim,suspect_known,outcome,outcome_at,import_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17) RETURNING id");
        st.upd = db_prepare(db, "UPDATE fx_crime SET reported_at=?2,recorded_at=?3,allocated_at=?4,offence_code=?5,offence_group=?6,domestic_abuse=?7,knife=?8,"
                                "csae=?9,hate=?10,online=?11,lpa_id=?12,victim=?13,suspect_known=?14,outcome=?15,outcome_at=?16,import_id=?17 WHERE reference=?1 RETURNING id");
        st.del_rev = db_prepare(db, "DELETE FROM fx_crime_review WHERE crime_id=?1");
        st.ins_rev = db_prepare(db, "INSERT OR IGNORE INTO fx_crime_review(crime_id, at) VALUES(?1, ?2)");
        break;
    case K_INCIDENTS:
        st.find = db_prepare(db, "SELECT id FROM fx_incident WHERE reference=?1");
        st.ins = db_prepare(db, "INSERT INTO fx_incident(reference,created_at,arrived_at,grade,rural,lpa_id,import_id) VALUES(?1,?2,?3,?4,?5,?6,?7)");
        st.upd = db_prepare(db, "UPDATE fx_incident SET created_at=?2,arrived_at=?3,grade=?4,rural=?5,lpa_id=?6,import_id=?7 WHERE reference=?1");
        break;
    case K_CONTACTS:
        st.find = db_prepare(db, "SELECT id FROM fx_crime WHERE reference=?1");
        st.ins = db_prepare(db, "INSERT INTO fx_contact(crime_id,at,kind,template,import_id) VALUES(?1,?2,?3,?4,?5)");
        st.del_month = db_prepare(db, "DELETE FROM fx_contact WHERE at>=?1 AND at<?2");
        break;
    default:
        st.ins = db_prepare(db, "INSERT INTO fx_call(line,offered_at,answered_at,import_id) VALUES(?1,?2,?3,?4)");
        st.del_month = db_prepare(db, "DELETE FROM fx_call WHERE offered_at>=?1 AND offered_at<?2");
        break;
    }
    bool ok = import_run(imp, paths, npaths, fx_source, fx_finish, &st);
    sqlite3_stmt *all[] = {st.find, st.ins, st.upd, st.del_rev, st.ins_rev, st.del_month, st.lpa_find, st.lpa_ins, st.seen_ins, st.seen_get};
    for (size_t i = 0; i < ARRAY_LEN(all); i++) sqlite3_finalize(all[i]);
    db_exec(db, "DELETE FROM temp.fx_seen");
    counts_free(&st.months);
    buf_free(&st.new_areas);
    return ok;
}

bool import_crimes(Import *imp, char **paths, int npaths)
{
    return fx_import(imp, paths, npaths, K_CRIMES);
}

bool import_incidents(Import *imp, char **paths, int npaths)
{
    return fx_import(imp, paths, npaths, K_INCIDENTS);
}

bool import_victim_contacts(Import *imp, char **paths, int npaths)
{
    return fx_import(imp, paths, npaths, K_CONTACTS);
}

bool import_calls(Import *imp, char **paths, int npaths)
{
    return fx_import(imp, paths, npaths, K_CALLS);
}
