#!/bin/sh
# 60-board.sh: the Accountability Board as one workflow through the real
# pages (test-http): the demo board; a meeting created, items added (one
# refused naming the field), candidates offered (an open follow-up, a due
# schedule matter, an exception for an off-target measure), the agenda set
# and the letter listing the questions; the force notified; a force liaison
# sees only the force's items, answers and uploads a paper (a .exe, a fake
# PDF and an over-size file refused, nothing stored); verdicts and a
# follow-up recorded; minutes drafted, approved and published (not by an
# officer); the follow-up offered at the next meeting until closed, known
# to be on its agenda by the item's follow_up_id (not its words: a second
# follow-up in the same words is still offered, a reworded item's follow-up
# is not offered again); the
# schedule moved on by the verdict; the cycle; budget conditions; role
# checks; the audit trail names the user who recorded the verdict; the
# meeting, each agenda item, each budget condition and each schedule matter
# link to their audit history for a role with capability A (not for a
# board clerk without it), and the histories show the verdict, the status
# steps and the condition's update before and after.
. "$(dirname "$0")/lib.sh"

run "$ASSURE" init --demo --db "$DB"
[ "$STATUS" -eq 0 ] || not_ok "init --demo" "$ERR"
printf 'liaison-pass-123\n' | "$ASSURE" user add --db "$DB" fl --role force-liaison >/dev/null
printf 'officer-pass-123\n' | "$ASSURE" user add --db "$DB" off --role officer >/dev/null
printf 'viewer-pass-1234\n' | "$ASSURE" user add --db "$DB" vw --role viewer >/dev/null
# a board clerk: runs the board (r, b) but may not read the audit trail (no A)
sqlite3 "$DB" "INSERT INTO role(name, caps, description) VALUES ('clerk', 'vrb', 'Board clerk without the audit trail')"
printf 'clerk-pass-12345\n' | "$ASSURE" user add --db "$DB" ck --role clerk >/dev/null
q() { sqlite3 "$DB" "$1"; }

# mp_post TARGET ITEM ANSWER FILENAME FILE: a multipart/form-data POST, as a
# browser sends the liaison's form (csrf from $CSRF), through test-http.
mp_post() {
    _b=assureboundary7MA4YWxkTrZu0gW
    {
        printf 'POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: %s\r\n' "$1" "$COOKIE"
        {
            printf -- '--%s\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n%s\r\n' "$_b" "$CSRF"
            printf -- '--%s\r\nContent-Disposition: form-data; name="item"\r\n\r\n%s\r\n' "$_b" "$2"
            printf -- '--%s\r\nContent-Disposition: form-data; name="answer"\r\n\r\n%s\r\n' "$_b" "$3"
            printf -- '--%s\r\nContent-Disposition: form-data; name="paper"; filename="%s"\r\nContent-Type: application/octet-stream\r\n\r\n' "$_b" "$4"
            cat "$5"
            printf '\r\n--%s--\r\n' "$_b"
        } >"$T/.mpbody"
        printf 'Content-Type: multipart/form-data; boundary=%s\r\nContent-Length: %d\r\n\r\n' "$_b" "$(wc -c <"$T/.mpbody")"
        cat "$T/.mpbody"
    } >"$T/.request"
    "$ASSURE" test-http --db "$DB" <"$T/.request" >"$T/.reply" 2>"$T/.http-err"
    HTTP_STATUS=$(head -n 1 "$T/.reply" | cut -d ' ' -f 2)
    HTTP_HEADERS=$(awk 'NR > 1 { sub(/\r$/, ""); if ($0 == "") exit; print }' "$T/.reply")
    HTTP_BODY=$(awk 'body { print; next } { sub(/\r$/, "") } $0 == "" { body = 1 }' "$T/.reply")
}

