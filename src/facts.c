/*
 * facts.c: the fact catalogue and loading facts into columns (see facts.h).
 */
#include "facts.h"
#include "db.h"
#include "ukdate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const FactField street_fields[] = {
    {"month", T_TIME, "the month the crimes were published for (its first instant)"},
    {"crime_type", T_TEXT, "police.uk category, e.g. 'violent-crime', 'burglary', 'anti-social-behaviour'"},
    {"asb", T_BOOL, "the category is anti-social behaviour"},
    {"n", T_NUM, "how many crimes the row counts"},
};

static const FactField ho_fields[] = {
    {"quarter", T_TIME, "the financial quarter (its first instant)"},
    {"offence_group", T_TEXT, "Home Office offence group, e.g. 'Violence against the person'"},
    {"offence_subgroup", T_TEXT, "Home Office offence subgroup, e.g. 'Residential burglary'"},
    {"n", T_NUM, "how many offences the row counts"},
};

static const FactField crime_fields[] = {
    {"reported_at", T_TIME, "when the crime was reported"},
    {"recorded_at", T_TIME, "when it was recorded as a crime"},
    {"allocated_at", T_TIME, "when it was allocated to an officer (null: never)"},
    {"outcome_at", T_TIME, "when its outcome was assigned (null: still live)"},
    {"offence_code", T_TEXT, "Home Office offence code, e.g. '28E'"},
    {"offence_group", T_TEXT, "Home Office offence group"},
    {"domestic_abuse", T_BOOL, "flagged domestic abuse"},
    {"knife", T_TEXT, "knife crime: 'possession', 'use' or 'threat' (null: not knife crime)"},
    {"csae", T_BOOL, "flagged child sexual abuse or exploitation"},
    {"hate", T_BOOL, "flagged hate crime"},
    {"online", T_BOOL, "flagged online crime"},
    {"area", T_TEXT, "local policing area code"},
    {"victim", T_TEXT, "pseudonymous victim id (null: no victim)"},
    {"suspect_known", T_BOOL, "a suspect is known"},
    {"outcome", T_NUM, "Home Office outcome type, 1 to 22 (null: still live)"},
};

static const FactFunc crime_funcs[] = {
    {"first_update_after", FN_FIRST_UPDATE_AFTER, 1, {T_TIME}, T_TIME, "the first victim update at or after a time (null: none)"},
    {"last_update_before", FN_LAST_UPDATE_BEFORE, 1, {T_TIME}, T_TIME, "the last victim update at or before a time (null: none)"},
    {"updates_between", FN_UPDATES_BETWEEN, 2, {T_TIME, T_TIME}, T_NUM, "how many victim updates from one time to another"},
    {"max_update_gap", FN_MAX_UPDATE_GAP, 1, {T_TIME}, T_DUR, "the longest time without a victim update between allocation and a time"},
    {"template_used_before", FN_TEMPLATE_USED_BEFORE, 1, {T_TIME}, T_BOOL, "the Victims' Code template was used in an update at or before a time"},
    {"template_at_last_update", FN_TEMPLATE_AT_LAST_UPDATE, 1, {T_TIME}, T_BOOL, "the last update at or before a time used the template"},
    {"last_review_before", FN_LAST_REVIEW_BEFORE, 1, {T_TIME}, T_TIME, "the last supervisory review at or before a time (null: none)"},
    {"prior", FN_PRIOR, 3, {T_TEXT, T_DUR, T_BOOL}, T_NUM, "prior(field, window, condition): earlier crimes with the same field value, recorded within the window before, that meet the condition"},
};

static const FactField incident_fields[] = {
    {"created_at", T_TIME, "when the incident was created"},
    {"arrived_at", T_TIME, "when the first officer arrived (null: not attended)"},
    {"grade", T_NUM, "response grade, 1 (emergency) to 5"},
    {"rural", T_BOOL, "in a rural area"},
    {"urban", T_BOOL, "in an urban area"},
    {"area", T_TEXT, "local policing area code"},
};

static const FactField contact_fields[] = {
    {"at", T_TIME, "when the victim was contacted"},
    {"kind", T_TEXT, "'phone', 'email', 'letter', 'visit', 'sms', 'video' or 'other'"},
    {"template", T_BOOL, "the Victims' Code template was used"},
    {"area", T_TEXT, "local policing area code of the crime"},
};

