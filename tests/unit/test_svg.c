/*
 * test_svg.c: the chart builders (svg.c) on fixed data.
 *
 * Golden checks on coordinates and ticks, escaping of hostile labels, gaps,
 * empty and flat data, and a small checker that every chart is well-formed
 * XML (balanced tags, quoted attributes, only known entities) with no
 * script and no style attribute.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "svg.h"

#define HOSTILE "<script>&\"'"
#define HOSTILE_ESC "&lt;script&gt;&amp;&quot;&#39;"

/* Counts the occurrences of needle in hay. */
static int count(const char *hay, const char *needle)
{
    int n = 0;
    size_t len = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + len, needle)) n++;
    return n;
}

/* Copies the text of the k-th (0-based) element starting with `open` (e.g.
 * "<text class=\"label tick\"") up to the next '<' into out. Returns false
 * when there is no such element. */
static bool nth_text(const char *svg, const char *open, int k, char *out, size_t outlen)
{
    const char *p = svg;
    for (int i = 0; i <= k; i++) {
        p = strstr(p, open);
        if (!p) return false;
        p += strlen(open);
    }
    p = strchr(p, '>');
    if (!p) return false;
    p++;
    const char *e = strchr(p, '<');
    if (!e) return false;
    snprintf(out, outlen, "%.*s", (int)(e - p), p);
    return true;
}

/* Copies the value of attribute `name` of the first element starting with
 * `open` into out; false when missing. */
static bool attr_of(const char *svg, const char *open, const char *name, char *out, size_t outlen)
{
    const char *p = strstr(svg, open);
    if (!p) return false;
    const char *end = strchr(p, '>');
    char key[64];
    snprintf(key, sizeof key, " %s=\"", name);
    const char *a = strstr(p, key);
    if (!a || a > end) return false;
    a += strlen(key);
    const char *q = strchr(a, '"');
    snprintf(out, outlen, "%.*s", (int)(q - a), a);
    return true;
}

/* Fails when s holds a printed non-finite number ("nan", "-nan", "inf")
 * where numbers go: after a quote, comma, minus, path command or '>', and
 * not followed by a letter. */
