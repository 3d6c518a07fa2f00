#!/bin/sh
# 50-plan.sh: the Plan. The 2017-18 work plan table of seed 000 imports as
# is, every row accounted for (counted here independently with awk), due
# dates normalised (Mar-18 -> 2018-03, TBC, Ongoing, text with its month,
# empty); a malformed file names file:line and leaves the store unchanged;
# re-importing updates the plan in place: the file's text and due dates,
# never the office's owner, status, RAG, note or marking, nothing dropped
# unless --missing says (an edit via /plan/action survives); /plan shows progress by priority and overdue
# actions to a viewer, hides an OFFICIAL-SENSITIVE action from them;
# /plan/action edits (officer, with CSRF) and is refused to a viewer; a bad
# due date is shown on the form; the Panel's review and the Commissioner's
# responses are recorded and shown; the audit trail names the editor; a
# plan is created on /plan/new (a bad date refused with the field named,
# nothing written), priorities, objectives and deliverables added on
# /plan/part, issued and revised as new versions; a viewer gets 403; the
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

    # re-import updates in place and keeps what the office edited in assure
    plan_id=$(sql "SELECT id FROM plan WHERE title='2017-18 Work Plan'")
    WPA="plan_action a JOIN plan_deliverable d ON d.id=a.deliverable_id JOIN plan_objective o ON o.id=d.objective_id JOIN plan_priority p ON p.id=o.priority_id WHERE p.plan_id=$plan_id"
    ids_before=$(sql "SELECT group_concat(a.id) FROM (SELECT a.id FROM $WPA ORDER BY a.id) a")
    line_of() { awk -F '\t' -v a="$1" '$3 == a { print NR; exit }' "$SEED"; }
    ed_title='Develop options for a longitudinal study of YP referred to the programme'
    ed=$(sql "SELECT a.id FROM $WPA AND a.title='$ed_title'")
    COOKIE=$(login_cookie ann officer-password-1)
    http GET "/plan/action?id=$ed"
    csrf=$(form_value csrf)
    check_contains "an imported action's form says which fields the file owns" "$HTTP_BODY" "line $(line_of "$ed_title") of the work plan"
    http POST /plan/action "csrf=$(urlencode "$csrf")&id=$ed&title=$(urlencode "$ed_title")&owner=$(urlencode 'Head of Youth Justice')&due=Mar-18&status=$(urlencode 'in progress')&rag=A&note=$(urlencode 'Options paper drafted.')&marking=OFFICIAL"
    check_eq "officer edits an imported action (303)" "$HTTP_STATUS" 303
    edited="Head of Youth Justice|in progress|A|Options paper drafted.|OFFICIAL"
    check_eq "the edit is stored" "$(sql "SELECT owner, status, rag, note, marking FROM plan_action WHERE id=$ed")" "$edited"
    did=$(sql "SELECT deliverable_id FROM plan_action WHERE id=$ed")
    http POST /plan/action "csrf=$(urlencode "$csrf")&deliverable=$did&title=$(urlencode 'An action the office added itself')&owner=&due=TBC&status=$(urlencode 'not started')&rag=&note=&marking=OFFICIAL"
    check_eq "officer adds an action to an imported deliverable (303)" "$HTTP_STATUS" 303
    hand=$(sql "SELECT id FROM plan_action WHERE title='An action the office added itself'")
    COOKIE=

    run "$ASSURE" import --db "$DB" --quiet work-plan "$SEED"
    check_eq "re-importing the same file succeeds" "$STATUS" 0
    check_contains "and says what it did" "$OUT" "updated the plan of that title in place: $rows actions unchanged, 0 updated (text or due from the file), 0 added, 0 no longer in the file (kept), 1 added in assure (kept)"
    check_eq "re-import: the office's edit survives (owner, status, RAG, note, marking)" "$(sql "SELECT owner, status, rag, note, marking FROM plan_action WHERE id=$ed")" "$edited"
    check_eq "re-import: the action added in assure survives" "$(sql "SELECT count(*) FROM plan_action WHERE id=$hand AND deliverable_id=$did AND source_line IS NULL")" "1"
    check_eq "re-import: still one plan of that title, same id" "$(sql "SELECT count(*), max(id) FROM plan WHERE title='2017-18 Work Plan'")" "1|$plan_id"
    check_eq "re-import: the same action rows (ids), no doubling" "$(sql "SELECT group_concat(a.id) FROM (SELECT a.id FROM $WPA AND a.source_line IS NOT NULL ORDER BY a.id) a")" "$ids_before"

    # a corrected file: a typo fixed in the edited action, its due moved, a
    # new row, and another row's objective text re-cased
    ln=$(line_of "$ed_title")
    add_after=$(sed -n '3p' "$T/want-lines")
    awk -v n="$ln" -v m="$add_after" 'BEGIN { FS = OFS = "\t" } NR == n { $3 = "Develop options for a longitudinal study of young people referred to the programme"; $4 = "Jun-18" } { print } NR == m { print $1, $2, "A new action from the corrected plan", "Dec-17" }' "$SEED" >"$T/corrected.txt"
    run "$ASSURE" import --db "$DB" --quiet work-plan "$T/corrected.txt"
    check_eq "a corrected file imports" "$STATUS" 0
    check_contains "one updated, one added" "$OUT" "$((rows - 1)) actions unchanged, 1 updated (text or due from the file), 1 added, 0 no longer in the file"
    check_eq "the corrected text and due come from the file; the office's fields stay" \
        "$(sql "SELECT title, due, due_month, owner, status, rag, note FROM plan_action WHERE id=$ed")" \
        "Develop options for a longitudinal study of young people referred to the programme|2018-06|201806|Head of Youth Justice|in progress|A|Options paper drafted."
    check_eq "the new row is a new action on its line" "$(sql "SELECT source_line, due FROM plan_action WHERE title='A new action from the corrected plan'")" "$((add_after + 1))|2017-12"

    # a due date the office changed in assure is kept when the file's moves
    other=$(sql "SELECT a.id FROM $WPA AND a.source_line IS NOT NULL AND a.id <> $ed AND a.due LIKE '20%' ORDER BY a.id LIMIT 1")
    other_title=$(sql "SELECT title FROM plan_action WHERE id=$other")
    other_line=$(sql "SELECT source_line FROM plan_action WHERE id=$other")
    COOKIE=$(login_cookie ann officer-password-1)
    http GET "/plan/action?id=$other"
    csrf=$(form_value csrf)
    http POST /plan/action "csrf=$(urlencode "$csrf")&id=$other&title=$(urlencode "$other_title")&owner=&due=2019-09&status=$(urlencode 'in progress')&rag=&note=&marking=OFFICIAL"
    check_eq "officer moves an imported action's due date to September 2019" "$(sql "SELECT due FROM plan_action WHERE id=$other")" "2019-09"
    COOKIE=
    run "$ASSURE" import --db "$DB" --quiet work-plan "$T/corrected.txt"
    check_eq "re-importing the same file leaves the office's date" "$(sql "SELECT due FROM plan_action WHERE id=$other")" "2019-09"
    check_contains "and says the office's date differs from the file's" "$OUT" "; 1 due dates changed in assure differ from the file's and are kept"
    awk -v n="$other_line" 'BEGIN { FS = OFS = "\t" } NR == n { $4 = "Dec-18" } { print }' "$T/corrected.txt" >"$T/moved.txt"
    run "$ASSURE" import --db "$DB" --quiet work-plan "$T/moved.txt"
    check_eq "when the file moves that date too, the office's stays" "$(sql "SELECT due, due_month, due_from_file FROM plan_action WHERE id=$other")" "2019-09|201909|2018-12"
    check_contains "and the import says so" "$OUT" "; 1 due dates changed in assure differ from the file's and are kept"
    check_eq "the record of what the file said is audited" "$(sql "SELECT json_extract(after, '\$.due_from_file') FROM audit WHERE tbl='plan_action' AND row_id=$other ORDER BY id DESC LIMIT 1")" "2018-12"
    run "$ASSURE" import --db "$DB" --quiet work-plan "$T/corrected.txt"

    # a file without the edited action: refused, naming it, unless --missing says
    audit0=$(sql "SELECT count(*) FROM audit")
    ln=$(awk -F '\t' '$3 ~ /study of young people referred/ { print NR; exit }' "$T/corrected.txt")
    awk -v n="$ln" 'NR != n' "$T/corrected.txt" >"$T/dropped.txt"
    run "$ASSURE" import --db "$DB" --quiet work-plan "$T/dropped.txt"
    check_eq "an action gone from the file: refused (status 1)" "$STATUS" 1
    check_contains "naming it" "$ERR" "1 action of \"2017-18 Work Plan\" imported before is no longer in the file"
    check_contains "with its text and that it was edited" "$ERR" "study of young people referred to the programme\" (line $ln of the file imported before; edited in assure)"
    check_contains "and the way out" "$ERR" "--missing keep"
    check_eq "nothing was written" "$(sql "SELECT count(*) FROM audit")" "$audit0"
    run "$ASSURE" import --db "$DB" --quiet --missing keep work-plan "$T/dropped.txt"
    check_eq "--missing keep imports" "$STATUS" 0
    check_contains "and reports it kept" "$OUT" "1 no longer in the file (kept)"
    check_eq "the kept action is kept with its edits, no longer tied to a line" "$(sql "SELECT owner, status, coalesce(source_line, 'none') FROM plan_action WHERE id=$ed")" "Head of Youth Justice|in progress|none"
    run "$ASSURE" import --db "$DB" --quiet work-plan "$T/dropped.txt"
    check_eq "once kept, a later import does not ask again" "$STATUS" 0
    nrem=$(sql "SELECT count(*) FROM $WPA")
    grep -v 'A new action from the corrected plan' "$T/dropped.txt" >"$T/dropped2.txt"
    run "$ASSURE" import --db "$DB" --quiet --missing remove work-plan "$T/dropped2.txt"
    check_contains "--missing remove removes and says so" "$OUT" "1 no longer in the file (removed)"
    check_eq "one action fewer" "$(sql "SELECT count(*) FROM $WPA")" "$((nrem - 1))"
    run "$ASSURE" import --db "$DB" --quiet --missing drop work-plan "$SEED"
    check_contains "--missing takes keep or remove" "$ERR" "expected keep"
    run "$ASSURE" import --db "$DB" --quiet work-plan "$SEED"
    check_eq "the original file again: the removed row comes back as a new action" "$(sql "SELECT count(*) FROM $WPA AND a.source_line IS NOT NULL")" "$rows"
    check_eq "re-import keeps the plan's status and version" "$(sql "SELECT status, version FROM plan WHERE id=$plan_id")" "issued|1"

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
# --- a plan made by hand: /plan/new, /plan/part, versions ----------------------------
COOKIE=$VIEWER
http GET /plan/new
check_eq "viewer: /plan/new is 403" "$HTTP_STATUS" 403
http GET /plan
vcsrf=$(form_value csrf)
check_not_contains "viewer: no link to create a plan" "$HTTP_BODY" "/plan/new"
plans0=$(sql "SELECT count(*) FROM plan")
http POST /plan/new "csrf=$(urlencode "$vcsrf")&title=Sneaky&starts=2026-04-01&ends=2030-03-31&marking=OFFICIAL"
check_eq "viewer: POST /plan/new is 403" "$HTTP_STATUS" 403
check_eq "and created nothing" "$(sql "SELECT count(*) FROM plan")" "$plans0"
COOKIE=$(login_cookie ann officer-password-1)
http GET /plan
check_contains "officer: /plan links to creating a plan" "$HTTP_BODY" "href=\"/plan/new\""
http GET /plan/new
check_eq "officer: the new plan form" "$HTTP_STATUS" 200
csrf=$(form_value csrf)
audit0=$(sql "SELECT count(*) FROM audit")
NP="title=$(urlencode 'Police and Crime Plan 2026-2030')&marking=OFFICIAL"
http POST /plan/new "csrf=$(urlencode "$csrf")&$NP&starts=2026-02-30&ends=2030-03-31"
check_eq "an impossible start date is refused (400)" "$HTTP_STATUS" 400
check_contains "naming the field and what was expected" "$HTTP_BODY" "Period starts: expected a date as YYYY-MM-DD, such as 2026-04-01; found &quot;2026-02-30&quot;"
check_eq "the form keeps the title sent" "$(form_value title)" "Police and Crime Plan 2026-2030"
http POST /plan/new "csrf=$(urlencode "$csrf")&$NP&starts=2026-04-01&ends=2026-03-31"
check_contains "an end before the start is refused" "$HTTP_BODY" "Period ends: expected a date after the start of the period"
http POST /plan/new "csrf=$(urlencode "$csrf")&title=&starts=2026-04-01&ends=2030-03-31&marking=OFFICIAL"
check_contains "an empty title is refused" "$HTTP_BODY" "Title: enter the plan&#39;s title"
http POST /plan/new "$NP&starts=2026-04-01&ends=2030-03-31"
check_eq "a POST without the CSRF token is refused" "$HTTP_STATUS" 403
check_eq "failed POSTs changed nothing (plans, audit trail)" "$(sql "SELECT count(*) FROM plan"),$(sql "SELECT count(*) FROM audit")" "$plans0,$audit0"
http POST /plan/new "csrf=$(urlencode "$csrf")&$NP&starts=2026-04-01&ends=2030-03-31"
check_eq "a good plan redirects" "$HTTP_STATUS" 303
np=$(sql "SELECT id FROM plan WHERE title='Police and Crime Plan 2026-2030'")
check_eq "to the new plan" "$(header Location)" "/plan?id=$np"
check_eq "stored as a draft, version 1" "$(sql "SELECT starts, ends, status, version, marking FROM plan WHERE id=$np")" "2026-04-01|2030-03-31|draft|1|OFFICIAL"
http POST /plan/new "csrf=$(urlencode "$csrf")&$NP&starts=2026-04-01&ends=2030-03-31"
check_contains "a second plan of the same title is refused" "$HTTP_BODY" "a plan of that title is held already"
http GET "/plan?id=$np"
check_contains "the new plan offers a priority" "$HTTP_BODY" "/plan/part?plan=$np"
http GET "/plan/part?plan=$np"
check_eq "the priority form" "$HTTP_STATUS" 200
http POST /plan/part "csrf=$(urlencode "$csrf")&plan=$np&title=$(urlencode 'Safer streets')"
check_eq "a priority is added" "$HTTP_STATUS" 303
prid=$(sql "SELECT id FROM plan_priority WHERE plan_id=$np AND title='Safer streets' AND position=1")
check_contains "and the plan shows it" "$(header Location)" "#priority-$prid"
http POST /plan/part "csrf=$(urlencode "$csrf")&priority=$prid&title=$(urlencode 'Fewer burglaries')&service=Navy"
check_eq "an unknown service is refused (400)" "$HTTP_STATUS" 400
check_contains "naming the services" "$HTTP_BODY" "Service: expected Police, Fire and Rescue or Working together"
check_eq "and no objective was added" "$(sql "SELECT count(*) FROM plan_objective WHERE priority_id=$prid")" "0"
http POST /plan/part "csrf=$(urlencode "$csrf")&priority=$prid&title=$(urlencode 'Fewer burglaries')&service=Police"
check_eq "an objective is added" "$HTTP_STATUS" 303
oid=$(sql "SELECT id FROM plan_objective WHERE priority_id=$prid AND title='Fewer burglaries' AND service='Police'")
http POST /plan/part "csrf=$(urlencode "$csrf")&objective=$oid&title="
check_contains "an empty deliverable title is refused" "$HTTP_BODY" "Title: enter the deliverable&#39;s title"
http POST /plan/part "csrf=$(urlencode "$csrf")&objective=$oid&title=$(urlencode 'Target hardening')"
check_eq "a deliverable is added" "$HTTP_STATUS" 303
nd=$(sql "SELECT id FROM plan_deliverable WHERE objective_id=$oid AND title='Target hardening'")
http POST /plan/action "csrf=$(urlencode "$csrf")&deliverable=$nd&title=$(urlencode 'Fit locks for repeat victims')&owner=$(urlencode 'Head of Crime')&due=2026-09&status=$(urlencode 'not started')&rag=&note=&marking=OFFICIAL"
check_eq "and an action to it" "$HTTP_STATUS" 303
http POST /plan/part "csrf=$(urlencode "$csrf")&objective=999999&title=x"
check_eq "an unknown objective is a 404" "$HTTP_STATUS" 404
http POST /plan/part "csrf=$(urlencode "$csrf")&plan=$np&objective=$oid&title=x"
check_eq "two places at once is a 400" "$HTTP_STATUS" 400
http GET "/plan?id=$np"
check_contains "the plan shows the objective" "$HTTP_BODY" "Fewer burglaries"
check_contains "and the action" "$HTTP_BODY" "Fit locks for repeat victims"
http POST /plan "csrf=$(urlencode "$csrf")&id=$np&status=revised&revision=new"
check_eq "a draft cannot take a revision (400)" "$HTTP_STATUS/$(sql "SELECT status, version FROM plan WHERE id=$np")" "400/draft|1"
http POST /plan "csrf=$(urlencode "$csrf")&id=$np&status=issued"
check_eq "the draft is issued" "$(sql "SELECT status, version FROM plan WHERE id=$np")" "issued|1"
http GET "/plan?id=$np"
check_contains "an issued plan offers a revision" "$HTTP_BODY" "Record a revision (version 2)"
http POST /plan "csrf=$(urlencode "$csrf")&id=$np&status=revised&revision=new"
http POST /plan "csrf=$(urlencode "$csrf")&id=$np&status=revised&revision=new"
check_eq "each revision is a new version" "$(sql "SELECT status, version FROM plan WHERE id=$np")" "revised|3"
COOKIE=$VIEWER
http POST /plan/part "csrf=$(urlencode "$vcsrf")&plan=$np&title=x"
check_eq "viewer: POST /plan/part is 403" "$HTTP_STATUS" 403
http GET "/plan?id=$np"
check_not_contains "viewer: no links to add parts" "$HTTP_BODY" "/plan/part"
run "$ASSURE" audit log --db "$DB" --table plan --id "$np"
check_contains "the audit trail records ann creating the plan" "$OUT" "ann${TAB}insert${TAB}plan${TAB}$np"

