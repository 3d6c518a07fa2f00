/*
 * demo_force.c: three years of the demo office's own force data (see
 * demo.h): the extracts a force's systems would give, written straight into
 * the fx_* tables, and the demo Plan with the measures that evidence it.
 *
 * The model, shaped like the seeds' force (Northamptonshire, seed 001):
 *  - about 165 crimes a day (60,000 a year), seasonal (a summer peak),
 *    across two local policing areas; a Home Office offence mix with 15%
 *    flagged domestic abuse, about a third to 45% of whose victims had
 *    another domestic abuse crime in the year before (victims are reused
 *    from a year-long ring); knife crime about 1% (possession, use,
 *    threat); recorded within 24 hours for about 86%; allocated within days;
 *    outcomes after an exponential wait (mean 50 days), about 14% positive,
 *    so the latest months hold live crimes; supervisory reviews every 2 to 5
 *    weeks while live; victim updates (the first within 7 days of allocation
 *    for about 83%, then every 1 to 5 weeks), 70% with the template;
 *  - about 520 incidents a day: grade 1 10%, grade 2 35%; 30% rural; arrival
 *    times log-normal around medians near the seeds' (grade 1 urban 11
 *    minutes, rural 15, grade 2 2 hours), slower in winter, improving a
 *    little each year; some not attended;
 *  - 999 (300 a day, about 90% answered within 10 s) and 101 calls (600 a
 *    day, about 78% within 30 s), a few abandoned;
 *  - officers' on-duty time by day, team and place: neighbourhood officers
 *    and PCSOs out of the station 53% rising to 60%, in priority locations
 *    about 9 to 12%; response teams less in priority locations.
 * Random numbers come from one splitmix64 stream per table with a constant
 * seed, drawn in a fixed order, so every run writes the same rows.
 */
#include "db.h"
#include "demo.h"
#include "geo.h"
#include "ukdate.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define FIRST_DAY 20230101
#define LAST_DAY 20251231

/* A random stream. */
typedef struct Rng {
    uint64_t s;
} Rng;

