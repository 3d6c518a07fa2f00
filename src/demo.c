/*
 * demo.c: the deterministic demo office (see demo.h).
 *
 * The model. For force f, police.uk crime type t and month m the street
 * count is
 *
 *     n = population/1000 x base(t) x level(f) x mix(f,t) x season(t,m)
 *         x trend(f,t,m) x days(m)/30.44 x noise(f,t,m)
 *
 * base(t) is a monthly rate per 1,000 people close to the national one;
 * level(f) (0.75 to 1.3, from a table written to resemble the real spread
 * of forces) sets where the force stands, and is chosen so Northamptonshire
 * comes out 26th of 43 on all crime and 4th of 8 in its demo peer group, as
 * in the office's briefing pack (seed 001); mix(f,t) is a per-force type
 * profile (+-10%, normalised so it does not move the all-crime level;
 * Northamptonshire's violence is set 12% high); season(t,m) peaks in summer
 * for violence, disorder and ASB and in winter for burglary and vehicle
 * crime; trend(f,t,m) grows or shrinks each type by a rate per year
 * (shoplifting rising, burglary and ASB falling, with a per-force spread),
 * anchored at mid-2025 so the latest year keeps the levels; noise is +-6%.
 *
 * The Home Office quarters sum the same model over the quarter's months
 * (before 2023 the model extrapolates), split each police.uk type into
 * offence subgroups with fixed shares, and scale each offence group by a
 * factor between 1.0 and 1.1, mostly per group and a little per force
 * (recorded crime counts a little more than police.uk publishes), so the
 * forces rank about the same in both sources. Small counts (homicide) are
 * Poisson draws, the rest get +-4% noise.
 *
 * Random numbers: splitmix64 from the constant DEMO_SEED, keyed by hashes of
 * the force code, crime type slug, month and a purpose salt, so every value
 * depends only on what it describes.
 */
#include "demo.h"
#include "auth.h"
#include "db.h"
#include "forces.h"
#include "util.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define DEMO_SEED 0x5EED0A55E7ULL /* the one seed everything derives from */
#define DEMO_MAX_TYPES 32         /* current crime types handled */
#define DEMO_TIMESTAMP "2026-01-31T00:00:00Z" /* the demo import's "as at" */

/* Purpose salts: one per kind of random draw. */
enum { SALT_MIX = 1, SALT_TREND, SALT_NOISE, SALT_NOLOC, SALT_HO_FACTOR, SALT_HO_JITTER, SALT_LEVEL };

/* Parameters of one police.uk crime type. */
typedef struct TypeModel {
    const char *slug;  /* crime_type.slug */
    double base;       /* crimes per 1,000 people per month */
    double amp;        /* seasonal amplitude (0.1 = +-10%) */
    int peak;          /* month of the seasonal peak, 1-12 */
    double trend;      /* growth per year, e.g. 0.15 = +15% (log scale) */
} TypeModel;

static const TypeModel type_models[] = {
    {"violent-crime", 3.10, 0.07, 7, -0.02},
    {"anti-social-behaviour", 1.40, 0.20, 7, -0.08},
    {"shoplifting", 0.70, 0.05, 12, 0.15},
    {"criminal-damage-arson", 0.65, 0.05, 10, -0.03},
    {"public-order", 0.60, 0.07, 7, -0.03},
    {"other-theft", 0.50, 0.05, 8, -0.01},
    {"vehicle-crime", 0.35, 0.08, 12, -0.04},
    {"drugs", 0.28, 0.04, 3, 0.02},
    {"burglary", 0.28, 0.12, 12, -0.05},
    {"other-crime", 0.20, 0.03, 6, 0.01},
    {"possession-of-weapons", 0.09, 0.06, 6, 0.03},
    {"robbery", 0.08, 0.06, 11, 0.03},
    {"bicycle-theft", 0.07, 0.30, 8, -0.02},
    {"theft-from-the-person", 0.05, 0.08, 12, 0.08},
};
/* A current type this table does not know (a future police.uk category). */
static const TypeModel type_unknown = {"", 0.10, 0.0, 1, 0.0};

/* Where each force stands relative to the national rate, and the people
 * it serves when the force table has no population (BTP, PSNI) or when its
 * resident population misleads (the City of London's daytime population). */
