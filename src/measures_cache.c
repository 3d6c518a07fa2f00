/*
 * measures_cache.c: the shared cache of computed measures (see
 * measures_cache.h). One mutex guards the table; computing happens outside
 * it, so a slow computation never blocks readers of a current set, and
 * readers of the set being computed wait for it (one computation at a
 * time is tracked; another store's, or another generation's, computes
 * alongside).
 */
#include "measures_cache.h"
#include "db.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_SLOTS 4 /* database files served at once (usually one) */

/* A computed set with its readers. */
typedef struct Held {
    MeasureSet ms;
    int refs;          /* requests holding it, plus one while cached */
} Held;

static struct {
    char path[1024];
    long long generation;
    Held *held;
} slots[CACHE_SLOTS];
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

/* The computation under way, so that requests asking for the same set
 * meanwhile wait for it rather than each computing its own. */
static struct {
    char path[1024];
    long long generation;
    bool on;
} inflight;
static pthread_cond_t computed = PTHREAD_COND_INITIALIZER;

/* Drops one reference; frees the set at zero. Called with mu held. */
static void unref(Held *h)
{
    if (--h->refs == 0) {
        measures_free(&h->ms);
        free(h);
    }
}

const MeasureSet *measures_acquire(sqlite3 *db, const char *path)
{
    long long gen = db_generation(db);
    pthread_mutex_lock(&mu);
    for (;;) {
        for (int i = 0; i < CACHE_SLOTS; i++) {
            if (slots[i].held && slots[i].generation == gen && strcmp(slots[i].path, path) == 0) {
                slots[i].held->refs++;
                pthread_mutex_unlock(&mu);
                return &slots[i].held->ms;
            }
        }
        if (!(inflight.on && inflight.generation == gen && strcmp(inflight.path, path) == 0)) break;
        pthread_cond_wait(&computed, &mu); /* the same set is being computed */
    }
    bool mine = !inflight.on;
    if (mine) {
        snprintf(inflight.path, sizeof inflight.path, "%s", path);
        inflight.generation = gen;
        inflight.on = true;
    }
    pthread_mutex_unlock(&mu);
    Held *h = xcalloc(1, sizeof *h);
    measures_compute(db, &h->ms);
    h->refs = 2; /* the caller's and the cache's */
    pthread_mutex_lock(&mu);
    if (mine) {
        inflight.on = false;
        pthread_cond_broadcast(&computed);
    }
    int slot = -1;
    for (int i = 0; i < CACHE_SLOTS && slot < 0; i++)
        if (slots[i].held && strcmp(slots[i].path, path) == 0) slot = i;
    for (int i = 0; i < CACHE_SLOTS && slot < 0; i++)
        if (!slots[i].held) slot = i;
    if (slot < 0) slot = 0;
    if (slots[slot].held && (strcmp(slots[slot].path, path) != 0 || slots[slot].generation <= gen)) {
        unref(slots[slot].held);
        slots[slot].held = NULL;
    }
    if (!slots[slot].held) {
        snprintf(slots[slot].path, sizeof slots[slot].path, "%s", path);
        slots[slot].generation = gen;
        slots[slot].held = h;
    } else {
        h->refs--; /* a newer set was cached meanwhile: ours is the caller's alone */
    }
    pthread_mutex_unlock(&mu);
    return &h->ms;
}

void measures_release(const MeasureSet *ms)
{
    if (!ms) return;
    pthread_mutex_lock(&mu);
    /* ms is the first member of its Held */
    unref((Held *)(void *)ms);
    pthread_mutex_unlock(&mu);
}

void measures_cache_clear(void)
{
    pthread_mutex_lock(&mu);
    for (int i = 0; i < CACHE_SLOTS; i++) {
        if (slots[i].held) unref(slots[i].held);
        slots[i].held = NULL;
    }
    pthread_mutex_unlock(&mu);
}
