#!/bin/sh
# 50-plan.sh: the Plan. The 2017-18 work plan table of seed 000 imports as
# is, every row accounted for (counted here independently with awk), due
# dates normalised (Mar-18 -> 2018-03, TBC, Ongoing, text with its month,
# empty); a malformed file names file:line and leaves the store unchanged;
# re-importing replaces; /plan shows progress by priority and overdue
# actions to a viewer, hides an OFFICIAL-SENSITIVE action from them;
# /plan/action edits (officer, with CSRF) and is refused to a viewer; a bad
# due date is shown on the form; the Panel's review and the Commissioner's
# responses are recorded and shown; the audit trail names the editor; the
# plan, an action, a review and its recommendations link to their audit
# history for a role with capability A (not for a viewer, nor for a Plan
# editor without A), and the action's history shows the edit's before and
# after.
. "$(dirname "$0")/lib.sh"

SEED=$SHARED/seeds/000_fce7fff43799060e.txt
TAB=$(printf '\t')
HEADER="Objective${TAB}Specific Deliverable${TAB}Actions${TAB}Due Date"

run "$ASSURE" init --demo --db "$DB"
[ "$STATUS" -eq 0 ] || not_ok "init --demo" "$ERR"
printf 'officer-password-1\n' | "$ASSURE" user add --db "$DB" ann --role officer >/dev/null 2>&1 || not_ok "add officer ann"
sql() { sqlite3 "$DB" "$1"; }
WP="(SELECT id FROM plan WHERE title='2017-18 Work Plan')"

# --- the work plan import -------------------------------------------------------
if [ ! -f "$SEED" ]; then
    skip "work-plan import of seed 000" "$SEED is absent"
