/*
 * demo_decisions.c: the demo office's decision records (Decision Records
 * 221 to 233, November 2024 to January 2026), written in the style of the
 * Commissioner's published summaries: most published, two drafts (one of
 * them OFFICIAL-SENSITIVE), some linked to objectives of the demo Plan
 * (demo_force.c) by their titles. Fixed text and dates: deterministic.
 */
#include "db.h"
#include "demo.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

typedef struct DemoDecision {
    int number;
    const char *title;
    const char *decided_on;
    const char *published_on; /* "" for a draft */
    long long value_pence;    /* -1: no financial value */
    const char *category;
    const char *marking;
    const char *budget_lines;
    const char *decision;
    const char *reasons;
    const char *objectives[3]; /* titles of demo Plan objectives */
} DemoDecision;

static const DemoDecision demo_decisions[] = {
    {221, "Additional IDVA posts at Voice", "2024-11-12", "2024-11-19", 18600000, "Victims and witnesses", "OFFICIAL",
     "Victims' services grant\nOPFCC commissioning budget",
     "To fund four additional Independent Domestic Violence Advisor posts at Voice for Victims and Witnesses for two years from 1 January 2025, "
     "at a total cost of \xC2\xA3" "186,000.",
     "Referrals of high-risk victims of domestic abuse to Voice have risen by a fifth in two years and the waiting time for a first contact from an "
     "advisor has lengthened.\nThe Ministry of Justice victims' grant meets half of the cost; the balance is met from the commissioning budget "
     "within the Medium Term Financial Plan.",
     {"Reduce harm from domestic abuse, pursuing perpetrators, supporting victims", "Provide effective support for victims and witnesses that meets their needs"}},
    {222, "Duty management module", "2024-12-03", "2024-12-10", 9875000, "Information technology", "OFFICIAL",
     "Capital programme: ICT systems",
     "To approve the purchase of the duty management module of the force's resource management system, with implementation support, "
     "at a cost of \xC2\xA3" "98,750 through the Crown Commercial Service framework.",
     "Rosters are held in spreadsheets in several departments. A single duty management module will show the officers available to each "
     "neighbourhood team and release supervisors' time.\nThe Chief Constable's business case was reviewed by the Joint Independent Audit Committee's chair.",
     {"Increase the amount of time that Police officers and PCSOs in neighbourhood teams spend in their local community"}},
    {223, "Ridgecrest cleaning contract extension", "2025-01-14", "2025-01-21", 41200000, "Contracts", "OFFICIAL",
     "Estates: cleaning services",
     "To extend the building cleaning contract with Ridgecrest Cleaning Services for 12 months from 1 April 2025 at a value of \xC2\xA3" "412,000, "
     "under the extension option in the contract.",
     "The contract has performed to standard in every quarterly review. Extending it keeps the service in place while a joint police and fire "
     "procurement is carried out for 2026.",
     {"Embed and develop the enabling services approach across police and fire"}},
    {224, "Software licences", "2025-02-04", "2025-02-11", 26340000, "Information technology", "OFFICIAL",
     "Revenue: ICT licences",
     "To renew the force's enterprise software licences for three years from 1 March 2025 at a total cost of \xC2\xA3" "263,400.",
     "The licences are needed for the force's desktop, email and document systems. The renewal was tendered through a national framework and "
     "is \xC2\xA3" "31,000 less than the previous agreement.",
     {0}},
    {225, "Policing budget and precept 2025/26", "2025-02-11", "2025-02-12", -1, "Finance", "OFFICIAL",
     "Revenue budget 2025/26\nCapital programme 2025/26 to 2028/29",
     "To set the policing budget for 2025/26 and the police precept at \xC2\xA3" "316.67 for a Band D property, an increase of \xC2\xA3" "14 a year, "
     "following the Police, Fire and Crime Panel's consideration of the proposal on 4 February 2025.",
     "The precept maintains the number of officers and funds the priorities of the Police, Fire and Crime Plan. The Panel supported the proposal.",
     {"Strengthen local policing and focus on solving local problems at a local level"}},
    {226, "Deed of Variation for Corby Police Station", "2025-03-18", "2025-03-25", 1250000, "Estates", "OFFICIAL",
     "Estates: leases",
     "To enter into a deed of variation of the lease of Corby Police Station, allowing the fire service to occupy the ground floor, at a cost of "
     "\xC2\xA3" "12,500 in legal and survey fees.",
     "Sharing the building brings the two services together in the town and reduces the running costs each bears.",
     {"Embed and develop the enabling services approach across police and fire"}},
    {227, "HyperConvergence", "2025-05-06", "2025-05-13", 54300000, "Information technology", "OFFICIAL",
     "Capital programme: ICT infrastructure",
     "To approve the replacement of the force's data centre servers and storage with a hyperconverged platform at a capital cost of \xC2\xA3" "543,000.",
     "The present servers reach the end of their supported life in 2025. The new platform uses less power and space and can be extended as demand grows.",
     {0}},
    {228, "Knife crime education programme", "2025-06-17", "2025-06-24", 7500000, "Community safety", "OFFICIAL",
     "Community safety fund",
     "To fund a knife crime education programme in secondary schools across the county for the 2025/26 school year at a cost of \xC2\xA3" "75,000.",
     "Possession of weapons offences among young people have risen. The programme was evaluated in two schools in 2024 and is now offered to every "
     "secondary school.",
     {"Deliver robust enforcement and awareness campaigns to reduce the number of knives on our streets"}},
    {229, "SPS agreement with SCL", "2025-07-22", "2025-07-29", 4800000, "Contracts", "OFFICIAL",
     "Revenue: specialist services",
     "To enter into a specialist policing services agreement with SCL for forensic digital examination, for two years at a value of \xC2\xA3" "48,000.",
     "The agreement clears the backlog of devices awaiting examination and shortens the time victims wait for their devices to be returned.",
     {"Monitoring the quality of investigations and work to further improve standards"}},
    {230, "Special Services Charges", "2025-09-09", "2025-09-16", -1, "Finance", "OFFICIAL",
     "Income: special police services",
     "To approve the charges for special police services (policing of events and other services provided on request) for 2026/27, rising by 3.5%.",
     "Charges are set each year in line with the national guidance of the National Police Chiefs' Council so that the cost of the service is recovered.",
     {0}},
    {231, "Burglary target hardening scheme", "2025-11-04", "2025-11-11", 12000000, "Community safety", "OFFICIAL",
     "Community safety fund\nVictims' services grant",
     "To fund locks, lighting and door cameras for victims of burglary and their neighbours in the areas of highest risk, for 18 months at a cost of "
     "\xC2\xA3" "120,000.",
     "Repeat and near-repeat burglaries are concentrated in a small number of streets. Target hardening after a first burglary reduces the risk of "
     "another.",
     {"Invest in target hardening schemes in areas of the highest risk to reduce crime", "Develop strategies to reduce repeat victimisation"}},
    {232, "Op Alloy", "2026-01-13", "", 35000000, "Operational", "OFFICIAL-SENSITIVE",
     "Revenue: operational contingency",
     "To release up to \xC2\xA3" "350,000 from the operational contingency reserve to support Operation Alloy.",
     "The operation's scope and funding are not to be disclosed while it is under way. The Chief Constable's request was reviewed by the Chief Finance Officer.",
     {"Target violent crime, with a strategy to look at violence against women and girls"}},
    {233, "Digital Delivery Team 2026 resourcing", "2026-01-27", "", 29500000, "Information technology", "OFFICIAL",
     "Revenue: ICT staffing\nCapital programme: digital projects",
     "To fund five posts in the Digital Delivery Team for the 2026/27 financial year at a cost of \xC2\xA3" "295,000.",
     "The team delivers the digital projects of the capital programme. Funding the posts for a year keeps the programme on schedule while the "
     "enabling services review concludes.",
     {"Embed and develop the enabling services approach across police and fire"}},
};

