#!/bin/sh
# 10-cli.sh: the command line as an analyst uses it: help, errors, init,
# the demo office, measures as JSON and CSV, the forces reference, the peer
# group, the performance pack, and the synthetic data generator.
. "$(dirname "$0")/lib.sh"

# --- help and errors -------------------------------------------------------
run "$ASSURE" help
if [ "$STATUS" -eq 0 ]; then ok "assure help exits 0"; else not_ok "assure help exits 0" "status $STATUS" "$ERR"; fi
missing=
for c in init import measures pack ui serve user forces peers; do
    case $OUT in *"assure $c"*) ;; *) missing="$missing $c" ;; esac
done
check_eq "assure help lists every command" "$missing" ""
check_not_contains "assure help hides the tooling commands" "$OUT" "assure test-http"

run "$ASSURE" --version
check_contains "assure --version prints the version" "$OUT" "assure "

run "$ASSURE" frobnicate
check_eq "an unknown command exits with status 2" "$STATUS" 2
check_contains "an unknown command is named in the message" "$ERR" "unknown command 'frobnicate'"

run "$ASSURE" p
check_eq "an ambiguous prefix exits with status 2" "$STATUS" 2
check_contains "an ambiguous prefix says so" "$ERR" "ambiguous"

run "$ASSURE" init --bogus --db "$T/bogus.db"
check_eq "an unknown option exits with status 1" "$STATUS" 1
check_contains "an unknown option is named in the message" "$ERR" "--bogus"
if [ -e "$T/bogus.db" ]; then not_ok "an unknown option creates nothing"; else ok "an unknown option creates nothing"; fi

run "$ASSURE" init --port 8080 --db "$T/bogus.db"
check_eq "an option of another command exits with status 1" "$STATUS" 1
check_contains "an option another command takes is still rejected here" "$ERR" "--port"

run "$ASSURE" serve --port eighty
check_eq "a non-numeric --port exits with status 1" "$STATUS" 1
check_contains "a non-numeric --port is rejected" "$ERR" "whole number"

run "$ASSURE" init --db
check_contains "an option missing its value is reported" "$ERR" "needs a value"

run "$ASSURE" init --help
check_contains "assure init --help shows its usage" "$OUT" "Usage: assure init"

# --- init ------------------------------------------------------------------
check "assure init --db creates a database" "$ASSURE" init --db "$T/empty.db"
run sqlite3 "$T/empty.db" "PRAGMA user_version"
if [ "$STATUS" -eq 0 ] && [ "${OUT:-0}" -gt 0 ]; then ok "the new database is SQLite at a schema version above 0"; else not_ok "the new database is SQLite at a schema version above 0" "$OUT" "$ERR"; fi
check "assure init on an existing database leaves it usable" "$ASSURE" init --db "$T/empty.db"

run "$ASSURE" init --db "$T/force.db" --force "Nowhere Constabulary"
check_eq "init --force with an unknown force fails" "$STATUS" 1
check_contains "init --force names the unknown force" "$ERR" "Nowhere Constabulary"

check "assure init --demo creates the demo office" "$ASSURE" init --demo --db "$DB"
run "$ASSURE" init --demo --db "$DB"
check_eq "init --demo refuses to overwrite an existing database" "$STATUS" 1

# --- measures --------------------------------------------------------------
run "$ASSURE" measures --db "$DB" --format json
printf '%s' "$OUT" >"$T/measures.json"
if [ "$STATUS" -eq 0 ]; then ok "measures --format json exits 0"; else not_ok "measures --format json exits 0" "$ERR"; fi
pycheck "measures --format json is a non-empty array of objects with measure, force, period, value" '
import json, sys
data = json.load(open(sys.argv[1]))
assert isinstance(data, list) and data, "not a non-empty array"
for o in data:
    missing = {"measure", "force", "period", "value"} - set(o)
    assert not missing, "object without %s: %r" % (missing, o)
    assert o["value"] is None or isinstance(o["value"], (int, float)), "value not a number: %r" % (o,)
