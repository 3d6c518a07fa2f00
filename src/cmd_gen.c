/*
 * cmd_gen.c: `assure gen street`, synthetic data.police.uk street CSVs;
 * `assure gen pings`, officers' location pings for a month (the format of
 * docs/data-formats.md, "Location pings") around the demo county; and
 * `assure gen boundaries`, the demo county's stations, priority locations
 * and areas as GeoJSON.
 *
 * Street files:
 * Writes N rows in the exact format of the monthly street-level crime files
 * (same header, LF line ends, RFC 4180 quoting only where a field holds a
 * comma) for benchmarks and tests that need more rows than the real data
 * holds. The output is a pure function of --rows and --seed: a splitmix64
 * generator drives every choice, so the same arguments give the same bytes.
 *
 * The shape follows the real files (../shared/data/police-uk, December
 * 2025): crime types and outcomes weighted as published, forces weighted by
 * their monthly volume, 64-hex crime IDs (empty for anti-social behaviour,
 * now and then repeated on the next row), about 2% of rows with
 * "No Location" and no coordinates or LSOA, Northern Ireland rows with no
 * LSOA and no outcome, and "Bournemouth, Christchurch and Poole" LSOA names
 * that need quoting. Months cover the 36 months ending 2025-12, in order.
 *
 * Speed: rows are assembled in one fixed buffer with hand-written number
 * formatting and written with write(2) in 1 MiB blocks; nothing is
 * allocated per row. Ten million rows (about 2.3 GB) take seconds. The file
 * is written as FILE.part and renamed when complete, so an interrupted run
 * never leaves a truncated FILE behind.
 */
#include "commands.h"
#include "geo.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GEN_MAX_ROWS 2000000000LL /* a sanity bound: about 450 GB of CSV */
#define GEN_MONTHS 36             /* months covered, ending GEN_LAST_* */
#define GEN_LAST_YEAR 2025
#define GEN_LAST_MONTH 12
#define GEN_BUF (1 << 20)  /* output block written with one write(2) */
#define GEN_ROW_MAX 1024   /* bound on one row's length (the longest is ~330) */

static const char street_header[] =
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
    "LSOA code,LSOA name,Crime type,Last outcome category,Context\n";

/* One force as it appears in the files: its "Reported by" spelling, its
 * relative monthly volume, the box holding 90% of its located crimes, the
 * country letter of its LSOA codes (0: none, as for Northern Ireland) and
 * the local authority names its LSOA names start with, largest first. */
typedef struct GenForce {
    const char *name;
    unsigned weight;
    double lon0, lon1, lat0, lat1;
    char country;
    const char *areas[8];
} GenForce;