# --- the demo board -------------------------------------------------------------
check_eq "the demo holds nine meetings through 2025/26" "$(q "SELECT count(*) FROM meeting WHERE held_on BETWEEN '2025-04-01' AND '2026-03-31'")" 9
check_eq "seven held with published minutes" "$(q "SELECT count(*) FROM meeting WHERE status='minutes published' AND minutes<>''")" 7
check_eq "the next has its agenda set" "$(q "SELECT status FROM meeting WHERE held_on='2026-02-17'")" "agenda set"
check_eq "two follow-ups are open" "$(q "SELECT count(*) FROM follow_up WHERE status='open'")" 2
check_eq "the Victims' Code paper was last heard in July 2025" "$(q "SELECT last_on FROM assurance_schedule WHERE subject LIKE 'Victims%'")" "2025-07-22"

# --- roles ------------------------------------------------------------------------
COOKIE=$(login_cookie vw viewer-pass-1234)
http GET /board
check_eq "a viewer gets 403 on /board" "$HTTP_STATUS" 403
COOKIE=$(login_cookie fl liaison-pass-123)
http GET /board
check_eq "the liaison gets 403 on /board" "$HTTP_STATUS" 403
http GET "/board/meeting?id=8"
check_eq "and on a meeting page" "$HTTP_STATUS" 403

# --- a meeting and its agenda ------------------------------------------------------------
COOKIE=$(login_cookie admin assure-demo-admin)
http GET /board
check_eq "the board page opens" "$HTTP_STATUS" 200
check_contains "listing the demo meetings" "$HTTP_BODY" "17 February 2026"
check_contains "proposing the next meeting six weeks after the last" "$HTTP_BODY" "12 May 2026"
CSRF=$(form_value csrf)
http POST /board "csrf=$CSRF&action=cycle&weeks=0"
check_eq "a cycle of 0 weeks is refused" "$HTTP_STATUS" 400
check_contains "naming the field" "$HTTP_BODY" "Weeks between meetings must be a whole number"
http POST /board "csrf=$CSRF&action=create&held_on=2026-02-30&starts_at=10:00&kind=Accountability+Board&marking=OFFICIAL"
check_eq "an impossible date is refused" "$HTTP_STATUS" 400
check_contains "naming the field" "$HTTP_BODY" "Date must be a real date"
http POST /board "csrf=$CSRF&action=create&held_on=2026-05-12&starts_at=10:00&kind=Accountability+Board&marking=OFFICIAL"
check_eq "a meeting is created" "$HTTP_STATUS" 303
MID=$(q "SELECT id FROM meeting WHERE held_on='2026-05-12'")
check_eq "and we go to its page" "$(header Location)" "/board/meeting?id=$MID"
U="/board/meeting?id=$MID"

before=$(q "SELECT count(*) FROM agenda_item")
http POST "$U" "csrf=$CSRF&action=add_item&subject=&matter=x&form=written&marking=OFFICIAL&to_force=1"
check_eq "an item without a subject is refused" "$HTTP_STATUS" 400
check_contains "the page names the field" "$HTTP_BODY" "Subject must be given"
http POST "$U" "csrf=$CSRF&action=add_item&subject=Stop+and+search&matter=x&form=written&paper_due=2026-13-01&marking=OFFICIAL&to_force=1"
check_contains "a bad paper due date is named" "$HTTP_BODY" "Paper due must be a real date"
check_eq "nothing was added" "$(q "SELECT count(*) FROM agenda_item")" "$before"

