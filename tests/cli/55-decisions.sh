#!/bin/sh
# 55-decisions.sh: decision records through the binary and the pages: the
# demo's records 221 to 233 in `assure decision list|show`; the register and
# a record's page show a viewer the published records only, an officer the
# drafts too, and OFFICIAL-SENSITIVE ones only to a role with S; an officer
# creates and edits a draft by POST (with the CSRF token; without it, or as
# a viewer, 403); a bad date, a duplicate number or a bad value is named on
# the form with what was typed kept, and nothing is saved; a published
# record cannot be edited; the demo administrator publishes a draft, and an
# OFFICIAL-SENSITIVE one is refused and stays a draft; the audit trail shows
# the create and the publish with the user's login.
. "$(dirname "$0")/lib.sh"

run "$ASSURE" init --demo --db "$DB"
[ "$STATUS" -eq 0 ] || not_ok "init --demo" "$ERR"
printf 'officer-pass-1234\n' | "$ASSURE" user add --db "$DB" ann --role officer >/dev/null
# a role that reads governance records (drafts) but not OFFICIAL-SENSITIVE ones
sqlite3 "$DB" "INSERT INTO role(name, caps, description) VALUES('clerk', 'vr', 'test: records without S')"
printf 'clerk-pass-12345\n' | "$ASSURE" user add --db "$DB" cleo --role clerk >/dev/null

count() { sqlite3 "$DB" 'SELECT count(*) FROM decision'; }
audits() { sqlite3 "$DB" 'SELECT count(*) FROM audit'; }

# --- the command line -----------------------------------------------------------
run "$ASSURE" decision list --db "$DB"
check_eq "decision list succeeds" "$STATUS" 0
check_contains "decision list has a header" "$OUT" "number  date        status     title"
check_contains "and the demo's last record, a draft" "$OUT" "233     2026-01-27  draft      Digital Delivery Team 2026 resourcing"
check_contains "and its first, published" "$OUT" "221     2024-11-12  published  Additional IDVA posts at Voice"
check_contains "the sensitive draft is marked" "$OUT" "Op Alloy [OFFICIAL-SENSITIVE]"
check_eq "thirteen demo records, newest number first" "$(printf '%s\n' "$OUT" | sed 1d | awk '{print $1}' | tr '\n' ' ')" "233 232 231 230 229 228 227 226 225 224 223 222 221 "
run "$ASSURE" decision show --db "$DB" 221
check_contains "decision show prints the value in pounds" "$OUT" "value:        £186,000.00"
check_contains "the financial year" "$OUT" "year:         2024/25"
check_contains "the budget lines" "$OUT" "  Victims' services grant"
check_contains "and the linked Plan objectives" "$OUT" "Protect and support those who are vulnerable: Reduce harm from domestic abuse"
run "$ASSURE" decision show --db "$DB" 225
check_contains "a record without a financial value shows none" "$OUT" "value:        none"
run "$ASSURE" decision show --db "$DB" 999
check_eq "show of an unknown record fails" "$STATUS" 1
check_contains "and says so" "$ERR" "there is no decision record 999"
run "$ASSURE" decision show --db "$DB" abc
check_contains "show of a non-number says what it expected" "$ERR" "expected a decision record number"