' "$T/measures.json"

run "$ASSURE" measures --db "$DB" --format csv
csv_out=$OUT
head=$(printf '%s\n' "$csv_out" | head -n 1)
pycheck "measures --format csv starts with a header naming measure, force, period and value" '
import csv, sys
h = next(csv.reader([sys.argv[1]]))
missing = {"measure", "force", "period", "value"} - set(x.strip().lower() for x in h)
assert not missing, "header %r lacks %s" % (h, missing)
' "$head"
rows=$(printf '%s\n' "$csv_out" | sed 1d | grep -c .)
if [ "$rows" -gt 0 ]; then ok "measures --format csv has data rows"; else not_ok "measures --format csv has data rows" "$csv_out"; fi

run "$ASSURE" measures --db "$DB" --force all --format json
printf '%s' "$OUT" >"$T/all.json"
pycheck "measures --force all covers more than one force" '
import json, sys
forces = {o["force"] for o in json.load(open(sys.argv[1]))}
assert len(forces) > 1, "forces: %r" % forces
' "$T/all.json"

run "$ASSURE" measures --db "$DB" --format xml
check_eq "measures rejects an unknown --format (exit status 1)" "$STATUS" 1
check_contains "measures names the unknown format" "$ERR" "xml"

# --- forces and peers ------------------------------------------------------
run "$ASSURE" forces --db "$DB"
n=$(printf '%s\n' "$OUT" | grep -c territorial)
check_eq "assure forces lists the 43 territorial forces" "$n" 43
check_contains "assure forces includes Northamptonshire" "$OUT" "Northamptonshire"

# names of the territorial forces, one per line, for the peer tests
run "$ASSURE" forces --db "$DB" --format json
printf '%s' "$OUT" >"$T/forces.json"
python3 -c '
import json, sys
for f in json.load(open(sys.argv[1])):
    if f.get("kind") == "territorial" or f.get("territorial") is True:
        print(f["name"])
' "$T/forces.json" >"$T/territorial.txt" 2>"$T/forces.err"
check_eq "assure forces --format json lists 43 territorial forces" "$(grep -c . "$T/territorial.txt")" 43

run "$ASSURE" peers --db "$DB"
peers_out=$OUT
if [ "$STATUS" -eq 0 ]; then ok "assure peers exits 0 on the demo"; else not_ok "assure peers exits 0 on the demo" "$ERR"; fi
named=$(while IFS= read -r f; do case $peers_out in *"$f"*) echo "$f" ;; esac; done <"$T/territorial.txt" | grep -c .)
check_eq "assure peers shows the demo force and its Most Similar Group (8 forces in all)" "$named" 8

check "assure peers sets a force's peer group" "$ASSURE" peers --db "$DB" --force Kent Essex Sussex
run "$ASSURE" peers --db "$DB" --force Kent
check_contains "the peer group set is shown back (Essex)" "$OUT" "Essex"
check_contains "the peer group set is shown back (Sussex)" "$OUT" "Sussex"
run "$ASSURE" peers --db "$DB" --force Kent Kent
check_eq "a force cannot be its own peer (exit status 1)" "$STATUS" 1
run "$ASSURE" peers --db "$DB" --force Kent Essex Sussex Surrey Hampshire Norfolk Suffolk Dorset Hertfordshire
check_eq "more than 7 peers are refused (exit status 1)" "$STATUS" 1
run "$ASSURE" peers --db "$DB" --force Kent
check_contains "a refused change leaves the peer group as it was" "$OUT" "Essex"
check_not_contains "a refused change adds no peer" "$OUT" "Hertfordshire"

