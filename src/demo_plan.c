/*
 * demo_plan.c: the demo Plan's deliverables and actions, and the Panel's
 * review of the draft with the Commissioner's responses (called from
 * demo_force.c write_plan once the objectives are written).
 *
 * Everything is written out here, not drawn at random, so the demo reads
 * like an office's delivery plan: owners are posts, due months run from
 * 2024 to 2026, statuses and RAG ratings agree with each other (a complete
 * action is green; one past due and not started is red), some actions are
 * overdue, and one is OFFICIAL-SENSITIVE (hidden from roles without 'S').
 * The review's resolutions are the Panel's own words (seed 003, 3.15).
 */
#include "db.h"
#include "demo.h"
#include "util.h"

#include <stddef.h>

typedef struct DemoAction {
    int objective;          /* the objective's position in the demo Plan */
    const char *deliverable;
    const char *title;
    const char *owner;
    const char *due;        /* "2025-03", "Ongoing", "TBC" */
    const char *status;
    const char *rag;
    const char *note;
    const char *marking;
} DemoAction;

#define OFF "OFFICIAL"

static const DemoAction demo_actions[] = {
    {1, "Repeat victim problem-solving plan", "Identify the 100 most frequent repeat victims each quarter and assign a named officer", "Head of Local Policing", "2024-06", "complete", "G", "Quarterly list in place since June 2024.", OFF},
    {1, "Repeat victim problem-solving plan", "Introduce a repeat victim marker on the crime system and report it monthly", "Head of Crime", "2024-12", "complete", "G", "", OFF},
    {1, "Repeat victim problem-solving plan", "Evaluate the effect on repeat domestic abuse victimisation with the Institute", "OPFCC Head of Performance", "2026-03", "in progress", "A", "Evaluation data agreed; report delayed by the force's records system change.", OFF},
    {2, "Fraud prevention programme", "Recruit two fraud protect officers and publish their programme", "Head of Economic Crime", "2024-09", "complete", "G", "", OFF},
    {2, "Fraud prevention programme", "Deliver cyber protect sessions to 200 small businesses", "Head of Economic Crime", "2025-09", "in progress", "A", "140 businesses reached by October.", OFF},
    {2, "Fraud prevention programme", "Commission a support service for older victims of fraud", "OPFCC Commissioning Manager", "2026-06", "not started", "A", "Specification in draft.", OFF},
    {3, "Target hardening in high-risk areas", "Fit target hardening to 1,500 homes in the top 20 burglary streets", "Crime Prevention Manager", "2025-03", "complete", "G", "1,612 homes fitted.", OFF},
    {3, "Target hardening in high-risk areas", "Measure repeat burglary in treated streets against matched streets", "OPFCC Head of Performance", "2025-12", "in progress", "G", "", OFF},
    {4, "Safer roads partnership", "Agree a joint casualty reduction plan with the county's highways authorities", "Head of Roads Policing", "2024-07", "complete", "G", "", OFF},
    {4, "Safer roads partnership", "Extend community speed watch to 40 more villages", "Safer Roads Alliance Manager", "2025-06", "in progress", "R", "Only 12 villages recruited; volunteer training backlog.", OFF},
    {4, "Safer roads partnership", "Run a fatal four enforcement campaign each quarter", "Head of Roads Policing", "Ongoing", "in progress", "G", "", OFF},
    {5, "Wider prevention activity", "Add road, water and home safety to the safe and well visit", "Head of Prevention (Fire)", "2024-10", "complete", "G", "", OFF},
    {5, "Wider prevention activity", "Train all watch-based crews in the new safe and well visit", "Head of Prevention (Fire)", "2025-09", "in progress", "A", "70% of crews trained.", OFF},
    {6, "Local policing model", "Set up a neighbourhood team for every community with a named sergeant", "Head of Local Policing", "2024-04", "complete", "G", "", OFF},
    {6, "Local policing model", "Publish local priorities agreed at community meetings every quarter", "Head of Local Policing", "Ongoing", "in progress", "G", "", OFF},
    {6, "Local policing model", "Review neighbourhood demand and reset team sizes", "Chief Superintendent, Local Policing", "2025-10", "not started", "R", "Awaiting the force's demand model.", OFF},
    {7, "Volume crime focus", "Attend every residential burglary within 24 hours", "Head of Local Policing", "2024-09", "complete", "G", "", OFF},
    {7, "Volume crime focus", "Launch an anti-social behaviour case review with the districts", "Head of Community Safety", "2025-05", "in progress", "A", "", OFF},
    {7, "Volume crime focus", "Deliver a vehicle crime reduction campaign with dealers and car parks", "Crime Prevention Manager", "2025-11", "not started", "R", "", OFF},
    {8, "More time in communities", "Give neighbourhood officers mobile devices so reports are written on patrol", "Head of Digital Policing", "2024-06", "complete", "G", "", OFF},
    {8, "More time in communities", "Report neighbourhood officers' time out of the station monthly (ARLS)", "OPFCC Head of Performance", "2024-11", "complete", "G", "", OFF},
    {8, "More time in communities", "Patrol plans for every priority location", "Head of Local Policing", "2026-01", "in progress", "A", "Plans in place for 14 of 20 locations.", OFF},
    {9, "Violence against women and girls strategy", "Publish the violence against women and girls strategy", "Head of Public Protection", "2024-05", "complete", "G", "", OFF},
    {9, "Violence against women and girls strategy", "Train all response officers in stalking and coercive control", "Head of Learning and Development", "2025-03", "in progress", "R", "56% trained; course capacity doubled from January.", OFF},
    {9, "Violence against women and girls strategy", "Target the most harmful perpetrators with a multi-agency tasking process", "Head of Public Protection", "2025-07", "in progress", "A", "", OFF},
    {9, "Night-time economy safety", "Run Safe Haven points in the three town centres on weekend nights", "Head of Community Safety", "Ongoing", "in progress", "G", "", OFF},
    {10, "Response and call handling", "Recruit to the establishment of 120 call handlers", "Head of the Force Control Room", "2024-08", "complete", "G", "", OFF},
    {10, "Response and call handling", "Introduce a call-back service for 101 callers at busy times", "Head of the Force Control Room", "2025-04", "complete", "G", "", OFF},
    {10, "Response and call handling", "Agree shared mobilising with the fire control room", "Joint Head of Control", "2026-09", "in progress", "A", "Business case approved; systems procurement under way.", OFF},
    {11, "Emergency cover review", "Model emergency cover options against risk and response standards", "Chief Fire Officer", "2024-12", "complete", "G", "", OFF},
    {11, "Emergency cover review", "Consult the public on the preferred option", "Chief Fire Officer", "2025-06", "complete", "G", "", OFF},
    {11, "Emergency cover review", "Implement the new duty system at on-call stations", "Area Manager, Service Delivery", "2026-03", "in progress", "A", "", OFF},
    {12, "Knife crime reduction", "Run knife amnesties and weapons sweeps in each district twice a year", "Head of Serious Violence", "Ongoing", "in progress", "G", "", OFF},
    {12, "Knife crime reduction", "Deliver knife crime education to every secondary school", "Head of Serious Violence", "2025-07", "in progress", "A", "38 of 52 schools reached.", OFF},
    {12, "Knife crime reduction", "Targeted operation against county lines supply routes", "Head of Serious and Organised Crime", "2025-06", "in progress", "R", "Operational detail held by the force.", "OFFICIAL-SENSITIVE"},
    {13, "Domestic abuse perpetrator programme", "Commission a domestic abuse perpetrator programme", "OPFCC Commissioning Manager", "2024-10", "complete", "G", "", OFF},
    {13, "Domestic abuse perpetrator programme", "Refer 300 perpetrators a year to the programme", "Head of Public Protection", "2026-03", "in progress", "A", "", OFF},
    {13, "Domestic abuse perpetrator programme", "Review the quality of domestic abuse risk assessments", "Head of Public Protection", "2025-09", "not started", "R", "", OFF},
    {14, "Exploitation awareness campaign", "Run a joint campaign on the signs of child exploitation with the safeguarding partnership", "Head of Communications", "2024-11", "complete", "G", "", OFF},
    {14, "Exploitation awareness campaign", "Train taxi drivers and hotel staff to recognise and report exploitation", "Head of Community Safety", "2025-08", "in progress", "A", "", OFF},
    {15, "Fire service safeguarding", "Appoint a safeguarding lead and publish a safeguarding policy", "Head of Prevention (Fire)", "2024-06", "complete", "G", "", OFF},
    {15, "Fire service safeguarding", "Train every firefighter to make safeguarding referrals", "Head of Prevention (Fire)", "2025-03", "complete", "G", "", OFF},
    {16, "Positive outcomes", "Set up an investigation standards team to review undetected crimes", "Head of Crime", "2024-09", "complete", "G", "", OFF},
    {16, "Positive outcomes", "Raise the charge and summons rate to the national average", "Head of Crime", "2026-03", "in progress", "R", "Rate still below the national average.", OFF},
    {16, "Positive outcomes", "Extend out of court resolutions with conditions for first-time offenders", "Head of Criminal Justice", "TBC", "not started", "", "Awaiting national guidance.", OFF},
    {17, "Investigation quality", "Supervise every new crime within 28 days", "Head of Crime", "2024-12", "in progress", "A", "", OFF},
    {17, "Investigation quality", "Quarterly investigation audits reported to the Accountability Board", "OPFCC Head of Performance", "Ongoing", "in progress", "G", "", OFF},
    {18, "Victims' Code compliance", "Recommission the victim and witness service", "OPFCC Commissioning Manager", "2025-03", "complete", "G", "", OFF},
    {18, "Victims' Code compliance", "Monitor Victims' Code updates monthly and report to the Panel", "OPFCC Head of Performance", "Ongoing", "in progress", "G", "", OFF},
    {18, "Victims' Code compliance", "Give victims online tracking of their case", "Head of Digital Policing", "2026-06", "not started", "A", "", OFF},
    {19, "Fire safety enforcement", "Prioritise inspections of high-rise and sleeping-risk premises", "Head of Protection (Fire)", "2024-07", "complete", "G", "", OFF},
    {19, "Fire safety enforcement", "Publish the risk-based inspection programme", "Head of Protection (Fire)", "2025-04", "complete", "G", "", OFF},
    {20, "Enabling services", "Bring police and fire estates under one joint team", "Director of Enabling Services", "2024-04", "complete", "G", "", OFF},
    {20, "Enabling services", "Move fire to the shared finance and HR system", "Director of Enabling Services", "2025-12", "in progress", "R", "Data migration slipped; new go-live date under review.", OFF},
    {20, "Enabling services", "Share one headquarters between police and fire", "Director of Enabling Services", "2026-12", "cancelled", "", "Stopped by the Commissioner's decision on estates.", OFF},
};

