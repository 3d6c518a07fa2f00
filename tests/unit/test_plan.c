/*
 * test_plan.c: the Plan's due dates as the work plan writes them (seed 000:
 * "Mar-18", "TBC", "Ongoing", "On going", "New plan for Oct 17", empty) and
 * as users type them, normalised or refused with what was expected; dates
 * of reviews and responses; statuses, RAG and markings.
 */
#include "helpers.h"

#include "plan.h"

static void due_ok(const char *in, const char *want, int want_month)
{
    char out[128];
    int m = -1;
    const char *why = "unset";
    bool ok = plan_parse_due(in, strlen(in), out, sizeof out, &m, &why);
    if (!ok) fail_msg("\"%s\" refused: %s", in, why);
    assert_string_equal(out, want);
    assert_int_equal(m, want_month);
    assert_null(why);
}

static void due_bad(const char *in)
{
    char out[128];
    int m;
    const char *why = NULL;
    if (plan_parse_due(in, strlen(in), out, sizeof out, &m, &why)) fail_msg("\"%s\" accepted as \"%s\"", in, out);
    assert_non_null(why);
}

static void test_due_seed_values(void **state)
{
    (void)state;
    due_ok("Mar-18", "2018-03", 201803);
    due_ok("Sep-17", "2017-09", 201709);
    due_ok("Mar-22", "2022-03", 202203);
    due_ok("TBC", "TBC", 0);
    due_ok("Ongoing", "Ongoing", 0);
    due_ok("On going", "Ongoing", 0);
    due_ok("New plan for Oct 17", "New plan for Oct 17", 201710);
    due_ok("", "", 0);
    due_ok("  Jun-17 ", "2017-06", 201706);
}

static void test_due_typed(void **state)
{
    (void)state;
    due_ok("2026-03", "2026-03", 202603);
    due_ok("March 2019", "2019-03", 201903);
    due_ok("Sept-19", "2019-09", 201909);
    due_ok("tbc", "TBC", 0);
    due_ok("ONGOING", "Ongoing", 0);
    due_ok("by Jun 18 at the latest", "by Jun 18 at the latest", 201806);
    due_ok("May be later", "May be later", 0);
    due_ok("After the election", "After the election", 0);
    due_bad("Abc-18");
    due_bad("Mar-2x");
    due_bad("2026-13");
    due_bad("2026-00");
    due_bad("line\nbreak");
    char longer[200];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = 0;
    due_bad(longer);
}

static void test_dates_and_values(void **state)
{
    (void)state;
    assert_true(plan_date_valid("2021-07-08"));
    assert_true(plan_date_valid("2024-02-29"));
    assert_false(plan_date_valid("2026-02-29"));
    assert_false(plan_date_valid("2026-02-31"));
    assert_false(plan_date_valid("2026-2-3"));
    assert_false(plan_date_valid("8 July 2021"));
    assert_true(plan_status_valid("in progress"));
    assert_false(plan_status_valid("done"));
    assert_true(plan_rag_valid(""));
    assert_true(plan_rag_valid("A"));
    assert_false(plan_rag_valid("Amber"));
    assert_true(plan_marking_valid("OFFICIAL-SENSITIVE"));
    assert_false(plan_marking_valid("SECRET"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_due_seed_values),
        cmocka_unit_test(test_due_typed),
        cmocka_unit_test(test_dates_and_values),
    };
    return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