typedef struct ForceLevel {
    const char *code;
    double level;
    double population; /* 0: use force.population */
} ForceLevel;

static const ForceLevel force_levels[] = {
    {"avon-and-somerset", 0.98, 0}, {"bedfordshire", 1.07, 0}, {"cambridgeshire", 0.96, 0},
    {"cheshire", 0.94, 0}, {"city-of-london", 1.30, 90000}, {"cleveland", 1.30, 0},
    {"cumbria", 0.88, 0}, {"derbyshire", 0.90, 0}, {"devon-and-cornwall", 0.80, 0},
    {"dorset", 0.84, 0}, {"durham", 1.18, 0}, {"dyfed-powys", 0.75, 0},
    {"essex", 0.97, 0}, {"gloucestershire", 0.86, 0}, {"greater-manchester", 1.25, 0},
    {"gwent", 0.99, 0}, {"hampshire", 0.97, 0}, {"hertfordshire", 0.88, 0},
    {"humberside", 1.12, 0}, {"kent", 0.98, 0}, {"lancashire", 1.10, 0},
    {"leicestershire", 1.10, 0}, {"lincolnshire", 0.90, 0}, {"merseyside", 1.12, 0},
    {"metropolitan", 1.15, 0}, {"norfolk", 0.85, 0}, {"north-wales", 0.97, 0},
    {"north-yorkshire", 0.76, 0}, {"northamptonshire", 1.02, 0}, {"northumbria", 1.20, 0},
    {"nottinghamshire", 1.09, 0}, {"south-wales", 1.08, 0}, {"south-yorkshire", 1.22, 0},
    {"staffordshire", 1.06, 0}, {"suffolk", 0.80, 0}, {"surrey", 0.77, 0},
    {"sussex", 0.96, 0}, {"thames-valley", 0.91, 0}, {"warwickshire", 0.89, 0},
    {"west-mercia", 0.90, 0}, {"west-midlands", 1.20, 0}, {"west-yorkshire", 1.28, 0},
    {"wiltshire", 0.80, 0}, {"btp", 1.00, 300000}, {"northern-ireland", 0.88, 1900000},
};

/* The office's force, its demo peers, and how much above its level its
 * violence runs. */
static const char *const office_code = "northamptonshire";
static const char *const peer_codes[MAX_PEERS] = {
    "bedfordshire", "cambridgeshire", "derbyshire", "leicestershire",
    "nottinghamshire", "staffordshire", "warwickshire",
};
#define OFFICE_VIOLENCE_MIX 1.12

/* One Home Office offence: its code and names, the police.uk type it is
 * part of, and its share of that type. */
typedef struct Offence {
    const char *code, *offence, *grp, *subgroup;
    const char *slug;  /* the police.uk type it is counted from */
    double share;      /* of that type's count */
} Offence;

#define VAP "Violence against the person"
#define SEX "Sexual offences"
#define THEFT "Theft offences"
#define CDA "Criminal damage and arson"
#define DRUG "Drug offences"
static const Offence offences[] = {
    {"1", "Murder", VAP, "Homicide", "violent-crime", 0.0003},
    {"4.4", "Causing death or serious injury by dangerous driving", VAP, "Death or serious injury - unlawful driving", "violent-crime", 0.0012},
    {"8N", "Assault with injury", VAP, "Violence with injury", "violent-crime", 0.27},
    {"105A", "Assault without injury", VAP, "Violence without injury", "violent-crime", 0.33},
    {"8L", "Harassment", VAP, "Stalking and harassment", "violent-crime", 0.3335},
    {"19C", "Rape of a female aged 16 and over", SEX, "Rape offences", "violent-crime", 0.025},
    {"20A", "Sexual assault on a female aged 13 and over", SEX, "Other sexual offences", "violent-crime", 0.04},
    {"34A", "Robbery of business property", "Robbery", "Robbery of business property", "robbery", 0.12},
    {"34B", "Robbery of personal property", "Robbery", "Robbery of personal property", "robbery", 0.88},
    {"28E", "Residential burglary of a home", THEFT, "Residential burglary", "burglary", 0.68},
    {"30C", "Non-residential burglary", THEFT, "Non-residential burglary", "burglary", 0.32},
    {"45", "Theft from a vehicle", THEFT, "Vehicle offences", "vehicle-crime", 1.0},
    {"39", "Theft from the person", THEFT, "Theft from the person", "theft-from-the-person", 1.0},
    {"44", "Theft or unauthorised taking of a pedal cycle", THEFT, "Bicycle theft", "bicycle-theft", 1.0},
    {"46", "Shoplifting", THEFT, "Shoplifting", "shoplifting", 1.0},
    {"49", "Other theft", THEFT, "Other theft offences", "other-theft", 1.0},
    {"58A", "Criminal damage to a dwelling", CDA, "Criminal damage", "criminal-damage-arson", 0.94},
    {"56B", "Arson not endangering life", CDA, "Arson", "criminal-damage-arson", 0.06},
    {"92A", "Trafficking in controlled drugs", DRUG, "Trafficking of drugs", "drugs", 0.18},
    {"92E", "Possession of controlled drugs (cannabis)", DRUG, "Possession of drugs", "drugs", 0.82},
    {"10D", "Possession of article with blade or point", "Possession of weapons offences", "Possession of weapons offences", "possession-of-weapons", 1.0},
    {"9A", "Public fear, alarm or distress", "Public order offences", "Public order offences", "public-order", 1.0},
    {"802", "Dangerous driving", "Miscellaneous crimes against society", "Miscellaneous crimes against society", "other-crime", 1.0},
};