static void assert_no_nonfinite(const char *s)
{
    static const char *words[] = {"nan", "inf"};
    for (int w = 0; w < 2; w++)
        for (const char *p = strstr(s, words[w]); p; p = strstr(p + 1, words[w])) {
            char before = p > s ? p[-1] : '"', after = p[3];
            bool numeric_place = strchr("\",-ML>(", before) != NULL;
            bool word_ends = !((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z'));
            if (numeric_place && word_ends) fail_msg("non-finite number at offset %d: %.20s", (int)(p - s), p - 1);
        }
}

/* A small XML well-formedness check: tags balance, names match, attribute
 * values are quoted, '&' only starts a known entity, no '<' or '>' in text
 * or attribute values. Also refuses scripts, style attributes and the
 * printed forms of non-finite numbers. Fails the test with the position. */
static void assert_well_formed(const char *s)
{
    const char *stack[64];
    size_t lens[64];
    int depth = 0, roots = 0;
    const char *p = s;
    assert_null(strstr(s, "<script"));
    assert_null(strstr(s, "style="));
    assert_no_nonfinite(s);
    while (*p) {
        if (*p == '&') {
            static const char *ents[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
            bool ok = false;
            for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++)
                if (strncmp(p, ents[i], strlen(ents[i])) == 0) ok = true;
            if (!ok) fail_msg("bad entity at offset %d: %.20s", (int)(p - s), p);
            p++;
            continue;
        }
        if (*p == '>') fail_msg("stray '>' at offset %d", (int)(p - s));
        if (*p != '<') {
            if (depth == 0 && *p != '\n') fail_msg("text outside the root at offset %d", (int)(p - s));
            p++;
            continue;
        }
        bool closing = p[1] == '/';
        const char *name = p + (closing ? 2 : 1);
        size_t nlen = strcspn(name, " />");
        assert_true(nlen > 0);
        const char *q = name + nlen;
        if (closing) {
            if (*q != '>') fail_msg("bad closing tag at offset %d", (int)(p - s));
            if (depth == 0 || lens[depth - 1] != nlen || strncmp(stack[depth - 1], name, nlen) != 0)
                fail_msg("unbalanced </%.*s> at offset %d", (int)nlen, name, (int)(p - s));
            depth--;
            p = q + 1;
            continue;
        }
        /* attributes: name="value" */
        for (;;) {
            while (*q == ' ') q++;
            if (*q == '>' || (q[0] == '/' && q[1] == '>')) break;
            size_t alen = strcspn(q, "=\"<> ");
            if (alen == 0 || q[alen] != '=' || q[alen + 1] != '"')
                fail_msg("unquoted attribute at offset %d: %.30s", (int)(q - s), q);
            q += alen + 2;
            const char *e = strchr(q, '"');
            assert_non_null(e);
            for (const char *c = q; c < e; c++) {
                if (*c == '<' || *c == '>') fail_msg("raw %c in attribute at offset %d", *c, (int)(c - s));
                if (*c == '&') {
                    static const char *ents[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
                    bool ok = false;
                    for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++)
                        if (strncmp(c, ents[i], strlen(ents[i])) == 0) ok = true;
                    if (!ok) fail_msg("bad entity in attribute at offset %d", (int)(c - s));
                }
            }
            q = e + 1;
        }
        if (*q == '/') {
            if (depth == 0) roots++;
            p = q + 2;
            continue;
        }
        if (depth == 0) roots++;
        assert_true(depth < 64);
        stack[depth] = name;
        lens[depth] = nlen;
        depth++;
        p = q + 1;
    }
    assert_int_equal(depth, 0);
    assert_int_equal(roots, 1);
    assert_true(strncmp(s, "<svg ", 5) == 0);
}

/* Checks the attributes every chart must carry. */
static void assert_chart_root(const char *s, const char *w, const char *h)
{
    char v[256], vb[64];
    assert_true(attr_of(s, "<svg", "class", v, sizeof v));
    assert_string_equal(v, "chart");
    assert_true(attr_of(s, "<svg", "role", v, sizeof v));
    assert_string_equal(v, "img");
    assert_true(attr_of(s, "<svg", "aria-label", v, sizeof v));
    assert_true(strlen(v) > 0);
    assert_true(attr_of(s, "<svg", "width", v, sizeof v));
    assert_string_equal(v, w);
    assert_true(attr_of(s, "<svg", "height", v, sizeof v));
    assert_string_equal(v, h);
    snprintf(vb, sizeof vb, "0 0 %s %s", w, h);
    assert_true(attr_of(s, "<svg", "viewBox", v, sizeof v));
    assert_string_equal(v, vb);
    assert_non_null(strstr(s, "<title>"));
}

static const char *const months5[] = {"Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025", "May 2025"};

/* Fixed data 100, 400, 900, 1200 with a gap at the third point: ticks 0,
 * 500, 1,000, 1,500; plot x 47..610 (the labels "1,500" are 5 x 6.6 wide,
 * plus 14), y 24..230. */
static void test_line_golden(void **state)
{
    (void)state;
    double y[] = {100, 400, NAN, 900, 1200};
    SvgSeries s = {"All crime", y, 5, NULL};
    SvgLineChart c = {.title = "Recorded crime", .xlabels = months5, .n = 5, .series = &s, .nseries = 1, .yunit = "crimes"};
    Buf b = {0};
    svg_line_chart(&b, &c);
    const char *o = buf_cstr(&b);
    assert_well_formed(o);
    assert_chart_root(o, "640", "260");

    assert_int_equal(count(o, "<text class=\"label tick\""), 4);
    const char *want[] = {"0", "500", "1,000", "1,500"};
    for (int k = 0; k < 4; k++) {
        char t[32];
        assert_true(nth_text(o, "<text class=\"label tick\"", k, t, sizeof t));
        assert_string_equal(t, want[k]);
    }
    char d[256];
    assert_true(attr_of(o, "<path class=\"series\"", "d", d, sizeof d));
    assert_string_equal(d, "M47.0,216.3L187.8,175.1M469.2,106.4L610.0,65.2");
    /* the marker sits on the last value */
    char cx[32], cy[32];
    assert_true(attr_of(o, "<circle class=\"series marker\"", "cx", cx, sizeof cx));
    assert_true(attr_of(o, "<circle class=\"series marker\"", "cy", cy, sizeof cy));
    assert_string_equal(cx, "610.0");
    assert_string_equal(cy, "65.2");
    /* all five x labels fit; one series, so no legend; the unit is shown */
    assert_int_equal(count(o, "text-anchor=\"middle\">"), 5);
    assert_null(strstr(o, "class=\"legend\""));
    assert_non_null(strstr(o, ">crimes</text>"));
    assert_non_null(strstr(o, "<desc>Latest: All crime 1,200 crimes (May 2025)</desc>"));
    buf_free(&b);
}

/* The same chart twice gives the same bytes. */
static void test_line_deterministic(void **state)
{
    (void)state;
    double y[] = {3.5, 2.25, 7, 1};
    SvgSeries s = {"x", y, 4, NULL};
    SvgLineChart c = {.title = "t", .n = 4, .series = &s, .nseries = 1};
    Buf a = {0}, b = {0};
    svg_line_chart(&a, &c);
    svg_line_chart(&b, &c);
    assert_string_equal(buf_cstr(&a), buf_cstr(&b));
    assert_well_formed(buf_cstr(&a));
    buf_free(&a);
    buf_free(&b);
}

/* Every piece of caller text is escaped, in attributes and in text. */
static void test_escaping(void **state)
{
    (void)state;
    double y[] = {1, 2}, y2[] = {2, 1};
    const char *xl[] = {HOSTILE, HOSTILE};
    SvgSeries s[2] = {{HOSTILE, y, 2, NULL}, {HOSTILE, y2, 2, HOSTILE}};
    SvgLineChart c = {.title = HOSTILE, .xlabels = xl, .n = 2, .series = s, .nseries = 2,
                      .yunit = HOSTILE, .has_target = true, .target = 1.5, .target_label = HOSTILE};
    Buf b = {0};
    svg_line_chart(&b, &c);
    const char *o = buf_cstr(&b);
    assert_well_formed(o);
    assert_null(strstr(o, "<script"));
    assert_non_null(strstr(o, "aria-label=\"" HOSTILE_ESC "\""));
    assert_non_null(strstr(o, "<title>" HOSTILE_ESC "</title>"));
    assert_true(count(o, HOSTILE_ESC) >= 8);
    buf_reset(&b);

    SvgBar bars[3] = {{HOSTILE, 3, 1}, {HOSTILE, 2, 2}, {HOSTILE, 1, 0}};
    SvgBarChart bc = {.title = HOSTILE, .bars = bars, .n = 3, .yunit = HOSTILE, .peer_label = HOSTILE, .other_label = HOSTILE};
    svg_bar_chart(&b, &bc);
    o = buf_cstr(&b);
    assert_well_formed(o);
    assert_null(strstr(o, "<script"));
    assert_non_null(strstr(o, "<title>" HOSTILE_ESC "</title>"));
    buf_free(&b);
}

/* NAN splits the path into subpaths; an isolated point gets a dot; the
 * marker goes on the last finite value. */
static void test_gaps(void **state)
{
    (void)state;
    double y[] = {10, 20, NAN, 30, NAN, 40, 50, NAN};
    SvgSeries s = {"s", y, 8, NULL};
    SvgLineChart c = {.title = "gaps", .n = 8, .series = &s, .nseries = 1};
    Buf b = {0};
    svg_line_chart(&b, &c);
    const char *o = buf_cstr(&b);
    assert_well_formed(o);
    char d[256];
    assert_true(attr_of(o, "<path class=\"series\"", "d", d, sizeof d));
    assert_int_equal(count(d, "M"), 3);
    assert_int_equal(count(d, "L"), 2);
    assert_int_equal(count(o, "class=\"series point\""), 1);
    assert_int_equal(count(o, "class=\"series marker\""), 1);
    /* the marker is on index 6 (50), not on the trailing gap */
    char cx[32];
    char lastx[32];
    assert_true(attr_of(o, "<circle class=\"series marker\"", "cx", cx, sizeof cx));
    const char *l = strrchr(d, 'L');
    snprintf(lastx, sizeof lastx, "%.*s", (int)strcspn(l + 1, ","), l + 1);
    assert_string_equal(cx, lastx);
    buf_free(&b);
}

/* No points, no series, all gaps, no bars: a chart that says "No data". */
static void test_empty(void **state)
{
    (void)state;
    double y[] = {NAN, NAN, INFINITY};
    SvgSeries s = {"s", y, 3, NULL};
    SvgLineChart cases[] = {
        {.title = "none", .n = 0, .series = &s, .nseries = 1},
        {.title = "no series", .n = 3, .series = NULL, .nseries = 0},
        {.title = "all gaps", .n = 3, .series = &s, .nseries = 1, .has_target = true, .target = 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Buf b = {0};
        svg_line_chart(&b, &cases[i]);
        assert_well_formed(buf_cstr(&b));
        assert_chart_root(buf_cstr(&b), "640", "260");
        assert_non_null(strstr(buf_cstr(&b), ">No data</text>"));
        assert_null(strstr(buf_cstr(&b), "<path"));
        buf_free(&b);
    }
    SvgBar bars[] = {{"a", NAN, 0}};
    SvgBarChart bc[] = {{.title = "no bars", .bars = NULL, .n = 0}, {.title = "gap bar", .bars = bars, .n = 1}};
    for (size_t i = 0; i < 2; i++) {
        Buf b = {0};
        svg_bar_chart(&b, &bc[i]);
        assert_well_formed(buf_cstr(&b));
        assert_chart_root(buf_cstr(&b), "640", "320");
        assert_non_null(strstr(buf_cstr(&b), ">No data</text>"));
        buf_free(&b);
    }
}

/* Flat data (all zero, all equal, a single point, all negative) draws a
 * finite chart: no division by zero, no "nan" or "inf" anywhere. */
static void test_flat(void **state)
{
    (void)state;
    double zeros[] = {0, 0, 0, 0}, fives[] = {5, 5, 5, 5}, one[] = {7}, neg[] = {-3, -3, -3};
    SvgSeries s[] = {{"z", zeros, 4, NULL}, {"f", fives, 4, NULL}, {"o", one, 1, NULL}, {"n", neg, 3, NULL}};
    int ns[] = {4, 4, 1, 3};
    for (int i = 0; i < 4; i++) {
        SvgLineChart c = {.title = "flat", .n = ns[i], .series = &s[i], .nseries = 1};
        Buf b = {0};
        svg_line_chart(&b, &c);
        assert_well_formed(buf_cstr(&b)); /* refuses "nan" and "inf" */
        assert_non_null(strstr(buf_cstr(&b), "class=\"series marker\""));
        assert_true(count(buf_cstr(&b), "<text class=\"label tick\"") >= 2);
        buf_free(&b);
    }
    /* all zeros: the scale is 0..1 in steps of 0.2 */
    SvgLineChart c = {.title = "zeros", .n = 4, .series = &s[0], .nseries = 1};
    Buf b = {0};
    svg_line_chart(&b, &c);
    char t[32];
    assert_int_equal(count(buf_cstr(&b), "<text class=\"label tick\""), 6);
    assert_true(nth_text(buf_cstr(&b), "<text class=\"label tick\"", 5, t, sizeof t));
    assert_string_equal(t, "1.0");
    buf_free(&b);

    SvgBar bars[] = {{"a", 0, 1}, {"b", 0, 0}};
    SvgBarChart bc = {.title = "zero bars", .bars = bars, .n = 2};
    svg_bar_chart(&b, &bc);
    assert_well_formed(buf_cstr(&b));
    assert_int_equal(count(buf_cstr(&b), "<rect class=\"bar"), 2 + 2); /* two bars, two legend swatches */
    buf_free(&b);
}

/* Two series: a legend with both names, classes series and series-2, and
 * a target line with its label; 36 month labels are thinned, the last kept. */
static void test_two_series_target(void **state)
{
    (void)state;
    double a[36], bb[36];
    char labs[36][16];
    const char *xl[36];
    static const char *mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 36; i++) {
        a[i] = 5000 + 10 * i;
        bb[i] = 4500 - 5 * i;
        snprintf(labs[i], sizeof labs[i], "%s %d", mon[i % 12], 2023 + i / 12);
        xl[i] = labs[i];
    }
    SvgSeries s[2] = {{"Northamptonshire", a, 36, NULL}, {"Peer average", bb, 36, NULL}};
    SvgLineChart c = {.title = "All crime", .xlabels = xl, .n = 36, .series = s, .nseries = 2,
                      .has_target = true, .target = 6000, .target_label = "Plan", .yunit = "crimes",
                      .width = 800, .height = 300};
    Buf b = {0};
    svg_line_chart(&b, &c);
    const char *o = buf_cstr(&b);
    assert_well_formed(o);
    assert_chart_root(o, "800", "300");
    assert_non_null(strstr(o, "<g class=\"legend\">"));
    assert_non_null(strstr(o, ">Northamptonshire</text>"));
    assert_non_null(strstr(o, ">Peer average</text>"));
    assert_int_equal(count(o, "<path class=\"series\""), 1);
    assert_int_equal(count(o, "<path class=\"series series-2\""), 1);
    assert_int_equal(count(o, "<line class=\"target\""), 1);
    assert_non_null(strstr(o, ">Plan: 6,000 crimes</text>"));
    int drawn = 0;
    for (int i = 0; i < 36; i++) {
        char needle[40];
        snprintf(needle, sizeof needle, ">%s</text>", labs[i]);
        drawn += count(o, needle);
    }
    assert_true(drawn >= 6 && drawn < 36);
    assert_non_null(strstr(o, ">Dec 2025</text>"));
    /* the scale starts at zero and covers the target: 0..6,000 by 2,000 */
    char t[32];
    assert_int_equal(count(o, "<text class=\"label tick\""), 4);
    assert_true(nth_text(o, "<text class=\"label tick\"", 3, t, sizeof t));
    assert_string_equal(t, "6,000");
    buf_free(&b);
}

/* The ranked bar chart of 43 forces: one self bar, peers, rotated and
 * shortened labels, the legend, and the self value printed. */
static void test_bar_ranked(void **state)
{
    (void)state;
    SvgBar bars[43];
    char names[43][40];
    for (int i = 0; i < 43; i++) {
        snprintf(names[i], sizeof names[i], "Force with a long name %d", i);
        bars[i].label = names[i];
        bars[i].value = 40 + i * 2.5;
        bars[i].highlight = i == 25 ? 1 : (i % 6 == 0 ? 2 : 0);
    }
    SvgBarChart c = {.title = "All crime per 1,000 people", .bars = bars, .n = 43, .yunit = "per 1,000",
                     .self_label = "Northamptonshire"};
    Buf b = {0};
    svg_bar_chart(&b, &c);
    const char *o = buf_cstr(&b);
    assert_well_formed(o);
    assert_chart_root(o, "640", "320");
    /* 43 bars + 3 legend swatches */
    assert_int_equal(count(o, "<rect class=\"bar self\""), 1 + 1);
    assert_int_equal(count(o, "<rect class=\"bar peer\""), 8 + 1);
    assert_int_equal(count(o, "<rect class=\"bar\""), 43 - 9 + 1);
    assert_non_null(strstr(o, ">Northamptonshire</text>"));
    assert_non_null(strstr(o, ">Peer group</text>"));
    assert_non_null(strstr(o, ">Other forces</text>"));
    assert_non_null(strstr(o, "transform=\"rotate(-60 "));
    assert_non_null(strstr(o, ">Force with a long\xE2\x80\xA6</text>"));
    /* 40 + 25 * 2.5 = 102.5, printed above the self bar */
    assert_non_null(strstr(o, "<text class=\"label value\""));
    char t[32];
    assert_true(nth_text(o, "<text class=\"label value\"", 0, t, sizeof t));
    assert_string_equal(t, "102.5");
    /* ticks 0..150 in steps of 50 */
    assert_int_equal(count(o, "<text class=\"label tick\""), 4);
    assert_true(nth_text(o, "<text class=\"label tick\"", 3, t, sizeof t));
    assert_string_equal(t, "150");
    buf_free(&b);

    /* few short labels stay horizontal; negative values hang below zero */
    SvgBar few[] = {{"A", 3, 0}, {"B", -2, 1}, {"C", 1, 0}};
    SvgBarChart fc = {.title = "few", .bars = few, .n = 3};
    svg_bar_chart(&b, &fc);
    o = buf_cstr(&b);
    assert_well_formed(o);
    assert_null(strstr(o, "rotate("));
    assert_non_null(strstr(o, ">-2</text>"));
    buf_free(&b);
}

/* The tick chooser and the number formats, exactly. */
static void test_ticks_and_formats(void **state)
{
    (void)state;
    SvgTicks t = svg_nice_ticks(0, 1200, 5);
    assert_true(t.lo == 0 && t.hi == 1500 && t.step == 500 && t.n == 4);
    t = svg_nice_ticks(0, 0.9, 5);
    assert_int_equal(t.n, 6);
    assert_true(fabs(t.step - 0.2) < 1e-12 && fabs(t.hi - 1.0) < 1e-12);
    t = svg_nice_ticks(-37, 112, 5);
    assert_true(t.lo == -50 && t.hi == 150 && t.step == 50 && t.n == 5);
    t = svg_nice_ticks(5, 5, 5); /* flat: widened, never zero-width */
    assert_true(t.hi > t.lo && t.step > 0 && t.n >= 2);
    t = svg_nice_ticks(NAN, INFINITY, 0);
    assert_true(t.hi > t.lo && t.step > 0 && t.n >= 2);
    t = svg_nice_ticks(0, 62679, 5);
    assert_true(t.step == 20000 && t.hi == 80000 && t.n == 5);

    char s[64];
    svg_fmt_tick(s, sizeof s, 1000, 500);
    assert_string_equal(s, "1,000");
    svg_fmt_tick(s, sizeof s, 0, 500);
    assert_string_equal(s, "0");
    svg_fmt_tick(s, sizeof s, -2.5, 0.5);
    assert_string_equal(s, "-2.5");
    svg_fmt_tick(s, sizeof s, 0.25, 0.05);
    assert_string_equal(s, "0.25");
    svg_fmt_tick(s, sizeof s, 1234567, 1000000);
    assert_string_equal(s, "1,234,567");
    svg_fmt_tick(s, sizeof s, -1e-12, 0.1);
    assert_string_equal(s, "0.0");
    svg_fmt_value(s, sizeof s, 62679);
    assert_string_equal(s, "62,679");
    svg_fmt_value(s, sizeof s, 12.5);
    assert_string_equal(s, "12.5");
    svg_fmt_value(s, sizeof s, 3.0);
    assert_string_equal(s, "3");
    svg_fmt_value(s, sizeof s, 0.25);
    assert_string_equal(s, "0.25");
    svg_fmt_value(s, sizeof s, 86.24);
    assert_string_equal(s, "86.2");
    svg_fmt_value(s, sizeof s, -1338.4);
    assert_string_equal(s, "-1,338");
    svg_fmt_value(s, sizeof s, NAN);
    assert_string_equal(s, "n/a");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_golden),
        cmocka_unit_test(test_line_deterministic),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_gaps),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_flat),
        cmocka_unit_test(test_two_series_target),
        cmocka_unit_test(test_bar_ranked),
        cmocka_unit_test(test_ticks_and_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
