/*
 * geo.h: police stations, priority locations and local policing areas as
 * polygons, and classifying officers' location pings against them.
 *
 * Boundaries arrive as a GeoJSON FeatureCollection (docs/data-formats.md,
 * "boundaries"): each Feature a Polygon or MultiPolygon (WGS84 [lon, lat],
 * holes allowed) with properties `kind` (station, priority or area), `name`
 * and, for areas, `code`. geo_parse() reads and checks them with libjansson.
 *
 * geo_index() lays a uniform grid over the polygons' extent. Each cell
 * records, per polygon touching it, whether the cell lies wholly inside,
 * or crosses the polygon's boundary (then with the edges that cross the
 * cell and whether the cell's centre is inside). A point in a cell no edge
 * crosses is answered from the cell alone; otherwise the segment from the
 * point to the cell's centre is tested against the few edges in the cell
 * (the even-odd rule: the point is inside when the centre is and an even
 * number of edges lie between them, or when it is not and an odd number
 * do). So classifying costs a cell lookup for most points and a handful of
 * segment tests for the rest, whatever the number of polygons.
 */
#ifndef ASSURE_GEO_H
#define ASSURE_GEO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef enum { GEO_STATION, GEO_PRIORITY, GEO_AREA } GeoKind;

/* One polygon: its rings (the first the outline, the rest holes), each a
 * closed list of points. Coordinates are x = longitude, y = latitude. */
typedef struct GeoPolygon {
    GeoKind kind;
    int feature;        /* index of its Feature in the file */
    char name[128];
    char code[48];      /* areas: the local policing area code */
    int lpa_id;         /* areas: set by the caller once the code is known */
    int nrings;
    int *ring_len;      /* points per ring */
    double *x, *y;      /* all rings' points, one after another */
    double minx, miny, maxx, maxy;
} GeoPolygon;

typedef struct GeoSet {
    int n;
    GeoPolygon *p;
} GeoSet;

/* Parses a GeoJSON FeatureCollection into set. Returns false with the
 * mistake in err ("feature 12: property \"kind\": expected station,
 * priority or area, found \"depot\""). The caller frees with geo_free().
 * Each feature's geometry is also returned as JSON text in geometry[i]
 * (allocated; freed by geo_free) when geometry is not NULL. */
bool geo_parse(const char *text, size_t len, GeoSet *set, char ***geometry, char *err, size_t errlen);
void geo_free(GeoSet *set, char **geometry);

/* Where a point is. */
typedef struct GeoPlace {
    bool station;   /* inside any station polygon */
    bool priority;  /* inside any priority location */
    int lpa_id;     /* the area polygon's lpa_id, 0 when in none */
} GeoPlace;

typedef struct GeoIndex GeoIndex;

/* Builds the grid for set (which must outlive the index). */
GeoIndex *geo_index(const GeoSet *set);
void geo_index_free(GeoIndex *g);

/* Classifies the point (lat, lon). */
void geo_classify(const GeoIndex *g, double lat, double lon, GeoPlace *out);

/* Classifies n points: flags[i] gets GEO_IN_STATION and GEO_IN_PRIORITY
 * bits, lpa_id[i] the area (0 when in none). */
#define GEO_IN_STATION 1
#define GEO_IN_PRIORITY 2
void geo_classify_many(const GeoIndex *g, const double *lat, const double *lon, int n, uint8_t *flags, int *lpa_id);

/* The grid's size and how many of its cells a boundary crosses. */
void geo_index_stats(const GeoIndex *g, int *nx, int *ny, int *crossed);

/* True when (x, y) is inside polygon p by the even-odd rule over all its
 * rings (the slow reference the index is tested against). */
bool geo_inside(const GeoPolygon *p, double x, double y);

/* Writes the demo boundaries as GeoJSON into out: 12 stations, 86 priority
 * locations (some with holes, two in two parts) and the two areas (north
 * and west) of a county around Northampton. Deterministic. */
void geo_demo_boundaries(Buf *out);
/* The demo county's towns (each has a station): how many, and where. */
int geo_demo_towns(void);
void geo_demo_town(int i, double *lat, double *lon);

#endif