/* A crime type as read from the crime_type table, with its model. */
typedef struct DemoType {
    int id;
    char slug[48];
    bool is_asb;
    const TypeModel *tm;
    uint64_t key;      /* hash of the slug */
} DemoType;

/* A force with everything the model needs. */
typedef struct DemoForce {
    int id;
    char code[40];
    bool territorial;
    double people;     /* population used for the counts */
    double level;
    double mix[DEMO_MAX_TYPES];   /* per type, by index in the type list */
    double trend[DEMO_MAX_TYPES]; /* growth per year, per type */
    uint64_t key;      /* hash of the code */
} DemoForce;

/* Advances a splitmix64 state and returns the next 64-bit value. */
static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* FNV-1a hash of a string, for keying draws by name. */
static uint64_t name_key(const char *s)
{
    uint64_t h = 0xCBF29CE484222325ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001B3ULL;
    return h;
}

/* A generator state for the draw keyed by (a, b, c, salt). */
static uint64_t draw_state(uint64_t a, uint64_t b, uint64_t c, uint64_t salt)
{
    uint64_t st = DEMO_SEED ^ salt;
    uint64_t x = splitmix64(&st);
    st ^= a + x;
    x = splitmix64(&st);
    st ^= b + x;
    x = splitmix64(&st);
    st ^= c + x;
    return st;
}

/* A uniform number in [0, 1) from a generator state. */
static double next_unit(uint64_t *st)
{
    return (double)(splitmix64(st) >> 11) * 0x1.0p-53;
}

/* The uniform number in [0, 1) keyed by (a, b, c, salt). */
static double keyed_unit(uint64_t a, uint64_t b, uint64_t c, uint64_t salt)
{
    uint64_t st = draw_state(a, b, c, salt);
    return next_unit(&st);
}

/* A Poisson draw with mean lambda (small lambda) from a generator state. */
static long long poisson(double lambda, uint64_t *st)
{
    double limit = exp(-lambda), p = 1;
    long long k = 0;
    do {
        k++;
        p *= next_unit(st);
    } while (p > limit && k < 1000);
    return k - 1;
}

/* Months since year 0 for a YYYYMM month. */
static int month_abs(int yyyymm)
{
    return (yyyymm / 100) * 12 + (yyyymm % 100 - 1);
}

/* Days in the month with that absolute index. */
static int month_days(int am)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = am / 12, m = am % 12;
    if (m == 1 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return days[m];
}

/* The expected (noise-free) count of type t in force f in absolute month am. */
static double model_expected(const DemoForce *f, const DemoType *t, int ti, int am)
{
    const TypeModel *tm = t->tm;
    int mon = am % 12 + 1;
    double season = 1 + tm->amp * cos(2 * M_PI * (mon - tm->peak) / 12.0);
    double years = (am - (month_abs(202506) + 0.5)) / 12.0; /* anchored at mid-2025 */
    double trend = exp(f->trend[ti] * years);
    return f->people / 1000.0 * tm->base * f->level * f->mix[ti] * season * trend * month_days(am) / 30.44;
}

