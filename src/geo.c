/*
 * geo.c: boundaries from GeoJSON, the grid index that classifies location
 * pings against them, and the demo county's boundaries (see geo.h).
 */
#include "geo.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- parsing ---- */

static bool fail(char *err, size_t errlen, const char *fmt, ...) PRINTF(3, 4);
static bool fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return false;
}

/* Growing point storage for one polygon while it is read. */
typedef struct Pts {
    double *x, *y;
    int n, cap;
    int *ring_len;
    int nrings, ring_cap;
} Pts;

static void pts_add(Pts *p, double x, double y)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->x = xrealloc(p->x, sizeof(double) * (size_t)p->cap);
        p->y = xrealloc(p->y, sizeof(double) * (size_t)p->cap);
    }
    p->x[p->n] = x;
    p->y[p->n] = y;
    p->n++;
}

/* Reads one ring ([[lon, lat], ...], closed, at least 4 positions). `where`
 * names it for errors. */
static bool read_ring(json_t *ring, Pts *p, const char *where, char *err, size_t errlen)
{
    size_t n = json_is_array(ring) ? json_array_size(ring) : 0;
    if (n < 4) return fail(err, errlen, "%s: expected a closed ring of at least 4 [longitude, latitude] positions", where);
    for (size_t i = 0; i < n; i++) {
        json_t *pos = json_array_get(ring, i);
        json_t *lon = json_array_get(pos, 0), *lat = json_array_get(pos, 1);
        if (!json_is_array(pos) || !json_is_number(lon) || !json_is_number(lat))
            return fail(err, errlen, "%s: position %zu: expected [longitude, latitude] numbers", where, i + 1);
        double x = json_number_value(lon), y = json_number_value(lat);
        if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90))
            return fail(err, errlen, "%s: position %zu: expected longitude -180 to 180 and latitude -90 to 90 (WGS84, longitude first), found [%g, %g]", where, i + 1, x, y);
        pts_add(p, x, y);
    }
    int first = p->n - (int)n;
    if (p->x[first] != p->x[p->n - 1] || p->y[first] != p->y[p->n - 1])
        return fail(err, errlen, "%s: the ring is not closed: its last position must repeat its first", where);
    if (p->nrings == p->ring_cap) {
        p->ring_cap = p->ring_cap ? p->ring_cap * 2 : 4;
        p->ring_len = xrealloc(p->ring_len, sizeof(int) * (size_t)p->ring_cap);
    }
    p->ring_len[p->nrings++] = (int)n;
    return true;
}

/* Reads the rings of a Polygon's coordinates. */
static bool read_polygon(json_t *coords, Pts *p, const char *where, char *err, size_t errlen)
{
    size_t n = json_is_array(coords) ? json_array_size(coords) : 0;
    if (n == 0) return fail(err, errlen, "%s: expected an array of rings (the outline, then any holes)", where);
    for (size_t i = 0; i < n; i++) {
        char w[96];
        snprintf(w, sizeof w, "%s ring %zu", where, i + 1);
        if (!read_ring(json_array_get(coords, i), p, w, err, errlen)) return false;
    }
    return true;
}