else
    # the rows, counted independently: from the line "2017-18 Work Plan" on,
    # lines of exactly 3 tabs that are not the header
    awk -v h="$HEADER" 'BEGIN { FS = "\t" } { sub(/\r$/, "") } $0 == "2017-18 Work Plan" { on = 1 } on && NF == 4 && $0 != h { print NR }' "$SEED" >"$T/want-lines"
    rows=$(wc -l <"$T/want-lines" | tr -d ' ')
    objs=$(awk -v h="$HEADER" 'BEGIN { FS = "\t" } { sub(/\r$/, "") } $0 == "2017-18 Work Plan" { on = 1 } on && NF == 4 && $0 != h { print $1 }' "$SEED" | sort -u | wc -l | tr -d ' ')
    dels=$(awk -v h="$HEADER" 'BEGIN { FS = "\t" } { sub(/\r$/, "") } $0 == "2017-18 Work Plan" { on = 1 } on && NF == 4 && $0 != h { print $1 "\t" $2 }' "$SEED" | sort -u | wc -l | tr -d ' ')
    if [ "$rows" -ge 100 ]; then ok "awk counts the seed's work-plan rows ($rows)"; else not_ok "awk counts the seed's work-plan rows" "$rows"; fi

    run "$ASSURE" import --db "$DB" --quiet work-plan "$SEED"
    check_eq "work-plan import of seed 000 succeeds" "$STATUS" 0
    check_contains "the summary counts every row" "$OUT" "$rows rows, $objs objectives, $dels deliverables, $rows actions"
    check_contains "the summary names the plan and its period" "$OUT" "2017-18 Work Plan (2017-04-01 to 2018-03-31"
    got=$(sql "SELECT count(*) FROM plan_action a JOIN plan_deliverable d ON d.id=a.deliverable_id JOIN plan_objective o ON o.id=d.objective_id JOIN plan_priority p ON p.id=o.priority_id WHERE p.plan_id=$WP")
    check_eq "one action per data row" "$got" "$rows"
    sql "SELECT a.source_line FROM plan_action a JOIN plan_deliverable d ON d.id=a.deliverable_id JOIN plan_objective o ON o.id=d.objective_id JOIN plan_priority p ON p.id=o.priority_id WHERE p.plan_id=$WP ORDER BY a.source_line" >"$T/got-lines"
    if cmp -s "$T/got-lines" "$T/want-lines"; then ok "every data row's line is an action's source_line"; else not_ok "every data row's line is an action's source_line" "$(diff "$T/want-lines" "$T/got-lines" | head -n 10)"; fi
    check_eq "objectives" "$(sql "SELECT count(*) FROM plan_objective o JOIN plan_priority p ON p.id=o.priority_id WHERE p.plan_id=$WP")" "$objs"
    check_eq "deliverables" "$(sql "SELECT count(*) FROM plan_deliverable d JOIN plan_objective o ON o.id=d.objective_id JOIN plan_priority p ON p.id=o.priority_id WHERE p.plan_id=$WP")" "$dels"
    check_eq "the plan: period, status, source" "$(sql "SELECT starts, ends, status, source FROM plan WHERE id=$WP")" "2017-04-01|2018-03-31|issued|000_fce7fff43799060e.txt"
    check_eq "one priority, Objectives and Actions" "$(sql "SELECT group_concat(title) FROM plan_priority WHERE plan_id=$WP")" "Objectives and Actions"

    # specific rows, found in the seed by their action text
    due_of() { sql "SELECT due || '|' || coalesce(due_month, '') FROM plan_action WHERE title='$1' AND source_line=$(awk -F '\t' -v a="$1" '$3 == a { print NR; exit }' "$SEED")"; }
    check_eq "Mar-18 becomes 2018-03 (201803)" "$(due_of 'Develop options for a longitudinal study of YP referred to the programme')" "2018-03|201803"
    check_eq "Sep-17 becomes 2017-09" "$(due_of 'IPSCJ develop an evaluation framework based on outcomes')" "2017-09|201709"
    check_eq "TBC stays TBC" "$(due_of 'Force Month of action on underage sales')" "TBC|"
    check_eq "Ongoing stays Ongoing" "$(due_of 'Discussions ongoing with industry')" "Ongoing|"
    check_eq "On going is Ongoing" "$(due_of 'Monitoring of progress via BeNCH')" "Ongoing|"
    check_eq "New plan for Oct 17 kept, month 201710" "$(due_of 'Revise volunteers agenda and spread of volunteer roles, ensure better management arrangements exist')" "New plan for Oct 17|201710"
    check_eq "an empty due stays empty" "$(due_of 'Contribute to and provide thought leadership to the development of a Business Planning approach')" "|"
    check_eq "the same deliverable under two objectives is two deliverables" \
        "$(sql "SELECT count(*) FROM plan_deliverable d JOIN plan_objective o ON o.id=d.objective_id JOIN plan_priority p ON p.id=o.priority_id WHERE p.plan_id=$WP AND d.title='IT Strategy'")" \
        "$(awk -F '\t' '$2 == "IT Strategy" { print $1 }' "$SEED" | sort -u | wc -l | tr -d ' ')"

    # re-import replaces, in place
    plan_id=$(sql "SELECT id FROM plan WHERE title='2017-18 Work Plan'")
    run "$ASSURE" import --db "$DB" --quiet work-plan "$SEED"
    check_contains "re-import says it replaced" "$OUT" "replaced the plan of that title"
    check_eq "re-import: still one plan of that title, same id" "$(sql "SELECT count(*), max(id) FROM plan WHERE title='2017-18 Work Plan'")" "1|$plan_id"
    check_eq "re-import: no doubling" "$(sql "SELECT count(*) FROM plan_action a JOIN plan_deliverable d ON d.id=a.deliverable_id JOIN plan_objective o ON o.id=d.objective_id JOIN plan_priority p ON p.id=o.priority_id WHERE p.plan_id=$plan_id")" "$rows"

    # malformed: one row with five fields
    state() { sql "SELECT count(*), (SELECT count(*) FROM audit), (SELECT group_concat(id || due || title, ',') FROM plan_action) FROM plan_action" | cksum; }
    before=$(state)
    bad=$(sed -n '5p' "$T/want-lines")
    awk -v n="$bad" 'NR == n { $0 = $0 "\textra" } { print }' "$SEED" >"$T/bad-fields.txt"
    run "$ASSURE" import --db "$DB" --quiet work-plan "$T/bad-fields.txt"
    check_eq "a row with 5 fields fails (status 1)" "$STATUS" 1
    check_contains "the error names file:line" "$ERR" "$T/bad-fields.txt:$bad: expected 4 tab-separated fields"
    check_contains "and what was found" "$ERR" "found 5"
    check_eq "the store is unchanged" "$(state)" "$before"
    bad=$(sed -n '9p' "$T/want-lines")
    awk -v n="$bad" 'BEGIN { FS = OFS = "\t" } NR == n { $4 = "Abc-18" } { print }' "$SEED" >"$T/bad-due.txt"
    run "$ASSURE" import --db "$DB" --quiet work-plan "$T/bad-due.txt"
    check_contains "a bad month names file:line, the field and what was found" "$ERR" "$T/bad-due.txt:$bad: field \"Due Date\": expected a month such as Mar-18"
    check_contains "found" "$ERR" 'found "Abc-18"'
    awk -v n="$bad" 'NR == n { print "Objective\tSpecific Deliverable\tActions\tDue Date\tExtra"; next } { print }' "$SEED" >"$T/bad-row.txt"
    last=$(tail -n 1 "$T/want-lines")
    awk -v n="$last" '{ print } NR == n + 2 { print "A late objective\tA deliverable\tAn action\tMar-18" }' "$SEED" >"$T/late.txt"
    run "$ASSURE" import --db "$DB" --quiet work-plan "$T/late.txt"
    check_contains "a row after the table ended is refused, not dropped" "$ERR" "a work-plan row after the table ended"
    printf 'An annual report\nwith no work plan\n' >"$T/none.txt"
    run "$ASSURE" import --db "$DB" --quiet work-plan "$T/none.txt"
    check_contains "a file without a work plan says what it expected" "$ERR" 'expected a line "YYYY-YY Work Plan"'
    check_eq "after every failed import the store is unchanged" "$(state)" "$before"
