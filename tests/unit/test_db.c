/*
 * test_db.c: the store: each migration from the version before it keeps
 * the data, a database newer than the program is refused, the forces
 * reference resolves every spelling the sources use, and the populations
 * are the ONS mid-2024 figures. Migration 6 -> 7 links the agenda items
 * made from follow-ups to their follow-up, through the audited update.
 */
#include "helpers.h"

#include "audit.h"
#include "db.h"
#include "forces.h"

static const char *db_path(const char *dir)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/d.db", dir);
    return path;
}

/* Opens a database migrated only to `version`. */
static sqlite3 *open_at(const char *path, int version)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char err[256];
    assert_true(db_migrate_to(db, version, err, sizeof err));
    return db;
}

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *st = db_prepare(db, "PRAGMA user_version");
    int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

/* Migration 1 -> 2 keeps settings, users, peers and forces. */
static void test_migration_1_to_2(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = open_at(db_path(dir), 1);
    assert_int_equal(user_version(db), 1);
    db_setting_set(db, "office_force", "kent");
    db_exec(db, "INSERT INTO user(login,role,pw_hash,created_at) VALUES('ann','viewer','x','2026-01-01')");
    db_exec(db, "INSERT INTO peer SELECT a.id, b.id FROM force a, force b WHERE a.code='kent' AND b.code='essex'");
    sqlite3_close(db);
    db = db_open(db_path(dir), false);
    assert_int_equal(user_version(db), db_schema_version());
    Arena a = {0};
    assert_string_equal(db_setting(db, "office_force", "", &a), "kent");
    arena_free(&a);
    sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT count(*) FROM user WHERE login='ann'), (SELECT count(*) FROM peer), (SELECT count(*) FROM crime_type)");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    assert_int_equal(sqlite3_column_int(st, 1), 1);
    assert_int_equal(sqlite3_column_int(st, 2), 16);
    sqlite3_finalize(st);
    db_close(db);
    /* opening again is a no-op */
    db = db_open(db_path(dir), false);
    assert_int_equal(user_version(db), db_schema_version());
    db_close(db);
    free(dir);
}

/* Migration 0 -> 1 on an empty file creates the reference. */
static void test_migration_0_to_1(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = open_at(db_path(dir), 1);
    sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM force WHERE kind='territorial'");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 43);
    sqlite3_finalize(st);
    sqlite3_close(db);
    free(dir);
}