static const FactField call_fields[] = {
    {"line", T_TEXT, "'999' or '101'"},
    {"offered_at", T_TIME, "when the call was offered"},
    {"answered_at", T_TIME, "when it was answered (null: abandoned)"},
};

static const FactField presence_fields[] = {
    {"day", T_TIME, "the day (its first instant)"},
    {"team", T_TEXT, "'neighbourhood', 'response' or 'pcso'"},
    {"area", T_TEXT, "local policing area the time was spent in (null: outside every area)"},
    {"in_station", T_BOOL, "inside a police station"},
    {"in_priority", T_BOOL, "inside a priority location"},
    {"seconds", T_DUR, "on-duty time"},
};

#define FIELDS(a) a, (int)ARRAY_LEN(a)
const Fact facts[] = {
    {"street", "Street-level crime (data.police.uk)", true, 1, FIELDS(street_fields), NULL, 0, "month", "n", NULL,
     "Crimes and anti-social behaviour published on data.police.uk, counted per force, month and category."},
    {"recorded_crime", "Police recorded crime (Home Office)", true, 3, FIELDS(ho_fields), NULL, 0, "quarter", "n", NULL,
     "Police recorded crime by force, financial quarter and offence group, as the Home Office publishes it."},
    {"crimes", "Crimes recorded by the force", false, 0, FIELDS(crime_fields), FIELDS(crime_funcs), "recorded_at", NULL, NULL,
     "The force's crime records, one row per crime, with its victim updates and supervisory reviews."},
    {"incidents", "Incidents (command and control)", false, 0, FIELDS(incident_fields), NULL, 0, "created_at", NULL, NULL,
     "Incidents from the force's command and control system, with their grade and first arrival."},
    {"contacts", "Victim contacts", false, 0, FIELDS(contact_fields), NULL, 0, "at", NULL, NULL,
     "Every update given to a victim of crime."},
    {"calls", "Calls to 999 and 101", false, 0, FIELDS(call_fields), NULL, 0, "offered_at", NULL, NULL,
     "Calls offered to the force's contact centre, with when they were answered."},
    {"presence", "Officer time by place", false, 0, FIELDS(presence_fields), NULL, 0, "day", NULL, "seconds",
     "On-duty time of officers and PCSOs from location pings, by day, team and place (station, priority location, area)."},
};
const int nfacts = (int)ARRAY_LEN(facts);

const Fact *fact_find(const char *name)
{
    for (int i = 0; i < nfacts; i++)
        if (strcmp(facts[i].name, name) == 0) return &facts[i];
    return NULL;
}

int fact_field(const Fact *f, const char *name)
{
    for (int i = 0; i < f->nfields; i++)
        if (strcmp(f->fields[i].name, name) == 0) return i;
    return -1;
}

void fact_field_list(const Fact *f, char *out, size_t n)
{
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; i < f->nfields && len < n; i++) {
        int k = snprintf(out + len, n - len, "%s%s", i ? ", " : "", f->fields[i].name);
        if (k < 0) break;
        len += (size_t)k;
    }
}

void lpa_list(sqlite3 *db, LpaList *l)
{
    memset(l, 0, sizeof *l);
    sqlite3_stmt *st = db_prepare(db, "SELECT id, code, name FROM lpa ORDER BY code");
    while (sqlite3_step(st) == SQLITE_ROW && l->n < (int)ARRAY_LEN(l->id)) {
        l->id[l->n] = sqlite3_column_int(st, 0);
        snprintf(l->code[l->n], sizeof l->code[0], "%s", db_text(st, 1));
        snprintf(l->name[l->n], sizeof l->name[0], "%s", db_text(st, 2));
        l->n++;
    }
    sqlite3_finalize(st);
}

/* ---- loading ---- */

/* A growing text dictionary for one field (linear probing hash). */
typedef struct Dict {
    char **str;
    int n, cap;
    int *slot;    /* hash slot -> code+1 */
    int nslot;
} Dict;