# --- the measures that evidence an objective: /plan/measures -----------------------
COOKIE=$VIEWER
http GET "/plan/measures?objective=$oid"
check_eq "viewer: /plan/measures is 403" "$HTTP_STATUS" 403
COOKIE=$(login_cookie ann officer-password-1)
http GET "/plan?id=$np"
check_contains "officer: each objective links to choosing its measures" "$HTTP_BODY" "href=\"/plan/measures?objective=$oid\""
http GET "/plan/measures?objective=$oid"
check_eq "officer: the objective's measures page" "$HTTP_STATUS" 200
check_contains "offers every current measure with its title" "$HTTP_BODY" '<option value="response.g1-urban">response.g1-urban: Grade 1 urban response'
check_contains "and says none is linked yet" "$HTTP_BODY" "No measure evidences this objective yet."
csrf=$(form_value csrf)
m0=$(sql "SELECT count(*) FROM objective_measure WHERE objective_id=$oid")
http POST "/plan/measures?objective=$oid" "csrf=$(urlencode "$csrf")&action=add&measure=no.such-measure"
check_eq "an unknown measure is refused (400)" "$HTTP_STATUS" 400
check_contains "naming the field" "$HTTP_BODY" '<a href="#measure">Measure: there is no current measure &quot;no.such-measure&quot;</a>'
http POST "/plan/measures?objective=$oid" "csrf=$(urlencode "$csrf")&action=add&measure=response.g1-urban"
check_eq "a measure is linked" "$HTTP_STATUS $(header Location)" "303 /plan/measures?objective=$oid&saved=1"
http POST "/plan/measures?objective=$oid" "csrf=$(urlencode "$csrf")&action=add&measure=response.g1-urban"
check_contains "linking it twice is refused" "$HTTP_BODY" "Measure: response.g1-urban already evidences this objective"
check_eq "and links nothing more" "$(sql "SELECT count(*) FROM objective_measure WHERE objective_id=$oid")" "$((m0 + 1))"
http GET "/plan?id=$np"
check_contains "the plan shows the measure under the objective" "$HTTP_BODY" "Measures that evidence this objective"
check_contains "with its title" "$HTTP_BODY" "Grade 1 urban response"
run "$ASSURE" audit log --db "$DB" --table objective_measure --id "$oid"
check_contains "the link is in the audit trail, by ann, naming the measure" "$OUT" "ann${TAB}insert${TAB}objective_measure${TAB}$oid${TAB}{\"objective_id\":$oid,\"measure\":\"response.g1-urban\"}"
http POST "/plan/measures?objective=$oid" "csrf=$(urlencode "$csrf")&action=remove&measure=response.g1-urban"
check_eq "and removed" "$(sql "SELECT count(*) FROM objective_measure WHERE objective_id=$oid")" "$m0"
run "$ASSURE" audit log --db "$DB" --table objective_measure --id "$oid"
check_contains "which the trail records too" "$OUT" "ann${TAB}delete${TAB}objective_measure${TAB}$oid"
http POST "/plan/measures?objective=999999" "csrf=$(urlencode "$csrf")&action=add&measure=response.g1-urban"
check_eq "an unknown objective is 404" "$HTTP_STATUS" 404