# --- a viewer: published records only -------------------------------------------
COOKIE=$(login_cookie viewer assure-demo-viewer)
[ -n "$COOKIE" ] || not_ok "the viewer signs in" "$HTTP_BODY"
http GET /decisions
check_eq "the register opens for a viewer" "$HTTP_STATUS" 200
check_contains "listing a published record with its value" "$HTTP_BODY" "£186,000.00"
check_contains "a link to each record" "$HTTP_BODY" '<a href="/decision?n=231">Burglary target hardening scheme</a>'
check_contains "a record without value shows none" "$HTTP_BODY" '<td class="num">none</td>'
check_not_contains "but not the draft" "$HTTP_BODY" "Digital Delivery Team"
check_not_contains "nor the sensitive draft" "$HTTP_BODY" "Op Alloy"
check_not_contains "and no New decision record link" "$HTTP_BODY" "New decision record"
n231=$(printf '%s\n' "$HTTP_BODY" | grep -n 'n=231"' | head -n 1 | cut -d: -f1)
n221=$(printf '%s\n' "$HTTP_BODY" | grep -n 'n=221"' | head -n 1 | cut -d: -f1)
if [ -n "$n231" ] && [ -n "$n221" ] && [ "$n231" -lt "$n221" ]; then ok "sorted by number, descending"; else not_ok "sorted by number, descending" "231 at $n231, 221 at $n221"; fi
VCSRF=$(form_value csrf)
http GET "/decision?n=221"
check_eq "a published record's page opens for a viewer" "$HTTP_STATUS" 200
check_contains "with its decision" "$HTTP_BODY" "four additional Independent Domestic Violence Advisor posts"
check_contains "its linked objectives" "$HTTP_BODY" "Provide effective support for victims and witnesses that meets their needs"
check_contains "its budget lines" "$HTTP_BODY" "<li>OPFCC commissioning budget</li>"
check_not_contains "no audit link without capability A" "$HTTP_BODY" "/audit?table=decision"
check_not_contains "no Edit link (published, and no capability d)" "$HTTP_BODY" "/decision/edit"
http GET "/decision?n=233"
check_eq "a draft is not found for a viewer" "$HTTP_STATUS" 404
check_contains "answered as no such decision" "$HTTP_BODY" "There is no decision record"
check_not_contains "without leaking its title" "$HTTP_BODY" "Digital Delivery"
http GET "/decision?n=232"
check_eq "nor is the sensitive draft" "$HTTP_STATUS" 404
http GET "/decision/edit"
check_eq "a viewer cannot open the editor" "$HTTP_STATUS" 403
before=$(count)
http POST /decision/edit "csrf=$(urlencode "$VCSRF")&number=300&title=Viewer&decided_on=2025-05-01&decision=x&marking=OFFICIAL"
check_eq "a viewer's POST is refused" "$HTTP_STATUS" 403
check_eq "and saves nothing" "$(count)" "$before"

# --- a role with r but not S ----------------------------------------------------
COOKIE=$(login_cookie cleo clerk-pass-12345)
http GET /decisions
check_contains "a records reader sees the OFFICIAL draft" "$HTTP_BODY" "Digital Delivery Team 2026 resourcing"
check_not_contains "but not the OFFICIAL-SENSITIVE one" "$HTTP_BODY" "Op Alloy"
http GET "/decision?n=232"
check_eq "whose page is not found for it" "$HTTP_STATUS" 404

# --- an officer: drafts too, creating and editing --------------------------------
COOKIE=$(login_cookie ann officer-pass-1234)
[ -n "$COOKIE" ] || not_ok "the officer signs in" "$HTTP_BODY"
http GET /decisions
check_contains "the officer sees the drafts" "$HTTP_BODY" "Digital Delivery Team 2026 resourcing"
check_contains "and the sensitive one (capability S), marked" "$HTTP_BODY" "OFFICIAL-SENSITIVE"
check_contains "and the New decision record link" "$HTTP_BODY" '<a class="button" href="/decision/edit">New decision record</a>'
http GET "/decisions?fy=2024%2F25"
check_contains "the year filter keeps 2024/25's records" "$HTTP_BODY" "Additional IDVA posts at Voice"
check_not_contains "and drops 2025/26's" "$HTTP_BODY" "Knife crime education programme"
check_contains "six records from November 2024 to March 2025" "$HTTP_BODY" "6 records;"
http GET "/decisions?category=Estates"
check_contains "the category filter keeps Estates" "$HTTP_BODY" "Deed of Variation for Corby Police Station"
check_not_contains "and drops the rest" "$HTTP_BODY" "HyperConvergence"
http GET "/decisions?q=SECONDARY%20SCHOOLS"
check_contains "the text search finds the decision's text, any case" "$HTTP_BODY" "Knife crime education programme"
check_contains "only that one" "$HTTP_BODY" "1 record;"
http GET "/decisions?fy=2025"
check_eq "a malformed year is a 400" "$HTTP_STATUS" 400
check_contains "naming the field and what was expected" "$HTTP_BODY" "Financial year: expected a year such as 2025/26"

