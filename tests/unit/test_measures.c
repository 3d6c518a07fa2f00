/*
 * test_measures.c: measures on a small fixture whose answers are worked out
 * by hand in the comments: rolling 12 months, change on last year, rate per
 * 1,000, national and peer-group ranks, fraud excluded from all crime,
 * periods, missing data.
 */
#include "helpers.h"

#include <math.h>

#include "db.h"
#include "measures.h"

static int force_id(sqlite3 *db, const char *code)
{
    return forces_lookup(db, code, strlen(code));
}

/* Adds Home Office rows: n offences in group/subgroup for each quarter. */
static void ho(sqlite3 *db, const char *code, int fyq, const char *grp, const char *sub, long long n)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO ho_crime_group(force_id,fyq,grp,subgroup,n) VALUES(?1,?2,?3,?4,?5)");
    sqlite3_bind_int(st, 1, force_id(db, code));
    sqlite3_bind_int(st, 2, fyq);
    sqlite3_bind_text(st, 3, grp, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, sub, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, n);
    db_step_done(st);
    sqlite3_finalize(st);
}

static void street(sqlite3 *db, const char *code, int month, const char *type, long long n)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO puk_street(force_id,month,crime_type_id,n,n_no_location,import_id)"
                                      " SELECT ?1, ?2, id, ?4, 0, 1 FROM crime_type WHERE name=?3");
    sqlite3_bind_int(st, 1, force_id(db, code));
    sqlite3_bind_int(st, 2, month);
    sqlite3_bind_text(st, 3, type, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, n);
    db_step_done(st);
    sqlite3_finalize(st);
}

/* The fixture. Populations (ONS mid-2024, from the forces reference):
 * Northamptonshire 813,682; Bedfordshire 749,943; Cambridgeshire 933,972.
 *
 * Home Office, violence with injury, per quarter 2024/25 Q1 .. 2025/26 Q3:
 *   Northamptonshire 1000 each quarter, except 2025/26 Q3: 1300
 *   Bedfordshire     500 each quarter (a gap: none for 2024/25 Q2)
 *   Cambridgeshire   2000 each quarter
 * plus for Northamptonshire 900 fraud offences in every quarter.
 * 12 months to 2025/26 Q3 (2024/25 Q4 + 2025/26 Q1..Q3):
 *   Northamptonshire 1000+1000+1000+1300 = 4300; a year before (2024/25 Q3
 *   needs 2023/24 Q4, absent) -> no change on last year.
 *   rate 4300 / 813,682 * 1000 = 5.2846...
 *   Bedfordshire 2000, rate 2.6668...; Cambridgeshire 8000, rate 8.5655...
 *   national rank (lowest rate first): Beds 1, Northants 2, Cambs 3 of 3.
 * Peer group of Northamptonshire: Bedfordshire and Cambridgeshire -> 2 of 3.
 * At 2025/26 Q1 Bedfordshire has no 12-month value (the Q2 2024/25 gap), so
 * Northamptonshire is 1 of 2 nationally. */
static sqlite3 *fixture(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/m.db", dir);
    unlink(path);
    sqlite3 *db = db_open(path, true);
    db_exec(db, "INSERT INTO import(id,kind,started_at,finished_at,user,rows,seconds,summary) VALUES(1,'test','','','',0,0,'')");
    int qs[] = {20241, 20242, 20243, 20244, 20251, 20252, 20253};
    for (int i = 0; i < 7; i++) {
        ho(db, "northamptonshire", qs[i], "Violence against the person", "Violence with injury", qs[i] == 20253 ? 1300 : 1000);
        ho(db, "northamptonshire", qs[i], "Fraud offences", "Fraud offences to 2012/13", 900);
        if (qs[i] != 20242) ho(db, "bedfordshire", qs[i], "Violence against the person", "Violence with injury", 500);
        ho(db, "cambridgeshire", qs[i], "Violence against the person", "Violence with injury", 2000);
    }
    int peers[2] = {force_id(db, "bedfordshire"), force_id(db, "cambridgeshire")};
    char err[200];
    assert_true(forces_set_peers(db, force_id(db, "northamptonshire"), peers, 2, err, sizeof err));
    db_setting_set(db, "office_force", "northamptonshire");
    /* police.uk: Northamptonshire burglary 100 a month in 2024, 110 a month
     * in 2025, and 40 ASB a month (not crime). 12 months to 2025-12: 1,320;
     * change on last year +120 (+10.0%); December 2025: 110, +10 (+10.0%). */
    for (int m = 1; m <= 12; m++) {
        street(db, "northamptonshire", 202400 + m, "Burglary", 100);
        street(db, "northamptonshire", 202500 + m, "Burglary", 110);
        street(db, "northamptonshire", 202400 + m, "Anti-social behaviour", 40);
        street(db, "northamptonshire", 202500 + m, "Anti-social behaviour", 40);
    }
    return db;
}

