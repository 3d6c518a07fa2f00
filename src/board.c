/*
 * board.c: the Accountability Board's shared logic (see board.h): the
 * meeting's statuses, agenda candidates (follow-ups, schedule of assurance,
 * exceptions with drafted questions), verdicts moving the schedule on, the
 * minutes drafted from the items, and checking uploaded papers.
 */
#include "board.h"

#include "db.h"

#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const board_statuses[] = {"planned", "agenda set", "notified", "held", "minutes approved", "minutes published"};
const int board_nstatuses = (int)(sizeof board_statuses / sizeof board_statuses[0]);

int board_status_index(const char *status)
{
    for (int i = 0; status && i < board_nstatuses; i++)
        if (strcmp(board_statuses[i], status) == 0) return i;
    return -1;
}

const char *board_status_next(const char *status)
{
    int i = board_status_index(status);
    return i >= 0 && i + 1 < board_nstatuses ? board_statuses[i + 1] : NULL;
}

bool board_status_notified(const char *status)
{
    return board_status_index(status) >= 2;
}

static const char *const month_names[] = {"January", "February", "March", "April", "May", "June",
                                          "July", "August", "September", "October", "November", "December"};

bool board_valid_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
    int md = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
    return d <= md;
}

void board_date_long(const char *iso, char *out, size_t n)
{
    if (!board_valid_date(iso)) {
        snprintf(out, n, "%s", iso ? iso : "");
        return;
    }
    snprintf(out, n, "%d %s %d", atoi(iso + 8), month_names[atoi(iso + 5) - 1], atoi(iso));
}

/* ---- exceptions ---- */

/* A value in words for a question: "12m 10s", "53.3%", "1,204". */
static void spoken_value(const MeasureDef *md, double v, bool target, char *out, size_t n)
{
    if (md->unit == UNIT_DURATION) {
        long long s = llround(v);
        if (target && s % 60 == 0 && s < 3600) snprintf(out, n, "%lld minute%s", s / 60, s == 60 ? "" : "s");
        else if (target && s % 3600 == 0) snprintf(out, n, "%lld hour%s", s / 3600, s == 3600 ? "" : "s");
        else if (s >= 3600) snprintf(out, n, "%lldh %lldm", s / 3600, s / 60 % 60);
        else if (s >= 60) snprintf(out, n, "%lldm %llds", s / 60, s % 60);
        else snprintf(out, n, "%llds", s);
    } else if (md->unit == UNIT_PERCENT && target) {
        snprintf(out, n, "%g%%", v);
    } else {
        mdef_format(md, v, out, n);
    }
}

/* "October 2025" for a month value, else the value's own label. */
static void period_words(const MeasureValue *v, char *out, size_t n)
{
    if (v->win == WIN_MONTH) {
        int ym = month_yyyymm(v->month);
        snprintf(out, n, "%s %d", month_names[ym % 100 - 1], ym / 100);
    } else {
        snprintf(out, n, "%s", v->label);
    }
}

/* True when the value is the worst of its peer group (rank 1 is lowest). */
static bool worst_of_peers(const MeasureValue *v)
{
    if (v->msg_of < 2 || v->def->better == BETTER_NEITHER) return false;
    return v->def->better == BETTER_LOWER ? v->msg_rank == v->msg_of : v->msg_rank == 1;
}

