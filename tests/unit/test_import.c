/*
 * test_import.c: the import contract on small fixtures: what is counted,
 * re-import replaces, a bad row stops the import with file, line and field
 * and leaves the database as it was, unknown forces are named, the same
 * force-month twice in one import is refused, provenance is recorded.
 */
#include "helpers.h"

#include <zip.h>

#include "db.h"
#include "import.h"

#define HDR "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\r\n"
#define ID64 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* Northamptonshire, 2025-07: 2 burglaries (one ID repeated on two rows),
 * 1 ASB without an ID, 1 violence without a location, a quoted LSOA name. */
static const char *street_ok =
    "\xEF\xBB\xBF" HDR
    ID64 ",2025-07,Northamptonshire Police,Northamptonshire Police,-0.9,52.2,On or near A Street,E01027000,\"Northampton, Central 001A\",Burglary,Under investigation,\r\n"
    ID64 ",2025-07,Northamptonshire Police,Northamptonshire Police,-0.9,52.2,On or near A Street,E01027000,Northampton 001A,Burglary,Under investigation,\r\n"
    ",2025-07,Northamptonshire Police,Northamptonshire Police,-0.91,52.21,On or near B Road,E01027001,Northampton 001B,Anti-social behaviour,,\r\n"
    ID64 ",2025-07,Northamptonshire Police,Northamptonshire Police,,,No Location,,,Violence and sexual offences,Unable to prosecute suspect,\r\n";

static sqlite3 *fresh_db(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/t.db", dir);
    unlink(path);
    return db_open(path, true);
}

/* Runs an import of kind over paths; returns success and copies the error. */
static bool run(sqlite3 *db, bool (*fn)(Import *, char **, int), char **paths, int n, Buf *err)
{
    Import imp;
    memset(&imp, 0, sizeof imp);
    imp.db = db;
    imp.kind = "test";
    imp.user = "unit";
    bool ok = fn(&imp, paths, n);
    buf_reset(err);
    buf_puts(err, buf_cstr(&imp.err));
    import_free(&imp);
    return ok;
}

/* The count of street rows of a crime type name for Northamptonshire 2025-07. */
static long long street_n(sqlite3 *db, const char *type)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(sum(s.n),0) FROM puk_street s JOIN crime_type t ON t.id=s.crime_type_id"
                                      " JOIN force f ON f.id=s.force_id WHERE f.code='northamptonshire' AND s.month=202507 AND t.name=?1");
    sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

/* A fingerprint of everything the imports write. */
static long long fingerprint(sqlite3 *db)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT count(*)*1000003 + coalesce(sum(n*month),0) FROM puk_street)"
                                      " + (SELECT count(*) FROM import)*7 + (SELECT count(*) FROM import_file)*13"
                                      " + (SELECT count(*)*31 + coalesce(sum(n),0) FROM ho_crime)");
    long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

static void test_street_counts_and_replace(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = fresh_db(dir);
    char *f = write_file(dir, "2025-07-northamptonshire-street.csv", street_ok);
    Buf err = {0};
    assert_true(run(db, import_police_uk, &f, 1, &err));
    assert_int_equal(street_n(db, "Burglary"), 2); /* a repeated Crime ID is two rows, as published */
    assert_int_equal(street_n(db, "Anti-social behaviour"), 1);
    assert_int_equal(street_n(db, "Violence and sexual offences"), 1);
    sqlite3_stmt *st = db_prepare(db, "SELECT sum(n_no_location) FROM puk_street");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    /* provenance: one import, one file, 4 rows, its SHA-256 */
    st = db_prepare(db, "SELECT i.kind, i.user, i.rows, f.rows, length(f.sha256), f.file_kind FROM import i JOIN import_file f ON f.import_id=i.id");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal(db_text(st, 0), "test");
    assert_string_equal(db_text(st, 1), "unit");
    assert_int_equal(sqlite3_column_int(st, 2), 4);
    assert_int_equal(sqlite3_column_int(st, 3), 4);
    assert_int_equal(sqlite3_column_int(st, 4), 64);
    assert_string_equal(db_text(st, 5), "street");
    sqlite3_finalize(st);
    /* re-importing the same force-month replaces it, never doubles it */
    assert_true(run(db, import_police_uk, &f, 1, &err));
    assert_int_equal(street_n(db, "Burglary"), 2);
    /* a corrected file replaces: now one burglary */
    char *f2 = write_file(dir, "2025-07-northamptonshire-street.csv",
                          HDR ID64 ",2025-07,Northamptonshire Police,Northamptonshire Police,-0.9,52.2,x,E01,y,Burglary,,\r\n");
    assert_true(run(db, import_police_uk, &f2, 1, &err));
    assert_int_equal(street_n(db, "Burglary"), 1);
    assert_int_equal(street_n(db, "Anti-social behaviour"), 0);
    buf_free(&err);
    db_close(db);
    free(f);
    free(f2);
    free(dir);
}