# --- the performance pack --------------------------------------------------
check "assure pack writes the pack" "$ASSURE" pack --db "$DB" -o "$T/pack.html"
if [ -s "$T/pack.html" ]; then
    pack=$(cat "$T/pack.html")
    check_contains "the pack has inline SVG charts" "$pack" "<svg"
    check_contains "the pack carries the Open Government Licence attribution" "$pack" "Open Government Licence"
    ext=$(grep -o -E 'https?://[^"'"'"' <>)]+' "$T/pack.html" | grep -v -E '^http://www\.w3\.org/2000/svg$|open-government-licence' | sort -u)
    check_eq "the pack is self-contained (no http(s) references but the licence)" "$ext" ""
    check_not_contains "the pack loads no script" "$pack" "<script"
else
    not_ok "the pack has inline SVG charts" "no $T/pack.html"
    not_ok "the pack carries the Open Government Licence attribution" "no pack"
    not_ok "the pack is self-contained (no http(s) references but the licence)" "no pack"
    not_ok "the pack loads no script" "no pack"
fi

# --- gen: the synthetic street CSV -----------------------------------------
run "$ASSURE" gen street --rows 2000 --seed 42 -o "$T/street.csv"
if [ "$STATUS" -eq 0 ]; then ok "gen street writes a file"; else not_ok "gen street writes a file" "$ERR"; fi
check_eq "gen street writes the exact data.police.uk header" "$(head -n 1 "$T/street.csv" 2>&1)" \
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"
check_eq "gen street writes one line per row after the header" "$(cat "$T/street.csv" 2>/dev/null | wc -l | tr -d ' ')" 2001
pycheck "gen street rows are 12-field CSV records like the real files" '
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 2000, len(rows)
for r in rows:
    assert None not in r and len(r) == 12, r
    assert re.fullmatch(r"20(23|24|25)-(0[1-9]|1[0-2])", r["Month"]), r["Month"]
    asb = r["Crime type"] == "Anti-social behaviour"
    assert (r["Crime ID"] == "") == asb, r
    assert asb or re.fullmatch(r"[0-9a-f]{64}", r["Crime ID"]), r["Crime ID"]
    if r["Location"] == "No Location":
        assert r["Longitude"] == r["Latitude"] == r["LSOA code"] == "", r
    else:
        assert re.fullmatch(r"-?\d+\.\d{6}", r["Longitude"]) and -9 < float(r["Longitude"]) < 2, r
        assert 49.8 < float(r["Latitude"]) < 61, r
        assert r["Location"].startswith("On or near "), r
    assert r["Context"] == "", r
types = {r["Crime type"] for r in rows}
assert len(types) >= 10, types
assert sum(r["Crime type"] == "Anti-social behaviour" for r in rows) in range(200, 440)
assert len({r["Month"] for r in rows}) == 36
' "$T/street.csv"
check "gen street quotes names holding a comma (Bournemouth, Christchurch and Poole)" \
    grep -q '"Bournemouth, Christchurch and Poole [0-9][0-9][0-9][A-Z]"' "$T/street.csv"
"$ASSURE" gen street --rows 2000 --seed 42 -o "$T/again.csv" 2>/dev/null
check "gen street is deterministic for a seed" cmp -s "$T/street.csv" "$T/again.csv"
"$ASSURE" gen street --rows 2000 --seed 43 -o "$T/other.csv" 2>/dev/null
if [ -s "$T/street.csv" ] && [ -s "$T/other.csv" ] && ! cmp -s "$T/street.csv" "$T/other.csv"; then ok "another seed gives other rows"; else not_ok "another seed gives other rows"; fi
run "$ASSURE" gen street --seed 1 -o "$T/x.csv"
check_contains "gen without --rows says --rows is required" "$ERR" "--rows"
run "$ASSURE" gen outcomes --rows 5 -o "$T/x.csv"
check_contains "gen of an unknown kind names it" "$ERR" "outcomes"
run "$ASSURE" gen street --rows 5
check_contains "gen without -o says so" "$ERR" "-o FILE"

"$ASSURE" init --db "$T/gen.db" >/dev/null 2>&1
check "assure import accepts the generated street file" "$ASSURE" import --quiet --db "$T/gen.db" police-uk "$T/street.csv"

finish