# --- renaming and removing parts: /plan/part/edit ------------------------------------
http GET "/plan?id=$np"
check_contains "officer: each objective links to renaming or removing it" "$HTTP_BODY" "href=\"/plan/part/edit?kind=objective&amp;id=$oid\""
http GET "/plan/part/edit?kind=objective&id=$oid"
check_eq "the objective's edit page" "$HTTP_STATUS" 200
check_contains "which says it cannot be removed while it holds deliverables" "$HTTP_BODY" "It cannot be removed while it has deliverables"
csrf=$(form_value csrf)
http POST "/plan/part/edit?kind=objective&id=$oid" "csrf=$(urlencode "$csrf")&action=rename&title=&service=Police"
check_eq "a blank title is refused (400)" "$HTTP_STATUS" 400
check_contains "naming the field" "$HTTP_BODY" '<a href="#title">Title: enter the objective&#39;s title</a>'
http POST "/plan/part/edit?kind=objective&id=$oid" "csrf=$(urlencode "$csrf")&action=rename&title=$(urlencode 'Fewer burglaries and robberies')&service=Ambulance"
check_contains "an unknown service is refused" "$HTTP_BODY" "Service: expected Police, Fire and Rescue or Working together"
check_eq "and nothing was renamed" "$(sql "SELECT title FROM plan_objective WHERE id=$oid")" "Fewer burglaries"
http POST "/plan/part/edit?kind=objective&id=$oid" "csrf=$(urlencode "$csrf")&action=rename&title=$(urlencode 'Fewer burglaries and robberies')&service=$(urlencode 'Working together')"
check_eq "the objective is renamed" "$HTTP_STATUS $(header Location)" "303 /plan?id=$np#objective-$oid"
check_eq "with its new service" "$(sql "SELECT title, service FROM plan_objective WHERE id=$oid")" "Fewer burglaries and robberies|Working together"
http POST "/plan/part/edit?kind=objective&id=$oid" "csrf=$(urlencode "$csrf")&action=remove"
check_eq "an objective that holds deliverables is not removed (409)" "$HTTP_STATUS $(sql "SELECT count(*) FROM plan_objective WHERE id=$oid")" "409 1"
http POST /plan/part "csrf=$(urlencode "$csrf")&plan=$np&title=$(urlencode 'A priority added by mistake')"
epr=$(sql "SELECT id FROM plan_priority WHERE plan_id=$np AND title='A priority added by mistake'")
http GET "/plan/part/edit?kind=priority&id=$epr"
check_contains "an empty priority offers its removal" "$HTTP_BODY" "Remove the priority</button>"
http POST "/plan/part/edit?kind=priority&id=$epr" "csrf=$(urlencode "$csrf")&action=remove"
check_eq "and is removed" "$HTTP_STATUS $(sql "SELECT count(*) FROM plan_priority WHERE id=$epr")" "303 0"
run "$ASSURE" audit log --db "$DB" --table plan_priority --id "$epr"
check_contains "the trail keeps it, removed by ann" "$OUT" "ann${TAB}delete${TAB}plan_priority${TAB}$epr"
http GET "/plan/part/edit?kind=chapter&id=1"
check_eq "an unknown kind of part is 400" "$HTTP_STATUS" 400
COOKIE=$VIEWER
http POST "/plan/part/edit?kind=objective&id=$oid" "csrf=$(urlencode "$vcsrf")&action=rename&title=x&service=Police"
check_eq "viewer: renaming is 403" "$HTTP_STATUS" 403

run "$ASSURE" audit verify --db "$DB"
check_eq "the audit chain verifies" "$STATUS" 0

finish