/* The Panel's resolutions on the draft (seed 003, 3.15), with responses. */
static const struct {
    const char *text, *response, *responded_on;
} demo_recommendations[] = {
    {"That the Panel supports the overall direction and aims reflected in the proposed update of the Police & Crime Plan.",
     "The Commissioner welcomes the Panel's support for the direction and aims of the Plan.", "2021-08-05"},
    {"That the Panel recommends that the Plan on a Page section of the updated Police & Crime Plan makes more explicit reference to the role of partnership working in delivering the aims set out in the Plan.",
     "Accepted. The Plan on a Page now names partnership working under each priority, with the partners who share each commitment.", "2021-08-05"},
    {"That the Panel recommends that the updated Police & Crime Plan makes more explicit reference to the financial and other resources that the Police, Fire & Crime Commissioner will provide to the Chief Constable to exercise their functions.",
     "Accepted. A section on resources sets out the budget, the capital programme and the enabling services the Commissioner provides to the Chief Constable and the Chief Fire Officer.", "2021-08-05"},
    {"That the Panel encourages continuity in the contact arrangements relating to community policing in Northamptonshire, to assist in providing clarity and confidence to the public.",
     "Agreed. Every community keeps a named neighbourhood sergeant, published on the force's website; changes are announced in advance.", "2021-08-05"},
    {"That the Panel encourages effective joined up communication arrangements between different organisations working in support of policing and community safety in Northamptonshire, to reduce the need for service-users to provide information more than once.",
     "Agreed. The Commissioner will report progress on shared case management between the force, fire and the councils to the Panel each year.", "2021-08-05"},
    {"That the Panel requests that a draft of the Police, Fire & Crime Commissioner's new Performance Pack, to be used in assessing the force's delivery of Plan outcomes, be presented to the next Panel meeting.",
     "A draft of the performance pack, with each priority's measures against target, will be presented to the Panel's next meeting.", "2021-08-05"},
};