bool board_exception(const MeasureSet *ms, int def, int area, int month, Arena *a, const char **matter, const char **question)
{
    const MeasureDef *md = &ms->defs.d[def];
    const DefValues *dv = &ms->vals[def];
    Window w = dv->has[WIN_MONTH] ? WIN_MONTH : WIN_QUARTER;
    MeasureValue v;
    if (!measures_value(ms, def, w, area, month, &v)) return false;
    char val[48], when[48];
    spoken_value(md, v.value, false, val, sizeof val);
    period_words(&v, when, sizeof when);
    if (v.rag == 'R' && v.target) {
        char tgt[48];
        spoken_value(md, v.target->value, true, tgt, sizeof tgt);
        *matter = arena_printf(a, "%s is off target: %s in %s against a target of %s %s.", md->title, val, when,
                               strcmp(v.target->op, "<=") == 0 || strcmp(v.target->op, "<") == 0 ? "at most" : "at least", tgt);
        *question = arena_printf(a, "%s was %s in %s against a target of %s: what is the force doing to bring it back within target, and by when?",
                                 md->title, val, when, tgt);
        return true;
    }
    /* newly the worst of the peer group (public data) */
    if (!md->fact->public_data || !worst_of_peers(&v)) return false;
    int prev = measures_at_or_before(ms, def, w, area, month - (w == WIN_MONTH ? 1 : 3));
    MeasureValue p;
    if (prev >= 0 && measures_value(ms, def, w, area, prev, &p) && worst_of_peers(&p)) return false;
    *matter = arena_printf(a, "%s is now the worst of the force's most similar group: %s in %s, %d of %d.", md->title, val, when, v.msg_rank, v.msg_of);
    *question = arena_printf(a, "%s was %s in %s, the worst of the force's %d most similar forces: what explains the change, and what is the force doing about it?",
                             md->title, val, when, v.msg_of);
    return true;
}

/* ---- candidates ---- */

typedef struct CandList {
    Candidate *c;
    int n, cap;
    Arena *a;
} CandList;

static Candidate *cand_new(CandList *l)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        Candidate *c = arena_alloc(l->a, sizeof(Candidate) * (size_t)cap);
        if (l->n) memcpy(c, l->c, sizeof(Candidate) * (size_t)l->n);
        l->c = c;
        l->cap = cap;
    }
    Candidate *c = &l->c[l->n++];
    memset(c, 0, sizeof *c);
    c->marking = "OFFICIAL";
    c->form = "written";
    c->lead = "";
    c->questions = "";
    c->key = "";
    return c;
}

static const char *dup(CandList *l, sqlite3_stmt *st, int i)
{
    return arena_strdup(l->a, db_text(st, i));
}