/* The street count of type t in force f in absolute month am (the same
 * value for the same arguments, whatever else has been drawn). */
static long long model_count(const DemoForce *f, const DemoType *t, int ti, int am)
{
    double noise = 1 + 0.06 * (2 * keyed_unit(f->key, t->key, (uint64_t)am, SALT_NOISE) - 1);
    return llround(model_expected(f, t, ti, am) * noise);
}

/* Reads the current crime types with their models into types; returns how
 * many. */
static int load_types(sqlite3 *db, DemoType *types)
{
    int n = 0;
    sqlite3_stmt *st = db_prepare(db, "SELECT id, slug, is_asb FROM crime_type WHERE current=1 ORDER BY id");
    while (sqlite3_step(st) == SQLITE_ROW && n < DEMO_MAX_TYPES) {
        DemoType *t = &types[n++];
        t->id = sqlite3_column_int(st, 0);
        snprintf(t->slug, sizeof t->slug, "%s", db_text(st, 1));
        t->is_asb = sqlite3_column_int(st, 2) != 0;
        t->tm = &type_unknown;
        for (size_t i = 0; i < ARRAY_LEN(type_models); i++)
            if (strcmp(type_models[i].slug, t->slug) == 0) t->tm = &type_models[i];
        t->key = name_key(t->slug);
    }
    sqlite3_finalize(st);
    if (n == 0) die("demo: no current crime types (is the database migrated?)");
    return n;
}

/* Reads the forces the street data covers (territorial, BTP, PSNI) and
 * draws each one's type mix and trends into forces; returns how many. */
static int load_forces(sqlite3 *db, const DemoType *types, int ntypes, DemoForce *forces)
{
    int n = 0;
    sqlite3_stmt *st = db_prepare(db,
        "SELECT id, code, kind, coalesce(population, 0) FROM force"
        " WHERE kind IN ('territorial','btp','psni') ORDER BY id");
    while (sqlite3_step(st) == SQLITE_ROW && n < MAX_FORCES) {
        DemoForce *f = &forces[n++];
        memset(f, 0, sizeof *f);
        f->id = sqlite3_column_int(st, 0);
        snprintf(f->code, sizeof f->code, "%s", db_text(st, 1));
        f->territorial = strcmp(db_text(st, 2), "territorial") == 0;
        f->people = (double)sqlite3_column_int64(st, 3);
        f->key = name_key(f->code);
        f->level = 0;
        for (size_t i = 0; i < ARRAY_LEN(force_levels); i++)
            if (strcmp(force_levels[i].code, f->code) == 0) {
                f->level = force_levels[i].level;
                if (force_levels[i].population > 0) f->people = force_levels[i].population;
            }
        if (f->level == 0) f->level = 0.8 + 0.45 * keyed_unit(f->key, 0, 0, SALT_LEVEL);
        if (f->people <= 0) f->people = 1000000;

        /* the type mix: +-10% per type, normalised so the weighted crime
         * total is unchanged; the office's violence is fixed high and only
         * the other crime types are rescaled around it */
        bool office = strcmp(f->code, office_code) == 0;
        double all_w = 0, fixed = 0, free_sum = 0;
        for (int t = 0; t < ntypes; t++) {
            const DemoType *ty = &types[t];
            f->mix[t] = 0.9 + 0.2 * keyed_unit(f->key, ty->key, 0, SALT_MIX);
            f->trend[t] = ty->tm->trend + 0.02 * (2 * keyed_unit(f->key, ty->key, 0, SALT_TREND) - 1);
            if (ty->is_asb) continue;
            all_w += ty->tm->base;
            if (office && strcmp(ty->slug, "violent-crime") == 0) {
                f->mix[t] = OFFICE_VIOLENCE_MIX;
                fixed += ty->tm->base * f->mix[t];
            } else {
                free_sum += ty->tm->base * f->mix[t];
            }
        }
        /* sum of base x mix over crime types = sum of base */
        double scale = free_sum > 0 ? (all_w - fixed) / free_sum : 1;
        for (int t = 0; t < ntypes; t++) {
            if (types[t].is_asb) continue;
            if (office && strcmp(types[t].slug, "violent-crime") == 0) continue;
            f->mix[t] *= scale;
        }
    }
    sqlite3_finalize(st);
    return n;
}