/* The value of series "<key>.<window>" for a force at the period ending
 * at or before `period`; asserts whether there is one. */
static void row_at(const MeasureSet *ms, const char *series, const char *force, const char *period, MeasureValue *r, bool expect)
{
    char key[96];
    snprintf(key, sizeof key, "%s", series);
    char *dot = strrchr(key, '.');
    assert_non_null(dot);
    *dot = 0;
    int w = measures_parse_window(dot + 1);
    if (strcmp(dot + 1, "month") == 0) w = WIN_MONTH;
    assert_true(w >= 0);
    int d = measures_find(ms, key);
    assert_true(d >= 0);
    int fi = -1;
    for (int i = 0; i < ms->forces.n; i++)
        if (strcmp(ms->forces.f[i].code, force) == 0) fi = i;
    assert_true(fi >= 0);
    int m = measures_at_or_before(ms, d, (Window)w, fi, month_abs(measures_parse_period(period)));
    bool ok = m >= 0 && measures_value(ms, d, (Window)w, fi, m, r);
    /* "at or before" may find an earlier period: only the asked one counts
     * as present unless the period was a month given to quarterly data */
    assert_int_equal(ok, expect);
}

static void test_home_office(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = fixture(dir);
    MeasureSet ms;
    measures_compute(db, &ms);
    MeasureValue r;
    row_at(&ms, "ho.violence-with-injury.12m", "northamptonshire", "2025/26 Q3", &r, true);
    assert_true(r.value == 4300);
    assert_string_equal(r.period, "2025-12");
    assert_string_equal(r.period_end, "2025-12");
    assert_string_equal(r.label, "12 months to Dec 2025");
    assert_false(r.has_yoy);
    assert_true(fabs(r.rate - 4300.0 * 1000 / 813682) < 1e-9);
    assert_int_equal(r.nat_rank, 2);
    assert_int_equal(r.nat_of, 3);
    assert_int_equal(r.msg_rank, 2);
    assert_int_equal(r.msg_of, 3);
    /* all crime excludes fraud: the same 4300 */
    row_at(&ms, "ho.all-crime.12m", "northamptonshire", "2025/26 Q3", &r, true);
    assert_true(r.value == 4300);
    /* 2025/26 Q1: Bedfordshire's gap leaves 2 forces ranked */
    row_at(&ms, "ho.violence-with-injury.12m", "northamptonshire", "2025/26 Q1", &r, true);
    assert_true(r.value == 4000);
    assert_int_equal(r.nat_rank, 1);
    assert_int_equal(r.nat_of, 2);
    row_at(&ms, "ho.violence-with-injury.12m", "bedfordshire", "2025/26 Q1", &r, false);
    /* a month given as the period picks the quarter ending at or before it */
    row_at(&ms, "ho.violence-with-injury.12m", "northamptonshire", "2025-11", &r, true);
    assert_string_equal(r.period_end, "2025-09");
    /* and the quarter on its own */
    row_at(&ms, "ho.violence-with-injury.quarter", "northamptonshire", "2025/26 Q3", &r, true);
    assert_true(r.value == 1300);
    assert_string_equal(r.period, "2025/26 Q3");
    /* before the first full 12 months there is no value */
    {
        int d = measures_find(&ms, "ho.violence-with-injury");
        int fi = measures_force_index(&ms, force_id(db, "cambridgeshire"));
        assert_false(measures_value(&ms, d, WIN_12M, fi, month_abs(202412), &r));
    }
    row_at(&ms, "ho.violence-with-injury.12m", "cambridgeshire", "2024/25 Q4", &r, true);
    assert_true(r.value == 8000);
    /* Bedfordshire's gap in 2024/25 Q2 leaves it out: 2 of 2 */
    assert_int_equal(r.nat_rank, 2);
    assert_int_equal(r.nat_of, 2);
    measures_free(&ms);
    db_close(db);
    free(dir);
}

