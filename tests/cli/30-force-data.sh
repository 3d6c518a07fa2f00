#!/bin/sh
# 30-force-data.sh: the force's own extracts through `assure import`: crimes,
# incidents, victim contacts and calls load and re-import replaces; a bad
# field stops the import naming file, line and field and leaves the store as
# it was; personal data is refused; boundaries load from GeoJSON and
# replace; location pings become time by place worked out by hand below
# (intervals to the next ping, gaps over five minutes and off-duty time not
# counted, midnight splitting days), re-import replaces their days, and the
# visibility measures read them.
. "$(dirname "$0")/lib.sh"

run "$ASSURE" init --db "$DB"
[ "$STATUS" -eq 0 ] || not_ok "init" "$ERR"
q() { sqlite3 "$DB" "$1"; }

# --- crimes, victim contacts, incidents, calls ---------------------------------
cat >"$T/crimes.csv" <<'EOF'
reference,reported_at,recorded_at,allocated_at,offence_code,offence_group,domestic_abuse,knife,csae,hate,online,area,victim_id,suspect_known,outcome_type,outcome_at,supervision_reviews
C1,2025-11-03 09:00,2025-11-03 10:00,2025-11-03 12:00,8N,Violence against the person,Y,use,N,N,N,north,V001,Y,,,2025-11-10 09:00; 2025-11-20 09:00
C2,2025-11-04 09:00,2025-11-06 10:00,,28E,Burglary,N,,N,N,N,west,,N,1,2025-11-20 10:00,
EOF
run "$ASSURE" import --db "$DB" crimes "$T/crimes.csv"
check_eq "crimes import" "$STATUS" 0
check_contains "the summary counts them and names the new areas" "$OUT" "2 crimes (2 new, 0 replaced), recorded 2025-11 to 2025-11; new local policing areas: north, west"
check_eq "with their flags, knife and supervision reviews" "$(q "SELECT domestic_abuse, knife, victim, (SELECT count(*) FROM fx_crime_review r WHERE r.crime_id=c.id) FROM fx_crime c WHERE reference='C1'")" "1|use|V001|2"
check_eq "times are UK local, stored as UTC (November: GMT)" "$(q "SELECT datetime(recorded_at, 'unixepoch') FROM fx_crime WHERE reference='C1'")" "2025-11-03 10:00:00"

printf 'crime_reference,contacted_at,kind,template_used\nC1,2025-11-04 10:00,phone,Y\nC1,2025-11-12 10:00,email,N\n' >"$T/contacts.csv"
run "$ASSURE" import --db "$DB" victim-contacts "$T/contacts.csv"
check_eq "victim contacts import" "$STATUS" 0
sed 's/2025-11-06 10:00/2025-11-07 10:00/' "$T/crimes.csv" >"$T/crimes2.csv"
run "$ASSURE" import --db "$DB" crimes "$T/crimes2.csv"
check_contains "re-importing crimes replaces them by reference" "$OUT" "2 crimes (0 new, 2 replaced)"
check_eq "no crime doubled, the new time taken" "$(q "SELECT count(*), max(datetime(recorded_at, 'unixepoch')) FROM fx_crime")" "2|2025-11-07 10:00:00"
check_eq "a replaced crime keeps its victim contacts" "$(q "SELECT count(*) FROM fx_contact")" "2"

sed 's/2025-11-07 10:00/2025-11-07 1O:00/' "$T/crimes2.csv" >"$T/bad.csv"
printf 'C3,2025-11-08 09:00,2025-11-08 10:00,,8N,Violence against the person,N,,N,N,N,north,,N,,,\n' >>"$T/bad.csv"
run "$ASSURE" import --db "$DB" crimes "$T/bad.csv"
check_eq "a bad date-time fails the import" "$STATUS" 1
check_contains "naming the file, line and field, what was expected and found" "$ERR" 'bad.csv:3: field "recorded_at": expected a date-time like 2025-03-14 09:21'
check_contains "quoting what it found" "$ERR" 'found "2025-11-07 1O:00"'
check_eq "and nothing is written: the good rows before and after are not kept" "$(q "SELECT count(*) FROM fx_crime")" "2"