static unsigned hash_str(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The code of s, adding it when new. */
static int dict_code(Dict *d, const char *s)
{
    if (d->n * 2 >= d->nslot) {
        int ns = d->nslot ? d->nslot * 2 : 256;
        int *slot = xcalloc((size_t)ns, sizeof(int));
        for (int i = 0; i < d->n; i++) {
            unsigned j = hash_str(d->str[i]) & (unsigned)(ns - 1);
            while (slot[j]) j = (j + 1) & (unsigned)(ns - 1);
            slot[j] = i + 1;
        }
        free(d->slot);
        d->slot = slot;
        d->nslot = ns;
    }
    unsigned j = hash_str(s) & (unsigned)(d->nslot - 1);
    while (d->slot[j]) {
        if (strcmp(d->str[d->slot[j] - 1], s) == 0) return d->slot[j] - 1;
        j = (j + 1) & (unsigned)(d->nslot - 1);
    }
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 64;
        d->str = xrealloc(d->str, sizeof(char *) * (size_t)d->cap);
    }
    d->str[d->n] = xstrdup(s);
    d->slot[j] = d->n + 1;
    return d->n++;
}

/* The loader's growing columns. */
typedef struct Loader {
    FactData *fd;
    int cap;
    Dict dict[FACT_MAX_FIELDS];
} Loader;

/* Makes room for one more row and returns its index. */
static int add_row(Loader *L)
{
    FactData *fd = L->fd;
    if (fd->nrows == L->cap) {
        L->cap = L->cap ? L->cap * 2 : 4096;
        for (int f = 0; f < fd->fact->nfields; f++) fd->col[f] = xrealloc(fd->col[f], sizeof(double) * (size_t)L->cap);
        fd->area = xrealloc(fd->area, sizeof(int) * (size_t)L->cap);
    }
    return fd->nrows++;
}

/* Sizes the columns for n rows up front (a count query), so loading never
 * copies them to grow. */
static void reserve(Loader *L, sqlite3_stmt *count)
{
    int n = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int(count, 0) : 0;
    sqlite3_finalize(count);
    FactData *fd = L->fd;
    if (n <= L->cap) return;
    L->cap = n;
    for (int f = 0; f < fd->fact->nfields; f++) fd->col[f] = xrealloc(fd->col[f], sizeof(double) * (size_t)L->cap);
    fd->area = xrealloc(fd->area, sizeof(int) * (size_t)L->cap);
}

/* Stores column i of st as field f of row r, by the field's type. */
static void put(Loader *L, int r, int f, sqlite3_stmt *st, int i)
{
    double *c = L->fd->col[f];
    if (sqlite3_column_type(st, i) == SQLITE_NULL) {
        c[r] = NAN;
    } else if (L->fd->fact->fields[f].type == T_TEXT) {
        const char *s = db_text(st, i);
        c[r] = *s ? dict_code(&L->dict[f], s) : NAN;
    } else {
        c[r] = sqlite3_column_double(st, i);
    }
}

/* Stores a NOT NULL number column (no null check). */
static inline void put_nn(Loader *L, int r, int f, sqlite3_stmt *st, int i)
{
    L->fd->col[f][r] = (double)sqlite3_column_int64(st, i);
}

/* Stores a column already holding a dictionary code (NULL: null). */
static inline void put_code(Loader *L, int r, int f, sqlite3_stmt *st, int i)
{
    L->fd->col[f][r] = sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : (double)sqlite3_column_int(st, i);
}

/* Fills field f's dictionary with fixed strings, codes 0, 1, ... in order,
 * for columns the query turns into codes itself. */
static void preset(Loader *L, int f, const char *const *strs, int n)
{
    for (int i = 0; i < n; i++) dict_code(&L->dict[f], strs[i]);
}

/* Hands the dictionaries to the FactData. */
static void finish(Loader *L)
{
    FactData *fd = L->fd;
    for (int f = 0; f < fd->fact->nfields; f++) {
        fd->dict[f] = L->dict[f].str;
        fd->ndict[f] = L->dict[f].n;
        free(L->dict[f].slot);
        if (!fd->col[f]) fd->col[f] = xmalloc(sizeof(double));
    }
    if (!fd->area) fd->area = xmalloc(sizeof(int));
}

/* Maps lpa ids to indexes in lpas (ids are small): the caller frees. */
static int *lpa_map(const LpaList *lpas, int *nmap)
{
    int max = 0;
    for (int i = 0; i < lpas->n; i++)
        if (lpas->id[i] > max) max = lpas->id[i];
    int *map = xmalloc(sizeof(int) * (size_t)(max + 1));
    for (int i = 0; i <= max; i++) map[i] = -1;
    for (int i = 0; i < lpas->n; i++) map[lpas->id[i]] = i;
    *nmap = max + 1;
    return map;
}

