/*
 * forces.h: the forces reference and the office's own force and peers.
 *
 * Every source spells forces its own way ("Avon and Somerset Constabulary",
 * "avon-and-somerset", "Avon & Somerset", "London, City of"). All spellings
 * are kept in force_alias under a normal form (forces_normalise), so one
 * lookup resolves any of them. The reference itself is data/forces.csv,
 * embedded in the binary and loaded by the first migration.
 */
#ifndef ASSURE_FORCES_H
#define ASSURE_FORCES_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "util.h"

#define MAX_FORCES 64
#define MAX_PEERS 7

/* One force as the measures and pages need it. */
typedef struct Force {
    int id;
    char code[40];       /* police.uk slug */
    char name[64];       /* display name */
    char kind[16];       /* territorial, btp, psni, reporting-body */
    char region[40];
    long long population; /* 0 when unknown */
    bool territorial;
} Force;

/* All forces, indexed by id for quick lookup (ids are small integers). */
typedef struct ForceList {
    int n;
    Force f[MAX_FORCES];
    int by_id[MAX_FORCES * 2]; /* id -> index in f, or -1 */
} ForceList;

/* Writes the normal form of name into out: lower case, '&' as "and", only
 * letters and digits kept ("London, City of" -> "londoncityof"). */
void forces_normalise(const char *name, size_t len, char *out, size_t outlen);

/* Loads (or refreshes) forces and aliases from the embedded reference.
 * Runs inside the caller's transaction. */
bool forces_load_reference(sqlite3 *db, char *err, size_t errlen);

/* Resolves any spelling to a force id; 0 when unknown. */
int forces_lookup(sqlite3 *db, const char *name, size_t len);

/* Reads every force into fl. */
void forces_list(sqlite3 *db, ForceList *fl);
/* Returns the force with that id, or NULL. */
const Force *forces_get(const ForceList *fl, int id);

/* The office's own force id from settings (0 when not set). */
int forces_office(sqlite3 *db);
/* Reads the peer group of force_id into peers; returns how many. */
int forces_peers(sqlite3 *db, int force_id, int peers[MAX_PEERS]);
/* Replaces the peer group of force_id. Returns false with err filled when a
 * peer is the force itself, repeated, unknown, not territorial, or more than
 * MAX_PEERS are given. */
bool forces_set_peers(sqlite3 *db, int force_id, const int *peers, int n, char *err, size_t errlen);

#endif
