/*
 * test_cache.c: the computed measures shared by web requests
 * (measures_cache.c): requests that ask at once for the same store's
 * measures share one computation and one set; a change of the store's
 * generation gives a new set while the old one stays readable to those
 * holding it.
 */
#include "helpers.h"

#include <pthread.h>

#include "db.h"
#include "measures_cache.h"

static char path[4096];
static pthread_barrier_t start;

static void *acquire_at_once(void *out)
{
    char err[256];
    sqlite3 *db = db_try_open(path, false, err, sizeof err);
    pthread_barrier_wait(&start);
    *(const MeasureSet **)out = measures_acquire(db, path);
    db_close(db);
    return NULL;
}

static void test_requests_at_once_share_one_set(void **state)
{
    (void)state;
    enum { N = 4 };
    pthread_t t[N];
    const MeasureSet *got[N];
    pthread_barrier_init(&start, NULL, N);
    for (int i = 0; i < N; i++) assert_int_equal(pthread_create(&t[i], NULL, acquire_at_once, &got[i]), 0);
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    pthread_barrier_destroy(&start);
    for (int i = 1; i < N; i++) assert_ptr_equal(got[i], got[0]);
    assert_true(got[0]->defs.n > 0);
    for (int i = 0; i < N; i++) measures_release(got[i]);
}

static void test_new_generation_new_set(void **state)
{
    (void)state;
    sqlite3 *db = db_open(path, false);
    const MeasureSet *a = measures_acquire(db, path);
    const MeasureSet *again = measures_acquire(db, path);
    assert_ptr_equal(a, again);
    measures_release(again);
    db_bump_generation(db);
    const MeasureSet *b = measures_acquire(db, path);
    assert_ptr_not_equal(a, b);
    assert_int_equal(a->defs.n, b->defs.n); /* the old set is still whole */
    measures_release(a);
    measures_release(b);
    db_close(db);
}

int main(void)
{
    char *dir = tmpdir_new();
    snprintf(path, sizeof path, "%s/cache.db", dir);
    db_close(db_open(path, true));
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_requests_at_once_share_one_set),
        cmocka_unit_test(test_new_generation_new_set),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    measures_cache_clear();
    free(dir);
    return rc;
}
