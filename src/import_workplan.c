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
 *
 * Re-importing updates the plan of the same title in place, and never what
 * the office edits in assure. Objectives are matched by their text (within
 * the priority "Objectives and Actions"), deliverables by their text within
 * a matched objective, actions imported before by their text within a
 * matched deliverable: first equal texts (case, spacing and punctuation
 * aside), then the most alike pairs (character pairs, Dice >= 0.7), so a
 * corrected typo is the same action while a different one is not. A matched
 * action takes the file's text, due date, line and order; its owner, status,
 * RAG, note and marking stay. Actions added in assure (no source_line) are
 * kept, after the file's. Actions imported before that the file no longer
 * holds make the import fail naming them, unless imp->missing is "keep"
 * (they stay, their source_line cleared) or "remove" (deleted, with a
 * deliverable or objective the file no longer holds that this left empty;
 * an objective linked to a measure or decision stays). The plan keeps its
 * id, status, version and Panel reviews.
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

/* ---- matching what the file says with what the store holds ---- */

/* s lower-cased with every run of other than letters and digits one space,
 * trimmed, into out: "IT  Strategy." and "it strategy" compare equal. */
static void norm_text(const char *s, char *out, size_t outn)
{
    size_t k = 0;
    bool space = false;
    for (; *s && k + 2 < outn; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c) || c >= 0x80) {
            if (space && k) out[k++] = ' ';
            space = false;
            out[k++] = (char)tolower(c);
        } else {
            space = true;
        }
    }
    out[k] = 0;
}

static int cmp_u16(const void *a, const void *b)
{
    unsigned x = *(const unsigned short *)a, y = *(const unsigned short *)b;
    return x < y ? -1 : x > y;
}

/* How alike two normalised texts are: the Dice coefficient of their
 * character pairs (1 the same, 0 nothing shared). A corrected typo scores
 * above 0.9; two different actions of one deliverable rarely reach 0.5. */
static double likeness(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na < 2 || nb < 2) return strcmp(a, b) == 0;
    unsigned short *pa = xmalloc((na - 1) * sizeof *pa), *pb = xmalloc((nb - 1) * sizeof *pb);
    for (size_t i = 0; i + 1 < na; i++) pa[i] = (unsigned short)((unsigned char)a[i] << 8 | (unsigned char)a[i + 1]);
    for (size_t i = 0; i + 1 < nb; i++) pb[i] = (unsigned short)((unsigned char)b[i] << 8 | (unsigned char)b[i + 1]);
    qsort(pa, na - 1, sizeof *pa, cmp_u16);
    qsort(pb, nb - 1, sizeof *pb, cmp_u16);
    size_t i = 0, j = 0, common = 0;
    while (i < na - 1 && j < nb - 1) {
        if (pa[i] == pb[j]) common++, i++, j++;
        else if (pa[i] < pb[j]) i++;
        else j++;
    }
    free(pa), free(pb);
    return 2.0 * (double)common / (double)(na - 1 + nb - 1);
}

#define WP_ALIKE 0.7 /* the least likeness that pairs a corrected text with the stored one */

/* Pairs the file's texts f[0..nf) with the stored texts s[0..ns) (both
 * normalised): first equal texts, in order; then, among those left, the
 * most alike pairs while they reach WP_ALIKE. f2s[i] gets the stored index
 * or -1. */
static void match_texts(char **f, int nf, char **s, int ns, int *f2s)
{
    bool *used = xcalloc((size_t)ns + 1, sizeof *used);
    for (int i = 0; i < nf; i++) {
        f2s[i] = -1;
        for (int j = 0; j < ns; j++)
            if (!used[j] && strcmp(f[i], s[j]) == 0) {
                f2s[i] = j, used[j] = true;
                break;
            }
    }
    for (;;) {
        double best = WP_ALIKE;
        int bi = -1, bj = -1;
        for (int i = 0; i < nf; i++) {
            if (f2s[i] >= 0) continue;
            for (int j = 0; j < ns; j++) {
                if (used[j]) continue;
                double l = likeness(f[i], s[j]);
                if (l >= best && (bi < 0 || l > best)) best = l, bi = i, bj = j;
            }
        }
        if (bi < 0) break;
        f2s[bi] = bj, used[bj] = true;
    }
    free(used);
}