void demo_plan_populate(sqlite3 *db, long long plan)
{
    sqlite3_stmt *obj = db_prepare(db, "SELECT o.id FROM plan_objective o JOIN plan_priority p ON p.id=o.priority_id WHERE p.plan_id=?1 AND o.position=?2");
    sqlite3_stmt *dfind = db_prepare(db, "SELECT id FROM plan_deliverable WHERE objective_id=?1 AND title=?2");
    sqlite3_stmt *dins = db_prepare(db, "INSERT INTO plan_deliverable(objective_id, position, title)"
                                        " VALUES(?1, (SELECT coalesce(max(position), 0) + 1 FROM plan_deliverable WHERE objective_id=?1), ?2) RETURNING id");
    sqlite3_stmt *ains = db_prepare(db, "INSERT INTO plan_action(deliverable_id, position, title, owner, due, due_month, status, rag, note, marking)"
                                        " VALUES(?1, (SELECT coalesce(max(position), 0) + 1 FROM plan_action WHERE deliverable_id=?1), ?2, ?3, ?4,"
                                        " CASE WHEN ?4 GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN CAST(substr(?4, 1, 4) || substr(?4, 6, 2) AS INTEGER) END,"
                                        " ?5, ?6, ?7, ?8)");
    for (size_t i = 0; i < ARRAY_LEN(demo_actions); i++) {
        const DemoAction *a = &demo_actions[i];
        sqlite3_bind_int64(obj, 1, plan);
        sqlite3_bind_int(obj, 2, a->objective);
        if (sqlite3_step(obj) != SQLITE_ROW) die("demo: the Plan has no objective %d", a->objective);
        long long oid = sqlite3_column_int64(obj, 0);
        sqlite3_reset(obj);
        sqlite3_bind_int64(dfind, 1, oid);
        sqlite3_bind_text(dfind, 2, a->deliverable, -1, SQLITE_STATIC);
        long long did = sqlite3_step(dfind) == SQLITE_ROW ? sqlite3_column_int64(dfind, 0) : 0;
        sqlite3_reset(dfind);
        if (!did) {
            sqlite3_bind_int64(dins, 1, oid);
            sqlite3_bind_text(dins, 2, a->deliverable, -1, SQLITE_STATIC);
            if (sqlite3_step(dins) != SQLITE_ROW) die("demo: deliverable %s: %s", a->deliverable, sqlite3_errmsg(db));
            did = sqlite3_column_int64(dins, 0);
            sqlite3_reset(dins);
        }
        sqlite3_bind_int64(ains, 1, did);
        sqlite3_bind_text(ains, 2, a->title, -1, SQLITE_STATIC);
        sqlite3_bind_text(ains, 3, a->owner, -1, SQLITE_STATIC);
        sqlite3_bind_text(ains, 4, a->due, -1, SQLITE_STATIC);
        sqlite3_bind_text(ains, 5, a->status, -1, SQLITE_STATIC);
        sqlite3_bind_text(ains, 6, a->rag, -1, SQLITE_STATIC);
        sqlite3_bind_text(ains, 7, a->note, -1, SQLITE_STATIC);
        sqlite3_bind_text(ains, 8, a->marking, -1, SQLITE_STATIC);
        if (!db_step_done(ains)) die("demo: action %s: %s", a->title, sqlite3_errmsg(db));
    }
    sqlite3_finalize(obj), sqlite3_finalize(dfind), sqlite3_finalize(dins), sqlite3_finalize(ains);

    sqlite3_stmt *rv = db_prepare(db, "INSERT INTO plan_review(plan_id, reviewed_on, summary) VALUES(?1, '2021-07-08', ?2) RETURNING id");
    sqlite3_bind_int64(rv, 1, plan);
    sqlite3_bind_text(rv, 2,
                      "The Police, Fire and Crime Panel's review of the draft Plan (Police Reform and Social Responsibility Act 2011, section 5(6)): "
                      "its resolutions as in its report (3.15), and the Commissioner's response to each.",
                      -1, SQLITE_STATIC);
    if (sqlite3_step(rv) != SQLITE_ROW) die("demo: the Plan's review: %s", sqlite3_errmsg(db));
    long long review = sqlite3_column_int64(rv, 0);
    sqlite3_finalize(rv);
    sqlite3_stmt *rc = db_prepare(db, "INSERT INTO plan_recommendation(review_id, position, text, response, responded_on) VALUES(?1, ?2, ?3, ?4, ?5)");
    for (size_t i = 0; i < ARRAY_LEN(demo_recommendations); i++) {
        sqlite3_bind_int64(rc, 1, review);
        sqlite3_bind_int(rc, 2, (int)i + 1);
        sqlite3_bind_text(rc, 3, demo_recommendations[i].text, -1, SQLITE_STATIC);
        sqlite3_bind_text(rc, 4, demo_recommendations[i].response, -1, SQLITE_STATIC);
        sqlite3_bind_text(rc, 5, demo_recommendations[i].responded_on, -1, SQLITE_STATIC);
        if (!db_step_done(rc)) die("demo: recommendation %zu: %s", i + 1, sqlite3_errmsg(db));
    }
    sqlite3_finalize(rc);
}