/* Imports good, then asserts that `bad` fails with `expect` in the message
 * and leaves the database exactly as it was. */
static void expect_rejected(const char *name, const char *bad, const char *expect)
{
    char *dir = tmpdir_new();
    sqlite3 *db = fresh_db(dir);
    char *good = write_file(dir, "good-2025-07-northamptonshire-street.csv", street_ok);
    Buf err = {0};
    assert_true(run(db, import_police_uk, &good, 1, &err));
    long long before = fingerprint(db);
    char *f = write_file(dir, name, bad);
    assert_false(run(db, import_police_uk, &f, 1, &err));
    if (!strstr(buf_cstr(&err), expect)) fail_msg("expected \"%s\" in \"%s\"", expect, buf_cstr(&err));
    assert_int_equal(fingerprint(db), before);
    buf_free(&err);
    db_close(db);
    free(good);
    free(f);
    free(dir);
}

static void test_rejects(void **state)
{
    (void)state;
    /* a malformed month on line 3 */
    expect_rejected("a.csv", HDR ID64 ",2025-07,Kent Police,Kent Police,1,51,x,E,y,Burglary,,\n" ID64 ",2025-13,Kent Police,Kent Police,1,51,x,E,y,Burglary,,\n",
                    "a.csv:3: field \"Month\": expected a month as YYYY-MM, found \"2025-13\"");
    /* an unknown force spelling is named */
    expect_rejected("b.csv", HDR ID64 ",2025-07,Kent Polise,Kent Police,1,51,x,E,y,Burglary,,\n", "b.csv:2: field \"Reported by\"");
    expect_rejected("b2.csv", HDR ID64 ",2025-07,Kent Polise,Kent Police,1,51,x,E,y,Burglary,,\n", "found \"Kent Polise\"");
    /* an unknown crime type */
    expect_rejected("c.csv", HDR ID64 ",2025-07,Kent Police,Kent Police,1,51,x,E,y,Burglery,,\n", "c.csv:2: field \"Crime type\"");
    /* a missing field */
    expect_rejected("d.csv", HDR ID64 ",2025-07,Kent Police,Kent Police,1,51,x,E,y,Burglary,\n", "d.csv:2: expected 12 fields");
    /* a bad coordinate */
    expect_rejected("e.csv", HDR ID64 ",2025-07,Kent Police,Kent Police,1x,51,x,E,y,Burglary,,\n", "e.csv:2: field \"Longitude\"");
    /* a row for another month than the file name says */
    expect_rejected("2025-08-kent-street.csv", HDR ID64 ",2025-07,Kent Police,Kent Police,1,51,x,E,y,Burglary,,\n", "the month named in the file name");
    /* a file that is not police.uk data */
    expect_rejected("f.csv", "name,value\nx,1\n", "not a data.police.uk street, outcomes or stop-and-search file");
    /* an unterminated quote */
    expect_rejected("g.csv", HDR ID64 ",2025-07,Kent Police,Kent Police,1,51,\"x,E,y,Burglary,,\n", "g.csv:2: a quoted field is not closed");
}

static void test_same_month_twice(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = fresh_db(dir);
    char *paths[2] = {write_file(dir, "one.csv", street_ok), write_file(dir, "two.csv", street_ok)};
    Buf err = {0};
    assert_false(run(db, import_police_uk, paths, 2, &err));
    assert_non_null(strstr(buf_cstr(&err), "two.csv"));
    assert_non_null(strstr(buf_cstr(&err), "one.csv already supplied"));
    assert_int_equal(fingerprint(db), 0);
    buf_free(&err);
    db_close(db);
    free(paths[0]);
    free(paths[1]);
    free(dir);
}