/* The area field f holds lpa codes by lpa index: preset its dictionary. */
static void preset_lpas(Loader *L, int f, const LpaList *lpas)
{
    for (int i = 0; i < lpas->n; i++) dict_code(&L->dict[f], lpas->code[i]);
}

/* Stores the lpa of row r (column i holds the lpa id) in the area field f
 * and the row's area. */
static inline void put_lpa(Loader *L, int r, int f, sqlite3_stmt *st, int i, const int *map, int nmap)
{
    int id = sqlite3_column_int(st, i);
    int k = id >= 0 && id < nmap ? map[id] : -1;
    L->fd->area[r] = k;
    if (f >= 0) L->fd->col[f][r] = k >= 0 ? k : NAN;
}

/* The Unix time of the first instant of month YYYYMM (UK local). */
static double month_instant(int yyyymm)
{
    return (double)ukdate_month_start(yyyymm);
}

static void load_street(sqlite3 *db, Loader *L, const ForceList *fl)
{
    reserve(L, db_prepare(db, "SELECT count(*) FROM puk_street"));
    sqlite3_stmt *st = db_prepare(db, "SELECT s.force_id, s.month, t.slug, t.is_asb, s.n FROM puk_street s JOIN crime_type t ON t.id=s.crime_type_id");
    int cache_m = -1;
    double cache_t = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int fid = sqlite3_column_int(st, 0);
        int fi = fid >= 0 && (size_t)fid < ARRAY_LEN(fl->by_id) ? fl->by_id[fid] : -1;
        if (fi < 0) continue;
        int r = add_row(L);
        int m = sqlite3_column_int(st, 1);
        if (m != cache_m) cache_m = m, cache_t = month_instant(m);
        L->fd->col[0][r] = cache_t;
        put(L, r, 1, st, 2);
        put_nn(L, r, 2, st, 3);
        put_nn(L, r, 3, st, 4);
        L->fd->area[r] = fi;
    }
    sqlite3_finalize(st);
}

static void load_recorded_crime(sqlite3 *db, Loader *L, const ForceList *fl)
{
    reserve(L, db_prepare(db, "SELECT count(*) FROM ho_crime_group"));
    sqlite3_stmt *st = db_prepare(db, "SELECT force_id, fyq, grp, subgroup, n FROM ho_crime_group");
    while (sqlite3_step(st) == SQLITE_ROW) {
        int fid = sqlite3_column_int(st, 0);
        int fi = fid >= 0 && (size_t)fid < ARRAY_LEN(fl->by_id) ? fl->by_id[fid] : -1;
        if (fi < 0) continue;
        int fyq = sqlite3_column_int(st, 1), fy = fyq / 10, q = fyq % 10;
        /* Q1 starts in April, Q2 July, Q3 October, Q4 January of the next year */
        int start = q == 4 ? (fy + 1) * 100 + 1 : fy * 100 + 1 + 3 * q;
        int r = add_row(L);
        L->fd->col[0][r] = month_instant(start);
        put(L, r, 1, st, 2);
        put(L, r, 2, st, 3);
        put_nn(L, r, 3, st, 4);
        L->fd->area[r] = fi;
    }
    sqlite3_finalize(st);
}

static const char *const knife_kinds[] = {"possession", "use", "threat"};