void demo_decisions_populate(sqlite3 *db)
{
    sqlite3_stmt *ins = db_prepare(db, "INSERT INTO decision(number, title, decided_on, decision, reasons, value_pence, category, budget_lines, status, published_on, marking)"
                                       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    /* linked by the objective's title in the latest Plan: an objective the
     * Plan no longer holds is simply not linked */
    sqlite3_stmt *lk = db_prepare(db, "INSERT OR IGNORE INTO decision_objective(decision_id, objective_id)"
                                      " SELECT ?1, o.id FROM plan_objective o JOIN plan_priority p ON p.id = o.priority_id"
                                      " WHERE o.title = ?2 AND p.plan_id = (SELECT max(id) FROM plan)");
    for (size_t i = 0; i < ARRAY_LEN(demo_decisions); i++) {
        const DemoDecision *d = &demo_decisions[i];
        sqlite3_bind_int(ins, 1, d->number);
        sqlite3_bind_text(ins, 2, d->title, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 3, d->decided_on, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 4, d->decision, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 5, d->reasons, -1, SQLITE_STATIC);
        if (d->value_pence >= 0) sqlite3_bind_int64(ins, 6, d->value_pence);
        else sqlite3_bind_null(ins, 6);
        sqlite3_bind_text(ins, 7, d->category, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 8, d->budget_lines, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 9, *d->published_on ? "published" : "draft", -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 10, d->published_on, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 11, d->marking, -1, SQLITE_STATIC);
        if (!db_step_done(ins)) die("demo: decision record %d: %s", d->number, sqlite3_errmsg(db));
        long long id = sqlite3_last_insert_rowid(db);
        for (size_t k = 0; k < ARRAY_LEN(d->objectives) && d->objectives[k]; k++) {
            sqlite3_bind_int64(lk, 1, id);
            sqlite3_bind_text(lk, 2, d->objectives[k], -1, SQLITE_STATIC);
            db_step_done(lk);
        }
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(lk);
}
