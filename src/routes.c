/*
 * routes.c: the page table. Sorted by path; the dispatcher (web.c) checks
 * the capability letter before a page runs. cap 0 means no login needed.
 */
#include "pages.h"

const Route routes[] = {
    {"/", 0, 0, page_home},
    {"/dashboard", CAP_VIEW, 0, page_dashboard},
    {"/decision", CAP_VIEW, 0, page_decision},
    {"/decision/edit", CAP_DECISIONS, CAP_DECISIONS, page_decision_edit},
    {"/decision/publish", CAP_PUBLISH, CAP_PUBLISH, page_decision_publish},
    {"/decisions", CAP_VIEW, 0, page_decisions},
    {"/forces", CAP_VIEW, CAP_SETTINGS, page_forces},
    {"/imports", CAP_IMPORT, 0, page_imports},
    {"/login", 0, '-', page_login},
    {"/logout", 0, '-', page_logout},
    {"/measure", CAP_VIEW, 0, page_measure},
    {"/measure/edit", CAP_MEASURES, CAP_MEASURES, page_measure_edit},
    {"/measure/history", CAP_VIEW, 0, page_measure_history},
    {"/measures", CAP_VIEW, 0, page_measures},
    {"/pack", CAP_VIEW, 0, page_pack},
    {"/static/", 0, 0, page_static},
};
const int nroutes = (int)(sizeof routes / sizeof routes[0]);