fi

# --- /plan for a viewer ------------------------------------------------------------
COOKIE=$(login_cookie viewer assure-demo-viewer)
[ -n "$COOKIE" ] || not_ok "viewer signs in"
http GET /plan
check_eq "viewer: /plan is 200" "$HTTP_STATUS" 200
check_contains "shows the current plan" "$HTTP_BODY" "Police, Fire and Crime Plan 2021-2026"
check_contains "shows progress by priority" "$HTTP_BODY" "Progress by priority"
check_contains "with a priority's row" "$HTTP_BODY" "Prevention that keeps the county safe"
month=$(date -u +%Y%m)
cur="(SELECT id FROM plan WHERE title='Police, Fire and Crime Plan 2021-2026')"
want=$(sql "SELECT count(*) FROM plan_action a JOIN plan_deliverable d ON d.id=a.deliverable_id JOIN plan_objective o ON o.id=d.objective_id JOIN plan_priority p ON p.id=o.priority_id WHERE p.plan_id=$cur AND a.due_month < $month AND a.status NOT IN ('complete','cancelled') AND a.marking='OFFICIAL'")
check_contains "shows the overdue actions, counted as SQL counts them" "$HTTP_BODY" "$want overdue action"
total=$(sql "SELECT count(*) FROM plan_action a JOIN plan_deliverable d ON d.id=a.deliverable_id JOIN plan_objective o ON o.id=d.objective_id JOIN plan_priority p ON p.id=o.priority_id WHERE p.plan_id=$cur AND a.marking='OFFICIAL'")
check_contains "the total row counts the actions a viewer may see" "$HTTP_BODY" "All priorities</th><td class=\"num\">20</td><td class=\"num\">$total</td>"
check_contains "an objective's measures with their values" "$HTTP_BODY" "Measures that evidence this objective"
check_not_contains "the OFFICIAL-SENSITIVE action is hidden from the viewer" "$HTTP_BODY" "county lines supply routes"
check_not_contains "no edit links for a viewer" "$HTTP_BODY" "/plan/action?id="
check_not_contains "no audit history link for a viewer (no capability A)" "$HTTP_BODY" "/audit?table="
check_contains "the Panel's review is shown" "$HTTP_BODY" "Plan on a Page section"
http GET /dashboard
check_contains "the dashboard keeps the plan in force for its month, not the imported 2017-18 one" "$HTTP_BODY" "each priority of the Police, Fire and Crime Plan 2021-2026"
http GET "/plan?asat=2024-01"
check_contains "as at January 2024 nothing of the demo is overdue but what was due in 2023" "$HTTP_BODY" "No action is overdue"
http GET "/plan?asat=2024-13"
check_eq "a bad month is a 400" "$HTTP_STATUS" 400
if [ -f "$SEED" ]; then
    http GET "/plan?id=$(sql "SELECT id FROM plan WHERE title='2017-18 Work Plan'")"
    check_contains "the imported work plan is shown" "$HTTP_BODY" "Child Exploitation"
    check_contains "with its TBC actions" "$HTTP_BODY" "<td>TBC"