sed 's/,victim_id,/,victim_name,/' "$T/crimes.csv" >"$T/pii-column.csv"
run "$ASSURE" import --db "$DB" crimes "$T/pii-column.csv"
check_contains "a column of names is refused" "$ERR" 'pii-column.csv:1: column "victim_name" looks like personal data'
sed 's/V001/John Smith/' "$T/crimes.csv" >"$T/pii-name.csv"
run "$ASSURE" import --db "$DB" crimes "$T/pii-name.csv"
check_contains "a name given as the victim's id is refused" "$ERR" 'pii-name.csv:2: field "victim_id": expected a pseudonymous identifier'
sed 's/,Burglary,/,Burglary at NN1 1AA,/' "$T/crimes.csv" >"$T/pii-postcode.csv"
run "$ASSURE" import --db "$DB" crimes "$T/pii-postcode.csv"
check_contains "an address (a postcode) in a text field is refused" "$ERR" 'pii-postcode.csv:3: field "offence_group": expected no address'
printf 'crime_reference,contacted_at,kind,template_used\nC9,2025-11-04 10:00,phone,Y\n' >"$T/orphan.csv"
run "$ASSURE" import --db "$DB" victim-contacts "$T/orphan.csv"
check_contains "a victim contact for a crime not held is refused" "$ERR" 'orphan.csv:2: field "crime_reference": no crime with reference "C9" is held'

cat >"$T/incidents.csv" <<'EOF'
reference,created_at,arrived_at,grade,area_type,area
I1,2025-11-03 09:00,2025-11-03 09:08,1,urban,north
I2,2025-11-03 10:00,,2,rural,west
EOF
run "$ASSURE" import --db "$DB" incidents "$T/incidents.csv"
check_contains "incidents import" "$OUT" "2 incidents (2 new, 0 replaced)"
printf 'reference,created_at,arrived_at,grade,area_type,area\nI3,2025-11-03 09:00,2025-11-03 08:00,1,urban,north\n' >"$T/inc-bad.csv"
run "$ASSURE" import --db "$DB" incidents "$T/inc-bad.csv"
check_contains "an arrival before the incident is refused" "$ERR" 'inc-bad.csv:2: field "arrived_at": expected a time at or after created_at'
printf 'reference,created_at,arrived_at,grade,area_type,area\nI4,2025-11-03 09:00,,6,urban,north\n' >"$T/inc-grade.csv"
run "$ASSURE" import --db "$DB" incidents "$T/inc-grade.csv"
check_contains "a grade outside 1 to 5 is refused" "$ERR" 'inc-grade.csv:2: field "grade": expected a response grade from 1 to 5, found "6"'

printf 'line,offered_at,answered_at\n999,2025-11-03 09:00:00,2025-11-03 09:00:06\n101,2025-11-03 09:00:00,\n' >"$T/calls.csv"
run "$ASSURE" import --db "$DB" calls "$T/calls.csv"
run "$ASSURE" import --db "$DB" calls "$T/calls.csv"
check_contains "calls re-import replaces the months they cover" "$OUT" "(those months replaced)"
check_eq "so the calls are not doubled" "$(q "SELECT count(*) FROM fx_call")" "2"
check_eq "provenance: each import recorded with its file's SHA-256" "$(q "SELECT count(*) FROM import_file WHERE path LIKE '%calls.csv' AND length(sha256)=64")" "2"

# --- boundaries ------------------------------------------------------------------
# A station square, a priority square beside it, and two areas side by side.
square() { # KIND NAME LON0 LAT0 LON1 LAT1 [CODE]
    code=
    [ -n "${7:-}" ] && code=",\"code\":\"$7\""
    printf '{"type":"Feature","properties":{"kind":"%s","name":"%s"%s},"geometry":{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}' \
        "$1" "$2" "$code" "$3" "$4" "$5" "$4" "$5" "$6" "$3" "$6" "$3" "$4"
}
{
    printf '{"type":"FeatureCollection","features":['
    square station "Central Police Station" -0.91 52.24 -0.90 52.25
    printf ','
    square priority "Town centre" -0.89 52.24 -0.88 52.25
    printf ','
    square area "North" -1.0 52.2 -0.8 52.3 north
    printf ','
    square area "West" -1.2 52.2 -1.0 52.3 west
    printf ']}\n'
} >"$T/boundaries.geojson"
run "$ASSURE" import --db "$DB" boundaries "$T/boundaries.geojson"
check_eq "boundaries import" "$STATUS" 0
check_contains "the summary counts each kind" "$OUT" "1 police stations, 1 priority locations, 2 local policing areas"
check_eq "areas are tied to their local policing area by code" "$(q "SELECT l.code FROM fx_boundary b JOIN lpa l ON l.id=b.lpa_id WHERE b.name='West'")" "west"
sed 's/"kind":"priority"/"kind":"depot"/' "$T/boundaries.geojson" >"$T/depot.geojson"
run "$ASSURE" import --db "$DB" boundaries "$T/depot.geojson"
check_contains "an unknown kind is refused, naming the feature" "$ERR" 'depot.geojson: feature 2: property "kind": expected station, priority or area, found "depot"'
printf '{"type":"FeatureCollection","features":[' >"$T/broken.geojson"
run "$ASSURE" import --db "$DB" boundaries "$T/broken.geojson"
check_contains "broken JSON is refused with its line and column" "$ERR" "broken.geojson: line 1, column"
check_eq "and the boundaries held are untouched" "$(q "SELECT count(*) FROM fx_boundary")" "4"

