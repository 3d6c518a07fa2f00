/*
 * test_geo.c: boundaries from GeoJSON and the grid index that classifies
 * pings: a square with a hole worked by hand, the demo county's 100
 * polygons against the exact even-odd test for a quarter of a million
 * points, and the errors a bad file gets. (Points exactly on a boundary
 * may fall either side: the index and the exact test need not agree.)
 */
#include "helpers.h"

#include "geo.h"
#include "util.h"

static void parse_ok(const char *text, GeoSet *set)
{
    char err[256] = "";
    bool ok = geo_parse(text, strlen(text), set, NULL, err, sizeof err);
    if (!ok) fail_msg("geo_parse: %s", err);
}

/* A 1 x 1 degree station square at (0..1, 50..51) with a hole
 * (0.4..0.6, 50.4..50.6), a priority triangle, and an area. */
static const char square[] =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"kind\":\"station\",\"name\":\"S\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
    "[[0,50],[1,50],[1,51],[0,51],[0,50]],[[0.4,50.4],[0.6,50.4],[0.6,50.6],[0.4,50.6],[0.4,50.4]]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"kind\":\"priority\",\"name\":\"P\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
    "[[0.5,50],[2,50],[2,51.5],[0.5,50]]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"kind\":\"area\",\"name\":\"A\",\"code\":\"a-1\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
    "[[-1,49],[3,49],[3,52],[-1,52],[-1,49]]]}}]}";

static void test_hand_worked(void **state)
{
    (void)state;
    GeoSet set;
    parse_ok(square, &set);
    assert_int_equal(set.n, 3);
    assert_int_equal(set.p[0].kind, GEO_STATION);
    assert_int_equal(set.p[0].nrings, 2);
    assert_string_equal(set.p[2].code, "a-1");
    set.p[2].lpa_id = 7;
    GeoIndex *g = geo_index(&set);
    struct {
        double lat, lon;
        bool station, priority;
        int lpa;
    } cases[] = {
        {50.2, 0.2, true, false, 7},   /* in the square, left of the triangle */
        {50.5, 0.5, false, false, 7},  /* in the hole */
        {50.1, 0.9, true, true, 7},    /* square and triangle: the triangle's edge y = x + 49.5 */
        {50.9, 0.6, true, false, 7},   /* above the triangle's slope */
        {50.2, 1.5, false, true, 7},   /* triangle only */
        {51.8, 2.5, false, false, 7},  /* area only */
        {48.0, 0.5, false, false, 0},  /* outside everything */
        {50.45, 0.41, false, false, 7} /* just inside the hole's corner */
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        GeoPlace p;
        geo_classify(g, cases[i].lat, cases[i].lon, &p);
        if (p.station != cases[i].station || p.priority != cases[i].priority || p.lpa_id != cases[i].lpa)
            fail_msg("case %zu (%g, %g): station %d priority %d area %d", i, cases[i].lat, cases[i].lon, p.station, p.priority, p.lpa_id);
    }
    geo_index_free(g);
    geo_free(&set, NULL);
}

/* The index agrees with the exact test everywhere over the demo county,
 * including points near the boundaries (the crossed cells). */
static void test_demo_against_exact(void **state)
{
    (void)state;
    Buf b = {0};
    geo_demo_boundaries(&b);
    GeoSet set;
    char **geometry = NULL;
    char err[256] = "";
    assert_true(geo_parse(b.s, b.len, &set, &geometry, err, sizeof err));
    int stations = 0, priority = 0, areas = 0;
    for (int i = 0; i < set.n; i++) {
        GeoPolygon *p = &set.p[i];
        stations += p->kind == GEO_STATION, priority += p->kind == GEO_PRIORITY;
        if (p->kind == GEO_AREA) p->lpa_id = ++areas;
        assert_non_null(strstr(geometry[i], "\"coordinates\""));
    }
    assert_int_equal(stations, 12);
    assert_int_equal(priority, 86);
    assert_int_equal(areas, 2);
    GeoIndex *g = geo_index(&set);
    uint64_t s = 42;
    int in_station = 0, in_priority = 0, in_area = 0, n = 250000;
    for (int k = 0; k < n; k++) {
        double lat, lon;
        if (k % 2) {
            /* near a town, where the small polygons are */
            geo_demo_town(k / 2, &lat, &lon);
            lat += ((double)((s = s * 6364136223846793005ull + 1442695040888963407ull) >> 11) / 9007199254740992.0 - 0.5) * 0.06;
            lon += ((double)((s = s * 6364136223846793005ull + 1442695040888963407ull) >> 11) / 9007199254740992.0 - 0.5) * 0.09;
        } else {
            lat = 51.8 + ((double)((s = s * 6364136223846793005ull + 1442695040888963407ull) >> 11) / 9007199254740992.0) * 1.0;
            lon = -1.6 + ((double)((s = s * 6364136223846793005ull + 1442695040888963407ull) >> 11) / 9007199254740992.0) * 1.6;
        }
        bool st = false, pr = false;
        int lpa = 0;
        for (int i = 0; i < set.n; i++) {
            if (!geo_inside(&set.p[i], lon, lat)) continue;
            if (set.p[i].kind == GEO_STATION) st = true;
            else if (set.p[i].kind == GEO_PRIORITY) pr = true;
            else if (!lpa) lpa = set.p[i].lpa_id;
        }
        GeoPlace p;
        geo_classify(g, lat, lon, &p);
        if (p.station != st || p.priority != pr || p.lpa_id != lpa)
            fail_msg("point %d (%.7f, %.7f): index says station %d priority %d area %d, exact %d %d %d", k, lat, lon, p.station, p.priority, p.lpa_id, st, pr, lpa);
        in_station += st, in_priority += pr, in_area += lpa != 0;
    }
    /* the sample reaches every kind of place */
    assert_true(in_station > 20);
    assert_true(in_priority > 1000);
    assert_true(in_area > n / 2);
    geo_index_free(g);
    geo_free(&set, geometry);
    buf_free(&b);
}

static void expect_error(const char *text, const char *want)
{
    GeoSet set;
    char err[256] = "";
    assert_false(geo_parse(text, strlen(text), &set, NULL, err, sizeof err));
    if (!strstr(err, want)) fail_msg("error \"%s\" does not say \"%s\"", err, want);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("{\"type\":", "line 1");
    expect_error("{\"type\":\"Feature\"}", "expected a GeoJSON FeatureCollection");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"kind\":\"depot\",\"name\":\"D\"}}]}",
                 "feature 1: property \"kind\": expected station, priority or area, found \"depot\"");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"kind\":\"area\",\"name\":\"A\"},"
                 "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}",
                 "feature 1 (\"A\"): property \"code\"");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"kind\":\"station\",\"name\":\"S\"},"
                 "\"geometry\":{\"type\":\"Point\",\"coordinates\":[0,1]}}]}",
                 "geometry: expected a Polygon or MultiPolygon");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"kind\":\"station\",\"name\":\"S\"},"
                 "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,50],[1,50],[1,51],[0,51]]]}}]}",
                 "ring 1: the ring is not closed");
    expect_error("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"kind\":\"station\",\"name\":\"S\"},"
                 "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[52.2,-0.9],[52.3,-0.9],[52.3,-0.8],[52.2,-0.9],[200,0]]]}}]}",
                 "position 5: expected longitude -180 to 180 and latitude -90 to 90");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_worked),
        cmocka_unit_test(test_demo_against_exact),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests_name("geo", tests, NULL, NULL);
}
