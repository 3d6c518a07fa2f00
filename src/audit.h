/*
 * audit.h: the append-only audit trail (sql/006_audit.sql).
 *
 * Triggers write every change of a governance record; this module gives
 * them the two SQL functions they call, says who is acting on a
 * connection, checks the chain, and reads a record's history.
 */
#ifndef ASSURE_AUDIT_H
#define ASSURE_AUDIT_H

#include <sqlite3.h>
#include <stdbool.h>

#include "util.h"

/* Registers assure_actor() and audit_hash() on a connection (db.c does
 * this for every connection it opens), with the default actor. */
void audit_register(sqlite3 *db);

/* The actor new connections start with ("system" unless set): main() sets
 * "cli:<login>" for commands. The string must outlive the process. */
void audit_set_default_actor(const char *actor);

/* Says who the changes made on this connection are by: a user's login, or
 * "cli:<login>" on the command line. */
void audit_set_actor(sqlite3 *db, const char *actor);

/* The hash of one entry: hex SHA-256 over the previous entry's hash and
 * the entry's fields, each length-prefixed. NULL fields hash as absent
 * (distinct from empty). */
void audit_entry_hash(const char *prev, const char *at, const char *actor, const char *tbl, long long row_id, const char *action, const char *before,
                      const char *after, char out[65]);

/* Walks the whole trail, recomputing each hash from the one before.
 * Returns true when every entry is intact; otherwise false with the first
 * broken entry described in `report` (an entry edited, one deleted, or
 * one inserted out of sequence). `entries` gets how many were checked. */
bool audit_verify(sqlite3 *db, long long *entries, Buf *report);

/* The trail's head: the last entry's id and hash (0 and "" when empty).
 * Recorded outside the database (a letter, the minutes, another system),
 * it anchors the chain: see audit_check_anchor. */
long long audit_head(sqlite3 *db, char hash[65]);

/* Checks an anchor "ID:HASH" recorded earlier: entry ID must still exist
 * with that hash. This catches what the chain alone cannot: the trail
 * rewritten and rehashed from some entry on, or its newest entries cut
 * off. Returns false with the reason in `report` (also for an anchor that
 * cannot be read). */
bool audit_check_anchor(sqlite3 *db, const char *anchor, Buf *report);

#endif