# --- location pings --------------------------------------------------------------
# Worked by hand (each ping's interval runs to the officer's next ping and
# is counted where the ping was, on the ping's UK day, when the ping is on
# duty and the next comes within 300 s):
#   N1 (neighbourhood) on 10 November
#     09:00:00 station -> 30 s station      09:00:30 station -> 30 s station
#     09:01:00 priority -> 120 s priority   09:03:00 out -> 420 s gap: none
#     09:10:00 out -> 30 s out              09:10:30 (off duty) -> none
#     09:11:00 West, last ping: none
#   P2 (pcso): 23:59:30 out -> 30 s out on the 10th; 00:00:00 on the 11th
#     station -> 30 s station on the 11th; 00:00:30 last
#   R3 (response): 10:00:00 station -> 300 s (exactly five minutes: counted);
#     10:05:00 station -> 30 s; 10:05:30 last
# Neighbourhood and PCSO time in November: 60 + 120 + 30 + 30 + 30 = 270 s,
# out of a station 120 + 30 + 30 = 180 s (66.7%), in a priority location
# 120 s (44.4%).
cat >"$T/pings.csv" <<'EOF'
officer,team,at,latitude,longitude,on_duty
N1,neighbourhood,2025-11-10 09:00:00,52.245,-0.905,Y
R3,response,2025-11-10 10:00:00,52.245,-0.905,Y
N1,neighbourhood,2025-11-10 09:00:30,52.245,-0.905,Y
N1,neighbourhood,2025-11-10 09:01:00,52.245,-0.885,Y
N1,neighbourhood,2025-11-10 09:03:00,52.26,-0.95,Y
N1,neighbourhood,2025-11-10 09:10:00,52.26,-0.95,Y
N1,neighbourhood,2025-11-10 09:10:30,52.25,-1.1,N
N1,neighbourhood,2025-11-10 09:11:00,52.25,-1.1,Y
R3,response,2025-11-10 10:05:00,52.245,-0.905,Y
R3,response,2025-11-10 10:05:30,52.26,-0.95,Y
P2,pcso,2025-11-10 23:59:30,52.26,-0.95,Y
P2,pcso,2025-11-11 00:00:00,52.245,-0.905,Y
P2,pcso,2025-11-11 00:00:30,52.245,-0.905,Y
EOF
presence() {
    q "SELECT p.day, p.team, l.code, p.in_station, p.in_priority, p.seconds, p.pings FROM fx_presence p JOIN lpa l ON l.id=p.lpa_id ORDER BY 1, 2, 4, 5" | tr '\n' ' '
}
WANT="20251110|neighbourhood|north|0|0|30|1 20251110|neighbourhood|north|0|1|120|1 20251110|neighbourhood|north|1|0|60|2 20251110|pcso|north|0|0|30|1 20251110|response|north|1|0|330|2 20251111|pcso|north|1|0|30|1 "
run "$ASSURE" import --db "$DB" pings "$T/pings.csv"
check_eq "pings import" "$STATUS" 0
check_contains "the summary counts pings and officers and names the days replaced" "$OUT" "13 pings of 3 officers, 2025-11-10 to 2025-11-11 (those days replaced)"
check_eq "time by day, team, area and place as worked out by hand" "$(presence)" "$WANT"
run "$ASSURE" import --db "$DB" pings "$T/pings.csv"
check_eq "re-importing the same pings replaces their days: nothing doubled" "$(presence)" "$WANT"

