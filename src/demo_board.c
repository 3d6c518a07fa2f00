/*
 * demo_board.c: the demo office's Accountability Board (demo_populate()
 * calls demo_board_populate()). Deterministic: fixed dates and text.
 *
 * Meetings every six weeks through 2025/26, from 29 April 2025: the seven
 * held up to 6 January 2026 have their items (in the style of the office's
 * published board notes), the force's answers, verdicts, follow-ups (two
 * still open) and published minutes; 17 February 2026 has its agenda set;
 * 31 March 2026 is planned. The schedule of assurance holds quarterly
 * performance (every 3 months), the annual budget outturn (12) and
 * Victims' Code compliance (6 to 9 months, due at the next meeting), whose
 * last paper dates follow from the verdicts. The budget conditions letter
 * for 2025/26 has its conditions with their status. A force liaison user
 * (liaison / assure-demo-liaison) answers for the force.
 */
#include "auth.h"
#include "board.h"
#include "db.h"
#include "demo.h"

#include <string.h>

#define SCHED_QUARTERLY 1
#define SCHED_OUTTURN 2
#define SCHED_VICTIMS 3

static long long meeting(sqlite3 *db, const char *held_on)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO meeting(held_on, starts_at, kind) VALUES (?1, '10:00', 'Accountability Board')");
    sqlite3_bind_text(st, 1, held_on, -1, SQLITE_STATIC);
    if (!db_step_done(st)) die("demo: meeting %s", held_on);
    sqlite3_finalize(st);
    return sqlite3_last_insert_rowid(db);
}

/* An item in the seed's style; sched is an assurance_schedule id or 0. */
typedef struct DemoItem {
    const char *subject, *matter, *questions, *form, *lead;
    int sched;
    const char *measure_key;
    bool to_force;
    const char *marking;
    const char *answer, *verdict, *discussion;
    const char *fu_request, *fu_owner, *fu_due, *fu_closed; /* fu_closed "" while open */
} DemoItem;

static long long item(sqlite3 *db, long long mid, int pos, const DemoItem *it)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO agenda_item(meeting_id, position, subject, measure_key, matter, questions, form, lead, paper_due, to_force, origin,"
                                      " schedule_id, answer, marking) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, (SELECT date(held_on, '-7 days') FROM meeting WHERE id=?1),"
                                      " ?9, ?10, ?11, ?12, ?13)");
    sqlite3_bind_int64(st, 1, mid);
    sqlite3_bind_int(st, 2, pos);
    sqlite3_bind_text(st, 3, it->subject, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, it->measure_key ? it->measure_key : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, it->matter, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, it->questions ? it->questions : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, it->form ? it->form : "written", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, it->lead ? it->lead : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 9, it->to_force);
    sqlite3_bind_text(st, 10, it->sched ? "schedule" : it->measure_key ? "exception" : "office", -1, SQLITE_STATIC);
    if (it->sched) sqlite3_bind_int(st, 11, it->sched);
    else sqlite3_bind_null(st, 11);
    sqlite3_bind_text(st, 12, it->answer ? it->answer : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 13, it->marking ? it->marking : "OFFICIAL", -1, SQLITE_STATIC);
    if (!db_step_done(st)) die("demo: item %s", it->subject);
    sqlite3_finalize(st);
    long long id = sqlite3_last_insert_rowid(db);
    if (it->verdict && !board_set_verdict(db, id, it->verdict, it->discussion)) die("demo: verdict on %s", it->subject);
    if (it->fu_request) {
        st = db_prepare(db, "INSERT INTO follow_up(item_id, request, owner, due, status, closed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, it->fu_request, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, it->fu_owner, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, it->fu_due, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, it->fu_closed && *it->fu_closed ? "closed" : "open", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, it->fu_closed ? it->fu_closed : "", -1, SQLITE_STATIC);
        if (!db_step_done(st)) die("demo: follow-up of %s", it->subject);
        sqlite3_finalize(st);
    }
    return id;
}