static void test_police_uk(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = fixture(dir);
    MeasureSet ms;
    measures_compute(db, &ms);
    MeasureValue r;
    row_at(&ms, "puk.burglary.12m", "northamptonshire", "2025-12", &r, true);
    assert_true(r.value == 1320);
    assert_true(r.has_yoy);
    assert_true(r.yoy_change == 120);
    assert_true(fabs(r.yoy_pct - 10.0) < 1e-9);
    assert_int_equal(r.nat_rank, 1);
    assert_int_equal(r.nat_of, 1);
    /* peers have no police.uk data: ranked 1 of 1 within the group */
    assert_int_equal(r.msg_of, 1);
    row_at(&ms, "puk.burglary.month", "northamptonshire", "2025-12", &r, true);
    assert_true(r.value == 110);
    assert_true(r.yoy_change == 10);
    /* all crime leaves out anti-social behaviour */
    row_at(&ms, "puk.all-crime.month", "northamptonshire", "2025-12", &r, true);
    assert_true(r.value == 110);
    row_at(&ms, "puk.anti-social-behaviour.month", "northamptonshire", "2025-12", &r, true);
    assert_true(r.value == 40);
    /* the 12-month value needs 12 months: none before 2024-12 */
    {
        int d = measures_find(&ms, "puk.burglary");
        int fi = measures_force_index(&ms, force_id(db, "northamptonshire"));
        assert_false(measures_value(&ms, d, WIN_12M, fi, month_abs(202411), &r));
    }
    row_at(&ms, "puk.burglary.12m", "northamptonshire", "2024-12", &r, true);
    assert_true(r.value == 1200);
    assert_false(r.has_yoy);
    measures_free(&ms);
    db_close(db);
    free(dir);
}

static void test_periods(void **state)
{
    (void)state;
    assert_int_equal(measures_parse_period("2025-12"), 202512);
    assert_int_equal(measures_parse_period("2025/26 Q3"), 202512);
    assert_int_equal(measures_parse_period("2025/26Q4"), 202603);
    assert_int_equal(measures_parse_period("2025-26 Q1"), 202506);
    assert_int_equal(measures_parse_period("2025/27 Q1"), 0);
    assert_int_equal(measures_parse_period("2025-13"), 0);
    assert_int_equal(measures_parse_period("<script>"), 0);
    assert_int_equal(measures_parse_period(""), 0);
}

static void test_empty_store(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char path[4096];
    snprintf(path, sizeof path, "%s/e.db", dir);
    sqlite3 *db = db_open(path, true);
    MeasureSet ms;
    measures_compute(db, &ms);
    assert_true(ms.defs.n > 50);
    MeasureValue r;
    for (int d = 0; d < ms.defs.n; d++) assert_int_equal(measures_latest(&ms, d, WIN_12M, 0), -1);
    assert_false(measures_value(&ms, 0, WIN_12M, 0, month_abs(202512), &r));
    measures_free(&ms);
    db_close(db);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_home_office), cmocka_unit_test(test_police_uk), cmocka_unit_test(test_periods), cmocka_unit_test(test_empty_store),
    };
    return cmocka_run_group_tests_name("measures", tests, NULL, NULL);
}
