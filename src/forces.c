/*
 * forces.c: the forces reference (see forces.h).
 */
#include "forces.h"
#include "csv.h"
#include "db.h"
#include "embedded.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void forces_normalise(const char *name, size_t len, char *out, size_t outlen)
{
    size_t j = 0;
    for (size_t i = 0; i < len && j + 4 < outlen; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c == '&') {
            memcpy(out + j, "and", 3);
            j += 3;
        } else if (isalnum(c)) {
            out[j++] = (char)tolower(c);
        }
    }
    out[j] = 0;
}

/* A read callback over an in-memory string (an EmbeddedFile). */
typedef struct MemSource {
    const char *p;
    size_t left;
} MemSource;

static ssize_t mem_read(void *ctx, void *buf, size_t n)
{
    MemSource *m = ctx;
    if (n > m->left) n = m->left;
    memcpy(buf, m->p, n);
    m->p += n;
    m->left -= n;
    return (ssize_t)n;
}

static void add_alias(sqlite3_stmt *ins, long long force_id, const char *alias, size_t len)
{
    char norm[128];
    forces_normalise(alias, len, norm, sizeof norm);
    if (!norm[0]) return;
    sqlite3_bind_text(ins, 1, norm, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins, 2, force_id);
    sqlite3_bind_text(ins, 3, alias, (int)len, SQLITE_TRANSIENT);
    db_step_done(ins);
}

bool forces_load_reference(sqlite3 *db, char *err, size_t errlen)
{
    const EmbeddedFile *ef = embedded_find("data/forces.csv");
    if (!ef) {
        snprintf(err, errlen, "internal error: data/forces.csv is not embedded");
        return false;
    }
    /* skip the comment lines at the top */
    const char *p = ef->data;
    while (*p == '#') p = strchr(p, '\n') + 1;
    MemSource src = {p, ef->len - (size_t)(p - ef->data)};
    CsvReader r;
    csv_open(&r, mem_read, &src);
    sqlite3_stmt *up = db_prepare(db,
        "INSERT INTO force(code,name,kind,country,region,ons_code,population,population_year)"
        " VALUES(?1,?2,?3,?4,?5,NULLIF(?6,''),NULLIF(?7,''),CASE WHEN ?7<>'' THEN 2024 END)"
        " ON CONFLICT(code) DO UPDATE SET name=excluded.name, kind=excluded.kind, country=excluded.country,"
        " region=excluded.region, ons_code=excluded.ons_code,"
        " population=COALESCE(force.population, excluded.population),"
        " population_year=COALESCE(force.population_year, excluded.population_year)"
        " RETURNING id");
    sqlite3_stmt *ins = db_prepare(db, "INSERT OR REPLACE INTO force_alias(norm,force_id,alias) VALUES(?1,?2,?3)");
    bool ok = true;
    int row = 0;
    while (csv_next(&r) == 1) {
        if (row++ == 0) continue; /* header */
        if (r.nfields != 8) {
            snprintf(err, errlen, "internal error: data/forces.csv line %ld has %d fields", r.record_line, r.nfields);
            ok = false;
            break;
        }
        for (int i = 0; i < 7; i++) sqlite3_bind_text(up, i + 1, r.f[i].s, (int)r.f[i].len, SQLITE_TRANSIENT);
        long long id = 0;
        if (sqlite3_step(up) == SQLITE_ROW) id = sqlite3_column_int64(up, 0);
        sqlite3_reset(up);
        add_alias(ins, id, r.f[0].s, r.f[0].len);
        add_alias(ins, id, r.f[1].s, r.f[1].len);
        const char *a = r.f[7].s, *end = a + r.f[7].len;
        while (a < end) {
            const char *semi = memchr(a, ';', (size_t)(end - a));
            const char *stop = semi ? semi : end;
            add_alias(ins, id, a, (size_t)(stop - a));
            a = stop + 1;
        }
    }
    sqlite3_finalize(up);
    sqlite3_finalize(ins);
    csv_close(&r);
    return ok;
}

