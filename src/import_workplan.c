/*
 * import_workplan.c: `assure import work-plan PATH`, the office's annual
 * work plan table as it appears in its annual report turned to text (seed
 * 000; docs/data-formats.md, "Work plan").
 *
 * The file is read whole (csv_rest: it is not CSV). The table starts at a
 * line "YYYY-YY Work Plan" on its own; after it come pages, each with the
 * page titles ("2017-18 Work Plan", "Objectives and Actions"), blank lines
 * and the header "Objective<TAB>Specific Deliverable<TAB>Actions<TAB>Due
 * Date", then rows of exactly four tab-separated fields. The first other
 * line of text ends the table ("Glossary" in the seed); a table row or
 * header after that is an error, so no row is left behind unread.
 *
 * What it writes: the plan titled as the start line, for the financial year
 * it names (2017-18: 2017-04-01 to 2018-03-31), status issued, source the
 * file's name; one priority "Objectives and Actions"; each distinct
 * Objective an objective (service Police: the 2017-18 plan was the Police
 * and Crime Commissioner's, before fire governance came in 2019), each
 * distinct (Objective, Specific Deliverable) a deliverable, each row an
 * action (due normalised by plan_parse_due, source_line its line).
 * Re-importing replaces the contents of the plan of the same title in
 * place (the plan row, its id and its Panel reviews are kept).
 */
#include "db.h"
#include "import.h"
#include "plan.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const wp_cols[] = {"Objective", "Specific Deliverable", "Actions", "Due Date"};
static const char *const wp_subtitle = "Objectives and Actions";

/* One table row as read. */
typedef struct WpRow {
    long line;
    const char *f[4];  /* into the text, trimmed and NUL-terminated */
    char due[128];
    int due_month;
    int obj, del;      /* indexes into the distinct lists */
} WpRow;

typedef struct WpState {
    char **titles;     /* plans written by this import, to refuse one twice */
    int ntitles;
} WpState;

/* Trims spaces at both ends of s[0..*n). */
static const char *trim(const char *s, size_t *n)
{
    while (*n && (*s == ' ' || *s == '\t' || *s == '\r')) s++, (*n)--;
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\r' || s[*n - 1] == '\t')) (*n)--;
    return s;
}

/* True when s[0..n) is "YYYY-YY Work Plan" with YY the year after YYYY;
 * *year gets YYYY. */
static bool title_line(const char *s, size_t n, int *year)
{
    if (n != 17 || memcmp(s + 7, " Work Plan", 10) != 0 || s[4] != '-') return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && !isdigit((unsigned char)s[i])) return false;
    int y = atoi(s), yy = (s[5] - '0') * 10 + (s[6] - '0');
    if (y < 2000 || y > 2098 || (y + 1) % 100 != yy) return false;
    *year = y;
    return true;
}

/* Splits the line s[0..n) at tabs into at most 8 fields; returns the count. */
static int split_tabs(const char *s, size_t n, const char *f[8], size_t fl[8])
{
    int k = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\t') {
            if (k < 8) f[k] = s + start, fl[k] = i - start;
            k++;
            start = i + 1;
        }
    }
    return k;
}

static bool is_header(const char *const f[8], const size_t fl[8], int k)
{
    if (k != 4) return false;
    for (int i = 0; i < 4; i++) {
        size_t n = fl[i];
        const char *s = trim(f[i], &n);
        if (n != strlen(wp_cols[i]) || memcmp(s, wp_cols[i], n) != 0) return false;
    }
    return true;
}

/* The index of s in list (adding it when absent). */
static int intern(const char ***list, int *n, int *cap, const char *s)
{
    for (int i = 0; i < *n; i++)
        if (strcmp((*list)[i], s) == 0) return i;
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        *list = xrealloc(*list, (size_t)*cap * sizeof **list);
    }
    (*list)[*n] = s;
    return (*n)++;
}

typedef struct WpDel {
    int obj;
    const char *title;
} WpDel;