/* Loads crimes and their updates and reviews. */
static void load_crimes(sqlite3 *db, Loader *L, const LpaList *lpas)
{
    FactData *fd = L->fd;
    int nmap;
    int *map = lpa_map(lpas, &nmap);
    preset(L, 7, knife_kinds, 3);
    preset_lpas(L, 11, lpas);
    reserve(L, db_prepare(db, "SELECT count(*) FROM fx_crime"));
    sqlite3_stmt *st = db_prepare(db,
        "SELECT id, reported_at, recorded_at, allocated_at, outcome_at, offence_code, offence_group, domestic_abuse,"
        " CASE knife WHEN 'possession' THEN 0 WHEN 'use' THEN 1 WHEN 'threat' THEN 2 END, csae, hate, online, lpa_id,"
        " victim, suspect_known, outcome FROM fx_crime ORDER BY id");
    long long *ids = xmalloc(sizeof(long long) * (size_t)(L->cap ? L->cap : 1));
    int idcap = L->cap;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int r = add_row(L);
        if (r >= idcap) {
            idcap = idcap ? idcap * 2 : 4096;
            ids = xrealloc(ids, sizeof(long long) * (size_t)idcap);
        }
        ids[r] = sqlite3_column_int64(st, 0);
        put_nn(L, r, 0, st, 1);
        put_nn(L, r, 1, st, 2);
        put(L, r, 2, st, 3);
        put(L, r, 3, st, 4);
        put(L, r, 4, st, 5);
        put(L, r, 5, st, 6);
        put_nn(L, r, 6, st, 7);
        put_code(L, r, 7, st, 8);
        put_nn(L, r, 8, st, 9);
        put_nn(L, r, 9, st, 10);
        put_nn(L, r, 10, st, 11);
        put_lpa(L, r, 11, st, 12, map, nmap);
        put(L, r, 12, st, 13);
        put_nn(L, r, 13, st, 14);
        put(L, r, 14, st, 15);
    }
    sqlite3_finalize(st);
    free(map);
    int n = fd->nrows;
    /* children in CSR form: ids are ascending, so walking both in order
     * maps a crime id to its row */
    fd->upd_off = xcalloc((size_t)n + 2, sizeof(int));
    fd->rev_off = xcalloc((size_t)n + 2, sizeof(int));
    int ucap = 1024, rcap = 1024, nu = 0, nr = 0;
    fd->upd_at = xmalloc(sizeof(double) * (size_t)ucap);
    fd->upd_template = xmalloc((size_t)ucap);
    fd->rev_at = xmalloc(sizeof(double) * (size_t)rcap);
    int row = 0;
    st = db_prepare(db, "SELECT crime_id, at, template FROM fx_contact ORDER BY crime_id, at");
    while (sqlite3_step(st) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 0);
        while (row < n && ids[row] < id) fd->upd_off[++row] = nu;
        if (row >= n || ids[row] != id) continue;
        if (nu == ucap) {
            ucap *= 2;
            fd->upd_at = xrealloc(fd->upd_at, sizeof(double) * (size_t)ucap);
            fd->upd_template = xrealloc(fd->upd_template, (size_t)ucap);
        }
        fd->upd_at[nu] = (double)sqlite3_column_int64(st, 1);
        fd->upd_template[nu] = (unsigned char)sqlite3_column_int(st, 2);
        nu++;
    }
    sqlite3_finalize(st);
    while (row < n) fd->upd_off[++row] = nu;
    row = 0;
    st = db_prepare(db, "SELECT crime_id, at FROM fx_crime_review ORDER BY crime_id, at");
    while (sqlite3_step(st) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 0);
        while (row < n && ids[row] < id) fd->rev_off[++row] = nr;
        if (row >= n || ids[row] != id) continue;
        if (nr == rcap) {
            rcap *= 2;
            fd->rev_at = xrealloc(fd->rev_at, sizeof(double) * (size_t)rcap);
        }
        fd->rev_at[nr++] = (double)sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    while (row < n) fd->rev_off[++row] = nr;
    free(ids);
}

static void load_incidents(sqlite3 *db, Loader *L, const LpaList *lpas)
{
    int nmap;
    int *map = lpa_map(lpas, &nmap);
    preset_lpas(L, 5, lpas);
    reserve(L, db_prepare(db, "SELECT count(*) FROM fx_incident"));
    sqlite3_stmt *st = db_prepare(db, "SELECT created_at, arrived_at, grade, rural, lpa_id FROM fx_incident");
    while (sqlite3_step(st) == SQLITE_ROW) {
        int r = add_row(L);
        put_nn(L, r, 0, st, 0);
        put(L, r, 1, st, 1);
        put_nn(L, r, 2, st, 2);
        put_nn(L, r, 3, st, 3);
        L->fd->col[4][r] = 1 - L->fd->col[3][r];
        put_lpa(L, r, 5, st, 4, map, nmap);
    }
    sqlite3_finalize(st);
    free(map);
}

static const char *const contact_kinds[] = {"phone", "email", "letter", "visit", "sms", "video", "other"};