static void finish_meeting(sqlite3 *db, long long mid, const char *status)
{
    Buf b = {0};
    if (strcmp(status, "minutes published") == 0) board_draft_minutes(db, mid, &b);
    sqlite3_stmt *st = db_prepare(db, "UPDATE meeting SET status=?2, minutes=?3 WHERE id=?1");
    sqlite3_bind_int64(st, 1, mid);
    sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, buf_cstr(&b), -1, SQLITE_TRANSIENT);
    if (!db_step_done(st)) die("demo: meeting status");
    sqlite3_finalize(st);
    buf_free(&b);
}

static void paper(sqlite3 *db, long long item_id, const char *filename, const char *text, const char *at)
{
    char sha[65];
    size_t n = strlen(text);
    board_sha256_hex(text, n, sha);
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO item_paper(item_id, filename, content_type, bytes, sha256, data, uploaded_by, uploaded_at)"
                                      " VALUES (?1, ?2, 'text/plain; charset=utf-8', ?3, ?4, ?5, 'liaison', ?6)");
    sqlite3_bind_int64(st, 1, item_id);
    sqlite3_bind_text(st, 2, filename, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (long long)n);
    sqlite3_bind_text(st, 4, sha, -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 5, text, (int)n, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, at, -1, SQLITE_STATIC);
    if (!db_step_done(st)) die("demo: paper %s", filename);
    sqlite3_finalize(st);
}

static const char *const Q_PERF = "How is the force performing against each measure and target of the Police, Fire and Crime Plan this quarter?\n"
                                  "Which measures are off target, why, and what is being done about each?\n"
                                  "How does the force compare with its most similar forces?";