static const GenForce gen_forces[] = {
    {"Avon and Somerset Constabulary", 15573, -3.10, -2.36, 50.95, 51.53, 'E',
     {"Bristol", "South Gloucestershire", "North Somerset", "Bath and North East Somerset", "Somerset West and Taunton", "Sedgemoor", "Mendip"}},
    {"Bedfordshire Police", 4636, -0.64, -0.26, 51.87, 52.15, 'E', {"Luton", "Central Bedfordshire", "Bedford"}},
    {"British Transport Police", 4800, -0.30, 0.05, 51.45, 51.58, 'E', {"Westminster", "Camden", "Birmingham", "Manchester", "Leeds"}},
    {"Cambridgeshire Constabulary", 6396, -0.29, 0.26, 52.17, 52.65, 'E',
     {"Peterborough", "Cambridge", "Huntingdonshire", "Fenland", "South Cambridgeshire", "East Cambridgeshire"}},
    {"Cheshire Constabulary", 6418, -2.92, -2.13, 53.09, 53.41, 'E', {"Cheshire West and Chester", "Cheshire East", "Warrington", "Halton"}},
    {"City of London Police", 810, -0.11, -0.08, 51.51, 51.52, 'E', {"City of London"}},
    {"Cleveland Police", 6954, -1.35, -1.05, 54.52, 54.69, 'E', {"Middlesbrough", "Stockton-on-Tees", "Redcar and Cleveland", "Hartlepool"}},
    {"Cumbria Constabulary", 3162, -3.58, -2.73, 54.11, 54.90, 'E', {"Carlisle", "Allerdale", "Barrow-in-Furness", "South Lakeland", "Copeland", "Eden"}},
    {"Derbyshire Constabulary", 7972, -1.91, -1.27, 52.80, 53.31, 'E',
     {"Derby", "Chesterfield", "Amber Valley", "Erewash", "South Derbyshire", "North East Derbyshire", "Bolsover", "High Peak"}},
    {"Devon & Cornwall Police", 10881, -5.29, -3.40, 50.16, 51.03, 'E', {"Cornwall", "Plymouth", "Exeter", "Torbay", "East Devon", "Teignbridge", "North Devon"}},
    {"Dorset Police", 4232, -2.49, -1.80, 50.61, 50.93, 'E', {"Bournemouth, Christchurch and Poole", "Dorset"}},
    {"Durham Constabulary", 5887, -1.82, -1.33, 54.52, 54.87, 'E', {"County Durham", "Darlington"}},
    {"Dyfed-Powys Police", 3127, -5.02, -3.18, 51.67, 52.52, 'W', {"Carmarthenshire", "Pembrokeshire", "Powys", "Ceredigion"}},
    {"Essex Police", 12606, 0.09, 1.15, 51.49, 51.91, 'E',
     {"Southend-on-Sea", "Basildon", "Thurrock", "Colchester", "Chelmsford", "Tendring", "Epping Forest", "Harlow"}},
    {"Gloucestershire Constabulary", 4374, -2.51, -1.95, 51.70, 51.98, 'E', {"Gloucester", "Cheltenham", "Stroud", "Cotswold", "Tewkesbury", "Forest of Dean"}},
    {"Greater Manchester Police", 30000, -2.60, -2.00, 53.35, 53.65, 'E',
     {"Manchester", "Salford", "Bolton", "Wigan", "Oldham", "Stockport", "Rochdale", "Tameside"}},
    {"Gwent Police", 5388, -3.25, -2.79, 51.57, 51.80, 'W', {"Newport", "Caerphilly", "Torfaen", "Blaenau Gwent", "Monmouthshire"}},
    {"Hampshire Constabulary", 12302, -1.51, -0.79, 50.71, 51.29, 'E',
     {"Southampton", "Portsmouth", "Basingstoke and Deane", "Isle of Wight", "Havant", "New Forest", "Eastleigh", "Rushmoor"}},
    {"Hertfordshire Constabulary", 8386, -0.49, 0.02, 51.64, 51.96, 'E',
     {"Dacorum", "Welwyn Hatfield", "St Albans", "Watford", "East Hertfordshire", "Stevenage", "Hertsmere", "Broxbourne"}},
    {"Humberside Police", 7252, -0.82, -0.05, 53.55, 54.08, 'E', {"Kingston upon Hull", "East Riding of Yorkshire", "North East Lincolnshire", "North Lincolnshire"}},
    {"Kent Police", 14512, 0.22, 1.39, 51.09, 51.44, 'E', {"Medway", "Canterbury", "Maidstone", "Thanet", "Swale", "Dartford", "Ashford", "Dover"}},
    {"Lancashire Constabulary", 13894, -3.05, -2.21, 53.62, 54.06, 'E',
     {"Blackpool", "Preston", "Blackburn with Darwen", "Burnley", "Lancaster", "Hyndburn", "Chorley", "Pendle"}},
    {"Leicestershire Police", 7717, -1.38, -0.89, 52.53, 52.78, 'E',
     {"Leicester", "Charnwood", "Hinckley and Bosworth", "North West Leicestershire", "Blaby", "Harborough", "Oadby and Wigston", "Melton"}},
    {"Lincolnshire Police", 5379, -0.75, 0.33, 52.73, 53.40, 'E',
     {"Lincoln", "East Lindsey", "South Kesteven", "West Lindsey", "South Holland", "Boston", "North Kesteven"}},
    {"Merseyside Police", 12066, -3.06, -2.72, 53.36, 53.60, 'E', {"Liverpool", "Wirral", "Sefton", "St. Helens", "Knowsley"}},
    {"Metropolitan Police Service", 80000, -0.45, 0.20, 51.35, 51.65, 'E',
     {"Westminster", "Newham", "Croydon", "Tower Hamlets", "Southwark", "Lambeth", "Camden", "Ealing"}},
    {"Norfolk Constabulary", 5146, 0.40, 1.73, 52.42, 52.84, 'E',
     {"Norwich", "Great Yarmouth", "King's Lynn and West Norfolk", "Breckland", "South Norfolk", "Broadland", "North Norfolk"}},
    {"North Wales Police", 4622, -4.37, -2.98, 52.96, 53.33, 'W', {"Wrexham", "Denbighshire", "Flintshire", "Conwy", "Gwynedd", "Isle of Anglesey"}},
    {"North Yorkshire Police", 4504, -1.82, -0.40, 53.79, 54.41, 'E',
     {"York", "Scarborough", "Harrogate", "Selby", "Hambleton", "Craven", "Ryedale", "Richmondshire"}},
    {"Northamptonshire Police", 5559, -1.15, -0.59, 52.17, 52.49, 'E', {"West Northamptonshire", "North Northamptonshire"}},
    {"Northumbria Police", 12864, -1.74, -1.38, 54.88, 55.18, 'E',
     {"Newcastle upon Tyne", "Sunderland", "Northumberland", "Gateshead", "North Tyneside", "South Tyneside"}},
    {"Nottinghamshire Police", 9474, -1.27, -0.83, 52.92, 53.31, 'E',
     {"Nottingham", "Mansfield", "Ashfield", "Bassetlaw", "Newark and Sherwood", "Broxtowe", "Gedling", "Rushcliffe"}},
    {"Police Service of Northern Ireland", 10221, -7.34, -5.70, 54.20, 55.03, 0, {NULL}},
    {"South Wales Police", 9312, -3.97, -3.15, 51.42, 51.74, 'W',
     {"Cardiff", "Swansea", "Rhondda Cynon Taf", "Bridgend", "Neath Port Talbot", "Vale of Glamorgan", "Merthyr Tydfil"}},
    {"South Yorkshire Police", 13337, -1.51, -1.07, 53.34, 53.58, 'E', {"Sheffield", "Doncaster", "Rotherham", "Barnsley"}},
    {"Staffordshire Police", 8611, -2.24, -1.64, 52.62, 53.08, 'E',
     {"Stoke-on-Trent", "Stafford", "East Staffordshire", "Newcastle-under-Lyme", "Cannock Chase", "South Staffordshire", "Lichfield", "Staffordshire Moorlands"}},
    {"Suffolk Constabulary", 3820, 0.44, 1.75, 52.00, 52.48, 'E', {"East Suffolk", "Ipswich", "West Suffolk", "Mid Suffolk", "Babergh"}},
    {"Surrey Police", 6741, -0.74, -0.09, 51.17, 51.43, 'E',
     {"Guildford", "Reigate and Banstead", "Spelthorne", "Elmbridge", "Runnymede", "Woking", "Epsom and Ewell", "Surrey Heath"}},
    {"Sussex Police", 12008, -0.76, 0.57, 50.77, 51.12, 'E',
     {"Brighton and Hove", "Crawley", "Arun", "Eastbourne", "Worthing", "Hastings", "Mid Sussex", "Chichester"}},
    {"Thames Valley Police", 14650, -1.41, -0.58, 51.40, 52.06, 'E',
     {"Buckinghamshire", "Milton Keynes", "Reading", "Oxford", "Slough", "Cherwell", "West Berkshire", "Windsor and Maidenhead"}},
    {"Warwickshire Police", 3678, -1.76, -1.25, 52.19, 52.57, 'E', {"Nuneaton and Bedworth", "Warwick", "Stratford-on-Avon", "Rugby", "North Warwickshire"}},
    {"West Mercia Police", 7879, -2.84, -1.93, 52.05, 52.86, 'E',
     {"Shropshire", "Telford and Wrekin", "Worcester", "Herefordshire", "Wyre Forest", "Wychavon", "Redditch", "Bromsgrove"}},
    {"West Midlands Police", 27000, -2.10, -1.60, 52.35, 52.62, 'E', {"Birmingham", "Coventry", "Wolverhampton", "Sandwell", "Walsall", "Dudley", "Solihull"}},
    {"West Yorkshire Police", 26000, -2.10, -1.30, 53.60, 53.95, 'E', {"Leeds", "Bradford", "Kirklees", "Wakefield", "Calderdale"}},
    {"Wiltshire Police", 4008, -2.22, -1.72, 51.07, 51.60, 'E', {"Wiltshire", "Swindon"}},
};