fi
http GET "/plan?id=%3Cscript%3Ealert(1)%3C/script%3E"
check_eq "a plan id that is not a number is a 400" "$HTTP_STATUS" 400
check_not_contains "and is not reflected raw" "$HTTP_BODY" "<script>alert"
http GET "/plan?id=999999"
check_eq "an unknown plan is a 404" "$HTTP_STATUS" 404
sens_id=$(sql "SELECT id FROM plan_action WHERE marking='OFFICIAL-SENSITIVE' LIMIT 1")
http GET "/plan/action?id=$sens_id"
check_eq "viewer: /plan/action is 403" "$HTTP_STATUS" 403
http GET /plan/review
check_eq "viewer: /plan/review is 403 (drafts and records need r)" "$HTTP_STATUS" 403
VIEWER=$COOKIE
http GET /plan
vcsrf=$(form_value csrf)
aid=$(sql "SELECT a.id FROM plan_action a WHERE a.title='Review neighbourhood demand and reset team sizes'")
http POST /plan/action "csrf=$(urlencode "$vcsrf")&id=$aid&title=x&owner=x&due=TBC&status=complete&rag=G&note=&marking=OFFICIAL"
check_eq "viewer: POST /plan/action is 403" "$HTTP_STATUS" 403
check_eq "and changed nothing" "$(sql "SELECT status FROM plan_action WHERE id=$aid")" "not started"

# --- an officer edits --------------------------------------------------------------
COOKIE=$(login_cookie ann officer-password-1)
[ -n "$COOKIE" ] || not_ok "officer signs in"
http GET /plan
check_contains "officer: the OFFICIAL-SENSITIVE action is shown" "$HTTP_BODY" "county lines supply routes"
check_contains "officer: edit links" "$HTTP_BODY" "/plan/action?id=$aid"
cur_id=$(sql "SELECT id FROM plan WHERE title='Police, Fire and Crime Plan 2021-2026'")
check_contains "officer (A): the plan links to its audit history" "$HTTP_BODY" "href=\"/audit?table=plan&amp;id=$cur_id\">History of this plan</a>"
if [ -f "$SEED" ]; then
    draft=$(sql "SELECT id FROM plan WHERE title='2017-18 Work Plan'")
    http GET /plan
    csrf=$(form_value csrf)
    http POST /plan "csrf=$(urlencode "$csrf")&id=$draft&status=draft"
    check_eq "officer: the work plan's status set to draft" "$HTTP_STATUS/$(sql "SELECT status FROM plan WHERE id=$draft")" "303/draft"
    http GET "/plan?id=$draft"
    check_eq "officer (r): the draft plan is shown" "$HTTP_STATUS" 200
    COOKIE=$VIEWER
    http GET "/plan?id=$draft"
    check_eq "a draft plan is hidden from a viewer (404)" "$HTTP_STATUS" 404
    http GET /plan
    check_not_contains "and is not offered in the chooser" "$HTTP_BODY" "2017-18 Work Plan"
    vcsrf=$(form_value csrf)
    http POST /plan "csrf=$(urlencode "$vcsrf")&id=$draft&status=issued"
    check_eq "a viewer cannot change a plan's status (403)" "$HTTP_STATUS" 403
    COOKIE=$(login_cookie ann officer-password-1)
    http GET /plan
    csrf=$(form_value csrf)
    http POST /plan "csrf=$(urlencode "$csrf")&id=$draft&status=revised"
    check_eq "revising makes a new version" "$(sql "SELECT status, version FROM plan WHERE id=$draft")" "revised|2"