int board_candidates(sqlite3 *db, const MeasureSet *ms, long long meeting_id, Arena *a, Candidate **out)
{
    CandList l = {.a = a};
    *out = NULL;
    sqlite3_stmt *st = db_prepare(db, "SELECT held_on, date(held_on, '-7 days') FROM meeting WHERE id=?1");
    sqlite3_bind_int64(st, 1, meeting_id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return 0;
    }
    const char *date = arena_strdup(a, db_text(st, 0));
    const char *due = arena_strdup(a, db_text(st, 1));
    sqlite3_finalize(st);

    /* open follow-ups of earlier meetings; on the agenda when an item of
     * this meeting came from that follow-up (by id, whatever its words) */
    st = db_prepare(db, "SELECT f.id, f.request, f.owner, f.due, i.subject, m.held_on, f.marking,"
                        " EXISTS(SELECT 1 FROM agenda_item x WHERE x.meeting_id=?1 AND x.follow_up_id=f.id)"
                        " FROM follow_up f JOIN agenda_item i ON i.id=f.item_id JOIN meeting m ON m.id=i.meeting_id"
                        " WHERE f.status='open' AND m.id<>?1 AND m.held_on<?2 ORDER BY f.due, f.id");
    sqlite3_bind_int64(st, 1, meeting_id);
    sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) {
        Candidate *c = cand_new(&l);
        char held[40], fdue[40];
        board_date_long(db_text(st, 5), held, sizeof held);
        board_date_long(db_text(st, 3), fdue, sizeof fdue);
        c->kind = CAND_FOLLOWUP;
        c->ref = sqlite3_column_int64(st, 0);
        c->subject = arena_printf(a, "Follow-up: %s", db_text(st, 4));
        c->matter = dup(&l, st, 1);
        c->questions = arena_printf(a, "What has been done on: %s?", db_text(st, 1));
        c->lead = dup(&l, st, 2);
        c->paper_due = due;
        c->marking = dup(&l, st, 6);
        c->why = arena_printf(a, "Open follow-up from the meeting of %s, owner %s, due %s", held, db_text(st, 2), fdue);
        c->overdue = strcmp(db_text(st, 3), date) < 0;
        c->on_agenda = sqlite3_column_int(st, 7) != 0;
    }
    sqlite3_finalize(st);

    /* schedule of assurance: due by this meeting's date, unless an earlier
     * meeting still being set up is the right one */
    st = db_prepare(db, "SELECT s.id, s.subject, s.matter, s.min_months, s.max_months, s.form, s.lead, s.last_on,"
                        " CASE WHEN s.last_on='' THEN '' ELSE date(s.last_on, '+' || s.min_months || ' months') END,"
                        " CASE WHEN s.last_on='' THEN '' ELSE date(s.last_on, '+' || s.max_months || ' months') END,"
                        " EXISTS(SELECT 1 FROM agenda_item x WHERE x.meeting_id=?1 AND x.schedule_id=s.id)"
                        " FROM assurance_schedule s ORDER BY s.subject");
    sqlite3_bind_int64(st, 1, meeting_id);
    sqlite3_stmt *earlier = db_prepare(db, "SELECT count(*) FROM meeting m WHERE m.id<>?1 AND m.held_on<?2 AND m.held_on>=?3"
                                           " AND m.status IN ('planned','agenda set')"
                                           " AND NOT EXISTS(SELECT 1 FROM agenda_item x WHERE x.meeting_id=?1 AND x.schedule_id=?4)");
    sqlite3_stmt *placed = db_prepare(db, "SELECT m.held_on FROM agenda_item x JOIN meeting m ON m.id=x.meeting_id"
                                          " WHERE x.schedule_id=?1 AND m.id<>?2 AND m.held_on>?3 AND m.held_on<?4 AND m.status<>'cancelled' LIMIT 1");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *last = db_text(st, 7), *from = db_text(st, 8), *until = db_text(st, 9);
        bool on = sqlite3_column_int(st, 10) != 0;
        if (!on && *last && strcmp(from, date) > 0) continue; /* not due yet */
        long long sid = sqlite3_column_int64(st, 0);
        if (!on) {
            /* already on the agenda of an earlier meeting since the last paper */
            sqlite3_bind_int64(placed, 1, sid);
            sqlite3_bind_int64(placed, 2, meeting_id);
            sqlite3_bind_text(placed, 3, last, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(placed, 4, date, -1, SQLITE_TRANSIENT);
            bool elsewhere = sqlite3_step(placed) == SQLITE_ROW;
            sqlite3_reset(placed);
            if (elsewhere) continue;
            /* an earlier meeting, still open for items, falls in the window */
            sqlite3_bind_int64(earlier, 1, meeting_id);
            sqlite3_bind_text(earlier, 2, date, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(earlier, 3, *last ? from : "0000-00-00", -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(earlier, 4, sid);
            bool sooner = sqlite3_step(earlier) == SQLITE_ROW && sqlite3_column_int(earlier, 0) > 0;
            sqlite3_reset(earlier);
            if (sooner) continue;
        }
        Candidate *c = cand_new(&l);
        c->kind = CAND_SCHEDULE;
        c->ref = sid;
        c->subject = dup(&l, st, 1);
        c->matter = dup(&l, st, 2);
        c->form = dup(&l, st, 5);
        c->lead = dup(&l, st, 6);
        c->paper_due = due;
        c->on_agenda = on;
        int lo = sqlite3_column_int(st, 3), hi = sqlite3_column_int(st, 4);
        if (!*last) {
            c->why = arena_printf(a, "Schedule of assurance: returns every %d to %d months; no paper yet", lo, hi);
        } else {
            char l1[40], l2[40], l3[40];
            board_date_long(last, l1, sizeof l1);
            board_date_long(from, l2, sizeof l2);
            board_date_long(until, l3, sizeof l3);
            c->overdue = strcmp(date, until) > 0;
            c->why = arena_printf(a, "Schedule of assurance: last paper %s; due between %s and %s%s", l1, l2, l3,
                                  c->overdue ? " (overdue)" : "");
        }
    }
    sqlite3_finalize(placed);
    sqlite3_finalize(earlier);
    sqlite3_finalize(st);

    /* exceptions: the office force's measures off target at the latest
     * month before the meeting */
    int fi = ms && ms->office ? measures_force_index(ms, ms->office) : -1;
    if (fi >= 0) {
        int month = month_abs(atoi(date) * 100 + atoi(date + 5));
        sqlite3_stmt *onag = db_prepare(db, "SELECT count(*) FROM agenda_item WHERE meeting_id=?1 AND measure_key=?2");
        for (int d = 0; d < ms->defs.n; d++) {
            const MeasureDef *md = &ms->defs.d[d];
            if (!md->ntargets && !md->fact->public_data) continue;
            int area = measures_main_area(ms, d, fi);
            if (area < 0 || !measures_has_area(ms, d, area)) continue;
            Window w = ms->vals[d].has[WIN_MONTH] ? WIN_MONTH : WIN_QUARTER;
            int m = measures_at_or_before(ms, d, w, area, month - 1);
            if (m < 0) continue;
            const char *matter, *question;
            if (!board_exception(ms, d, area, m, a, &matter, &question)) continue;
            Candidate *c = cand_new(&l);
            c->kind = CAND_EXCEPTION;
            c->key = arena_strdup(a, md->key);
            c->subject = arena_strdup(a, md->title);
            c->matter = matter;
            c->questions = question;
            c->lead = arena_strdup(a, md->owner ? md->owner : "");
            c->paper_due = due;
            c->why = "Exception: the latest figure before the meeting";
            sqlite3_bind_int64(onag, 1, meeting_id);
            sqlite3_bind_text(onag, 2, md->key, -1, SQLITE_TRANSIENT);
            c->on_agenda = sqlite3_step(onag) == SQLITE_ROW && sqlite3_column_int(onag, 0) > 0;
            sqlite3_reset(onag);
        }
        sqlite3_finalize(onag);
    }
    *out = l.c;
    return l.n;
}

long long board_add_candidate(sqlite3 *db, long long meeting_id, const Candidate *c)
{
    static const char *const origin[] = {"follow-up", "schedule", "exception"};
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO agenda_item(meeting_id, position, subject, measure_key, matter, questions, form, lead, paper_due,"
                                      " to_force, origin, schedule_id, follow_up_id, marking)"
                                      " VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id=?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                                      " 1, ?9, ?10, ?12, ?11)");
    sqlite3_bind_int64(st, 1, meeting_id);
    sqlite3_bind_text(st, 2, c->subject, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, c->key ? c->key : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, c->matter ? c->matter : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, c->questions ? c->questions : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, c->form, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, c->lead ? c->lead : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, c->paper_due ? c->paper_due : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 9, origin[c->kind], -1, SQLITE_STATIC);
    if (c->kind == CAND_SCHEDULE) sqlite3_bind_int64(st, 10, c->ref);
    else sqlite3_bind_null(st, 10);
    if (c->kind == CAND_FOLLOWUP) sqlite3_bind_int64(st, 12, c->ref);
    else sqlite3_bind_null(st, 12);
    sqlite3_bind_text(st, 11, c->marking ? c->marking : "OFFICIAL", -1, SQLITE_TRANSIENT);
    bool ok = db_step_done(st);
    sqlite3_finalize(st);
    return ok ? sqlite3_last_insert_rowid(db) : 0;
}

bool board_set_verdict(sqlite3 *db, long long item_id, const char *verdict, const char *discussion)
{
    if (!verdict || (strcmp(verdict, "assured") != 0 && strcmp(verdict, "partially assured") != 0 && strcmp(verdict, "not assured") != 0 && *verdict))
        return false;
    sqlite3_stmt *st = db_prepare(db, "UPDATE agenda_item SET verdict=?2, discussion=?3 WHERE id=?1");
    sqlite3_bind_int64(st, 1, item_id);
    sqlite3_bind_text(st, 2, verdict, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, discussion ? discussion : "", -1, SQLITE_TRANSIENT);
    bool ok = db_step_done(st);
    sqlite3_finalize(st);
    if (!ok) return false;
    if (*verdict) {
        /* the matter was heard: the schedule counts from this meeting */
        st = db_prepare(db, "UPDATE assurance_schedule SET last_on=(SELECT m.held_on FROM agenda_item i JOIN meeting m ON m.id=i.meeting_id WHERE i.id=?1)"
                            " WHERE id=(SELECT schedule_id FROM agenda_item WHERE id=?1)"
                            " AND last_on < (SELECT m.held_on FROM agenda_item i JOIN meeting m ON m.id=i.meeting_id WHERE i.id=?1)");
        sqlite3_bind_int64(st, 1, item_id);
        ok = db_step_done(st);
        sqlite3_finalize(st);
    }
    return ok;
}

/* ---- minutes ---- */

void board_draft_minutes(sqlite3 *db, long long meeting_id, Buf *out)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT held_on, starts_at, kind, marking='OFFICIAL' FROM meeting WHERE id=?1");
    sqlite3_bind_int64(st, 1, meeting_id);
    bool official = true; /* the minutes of an OFFICIAL meeting are published */
    if (sqlite3_step(st) == SQLITE_ROW) {
        char d[40];
        board_date_long(db_text(st, 0), d, sizeof d);
        buf_printf(out, "%s, %s at %s\n\n", db_text(st, 2), d, db_text(st, 1));
        official = sqlite3_column_int(st, 3) != 0;
    }
    sqlite3_finalize(st);
    st = db_prepare(db, "SELECT id, subject, matter, form, lead, verdict, discussion, answer,"
                        " (SELECT count(*) FROM item_paper p WHERE p.item_id=agenda_item.id), marking='OFFICIAL', to_force"
                        " FROM agenda_item WHERE meeting_id=?1 ORDER BY position, id");
    sqlite3_stmt *fu = db_prepare(db, "SELECT request, owner, due FROM follow_up WHERE item_id=?1 AND (marking='OFFICIAL' OR NOT ?2) ORDER BY id");
    sqlite3_bind_int64(st, 1, meeting_id);
    sqlite3_bind_int(fu, 2, official);
    int n = 0, kept_out = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (official && !sqlite3_column_int(st, 9)) {
            kept_out++;
            continue;
        }
        const char *verdict = db_text(st, 5);
        buf_printf(out, "%d. %s\n", ++n, db_text(st, 1));
        if (*db_text(st, 2)) buf_printf(out, "%s\n", db_text(st, 2));
        int papers = sqlite3_column_int(st, 8);
        /* what the force gave (the office's own items ask nothing of it) */
        if (!sqlite3_column_int(st, 10)) {
        } else if (strcmp(db_text(st, 3), "verbal") == 0) {
            buf_puts(out, "The force provided a verbal update.\n");
        } else if (papers) {
            buf_puts(out, "The force provided a written paper.\n");
        } else if (*db_text(st, 7)) {
            buf_puts(out, "The force provided a written response.\n");
        } else {
            buf_puts(out, "No written response from the force was received before the meeting.\n");
        }
        if (*db_text(st, 4)) buf_printf(out, "Lead: %s.\n", db_text(st, 4));
        if (*db_text(st, 6)) buf_printf(out, "%s\n", db_text(st, 6));
        if (strcmp(verdict, "assured") == 0) buf_puts(out, "The Commissioner was assured.\n");
        else if (strcmp(verdict, "partially assured") == 0) buf_puts(out, "The Commissioner was partially assured.\n");
        else if (strcmp(verdict, "not assured") == 0) buf_puts(out, "The Commissioner was not assured.\n");
        else buf_puts(out, "No verdict was recorded.\n");
        sqlite3_bind_int64(fu, 1, sqlite3_column_int64(st, 0));
        while (sqlite3_step(fu) == SQLITE_ROW) {
            char d[40];
            board_date_long(db_text(fu, 2), d, sizeof d);
            buf_printf(out, "Action: %s (%s, by %s).\n", db_text(fu, 0), db_text(fu, 1), d);
        }
        sqlite3_reset(fu);
        buf_puts(out, "\n");
    }
    if (!n && !kept_out) buf_puts(out, "The meeting had no items.\n");
    if (kept_out)
        buf_printf(out, "%d item%s marked OFFICIAL-SENSITIVE %s left out of these minutes, which are published.\n", kept_out, kept_out == 1 ? "" : "s",
                   kept_out == 1 ? "is" : "are");
    sqlite3_finalize(fu);
    sqlite3_finalize(st);
}