http GET "/decision/edit"
check_eq "the editor opens for an officer" "$HTTP_STATUS" 200
check_eq "the number defaults to the next after the highest" "$(form_value number)" "234"
check_contains "the category list offers the existing categories" "$HTTP_BODY" '<option value="Information technology">'
check_contains "the current Plan's objectives are offered" "$HTTP_BODY" "Develop fraud prevention programmes"
CSRF=$(form_value csrf)
OBJ=$(sqlite3 "$DB" "SELECT id FROM plan_objective WHERE title LIKE 'Develop fraud prevention%'")
OBJ2=$(sqlite3 "$DB" "SELECT id FROM plan_objective WHERE title LIKE 'Strengthen local policing%'")
form() { # NUMBER DATE VALUE [MARKING]
    printf 'number=%s&title=%s&decided_on=%s&decision=%s&reasons=%s&value=%s&category=%s&budget_lines=%s&objective=%s&objective=%s&marking=%s' \
        "$(urlencode "$1")" "$(urlencode "Fraud prevention & cyber awareness <campaign>")" "$(urlencode "$2")" \
        "$(urlencode "To fund a fraud prevention campaign for older residents.")" "$(urlencode "Fraud against older residents has risen.")" \
        "$(urlencode "$3")" "Community%20safety" "$(urlencode "Community safety fund
Victims' services grant")" "$OBJ" "$OBJ2" "${4:-OFFICIAL}"
}
before=$(count)
audit_before=$(audits)
http POST /decision/edit "$(form 234 2026-02-03 '£1,234.56')"
check_eq "a POST without the CSRF token is refused" "$HTTP_STATUS" 403
check_eq "and saves nothing" "$(count)" "$before"

http POST /decision/edit "csrf=$(urlencode "$CSRF")&$(form 234 2026-02-30 '£1,234.56')"
check_eq "an impossible date is a 400" "$HTTP_STATUS" 400
check_contains "naming the field and the form expected" "$HTTP_BODY" "Date of the decision: expected a date written YYYY-MM-DD, such as 2025-11-24, not &quot;2026-02-30&quot;"
check_eq "keeping the title typed" "$(form_value title)" "Fraud prevention & cyber awareness <campaign>"
check_contains "the date's input is described by its hint and error" "$HTTP_BODY" 'aria-describedby="decided_on-hint decided_on-error"'
check_contains "the category input offers the list" "$HTTP_BODY" 'list="categories"'
check_contains "and the ticked objectives" "$HTTP_BODY" "value=\"$OBJ\" checked"
http POST /decision/edit "csrf=$(urlencode "$CSRF")&$(form 233 2026-02-03 '£1,234.56')"
check_eq "a duplicate number is a 400" "$HTTP_STATUS" 400
check_contains "saying the number exists and the next free one" "$HTTP_BODY" "Number: decision record 233 already exists; the next free number is 234"
check_eq "keeping the number typed" "$(form_value number)" "233"
http POST /decision/edit "csrf=$(urlencode "$CSRF")&$(form 234 2026-02-03 '12,34.5')"
check_eq "a malformed value is a 400" "$HTTP_STATUS" 400
check_contains "saying what a value looks like" "$HTTP_BODY" "Value: expected an amount in pounds such as £1,234.56, 1234.56 or 1234 (or nothing for no value), not &quot;12,34.5&quot;"
check_eq "keeping the value typed" "$(form_value value)" "12,34.5"
http POST /decision/edit "csrf=$(urlencode "$CSRF")&$(form 0 2026-02-03 '1.234')"
check_contains "every mistake is named at once: the number" "$HTTP_BODY" "Number: expected a whole number above 0"
check_contains "and the value" "$HTTP_BODY" "Value: expected an amount in pounds"
http POST /decision/edit "csrf=$(urlencode "$CSRF")&number=235&title=$(urlencode '<script>alert(1)</script>')&decided_on=$(urlencode '"><img src=x>')&decision=x&value=$(urlencode '<b>')&marking=$(urlencode '<i>')"
check_eq "hostile fields are refused" "$HTTP_STATUS" 400
check_not_contains "and never written back raw" "$HTTP_BODY" "<script>alert"
check_not_contains "in any field" "$HTTP_BODY" "<img src=x"
check_contains "a wrong marking is named" "$HTTP_BODY" "Protective marking: expected OFFICIAL or OFFICIAL-SENSITIVE, not &quot;&lt;i&gt;&quot;"
check_eq "no mistaken POST saved anything" "$(count)" "$before"
check_eq "nor wrote to the audit trail" "$(audits)" "$audit_before"