QS=$(urlencode "How many searches found what was looked for?
Is there disproportionality by ethnicity?")
http POST "$U" "csrf=$CSRF&action=add_item&subject=$(urlencode 'Stop and search: use and outcomes')&matter=$(urlencode 'The use of stop and search and its outcomes.')&questions=$QS&form=written&lead=$(urlencode 'ACC Local Policing')&paper_due=2026-05-05&marking=OFFICIAL&to_force=1"
check_eq "an item is added" "$HTTP_STATUS" 303
http POST "$U" "csrf=$CSRF&action=add_item&subject=$(urlencode 'Covert tasking review')&matter=secret&questions=Q&form=verbal&marking=OFFICIAL-SENSITIVE&to_force=1"
check_eq "a sensitive item is added" "$HTTP_STATUS" 303
http POST "$U" "csrf=$CSRF&action=add_item&subject=$(urlencode 'Office briefing on the precept')&matter=internal&form=verbal&marking=OFFICIAL"
check_eq "an item not addressed to the force is added" "$HTTP_STATUS" 303
IA=$(q "SELECT id FROM agenda_item WHERE meeting_id=$MID AND subject LIKE 'Stop and search%'")

http GET "$U"
check_contains "the agenda lists the item" "$HTTP_BODY" "Stop and search: use and outcomes"
check_contains "candidates: an open follow-up from an earlier meeting" "$HTTP_BODY" "Positive outcome rates for violence against women and girls"
check_contains "candidates: the schedule matter due" "$HTTP_BODY" "Quarterly performance against the Plan"
check_contains "flagged overdue past its latest date" "$HTTP_BODY" "overdue"
check_contains "candidates: an exception for the off-target measure" "$HTTP_BODY" "Grade 1 urban response: median time to arrive was 10m 40s in December 2025 against a target of 10 minutes: what is the force doing to bring it back within target, and by when?"
http POST "$U" "csrf=$CSRF&action=add_candidate&kind=schedule&ref=1"
check_eq "the schedule matter is added to the agenda" "$HTTP_STATUS" 303
http POST "$U" "csrf=$CSRF&action=add_candidate&kind=exception&ref=response.g1-urban"
check_eq "the exception is added" "$HTTP_STATUS" 303
check_eq "with its drafted question and origin" "$(q "SELECT origin FROM agenda_item WHERE meeting_id=$MID AND questions LIKE '%bring it back within target%'")" "exception"
http POST "$U" "csrf=$CSRF&action=add_candidate&kind=exception&ref=response.g1-urban"
check_eq "it cannot be added twice" "$HTTP_STATUS" 400
IQ=$(q "SELECT id FROM agenda_item WHERE meeting_id=$MID AND origin='schedule'")

http POST "$U" "csrf=$CSRF&action=advance&to=notified"
check_eq "the status cannot skip a step" "$HTTP_STATUS" 400
check_contains "the summary says why, as no one field's mistake" "$HTTP_BODY" '<ul class="error-summary-list"><li>The meeting is planned: it cannot move to &quot;notified&quot; (reload the page).</li>'
http POST "$U" "csrf=$CSRF&action=advance&to=$(urlencode 'agenda set')"
check_eq "the agenda is set" "$(q "SELECT status FROM meeting WHERE id=$MID")" "agenda set"

http GET "/board/letter?id=$MID"
check_eq "the letter is produced" "$HTTP_STATUS" 200
check_contains "to the Chief Constable" "$HTTP_BODY" "To: the Chief Constable, Northamptonshire"
check_contains "listing the questions" "$HTTP_BODY" "<li>Is there disproportionality by ethnicity?</li>"
check_contains "the form" "$HTTP_BODY" "Written paper"
check_contains "and the paper's due date" "$HTTP_BODY" "5 May 2026"
check_not_contains "but not the office's own item" "$HTTP_BODY" "Office briefing on the precept"
check_not_contains "and no script" "$HTTP_BODY" "<script"

http POST "$U" "csrf=$CSRF&action=advance&to=notified"
check_eq "the force is notified" "$(q "SELECT status FROM meeting WHERE id=$MID")" "notified"

# --- the force liaison ------------------------------------------------------------------
COOKIE=$(login_cookie fl liaison-pass-123 /liaison)
http GET /liaison
check_eq "the liaison's page opens" "$HTTP_STATUS" 200
check_contains "with the force's item" "$HTTP_BODY" "Stop and search: use and outcomes"
check_contains "its questions" "$HTTP_BODY" "How many searches found what was looked for?"
check_not_contains "not the sensitive item" "$HTTP_BODY" "Covert tasking review"
check_not_contains "not the item not addressed to the force" "$HTTP_BODY" "Office briefing on the precept"
check_not_contains "nor the items of a meeting not yet notified" "$HTTP_BODY" "Rape and serious sexual offences"
check_contains "the form is multipart" "$HTTP_BODY" 'enctype="multipart/form-data"'
CSRF=$(form_value csrf)

printf 'The force paper on stop and search.\nSearches: 1,204; find rate 31%%.\n' >"$T/paper.txt"
mp_post /liaison "$IA" "Our answer is in the paper." paper.txt "$T/paper.txt"
check_eq "the answer and a text paper are accepted" "$HTTP_STATUS" 303
check_eq "the paper is stored with its SHA-256" "$(q "SELECT sha256 FROM item_paper WHERE item_id=$IA")" "$(sha256sum "$T/paper.txt" | cut -d ' ' -f 1)"
check_eq "and who uploaded it" "$(q "SELECT uploaded_by || ' ' || content_type || ' ' || bytes FROM item_paper WHERE item_id=$IA")" "fl text/plain; charset=utf-8 $(wc -c <"$T/paper.txt" | tr -d ' ')"
check_eq "the answer is saved" "$(q "SELECT answer FROM agenda_item WHERE id=$IA")" "Our answer is in the paper."
printf 'MZ\220\000\003' >"$T/tool.exe"
before=$(q "SELECT count(*) FROM item_paper")
mp_post /liaison "$IA" "changed" tool.exe "$T/tool.exe"
check_eq "a .exe is refused" "$HTTP_STATUS" 400
check_contains "with a clear error" "$HTTP_BODY" "The file must be a PDF (.pdf), Word (.docx), Excel (.xlsx) or plain text (.txt) file."
printf 'MZ not really a pdf' >"$T/fake.pdf"
mp_post /liaison "$IA" "changed" fake.pdf "$T/fake.pdf"
check_contains "a file named .pdf that is not a PDF is refused" "$HTTP_BODY" "is not a PDF document"
{ printf '%%PDF-1.7\n'; head -c 5300000 /dev/zero | tr '\0' 'a'; } >"$T/big.pdf"
mp_post /liaison "$IA" "changed" big.pdf "$T/big.pdf"
check_eq "an over-size file is refused" "$HTTP_STATUS" 400
check_contains "saying the limit" "$HTTP_BODY" "larger than 5 MiB"
check_eq "nothing was stored by the refused uploads" "$(q "SELECT count(*) FROM item_paper")" "$before"
check_eq "and the answer was not changed" "$(q "SELECT answer FROM agenda_item WHERE id=$IA")" "Our answer is in the paper."
IS=$(q "SELECT id FROM agenda_item WHERE meeting_id=$MID AND subject='Covert tasking review'")
mp_post /liaison "$IS" "x" paper.txt "$T/paper.txt"
check_eq "the liaison cannot answer the sensitive item" "$HTTP_STATUS" 404
PID=$(q "SELECT id FROM item_paper WHERE item_id=$IA")
http GET "/liaison/paper?id=$PID"
check_eq "the liaison downloads the paper" "$HTTP_STATUS" 200
check_contains "as an attachment" "$(header Content-Disposition)" 'attachment; filename="paper.txt"'
check_eq "with its type" "$(header Content-Type)" "text/plain; charset=utf-8"
check_contains "and its content" "$HTTP_BODY" "Searches: 1,204"
DEMO_PAPER=$(q "SELECT id FROM item_paper WHERE filename='victims-code-audit-2025.txt'")
http GET "/liaison/paper?id=999999"
check_eq "an unknown paper is 404" "$HTTP_STATUS" 404

# --- at the meeting --------------------------------------------------------------------
COOKIE=$(login_cookie admin assure-demo-admin)
http GET "/board/paper?id=$PID"
check_eq "the office downloads the paper too" "$HTTP_STATUS" 200
http GET "$U"
CSRF=$(form_value csrf)
check_contains "the meeting page shows the force's answer" "$HTTP_BODY" "Our answer is in the paper."
http POST "$U" "csrf=$CSRF&action=advance&to=held"
check_eq "the meeting is held" "$(q "SELECT status FROM meeting WHERE id=$MID")" "held"
http POST "$U" "csrf=$CSRF&action=verdict&item=$IA&verdict=maybe&discussion=x"
check_eq "a verdict that is not one of the three is refused" "$HTTP_STATUS" 400
check_contains "naming the field" "$HTTP_BODY" "Verdict must be assured, partially assured or not assured."
http POST "$U" "csrf=$CSRF&action=verdict&item=$IA&verdict=$(urlencode 'not assured')&discussion=$(urlencode 'The find rate is too low.')"
check_eq "a verdict is recorded" "$(q "SELECT verdict || '|' || discussion FROM agenda_item WHERE id=$IA")" "not assured|The find rate is too low."
http GET "$U"
check_contains "admin (A): the meeting links to its audit history" "$HTTP_BODY" "href=\"/audit?table=meeting&amp;id=$MID\">History of this meeting</a>"
check_contains "and each agenda item to its own" "$HTTP_BODY" "href=\"/audit?table=agenda_item&amp;id=$IA\">History of item 1</a>"
http GET "/audit?table=agenda_item&id=$IA"
check_contains "following the item's link shows its history" "$HTTP_BODY" "The history of agenda_item $IA"
check_contains "with the verdict before and after" "$HTTP_BODY" '<tr><th scope="row">verdict</th><td></td><td>not assured</td></tr>'
check_contains "and the force's answer as it was given" "$HTTP_BODY" '<tr><th scope="row">answer</th><td></td><td>Our answer is in the paper.</td></tr>'
http GET "/audit?table=meeting&id=$MID"
check_contains "the meeting's history shows its status steps" "$HTTP_BODY" '<tr><th scope="row">status</th><td>notified</td><td>held</td></tr>'
http POST "$U" "csrf=$CSRF&action=verdict&item=$IQ&verdict=assured&discussion=Fine"
check_eq "the schedule's last paper moves to the meeting's date" "$(q "SELECT last_on FROM assurance_schedule WHERE id=1")" "2026-05-12"
http POST "$U" "csrf=$CSRF&action=add_followup&item=$IA&request=$(urlencode 'Search find rates by area')&owner=$(urlencode 'ACC Local Policing')&due=2026-13-40"
check_contains "a follow-up with a bad due date is refused, naming the field" "$HTTP_BODY" "Due must be a real date"
http POST "$U" "csrf=$CSRF&action=add_followup&item=$IA&request=$(urlencode 'Search find rates by area')&owner=$(urlencode 'ACC Local Policing')&due=2026-06-01"
check_eq "a follow-up is recorded" "$(q "SELECT owner || '|' || due || '|' || status FROM follow_up WHERE request='Search find rates by area'")" "ACC Local Policing|2026-06-01|open"
FUH=$(q "SELECT id FROM follow_up WHERE request='Search find rates by area'")
PAPER=$(q "SELECT id FROM item_paper WHERE item_id=$IA")
http GET "$U"
check_contains "the follow-up links to its own history" "$HTTP_BODY" "href=\"/audit?table=follow_up&amp;id=$FUH\">History of follow-up 1</a>"
check_contains "and so does the force's paper" "$HTTP_BODY" "href=\"/audit?table=item_paper&amp;id=$PAPER\">History of paper paper.txt</a>"
http GET "/audit?table=item_paper&id=$PAPER"
check_contains "which says who uploaded it" "$HTTP_BODY" '<tr><th scope="row">uploaded_by</th><td></td><td>fl</td></tr>'
# a second follow-up in the same words, on another item: a record of its own
http POST "$U" "csrf=$CSRF&action=add_followup&item=$IQ&request=$(urlencode 'Search find rates by area')&owner=$(urlencode 'Head of Performance')&due=2026-06-01"
check_eq "a second follow-up with the same request is recorded" "$(q "SELECT count(*) FROM follow_up WHERE request='Search find rates by area'")" 2

COOKIE=$(login_cookie off officer-pass-123)
http GET "$U"
CSRF=$(form_value csrf)
http POST "$U" "csrf=$CSRF&action=draft_minutes"
check_eq "an officer drafts the minutes" "$HTTP_STATUS" 303
M=$(q "SELECT minutes FROM meeting WHERE id=$MID")
check_contains "the minutes name the item" "$M" "Stop and search: use and outcomes"
check_contains "its verdict" "$M" "The Commissioner was not assured."
check_contains "the discussion" "$M" "The find rate is too low."
check_contains "and the follow-up" "$M" "Action: Search find rates by area (ACC Local Policing, by 1 June 2026)."
check_not_contains "the minutes, which are published, leave out the OFFICIAL-SENSITIVE item" "$M" "Covert tasking review"
check_contains "saying so" "$M" "1 item marked OFFICIAL-SENSITIVE is left out of these minutes"
check_contains "an item the force sent a paper for says so" "$(printf '%s\n' "$M" | sed -n '/Stop and search: use and outcomes/,/^$/p')" "The force provided a written paper."
check_contains "a written item the force did not answer says nothing came, not that it did" "$(printf '%s\n' "$M" | sed -n '/Quarterly performance against the Plan/,/^$/p')" "No written response from the force was received before the meeting."
check_not_contains "the office's own item does not say the force provided anything" "$(printf '%s\n' "$M" | sed -n '/Office briefing on the precept/,/^$/p')" "The force provided"
http POST "$U" "csrf=$CSRF&action=save_minutes&minutes=$(urlencode "$M
Edited by the office.")"
check_contains "the minutes are editable" "$(q "SELECT minutes FROM meeting WHERE id=$MID")" "Edited by the office."
http POST "$U" "csrf=$CSRF&action=advance&to=$(urlencode 'minutes approved')"
check_eq "an officer cannot approve the minutes" "$HTTP_STATUS" 403
check_eq "they stay unapproved" "$(q "SELECT status FROM meeting WHERE id=$MID")" "held"

COOKIE=$(login_cookie admin assure-demo-admin)
http GET "$U"
CSRF=$(form_value csrf)
http POST "$U" "csrf=$CSRF&action=save_minutes&minutes=$(urlencode "$M
Edited by the office. The covert tasking review was discussed in private.")"
http POST "$U" "csrf=$CSRF&action=advance&to=$(urlencode 'minutes approved')"
check_eq "minutes that name an OFFICIAL-SENSITIVE item are not approved (400)" "$HTTP_STATUS $(q "SELECT status FROM meeting WHERE id=$MID")" "400 held"
check_contains "saying which, on the minutes" "$HTTP_BODY" '<a href="#minutes">The minutes, which are published, name &quot;Covert tasking review&quot;, which is marked OFFICIAL-SENSITIVE'
http POST "$U" "csrf=$CSRF&action=save_minutes&minutes=$(urlencode "$M
Edited by the office.")"
http POST "$U" "csrf=$CSRF&action=advance&to=$(urlencode 'minutes approved')"
check_eq "the minutes are approved" "$(q "SELECT status FROM meeting WHERE id=$MID")" "minutes approved"
http POST "$U" "csrf=$CSRF&action=save_minutes&minutes=changed"
check_eq "approved minutes cannot change" "$HTTP_STATUS" 400
http POST "$U" "csrf=$CSRF&action=advance&to=$(urlencode 'minutes published')"
check_eq "and published" "$(q "SELECT status FROM meeting WHERE id=$MID")" "minutes published"

# --- the next meeting -------------------------------------------------------------------
http POST /board "csrf=$CSRF&action=cycle&weeks=4"
check_eq "the cycle is set" "$(q "SELECT value FROM setting WHERE key='board_cycle_weeks'")" 4
http POST /board "csrf=$CSRF&action=next"
check_eq "the next meeting is scheduled the cycle after the last" "$(q "SELECT count(*) FROM meeting WHERE held_on='2026-06-09'")" 1
N2=$(q "SELECT id FROM meeting WHERE held_on='2026-06-09'")
http GET "/board/meeting?id=$N2"
check_contains "the follow-up is a candidate at the next meeting" "$HTTP_BODY" "Search find rates by area"
FU=$(q "SELECT id FROM follow_up WHERE request='Search find rates by area' AND item_id=$IA")
FU2=$(q "SELECT id FROM follow_up WHERE request='Search find rates by area' AND item_id=$IQ")
http POST "/board/meeting?id=$N2" "csrf=$CSRF&action=add_candidate&kind=follow-up&ref=$FU"
check_eq "it is added as a follow-up item" "$(q "SELECT origin FROM agenda_item WHERE meeting_id=$N2 AND matter='Search find rates by area'")" "follow-up"
check_eq "the item records which follow-up it came from" "$(q "SELECT follow_up_id FROM agenda_item WHERE meeting_id=$N2 AND origin='follow-up'")" "$FU"
# candidates are matched by the follow-up's id, not by its words
http GET "/board/meeting?id=$N2"
check_contains "the other follow-up in the same words is still offered" "$HTTP_BODY" "<input type=\"hidden\" name=\"ref\" value=\"$FU2\">"
check_not_contains "while the one added is not" "$HTTP_BODY" "<input type=\"hidden\" name=\"ref\" value=\"$FU\">"
IF=$(q "SELECT id FROM agenda_item WHERE meeting_id=$N2 AND origin='follow-up'")
http POST "/board/meeting?id=$N2" "csrf=$CSRF&action=edit_item&item=$IF&subject=$(urlencode 'Search find rates: the districts')&matter=$(urlencode 'Find rates by district, with the action plan')&questions=Q&form=written&lead=L&paper_due=2026-06-02&marking=OFFICIAL&to_force=1"
check_eq "the follow-up's item is reworded" "$(q "SELECT matter FROM agenda_item WHERE id=$IF")" "Find rates by district, with the action plan"
http GET "/board/meeting?id=$N2"
check_not_contains "the reworded item's follow-up is still known to be on the agenda" "$HTTP_BODY" "<input type=\"hidden\" name=\"ref\" value=\"$FU\">"
http POST "/board/meeting?id=$N2" "csrf=$CSRF&action=add_candidate&kind=follow-up&ref=$FU"
check_eq "and cannot be added a second time" "$HTTP_STATUS" 400
http POST "/board/meeting?id=$N2" "csrf=$CSRF&action=add_candidate&kind=follow-up&ref=$FU2"
check_eq "the other follow-up in the same words can be added" "$HTTP_STATUS" 303
check_eq "each follow-up is on the agenda once" "$(q "SELECT group_concat(follow_up_id, ',') FROM (SELECT follow_up_id FROM agenda_item WHERE meeting_id=$N2 AND origin='follow-up' ORDER BY follow_up_id)")" "$FU,$FU2"
http POST "/board/meeting?id=$N2" "csrf=$CSRF&action=close_followup&followup=$FU2"
http POST "/board/meeting?id=$N2" "csrf=$CSRF&action=close_followup&followup=$FU"
check_eq "the follow-up is closed" "$(q "SELECT status FROM follow_up WHERE id=$FU")" "closed"
http POST /board "csrf=$CSRF&action=next"
N3=$(q "SELECT id FROM meeting WHERE held_on='2026-07-07'")
http GET "/board/meeting?id=$N3"
check_eq "the meeting after opens" "$HTTP_STATUS" 200
check_not_contains "where the closed follow-up is no longer a candidate" "$HTTP_BODY" "Search find rates by area"
check_contains "while the other open one still is" "$HTTP_BODY" "Positive outcome rates for violence against women and girls"

# --- schedule and conditions --------------------------------------------------------------
http GET /board/schedule
check_contains "the schedule lists Victims' Code compliance" "$HTTP_BODY" "6 to 9 months after the last paper"
http POST /board/schedule "csrf=$CSRF&subject=$(urlencode 'Custody')&matter=m&min_months=6&max_months=3&form=written&lead=l&last_on="
check_contains "a schedule matter with max below min is refused, naming the field" "$HTTP_BODY" "At most must be a whole number"
http POST /board/schedule "csrf=$CSRF&subject=$(urlencode 'Custody')&matter=m&min_months=6&max_months=9&form=written&lead=l&last_on="
check_eq "a schedule matter is added" "$(q "SELECT min_months || '-' || max_months FROM assurance_schedule WHERE subject='Custody'")" "6-9"
http GET "/board/conditions?year=2025/26"
check_contains "the budget conditions letter lists 2025/26" "$HTTP_BODY" "Maintain officer numbers"
C2=$(q "SELECT id FROM budget_condition WHERE year='2025/26' AND position=2")
http POST "/board/conditions?year=2025/26" "csrf=$CSRF&id=$C2&year=2025/26&condition=$(urlencode 'Bring Grade 1 urban response times back within target.')&status=bogus&note="
check_contains "a bad status is refused, naming the field" "$HTTP_BODY" "Status must be not started, on track, at risk, met or not met."
http POST "/board/conditions?year=2025/26" "csrf=$CSRF&id=$C2&year=2025/26&condition=$(urlencode 'Bring Grade 1 urban response times back within target.')&status=$(urlencode 'not met')&note=$(urlencode 'Year end.')"
check_eq "a condition's status is updated" "$(q "SELECT status FROM budget_condition WHERE id=$C2")" "not met"
http GET "/board/conditions?year=2025/26"
check_contains "admin (A): each condition links to its audit history" "$HTTP_BODY" "href=\"/audit?table=budget_condition&amp;id=$C2\">History of condition 2</a>"
http GET "/audit?table=budget_condition&id=$C2"
check_contains "whose history shows the status before and after" "$HTTP_BODY" '<tr><th scope="row">status</th><td>at risk</td><td>not met</td></tr>'
SC=$(q "SELECT id FROM assurance_schedule WHERE subject='Custody'")
http GET /board/schedule
check_contains "each schedule matter links to its history" "$HTTP_BODY" "href=\"/audit?table=assurance_schedule&amp;id=$SC\">History of Custody</a>"
http GET "/audit?table=assurance_schedule&id=$SC"
check_contains "whose history shows it added" "$HTTP_BODY" "insert of <a href=\"/audit?table=assurance_schedule&amp;id=$SC\">"
COOKIE=$(login_cookie ck clerk-pass-12345)
for page in "$U" "/board/conditions?year=2025/26" /board/schedule; do
    http GET "$page"
    check_eq "clerk (no A): $page opens" "$HTTP_STATUS" 200
    check_not_contains "clerk (no A): $page has no audit history link" "$HTTP_BODY" "/audit?table="
done
COOKIE=$(login_cookie admin assure-demo-admin)
http GET /board
CSRF=$(form_value csrf)

# --- sensitivity and audit --------------------------------------------------------------------
COOKIE=$(login_cookie vw viewer-pass-1234)
http GET "/board/paper?id=$DEMO_PAPER"
check_eq "a viewer cannot download papers" "$HTTP_STATUS" 403
run "$ASSURE" audit log --db "$DB" --table agenda_item --id "$IA"
check_contains "the audit trail shows the verdict change by the user" "$(printf '%s\n' "$OUT" | grep '"verdict":"not assured"' | head -n 1)" "admin"
http POST "$U" "csrf=x&action=verdict"
check_eq "a viewer cannot post to a meeting" "$HTTP_STATUS" 403
finish