/* A string with a relative weight. */
typedef struct Weighted {
    const char *s;
    unsigned weight;
} Weighted;

/* Crime types, weighted as in the published data (tenths of a percent). */
enum { TYPE_ASB = 1 }; /* index of "Anti-social behaviour" below */
static const Weighted gen_types[] = {
    {"Violence and sexual offences", 370}, {"Anti-social behaviour", 160}, {"Shoplifting", 80},
    {"Criminal damage and arson", 80},     {"Public order", 70},           {"Other theft", 60},
    {"Vehicle crime", 40},                 {"Drugs", 34},                  {"Burglary", 34},
    {"Other crime", 24},                   {"Possession of weapons", 10},  {"Robbery", 9},
    {"Bicycle theft", 8},                  {"Theft from the person", 6},
};

/* Last outcome categories of crimes some months old (December 2025 counts
 * for the months before the latest). */
static const Weighted gen_outcomes_settled[] = {
    {"Unable to prosecute suspect", 105618},
    {"Investigation complete; no suspect identified", 87900},
    {"Status update unavailable", 29179},
    {"Awaiting court outcome", 23117},
    {"Local resolution", 10087},
    {"Action to be taken by another organisation", 4183},
    {"Offender given a caution", 2309},
    {"Further investigation is not in the public interest", 1936},
    {"Court result unavailable", 1500},
    {"Formal action is not in the public interest", 1060},
    {"Further action is not in the public interest", 871},
    {"Suspect charged as part of another case", 139},
    {"Offender given penalty notice", 44},
    {"Offender given a drugs possession warning", 2},
};

