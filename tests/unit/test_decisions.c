/*
 * test_decisions.c: the decision records' rules (decisions.c): values in
 * pounds to pence and back, dates, financial years.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "decisions.h"

/* Parses s, expecting a value of `want` pence (-1: none, -2: refused). */
static void value_is(const char *s, long long want)
{
    bool has = true;
    long long pence = -9;
    bool ok = decision_parse_value(s, &has, &pence);
    if (want == -2) {
        if (ok) fail_msg("\"%s\" should be refused, got %lld", s, pence);
        return;
    }
    if (!ok) fail_msg("\"%s\" should parse", s);
    if (want == -1) {
        if (has) fail_msg("\"%s\" should be no value, got %lld", s, pence);
    } else if (!has || pence != want) {
        fail_msg("\"%s\": got %lld, expected %lld", s, has ? pence : -1, want);
    }
}

static void test_values(void **state)
{
    (void)state;
    value_is("\xC2\xA3" "1,234.56", 123456);
    value_is("1234.56", 123456);
    value_is("1234", 123400);
    value_is("1234.5", 123450);
    value_is(" \xC2\xA3 12,345,678 ", 1234567800);
    value_is("0", 0);
    value_is("0.07", 7);
    value_is("", -1);
    value_is("   ", -1);
    value_is(NULL, -1);
    value_is("12,34", -2);     /* a comma not between thousands */
    value_is("1,2345", -2);
    value_is(",123", -2);
    value_is("1234,", -2);
    value_is("1.234", -2);     /* three decimals */
    value_is("1.", -2);
    value_is(".5", -2);
    value_is("-5", -2);
    value_is("\xC2\xA3", -2);
    value_is("1e3", -2);
    value_is("12 34", -2);
    value_is("$12", -2);
    value_is("10000000000.00", 1000000000000LL);
    value_is("10000000000.01", -2); /* above the limit */
    value_is("99999999999999999999999", -2);
}

static void test_format(void **state)
{
    (void)state;
    char out[48];
    decision_format_value(out, sizeof out, true, 1234567);
    assert_string_equal(out, "\xC2\xA3" "12,345.67");
    decision_format_value(out, sizeof out, true, 5);
    assert_string_equal(out, "\xC2\xA3" "0.05");
    decision_format_value(out, sizeof out, false, 0);
    assert_string_equal(out, "none");
    decision_format_date(out, sizeof out, "2025-05-06");
    assert_string_equal(out, "6 May 2025");
}

static void test_dates_and_years(void **state)
{
    (void)state;
    assert_true(decision_valid_date("2024-02-29"));
    assert_false(decision_valid_date("2025-02-29"));
    assert_false(decision_valid_date("2026-02-30"));
    assert_false(decision_valid_date("2025-13-01"));
    assert_false(decision_valid_date("2025-1-01"));
    assert_false(decision_valid_date("25-01-2025"));
    assert_false(decision_valid_date(""));
    assert_int_equal(decision_fy_of("2025-03-31"), 2024);
    assert_int_equal(decision_fy_of("2025-04-01"), 2025);
    assert_int_equal(decision_fy_of("bad"), 0);
    assert_int_equal(decision_fy_parse("2025/26"), 2025);
    assert_int_equal(decision_fy_parse("1999/00"), 1999);
    assert_int_equal(decision_fy_parse("2025/27"), 0);
    assert_int_equal(decision_fy_parse("2025"), 0);
    char fy[16];
    decision_fy_format(fy, sizeof fy, 1999);
    assert_string_equal(fy, "1999/00");
    char today[11];
    decision_today(today);
    assert_true(decision_valid_date(today));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_dates_and_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
