/*
 * pages.h: every page handler (one file page_<name>.c per page family).
 */
#ifndef ASSURE_PAGES_H
#define ASSURE_PAGES_H

#include "measures.h"
#include "web.h"

void page_account(Req *r);    /* /account     your own account: role, password */
void page_audit(Req *r);      /* /audit       the audit trail, a record's history */
void page_home(Req *r);       /* /            redirect to dashboard or login */
void page_login(Req *r);      /* /login       GET form, POST sign in */
void page_logout(Req *r);     /* /logout      POST sign out */
void page_dashboard(Req *r);  /* /dashboard   the force performance page */
void page_measure(Req *r);    /* /measure     one measure, chart, all forces ranked */
void page_measure_edit(Req *r);    /* /measure/edit     define or change a measure */
void page_measure_history(Req *r); /* /measure/history  a measure's versions */
void page_measures(Req *r);   /* /measures    the list of measures */
void page_decisions(Req *r);       /* /decisions        the register of decision records */
void page_decision(Req *r);        /* /decision         one decision record */
void page_decision_edit(Req *r);   /* /decision/edit    create a record or change a draft */
void page_decision_publish(Req *r); /* /decision/publish publish a draft (POST) */
void page_forces(Req *r);     /* /forces      forces reference, office force, peer group */
void page_imports(Req *r);    /* /imports     import provenance */
void page_pack(Req *r);       /* /pack        the printable pack */
void page_plan(Req *r);       /* /plan        the Plan: progress, overdue actions, objectives, measures, reviews */
void page_plan_action(Req *r);  /* /plan/action  edit or add an action */
void page_plan_measures(Req *r); /* /plan/measures  the measures that evidence an objective */
void page_plan_new(Req *r);     /* /plan/new     create a plan (a draft, version 1) */
void page_plan_part(Req *r);    /* /plan/part    add a priority, objective or deliverable by hand */
/* True when the user may see a plan with that status and marking (a draft
 * needs r, OFFICIAL-SENSITIVE needs S); the Plan's pages share it. */
bool page_plan_sees(Req *r, const char *status, const char *marking);
void page_plan_part_edit(Req *r); /* /plan/part/edit  rename or remove a priority, objective or deliverable */
void page_plan_review(Req *r);  /* /plan/review  the Panel's reviews: recommendations and responses */
void page_static(Req *r);     /* /static/...  embedded assets */
void page_users(Req *r);      /* /users       users: roles, disabling, passwords */
void page_board(Req *r);            /* /board             meetings, the cycle, the next meeting */
void page_board_meeting(Req *r);    /* /board/meeting     agenda, candidates, verdicts, minutes */
void page_board_letter(Req *r);     /* /board/letter      the notification to the Chief Constable */
void page_board_paper(Req *r);      /* /board/paper       a paper the force uploaded */
void page_board_schedule(Req *r);   /* /board/schedule    the schedule of assurance */
void page_board_conditions(Req *r); /* /board/conditions  the budget conditions letter */
void page_liaison(Req *r);          /* /liaison           the force liaison's items, answers, papers */
void page_liaison_paper(Req *r);    /* /liaison/paper     a paper of one of the liaison's items */
/* Sends a stored paper as an attachment (404 when the user may not see it;
 * `liaison`: only items addressed to the force of notified meetings). */
void board_send_paper(Req *r, bool liaison);

/* Reads the `force` and `period` parameters of a performance page (default:
 * the office's force, its latest month). Renders an error page and returns
 * false when they name nothing; *end is 0 when no data is held. */
bool page_force_period(Req *r, const MeasureSet *ms, int *fi, int *end);

#endif