const char *board_minutes_name_sensitive(sqlite3 *db, long long meeting_id, Arena *a)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT i.subject FROM agenda_item i JOIN meeting m ON m.id=i.meeting_id"
                                      " WHERE m.id=?1 AND m.marking='OFFICIAL' AND i.marking<>'OFFICIAL' AND i.subject<>''"
                                      " AND instr(lower(m.minutes), lower(i.subject)) > 0"
                                      " UNION ALL SELECT f.request FROM follow_up f JOIN agenda_item i ON i.id=f.item_id JOIN meeting m ON m.id=i.meeting_id"
                                      " WHERE m.id=?1 AND m.marking='OFFICIAL' AND (f.marking<>'OFFICIAL' OR i.marking<>'OFFICIAL') AND f.request<>''"
                                      " AND instr(lower(m.minutes), lower(f.request)) > 0 LIMIT 1");
    sqlite3_bind_int64(st, 1, meeting_id);
    const char *found = sqlite3_step(st) == SQLITE_ROW ? arena_strdup(a, db_text(st, 0)) : NULL;
    sqlite3_finalize(st);
    return found;
}

/* ---- papers ---- */

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcasecmp(s + n - k, suffix) == 0;
}

/* True when a zip archive (an Office Open XML file) names `part`. */
static bool zip_has(const char *data, size_t len, const char *part)
{
    return memmem(data, len, part, strlen(part)) != NULL;
}