/* Outcomes of the latest three months: many crimes are still open. */
static const Weighted gen_outcomes_recent[] = {
    {"Under investigation", 90000},
    {"Unable to prosecute suspect", 60000},
    {"Investigation complete; no suspect identified", 60000},
    {"Status update unavailable", 20000},
    {"Awaiting court outcome", 12000},
    {"Local resolution", 6000},
    {"Action to be taken by another organisation", 2500},
    {"Offender given a caution", 1000},
    {"Further investigation is not in the public interest", 900},
    {"Formal action is not in the public interest", 400},
    {"Further action is not in the public interest", 300},
};

/* Locations: places the data names by kind, then ordinary streets. One
 * street name holds a comma, as a few real ones do. */
static const Weighted gen_places[] = {
    {"Supermarket", 265},     {"Parking Area", 109},       {"Petrol Station", 104}, {"Shopping Area", 58},
    {"Nightclub", 53},        {"Hospital", 43},            {"Park/Open Space", 33}, {"Sports/Recreation Area", 32},
    {"Theatre/Concert Hall", 9}, {"Further/Higher Educational Building", 8}, {"Police Station", 7},
    {"Conference/Exhibition Centre", 3},
};
static const char *const gen_streets[] = {
    "High Street", "Church Street", "Market Street", "Station Road", "London Road", "Victoria Road",
    "Back Lane", "York Road", "Regent Street", "King Street", "Queen Street", "Park Road",
    "Mill Lane", "School Lane", "The Grove", "Green Lane", "Manor Road", "Church Lane",
    "Grafton Street", "Sheep Street", "Fish Street", "Welford Road", "Stanhope Road", "Malvern Close",
    "Crane Close", "Roundwood Way", "Victoria Gardens", "St Giles' Terrace", "Woolmonger Street", "Drapery",
    "Bowerland Lane", "Pound Lane", "Taylers Yard", "Hawker Close", "Oakley Hill", "Bank Street",
    "Castle Street", "Rugby Avenue", "North Street", "South Street", "West Street", "East Street",
    "New Road", "Chapel Street", "Bridge Street", "Albert Road", "Springfield Road", "The Crescent",
    "Windsor Road", "Alexandra Road", "Kingsway", "Broadway", "Elm Grove", "Beech Avenue",
    "Orchard Close", "Meadow Way", "Cedar Drive", "Ash Grove", "The Avenue", "Cromwell Road",
    "Nelson Street", "Wellington Road", "Mount Pleasant", "Priory Road", "Abbey Road", "Portland Road",
    "The Drive, Park Lane",
};