http POST /decision/edit "csrf=$(urlencode "$CSRF")&$(form 234 2026-02-03 '£1,234.56')"
check_eq "a good record saves and redirects" "$HTTP_STATUS" 303
check_eq "to its page" "$(header Location)" "/decision?n=234"
check_eq "stored as a draft with the value in pence" "$(sqlite3 "$DB" "SELECT status, value_pence, marking, decided_on FROM decision WHERE number=234")" "draft|123456|OFFICIAL|2026-02-03"
check_eq "the title as typed" "$(sqlite3 "$DB" "SELECT title FROM decision WHERE number=234")" "Fraud prevention & cyber awareness <campaign>"
check_eq "linked to the two objectives ticked" "$(sqlite3 "$DB" "SELECT count(*) FROM decision_objective d JOIN decision x ON x.id=d.decision_id WHERE x.number=234")" "2"
http GET "/decision?n=234"
check_eq "its page opens for the officer" "$HTTP_STATUS" 200
check_contains "the title escaped" "$HTTP_BODY" "Fraud prevention &amp; cyber awareness &lt;campaign&gt;"
check_contains "the value formatted" "$HTTP_BODY" "£1,234.56"
check_contains "an Edit link on the draft" "$HTTP_BODY" 'href="/decision/edit?n=234"'
check_not_contains "no Publish button without capability P" "$HTTP_BODY" 'action="/decision/publish"'
ID234=$(sqlite3 "$DB" "SELECT id FROM decision WHERE number=234")
check_contains "a link to its audit history (capability A)" "$HTTP_BODY" "/audit?table=decision&amp;id=$ID234"

for v in "1234.56:123456" "1234:123400" "£ 12,345:1234500" ":"; do
    http POST /decision/edit "csrf=$(urlencode "$CSRF")&id=$ID234&$(form 234 2026-02-03 "${v%%:*}")"
    check_eq "editing the draft with value '${v%%:*}' saves" "$HTTP_STATUS" 303
    check_eq "as ${v#*:} pence" "$(sqlite3 "$DB" "SELECT value_pence FROM decision WHERE number=234")" "${v#*:}"
done
http GET "/decision?n=234"
check_contains "no value reads none" "$HTTP_BODY" '<dd class="summary-list-value">none</dd>'
http POST /decision/edit "csrf=$(urlencode "$CSRF")&id=$ID234&$(form 234 2026-02-03 '250000')&objective="
check_eq "an empty objective value is refused" "$HTTP_STATUS" 400
check_contains "an empty objective is named" "$HTTP_BODY" "Objectives:"
http POST /decision/edit "csrf=$(urlencode "$CSRF")&id=$ID234&$(printf '%s' "$(form 234 2026-02-03 '250000')" | sed "s/&objective=$OBJ2//")"
check_eq "removing one objective saves" "$HTTP_STATUS" 303
check_eq "leaving one link" "$(sqlite3 "$DB" "SELECT count(*) FROM decision_objective WHERE decision_id=$ID234")" "1"