static bool write_plan(Import *imp, Source *s, const char *title, int year, WpRow *rows, int nrows, const char **objs, int nobj, WpDel *dels, int ndel,
                       bool *replaced)
{
    sqlite3 *db = imp->db;
    char starts[24], ends[24];
    snprintf(starts, sizeof starts, "%04d-04-01", year);
    snprintf(ends, sizeof ends, "%04d-03-31", year + 1);
    sqlite3_stmt *find = db_prepare(db, "SELECT id FROM plan WHERE title=?1 ORDER BY id");
    sqlite3_bind_text(find, 1, title, -1, SQLITE_STATIC);
    long long plan = 0;
    int held = 0;
    while (sqlite3_step(find) == SQLITE_ROW) {
        if (!held++) plan = sqlite3_column_int64(find, 0);
    }
    sqlite3_finalize(find);
    if (held > 1) return import_fail(imp, s, 0, "%d plans are titled \"%s\": expected at most one to replace", held, title);
    *replaced = plan != 0;
    if (plan) {
        sqlite3_stmt *up = db_prepare(db, "UPDATE plan SET starts=?2, ends=?3, status='issued', source=?4 WHERE id=?1");
        sqlite3_bind_int64(up, 1, plan);
        sqlite3_bind_text(up, 2, starts, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 3, ends, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 4, s->base, -1, SQLITE_STATIC);
        db_step_done(up);
        sqlite3_finalize(up);
        /* the priorities take their objectives, deliverables and actions */
        sqlite3_stmt *del = db_prepare(db, "DELETE FROM plan_priority WHERE plan_id=?1");
        sqlite3_bind_int64(del, 1, plan);
        db_step_done(del);
        sqlite3_finalize(del);
    } else {
        sqlite3_stmt *ins = db_prepare(db, "INSERT INTO plan(title, starts, ends, status, version, source) VALUES(?1, ?2, ?3, 'issued', 1, ?4) RETURNING id");
        sqlite3_bind_text(ins, 1, title, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, starts, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 3, ends, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 4, s->base, -1, SQLITE_STATIC);
        if (sqlite3_step(ins) == SQLITE_ROW) plan = sqlite3_column_int64(ins, 0);
        sqlite3_finalize(ins);
        if (!plan) return import_fail(imp, s, 0, "could not create the plan \"%s\": %s", title, sqlite3_errmsg(db));
    }
    sqlite3_stmt *pr = db_prepare(db, "INSERT INTO plan_priority(plan_id, position, title) VALUES(?1, 1, ?2) RETURNING id");
    sqlite3_bind_int64(pr, 1, plan);
    sqlite3_bind_text(pr, 2, wp_subtitle, -1, SQLITE_STATIC);
    long long prio = sqlite3_step(pr) == SQLITE_ROW ? sqlite3_column_int64(pr, 0) : 0;
    sqlite3_finalize(pr);

    long long *obj_id = xcalloc((size_t)nobj + 1, sizeof *obj_id), *del_id = xcalloc((size_t)ndel + 1, sizeof *del_id);
    int *del_pos = xcalloc((size_t)nobj + 1, sizeof *del_pos), *act_pos = xcalloc((size_t)ndel + 1, sizeof *act_pos);
    sqlite3_stmt *ob = db_prepare(db, "INSERT INTO plan_objective(priority_id, position, service, title) VALUES(?1, ?2, 'Police', ?3) RETURNING id");
    for (int i = 0; i < nobj; i++) {
        sqlite3_bind_int64(ob, 1, prio);
        sqlite3_bind_int(ob, 2, i + 1);
        sqlite3_bind_text(ob, 3, objs[i], -1, SQLITE_STATIC);
        if (sqlite3_step(ob) == SQLITE_ROW) obj_id[i] = sqlite3_column_int64(ob, 0);
        sqlite3_reset(ob);
    }
    sqlite3_finalize(ob);
    sqlite3_stmt *de = db_prepare(db, "INSERT INTO plan_deliverable(objective_id, position, title) VALUES(?1, ?2, ?3) RETURNING id");
    for (int i = 0; i < ndel; i++) {
        sqlite3_bind_int64(de, 1, obj_id[dels[i].obj]);
        sqlite3_bind_int(de, 2, ++del_pos[dels[i].obj]);
        sqlite3_bind_text(de, 3, dels[i].title, -1, SQLITE_STATIC);
        if (sqlite3_step(de) == SQLITE_ROW) del_id[i] = sqlite3_column_int64(de, 0);
        sqlite3_reset(de);
    }
    sqlite3_finalize(de);
    sqlite3_stmt *ac = db_prepare(db, "INSERT INTO plan_action(deliverable_id, position, title, due, due_month, source_line) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    bool ok = true;
    for (int i = 0; ok && i < nrows; i++) {
        const WpRow *w = &rows[i];
        sqlite3_bind_int64(ac, 1, del_id[w->del]);
        sqlite3_bind_int(ac, 2, ++act_pos[w->del]);
        sqlite3_bind_text(ac, 3, w->f[2], -1, SQLITE_STATIC);
        sqlite3_bind_text(ac, 4, w->due, -1, SQLITE_STATIC);
        if (w->due_month) sqlite3_bind_int(ac, 5, w->due_month);
        else sqlite3_bind_null(ac, 5);
        sqlite3_bind_int64(ac, 6, w->line);
        if (!db_step_done(ac)) ok = import_fail(imp, s, w->line, "the action could not be stored: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(ac);
    free(obj_id), free(del_id), free(del_pos), free(act_pos);
    return ok;
}

static bool workplan_source(Import *imp, Source *s, CsvReader *r, void *state)
{
    WpState *st = state;
    char *text;
    long long len = csv_rest(r, &text);
    if (len < 0) return import_fail(imp, s, 0, "%s", r->err);
    snprintf(s->kind, sizeof s->kind, "work-plan");

    WpRow *rows = NULL;
    int nrows = 0, caprows = 0;
    const char **objs = NULL;
    int nobj = 0, capobj = 0;
    WpDel *dels = NULL;
    int ndel = 0, capdel = 0;
    char title[32] = "";
    int year = 0, headers = 0, ntbc = 0, nongoing = 0, nmonth = 0, ntext = 0, nempty = 0;
    long start_line = 0, end_line = 0;
    bool have_header = false, ok = true;
    const char *end_text = NULL;
    size_t end_len = 0;

    long line = 0;
    char *p = text, *stop = text + len;
    while (ok && p < stop) {
        line++;
        char *nl = memchr(p, '\n', (size_t)(stop - p));
        char *e = nl ? nl : stop;
        size_t n = (size_t)(e - p);
        if (n && p[n - 1] == '\r') n--;
        char *ln = p;
        ln[n] = 0; /* the line is ours: fields point into it */
        p = nl ? nl + 1 : stop;
        if (!utf8_valid(ln, n)) {
            ok = import_fail(imp, s, line, "the line is not valid UTF-8: expected text in UTF-8");
            break;
        }
        size_t tn = n;
        const char *t = trim(ln, &tn);
        const char *f[8];
        size_t fl[8];
        int k = memchr(ln, '\t', n) ? split_tabs(ln, n, f, fl) : 1;

        if (!start_line) { /* before the table */
            if (k == 1 && title_line(t, tn, &year)) {
                start_line = line;
                memcpy(title, t, tn);
                title[tn] = 0;
            }
            continue;
        }
        if (end_line) { /* after the table: nothing of it may follow */
            if (k > 1 && (is_header(f, fl, k) || k == 4))
                ok = import_fail(imp, s, line, "a work-plan %s after the table ended at line %ld (\"%.*s\"): expected the table's rows together, "
                                 "with only page titles and blank lines between its pages", is_header(f, fl, k) ? "header" : "row", end_line,
                                 (int)(end_len > 60 ? 60 : end_len), end_text);
            continue;
        }
        if (k == 1 && tn == 0) continue;
        if (k == 1) {
            if (strcmp(t, title) == 0 || strcmp(t, wp_subtitle) == 0) {
                have_header = false; /* a new page: its header comes next */
                continue;
            }
            if (nrows == 0) {
                ok = import_fail(imp, s, line, "expected the header \"Objective<TAB>Specific Deliverable<TAB>Actions<TAB>Due Date\" after \"%s\" (line %ld), "
                                 "found \"%.*s\"", title, start_line, (int)(tn > 60 ? 60 : tn), t);
                break;
            }
            end_line = line, end_text = t, end_len = tn;
            continue;
        }
        if (is_header(f, fl, k)) {
            have_header = true;
            headers++;
            continue;
        }
        if (k != 4) {
            ok = import_fail(imp, s, line, "expected 4 tab-separated fields (Objective, Specific Deliverable, Actions, Due Date), found %d", k);
            break;
        }
        if (!have_header) {
            ok = import_fail(imp, s, line, "a row before its page's header: expected \"Objective<TAB>Specific Deliverable<TAB>Actions<TAB>Due Date\" first");
            break;
        }
        if (nrows == caprows) {
            caprows = caprows ? caprows * 2 : 256;
            rows = xrealloc(rows, (size_t)caprows * sizeof *rows);
        }
        WpRow *w = &rows[nrows];
        memset(w, 0, sizeof *w);
        w->line = line;
        for (int i = 0; i < 4; i++) {
            size_t fn = fl[i];
            char *fs = (char *)trim(f[i], &fn);
            fs[fn] = 0; /* the tab or line end after it is not needed any more */
            w->f[i] = fs;
            if (i < 3 && fn == 0) {
                ok = import_field_error(imp, s, line, wp_cols[i], "text", "", 0);
                break;
            }
        }
        if (!ok) break;
        const char *why;
        if (!plan_parse_due(w->f[3], strlen(w->f[3]), w->due, sizeof w->due, &w->due_month, &why)) {
            ok = import_field_error(imp, s, line, wp_cols[3], why, w->f[3], strlen(w->f[3]));
            break;
        }
        if (!*w->due) nempty++;
        else if (strcmp(w->due, "TBC") == 0) ntbc++;
        else if (strcmp(w->due, "Ongoing") == 0) nongoing++;
        else if (strlen(w->due) == 7 && w->due[4] == '-' && w->due_month) nmonth++;
        else ntext++;
        w->obj = intern(&objs, &nobj, &capobj, w->f[0]);
        int d;
        for (d = 0; d < ndel; d++)
            if (dels[d].obj == w->obj && strcmp(dels[d].title, w->f[1]) == 0) break;
        if (d == ndel) {
            if (ndel == capdel) {
                capdel = capdel ? capdel * 2 : 64;
                dels = xrealloc(dels, (size_t)capdel * sizeof *dels);
            }
            dels[ndel].obj = w->obj;
            dels[ndel].title = w->f[1];
            ndel++;
        }
        w->del = d;
        nrows++;
    }
    if (ok && !start_line) ok = import_fail(imp, s, 0, "no work plan found: expected a line \"YYYY-YY Work Plan\" (e.g. \"2017-18 Work Plan\") before the table");
    if (ok && nrows == 0) ok = import_fail(imp, s, 0, "the work plan that starts at line %ld holds no rows", start_line);
    for (int i = 0; ok && i < st->ntitles; i++)
        if (strcmp(st->titles[i], title) == 0) ok = import_fail(imp, s, start_line, "a second \"%s\" in one import: expected each plan once", title);
    bool replaced = false;
    if (ok) ok = write_plan(imp, s, title, year, rows, nrows, objs, nobj, dels, ndel, &replaced);
    if (ok) {
        st->titles = xrealloc(st->titles, (size_t)(st->ntitles + 1) * sizeof *st->titles);
        st->titles[st->ntitles++] = xstrdup(title);
        s->rows += nrows;
        imp->rows += nrows;
        buf_printf(&imp->summary, "%s%s (%d-04-01 to %d-03-31, lines %ld to %ld, %d headers): %d rows, %d objectives, %d deliverables, %d actions; "
                                  "due: %d months, %d TBC, %d Ongoing, %d text, %d none (%s)",
                   imp->summary.len ? "; " : "", title, year, year + 1, start_line, rows[nrows - 1].line, headers, nrows, nobj, ndel, nrows, nmonth, ntbc,
                   nongoing, ntext, nempty, replaced ? "replaced the plan of that title" : "a new plan");
    }
    free(rows), free(objs), free(dels);
    free(text);
    return ok;
}

static bool workplan_finish(Import *imp, void *state)
{
    (void)imp, (void)state;
    return true;
}

bool import_work_plan(Import *imp, char **paths, int npaths)
{
    WpState st;
    memset(&st, 0, sizeof st);
    bool ok = import_run(imp, paths, npaths, workplan_source, workplan_finish, &st);
    for (int i = 0; i < st.ntitles; i++) free(st.titles[i]);
    free(st.titles);
    return ok;
}