fi
http GET "/plan/action?id=$sens_id"
check_eq "officer (S): the sensitive action's form" "$HTTP_STATUS" 200
http GET "/plan/action?id=%3Cimg%20src=x%3E"
check_eq "an action id that is not a number is a 400" "$HTTP_STATUS" 400
http GET "/plan/action?id=$aid"
check_eq "officer: the edit form" "$HTTP_STATUS" 200
csrf=$(form_value csrf)
check_eq "the form holds the owner" "$(form_value owner)" "Chief Superintendent, Local Policing"
form="csrf=$(urlencode "$csrf")&id=$aid&title=$(urlencode 'Review neighbourhood demand and reset team sizes')&owner=$(urlencode 'Head of Local Policing')&status=$(urlencode 'in progress')&rag=A&note=$(urlencode 'Demand model delivered in November.')&marking=OFFICIAL"
before=$(sql "SELECT owner, due, status FROM plan_action WHERE id=$aid")
http POST /plan/action "$form&due=$(urlencode 'Mar-2x')"
check_eq "a bad due is refused with 400" "$HTTP_STATUS" 400
check_contains "the form says what a due date is" "$HTTP_BODY" "Due: expected"
check_contains "and what was sent" "$HTTP_BODY" "Mar-2x"
check_eq "nothing was saved" "$(sql "SELECT owner, due, status FROM plan_action WHERE id=$aid")" "$before"
http POST /plan/action "$form&due=Mar-27"
check_eq "a good edit redirects" "$HTTP_STATUS" 303
check_contains "to the plan" "$(header Location)" "#action-$aid"
check_eq "the edit is saved, Mar-27 as 2027-03" "$(sql "SELECT owner, due, due_month, status, rag FROM plan_action WHERE id=$aid")" "Head of Local Policing|2027-03|202703|in progress|A"
http GET "/plan/action?id=$aid"
check_contains "officer (A): the action's form links to its audit history" "$HTTP_BODY" "href=\"/audit?table=plan_action&amp;id=$aid\">History of this action</a>"
http GET "/audit?table=plan_action&id=$aid"
check_eq "following it opens the action's history" "$HTTP_STATUS" 200
check_contains "which is this action's" "$HTTP_BODY" "The history of plan_action $aid"
check_contains "and lists the owner before and after the edit" "$HTTP_BODY" '<tr><th scope="row">owner</th><td>Chief Superintendent, Local Policing</td><td>Head of Local Policing</td></tr>'
check_contains "and the due date before and after" "$HTTP_BODY" '<td>2027-03</td></tr>'
check_contains "by the officer" "$HTTP_BODY" "by <strong>ann</strong>"
http POST /plan/action "csrf=$(urlencode "$csrf")&id=$aid&title=x&owner=x&due=TBC&status=done&rag=G&note=&marking=OFFICIAL"
check_eq "an unknown status is refused" "$HTTP_STATUS" 400
check_contains "naming the statuses" "$HTTP_BODY" "not started, in progress, complete or cancelled"
http POST /plan/action "id=$aid&title=x&owner=x&due=TBC&status=complete&rag=G&note=&marking=OFFICIAL"
check_eq "a POST without the CSRF token is refused" "$HTTP_STATUS" 403
did=$(sql "SELECT deliverable_id FROM plan_action WHERE id=$aid")
http POST /plan/action "csrf=$(urlencode "$csrf")&deliverable=$did&title=$(urlencode 'Share the demand model with the districts')&owner=$(urlencode 'Head of Local Policing')&due=Ongoing&status=$(urlencode 'not started')&rag=&note=&marking=OFFICIAL-SENSITIVE"
check_eq "adding an action redirects" "$HTTP_STATUS" 303
check_eq "the new action is stored, sensitive" "$(sql "SELECT due, marking FROM plan_action WHERE title='Share the demand model with the districts'")" "Ongoing|OFFICIAL-SENSITIVE"
COOKIE=$VIEWER
http GET /plan
check_not_contains "the new sensitive action is hidden from the viewer" "$HTTP_BODY" "Share the demand model"
check_contains "the viewer sees the edit" "$HTTP_BODY" "Demand model delivered in November."

run "$ASSURE" audit log --db "$DB" --table plan_action
check_contains "the audit trail shows the edit by ann" "$OUT" "ann${TAB}update${TAB}plan_action${TAB}$aid"
check_contains "with the new owner" "$OUT" '"owner":"Head of Local Policing"'