/* The generator: splitmix64 (Steele, Lea and Flood), one 64-bit state. */
typedef struct Rng {
    uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* A uniform integer in [0, n) by multiply-shift of the high 32 bits
 * (n below 2^32; the bias is far below anything a test could see). */
static uint32_t rng_below(Rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Cumulative weights of a table, for pick(). */
typedef struct Cum {
    int n;
    uint32_t total;
    uint32_t c[64]; /* c[i]: sum of weights 0..i */
} Cum;

static void cum_build(Cum *c, const unsigned *w, size_t stride, int n)
{
    c->n = n;
    uint32_t t = 0;
    for (int i = 0; i < n; i++) {
        t += *(const unsigned *)((const char *)w + (size_t)i * stride);
        c->c[i] = t;
    }
    c->total = t;
}

/* Index of a weighted random entry. */
static int pick(Rng *r, const Cum *c)
{
    uint32_t x = rng_below(r, c->total);
    int i = 0;
    while (c->c[i] <= x) i++;
    return i;
}

/* The output: a block buffer over a file descriptor. */
typedef struct Out {
    int fd;
    const char *path; /* for messages */
    char *buf;        /* GEN_BUF bytes, owned */
    size_t len;
} Out;

static void out_flush(Out *o)
{
    size_t done = 0;
    while (done < o->len) {
        ssize_t w = write(o->fd, o->buf + done, o->len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) die("gen: cannot write %s: %s", o->path, strerror(errno));
        done += (size_t)w;
    }
    o->len = 0;
}

/* Appends n bytes (the caller has ensured room for a whole row). */
static inline void put(Out *o, const char *s, size_t n)
{
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static inline void puts_(Out *o, const char *s)
{
    put(o, s, strlen(s));
}

static inline void putch(Out *o, char c)
{
    o->buf[o->len++] = c;
}

/* Appends v as exactly `width` decimal digits, zero-padded. */
static void put_digits(Out *o, unsigned long v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        o->buf[o->len + (size_t)i] = (char)('0' + v % 10);
        v /= 10;
    }
    o->len += (size_t)width;
}

/* Appends a coordinate given in millionths of a degree as the files write
 * it: "-1.953557", "0.971575". */
static void put_coord(Out *o, long micro)
{
    if (micro < 0) {
        putch(o, '-');
        micro = -micro;
    }
    unsigned long whole = (unsigned long)micro / 1000000, frac = (unsigned long)micro % 1000000;
    put_digits(o, whole, whole >= 100 ? 3 : whole >= 10 ? 2 : 1);
    putch(o, '.');
    put_digits(o, frac, 6);
}

/* Appends 64 lower-case hex digits from the generator. */
static void make_crime_id(Rng *r, char id[64])
{
    static const char hex[] = "0123456789abcdef";
    for (int w = 0; w < 4; w++) {
        uint64_t v = rng_next(r);
        for (int i = 0; i < 16; i++) id[w * 16 + i] = hex[(v >> (60 - 4 * i)) & 15];
    }
}

/* Writes `rows` street rows after the header to o. */
static void gen_street(Out *o, long long rows, uint64_t seed)
{
    enum { NF = (int)ARRAY_LEN(gen_forces) };
    Rng rng = {seed};
    Cum forces, types, settled, recent, places;
    unsigned fw[NF];
    long lon0[NF], lonspan[NF], lat0[NF], latspan[NF];
    int nareas[NF];
    for (int i = 0; i < NF; i++) {
        const GenForce *f = &gen_forces[i];
        fw[i] = f->weight;
        lon0[i] = (long)(f->lon0 * 1e6);
        lonspan[i] = (long)((f->lon1 - f->lon0) * 1e6) + 1;
        lat0[i] = (long)(f->lat0 * 1e6);
        latspan[i] = (long)((f->lat1 - f->lat0) * 1e6) + 1;
        nareas[i] = 0;
        while (nareas[i] < 8 && f->areas[nareas[i]]) nareas[i]++;
    }
    cum_build(&forces, fw, sizeof fw[0], NF);
    cum_build(&types, &gen_types[0].weight, sizeof gen_types[0], (int)ARRAY_LEN(gen_types));
    cum_build(&settled, &gen_outcomes_settled[0].weight, sizeof gen_outcomes_settled[0], (int)ARRAY_LEN(gen_outcomes_settled));
    cum_build(&recent, &gen_outcomes_recent[0].weight, sizeof gen_outcomes_recent[0], (int)ARRAY_LEN(gen_outcomes_recent));
    cum_build(&places, &gen_places[0].weight, sizeof gen_places[0], (int)ARRAY_LEN(gen_places));

    char last_id[64];
    bool have_id = false;
    put(o, street_header, sizeof street_header - 1);
    for (long long row = 0; row < rows; row++) {
        if (o->len > GEN_BUF - GEN_ROW_MAX) out_flush(o);
        /* months in order, as a concatenation of monthly files reads */
        int m = (int)(row * GEN_MONTHS / rows);              /* 0 = oldest */
        int mabs = GEN_LAST_YEAR * 12 + (GEN_LAST_MONTH - 1) - (GEN_MONTHS - 1) + m;
        int fi = pick(&rng, &forces);
        const GenForce *f = &gen_forces[fi];
        int type = pick(&rng, &types);

        /* Crime ID */
        if (type != TYPE_ASB) {
            if (!have_id || rng_below(&rng, 1000) >= 3) make_crime_id(&rng, last_id);
            have_id = true;
            put(o, last_id, sizeof last_id);
        }
        putch(o, ',');
        put_digits(o, (unsigned long)(mabs / 12), 4);
        putch(o, '-');
        put_digits(o, (unsigned long)(mabs % 12 + 1), 2);
        putch(o, ',');
        puts_(o, f->name);
        putch(o, ',');
        puts_(o, f->name);
        putch(o, ',');

        /* Where: about 2% of rows have no location at all. */
        if (rng_below(&rng, 1000) < 20) {
            puts_(o, ",,No Location,,,");
        } else {
            put_coord(o, lon0[fi] + (long)rng_below(&rng, (uint32_t)lonspan[fi]));
            putch(o, ',');
            put_coord(o, lat0[fi] + (long)rng_below(&rng, (uint32_t)latspan[fi]));
            putch(o, ',');
            const char *where = rng_below(&rng, 100) < 12 ? gen_places[pick(&rng, &places)].s
                                                           : gen_streets[rng_below(&rng, (uint32_t)ARRAY_LEN(gen_streets))];
            bool qloc = strchr(where, ',') != NULL;
            if (qloc) putch(o, '"');
            puts_(o, "On or near ");
            puts_(o, where);
            if (qloc) putch(o, '"');
            putch(o, ',');
            if (f->country) {
                /* larger areas first: the smaller of two uniform picks */
                uint32_t a1 = rng_below(&rng, (uint32_t)nareas[fi]), a2 = rng_below(&rng, (uint32_t)nareas[fi]);
                uint32_t area = a1 < a2 ? a1 : a2;
                uint32_t num = 1 + rng_below(&rng, 40 - 4 * area);
                uint32_t letter = rng_below(&rng, 5);
                unsigned long code = 10000 + ((unsigned long)fi * 8 + area) * 300 + (num - 1) * 5 + letter;
                putch(o, f->country);
                put(o, "01", 2);
                put_digits(o, code, 6);
                putch(o, ',');
                const char *name = f->areas[area];
                bool quote = strchr(name, ',') != NULL;
                if (quote) putch(o, '"');
                puts_(o, name);
                putch(o, ' ');
                put_digits(o, num, 3);
                putch(o, (char)('A' + letter));
                if (quote) putch(o, '"');
            } else {
                putch(o, ',');
            }
            putch(o, ',');
        }
        puts_(o, gen_types[type].s);
        putch(o, ',');
        /* Outcome: none for ASB, nor in Northern Ireland's files. */
        if (type != TYPE_ASB && f->country) {
            const Weighted *w = m >= GEN_MONTHS - 3 ? gen_outcomes_recent : gen_outcomes_settled;
            puts_(o, w[pick(&rng, m >= GEN_MONTHS - 3 ? &recent : &settled)].s);
        }
        put(o, ",\n", 2); /* Context: always empty */
    }
}

/* ---- officers' location pings ---- */

/* The pings' month: November 2025 (GMT throughout, so local times are
 * UTC and every day has 86,400 seconds). */
#define PING_DAYS 30
#define PING_STEP 30      /* seconds between an officer's pings */
#define PING_SHIFT 28800  /* an eight-hour shift */
#define PING_AFTER 600    /* a device keeps pinging ten minutes off duty */

/* A place an officer spends a while: a point in millionths of a degree and
 * when they leave it. */
typedef struct Spot {
    long lat, lon;
    int until;       /* seconds into the month */
    int gap_until;   /* no pings before this (a dead spot, a flat battery) */
} Spot;

static long to_micro(double d)
{
    return (long)(d * 1e6 + (d < 0 ? -0.5 : 0.5));
}

/* Writes `rows` pings, in time order, of as many officers as a month of
 * eight-hour shifts on two days in three needs: every 30 seconds on duty
 * and for ten minutes after (on_duty N), with now and then a gap of 4 to
 * 10 minutes; each officer spends 10 to 60 minutes at a place: their
 * station (about 40%), a priority location (8% for neighbourhood officers
 * and PCSOs, 3% for response) or elsewhere around their town. */
static void gen_pings(Out *o, long long rows, uint64_t seed)
{
    Rng rng = {seed ^ 0x50494E47ULL};
    /* the demo county's polygons give the stations and priority locations */
    Buf b = {0};
    geo_demo_boundaries(&b);
    GeoSet set;
    char err[256];
    if (!geo_parse(b.s, b.len, &set, NULL, err, sizeof err)) die("gen: the demo boundaries do not parse: %s", err);
    buf_free(&b);
    int nst = 0, npr = 0;
    long st_lat[64], st_lon[64], pr_lat[128], pr_lon[128], pr_r[128];
    for (int i = 0; i < set.n; i++) {
        const GeoPolygon *p = &set.p[i];
        double clat = (p->miny + p->maxy) / 2, clon = (p->minx + p->maxx) / 2;
        if (p->kind == GEO_STATION && nst < 64) st_lat[nst] = to_micro(clat), st_lon[nst++] = to_micro(clon);
        if (p->kind == GEO_PRIORITY && npr < 128) {
            pr_lat[npr] = to_micro(clat), pr_lon[npr] = to_micro(clon);
            pr_r[npr++] = to_micro((p->maxy - p->miny) / 6);
        }
    }
    geo_free(&set, NULL);
    long long per_officer = (long long)PING_DAYS * 2 / 3 * (PING_SHIFT + PING_AFTER) / PING_STEP;
    /* a tenth more officers than the average asks, so the rows run out
     * (at N) in the month's last days rather than the month first */
    int officers = (int)(rows / (per_officer * 9 / 10)) + 1;
    Spot *spot = xcalloc((size_t)officers, sizeof *spot);
    char day_text[PING_DAYS][12];
    for (int d = 0; d < PING_DAYS; d++) memcpy(day_text[d], "2025-11-00 ", 12), day_text[d][8] = (char)('0' + (d + 1) / 10), day_text[d][9] = (char)('0' + (d + 1) % 10);
    static const char *const team_name[] = {"neighbourhood", "response", "pcso"};
    puts_(o, "officer,team,at,latitude,longitude,on_duty\n");
    long long written = 0;
    for (int t = 0; t < PING_DAYS * 86400 && written < rows; t += PING_STEP) {
        for (int k = 0; k < officers && written < rows; k++) {
            /* shifts start at 07:00, 15:00 or 23:00 by officer; the officer
             * works two days in three, by a hash of officer and day */
            int start = 7 * 3600 + (k % 3) * PING_SHIFT;
            int since = t - start;
            if (since < 0) continue;
            int day = since / 86400, into = since % 86400;
            if (into >= PING_SHIFT + PING_AFTER) continue;
            uint64_t h = ((uint64_t)k * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)day * 0xC2B2AE3D27D4EB4FULL);
            if ((h >> 40) % 3 == 0) continue;
            Spot *sp = &spot[k];
            if (t < sp->gap_until) continue;
            int team = k % 10 < 4 ? 0 : k % 10 < 8 ? 1 : 2;
            int town = (k / 10) % nst;
            if (t >= sp->until) {
                /* a new place for 10 to 60 minutes */
                uint32_t u = rng_below(&rng, 100);
                int at_station = team == 1 ? 45 : 40, in_priority = team == 1 ? 3 : 8;
                if ((int)u < at_station) {
                    sp->lat = st_lat[town], sp->lon = st_lon[town];
                } else if ((int)u < at_station + in_priority) {
                    int p = (int)rng_below(&rng, (uint32_t)npr);
                    long r = pr_r[p] > 1 ? pr_r[p] : 1;
                    sp->lat = pr_lat[p] + (long)rng_below(&rng, (uint32_t)(2 * r)) - r;
                    sp->lon = pr_lon[p] + (long)rng_below(&rng, (uint32_t)(2 * r)) - r;
                } else {
                    long spread = team == 1 ? 60000 : 45000; /* millionths: about 6 or 4.5 km */
                    sp->lat = st_lat[town] + (long)rng_below(&rng, (uint32_t)(2 * spread)) - spread;
                    sp->lon = st_lon[town] + (long)rng_below(&rng, (uint32_t)(3 * spread)) - 3 * spread / 2;
                }
                sp->until = t + 600 + (int)rng_below(&rng, 3000);
            }
            /* one ping in 500 starts a gap of 4 to 10 minutes */
            if (rng_below(&rng, 500) == 0) sp->gap_until = t + 240 + (int)rng_below(&rng, 360);
            bool on = into < PING_SHIFT;
            int secs = t % 86400;
            putch(o, 'P');
            put_digits(o, (unsigned long)k, 5);
            putch(o, ',');
            puts_(o, team_name[team]);
            putch(o, ',');
            put(o, day_text[t / 86400], 11);
            put_digits(o, (unsigned long)(secs / 3600), 2);
            putch(o, ':');
            put_digits(o, (unsigned long)(secs / 60 % 60), 2);
            putch(o, ':');
            put_digits(o, (unsigned long)(secs % 60), 2);
            putch(o, ',');
            put_coord(o, sp->lat + (long)rng_below(&rng, 200) - 100);
            putch(o, ',');
            put_coord(o, sp->lon + (long)rng_below(&rng, 300) - 150);
            puts_(o, on ? ",Y\n" : ",N\n");
            written++;
            if (o->len > GEN_BUF - GEN_ROW_MAX) out_flush(o);
        }
    }
    free(spot);
}

/* `assure gen street|pings --rows N [--seed S] -o FILE` and `assure gen
 * boundaries -o FILE` (see the file comment). */
int cmd_gen(Opts *o)
{
    static const char usage[] = "usage: assure gen street|pings --rows N [--seed N] -o FILE, or assure gen boundaries -o FILE";
    if (o->nargs != 1) die("gen: say what to generate (street, pings or boundaries); %s", usage);
    const char *kind = o->args[0];
    bool boundaries = strcmp(kind, "boundaries") == 0;
    if (!boundaries && strcmp(kind, "street") != 0 && strcmp(kind, "pings") != 0)
        die("gen: unknown kind '%s' (expected street, pings or boundaries); %s", kind, usage);
    if (!boundaries && o->rows <= 0) die("gen: --rows N is required and must be at least 1; %s", usage);
    if (o->rows > GEN_MAX_ROWS) die("gen: --rows %lld is more than the %lld this generator allows", o->rows, GEN_MAX_ROWS);
    if (!o->output || !*o->output) die("gen: -o FILE is required; %s", usage);

    size_t plen = strlen(o->output) + 6;
    char *part = xmalloc(plen);
    snprintf(part, plen, "%s.part", o->output);
    int fd = open(part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) die("gen: cannot create %s: %s", part, strerror(errno));
    Out out = {fd, part, xmalloc(GEN_BUF), 0};
    if (boundaries) {
        Buf b = {0};
        geo_demo_boundaries(&b);
        size_t done = 0;
        while (done < b.len) {
            size_t n = b.len - done < GEN_BUF ? b.len - done : GEN_BUF;
            memcpy(out.buf, b.s + done, n);
            out.len = n;
            out_flush(&out);
            done += n;
        }
        buf_free(&b);
    } else if (strcmp(kind, "pings") == 0) {
        gen_pings(&out, o->rows, (uint64_t)o->seed);
    } else {
        gen_street(&out, o->rows, (uint64_t)o->seed);
    }
    out_flush(&out);
    if (close(fd) != 0) die("gen: cannot write %s: %s", part, strerror(errno));
    if (rename(part, o->output) != 0) die("gen: cannot rename %s to %s: %s", part, o->output, strerror(errno));
    free(out.buf);
    free(part);
    return 0;
}