/* A property that must be a string of 1 to max-1 bytes; NULL when absent. */
static const char *text_prop(json_t *props, const char *key)
{
    json_t *v = json_object_get(props, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static bool read_feature(json_t *f, int idx, GeoPolygon *out, char **geometry, char *err, size_t errlen)
{
    char where[64];
    snprintf(where, sizeof where, "feature %d", idx + 1);
    memset(out, 0, sizeof *out);
    out->feature = idx;
    if (!json_is_object(f) || !json_is_string(json_object_get(f, "type")) || strcmp(json_string_value(json_object_get(f, "type")), "Feature") != 0)
        return fail(err, errlen, "%s: expected an object with \"type\": \"Feature\"", where);
    json_t *props = json_object_get(f, "properties");
    if (!json_is_object(props)) return fail(err, errlen, "%s: expected \"properties\" with kind and name", where);
    const char *kind = text_prop(props, "kind"), *name = text_prop(props, "name"), *code = text_prop(props, "code");
    if (!kind) return fail(err, errlen, "%s: property \"kind\": expected station, priority or area", where);
    if (strcmp(kind, "station") == 0) out->kind = GEO_STATION;
    else if (strcmp(kind, "priority") == 0) out->kind = GEO_PRIORITY;
    else if (strcmp(kind, "area") == 0) out->kind = GEO_AREA;
    else return fail(err, errlen, "%s: property \"kind\": expected station, priority or area, found \"%.40s\"", where, kind);
    if (!name || !name[0] || strlen(name) >= sizeof out->name)
        return fail(err, errlen, "%s: property \"name\": expected text of 1 to %zu bytes", where, sizeof out->name - 1);
    snprintf(out->name, sizeof out->name, "%s", name);
    snprintf(where, sizeof where, "feature %d (\"%.30s\")", idx + 1, name);
    if (out->kind == GEO_AREA) {
        bool ok = code && code[0] && strlen(code) < sizeof out->code;
        for (const char *c = code; ok && *c; c++) ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-';
        if (!ok) return fail(err, errlen, "%s: property \"code\": expected the local policing area's code of lower-case letters, digits and - (e.g. north)", where);
        snprintf(out->code, sizeof out->code, "%s", code);
    }
    json_t *g = json_object_get(f, "geometry");
    const char *type = json_is_object(g) ? text_prop(g, "type") : NULL;
    json_t *coords = json_is_object(g) ? json_object_get(g, "coordinates") : NULL;
    Pts p = {0};
    bool ok;
    if (type && strcmp(type, "Polygon") == 0) {
        ok = read_polygon(coords, &p, where, err, errlen);
    } else if (type && strcmp(type, "MultiPolygon") == 0) {
        size_t n = json_is_array(coords) ? json_array_size(coords) : 0;
        ok = n > 0 || fail(err, errlen, "%s: expected a MultiPolygon's array of polygons", where);
        for (size_t i = 0; ok && i < n; i++) {
            char w[96];
            snprintf(w, sizeof w, "%s polygon %zu", where, i + 1);
            ok = read_polygon(json_array_get(coords, i), &p, w, err, errlen);
        }
    } else {
        ok = fail(err, errlen, "%s: geometry: expected a Polygon or MultiPolygon", where);
    }
    if (!ok) {
        free(p.x), free(p.y), free(p.ring_len);
        return false;
    }
    out->nrings = p.nrings;
    out->ring_len = p.ring_len;
    out->x = p.x;
    out->y = p.y;
    out->minx = out->maxx = p.x[0];
    out->miny = out->maxy = p.y[0];
    for (int i = 1; i < p.n; i++) {
        out->minx = fmin(out->minx, p.x[i]), out->maxx = fmax(out->maxx, p.x[i]);
        out->miny = fmin(out->miny, p.y[i]), out->maxy = fmax(out->maxy, p.y[i]);
    }
    if (geometry) *geometry = json_dumps(g, JSON_COMPACT);
    return true;
}

bool geo_parse(const char *text, size_t len, GeoSet *set, char ***geometry, char *err, size_t errlen)
{
    memset(set, 0, sizeof *set);
    if (geometry) *geometry = NULL;
    json_error_t je;
    json_t *root = json_loadb(text, len, 0, &je);
    if (!root) return fail(err, errlen, "line %d, column %d: not valid JSON: %s", je.line, je.column, je.text);
    json_t *type = json_object_get(root, "type"), *features = json_object_get(root, "features");
    if (!json_is_string(type) || strcmp(json_string_value(type), "FeatureCollection") != 0 || !json_is_array(features)) {
        json_decref(root);
        return fail(err, errlen, "expected a GeoJSON FeatureCollection: {\"type\": \"FeatureCollection\", \"features\": [...]}");
    }
    int n = (int)json_array_size(features);
    set->p = xcalloc((size_t)n + 1, sizeof *set->p);
    char **geo = geometry ? xcalloc((size_t)n + 1, sizeof *geo) : NULL;
    bool ok = true;
    for (int i = 0; ok && i < n; i++) {
        ok = read_feature(json_array_get(features, (size_t)i), i, &set->p[i], geo ? &geo[i] : NULL, err, errlen);
        if (ok) set->n++;
    }
    json_decref(root);
    if (!ok) {
        geo_free(set, geo);
        return false;
    }
    if (geometry) *geometry = geo;
    return true;
}

void geo_free(GeoSet *set, char **geometry)
{
    for (int i = 0; i < set->n; i++) {
        free(set->p[i].x), free(set->p[i].y), free(set->p[i].ring_len);
        if (geometry) free(geometry[i]);
    }
    free(set->p);
    free(geometry);
    memset(set, 0, sizeof *set);
}

/* ---- exact tests ---- */

bool geo_inside(const GeoPolygon *p, double x, double y)
{
    bool in = false;
    int k = 0;
    for (int r = 0; r < p->nrings; r++) {
        const double *px = p->x + k, *py = p->y + k;
        for (int i = 0; i + 1 < p->ring_len[r]; i++) {
            double ax = px[i], ay = py[i], bx = px[i + 1], by = py[i + 1];
            if ((ay > y) != (by > y) && x < ax + (y - ay) * (bx - ax) / (by - ay)) in = !in;
        }
        k += p->ring_len[r];
    }
    return in;
}

/* Which side of the line a->b the point c is on (twice the signed area). */
static inline double orient(double ax, double ay, double bx, double by, double cx, double cy)
{
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* ---- the grid ---- */

/* A cell's answer: station and priority bits and the area's id above them;
 * MIXED marks a cell some boundary crosses, its low bits an index into
 * mixed[]. */
#define A_STATION 1u
#define A_PRIORITY 2u
#define A_LPA_SHIFT 2
#define A_MIXED 0x80000000u

typedef struct Edge {
    double ax, ay, bx, by;
} Edge;

/* One polygon whose boundary crosses a cell: its answer bits, whether the
 * cell's reference point (rx, ry) is inside, and its edges there. */
typedef struct Cross {
    uint32_t bits;
    int ref_in;
    double rx, ry;
    int e0, ne;
    int cell; /* while building: the cell it belongs to */
} Cross;

typedef struct Mixed {
    uint32_t base; /* the answer of the polygons wholly covering the cell */
    int c0, nc;    /* its crossings in cross[] */
} Mixed;

struct GeoIndex {
    double minx, miny, sx, sy; /* origin and cells per degree */
    int nx, ny;
    uint32_t *cell;
    Mixed *mixed;
    Cross *cross;
    Edge *edge;
    int nmixed, ncross, nedge;
};

static inline int cell_x(const GeoIndex *g, double x)
{
    double f = (x - g->minx) * g->sx;
    return f < 0 ? 0 : f >= g->nx ? g->nx - 1 : (int)f;
}

static inline int cell_y(const GeoIndex *g, double y)
{
    double f = (y - g->miny) * g->sy;
    return f < 0 ? 0 : f >= g->ny ? g->ny - 1 : (int)f;
}

static uint32_t poly_bits(const GeoPolygon *p)
{
    switch (p->kind) {
    case GEO_STATION: return A_STATION;
    case GEO_PRIORITY: return A_PRIORITY;
    default: return (uint32_t)p->lpa_id << A_LPA_SHIFT;
    }
}

/* Adds a polygon's answer to a: station and priority accumulate; the first
 * area found stands. */
static inline uint32_t add_bits(uint32_t a, uint32_t bits)
{
    if (bits >> A_LPA_SHIFT) return (a >> A_LPA_SHIFT) ? a : a | bits;
    return a | bits;
}

/* The cells the edge (a, b) touches, into *cells (grown as needed):
 * those of its bounding box that its line does not miss. Returns how many. */
static int edge_cells(const GeoIndex *g, double ax, double ay, double bx, double by, int **cells, int *cap)
{
    int i0 = cell_x(g, fmin(ax, bx)), i1 = cell_x(g, fmax(ax, bx)), j0 = cell_y(g, fmin(ay, by)), j1 = cell_y(g, fmax(ay, by));
    double cw = 1 / g->sx, ch = 1 / g->sy;
    int n = 0;
    for (int j = j0; j <= j1; j++) {
        for (int i = i0; i <= i1; i++) {
            double x0 = g->minx + i * cw, y0 = g->miny + j * ch;
            double o1 = orient(ax, ay, bx, by, x0, y0), o2 = orient(ax, ay, bx, by, x0 + cw, y0);
            double o3 = orient(ax, ay, bx, by, x0, y0 + ch), o4 = orient(ax, ay, bx, by, x0 + cw, y0 + ch);
            if ((o1 > 0 && o2 > 0 && o3 > 0 && o4 > 0) || (o1 < 0 && o2 < 0 && o3 < 0 && o4 < 0)) continue;
            if (n == *cap) {
                *cap = *cap ? *cap * 2 : 64;
                *cells = xrealloc(*cells, sizeof **cells * (size_t)*cap);
            }
            (*cells)[n++] = j * g->nx + i;
        }
    }
    return n;
}

static int cmp_cross(const void *a, const void *b)
{
    const Cross *x = a, *y = b;
    return x->cell != y->cell ? (x->cell < y->cell ? -1 : 1) : (x->e0 < y->e0 ? -1 : x->e0 > y->e0);
}

GeoIndex *geo_index(const GeoSet *set)
{
    GeoIndex *g = xcalloc(1, sizeof *g);
    long nedges = 0;
    double minx = 0, miny = 0, maxx = 1, maxy = 1;
    for (int i = 0; i < set->n; i++) {
        const GeoPolygon *p = &set->p[i];
        for (int r = 0; r < p->nrings; r++) nedges += p->ring_len[r] - 1;
        if (i == 0) minx = p->minx, miny = p->miny, maxx = p->maxx, maxy = p->maxy;
        minx = fmin(minx, p->minx), miny = fmin(miny, p->miny), maxx = fmax(maxx, p->maxx), maxy = fmax(maxy, p->maxy);
    }
    /* about 64 cells per edge (at least 256 x 256, at most 4 million), shaped
     * like the extent, so most points fall in cells no boundary crosses */
    double w = fmax(maxx - minx, 1e-9), h = fmax(maxy - miny, 1e-9);
    double ncells = fmin(fmax(64.0 * (double)nedges, 65536.0), 4194304.0);
    double side = sqrt(w * h / ncells);
    g->nx = (int)fmin(fmax(ceil(w / side), 1), 8192);
    g->ny = (int)fmin(fmax(ceil(h / side), 1), 8192);
    g->minx = minx, g->miny = miny;
    g->sx = g->nx / w, g->sy = g->ny / h;
    size_t ncell = (size_t)g->nx * (size_t)g->ny;
    uint32_t *base = xcalloc(ncell, sizeof *base);
    int *mark = xcalloc(ncell, sizeof *mark); /* per polygon: 1 + index of its crossing in that cell */
    int cross_cap = 0, edge_cap = 0, cells_cap = 0;
    int *cells = NULL;
    double cw = 1 / g->sx, ch = 1 / g->sy;
    for (int pi = 0; pi < set->n; pi++) {
        const GeoPolygon *p = &set->p[pi];
        uint32_t bits = poly_bits(p);
        int i0 = cell_x(g, p->minx), i1 = cell_x(g, p->maxx), j0 = cell_y(g, p->miny), j1 = cell_y(g, p->maxy);
        int first_cross = g->ncross;
        /* the cells each edge touches get a crossing of this polygon */
        int k = 0;
        for (int r = 0; r < p->nrings; r++) {
            for (int e = 0; e + 1 < p->ring_len[r]; e++) {
                int n = edge_cells(g, p->x[k + e], p->y[k + e], p->x[k + e + 1], p->y[k + e + 1], &cells, &cells_cap);
                for (int q = 0; q < n; q++) {
                    size_t c = (size_t)cells[q];
                    if (!mark[c]) {
                        if (g->ncross == cross_cap) {
                            cross_cap = cross_cap ? cross_cap * 2 : 1024;
                            g->cross = xrealloc(g->cross, sizeof *g->cross * (size_t)cross_cap);
                        }
                        Cross *cr = &g->cross[g->ncross];
                        memset(cr, 0, sizeof *cr);
                        cr->bits = bits;
                        cr->cell = (int)c;
                        mark[c] = ++g->ncross - first_cross;
                    }
                    g->cross[first_cross + mark[c] - 1].ne++; /* counted now, gathered below */
                }
            }
            k += p->ring_len[r];
        }
        /* lay out each crossing's edges contiguously, then fill them */
        for (int c = first_cross; c < g->ncross; c++) {
            g->cross[c].e0 = g->nedge;
            g->nedge += g->cross[c].ne;
            g->cross[c].ne = 0;
        }
        if (g->nedge > edge_cap) {
            while (edge_cap < g->nedge) edge_cap = edge_cap ? edge_cap * 2 : 4096;
            g->edge = xrealloc(g->edge, sizeof *g->edge * (size_t)edge_cap);
        }
        k = 0;
        for (int r = 0; r < p->nrings; r++) {
            for (int e = 0; e + 1 < p->ring_len[r]; e++) {
                double ax = p->x[k + e], ay = p->y[k + e], bx = p->x[k + e + 1], by = p->y[k + e + 1];
                int n = edge_cells(g, ax, ay, bx, by, &cells, &cells_cap);
                for (int q = 0; q < n; q++) {
                    Cross *cr = &g->cross[first_cross + mark[cells[q]] - 1];
                    g->edge[cr->e0 + cr->ne++] = (Edge){ax, ay, bx, by};
                }
            }
            k += p->ring_len[r];
        }
        /* each crossing's reference point: the cell's centre, moved off any
         * edge's line through it so the even-odd count is never ambiguous */
        for (int c = first_cross; c < g->ncross; c++) {
            Cross *cr = &g->cross[c];
            int i = cr->cell % g->nx, j = cr->cell / g->nx;
            double rx = g->minx + (i + 0.5) * cw, ry = g->miny + (j + 0.5) * ch;
            for (int tries = 0; tries < 8; tries++) {
                bool on = false;
                for (int e = 0; e < cr->ne && !on; e++) {
                    const Edge *E = &g->edge[cr->e0 + e];
                    on = orient(E->ax, E->ay, E->bx, E->by, rx, ry) == 0;
                }
                if (!on) break;
                rx += cw * 0.0137 * (tries + 1), ry += ch * 0.0091 * (tries + 1);
            }
            cr->rx = rx, cr->ry = ry;
            cr->ref_in = geo_inside(p, rx, ry);
        }
        /* cells no edge crosses are wholly in or out: their centre says */
        for (int j = j0; j <= j1; j++) {
            for (int i = i0; i <= i1; i++) {
                size_t c = (size_t)j * (size_t)g->nx + (size_t)i;
                if (mark[c]) continue;
                if (geo_inside(p, g->minx + (i + 0.5) * cw, g->miny + (j + 0.5) * ch)) base[c] = add_bits(base[c], bits);
            }
        }
        for (int c = first_cross; c < g->ncross; c++) mark[g->cross[c].cell] = 0;
    }
    free(mark);
    free(cells);
    /* group crossings by cell; a crossed cell's answer points at them */
    qsort(g->cross, (size_t)g->ncross, sizeof *g->cross, cmp_cross);
    g->cell = base;
    g->mixed = xcalloc((size_t)g->ncross + 1, sizeof *g->mixed);
    for (int c = 0; c < g->ncross;) {
        int d = c;
        while (d < g->ncross && g->cross[d].cell == g->cross[c].cell) d++;
        Mixed *m = &g->mixed[g->nmixed];
        m->base = base[g->cross[c].cell];
        m->c0 = c;
        m->nc = d - c;
        base[g->cross[c].cell] = A_MIXED | (uint32_t)g->nmixed++;
        c = d;
    }
    return g;
}

void geo_index_free(GeoIndex *g)
{
    if (!g) return;
    free(g->cell), free(g->mixed), free(g->cross), free(g->edge);
    free(g);
}

/* The answer for (x, y): most points need only their cell. */
static inline uint32_t answer(const GeoIndex *g, double x, double y)
{
    double fx = (x - g->minx) * g->sx, fy = (y - g->miny) * g->sy;
    if (!(fx >= 0 && fx < g->nx && fy >= 0 && fy < g->ny)) return 0;
    uint32_t a = g->cell[(size_t)(int)fy * (size_t)g->nx + (size_t)(int)fx];
    if (!(a & A_MIXED)) return a;
    const Mixed *m = &g->mixed[a & ~A_MIXED];
    a = m->base;
    for (int c = m->c0; c < m->c0 + m->nc; c++) {
        const Cross *cr = &g->cross[c];
        int in = cr->ref_in;
        for (const Edge *e = g->edge + cr->e0, *end = e + cr->ne; e < end; e++) {
            /* does the segment point -> reference cross the edge? (a vertex
             * on the segment counts as on its non-negative side, so a
             * boundary passing through a vertex is counted once) */
            double o1 = orient(e->ax, e->ay, e->bx, e->by, x, y), o2 = orient(e->ax, e->ay, e->bx, e->by, cr->rx, cr->ry);
            if ((o1 < 0) == (o2 < 0)) continue;
            double o3 = orient(x, y, cr->rx, cr->ry, e->ax, e->ay), o4 = orient(x, y, cr->rx, cr->ry, e->bx, e->by);
            if ((o3 < 0) != (o4 < 0)) in ^= 1;
        }
        if (in) a = add_bits(a, cr->bits);
    }
    return a;
}

void geo_classify(const GeoIndex *g, double lat, double lon, GeoPlace *out)
{
    uint32_t a = answer(g, lon, lat);
    out->station = a & A_STATION;
    out->priority = (a & A_PRIORITY) != 0;
    out->lpa_id = (int)(a >> A_LPA_SHIFT);
}

void geo_classify_many(const GeoIndex *g, const double *lat, const double *lon, int n, uint8_t *flags, int *lpa_id)
{
    for (int i = 0; i < n; i++) {
        uint32_t a = answer(g, lon[i], lat[i]);
        flags[i] = (uint8_t)(a & (A_STATION | A_PRIORITY));
        lpa_id[i] = (int)(a >> A_LPA_SHIFT);
    }
}

void geo_index_stats(const GeoIndex *g, int *nx, int *ny, int *crossed)
{
    *nx = g->nx, *ny = g->ny, *crossed = g->nmixed;
}

/* ---- the demo county ---- */

static double demo_rand(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (double)((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
}

/* Degrees per metre near 52.3 N. */
#define DEG_LAT (1.0 / 111200.0)
#define DEG_LON (1.0 / 68000.0)

static const struct {
    const char *name;
    double lat, lon;
    int priority; /* priority locations around it */
} demo_towns[] = {
    {"Northampton", 52.2405, -0.9027, 30}, {"Kettering", 52.3962, -0.7302, 9}, {"Corby", 52.4914, -0.6965, 9}, {"Wellingborough", 52.3027, -0.6941, 8},
    {"Daventry", 52.2565, -1.1617, 6},     {"Rushden", 52.2906, -0.5987, 5},   {"Brackley", 52.0320, -1.1470, 4}, {"Towcester", 52.1336, -0.9905, 4},
    {"Oundle", 52.4812, -0.4703, 3},       {"Thrapston", 52.3966, -0.5380, 3}, {"Raunds", 52.3450, -0.5372, 3},   {"Brixworth", 52.3329, -0.9044, 2},
};

/* Writes a ring of n points around (lat, lon) with radius r metres, jagged
 * by `rough` (0 to 1), closed, as GeoJSON positions. */
static void ring(Buf *out, uint64_t *s, double lat, double lon, double r, int n, double rough, bool clockwise)
{
    buf_putc(out, '[');
    double first_x = 0, first_y = 0;
    for (int i = 0; i <= n; i++) {
        double x, y;
        if (i == n) {
            x = first_x, y = first_y;
        } else {
            double a = 2 * M_PI * i / n * (clockwise ? -1 : 1);
            double rr = r * (1 - rough / 2 + rough * demo_rand(s));
            x = lon + cos(a) * rr * DEG_LON, y = lat + sin(a) * rr * DEG_LAT;
            if (i == 0) first_x = x, first_y = y;
        }
        buf_printf(out, "%s[%.6f,%.6f]", i ? "," : "", x, y);
    }
    buf_putc(out, ']');
}

static void feature_start(Buf *out, bool *first, const char *kind, const char *name, const char *code)
{
    buf_printf(out, "%s\n{\"type\":\"Feature\",\"properties\":{\"kind\":\"%s\",\"name\":\"%s\"", *first ? "" : ",", kind, name);
    if (code) buf_printf(out, ",\"code\":\"%s\"", code);
    buf_puts(out, "},\"geometry\":");
    *first = false;
}

void geo_demo_boundaries(Buf *out)
{
    uint64_t s = 20260401;
    bool first = true;
    buf_puts(out, "{\"type\":\"FeatureCollection\",\"features\":[");
    /* the county: a wobbly oval around (52.30, -0.83), cut in two by a
     * wobbly line running west to east; north above it, west below */
    enum { OUTLINE = 180, CUT = 40 };
    double ox[OUTLINE], oy[OUTLINE];
    for (int i = 0; i < OUTLINE; i++) {
        double a = 2 * M_PI * i / OUTLINE;
        double k = 1 + 0.04 * sin(5 * a) + 0.03 * sin(11 * a + 1) + 0.01 * (demo_rand(&s) - 0.5);
        ox[i] = -0.83 + cos(a) * 0.62 * k;
        oy[i] = 52.30 + sin(a) * 0.41 * k;
    }
    /* the cut runs from outline point 90 (the west end) to point 0 (the east) */
    double cx[CUT + 1], cy[CUT + 1];
    for (int i = 0; i <= CUT; i++) {
        double t = (double)i / CUT;
        cx[i] = ox[OUTLINE / 2] + (ox[0] - ox[OUTLINE / 2]) * t;
        cy[i] = oy[OUTLINE / 2] + (oy[0] - oy[OUTLINE / 2]) * t + (i && i < CUT ? 0.02 * sin(7 * t) + 0.005 * (demo_rand(&s) - 0.5) : 0);
    }
    /* north: outline 0..90 anticlockwise, then the cut back from west to east */
    feature_start(out, &first, "area", "North Northamptonshire", "north");
    buf_puts(out, "{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = 0; i <= OUTLINE / 2; i++) buf_printf(out, "%s[%.6f,%.6f]", i ? "," : "", ox[i], oy[i]);
    for (int i = 1; i <= CUT; i++) buf_printf(out, ",[%.6f,%.6f]", cx[i], cy[i]);
    buf_puts(out, "]]}}");
    /* west: outline 90..180 and back along the cut from east to west */
    feature_start(out, &first, "area", "West Northamptonshire", "west");
    buf_puts(out, "{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = OUTLINE / 2; i <= OUTLINE; i++) buf_printf(out, "%s[%.6f,%.6f]", i > OUTLINE / 2 ? "," : "", ox[i % OUTLINE], oy[i % OUTLINE]);
    for (int i = CUT - 1; i >= 0; i--) buf_printf(out, ",[%.6f,%.6f]", cx[i], cy[i]);
    buf_puts(out, "]]}}");
    /* a police station in each town: a small octagon */
    for (size_t t = 0; t < ARRAY_LEN(demo_towns); t++) {
        char name[96];
        snprintf(name, sizeof name, "%s Police Station", demo_towns[t].name);
        feature_start(out, &first, "station", name, NULL);
        buf_puts(out, "{\"type\":\"Polygon\",\"coordinates\":[");
        ring(out, &s, demo_towns[t].lat, demo_towns[t].lon, 45, 8, 0.2, false);
        buf_puts(out, "]}}");
    }
    /* priority locations around the towns: irregular, some with a hole (a
     * park in an estate), two in two parts */
    int n = 0;
    for (size_t t = 0; t < ARRAY_LEN(demo_towns); t++) {
        for (int k = 0; k < demo_towns[t].priority; k++, n++) {
            double spread = t == 0 ? 3500 : 1500;
            double lat = demo_towns[t].lat + (demo_rand(&s) - 0.5) * 2 * spread * DEG_LAT;
            double lon = demo_towns[t].lon + (demo_rand(&s) - 0.5) * 2 * spread * DEG_LON;
            double r = 150 + 350 * demo_rand(&s);
            int pts = 6 + (int)(demo_rand(&s) * 10);
            char name[96];
            snprintf(name, sizeof name, "%s priority location %d", demo_towns[t].name, k + 1);
            feature_start(out, &first, "priority", name, NULL);
            if (n == 17 || n == 53) {
                buf_puts(out, "{\"type\":\"MultiPolygon\",\"coordinates\":[[");
                ring(out, &s, lat, lon, r, pts, 0.5, false);
                buf_puts(out, "],[");
                ring(out, &s, lat + 3 * r * DEG_LAT, lon + 2 * r * DEG_LON, r / 2, 7, 0.4, false);
                buf_puts(out, "]]}}");
            } else {
                buf_puts(out, "{\"type\":\"Polygon\",\"coordinates\":[");
                ring(out, &s, lat, lon, r, pts, 0.5, false);
                if (n % 9 == 4) {
                    buf_putc(out, ',');
                    ring(out, &s, lat, lon, r * 0.3, 6, 0.2, true);
                }
                buf_puts(out, "]}}");
            }
        }
    }
    buf_puts(out, "\n]}\n");
}

void geo_demo_town(int i, double *lat, double *lon)
{
    int n = (int)ARRAY_LEN(demo_towns);
    *lat = demo_towns[i % n].lat;
    *lon = demo_towns[i % n].lon;
}

int geo_demo_towns(void)
{
    return (int)ARRAY_LEN(demo_towns);
}