static uint64_t next64(Rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double unit(Rng *r)
{
    return (double)(next64(r) >> 11) * 0x1.0p-53;
}

/* Uniform in [a, b). */
static double uniform(Rng *r, double a, double b)
{
    return a + (b - a) * unit(r);
}

/* Standard normal (Box-Muller). */
static double gauss(Rng *r)
{
    double u = unit(r), v = unit(r);
    if (u < 1e-12) u = 1e-12;
    return sqrt(-2 * log(u)) * cos(2 * M_PI * v);
}

/* A count with mean m (normal approximation of Poisson, m large). */
static int count_around(Rng *r, double m)
{
    double x = m + sqrt(m) * gauss(r);
    return x < 0 ? 0 : (int)lround(x);
}

/* Binds a time, or NULL when negative. */
static void bind_time(sqlite3_stmt *st, int i, int64_t t)
{
    if (t < 0) sqlite3_bind_null(st, i);
    else sqlite3_bind_int64(st, i, t);
}

/* The days of the demo: the instant each starts, its month and its place
 * in the year and in the three years. */
typedef struct Day {
    int64_t start;
    int yyyymmdd;
    double season;  /* cos of the day of the year, 1 at the summer peak */
    double years;   /* years since the first day */
} Day;

static int demo_days(Day *days, int max)
{
    int64_t d0 = ukdate_days(FIRST_DAY / 10000, FIRST_DAY / 100 % 100, FIRST_DAY % 100);
    int64_t d1 = ukdate_days(LAST_DAY / 10000, LAST_DAY / 100 % 100, LAST_DAY % 100);
    int n = 0;
    for (int64_t d = d0; d <= d1 && n < max; d++, n++) {
        int y, m, dd;
        ukdate_civil(d, &y, &m, &dd);
        days[n].yyyymmdd = y * 10000 + m * 100 + dd;
        days[n].start = ukdate_day_start(days[n].yyyymmdd);
        double doy = (double)(d - ukdate_days(y, 1, 1));
        days[n].season = cos(2 * M_PI * (doy - 196) / 365.25); /* peak mid-July */
        days[n].years = (double)(d - d0) / 365.25;
    }
    return n;
}

/* A time of day in seconds with more in the afternoon and evening. */
static int64_t time_of_day(Rng *r)
{
    static const double weight[24] = {3, 2.5, 2, 1.5, 1.2, 1.2, 1.8, 3, 4, 4.5, 4.8, 5, 5.2, 5.3, 5.5, 5.8, 6,
                                      6.2, 6.3, 6.2, 5.8, 5.2, 4.5, 3.6};
    double total = 0;
    for (int h = 0; h < 24; h++) total += weight[h];
    double x = unit(r) * total;
    int h = 0;
    while (h < 23 && x >= weight[h]) x -= weight[h++];
    return (int64_t)h * 3600 + (int64_t)(unit(r) * 3600);
}

/* ---- crimes ---- */

typedef struct OffenceMix {
    const char *code, *group;
    double weight;
    double da;       /* share flagged domestic abuse */
    bool victimless;
    int knife;       /* 0 none, 1 possession offence, 2 violence/robbery (use or threat) */
    double csae;
} OffenceMix;

static const OffenceMix mix[] = {
    {"8N", "Violence against the person", 14, 0.35, false, 2, 0.01},
    {"105A", "Violence against the person", 16, 0.30, false, 2, 0.01},
    {"8L", "Violence against the person", 9, 0.40, false, 0, 0.01},
    {"8M", "Violence against the person", 5, 0.30, false, 0, 0.01},
    {"28E", "Theft offences", 3, 0.02, false, 0, 0},
    {"28F", "Theft offences", 1, 0.02, false, 0, 0},
    {"30C", "Theft offences", 1.5, 0, false, 0, 0},
    {"19C", "Sexual offences", 0.9, 0.30, false, 0, 0.10},
    {"19D", "Sexual offences", 0.4, 0.10, false, 0, 0.80},
    {"20A", "Sexual offences", 1.4, 0.10, false, 0, 0.20},
    {"22B", "Sexual offences", 1.1, 0.05, false, 0, 0.80},
    {"45", "Theft offences", 4, 0, false, 0, 0},
    {"48", "Theft offences", 2, 0, false, 0, 0},
    {"46", "Theft offences", 8, 0, false, 0, 0},
    {"49", "Theft offences", 8, 0.02, false, 0, 0},
    {"58A", "Criminal damage and arson", 5, 0.15, false, 0, 0},
    {"58C", "Criminal damage and arson", 4, 0.05, false, 0, 0},
    {"9A", "Public order offences", 7, 0.08, true, 0, 0},
    {"10D", "Possession of weapons offences", 1, 0, true, 1, 0},
    {"92A", "Drug offences", 0.7, 0, true, 0, 0},
    {"92E", "Drug offences", 2.8, 0, true, 0, 0},
    {"34B", "Robbery", 1, 0, false, 2, 0},
    {"53H", "Fraud offences", 1.5, 0.02, false, 0, 0},
    {"802", "Miscellaneous crimes against society", 2, 0.05, true, 0, 0.05},
};

#define RING 60000 /* recent domestic abuse victims kept for reuse */

/* Writes crimes with their reviews and victim updates; returns rows. */
static long long write_crimes(sqlite3 *db, long long import_id, const Day *days, int ndays, int north, int west)
{
    Rng r = {0xC0FFEE01ULL};
    sqlite3_stmt *ins = db_prepare(db,
        "INSERT INTO fx_crime(reference,reported_at,recorded_at,allocated_at,offence_code,offence_group,domestic_abuse,knife,csae,hate,online,"
        "lpa_id,victim,suspect_known,outcome,outcome_at,import_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17) RETURNING id");
    sqlite3_stmt *rev = db_prepare(db, "INSERT OR IGNORE INTO fx_crime_review(crime_id,at) VALUES(?1,?2)");
    sqlite3_stmt *con = db_prepare(db, "INSERT INTO fx_contact(crime_id,at,kind,template,import_id) VALUES(?1,?2,?3,?4,?5)");
    static const char *const kinds[] = {"phone", "phone", "phone", "email", "email", "letter", "visit", "sms"};
    double total_w = 0;
    for (size_t i = 0; i < ARRAY_LEN(mix); i++) total_w += mix[i].weight;
    int64_t data_end = days[ndays - 1].start + 86400;
    static long long ring_victim[RING];
    static int64_t ring_at[RING];
    int ring_n = 0, ring_head = 0;
    long long next_victim = 1, rows = 0;
    int seq = 0, year_of_seq = 0;
    for (int di = 0; di < ndays; di++) {
        const Day *d = &days[di];
        int n = count_around(&r, 164 * (1 + 0.08 * d->season) * (1 + 0.01 * d->years));
        for (int k = 0; k < n; k++) {
            int year = d->yyyymmdd / 10000;
            if (year != year_of_seq) year_of_seq = year, seq = 0;
            char ref[32];
            snprintf(ref, sizeof ref, "CR/%02d/%06d", year % 100, ++seq);
            double x = unit(&r) * total_w;
            size_t oi = 0;
            while (oi + 1 < ARRAY_LEN(mix) && x >= mix[oi].weight) x -= mix[oi++].weight;
            const OffenceMix *o = &mix[oi];
            int64_t reported = d->start + time_of_day(&r);
            double in24 = 0.84 + 0.02 * d->years;
            int64_t recorded = reported + (int64_t)(unit(&r) < in24 ? uniform(&r, 600, 23 * 3600) : uniform(&r, 25 * 3600, 10 * 86400));
            bool allocated = unit(&r) < (o->victimless ? 0.75 : 0.92);
            int64_t alloc_at = allocated ? recorded + (int64_t)(3600 + 86400 * -log(1 - unit(&r) * 0.999) * 1.2) : -1;
            /* the extract ends with the last day: nothing after it is known */
            if (recorded >= data_end) continue;
            if (alloc_at >= data_end) allocated = false, alloc_at = -1;
            bool da = unit(&r) < o->da;
            const char *knife = "";
            if (o->knife == 1) knife = "possession";
            else if (o->knife == 2 && unit(&r) < 0.03) knife = unit(&r) < 0.57 ? "use" : "threat";
            else if (oi == 0 && unit(&r) < 0.004) knife = "possession";
            bool csae = unit(&r) < o->csae;
            bool hate = unit(&r) < (oi <= 3 || oi == 17 ? 0.05 : 0.005);
            bool online = unit(&r) < (oi == 22 || oi == 2 || oi == 3 ? 0.4 : 0.02);
            int lpa = unit(&r) < 0.45 ? north : west;
            long long victim = 0;
            if (!o->victimless) {
                /* a domestic abuse victim of the past year comes back: the
                 * ring holds recent DA victims with when they were last seen */
                if (da && ring_n > 0 && unit(&r) < 0.40) {
                    int pick = (ring_head - 1 - (int)(unit(&r) * (ring_n < 4000 ? ring_n : 4000)) + RING * 2) % RING;
                    if (recorded - ring_at[pick] < 330LL * 86400) victim = ring_victim[pick];
                }
                if (!victim) victim = next_victim++;
                if (da) {
                    ring_victim[ring_head] = victim;
                    ring_at[ring_head] = recorded;
                    ring_head = (ring_head + 1) % RING;
                    if (ring_n < RING) ring_n++;
                }
            }
            bool suspect = unit(&r) < (da ? 0.45 : 0.15);
            int64_t outcome_at = recorded + (int64_t)(86400 * (1 + -log(1 - unit(&r) * 0.999) * 50));
            int outcome = 0;
            if (outcome_at < data_end) {
                double u = unit(&r);
                static const int pos[] = {1, 1, 1, 3, 3, 4, 6, 7, 8, 8};
                if (u < 0.14) outcome = pos[(int)(unit(&r) * 10)];
                else if (u < 0.44) outcome = 14 + (int)(unit(&r) * 3);
                else if (u < 0.80) outcome = 18;
                else outcome = unit(&r) < 0.5 ? 10 : 21;
            } else {
                outcome_at = -1;
            }
            sqlite3_bind_text(ins, 1, ref, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(ins, 2, reported);
            sqlite3_bind_int64(ins, 3, recorded);
            bind_time(ins, 4, alloc_at);
            sqlite3_bind_text(ins, 5, o->code, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 6, o->group, -1, SQLITE_STATIC);
            sqlite3_bind_int(ins, 7, da);
            sqlite3_bind_text(ins, 8, knife, -1, SQLITE_STATIC);
            sqlite3_bind_int(ins, 9, csae);
            sqlite3_bind_int(ins, 10, hate);
            sqlite3_bind_int(ins, 11, online);
            sqlite3_bind_int(ins, 12, lpa);
            char vid[24];
            if (victim) {
                snprintf(vid, sizeof vid, "V%07lld", victim);
                sqlite3_bind_text(ins, 13, vid, -1, SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_null(ins, 13);
            }
            sqlite3_bind_int(ins, 14, suspect);
            if (outcome) sqlite3_bind_int(ins, 15, outcome);
            else sqlite3_bind_null(ins, 15);
            bind_time(ins, 16, outcome_at);
            sqlite3_bind_int64(ins, 17, import_id);
            if (sqlite3_step(ins) != SQLITE_ROW) die("demo: crime %s: %s", ref, sqlite3_errmsg(db));
            long long id = sqlite3_column_int64(ins, 0);
            sqlite3_reset(ins);
            rows++;
            if (!allocated) continue;
            int64_t until = outcome_at >= 0 ? outcome_at : data_end;
            /* supervisory reviews while live */
            for (int64_t t = alloc_at + (int64_t)uniform(&r, 2, 20) * 86400; t < until; t += (int64_t)(uniform(&r, 16, 46) * 86400)) {
                sqlite3_bind_int64(rev, 1, id);
                sqlite3_bind_int64(rev, 2, t);
                db_step_done(rev);
                rows += sqlite3_changes(db);
            }
            if (!victim) continue;
            /* victim updates: the first within 7 days for most, then every 1 to 5 weeks */
            int64_t t = alloc_at + (int64_t)(unit(&r) < 0.83 ? uniform(&r, 0.1, 6.9) : uniform(&r, 7.5, 20)) * 86400;
            while (t < until) {
                sqlite3_bind_int64(con, 1, id);
                sqlite3_bind_int64(con, 2, t);
                sqlite3_bind_text(con, 3, kinds[(int)(unit(&r) * ARRAY_LEN(kinds))], -1, SQLITE_STATIC);
                sqlite3_bind_int(con, 4, unit(&r) < 0.7);
                sqlite3_bind_int64(con, 5, import_id);
                db_step_done(con);
                rows++;
                t += (int64_t)(uniform(&r, 6, 36) * 86400);
            }
        }
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(rev);
    sqlite3_finalize(con);
    return rows;
}

/* ---- incidents ---- */

static long long write_incidents(sqlite3 *db, long long import_id, const Day *days, int ndays, int north, int west)
{
    Rng r = {0xC0FFEE02ULL};
    sqlite3_stmt *ins = db_prepare(db, "INSERT INTO fx_incident(reference,created_at,arrived_at,grade,rural,lpa_id,import_id) VALUES(?1,?2,?3,?4,?5,?6,?7)");
    long long rows = 0;
    int seq = 0, year_of_seq = 0;
    for (int di = 0; di < ndays; di++) {
        const Day *d = &days[di];
        int n = count_around(&r, 520 * (1 + 0.07 * d->season));
        /* slower in winter, a little faster each year */
        double drift = (1 - 0.06 * d->season) * (1 - 0.025 * d->years);
        for (int k = 0; k < n; k++) {
            int year = d->yyyymmdd / 10000;
            if (year != year_of_seq) year_of_seq = year, seq = 0;
            char ref[32];
            snprintf(ref, sizeof ref, "INC/%02d/%07d", year % 100, ++seq);
            double u = unit(&r);
            int grade = u < 0.10 ? 1 : u < 0.45 ? 2 : u < 0.75 ? 3 : u < 0.90 ? 4 : 5;
            bool rural = unit(&r) < 0.30;
            int64_t created = d->start + time_of_day(&r);
            double median, sigma, none;
            switch (grade) {
            case 1: median = rural ? 15.2 * 60 : 11.0 * 60, sigma = 0.45, none = 0.03; break;
            case 2: median = 2.05 * 3600, sigma = 0.8, none = 0.06; break;
            case 3: median = 9 * 3600, sigma = 0.9, none = 0.2; break;
            default: median = 30 * 3600, sigma = 0.9, none = 0.4; break;
            }
            int64_t arrived = -1;
            if (unit(&r) >= none) arrived = created + (int64_t)(median * drift * exp(sigma * gauss(&r)));
            sqlite3_bind_text(ins, 1, ref, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(ins, 2, created);
            bind_time(ins, 3, arrived);
            sqlite3_bind_int(ins, 4, grade);
            sqlite3_bind_int(ins, 5, rural);
            sqlite3_bind_int(ins, 6, unit(&r) < 0.45 ? north : west);
            sqlite3_bind_int64(ins, 7, import_id);
            db_step_done(ins);
            rows++;
        }
    }
    sqlite3_finalize(ins);
    return rows;
}

/* ---- calls ---- */

static long long write_calls(sqlite3 *db, long long import_id, const Day *days, int ndays)
{
    Rng r = {0xC0FFEE03ULL};
    sqlite3_stmt *ins = db_prepare(db, "INSERT INTO fx_call(line,offered_at,answered_at,import_id) VALUES(?1,?2,?3,?4)");
    long long rows = 0;
    for (int di = 0; di < ndays; di++) {
        const Day *d = &days[di];
        for (int line = 0; line < 2; line++) {
            bool e = line == 0;
            int n = count_around(&r, (e ? 300 : 600) * (1 + 0.08 * d->season));
            /* busier summers answer a little slower */
            double fast = e ? 0.905 - 0.03 * d->season + 0.005 * d->years : 0.79 - 0.05 * d->season + 0.01 * d->years;
            for (int k = 0; k < n; k++) {
                int64_t offered = d->start + time_of_day(&r);
                int64_t answered = -1;
                if (unit(&r) >= (e ? 0.01 : 0.04)) {
                    double wait = unit(&r) < fast ? uniform(&r, 1, e ? 10 : 30) : uniform(&r, e ? 11 : 31, e ? 90 : 900);
                    answered = offered + (int64_t)wait;
                }
                sqlite3_bind_text(ins, 1, e ? "999" : "101", -1, SQLITE_STATIC);
                sqlite3_bind_int64(ins, 2, offered);
                bind_time(ins, 3, answered);
                sqlite3_bind_int64(ins, 4, import_id);
                db_step_done(ins);
                rows++;
            }
        }
    }
    sqlite3_finalize(ins);
    return rows;
}

/* ---- officers' time ---- */

static long long write_presence(sqlite3 *db, long long import_id, const Day *days, int ndays, int north, int west)
{
    Rng r = {0xC0FFEE04ULL};
    sqlite3_stmt *ins = db_prepare(db, "INSERT INTO fx_presence(day,team,lpa_id,in_station,in_priority,seconds,pings,import_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
    static const struct {
        const char *team;
        int officers;
        double out0, prio0;
    } teams[] = {{"neighbourhood", 120, 0.53, 0.092}, {"pcso", 80, 0.56, 0.10}, {"response", 250, 0.556, 0.056}};
    long long rows = 0;
    for (int di = 0; di < ndays; di++) {
        const Day *d = &days[di];
        for (size_t ti = 0; ti < ARRAY_LEN(teams); ti++) {
            for (int a = 0; a < 2; a++) {
                int lpa = a ? west : north;
                double on = teams[ti].officers * (a ? 0.55 : 0.45) * uniform(&r, 0.40, 0.50);
                double total = on * uniform(&r, 8, 10) * 3600;
                bool npt = ti < 2;
                double out = teams[ti].out0 + (npt ? 0.025 * d->years : 0) + 0.02 * d->season + 0.015 * gauss(&r);
                double prio = teams[ti].prio0 + (npt ? 0.01 * d->years : 0) + 0.008 * d->season + 0.006 * gauss(&r);
                if (prio > out) prio = out;
                double parts[3] = {total * (1 - out), total * prio, total * (out - prio)};
                static const int station[3] = {1, 0, 0}, priority[3] = {0, 1, 0};
                for (int k = 0; k < 3; k++) {
                    long long secs = llround(parts[k]);
                    if (secs <= 0) continue;
                    sqlite3_bind_int(ins, 1, d->yyyymmdd);
                    sqlite3_bind_text(ins, 2, teams[ti].team, -1, SQLITE_STATIC);
                    sqlite3_bind_int(ins, 3, lpa);
                    sqlite3_bind_int(ins, 4, station[k]);
                    sqlite3_bind_int(ins, 5, priority[k]);
                    sqlite3_bind_int64(ins, 6, secs);
                    sqlite3_bind_int64(ins, 7, secs / 30);
                    sqlite3_bind_int64(ins, 8, import_id);
                    db_step_done(ins);
                    rows++;
                }
            }
        }
    }
    sqlite3_finalize(ins);
    return rows;
}

/* ---- the Plan (seed 004) ---- */

/* An objective of the demo Plan and the measures that evidence it. */
typedef struct DemoObjective {
    int priority;        /* 1-based */
    const char *service;
    const char *title;
    const char *measures; /* space-separated keys */
} DemoObjective;

static const char *const demo_priorities[] = {
    "Prevention that keeps the county safe",
    "Effective and efficient response",
    "Protect and support those who are vulnerable",
    "Effective justice",
    "Modern services that are fit for the future",
};

static const DemoObjective demo_objectives[] = {
    {1, "Police", "Develop strategies to reduce repeat victimisation", "crime.repeat-victims-da crime.victims"},
    {1, "Police", "Develop fraud prevention programmes, including reducing the risk of cyber related crime", ""},
    {1, "Police", "Invest in target hardening schemes in areas of the highest risk to reduce crime", "crime.residential-burglary puk.burglary"},
    {1, "Working together", "Commit to and invest in initiatives and programmes to make Northamptonshire's roads safer", ""},
    {1, "Fire and Rescue", "Diversify prevention activity into a wider range of topics", ""},
    {2, "Police", "Strengthen local policing and focus on solving local problems at a local level", "crime.recorded puk.all-crime"},
    {2, "Police", "Focus on crimes such as burglary, vehicle crime and anti-social behaviour", "puk.vehicle-crime puk.anti-social-behaviour"},
    {2, "Police", "Increase the amount of time that Police officers and PCSOs in neighbourhood teams spend in their local community",
     "visibility.out-of-station visibility.priority-locations"},
    {2, "Police", "Target violent crime, with a strategy to look at violence against women and girls", "puk.violence-sexual crime.rasso"},
    {2, "Working together", "Provide an effective and efficient response to incidents and calls for service",
     "response.g1-urban response.g1-rural response.g2 calls.999-10s calls.101-30s"},
    {2, "Fire and Rescue", "Undertake a full review of emergency cover arrangements", ""},
    {3, "Police", "Deliver robust enforcement and awareness campaigns to reduce the number of knives on our streets",
     "crime.knife-possession crime.knife-use crime.knife-threat puk.possession-of-weapons"},
    {3, "Police", "Reduce harm from domestic abuse, pursuing perpetrators, supporting victims", "crime.domestic-abuse-share crime.repeat-victims-da"},
    {3, "Working together", "Carry out awareness campaigns so that people can recognise and report the signs of exploitation", "crime.csae"},
    {3, "Fire and Rescue", "Further develop the fire service role and expertise in safeguarding", ""},
    {4, "Police", "Increasing positive outcome rates for victims of crime", "crime.positive-outcomes"},
    {4, "Police", "Monitoring the quality of investigations and work to further improve standards",
     "crime.supervision-28d crime.recorded-24h crime.live-suspect-outstanding"},
    {4, "Working together", "Provide effective support for victims and witnesses that meets their needs",
     "victims-code.7-days-allocation victims-code.past-7-days victims-code.every-28-days victims-code.template"},
    {4, "Fire and Rescue", "Ensure that enforcement activity in relation to fire safety legislation prioritises public safety", ""},
    {5, "Working together", "Embed and develop the enabling services approach across police and fire", ""},
};

static void write_plan(sqlite3 *db)
{
    db_exec(db, "INSERT INTO plan(title, starts, ends, status, version) VALUES('Police, Fire and Crime Plan 2021-2026', '2021-05-01', '2026-04-30', 'issued', 1)");
    long long plan = sqlite3_last_insert_rowid(db);
    sqlite3_stmt *pr = db_prepare(db, "INSERT INTO plan_priority(plan_id, position, title) VALUES(?1, ?2, ?3)");
    long long prio_id[ARRAY_LEN(demo_priorities)];
    for (size_t i = 0; i < ARRAY_LEN(demo_priorities); i++) {
        sqlite3_bind_int64(pr, 1, plan);
        sqlite3_bind_int(pr, 2, (int)i + 1);
        sqlite3_bind_text(pr, 3, demo_priorities[i], -1, SQLITE_STATIC);
        db_step_done(pr);
        prio_id[i] = sqlite3_last_insert_rowid(db);
    }
    sqlite3_finalize(pr);
    sqlite3_stmt *ob = db_prepare(db, "INSERT INTO plan_objective(priority_id, position, service, title) VALUES(?1, ?2, ?3, ?4)");
    sqlite3_stmt *lk = db_prepare(db, "INSERT INTO objective_measure(objective_id, measure_id) SELECT ?1, id FROM measure WHERE key=?2");
    for (size_t i = 0; i < ARRAY_LEN(demo_objectives); i++) {
        const DemoObjective *o = &demo_objectives[i];
        sqlite3_bind_int64(ob, 1, prio_id[o->priority - 1]);
        sqlite3_bind_int(ob, 2, (int)i + 1);
        sqlite3_bind_text(ob, 3, o->service, -1, SQLITE_STATIC);
        sqlite3_bind_text(ob, 4, o->title, -1, SQLITE_STATIC);
        db_step_done(ob);
        long long oid = sqlite3_last_insert_rowid(db);
        char keys[256];
        snprintf(keys, sizeof keys, "%s", o->measures);
        for (char *save, *k = strtok_r(keys, " ", &save); k; k = strtok_r(NULL, " ", &save)) {
            sqlite3_bind_int64(lk, 1, oid);
            sqlite3_bind_text(lk, 2, k, -1, SQLITE_TRANSIENT);
            db_step_done(lk);
            /* every key names a shipped measure: a typo here is a bug */
            if (sqlite3_changes(db) != 1) die("demo: the Plan links measure '%s', which is not shipped", k);
        }
    }
    sqlite3_finalize(ob);
    sqlite3_finalize(lk);
    demo_plan_populate(db, plan);
}

/* The county's stations, priority locations and areas (geo.h), so pings
 * can be imported into the demo office. */
static long long write_boundaries(sqlite3 *db, long long import_id, int north, int west)
{
    Buf b = {0};
    geo_demo_boundaries(&b);
    GeoSet set;
    char **geometry;
    char err[256];
    if (!geo_parse(b.s, b.len, &set, &geometry, err, sizeof err)) die("demo: the demo boundaries do not parse: %s", err);
    static const char *const kinds[] = {"station", "priority", "area"};
    sqlite3_stmt *ins = db_prepare(db, "INSERT INTO fx_boundary(kind,name,lpa_id,geometry,import_id) VALUES(?1,?2,?3,?4,?5)");
    for (int i = 0; i < set.n; i++) {
        const GeoPolygon *p = &set.p[i];
        sqlite3_bind_text(ins, 1, kinds[p->kind], -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, p->name, -1, SQLITE_STATIC);
        if (p->kind == GEO_AREA) sqlite3_bind_int(ins, 3, strcmp(p->code, "north") == 0 ? north : west);
        else sqlite3_bind_null(ins, 3);
        sqlite3_bind_text(ins, 4, geometry[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 5, import_id);
        db_step_done(ins);
    }
    sqlite3_finalize(ins);
    long long n = set.n;
    geo_free(&set, geometry);
    buf_free(&b);
    return n;
}

long long demo_force_populate(sqlite3 *db, long long import_id)
{
    db_exec(db, "INSERT INTO lpa(code, name) VALUES('north', 'North Northamptonshire'), ('west', 'West Northamptonshire')");
    sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT id FROM lpa WHERE code='north'), (SELECT id FROM lpa WHERE code='west')");
    sqlite3_step(st);
    int north = sqlite3_column_int(st, 0), west = sqlite3_column_int(st, 1);
    sqlite3_finalize(st);
    static Day days[1200];
    int ndays = demo_days(days, (int)ARRAY_LEN(days));
    long long rows = write_crimes(db, import_id, days, ndays, north, west);
    rows += write_incidents(db, import_id, days, ndays, north, west);
    rows += write_calls(db, import_id, days, ndays);
    rows += write_presence(db, import_id, days, ndays, north, west);
    rows += write_boundaries(db, import_id, north, west);
    write_plan(db);
    return rows;
}
