#!/bin/sh
# 25-measures.sh: measure definitions as data, through the binary and the
# pages: the shipped definitions are in the store, `assure measure` lists,
# shows, checks, saves (a new version each time, with its history), refuses
# a wrong definition naming the mistake and leaving the store unchanged, and
# retires; the editor page saves for a user with the capability, shows the
# mistake for a wrong definition, and refuses a viewer; `assure measures`
# computes a new definition at once.
. "$(dirname "$0")/lib.sh"

run "$ASSURE" init --demo --db "$DB"
[ "$STATUS" -eq 0 ] || not_ok "init --demo" "$ERR"

# --- the shipped definitions --------------------------------------------------
run "$ASSURE" measure list --db "$DB"
check_contains "measure list shows a shipped force measure" "$OUT" "response.g1-urban"
check_contains "measure list shows a police.uk measure" "$OUT" "puk.all-crime"
n=$(printf '%s\n' "$OUT" | sed 1d | grep -c .)
if [ "$n" -ge 55 ]; then ok "every shipped definition is in the store ($n)"; else not_ok "every shipped definition is in the store" "$n"; fi
run "$ASSURE" measure show --db "$DB" response.g1-urban
check_contains "measure show prints the definition" "$OUT" "median(arrived_at - created_at)"
check_contains "with its target" "$OUT" "<= 00:10:00 from 2019-04-01"
run "$ASSURE" measure show --db "$DB" no.such
check_eq "show of an unknown measure fails" "$STATUS" 1
check_contains "and says so" "$ERR" "no.such"

# --- checking and saving --------------------------------------------------------
cat >"$T/good.txt" <<'DEF'
key:        crime.violence-with-injury
title:      Violence with injury
definition: Crimes of violence with injury (Home Office offence code 8N)
            recorded in the period.
better:     lower
owner:      Head of Crime
fact:       crimes
measure:    count
where:      offence_code = '8N'
counted:    recorded_at
DEF
run "$ASSURE" measure check --db "$DB" "$T/good.txt"
check_eq "a good definition checks" "$STATUS" 0
check_contains "check prints the canonical form, the continued line joined" "$OUT" "definition: Crimes of violence with injury (Home Office offence code 8N) recorded in the period."

before=$(sqlite3 "$DB" 'SELECT count(*) FROM measure_version')
sed 's/offence_code = /offence_cod = /' "$T/good.txt" >"$T/typo.txt"
run "$ASSURE" measure set --db "$DB" "$T/typo.txt"
check_eq "a definition with a typo is refused (status 1)" "$STATUS" 1
check_contains "the error names the line, the field and the mistake" "$ERR" 'line 9: where: at character 1: unknown field "offence_cod"'
check_contains "and lists the fields" "$ERR" "crimes has: reported_at, recorded_at"
check_eq "nothing was saved" "$(sqlite3 "$DB" 'SELECT count(*) FROM measure_version')" "$before"

printf 'key: x.y\ntitle: T\ndefinition: D\nbetter: lower\ntarget: >= 5 from 2024-04-01\nfact: crimes\nmeasure: count\n' >"$T/dir.txt"
run "$ASSURE" measure check --db "$DB" "$T/dir.txt"
check_contains "a target against the direction is named" "$ERR" 'target: ">=" says higher is better, but better: is lower'
printf 'key: x.y\ntitle: T\ndefinition: D\nbetter: lower\nfact: incidents\nmeasure: median(arrived_at - created_at)\nwhere: arrived_at - created_at < 10\n' >"$T/unit.txt"
run "$ASSURE" measure check --db "$DB" "$T/unit.txt"
check_contains "a duration compared with a bare number asks for a unit" "$ERR" "write a duration with its unit"
printf 'key: x.y\ntitle: T\ndefinition: D\nbetter: lower\nfact: crimes\nmeasure: share(last_update_before(period_end) > period_end - 7d)\n' >"$T/pe.txt"
run "$ASSURE" measure check --db "$DB" "$T/pe.txt"
check_contains "period_end outside a live measure is explained" "$ERR" "period_end is only known for a measure counted at a period's end"

run "$ASSURE" measure set --db "$DB" --note "asked for by the Commissioner" "$T/good.txt"
check_eq "the good definition is saved" "$STATUS" 0
check_contains "as a new version" "$OUT" "saved crime.violence-with-injury"
run "$ASSURE" measure set --db "$DB" "$T/good.txt"
check_contains "saving it again changes nothing" "$OUT" "unchanged"
sed 's/Head of Crime/Assistant Chief Constable/' "$T/good.txt" >"$T/good2.txt"
run "$ASSURE" measure set --db "$DB" "$T/good2.txt"
run "$ASSURE" measure history --db "$DB" crime.violence-with-injury
check_contains "history shows version 2" "$OUT" "# version 2"
check_contains "and version 1 with its note" "$OUT" "asked for by the Commissioner"
check_contains "and the old owner" "$OUT" "owner:      Head of Crime"