void demo_board_populate(sqlite3 *db)
{
    db_exec(db, "INSERT INTO assurance_schedule(id, subject, matter, min_months, max_months, form, lead) VALUES"
                " (1, 'Quarterly performance against the Plan', 'Performance against the measures and targets of the Police, Fire and Crime Plan for the latest quarter.', 3, 3, 'written', 'Assistant Chief Constable'),"
                " (2, 'Annual budget outturn', 'The outturn of the last financial year against the budget the Commissioner set, with reserves and the capital programme.', 12, 12, 'written', 'Chief Finance Officer'),"
                " (3, 'Victims'' Code compliance and victim satisfaction', 'Compliance with the Code of Practice for Victims of Crime (28-day updates, needs assessments, victim personal statements) and satisfaction levels.', 6, 9, 'written', 'Head of Crime')");

    static const char *const dates[] = {"2025-04-29", "2025-06-10", "2025-07-22", "2025-09-02", "2025-10-14", "2025-11-25", "2026-01-06", "2026-02-17", "2026-03-31"};
    long long m[9];
    for (int i = 0; i < 9; i++) m[i] = meeting(db, dates[i]);

    long long id;
    item(db, m[0], 1, &(DemoItem){"Force strategic priorities: end of year performance 2024/25",
        "The Commissioner requests a paper outlining the end of financial year performance against the force's measures and targets.",
        "Which targets were met in 2024/25, and which were not?\nWhat will the target setting process be for 2025/26?", "written", "Assistant Chief Constable", 0, NULL, true, NULL,
        "The force met 11 of its 16 targets; burglary, investigation quality and victim satisfaction improved. Targets for knife crime, repeat victims and RASSO charge rates were missed.",
        "assured", "The Commissioner welcomed the green shoots in burglary reduction and investigation quality, noted that higher-harm areas still needed progress, and asked that the 2025/26 targets be stretching and clear.",
        NULL, NULL, NULL, NULL});
    item(db, m[0], 2, &(DemoItem){"Budget conditions letter 2024/25: end of year report",
        "The Commissioner requires an end of year highlight report on delivery against the matters agreed in the budget conditions letter.",
        "Which conditions were delivered in full?\nWhich were not, and why?", "written", "Chief Finance Officer", 0, NULL, true, NULL,
        "Nine of the eleven conditions were delivered; the custody refurbishment and the digital case file roll-out slipped into 2025/26.",
        "assured", "The Commissioner was assured that a large number of the conditions had been progressed, and that a better understanding existed of what is expected in return for the delegated budget.",
        NULL, NULL, NULL, NULL});
    item(db, m[0], 3, &(DemoItem){"Missing persons",
        "A report on missing persons in the county: numbers per year and trends, a breakdown by gender, age and ethnicity, and contributory factors such as mental health.",
        "How many people were reported missing in each of the last three years?\nHow quickly are high-risk missing persons located?", "written", "Head of Public Protection", 0, NULL, true, NULL,
        "Reports fell from 2,310 to 2,045 over three years; 94% of high-risk missing people were located within 24 hours, up from 88%. Mental health was a factor in 38% of episodes.", "assured", "The Commissioner was reassured that internal processes for high-risk missing persons were much improved, with risk identified better and people located more quickly.",
        NULL, NULL, NULL, NULL});

    item(db, m[1], 1, &(DemoItem){"Annual budget outturn 2024/25", "The outturn of 2024/25 against the budget set, reserves and the capital programme.",
        "What was the outturn against budget, by main heading?\nWhat is the position on reserves?", "written", "Chief Finance Officer", SCHED_OUTTURN, NULL, true, NULL,
        "An underspend of 0.4% of the net revenue budget, transferred to the budget management reserve.", "assured",
        "The Commissioner was assured by the outturn and the reserves position, and commended the finance team.", NULL, NULL, NULL, NULL});
    item(db, m[1], 2, &(DemoItem){"Hate crime", "A report on hate crimes and incidents over three years: numbers by incident and victim type, outcome rates and victim satisfaction, and the force's approach to supporting victims.",
        "What are the trends over three years?\nHow are victims supported?", "written", "Head of Crime", 0, NULL, true, NULL, "Recorded hate crime rose 9% over three years, mostly racially aggravated public order offences; 71% of victims were satisfied with the service, and every victim is offered referral to the hate crime advocate.", "partially assured",
        "The Commissioner noted the increase in offences and was assured that crime recording was ethical, but asked for the outcome rates to be broken down by strand.",
        "Outcome rates for hate crime broken down by strand", "Head of Crime", "2025-08-31", "2025-09-02"});

    item(db, m[2], 1, &(DemoItem){"Quarterly performance: 2025/26 Q1", "Performance against the Plan for April to June 2025.", Q_PERF, "written", "Assistant Chief Constable",
        SCHED_QUARTERLY, NULL, true, NULL, "Nine of the Plan's sixteen measures were on target in April to June 2025; the performance report is in the pack.", "assured", "The Commissioner was assured by the quarter's performance and the direction of travel.", NULL, NULL, NULL, NULL});
    id = item(db, m[2], 2, &(DemoItem){"Victims' Code compliance and victim satisfaction",
        "An update on compliance with the Victims' Code and satisfaction levels, agreed to return between 6 and 9 months after the last paper.",
        "What proportion of victims received their 28-day update?\nHow ready is the force for the revised Code?", "written", "Head of Crime", SCHED_VICTIMS, NULL, true, NULL,
        "Compliance with 28-day updates rose from 71% to 84%; an audit of 100 crimes against the five Code questions is attached.", "partially assured",
        "The Commissioner congratulated the force on the improvement in 28-day updates but stressed the importance of proper dialogue with victims, and asked for the audit to be repeated.",
        "Repeat the audit of 100 crimes against the five Victims' Code questions", "Head of Crime", "2025-10-31", "2025-10-14"});
    paper(db, id, "victims-code-audit-2025.txt",
          "Victims' Code compliance audit, July 2025\n\n100 crimes sampled at random from April to June 2025.\n"
          "Q1 victim told the crime was recorded: 97\nQ2 needs assessment completed: 88\nQ3 28-day update given: 84\n"
          "Q4 victim personal statement offered: 79\nQ5 referral to victim services offered: 91\n", "2025-07-15T09:30:00Z");

    item(db, m[3], 1, &(DemoItem){"Complaints handling: timeliness and learning",
        "A report covering reflective practice and learning, reviews and timeliness under the complaints regime.",
        "How long do complaints take to resolve, and is that improving?\nDoes timeliness differ by the complainant's ethnicity?", "written", "Deputy Chief Constable", 0, NULL, true, NULL,
        "The median time to resolve a complaint fell from 96 to 81 days; a breakdown by the complainant's ethnicity is not yet available.", "partially assured", "The Commissioner was pleased with the learning culture but asked for improvement in the timeliness of complaint investigations; the DCC was to examine disproportionality.",
        "Analysis of complaint timeliness by the complainant's ethnicity", "Deputy Chief Constable", "2025-10-31", "2025-11-25"});
    item(db, m[3], 2, &(DemoItem){"Health and safety annual report", "The annual health and safety report and progress on the internal audit of health and safety.",
        "What does the data show about assaults on officers?", "verbal", "Chief Operating Officer", 0, NULL, true, NULL, NULL, "assured",
        "The Commissioner welcomed the assurance on compliance with legal requirements and the force's use of data on assaults on officers.", NULL, NULL, NULL, NULL});

    item(db, m[4], 1, &(DemoItem){"Quarterly performance: 2025/26 Q2", "Performance against the Plan for July to September 2025.", Q_PERF, "written", "Assistant Chief Constable",
        SCHED_QUARTERLY, NULL, true, NULL, "Ten of sixteen measures were on target in July to September 2025; Grade 1 urban response times were outside target in two of the three months.", "partially assured", "The Commissioner noted response times slipping against target and asked for a fuller account at a later board.", NULL, NULL, NULL, NULL});
    item(db, m[4], 2, &(DemoItem){"Budget conditions letter 2025/26: mid-year progress", "Progress against the conditions agreed in the 2025/26 budget conditions letter.",
        "Which conditions are at risk, and what is being done?", "written", "Chief Finance Officer", 0, NULL, true, NULL, "Seven conditions are on track, three at risk (response times, the custody refurbishment and digital case files) and one not started.", "partially assured",
        "The Commissioner was assured on most conditions but not on the recovery of response times.", NULL, NULL, NULL, NULL});

    long long response_item = item(db, m[5], 1, &(DemoItem){"Response times and visibility", "Grade 1 urban response times have been outside the 10-minute target for several months.",
        "What is the force doing to bring Grade 1 urban response times back within target, and by when?\nHow is visibility in priority locations measured?", "written",
        "ACC Local Policing", 0, "response.g1-urban", true, NULL, "Grade 1 urban response averaged 10 minutes 40 seconds in October; a demand review and a revised shift pattern are under way.", "not assured",
        "The Commissioner was not assured that the force had a credible plan to recover response times and asked for a recovery plan with monthly milestones.",
        "A recovery plan for Grade 1 urban response times with monthly milestones", "ACC Local Policing", "2026-01-31", ""});
    item(db, m[5], 2, &(DemoItem){"Capital programme review", "The revised capital programme, for affordability and deliverability.", "Which schemes are essential, and which are choices?",
        "written", "Chief Finance Officer", 0, NULL, true, NULL, "The revised programme totals £38.2m over four years; the estates rationalisation and fleet replacement are essential, the training centre upgrade is a choice.", "assured", "The Commissioner was assured that the programme appears affordable and commended the work.", NULL, NULL, NULL, NULL});

    item(db, m[6], 1, &(DemoItem){"Quarterly performance: 2025/26 Q3", "Performance against the Plan for October to December 2025.", Q_PERF, "written", "Assistant Chief Constable",
        SCHED_QUARTERLY, NULL, true, NULL, "Residential burglary fell 12% on the same quarter last year; positive outcomes for violence against women and girls remain below target.", "partially assured",
        "The Commissioner welcomed the reduction in residential burglary but asked for positive outcomes for violence against women and girls to be explained.",
        "Positive outcome rates for violence against women and girls, with the action plan to raise them", "Head of Crime", "2026-03-31", ""});
    item(db, m[6], 2, &(DemoItem){"Knife crime", "Knife crime has risen against the Plan's aim of reducing it.", "What explains the rise?\nWhich partnership interventions are working?",
        "verbal", "Head of Crime", 0, NULL, true, NULL, NULL, "partially assured",
        "The Commissioner supported the Chief Constable's view that policing would need to be delivered differently to address knife crime.", NULL, NULL, NULL, NULL});

    for (int i = 0; i < 7; i++) finish_meeting(db, m[i], "minutes published");

    /* the next meeting: agenda set, with the open follow-up from November */
    item(db, m[7], 1, &(DemoItem){"Rape and serious sexual offences: investigation quality",
        "The quality and timeliness of investigations of rape and serious sexual offences, and support for victims through the process.",
        "How many investigations end with a charge, and how has that changed?\nHow long do investigations take?\nHow are victims kept informed?", "written",
        "Head of Public Protection", 0, NULL, true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL});
    id = item(db, m[7], 2, &(DemoItem){"Follow-up: Response times and visibility", "A recovery plan for Grade 1 urban response times with monthly milestones",
        "What has been done on: A recovery plan for Grade 1 urban response times with monthly milestones?", "written", "ACC Local Policing", 0, NULL, true, NULL,
        NULL, NULL, NULL, NULL, NULL, NULL, NULL});
    /* the item came from the November follow-up: linked by id */
    sqlite3_stmt *fl = db_prepare(db, "UPDATE agenda_item SET origin='follow-up', follow_up_id=(SELECT id FROM follow_up WHERE item_id=?2) WHERE id=?1");
    sqlite3_bind_int64(fl, 1, id);
    sqlite3_bind_int64(fl, 2, response_item);
    if (!db_step_done(fl) || sqlite3_changes(db) != 1) die("demo: linking the follow-up item");
    sqlite3_finalize(fl);
    item(db, m[7], 3, &(DemoItem){"Serious and organised crime: disruption of county lines",
        "Operational detail of disruption activity against county lines networks.", "Which networks have been disrupted this year?", "verbal", "Head of Crime", 0, NULL, true,
        "OFFICIAL-SENSITIVE", NULL, NULL, NULL, NULL, NULL, NULL, NULL});
    item(db, m[7], 4, &(DemoItem){"The Panel's report on the precept proposal", "The office's own briefing for the Commissioner on the Panel's report: not a matter for the force.",
        "", "verbal", "Chief Executive", 0, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL});
    finish_meeting(db, m[7], "agenda set");

    db_exec(db, "INSERT INTO budget_condition(year, position, condition, status, note) VALUES"
                " ('2025/26', 1, 'Maintain officer numbers at the funded establishment of 1,500 throughout the year.', 'on track', 'Establishment 1,507 at the end of December.'),"
                " ('2025/26', 2, 'Bring Grade 1 urban response times back within the 10-minute target by the year end.', 'at risk', 'Not assured at the November board; a recovery plan is due.'),"
                " ('2025/26', 3, 'Deliver the efficiency savings of £4.2m set out in the medium-term financial plan.', 'on track', '£3.1m delivered by the end of Q3.'),"
                " ('2025/26', 4, 'Complete the custody suite refurbishment carried over from 2024/25.', 'met', 'Reopened in September 2025.'),"
                " ('2025/26', 5, 'Roll out digital case files to every investigation team.', 'at risk', 'Two of five teams live; supplier delay.'),"
                " ('2025/26', 6, 'Publish Victims'' Code compliance quarterly from Q2.', 'not started', '')");

    char err[256];
    if (!auth_user_add(db, "liaison", "force-liaison", "assure-demo-liaison", err, sizeof err)) die("demo: user liaison: %s", err);
}