http GET "/decision/edit?n=221"
check_eq "a published record cannot be opened for editing" "$HTTP_STATUS" 409
check_contains "saying why" "$HTTP_BODY" "Decision record 221 is published and cannot be changed"
ID221=$(sqlite3 "$DB" "SELECT id FROM decision WHERE number=221")
snap=$(sqlite3 "$DB" "SELECT * FROM decision WHERE number=221")
http POST /decision/edit "csrf=$(urlencode "$CSRF")&id=$ID221&$(form 221 2024-11-12 '1')"
check_eq "nor changed by a POST" "$HTTP_STATUS" 409
check_contains "which says so on the form" "$HTTP_BODY" "Decision record 221 is published and cannot be changed"
check_eq "and it is unchanged" "$(sqlite3 "$DB" "SELECT * FROM decision WHERE number=221")" "$snap"

http POST /decision/publish "csrf=$(urlencode "$CSRF")&n=234"
check_eq "an officer (no capability P) cannot publish" "$HTTP_STATUS" 403

COOKIE=$(login_cookie viewer assure-demo-viewer)
http GET "/decision?n=234"
check_eq "the new draft is hidden from a viewer" "$HTTP_STATUS" 404

# --- the administrator publishes ---------------------------------------------------
COOKIE=$(login_cookie admin assure-demo-admin)
http GET "/decision?n=234"
check_contains "the publisher sees a Publish button" "$HTTP_BODY" 'action="/decision/publish"'
PCSRF=$(form_value csrf)
http GET "/decision/publish?n=234"
check_eq "publishing by GET is refused" "$HTTP_STATUS" 405
http POST /decision/publish "csrf=$(urlencode "$PCSRF")&n=234"
check_eq "publishing redirects" "$HTTP_STATUS" 303
check_eq "to the record" "$(header Location)" "/decision?n=234"
today=$(sqlite3 "$DB" "SELECT date('now', 'localtime')")
check_eq "the record is published today" "$(sqlite3 "$DB" "SELECT status, published_on FROM decision WHERE number=234")" "published|$today"
http POST /decision/publish "csrf=$(urlencode "$PCSRF")&n=234"
check_eq "publishing twice is refused" "$HTTP_STATUS" 409
snap=$(sqlite3 "$DB" "SELECT * FROM decision WHERE number=232")
http POST /decision/publish "csrf=$(urlencode "$PCSRF")&n=232"
check_eq "publishing an OFFICIAL-SENSITIVE record is refused" "$HTTP_STATUS" 409
check_contains "saying it can never be published" "$HTTP_BODY" "Decision record 232 is marked OFFICIAL-SENSITIVE and can never be published"
check_eq "and it stays a draft, unchanged" "$(sqlite3 "$DB" "SELECT * FROM decision WHERE number=232")" "$snap"
http GET "/decision?n=232"
check_not_contains "its page offers no Publish button" "$HTTP_BODY" 'action="/decision/publish"'
http POST /decision/publish "csrf=$(urlencode "$PCSRF")&n=999"
check_eq "publishing an unknown record is a 404" "$HTTP_STATUS" 404
http GET "/decision/edit?n=234"
check_eq "once published it cannot be edited" "$HTTP_STATUS" 409

COOKIE=$(login_cookie viewer assure-demo-viewer)
http GET "/decision?n=234"
check_eq "the published record is now public to a viewer" "$HTTP_STATUS" 200
http GET /decisions
check_contains "and in the viewer's register" "$HTTP_BODY" '<a href="/decision?n=234">'

# --- the audit trail ----------------------------------------------------------------
run "$ASSURE" audit log --db "$DB" --table decision --id "$ID234"
check_contains "the audit trail has the create by the officer" "$OUT" "$(printf '\tann\tinsert\tdecision\t%s\t' "$ID234")"
pub=$(printf '%s\n' "$OUT" | awk -F'\t' '$3 == "admin" && $4 == "update" && index($7, "\"status\":\"published\"")' | wc -l)
check_eq "and the publish by the administrator" "$pub" "1"
run "$ASSURE" audit verify --db "$DB"
check_eq "the audit chain is intact" "$STATUS" 0

run "$ASSURE" decision show --db "$DB" 234
check_contains "decision show prints the published record" "$OUT" "status:       published"
check_contains "with its value" "$OUT" "value:        £250,000.00"
finish