/* One integer from a query. */
static long long one_int(sqlite3_stmt *st)
{
    long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

/* Migration 6 -> 7: agenda_item.follow_up_id, filled for items made from a
 * follow-up before it (matched by their words this once), the trail
 * recording the link and still verifying. */
static void test_migration_6_to_7(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = open_at(db_path(dir), 6);
    audit_register(db); /* the triggers of 006 call assure's functions */
    db_exec(db, "PRAGMA foreign_keys=ON");
    db_exec(db, "INSERT INTO meeting(id, held_on, status) VALUES (1, '2026-01-13', 'minutes published'), (2, '2026-02-17', 'agenda set')");
    db_exec(db, "INSERT INTO agenda_item(id, meeting_id, position, subject, matter) VALUES (10, 1, 1, 'Response times', 'Slow'), (11, 1, 2, 'Custody', 'Cells')");
    db_exec(db, "INSERT INTO follow_up(id, item_id, request, owner, due) VALUES (5, 10, 'A recovery plan', 'ACC', '2026-02-01'), (6, 11, 'A custody audit', 'Head of Custody', '2026-02-01')");
    db_exec(db, "INSERT INTO agenda_item(id, meeting_id, position, subject, matter, origin) VALUES"
                " (20, 2, 1, 'Follow-up: Response times', 'A recovery plan', 'follow-up'),"
                " (21, 2, 2, 'Follow-up: Custody', 'A custody audit, reworded', 'follow-up'),"
                " (22, 2, 3, 'Stop and search', 'A recovery plan', 'office')");
    sqlite3_close(db);

    db = db_open(db_path(dir), false);
    assert_int_equal(user_version(db), db_schema_version());
    assert_true(db_schema_version() >= 7);
    assert_int_equal(one_int(db_prepare(db, "SELECT follow_up_id FROM agenda_item WHERE id=20")), 5);
    /* reworded before the migration: left unlinked; an office item is never a follow-up's */
    assert_int_equal(one_int(db_prepare(db, "SELECT count(*) FROM agenda_item WHERE id IN (21, 22) AND follow_up_id IS NULL")), 2);
    assert_int_equal(one_int(db_prepare(db, "SELECT count(*) FROM audit WHERE tbl='agenda_item' AND row_id=20 AND action='update'"
                                                " AND json_extract(before, '$.follow_up_id') IS NULL AND json_extract(after, '$.follow_up_id')=5")), 1);
    /* new rows carry the column in the trail */
    db_exec(db, "UPDATE agenda_item SET follow_up_id=6 WHERE id=21");
    assert_int_equal(one_int(db_prepare(db, "SELECT json_extract(after, '$.follow_up_id') FROM audit WHERE tbl='agenda_item' AND row_id=21 ORDER BY id DESC LIMIT 1")), 6);
    /* deleting the follow-up's meeting unlinks the later item */
    db_exec(db, "DELETE FROM meeting WHERE id=1");
    assert_int_equal(one_int(db_prepare(db, "SELECT count(*) FROM agenda_item WHERE id IN (20, 21) AND follow_up_id IS NULL")), 2);
    long long n = 0;
    Buf report = {0};
    assert_true(audit_verify(db, &n, &report));
    buf_free(&report);
    db_close(db);
    free(dir);
}

/* 008: a user's password time starts at their creation; a later reset
 * enters the trail as that time, never the hash. */
static void test_migration_7_to_8(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db;
    assert_int_equal(sqlite3_open(db_path(dir), &db), SQLITE_OK);
    audit_register(db); /* 007's backfill is audited: the triggers call assure's functions */
    char err[256];
    assert_true(db_migrate_to(db, 7, err, sizeof err));
    db_exec(db, "INSERT INTO user(id, login, role, pw_hash, created_at) VALUES (1, 'ann', 'officer', '$argon2id$x', '2026-01-02T10:00:00Z')");
    sqlite3_close(db);

    db = db_open(db_path(dir), false);
    assert_int_equal(user_version(db), db_schema_version());
    assert_int_equal(one_int(db_prepare(db, "SELECT pw_changed_at = created_at FROM user WHERE id=1")), 1);
    db_exec(db, "UPDATE user SET pw_hash='$argon2id$y', pw_changed_at='2026-03-04T09:00:00Z' WHERE id=1");
    assert_int_equal(one_int(db_prepare(db, "SELECT count(*) FROM audit WHERE tbl='user' AND row_id=1 AND action='update'"
                                                " AND json_extract(after, '$.pw_changed_at')='2026-03-04T09:00:00Z' AND instr(after, 'argon')=0")), 1);
    long long n = 0;
    Buf report = {0};
    assert_true(audit_verify(db, &n, &report));
    buf_free(&report);
    db_close(db);
    free(dir);
}

static void test_newer_database_refused(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = db_open(db_path(dir), true);
    db_exec(db, "PRAGMA user_version=999");
    db_close(db);
    char err[512];
    assert_null(db_try_open(db_path(dir), false, err, sizeof err));
    assert_non_null(strstr(err, "newer than this program"));
    assert_null(db_try_open("/nonexistent/x.db", false, err, sizeof err));
    assert_non_null(strstr(err, "cannot open database"));
    free(dir);
}

static void test_spellings(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    sqlite3 *db = db_open(db_path(dir), true);
    /* every spelling the sources use, and the force it means */
    static const char *const cases[][2] = {
        {"Avon and Somerset Constabulary", "avon-and-somerset"}, {"avon-and-somerset", "avon-and-somerset"},
        {"Avon and Somerset", "avon-and-somerset"}, {"Avon & Somerset", "avon-and-somerset"},
        {"London, City of", "city-of-london"}, {"City of London Police", "city-of-london"}, {"city-of-london", "city-of-london"},
        {"Metropolitan Police", "metropolitan"}, {"Metropolitan Police Service", "metropolitan"}, {"metropolitan", "metropolitan"},
        {"Devon & Cornwall", "devon-and-cornwall"}, {"Devon and Cornwall", "devon-and-cornwall"}, {"Devon & Cornwall Police", "devon-and-cornwall"},
        {"Police Service of Northern Ireland", "northern-ireland"}, {"northern-ireland", "northern-ireland"},
        {"British Transport Police", "btp"}, {"btp", "btp"}, {"Hampshire Constabulary", "hampshire"},
        {"Action Fraud", "action-fraud"}, {"CIFAS", "cifas"}, {"Cifas", "cifas"}, {"UK Finance", "uk-finance"},
        {"Financial Fraud Action UK", "uk-finance"}, {"Dyfed-Powys Police", "dyfed-powys"}, {"NORTHAMPTONSHIRE POLICE", "northamptonshire"},
    };
    ForceList fl;
    forces_list(db, &fl);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int id = forces_lookup(db, cases[i][0], strlen(cases[i][0]));
        const Force *f = forces_get(&fl, id);
        if (!f) fail_msg("no force for \"%s\"", cases[i][0]);
        assert_string_equal(f->code, cases[i][1]);
    }
    assert_int_equal(forces_lookup(db, "Kent Polise", 11), 0);
    assert_int_equal(forces_lookup(db, "", 0), 0);
    /* peers: at most 7, territorial, not itself, no repeats */
    char err[256];
    int kent = forces_lookup(db, "kent", 4), essex = forces_lookup(db, "essex", 5), btp = forces_lookup(db, "btp", 3);
    int self[1] = {kent};
    assert_false(forces_set_peers(db, kent, self, 1, err, sizeof err));
    assert_non_null(strstr(err, "own peer"));
    int twice[2] = {essex, essex};
    assert_false(forces_set_peers(db, kent, twice, 2, err, sizeof err));
    int nonterr[1] = {btp};
    assert_false(forces_set_peers(db, kent, nonterr, 1, err, sizeof err));
    int eight[8];
    for (int i = 0; i < 8; i++) eight[i] = fl.f[i].id;
    assert_false(forces_set_peers(db, kent, eight, 8, err, sizeof err));
    assert_non_null(strstr(err, "at most 7"));
    db_close(db);
    free(dir);
}