/* Returns the id of the force with that code; dies when it is missing. */
static int force_id_of(sqlite3 *db, const char *code)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT id FROM force WHERE code=?1");
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    int id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (!id) die("demo: force '%s' is not in the forces reference", code);
    return id;
}

/* Writes the office's settings and its demo peer group. */
static void write_office(sqlite3 *db)
{
    db_setting_set(db, "office_force", office_code);
    db_setting_set(db, "office_name", "Office of the Police, Fire and Crime Commissioner for Northamptonshire (demo)");
    db_setting_set(db, "demo", "1");
    db_setting_set(db, "peer_note", "Demo peer group chosen for illustration: there is no public Most Similar Group list.");
    int peers[MAX_PEERS];
    for (int i = 0; i < MAX_PEERS; i++) peers[i] = force_id_of(db, peer_codes[i]);
    char err[256];
    if (!forces_set_peers(db, force_id_of(db, office_code), peers, MAX_PEERS, err, sizeof err))
        die("demo: peer group: %s", err);
}

/* Writes 36 months of street counts for every force and type; returns the
 * rows written. */
static long long write_street(sqlite3 *db, long long import_id, const DemoForce *forces, int nforces,
                              const DemoType *types, int ntypes)
{
    sqlite3_stmt *ins = db_prepare(db,
        "INSERT INTO puk_street(force_id,month,crime_type_id,n,n_no_location,import_id) VALUES(?1,?2,?3,?4,?5,?6)");
    long long rows = 0;
    int first = month_abs(DEMO_FIRST_MONTH), last = month_abs(DEMO_LAST_MONTH);
    for (int fi = 0; fi < nforces; fi++) {
        const DemoForce *f = &forces[fi];
        for (int am = first; am <= last; am++) {
            int yyyymm = (am / 12) * 100 + am % 12 + 1;
            for (int ti = 0; ti < ntypes; ti++) {
                long long n = model_count(f, &types[ti], ti, am);
                double frac = 0.01 + 0.01 * keyed_unit(f->key, types[ti].key, (uint64_t)am, SALT_NOLOC);
                sqlite3_bind_int(ins, 1, f->id);
                sqlite3_bind_int(ins, 2, yyyymm);
                sqlite3_bind_int(ins, 3, types[ti].id);
                sqlite3_bind_int64(ins, 4, n);
                sqlite3_bind_int64(ins, 5, llround(n * frac));
                sqlite3_bind_int64(ins, 6, import_id);
                if (!db_step_done(ins)) die("demo: street counts already present for force %s", f->code);
                rows++;
            }
        }
    }
    sqlite3_finalize(ins);
    return rows;
}

/* Writes the Home Office quarters for every territorial force, then their
 * group sums; returns the ho_crime rows written. */
