/*
 * test_csv.c: the CSV reader against the quirks real files bring: a byte
 * order mark, CRLF, quoted fields with commas, doubled quotes and line
 * breaks, blank lines, records across buffer refills, and malformed input.
 */
#include "helpers.h"

#include "csv.h"
#include "util.h"

/* A read callback that hands out at most `chunk` bytes per call, to force
 * records across refills. */
typedef struct Slow {
    const char *p;
    size_t left, chunk;
} Slow;

static ssize_t slow_read(void *ctx, void *buf, size_t n)
{
    Slow *s = ctx;
    if (n > s->chunk) n = s->chunk;
    if (n > s->left) n = s->left;
    memcpy(buf, s->p, n);
    s->p += n;
    s->left -= n;
    return (ssize_t)n;
}

/* Parses text and renders every record as "a|b|c\n" into out. Returns the
 * last csv_next() result (0 at a clean end, -1 on error). */
static int parse_all(const char *text, size_t chunk, Buf *out, CsvReader *keep)
{
    Slow s = {text, strlen(text), chunk};
    CsvReader r;
    csv_open(&r, slow_read, &s);
    int rc;
    while ((rc = csv_next(&r)) == 1) {
        buf_printf(out, "%ld:", r.record_line);
        for (int i = 0; i < r.nfields; i++) {
            if (i) buf_putc(out, '|');
            buf_append(out, r.f[i].s, r.f[i].len);
        }
        buf_putc(out, '\n');
    }
    if (keep) *keep = r;
    else csv_close(&r);
    return rc;
}

static void check(const char *text, const char *expect)
{
    size_t chunks[] = {1, 2, 3, 7, 4096};
    for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        Buf out = {0};
        assert_int_equal(parse_all(text, chunks[i], &out, NULL), 0);
        assert_string_equal(buf_cstr(&out), expect);
        buf_free(&out);
    }
}

static void test_plain(void **state)
{
    (void)state;
    check("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n");
    check("a,b,c\n1,2,3", "1:a|b|c\n2:1|2|3\n");   /* no final newline */
    check("a,,c\n,,\n", "1:a||c\n2:||\n");           /* empty fields */
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    check("\xEF\xBB\xBF" "Crime ID,Month\r\nx,2025-07\r\n", "1:Crime ID|Month\n2:x|2025-07\n");
}

static void test_quoted(void **state)
{
    (void)state;
    /* a comma inside quotes, as in "Bournemouth, Christchurch and Poole 019C" */
    check("a,\"Bournemouth, Christchurch and Poole 019C\",c\n", "1:a|Bournemouth, Christchurch and Poole 019C|c\n");
    /* doubled quotes */
    check("\"say \"\"hi\"\"\",x\n", "1:say \"hi\"|x\n");
    /* a line break inside quotes: the next record starts on line 3 */
    check("\"two\nlines\",x\nnext,y\n", "1:two\nlines|x\n3:next|y\n");
    /* quoted with CRLF */
    check("\"a\",\"b\"\r\n\"c\",\"\"\r\n", "1:a|b\n2:c|\n");
    /* a quoted last field followed by nothing */
    check("x,\"y\"", "1:x|y\n");
}

static void test_blank_lines(void **state)
{
    (void)state;
    check("a\n\n\nb\n", "1:a\n4:b\n");
    check("a\r\n\r\nb\r\n", "1:a\n3:b\n");
}

static void test_errors(void **state)
{
    (void)state;
    Buf out = {0};
    CsvReader r;
    assert_int_equal(parse_all("a,b\nc,\"unterminated\n", 4096, &out, &r), -1);
    assert_int_equal(r.record_line, 2);
    assert_non_null(strstr(r.err, "not closed"));
    csv_close(&r);
    buf_reset(&out);
    assert_int_equal(parse_all("a,\"b\"x,c\n", 4096, &out, &r), -1);
    assert_non_null(strstr(r.err, "after a closing quote"));
    csv_close(&r);
    buf_reset(&out);
    assert_int_equal(parse_all("a,b\"c\",d\nx,\"y\"\n", 4096, &out, &r), -1);
    assert_non_null(strstr(r.err, "quote inside unquoted field"));
    csv_close(&r);
    buf_free(&out);
}

static void test_long_record(void **state)
{
    (void)state;
    /* a record longer than the initial buffer is read whole */
    size_t n = 3u << 20;
    char *text = malloc(n + 16);
    memset(text, 'x', n);
    memcpy(text + n, ",end\n", 6);
    Buf out = {0};
    assert_int_equal(parse_all(text, 1 << 20, &out, NULL), 0);
    assert_int_equal(out.len, 2 + n + 5);
    free(text);
    buf_free(&out);
}

static void test_utf8(void **state)
{
    (void)state;
    assert_true(utf8_valid("caf\xC3\xA9", 5));
    assert_true(utf8_valid("\xE2\x82\xAC", 3));
    assert_false(utf8_valid("\xC3", 1));         /* truncated */
    assert_false(utf8_valid("\xC0\xAF", 2));     /* overlong */
    assert_false(utf8_valid("\xED\xA0\x80", 3)); /* surrogate */
    assert_false(utf8_valid("\xFF", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),       cmocka_unit_test(test_bom_and_crlf), cmocka_unit_test(test_quoted),
        cmocka_unit_test(test_blank_lines), cmocka_unit_test(test_errors),       cmocka_unit_test(test_long_record),
        cmocka_unit_test(test_utf8),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