run "$ASSURE" forces --db "$DB" office Northamptonshire
run "$ASSURE" measures --db "$DB" --measure visibility.out-of-station --period 2025-11 --window month --format csv
check_contains "out of station: 180 of 270 s of neighbourhood and PCSO time" "$OUT" "visibility.out-of-station,month,Northamptonshire,,2025-11,2025-11,percent,66.667,"
run "$ASSURE" measures --db "$DB" --measure visibility.priority-locations --period 2025-11 --window month --format csv
check_contains "in priority locations: 120 of 270 s" "$OUT" "visibility.priority-locations,month,Northamptonshire,,2025-11,2025-11,percent,44.444,"

# a later extract of the 11th alone replaces that day and leaves the 10th
printf 'officer,team,at,latitude,longitude,on_duty\nP2,pcso,2025-11-11 08:00:00,52.26,-0.95,Y\nP2,pcso,2025-11-11 08:01:00,52.26,-0.95,Y\n' >"$T/day11.csv"
run "$ASSURE" import --db "$DB" pings "$T/day11.csv"
check_eq "importing one day replaces that day only" "$(q "SELECT day, in_station, seconds FROM fx_presence WHERE team='pcso' ORDER BY day" | tr '\n' ' ')" "20251110|0|30 20251111|0|60 "

# mistakes: each names the file, line and field; nothing changes
before=$(presence)
sed '4s/09:00:30/08:59:00/' "$T/pings.csv" >"$T/order.csv"
run "$ASSURE" import --db "$DB" pings "$T/order.csv"
check_contains "a ping before the officer's previous one is refused, naming both lines" "$ERR" "order.csv:4: field \"at\": officer N1's pings must come in time order, but this one is before theirs at line 2"
sed '3s/52.245/95.1/' "$T/pings.csv" >"$T/lat.csv"
run "$ASSURE" import --db "$DB" pings "$T/lat.csv"
check_contains "a latitude out of range is refused" "$ERR" 'lat.csv:3: field "latitude": expected decimal degrees from -90 to 90'
sed '3s/response/traffic/' "$T/pings.csv" >"$T/team.csv"
run "$ASSURE" import --db "$DB" pings "$T/team.csv"
check_contains "an unknown team is refused" "$ERR" 'team.csv:3: field "team": expected neighbourhood, response or pcso, found "traffic"'
sed '2s/^N1,/Jane Smith,/' "$T/pings.csv" >"$T/name.csv"
run "$ASSURE" import --db "$DB" pings "$T/name.csv"
check_contains "an officer's name is refused" "$ERR" 'name.csv:2: field "officer": expected a pseudonymous officer identifier'
check_eq "after every refusal the time held is as it was" "$(presence)" "$before"

run "$ASSURE" init --db "$T/empty.db"
run "$ASSURE" import --db "$T/empty.db" pings "$T/pings.csv"
check_contains "pings with no boundaries held are refused, saying what to import" "$ERR" "no boundaries are held: import the police stations, priority locations and areas first"

# a new boundary file replaces every boundary
{
    printf '{"type":"FeatureCollection","features":['
    square station "New Station" -0.95 52.26 -0.94 52.27
    printf ']}\n'
} >"$T/one.geojson"
run "$ASSURE" import --db "$DB" boundaries "$T/one.geojson"
check_eq "a new boundary file replaces every boundary held" "$(q "SELECT group_concat(name) FROM fx_boundary")" "New Station"

# the generators: the demo county's boundaries and a month of pings load
run "$ASSURE" gen boundaries -o "$T/county.geojson"
run "$ASSURE" import --db "$T/empty.db" boundaries "$T/county.geojson"
check_contains "the demo county's boundaries load" "$OUT" "12 police stations, 86 priority locations, 2 local policing areas"
run "$ASSURE" gen pings --rows 20000 -o "$T/gen.csv"
run "$ASSURE" import --db "$T/empty.db" pings "$T/gen.csv"
check_contains "generated pings load against them" "$OUT" "20,000 pings of"
check_eq "and give time in stations, priority locations and both areas" \
    "$(sqlite3 "$T/empty.db" "SELECT sum(in_station) > 0, sum(in_priority) > 0, count(DISTINCT lpa_id) FROM fx_presence")" "1|1|2"

finish