static long long write_home_office(sqlite3 *db, long long import_id, const DemoForce *forces, int nforces,
                                   const DemoType *types, int ntypes)
{
    sqlite3_stmt *ins = db_prepare(db,
        "INSERT INTO ho_crime(force_id,fyq,offence_code,offence,grp,subgroup,n,import_id)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
    long long rows = 0;
    for (int fi = 0; fi < nforces; fi++) {
        const DemoForce *f = &forces[fi];
        if (!f->territorial) continue;
        for (int fyq = DEMO_FIRST_FYQ; fyq <= DEMO_LAST_FYQ; fyq = fyq % 10 == 4 ? fyq + 7 : fyq + 1) {
            int year = fyq / 10, q = fyq % 10;
            int am0 = year * 12 + 3 + (q - 1) * 3; /* Q1 starts in April */
            double qsum[DEMO_MAX_TYPES];
            for (int ti = 0; ti < ntypes; ti++) {
                qsum[ti] = 0;
                for (int am = am0; am < am0 + 3; am++) qsum[ti] += (double)model_count(f, &types[ti], ti, am);
            }
            for (size_t oi = 0; oi < ARRAY_LEN(offences); oi++) {
                const Offence *o = &offences[oi];
                int ti = -1;
                for (int k = 0; k < ntypes; k++)
                    if (strcmp(types[k].slug, o->slug) == 0) ti = k;
                if (ti < 0) continue;
                /* mostly by offence group (what police.uk leaves out is
                 * structural), a little by force: 1.0 to 1.1 */
                double factor = 1.0 + 0.09 * keyed_unit(0, name_key(o->grp), 0, SALT_HO_FACTOR)
                              + 0.01 * keyed_unit(f->key, name_key(o->grp), 0, SALT_HO_FACTOR);
                double expected = qsum[ti] * o->share * factor;
                uint64_t st = draw_state(f->key, name_key(o->code), (uint64_t)fyq, SALT_HO_JITTER);
                long long n = expected < 30 ? poisson(expected, &st)
                                            : llround(expected * (1 + 0.04 * (2 * next_unit(&st) - 1)));
                sqlite3_bind_int(ins, 1, f->id);
                sqlite3_bind_int(ins, 2, fyq);
                sqlite3_bind_text(ins, 3, o->code, -1, SQLITE_STATIC);
                sqlite3_bind_text(ins, 4, o->offence, -1, SQLITE_STATIC);
                sqlite3_bind_text(ins, 5, o->grp, -1, SQLITE_STATIC);
                sqlite3_bind_text(ins, 6, o->subgroup, -1, SQLITE_STATIC);
                sqlite3_bind_int64(ins, 7, n);
                sqlite3_bind_int64(ins, 8, import_id);
                if (!db_step_done(ins)) die("demo: Home Office rows already present for force %s", f->code);
                rows++;
            }
        }
    }
    sqlite3_finalize(ins);
    sqlite3_stmt *grp = db_prepare(db,
        "INSERT INTO ho_crime_group(force_id,fyq,grp,subgroup,n)"
        " SELECT force_id, fyq, grp, subgroup, sum(n) FROM ho_crime WHERE import_id=?1"
        " GROUP BY force_id, fyq, grp, subgroup");
    sqlite3_bind_int64(grp, 1, import_id);
    if (!db_step_done(grp)) die("demo: Home Office group sums already present");
    sqlite3_finalize(grp);
    return rows;
}

/* Adds one demo user; dies when it cannot. */
static void add_user(sqlite3 *db, const char *login, const char *role, const char *password)
{
    char err[256];
    if (!auth_user_add(db, login, role, password, err, sizeof err)) die("demo: user %s: %s", login, err);
}

void demo_populate(sqlite3 *db)
{
    db_exec(db, "SAVEPOINT demo");
    write_office(db);

    sqlite3_stmt *imp = db_prepare(db,
        "INSERT INTO import(kind,started_at,finished_at,user,rows,seconds,summary)"
        " VALUES('demo',?1,?1,'demo',0,0,'Synthetic demo data generated by assure init --demo') RETURNING id");
    sqlite3_bind_text(imp, 1, DEMO_TIMESTAMP, -1, SQLITE_STATIC);
    if (sqlite3_step(imp) != SQLITE_ROW) die("demo: cannot record the import: %s", sqlite3_errmsg(db));
    long long import_id = sqlite3_column_int64(imp, 0);
    sqlite3_finalize(imp);

    DemoType types[DEMO_MAX_TYPES];
    DemoForce forces[MAX_FORCES];
    int ntypes = load_types(db, types);
    int nforces = load_forces(db, types, ntypes, forces);
    long long rows = write_street(db, import_id, forces, nforces, types, ntypes);
    rows += write_home_office(db, import_id, forces, nforces, types, ntypes);
    rows += demo_force_populate(db, import_id);
    demo_decisions_populate(db);

    sqlite3_stmt *up = db_prepare(db, "UPDATE import SET rows=?1 WHERE id=?2");
    sqlite3_bind_int64(up, 1, rows);
    sqlite3_bind_int64(up, 2, import_id);
    db_step_done(up);
    sqlite3_finalize(up);

    add_user(db, demo_admin_login(), "admin", demo_admin_password());
    add_user(db, demo_viewer_login(), "viewer", demo_viewer_password());
    demo_board_populate(db);
    db_bump_generation(db);
    db_exec(db, "RELEASE demo");
}

const char *demo_admin_login(void) { return "admin"; }
const char *demo_admin_password(void) { return "assure-demo-admin"; }
const char *demo_viewer_login(void) { return "viewer"; }
const char *demo_viewer_password(void) { return "assure-demo-viewer"; }