int forces_lookup(sqlite3 *db, const char *name, size_t len)
{
    char norm[128];
    forces_normalise(name, len, norm, sizeof norm);
    sqlite3_stmt *st = db_prepare(db, "SELECT force_id FROM force_alias WHERE norm=?1");
    sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
    int id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return id;
}

void forces_list(sqlite3 *db, ForceList *fl)
{
    memset(fl, 0, sizeof *fl);
    for (size_t i = 0; i < ARRAY_LEN(fl->by_id); i++) fl->by_id[i] = -1;
    sqlite3_stmt *st = db_prepare(db, "SELECT id, code, name, kind, region, COALESCE(population,0) FROM force ORDER BY name");
    while (sqlite3_step(st) == SQLITE_ROW && fl->n < MAX_FORCES) {
        Force *f = &fl->f[fl->n];
        f->id = sqlite3_column_int(st, 0);
        snprintf(f->code, sizeof f->code, "%s", db_text(st, 1));
        snprintf(f->name, sizeof f->name, "%s", db_text(st, 2));
        snprintf(f->kind, sizeof f->kind, "%s", db_text(st, 3));
        snprintf(f->region, sizeof f->region, "%s", db_text(st, 4));
        f->population = sqlite3_column_int64(st, 5);
        f->territorial = strcmp(f->kind, "territorial") == 0;
        if (f->id >= 0 && (size_t)f->id < ARRAY_LEN(fl->by_id)) fl->by_id[f->id] = fl->n;
        fl->n++;
    }
    sqlite3_finalize(st);
}

const Force *forces_get(const ForceList *fl, int id)
{
    if (id < 0 || (size_t)id >= ARRAY_LEN(fl->by_id) || fl->by_id[id] < 0) return NULL;
    return &fl->f[fl->by_id[id]];
}

int forces_office(sqlite3 *db)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT f.id FROM setting s JOIN force f ON f.code=s.value WHERE s.key='office_force'");
    int id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return id;
}

int forces_peers(sqlite3 *db, int force_id, int peers[MAX_PEERS])
{
    sqlite3_stmt *st = db_prepare(db, "SELECT p.peer_id FROM peer p JOIN force f ON f.id=p.peer_id WHERE p.force_id=?1 ORDER BY f.name");
    sqlite3_bind_int(st, 1, force_id);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW && n < MAX_PEERS) peers[n++] = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

bool forces_set_peers(sqlite3 *db, int force_id, const int *peers, int n, char *err, size_t errlen)
{
    if (n > MAX_PEERS) {
        snprintf(err, errlen, "a peer group has at most %d forces besides the force itself; %d were given", MAX_PEERS, n);
        return false;
    }
    ForceList fl;
    forces_list(db, &fl);
    for (int i = 0; i < n; i++) {
        const Force *f = forces_get(&fl, peers[i]);
        if (!f) {
            snprintf(err, errlen, "peer %d is not a known force", peers[i]);
            return false;
        }
        if (peers[i] == force_id) {
            snprintf(err, errlen, "%s cannot be its own peer", f->name);
            return false;
        }
        if (!f->territorial) {
            snprintf(err, errlen, "%s is not a territorial force of England and Wales", f->name);
            return false;
        }
        for (int j = 0; j < i; j++)
            if (peers[j] == peers[i]) {
                snprintf(err, errlen, "%s is named twice", f->name);
                return false;
            }
    }
    db_exec(db, "SAVEPOINT set_peers");
    sqlite3_stmt *del = db_prepare(db, "DELETE FROM peer WHERE force_id=?1");
    sqlite3_bind_int(del, 1, force_id);
    db_step_done(del);
    sqlite3_finalize(del);
    sqlite3_stmt *ins = db_prepare(db, "INSERT INTO peer(force_id, peer_id) VALUES(?1,?2)");
    for (int i = 0; i < n; i++) {
        sqlite3_bind_int(ins, 1, force_id);
        sqlite3_bind_int(ins, 2, peers[i]);
        db_step_done(ins);
    }
    sqlite3_finalize(ins);
    db_bump_generation(db);
    db_exec(db, "RELEASE set_peers");
    return true;
}