# the new measure is computed at once, from the demo force's crimes
want=$(sqlite3 "$DB" "SELECT count(*) FROM fx_crime WHERE offence_code='8N' AND strftime('%Y-%m', recorded_at, 'unixepoch', 'localtime') IS NOT NULL AND recorded_at >= CAST(strftime('%s','2025-01-01 00:00:00') AS INTEGER) AND recorded_at < CAST(strftime('%s','2026-01-01 00:00:00') AS INTEGER)")
run "$ASSURE" measures --db "$DB" --measure crime.violence-with-injury --window 12m --period 2025-12 --format csv
got=$(printf '%s\n' "$OUT" | awk -F, '$4 == "" { print $8 }')
if [ "$(sqlite3 "$DB" 'SELECT count(*) FROM fx_crime')" -eq 0 ]; then
    skip "the new measure counts the demo force's crimes" "the demo holds no force data"
else
    check_eq "the new measure's 12 months to Dec 2025 match a count in SQL (UTC year bounds, GMT in winter)" "$got" "$want"
fi

run "$ASSURE" measure retire --db "$DB" crime.violence-with-injury
check_eq "retire succeeds" "$STATUS" 0
run "$ASSURE" measure list --db "$DB"
check_not_contains "a retired measure is no longer listed" "$OUT" "crime.violence-with-injury"
run "$ASSURE" measure history --db "$DB" crime.violence-with-injury
check_contains "its history is kept" "$OUT" "retired"

# --- the editor page ------------------------------------------------------------------
printf 'password4567\n' | "$ASSURE" user add --db "$DB" reader --role viewer >/dev/null
COOKIE=$(login_cookie admin assure-demo-admin)
[ -n "$COOKIE" ] || not_ok "admin signs in" "$HTTP_BODY"
http GET "/measure/edit?key=response.g2"
check_eq "the editor opens for an administrator" "$HTTP_STATUS" 200
check_contains "with the definition in the text area" "$HTTP_BODY" "median(arrived_at - created_at)"
check_contains "and the fields of each fact" "$HTTP_BODY" "first_update_after()"
CSRF=$(form_value csrf)
spec=$(sed 's/crime.violence-with-injury/crime.vwi-web/' "$T/good.txt")
http POST /measure/edit "csrf=$(urlencode "$CSRF")&spec=$(urlencode "$spec")&note=web"
check_eq "a good definition saves and redirects" "$HTTP_STATUS" 303
check_eq "to the measure's page" "$(header Location)" "/measure?key=crime.vwi-web"
check_eq "the store has it, saved by the user" "$(sqlite3 "$DB" "SELECT created_by FROM measure_version v JOIN measure m ON m.id=v.measure_id WHERE m.key='crime.vwi-web'")" "admin"
before=$(sqlite3 "$DB" 'SELECT count(*) FROM measure_version')
bad=$(printf '%s\n' "$spec" | sed 's/^measure:    count/measure:    average(x)/')
http POST /measure/edit "csrf=$(urlencode "$CSRF")&spec=$(urlencode "$bad")"
check_eq "a wrong definition is a 400" "$HTTP_STATUS" 400
check_contains "the page names the mistake" "$HTTP_BODY" "expected count, sum(...), share(...)"
check_contains "and keeps what was typed" "$HTTP_BODY" "average(x)"
check_eq "nothing was saved from the web" "$(sqlite3 "$DB" 'SELECT count(*) FROM measure_version')" "$before"
http POST /measure/edit "spec=$(urlencode "$spec")"
check_eq "a POST without the CSRF token is refused" "$HTTP_STATUS" 403
http GET "/measure?key=crime.vwi-web"
check_eq "the new measure has a page" "$HTTP_STATUS" 200
check_contains "showing its definition" "$HTTP_BODY" "offence_code = &#39;8N&#39;"

COOKIE=$(login_cookie reader password4567)
http GET "/measure/edit?key=response.g2"
check_eq "a viewer cannot open the editor" "$HTTP_STATUS" 403
http GET "/measure?key=response.g2"
check_eq "but can read the measure" "$HTTP_STATUS" 200
check_not_contains "without the edit button" "$HTTP_BODY" "Edit the definition"
finish