# a role that may edit the Plan but not read the audit trail
sql "INSERT INTO role(name, caps, description) VALUES ('planner', 'vpr', 'Plan editor without the audit trail')"
printf 'planner-password-1\n' | "$ASSURE" user add --db "$DB" pat --role planner >/dev/null 2>&1 || not_ok "add planner pat"
COOKIE=$(login_cookie pat planner-password-1)
http GET "/plan/action?id=$aid"
check_eq "planner (p, no A): the action's form opens" "$HTTP_STATUS" 200
check_not_contains "without an audit history link" "$HTTP_BODY" "/audit?table="
http GET /plan
check_not_contains "nor one on the plan" "$HTTP_BODY" "/audit?table="
http GET "/audit?table=plan_action&id=$aid"
check_eq "and the trail itself is refused to them" "$HTTP_STATUS" 403

# --- the Panel's review ------------------------------------------------------------
COOKIE=$(login_cookie ann officer-password-1)
pid=$(sql "SELECT id FROM plan WHERE title='Police, Fire and Crime Plan 2021-2026'")
http GET "/plan/review?plan=$pid"
check_eq "officer: the review form" "$HTTP_STATUS" 200
csrf=$(form_value csrf)
recs="That the Plan names the resources given to the Chief Constable.
That a draft performance pack comes to the next meeting."
http POST /plan/review "csrf=$(urlencode "$csrf")&action=record&plan=$pid&reviewed_on=2026-02-31&summary=x&recommendations=$(urlencode "$recs")"
check_eq "an impossible date is refused" "$HTTP_STATUS" 400
check_contains "saying what a date is" "$HTTP_BODY" "YYYY-MM-DD"
n0=$(sql "SELECT count(*) FROM plan_review")
http POST /plan/review "csrf=$(urlencode "$csrf")&action=record&plan=$pid&reviewed_on=2026-02-12&summary=$(urlencode 'Review of the draft revision')&recommendations=$(urlencode "$recs")"
check_eq "recording a review redirects" "$HTTP_STATUS" 303
rid=$(sql "SELECT max(id) FROM plan_review")
check_eq "to the review" "$(header Location)" "/plan/review?id=$rid"
check_eq "one review more, with 2 numbered recommendations" "$(sql "SELECT count(*) FROM plan_review"),$(sql "SELECT group_concat(position, ' ') FROM plan_recommendation WHERE review_id=$rid")" "$((n0 + 1)),1 2"
r1=$(sql "SELECT id FROM plan_recommendation WHERE review_id=$rid AND position=1")
r2=$(sql "SELECT id FROM plan_recommendation WHERE review_id=$rid AND position=2")
http GET "/plan/review?id=$rid"
csrf=$(form_value csrf)
http POST /plan/review "csrf=$(urlencode "$csrf")&action=respond&id=$rid&response-$r1=$(urlencode 'Accepted: a resources section is added.')&responded-$r1=2026-03-05&response-$r2=&responded-$r2=2026-03-05"
check_eq "a date with no response is refused" "$HTTP_STATUS" 400
check_eq "and no response was saved (all or nothing)" "$(sql "SELECT response FROM plan_recommendation WHERE id=$r1")" ""
http POST /plan/review "csrf=$(urlencode "$csrf")&action=respond&id=$rid&response-$r1=$(urlencode 'Accepted: a resources section is added.')&responded-$r1=2026-03-05&response-$r2=&responded-$r2="
check_eq "responses are saved" "$HTTP_STATUS" 303
check_eq "the response and its date" "$(sql "SELECT response || '|' || responded_on FROM plan_recommendation WHERE id=$r1")" "Accepted: a resources section is added.|2026-03-05"
http GET "/plan/review?id=$rid"
check_contains "officer (A): the review links to its history" "$HTTP_BODY" "href=\"/audit?table=plan_review&amp;id=$rid\">History of this review</a>"
check_contains "and each recommendation to its own" "$HTTP_BODY" "href=\"/audit?table=plan_recommendation&amp;id=$r1\">History of recommendation 1</a>"
http GET "/audit?table=plan_recommendation&id=$r1"
check_contains "whose history shows the response recorded" "$HTTP_BODY" '<tr><th scope="row">response</th><td></td><td>Accepted: a resources section is added.</td></tr>'
COOKIE=$VIEWER
http GET /plan
check_contains "the review is shown on /plan" "$HTTP_BODY" "Review of 2026-02-12"
check_contains "with the response" "$HTTP_BODY" "Accepted: a resources section is added."
check_contains "and the one awaiting a response" "$HTTP_BODY" "Awaiting a response"
run "$ASSURE" audit verify --db "$DB"
check_eq "the audit chain verifies" "$STATUS" 0

finish