static void test_zip(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = fresh_db(dir);
    char zpath[4096];
    snprintf(zpath, sizeof zpath, "%s/archive.zip", dir);
    int zerr;
    zip_t *z = zip_open(zpath, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    assert_non_null(z);
    zip_source_t *src = zip_source_buffer(z, street_ok, strlen(street_ok), 0);
    assert_true(zip_file_add(z, "2025-07/2025-07-northamptonshire-street.csv", src, 0) >= 0);
    zip_source_t *readme = zip_source_buffer(z, "not data", 8, 0);
    assert_true(zip_file_add(z, "README.txt", readme, 0) >= 0);
    assert_int_equal(zip_close(z), 0);
    char *p = zpath;
    Buf err = {0};
    if (!run(db, import_police_uk, &p, 1, &err)) fail_msg("%s", buf_cstr(&err));
    assert_int_equal(street_n(db, "Burglary"), 2);
    sqlite3_stmt *st = db_prepare(db, "SELECT member FROM import_file");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal(db_text(st, 0), "2025-07/2025-07-northamptonshire-street.csv");
    sqlite3_finalize(st);
    buf_free(&err);
    db_close(db);
    free(dir);
}

#define HO_HDR "FY,Financial Quarter,Force,Offence Description,Group,Offence Subgroup,Offence Code,n,territorial\n"

static void test_home_office(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = fresh_db(dir);
    char *f = write_file(dir, "ho.csv",
                         HO_HDR "2025/26,3,\"London, City of\",\"Public fear, alarm or distress\",Public order offences,Public order offences,9A,12,true\n"
                                "2025/26,3,Devon and Cornwall,Shoplifting,Theft offences,Shoplifting,46,500,true\n"
                                "2025/26,3,Action Fraud,Fraud offences recorded by Action Fraud,Fraud offences,Fraud: Action Fraud,AF,9000,false\n"
                                "2025/26,3,Devon and Cornwall,Theft from the person,Theft offences,Theft from the person,39,-2,true\n");
    Buf err = {0};
    if (!run(db, import_home_office_crime, &f, 1, &err)) fail_msg("%s", buf_cstr(&err));
    sqlite3_stmt *st = db_prepare(db, "SELECT f.code, g.n FROM ho_crime_group g JOIN force f ON f.id=g.force_id WHERE g.fyq=20253 ORDER BY f.code, g.subgroup");
    const char *want[][2] = {{"action-fraud", "9000"}, {"city-of-london", "12"}, {"devon-and-cornwall", "500"}, {"devon-and-cornwall", "-2"}};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal(db_text(st, 0), want[i][0]);
        assert_string_equal(db_text(st, 1), want[i][1]);
    }
    sqlite3_finalize(st);
    long long before = fingerprint(db);
    /* a territorial flag that disagrees with the reference */
    char *bad = write_file(dir, "bad.csv", HO_HDR "2025/26,3,Kent,Shoplifting,Theft offences,Shoplifting,46,5,false\n");
    assert_false(run(db, import_home_office_crime, &bad, 1, &err));
    assert_non_null(strstr(buf_cstr(&err), "bad.csv:2: field \"territorial\""));
    free(bad);
    /* the same offence code twice for a force-quarter */
    bad = write_file(dir, "dup.csv", HO_HDR "2025/26,3,Kent,Shoplifting,Theft offences,Shoplifting,46,5,true\n2025/26,3,Kent,Shoplifting,Theft offences,Shoplifting,46,6,true\n");
    assert_false(run(db, import_home_office_crime, &bad, 1, &err));
    assert_non_null(strstr(buf_cstr(&err), "dup.csv:3: a second row for Kent"));
    free(bad);
    /* a bad financial year */
    bad = write_file(dir, "fy.csv", HO_HDR "2025/27,3,Kent,Shoplifting,Theft offences,Shoplifting,46,5,true\n");
    assert_false(run(db, import_home_office_crime, &bad, 1, &err));
    assert_non_null(strstr(buf_cstr(&err), "fy.csv:2: field \"FY\": expected a financial year like 2025/26, found \"2025/27\""));
    free(bad);
    assert_int_equal(fingerprint(db), before);
    /* re-import replaces the force-quarter: Devon and Cornwall now 7 */
    char *again = write_file(dir, "again.csv", HO_HDR "2025/26,3,Devon & Cornwall,Shoplifting,Theft offences,Shoplifting,46,7,true\n");
    assert_true(run(db, import_home_office_crime, &again, 1, &err));
    st = db_prepare(db, "SELECT sum(n), count(*) FROM ho_crime h JOIN force f ON f.id=h.force_id WHERE f.code='devon-and-cornwall'");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 7);
    assert_int_equal(sqlite3_column_int(st, 1), 1);
    sqlite3_finalize(st);
    free(again);
    buf_free(&err);
    db_close(db);
    free(f);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_street_counts_and_replace), cmocka_unit_test(test_rejects), cmocka_unit_test(test_same_month_twice),
        cmocka_unit_test(test_zip), cmocka_unit_test(test_home_office),
    };
    return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