static void load_contacts(sqlite3 *db, Loader *L, const LpaList *lpas)
{
    int nmap;
    int *map = lpa_map(lpas, &nmap);
    preset(L, 1, contact_kinds, 7);
    preset_lpas(L, 3, lpas);
    reserve(L, db_prepare(db, "SELECT count(*) FROM fx_contact"));
    sqlite3_stmt *st = db_prepare(db, "SELECT k.at, CASE k.kind WHEN 'phone' THEN 0 WHEN 'email' THEN 1 WHEN 'letter' THEN 2 WHEN 'visit' THEN 3"
                                      " WHEN 'sms' THEN 4 WHEN 'video' THEN 5 ELSE 6 END, k.template, c.lpa_id FROM fx_contact k JOIN fx_crime c ON c.id=k.crime_id");
    while (sqlite3_step(st) == SQLITE_ROW) {
        int r = add_row(L);
        put_nn(L, r, 0, st, 0);
        put_code(L, r, 1, st, 1);
        put_nn(L, r, 2, st, 2);
        put_lpa(L, r, 3, st, 3, map, nmap);
    }
    sqlite3_finalize(st);
    free(map);
}

static const char *const call_lines[] = {"999", "101"};

static void load_calls(sqlite3 *db, Loader *L)
{
    preset(L, 0, call_lines, 2);
    reserve(L, db_prepare(db, "SELECT count(*) FROM fx_call"));
    sqlite3_stmt *st = db_prepare(db, "SELECT line='101', offered_at, answered_at FROM fx_call");
    while (sqlite3_step(st) == SQLITE_ROW) {
        int r = add_row(L);
        put_nn(L, r, 0, st, 0);
        put_nn(L, r, 1, st, 1);
        put(L, r, 2, st, 2);
        L->fd->area[r] = -1;
    }
    sqlite3_finalize(st);
}

static const char *const teams[] = {"neighbourhood", "response", "pcso"};

static void load_presence(sqlite3 *db, Loader *L, const LpaList *lpas)
{
    int nmap;
    int *map = lpa_map(lpas, &nmap);
    preset(L, 1, teams, 3);
    preset_lpas(L, 2, lpas);
    reserve(L, db_prepare(db, "SELECT count(*) FROM fx_presence"));
    sqlite3_stmt *st = db_prepare(db, "SELECT day, CASE team WHEN 'neighbourhood' THEN 0 WHEN 'response' THEN 1 ELSE 2 END, lpa_id, in_station, in_priority, seconds FROM fx_presence");
    int cache_d = -1;
    double cache_t = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int r = add_row(L);
        int d = sqlite3_column_int(st, 0);
        if (d != cache_d) cache_d = d, cache_t = (double)ukdate_day_start(d);
        L->fd->col[0][r] = cache_t;
        put_code(L, r, 1, st, 1);
        put_lpa(L, r, 2, st, 2, map, nmap);
        put_nn(L, r, 3, st, 3);
        put_nn(L, r, 4, st, 4);
        put_nn(L, r, 5, st, 5);
    }
    sqlite3_finalize(st);
    free(map);
}

void fact_load(sqlite3 *db, const Fact *f, const ForceList *forces, const LpaList *lpas, FactData *fd)
{
    memset(fd, 0, sizeof *fd);
    fd->fact = f;
    Loader L;
    memset(&L, 0, sizeof L);
    L.fd = fd;
    add_row(&L); /* allocate the columns */
    fd->nrows = 0;
    if (strcmp(f->name, "street") == 0) load_street(db, &L, forces);
    else if (strcmp(f->name, "recorded_crime") == 0) load_recorded_crime(db, &L, forces);
    else if (strcmp(f->name, "crimes") == 0) load_crimes(db, &L, lpas);
    else if (strcmp(f->name, "incidents") == 0) load_incidents(db, &L, lpas);
    else if (strcmp(f->name, "contacts") == 0) load_contacts(db, &L, lpas);
    else if (strcmp(f->name, "calls") == 0) load_calls(db, &L);
    else if (strcmp(f->name, "presence") == 0) load_presence(db, &L, lpas);
    finish(&L);
}

void fact_data_free(FactData *fd)
{
    for (int f = 0; f < FACT_MAX_FIELDS; f++) {
        free(fd->col[f]);
        for (int i = 0; i < fd->ndict[f]; i++) free(fd->dict[f][i]);
        free(fd->dict[f]);
    }
    free(fd->area);
    free(fd->upd_off);
    free(fd->upd_at);
    free(fd->upd_template);
    free(fd->rev_off);
    free(fd->rev_at);
    memset(fd, 0, sizeof *fd);
}

int fact_dict_code(const FactData *fd, int fi, const char *s)
{
    for (int i = 0; i < fd->ndict[fi]; i++)
        if (strcmp(fd->dict[fi][i], s) == 0) return i;
    return -1;
}
