/*
 * measures_cache.h: computed measures shared between web requests.
 *
 * Computing every measure reads every fact (a fraction of a second on three
 * years of a force's data); the pages would pay that on every request. The
 * server keeps the latest MeasureSet of each database file, tagged with the
 * store's generation (db_generation: every import, definition change, peer
 * group or office force change bumps it), and hands it out read-only to as
 * many requests as ask while it is current. A request holds its reference
 * from measures_acquire() to measures_release(); a stale set is freed once
 * its last reader releases it.
 */
#ifndef ASSURE_MEASURES_CACHE_H
#define ASSURE_MEASURES_CACHE_H

#include <sqlite3.h>

#include "measures.h"

/* The current measures of the database at path (db is a connection to
 * it), computed now if none is cached or the cached one is stale. Never
 * NULL. Release with measures_release(). */
const MeasureSet *measures_acquire(sqlite3 *db, const char *path);
void measures_release(const MeasureSet *ms);

/* Frees the cached sets no request holds (at shutdown and in tests). */
void measures_cache_clear(void);

#endif