/* What the store holds under the plan's imported priority. */
typedef struct StObj {
    long long id;
    char *title, *norm;
    int file;          /* the file's objective it matches, or -1 */
    bool emptied;      /* this import removed a deliverable of it */
} StObj;
typedef struct StDel {
    long long id;
    int obj;           /* index into the stored objectives */
    char *title, *norm;
    int file;          /* the file's deliverable it matches, or -1 */
    int next_pos;      /* positions given so far */
    bool emptied;      /* this import removed an action of it */
} StDel;
typedef struct StAct {
    long long id;
    int del;           /* index into the stored deliverables */
    char *title, *norm, *due, *status, *owner, *rag, *note;
    char *due_file;    /* what the file said at the last import (NULL: never imported) */
    long line;         /* source_line; 0 when added in assure */
    int file;          /* the file's row it matches, or -1 */
} StAct;

static char *col_dup(sqlite3_stmt *st, int i)
{
    return xstrdup(db_text(st, i));
}

static char *norm_dup(const char *s)
{
    size_t n = strlen(s) + 2;
    char *o = xmalloc(n);
    norm_text(s, o, n);
    return o;
}

/* Writes the plan the file holds. A plan of the same title is updated in
 * place: objectives, deliverables and actions matched by their text (see
 * the header comment), only the file's own fields changed. */
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
    if (held > 1) return import_fail(imp, s, 0, "%d plans are titled \"%s\": expected at most one to update", held, title);
    *replaced = plan != 0;

    /* what is held: the imported priority's objectives, deliverables, actions */
    StObj *so = NULL;
    StDel *sd = NULL;
    StAct *sa = NULL;
    int nso = 0, nsd = 0, nsa = 0;
    long long prio = 0;
    if (plan) {
        sqlite3_stmt *pr = db_prepare(db, "SELECT id FROM plan_priority WHERE plan_id=?1 AND title=?2 ORDER BY position, id LIMIT 1");
        sqlite3_bind_int64(pr, 1, plan);
        sqlite3_bind_text(pr, 2, wp_subtitle, -1, SQLITE_STATIC);
        if (sqlite3_step(pr) == SQLITE_ROW) prio = sqlite3_column_int64(pr, 0);
        sqlite3_finalize(pr);
    }
    if (prio) {
        sqlite3_stmt *q = db_prepare(db, "SELECT id, title FROM plan_objective WHERE priority_id=?1 ORDER BY position, id");
        sqlite3_bind_int64(q, 1, prio);
        while (sqlite3_step(q) == SQLITE_ROW) {
            so = xrealloc(so, (size_t)(nso + 1) * sizeof *so);
            so[nso] = (StObj){sqlite3_column_int64(q, 0), col_dup(q, 1), NULL, -1, false};
            so[nso].norm = norm_dup(so[nso].title);
            nso++;
        }
        sqlite3_finalize(q);
        q = db_prepare(db, "SELECT id, title FROM plan_deliverable WHERE objective_id=?1 ORDER BY position, id");
        for (int i = 0; i < nso; i++) {
            sqlite3_bind_int64(q, 1, so[i].id);
            while (sqlite3_step(q) == SQLITE_ROW) {
                sd = xrealloc(sd, (size_t)(nsd + 1) * sizeof *sd);
                sd[nsd] = (StDel){sqlite3_column_int64(q, 0), i, col_dup(q, 1), NULL, -1, 0, false};
                sd[nsd].norm = norm_dup(sd[nsd].title);
                nsd++;
            }
            sqlite3_reset(q);
        }
        sqlite3_finalize(q);
        q = db_prepare(db, "SELECT id, title, due, status, owner, rag, note, coalesce(source_line, 0), due_from_file FROM plan_action WHERE deliverable_id=?1"
                           " ORDER BY position, id");
        for (int i = 0; i < nsd; i++) {
            sqlite3_bind_int64(q, 1, sd[i].id);
            while (sqlite3_step(q) == SQLITE_ROW) {
                sa = xrealloc(sa, (size_t)(nsa + 1) * sizeof *sa);
                StAct *a = &sa[nsa++];
                a->id = sqlite3_column_int64(q, 0);
                a->del = i;
                a->title = col_dup(q, 1), a->due = col_dup(q, 2), a->status = col_dup(q, 3), a->owner = col_dup(q, 4), a->rag = col_dup(q, 5),
                a->note = col_dup(q, 6);
                a->norm = norm_dup(a->title);
                a->line = (long)sqlite3_column_int64(q, 7);
                a->due_file = sqlite3_column_type(q, 8) == SQLITE_NULL ? NULL : col_dup(q, 8);
                a->file = -1;
            }
            sqlite3_reset(q);
        }
        sqlite3_finalize(q);
    }

    /* match: objectives, then each matched objective's deliverables, then
     * each matched deliverable's actions imported before (an action added
     * in assure is never matched: the file does not hold it) */
    int *fobj = xcalloc((size_t)nobj + 1, sizeof *fobj), *fdel = xcalloc((size_t)ndel + 1, sizeof *fdel), *frow = xcalloc((size_t)nrows + 1, sizeof *frow);
    char **fn = xcalloc((size_t)(nobj > ndel ? (nobj > nrows ? nobj : nrows) : (ndel > nrows ? ndel : nrows)) + 1, sizeof *fn);
    char **sn = xcalloc((size_t)(nso > nsd ? (nso > nsa ? nso : nsa) : (nsd > nsa ? nsd : nsa)) + 1, sizeof *sn);
    int *fi = xcalloc((size_t)(ndel > nrows ? ndel : nrows) + 1, sizeof *fi), *si = xcalloc((size_t)(nsd > nsa ? nsd : nsa) + 1, sizeof *si);
    int *m = xcalloc((size_t)(nobj > ndel ? (nobj > nrows ? nobj : nrows) : (ndel > nrows ? ndel : nrows)) + 1, sizeof *m);
    for (int i = 0; i < nobj; i++) fn[i] = norm_dup(objs[i]);
    for (int j = 0; j < nso; j++) sn[j] = so[j].norm;
    match_texts(fn, nobj, sn, nso, fobj);
    for (int i = 0; i < nobj; i++) {
        free(fn[i]);
        if (fobj[i] >= 0) so[fobj[i]].file = i;
    }
    for (int i = 0; i < ndel; i++) fdel[i] = -1;
    for (int o = 0; o < nobj; o++) {
        if (fobj[o] < 0) continue;
        int nf = 0, ns = 0;
        for (int i = 0; i < ndel; i++)
            if (dels[i].obj == o) fi[nf] = i, fn[nf++] = norm_dup(dels[i].title);
        for (int j = 0; j < nsd; j++)
            if (sd[j].obj == fobj[o]) si[ns] = j, sn[ns++] = sd[j].norm;
        match_texts(fn, nf, sn, ns, m);
        for (int k = 0; k < nf; k++) {
            free(fn[k]);
            if (m[k] >= 0) fdel[fi[k]] = si[m[k]], sd[si[m[k]]].file = fi[k];
        }
    }
    for (int i = 0; i < nrows; i++) frow[i] = -1;
    for (int d = 0; d < ndel; d++) {
        if (fdel[d] < 0) continue;
        int nf = 0, ns = 0;
        for (int i = 0; i < nrows; i++)
            if (rows[i].del == d) fi[nf] = i, fn[nf++] = norm_dup(rows[i].f[2]);
        for (int j = 0; j < nsa; j++)
            if (sa[j].del == fdel[d] && sa[j].line) si[ns] = j, sn[ns++] = sa[j].norm;
        match_texts(fn, nf, sn, ns, m);
        for (int k = 0; k < nf; k++) {
            free(fn[k]);
            if (m[k] >= 0) frow[fi[k]] = si[m[k]], sa[si[m[k]]].file = fi[k];
        }
    }
    free(fn), free(sn), free(fi), free(si), free(m);

    /* the actions imported before that the file no longer holds */
    int nmissing = 0;
    Buf miss = {0};
    for (int j = 0; j < nsa; j++) {
        const StAct *a = &sa[j];
        if (!a->line || a->file >= 0) continue;
        if (nmissing++ < 10) {
            bool edited = strcmp(a->status, "not started") != 0 || *a->rag || *a->owner || *a->note;
            buf_printf(&miss, "%s\"%s\" / \"%s\" / \"%s\" (line %ld of the file imported before%s)", nmissing > 1 ? "; " : "", so[sd[a->del].obj].title,
                       sd[a->del].title, a->title, a->line, edited ? "; edited in assure" : "");
        }
    }
    if (nmissing > 10) buf_printf(&miss, "; and %d more", nmissing - 10);
    const char *mode = imp->missing ? imp->missing : "";
    bool ok = true;
    if (nmissing && !*mode)
        ok = import_fail(imp, s, 0, "%d action%s of \"%s\" imported before %s no longer in the file: %s. Expected every action imported before to be "
                         "in the file; correct the file, or import again with --missing keep (they stay in assure, no longer tied to the file) "
                         "or --missing remove (they are deleted)",
                         nmissing, nmissing == 1 ? "" : "s", title, nmissing == 1 ? "is" : "are", buf_cstr(&miss));
    buf_free(&miss);

    /* the plan and its imported priority */
    if (ok && plan) {
        sqlite3_stmt *up = db_prepare(db, "UPDATE plan SET starts=?2, ends=?3, source=?4 WHERE id=?1 AND (starts, ends, source) IS NOT (?2, ?3, ?4)");
        sqlite3_bind_int64(up, 1, plan);
        sqlite3_bind_text(up, 2, starts, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 3, ends, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 4, s->base, -1, SQLITE_STATIC);
        db_step_done(up);
        sqlite3_finalize(up);
    } else if (ok) {
        sqlite3_stmt *ins = db_prepare(db, "INSERT INTO plan(title, starts, ends, status, version, source) VALUES(?1, ?2, ?3, 'issued', 1, ?4) RETURNING id");
        sqlite3_bind_text(ins, 1, title, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, starts, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 3, ends, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 4, s->base, -1, SQLITE_STATIC);
        if (sqlite3_step(ins) == SQLITE_ROW) plan = sqlite3_column_int64(ins, 0);
        sqlite3_finalize(ins);
        if (!plan) ok = import_fail(imp, s, 0, "could not create the plan \"%s\": %s", title, sqlite3_errmsg(db));
    }
    if (ok && !prio) {
        sqlite3_stmt *pr = db_prepare(db, "INSERT INTO plan_priority(plan_id, position, title)"
                                          " VALUES(?1, (SELECT coalesce(max(position), 0) + 1 FROM plan_priority WHERE plan_id=?1), ?2) RETURNING id");
        sqlite3_bind_int64(pr, 1, plan);
        sqlite3_bind_text(pr, 2, wp_subtitle, -1, SQLITE_STATIC);
        prio = sqlite3_step(pr) == SQLITE_ROW ? sqlite3_column_int64(pr, 0) : 0;
        sqlite3_finalize(pr);
    }

    /* objectives: the file's in its order, then those it no longer holds */
    long long *obj_id = xcalloc((size_t)nobj + 1, sizeof *obj_id), *del_id = xcalloc((size_t)ndel + 1, sizeof *del_id);
    int *del_pos = xcalloc((size_t)nobj + 1, sizeof *del_pos), *act_pos = xcalloc((size_t)ndel + 1, sizeof *act_pos);
    int nobj_new = 0, ndel_new = 0, nobj_upd = 0, ndel_upd = 0;
    sqlite3_stmt *ob = db_prepare(db, "INSERT INTO plan_objective(priority_id, position, service, title) VALUES(?1, ?2, 'Police', ?3) RETURNING id");
    sqlite3_stmt *obu = db_prepare(db, "UPDATE plan_objective SET position=?2, title=?3 WHERE id=?1 AND (position, title) IS NOT (?2, ?3)");
    for (int i = 0; ok && i < nobj; i++) {
        if (fobj[i] >= 0) {
            obj_id[i] = so[fobj[i]].id;
            nobj_upd += strcmp(so[fobj[i]].title, objs[i]) != 0;
            sqlite3_bind_int64(obu, 1, obj_id[i]);
            sqlite3_bind_int(obu, 2, i + 1);
            sqlite3_bind_text(obu, 3, objs[i], -1, SQLITE_STATIC);
            db_step_done(obu);
            continue;
        }
        sqlite3_bind_int64(ob, 1, prio);
        sqlite3_bind_int(ob, 2, i + 1);
        sqlite3_bind_text(ob, 3, objs[i], -1, SQLITE_STATIC);
        if (sqlite3_step(ob) == SQLITE_ROW) obj_id[i] = sqlite3_column_int64(ob, 0);
        sqlite3_reset(ob);
        nobj_new++;
    }
    for (int j = 0, k = nobj; ok && j < nso; j++) {
        if (so[j].file >= 0) continue;
        sqlite3_bind_int64(obu, 1, so[j].id);
        sqlite3_bind_int(obu, 2, ++k);
        sqlite3_bind_text(obu, 3, so[j].title, -1, SQLITE_STATIC);
        db_step_done(obu);
    }
    sqlite3_finalize(ob), sqlite3_finalize(obu);

    /* deliverables likewise, within their objective */
    sqlite3_stmt *de = db_prepare(db, "INSERT INTO plan_deliverable(objective_id, position, title) VALUES(?1, ?2, ?3) RETURNING id");
    sqlite3_stmt *deu = db_prepare(db, "UPDATE plan_deliverable SET position=?2, title=?3 WHERE id=?1 AND (position, title) IS NOT (?2, ?3)");
    for (int i = 0; ok && i < ndel; i++) {
        int pos = ++del_pos[dels[i].obj];
        if (fdel[i] >= 0) {
            del_id[i] = sd[fdel[i]].id;
            ndel_upd += strcmp(sd[fdel[i]].title, dels[i].title) != 0;
            sqlite3_bind_int64(deu, 1, del_id[i]);
            sqlite3_bind_int(deu, 2, pos);
            sqlite3_bind_text(deu, 3, dels[i].title, -1, SQLITE_STATIC);
            db_step_done(deu);
            continue;
        }
        sqlite3_bind_int64(de, 1, obj_id[dels[i].obj]);
        sqlite3_bind_int(de, 2, pos);
        sqlite3_bind_text(de, 3, dels[i].title, -1, SQLITE_STATIC);
        if (sqlite3_step(de) == SQLITE_ROW) del_id[i] = sqlite3_column_int64(de, 0);
        sqlite3_reset(de);
        ndel_new++;
    }
    for (int j = 0; ok && j < nsd; j++) {
        if (sd[j].file >= 0 || so[sd[j].obj].file < 0) continue;
        int o = so[sd[j].obj].file; /* a deliverable the file no longer holds, under an objective it does */
        sqlite3_bind_int64(deu, 1, sd[j].id);
        sqlite3_bind_int(deu, 2, ++del_pos[o]);
        sqlite3_bind_text(deu, 3, sd[j].title, -1, SQLITE_STATIC);
        db_step_done(deu);
    }
    sqlite3_finalize(de), sqlite3_finalize(deu);

    /* actions: the file's own fields (text, due, line, order) from the file;
     * owner, status, RAG, note and marking are the office's and left alone */
    int nunchanged = 0, nupdated = 0, nadded = 0, nkept_hand = 0;
    int ndue_kept = 0;
    sqlite3_stmt *ac = db_prepare(db, "INSERT INTO plan_action(deliverable_id, position, title, due, due_month, source_line, due_from_file)"
                                      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?4)");
    /* the due date follows the file while the office has not changed it */
    sqlite3_stmt *acu = db_prepare(db, "UPDATE plan_action SET position=?2, title=?3,"
                                       " due=CASE WHEN due_from_file IS NULL OR due=due_from_file THEN ?4 ELSE due END,"
                                       " due_month=CASE WHEN due_from_file IS NULL OR due=due_from_file THEN ?5 ELSE due_month END,"
                                       " source_line=?6, due_from_file=?4 WHERE id=?1"
                                       " AND (position, title, due_from_file, source_line) IS NOT (?2, ?3, ?4, ?6)");
    for (int i = 0; ok && i < nrows; i++) {
        const WpRow *w = &rows[i];
        sqlite3_stmt *st = frow[i] >= 0 ? acu : ac;
        if (frow[i] >= 0) {
            const StAct *a = &sa[frow[i]];
            sqlite3_bind_int64(st, 1, a->id);
            bool office_due = a->due_file && strcmp(a->due, a->due_file) != 0;
            const char *was = a->due_file ? a->due_file : a->due;
            if (strcmp(a->title, w->f[2]) != 0 || strcmp(was, w->due) != 0) nupdated++;
            else nunchanged++;
            if (office_due && strcmp(a->due, w->due) != 0) ndue_kept++;
        } else {
            sqlite3_bind_int64(st, 1, del_id[w->del]);
            nadded++;
        }
        sqlite3_bind_int(st, 2, ++act_pos[w->del]);
        sqlite3_bind_text(st, 3, w->f[2], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, w->due, -1, SQLITE_STATIC);
        if (w->due_month) sqlite3_bind_int(st, 5, w->due_month);
        else sqlite3_bind_null(st, 5);
        sqlite3_bind_int64(st, 6, w->line);
        if (!db_step_done(st)) ok = import_fail(imp, s, w->line, "the action could not be stored: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(ac);
    /* the actions the file does not hold: added in assure (kept after the
     * file's), or imported before and gone from the file (--missing) */
    sqlite3_stmt *keep = db_prepare(db, "UPDATE plan_action SET position=?2, source_line=?3 WHERE id=?1 AND (position, source_line) IS NOT (?2, ?3)");
    sqlite3_stmt *drop = db_prepare(db, "DELETE FROM plan_action WHERE id=?1");
    for (int j = 0; ok && j < nsa; j++) {
        StAct *a = &sa[j];
        if (a->file >= 0) continue;
        StDel *d = &sd[a->del];
        if (a->line && strcmp(mode, "remove") == 0) {
            sqlite3_bind_int64(drop, 1, a->id);
            db_step_done(drop);
            d->emptied = true;
            continue;
        }
        if (!a->line) nkept_hand++;
        int pos = d->file >= 0 ? ++act_pos[d->file] : ++d->next_pos;
        sqlite3_bind_int64(keep, 1, a->id);
        sqlite3_bind_int(keep, 2, pos);
        sqlite3_bind_null(keep, 3); /* kept: no longer tied to a line of the file */
        db_step_done(keep);
    }
    sqlite3_finalize(acu), sqlite3_finalize(keep), sqlite3_finalize(drop);
    /* a deliverable or objective the file no longer holds goes when this
     * import removed the last thing under it (and, for an objective, no
     * measure or decision is linked to it) */
    int ndel_gone = 0, nobj_gone = 0;
    if (ok && strcmp(mode, "remove") == 0) {
        sqlite3_stmt *dd = db_prepare(db, "DELETE FROM plan_deliverable WHERE id=?1 AND NOT EXISTS (SELECT 1 FROM plan_action WHERE deliverable_id=?1)");
        for (int j = 0; j < nsd; j++) {
            if (sd[j].file >= 0 || !sd[j].emptied) continue;
            sqlite3_bind_int64(dd, 1, sd[j].id);
            db_step_done(dd);
            if (sqlite3_changes(db)) ndel_gone++, so[sd[j].obj].emptied = true;
        }
        sqlite3_finalize(dd);
        sqlite3_stmt *od = db_prepare(db, "DELETE FROM plan_objective WHERE id=?1 AND NOT EXISTS (SELECT 1 FROM plan_deliverable WHERE objective_id=?1)"
                                          " AND NOT EXISTS (SELECT 1 FROM objective_measure WHERE objective_id=?1)"
                                          " AND NOT EXISTS (SELECT 1 FROM decision_objective WHERE objective_id=?1)");
        for (int j = 0; j < nso; j++) {
            if (so[j].file >= 0 || !so[j].emptied) continue;
            sqlite3_bind_int64(od, 1, so[j].id);
            db_step_done(od);
            nobj_gone += sqlite3_changes(db) > 0;
        }
        sqlite3_finalize(od);
    }
    if (ok && *replaced) {
        buf_printf(&imp->summary, "; updated the plan of that title in place: %d actions unchanged, %d updated (text or due from the file), %d added, "
                                  "%d no longer in the file (%s), %d added in assure (kept); objectives: %d added, %d retitled; deliverables: %d added, %d retitled",
                   nunchanged, nupdated, nadded, nmissing, strcmp(mode, "remove") == 0 ? "removed" : "kept", nkept_hand, nobj_new, nobj_upd, ndel_new,
                   ndel_upd);
        if (ndel_gone || nobj_gone) buf_printf(&imp->summary, "; emptied and removed: %d deliverables, %d objectives", ndel_gone, nobj_gone);
        buf_printf(&imp->summary, "; owners, statuses, RAG, notes and markings kept");
        if (ndue_kept) buf_printf(&imp->summary, "; %d due dates changed in assure differ from the file's and are kept", ndue_kept);
    } else if (ok) {
        buf_printf(&imp->summary, "; a new plan");
    }
    for (int j = 0; j < nso; j++) free(so[j].title), free(so[j].norm);
    for (int j = 0; j < nsd; j++) free(sd[j].title), free(sd[j].norm);
    for (int j = 0; j < nsa; j++) free(sa[j].title), free(sa[j].norm), free(sa[j].due), free(sa[j].status), free(sa[j].owner), free(sa[j].rag), free(sa[j].note), free(sa[j].due_file);
    free(so), free(sd), free(sa);
    free(fobj), free(fdel), free(frow);
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
    size_t summary_at = imp->summary.len;
    if (ok) {
        buf_printf(&imp->summary, "%s%s (%d-04-01 to %d-03-31, lines %ld to %ld, %d headers): %d rows, %d objectives, %d deliverables, %d actions; "
                                  "due: %d months, %d TBC, %d Ongoing, %d text, %d none",
                   imp->summary.len ? "; " : "", title, year, year + 1, start_line, rows[nrows - 1].line, headers, nrows, nobj, ndel, nrows, nmonth, ntbc,
                   nongoing, ntext, nempty);
        ok = write_plan(imp, s, title, year, rows, nrows, objs, nobj, dels, ndel, &replaced);
        if (!ok && imp->summary.s) imp->summary.s[imp->summary.len = summary_at] = 0;
    }
    if (ok) {
        st->titles = xrealloc(st->titles, (size_t)(st->ntitles + 1) * sizeof *st->titles);
        st->titles[st->ntitles++] = xstrdup(title);
        s->rows += nrows;
        imp->rows += nrows;
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