static bool utf8_text(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c == 0) return false;
        if (c < 0x80) {
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') return false;
            i++;
            continue;
        }
        int k = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (k < 0 || c < 0xC2 || c > 0xF4 || i + (size_t)k >= n) return false;
        for (int j = 1; j <= k; j++)
            if ((p[i + (size_t)j] & 0xC0) != 0x80) return false;
        i += (size_t)k + 1;
    }
    return true;
}

const char *board_paper_type(const char *filename, const char *data, size_t len, const char **why)
{
    if (!filename || !*filename) {
        *why = "Choose a file to upload.";
        return NULL;
    }
    if (len == 0) {
        *why = "The file is empty.";
        return NULL;
    }
    if (len > BOARD_PAPER_MAX) {
        *why = "The file is larger than 5 MiB, the most a paper may be.";
        return NULL;
    }
    if (ends_with(filename, ".pdf")) {
        if (len < 5 || memcmp(data, "%PDF-", 5) != 0) {
            *why = "The file is named .pdf but is not a PDF document.";
            return NULL;
        }
        return "application/pdf";
    }
    if (ends_with(filename, ".docx") || ends_with(filename, ".xlsx")) {
        bool docx = ends_with(filename, ".docx");
        if (len < 4 || memcmp(data, "PK\x03\x04", 4) != 0 || !zip_has(data, len, "[Content_Types].xml") || !zip_has(data, len, docx ? "word/" : "xl/")) {
            *why = docx ? "The file is named .docx but is not a Word document." : "The file is named .xlsx but is not an Excel workbook.";
            return NULL;
        }
        return docx ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    if (ends_with(filename, ".txt")) {
        if (!utf8_text((const unsigned char *)data, len)) {
            *why = "The file is named .txt but is not plain text (UTF-8 without control characters).";
            return NULL;
        }
        return "text/plain; charset=utf-8";
    }
    *why = "The file must be a PDF (.pdf), Word (.docx), Excel (.xlsx) or plain text (.txt) file.";
    return NULL;
}

const char *board_safe_filename(Arena *a, const char *filename)
{
    const char *base = filename;
    for (const char *p = filename; *p; p++)
        if (*p == '/' || *p == '\\') base = p + 1;
    char *s = arena_strdup(a, *base ? base : "paper");
    for (char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == ' ')) *p = '_';
    }
    return s;
}

void board_sha256_hex(const char *data, size_t len, char out[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)data, len);
    sodium_bin2hex(out, 65, h, sizeof h);
}