/* The embedded populations equal the ONS file in ../shared, when present. */
static void test_populations(void **state)
{
    (void)state;
    const char *shared = getenv("SHARED");
    char path[4096];
    snprintf(path, sizeof path, "%s/data/ons/pfa-population-mid-2024.csv", shared && *shared ? shared : "../shared");
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("# skip: %s is absent\n", path);
        skip();
    }
    char *dir = tmpdir_new();
    sqlite3 *db = db_open(db_path(dir), true);
    ForceList fl;
    forces_list(db, &fl);
    char line[512];
    int n = 0;
    assert_non_null(fgets(line, sizeof line, f)); /* header */
    while (fgets(line, sizeof line, f)) {
        char *last = strrchr(line, ',');
        assert_non_null(last);
        long long pop = atoll(last + 1);
        *last = 0;
        char *name = strchr(line, ',') + 1;
        if (*name == '"') {
            name++;
            name[strlen(name) - 1] = 0;
        }
        const Force *force = forces_get(&fl, forces_lookup(db, name, strlen(name)));
        if (!force) fail_msg("ONS name \"%s\" is unknown", name);
        assert_int_equal(force->population, pop);
        n++;
    }
    fclose(f);
    assert_int_equal(n, 43);
    db_close(db);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_migration_0_to_1), cmocka_unit_test(test_migration_1_to_2), cmocka_unit_test(test_migration_6_to_7), cmocka_unit_test(test_migration_7_to_8),
        cmocka_unit_test(test_newer_database_refused),
        cmocka_unit_test(test_spellings), cmocka_unit_test(test_populations),
    };
    return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
