/*
 * routes.c: the page table. Sorted by path; the dispatcher (web.c) checks
 * the capability letter before a page runs. cap 0 means no login needed,
 * CAP_SIGNED_IN any signed-in user.
 */
#include "pages.h"

const Route routes[] = {
    {"/", 0, 0, page_home},
    {"/account", CAP_SIGNED_IN, CAP_SIGNED_IN, page_account},
    {"/audit", CAP_AUDIT, 0, page_audit},
    {"/board", CAP_RECORDS, CAP_BOARD, page_board},
    {"/board/conditions", CAP_RECORDS, CAP_BOARD, page_board_conditions},
    {"/board/letter", CAP_RECORDS, 0, page_board_letter},
    {"/board/meeting", CAP_RECORDS, CAP_BOARD, page_board_meeting},
    {"/board/paper", CAP_RECORDS, 0, page_board_paper},
    {"/board/schedule", CAP_RECORDS, CAP_BOARD, page_board_schedule},
    {"/dashboard", CAP_VIEW, 0, page_dashboard},
    {"/decision", CAP_VIEW, 0, page_decision},
    {"/decision/edit", CAP_DECISIONS, CAP_DECISIONS, page_decision_edit},
    {"/decision/publish", CAP_PUBLISH, CAP_PUBLISH, page_decision_publish},
    {"/decisions", CAP_VIEW, 0, page_decisions},
    {"/forces", CAP_VIEW, CAP_SETTINGS, page_forces},
    {"/imports", CAP_IMPORT, 0, page_imports},
    {"/liaison", CAP_ANSWER, CAP_ANSWER, page_liaison},
    {"/liaison/paper", CAP_ANSWER, 0, page_liaison_paper},
    {"/login", 0, '-', page_login},
    {"/logout", 0, '-', page_logout},
    {"/measure", CAP_VIEW, 0, page_measure},
    {"/measure/edit", CAP_MEASURES, CAP_MEASURES, page_measure_edit},
    {"/measure/history", CAP_VIEW, 0, page_measure_history},
    {"/measures", CAP_VIEW, 0, page_measures},
    {"/pack", CAP_VIEW, 0, page_pack},
    {"/plan", CAP_VIEW, CAP_PLAN, page_plan},
    {"/plan/action", CAP_PLAN, CAP_PLAN, page_plan_action},
    {"/plan/measures", CAP_PLAN, CAP_PLAN, page_plan_measures},
    {"/plan/new", CAP_PLAN, CAP_PLAN, page_plan_new},
    {"/plan/part", CAP_PLAN, CAP_PLAN, page_plan_part},
    {"/plan/part/edit", CAP_PLAN, CAP_PLAN, page_plan_part_edit},
    {"/plan/review", CAP_RECORDS, CAP_PLAN, page_plan_review},
    {"/static/", 0, 0, page_static},
    {"/users", CAP_USERS, CAP_USERS, page_users},
};
const int nroutes = (int)(sizeof routes / sizeof routes[0]);
