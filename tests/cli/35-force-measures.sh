#!/bin/sh
# 35-force-measures.sh: every shipped measure of the force's own data
# (crimes, incidents, calls, victim updates; not visibility) computed on a
# small hand-made fixture whose answers are worked out by hand below, beside
# each expectation. November 2025 is the month under test (GMT, so UK local
# time = UTC); rows in October and December 2025 (and November 2024) prove
# the month and window edges.
#
# Values are read from `assure measures --format csv` (raw: counts as whole
# numbers, percentages to 3 decimals, durations in seconds) and compared
# exactly together with the period they belong to, so that a month with no
# value (the tool then falls back to an earlier month) cannot pass.
. "$(dirname "$0")/lib.sh"

run "$ASSURE" init --db "$DB"
[ "$STATUS" -eq 0 ] || not_ok "init" "$ERR"
run "$ASSURE" forces --db "$DB" office Northamptonshire
[ "$STATUS" -eq 0 ] || not_ok "set the office's force" "$ERR"

# --- the fixture ------------------------------------------------------------------
# Month end of November 2025: PE = 2025-12-01 00:00 (GMT).
#   PE - 28d = 2025-11-03 00:00      PE - 7d = 2025-11-24 00:00
# Crime references say what each row is for:
#   F  recorded in November, for the counts, flags and 24-hour recording
#   X  on the month's edges (October 31 23:59, December 1 00:00): excluded;
#      X03 at 00:30 on October 1st, BST (= 23:30 UTC on September 30th);
#      X04 in September, live at September's end (00:00 BST on October 1st)
#   P, L  the history (and future) of repeat victims; D  domestic abuse in November
#   O  outcomes in November of crimes recorded in October
#   S  supervision reviews (no victim)   V  victim updates   A  allocation in November
cat >"$T/crimes.csv" <<'CSV'
reference,reported_at,recorded_at,allocated_at,offence_code,offence_group,domestic_abuse,knife,csae,hate,online,area,victim_id,suspect_known,outcome_type,outcome_at,supervision_reviews
F01,2025-10-31 23:00,2025-11-01 00:00,,28E,Theft offences,N,,N,N,N,north,V0101,Y,,,
F02,2025-11-02 09:00,2025-11-03 09:00,,28H,Theft offences,N,,N,N,N,north,V0102,N,,,
F03,2025-11-04 09:00,2025-11-05 09:01,,30C,Theft offences,N,,N,N,N,west,V0103,Y,,,
F04,2025-11-06 10:00,2025-11-06 12:00,,10A,Possession of weapons offences,N,possession,N,N,N,west,,Y,1,2025-11-20 10:00,
F05,2025-11-07 10:00,2025-11-07 11:00,,8N,Violence against the person,N,use,N,N,N,north,V0104,Y,,,
F06,2025-11-08 10:00,2025-11-08 10:30,,8N,Violence against the person,N,use,N,N,N,west,V0105,N,,,
F07,2025-11-09 10:00,2025-11-09 10:30,,34B,Robbery,N,threat,N,N,N,north,V0106,N,,,
F08,2025-11-10 08:00,2025-11-10 09:00,,19C,Sexual offences,N,,Y,N,N,west,V0107,N,,,
F09,2025-11-11 08:00,2025-11-11 09:00,,22B,Sexual offences,N,,N,N,N,north,V0108,N,,,
F10,2025-11-12 08:00,2025-11-12 09:00,,8N,Violence against the person,N,,Y,N,N,west,V0109,N,,,
F11,2025-11-30 23:00,2025-11-30 23:59:59,,28F,Theft offences,N,,N,N,N,west,V0101,N,,,
X01,2025-10-31 23:00,2025-10-31 23:59,,28G,Sexual offences,Y,possession,Y,N,N,north,V0901,Y,1,2025-10-31 23:59:59,
X02,2025-12-01 00:00,2025-12-01 00:00,,28G,Sexual offences,Y,possession,Y,N,N,west,V0902,Y,1,2025-12-01 00:00,
X03,2025-10-01 00:00,2025-10-01 00:30,,8N,Violence against the person,N,,N,N,N,north,,Y,14,2025-10-02 10:00,
X04,2025-09-15 10:00,2025-09-15 10:00,,8N,Violence against the person,N,,N,N,N,west,,N,14,2025-10-05 10:00,
P01,2024-11-10 10:00,2024-11-10 10:00,,8N,Violence against the person,Y,,N,N,N,north,V0001,N,14,2024-12-01 10:00,
P02,2024-11-10 09:59,2024-11-10 09:59,,8N,Violence against the person,Y,,N,N,N,west,V0002,N,14,2024-12-01 10:00,
P03,2025-10-15 12:00,2025-10-15 12:00,,8N,Violence against the person,N,,N,N,N,north,V0003,N,14,2025-10-20 12:00,
P06,2025-10-20 12:00,2025-10-20 12:00,,8N,Violence against the person,Y,,N,N,N,west,V0006,N,14,2025-10-25 12:00,
L05,2025-12-10 10:00,2025-12-10 10:00,,8N,Violence against the person,Y,,N,N,N,north,V0005,N,,,
D01,2025-11-10 10:00,2025-11-10 10:00,,8N,Violence against the person,Y,,N,N,N,north,V0001,N,,,
D02,2025-11-10 10:00,2025-11-10 10:00,,8N,Violence against the person,Y,threat,N,N,N,west,V0002,N,,,
D03,2025-11-12 10:00,2025-11-12 10:00,,8N,Violence against the person,Y,,N,N,N,north,V0003,N,,,
D04,2025-11-10 10:00,2025-11-13 10:00,,8N,Violence against the person,Y,,N,N,N,west,V0004,N,,,
D05,2025-11-20 10:00,2025-11-20 10:00,,8N,Violence against the person,Y,use,N,N,N,north,V0004,N,,,
D06,2025-11-21 10:00,2025-11-21 10:00,,19C,Sexual offences,Y,,N,N,N,west,,N,,,
D07,2025-11-22 10:00,2025-11-22 10:00,,8N,Violence against the person,Y,,N,N,N,north,V0005,N,,,
D08,2025-11-23 10:00,2025-11-23 10:00,,8N,Violence against the person,N,,N,N,N,west,V0001,N,,,
D09,2025-11-24 10:00,2025-11-24 10:00,,8N,Violence against the person,Y,,N,N,N,north,V0006,N,,,
O1,2025-10-10 10:00,2025-10-10 10:00,,8N,Violence against the person,N,,N,N,N,north,,N,1,2025-11-05 10:00,
O2,2025-10-11 10:00,2025-10-11 10:00,,8N,Violence against the person,N,,N,N,N,west,,N,8,2025-11-06 10:00,
O3,2025-10-12 10:00,2025-10-12 10:00,,8N,Violence against the person,N,,N,N,N,north,,N,5,2025-11-07 10:00,
O4,2025-10-13 10:00,2025-10-13 10:00,,8N,Violence against the person,N,,N,N,N,west,,N,6,2025-11-30 23:59,
O5,2025-10-14 10:00,2025-10-14 10:00,,8N,Violence against the person,N,,N,N,N,north,,N,14,2025-11-08 10:00,
O6,2025-10-15 10:00,2025-10-15 10:00,,8N,Violence against the person,N,,N,N,N,west,,Y,18,2025-12-01 00:00,
S1,2025-10-01 09:00,2025-10-01 10:00,2025-10-01 12:00,49F,Miscellaneous crimes against society,N,,N,N,N,north,,Y,,,2025-11-03 00:00
S2,2025-10-01 09:00,2025-10-01 10:00,2025-10-01 12:00,49F,Miscellaneous crimes against society,N,,N,N,N,west,,N,,,2025-10-15 10:00;2025-11-02 23:59
S3,2025-10-01 09:00,2025-10-01 10:00,2025-10-01 12:00,49F,Miscellaneous crimes against society,N,,N,N,N,north,,N,,,
S4,2025-10-01 09:00,2025-10-01 10:00,2025-10-01 12:00,49F,Miscellaneous crimes against society,N,,N,N,N,west,,N,,,2025-10-20 10:00; 2025-12-01 00:00
S5,2025-10-01 09:00,2025-10-01 10:00,2025-10-01 12:00,49F,Miscellaneous crimes against society,N,,N,N,N,north,,N,,,2025-10-10 10:00;2025-12-01 00:01
S6,2025-11-02 09:00,2025-11-02 10:00,2025-11-03 00:01,49F,Miscellaneous crimes against society,N,,N,N,N,west,,N,,,2025-11-20 10:00
S7,2025-11-02 09:00,2025-11-02 10:00,2025-11-03 00:00,49F,Miscellaneous crimes against society,N,,N,N,N,north,,Y,,,2025-11-25 10:00
S8,2025-10-02 09:00,2025-10-02 10:00,,49F,Miscellaneous crimes against society,N,,N,N,N,west,,N,,,2025-11-20 10:00
S9,2025-10-02 09:00,2025-10-02 10:00,2025-10-02 12:00,49F,Miscellaneous crimes against society,N,,N,N,N,north,,N,15,2025-11-30 10:00,2025-11-20 10:00
S10,2025-10-05 09:00,2025-10-05 10:00,2025-10-05 12:00,49F,Miscellaneous crimes against society,N,,N,N,N,west,,N,,,2025-11-15 10:00
V1,2025-10-01 09:00,2025-10-01 10:00,2025-10-01 12:00,8N,Violence against the person,N,,N,N,N,north,V0201,N,,,
V2,2025-10-01 09:00,2025-10-01 10:00,2025-10-01 12:00,8N,Violence against the person,N,,N,N,N,west,V0202,N,,,
V3,2025-11-09 09:00,2025-11-09 10:00,2025-11-10 10:00,8N,Violence against the person,N,,N,N,N,north,V0203,N,,,
V4,2025-11-25 09:00,2025-11-25 10:00,2025-11-26 10:00,8N,Violence against the person,N,,N,N,N,west,V0204,N,,,
V5,2025-10-20 08:00,2025-10-20 09:00,2025-10-20 10:00,8N,Violence against the person,N,,N,N,N,north,V0205,N,,,
V6,2025-10-31 09:00,2025-10-31 10:00,2025-11-01 00:00,8N,Violence against the person,N,,N,N,N,west,V0206,N,,,
V7,2025-10-01 09:00,2025-10-01 10:00,2025-10-01 12:00,8N,Violence against the person,N,,N,N,N,north,,N,,,2025-11-20 10:00
V8,2025-10-01 09:00,2025-10-01 10:00,2025-10-01 12:00,8N,Violence against the person,N,,N,N,N,west,V0208,N,14,2025-10-25 10:00,
V9,2025-11-19 09:00,2025-11-19 10:00,2025-11-20 10:00,8N,Violence against the person,N,,N,N,N,west,V0209,N,,,
A1,2025-11-05 08:00,2025-11-05 09:00,2025-11-05 10:00,8N,Violence against the person,N,,N,N,N,north,V0301,N,,,
A2,2025-11-05 08:00,2025-11-05 09:00,2025-11-05 10:00,28G,Theft offences,Y,,N,N,N,west,V0302,N,,,
A3,2025-11-04 08:00,2025-11-04 09:00,2025-11-05 10:00,8N,Violence against the person,N,,N,N,N,north,V0303,N,,,
A4,2025-11-06 08:00,2025-11-06 09:00,2025-11-06 10:00,8N,Violence against the person,N,,N,N,N,west,V0304,N,,,
A5,2025-11-28 08:00,2025-11-28 09:00,2025-11-28 10:00,8N,Violence against the person,N,,N,N,N,north,V0305,N,,,
A6,2025-10-31 20:00,2025-10-31 21:00,2025-10-31 23:59,8N,Violence against the person,N,,N,N,N,west,V0306,N,,,
A7,2025-11-30 20:00,2025-11-30 21:00,2025-12-01 00:00,8N,Violence against the person,N,,N,N,N,north,V0307,N,,,
A8,2025-11-03 09:00,2025-11-05 09:00,2025-11-05 10:00,8N,Violence against the person,N,,N,N,N,north,,N,,,
CSV

# Victim updates (contacted_at, template Y/N) of the V and A crimes, in no
# particular order (each crime's are sorted by time when computing).
cat >"$T/contacts.csv" <<'CSV'
crime_reference,contacted_at,kind,template_used
V2,2025-10-05 12:00,phone,N
V9,2025-11-29 10:00,phone,Y
V1,2025-11-24 00:00,visit,Y
V3,2025-12-02 10:00,phone,Y
V3,2025-11-25 10:00,phone,N
A4,2025-11-28 10:00,phone,Y
A2,2025-11-12 10:01,phone,N
A1,2025-11-12 10:00,phone,Y
V1,2025-11-15 12:00,email,N
V3,2025-11-10 09:00,phone,Y
A4,2025-11-06 10:00,visit,Y
A1,2025-11-30 10:00,phone,Y
V8,2025-11-29 10:00,phone,Y
V1,2025-10-20 12:00,phone,N
A7,2025-12-01 10:00,phone,Y
V4,2025-11-27 10:00,sms,Y
V9,2025-12-01 00:00,video,N
V6,2025-11-03 00:00,phone,Y
A5,2025-12-02 10:00,phone,Y
A6,2025-11-01 10:00,phone,Y
V2,2025-11-23 23:59,letter,Y
V7,2025-11-28 10:00,phone,Y
A3,2025-11-04 10:00,phone,N
CSV

# Incidents: I = grade 1 urban, R = grade 1 rural, G = grade 2, H = grade 3.
cat >"$T/incidents.csv" <<'CSV'
reference,created_at,arrived_at,grade,area_type,area
I1,2025-11-03 10:00,2025-11-03 10:08,1,urban,north
I2,2025-11-04 10:00,2025-11-04 10:09,1,urban,west
I3,2025-11-05 10:00,2025-11-05 10:10,1,urban,north
I4,2025-11-06 10:00,2025-11-06 10:12,1,urban,west
I5,2025-11-07 10:00,,1,urban,north
I6,2025-10-31 23:50,2025-11-01 00:50,1,urban,north
I7,2025-12-01 00:00,2025-12-01 00:30,1,urban,west
R1,2025-11-03 11:00,2025-11-03 11:11,1,rural,north
R2,2025-11-04 11:00,2025-11-04 11:20,1,rural,west
R3,2025-11-05 11:00,2025-11-05 11:15,1,rural,north
R4,2025-11-06 11:00,,1,rural,west
R5,2025-11-30 23:59:30,2025-12-01 00:10:30,1,rural,west
G1,2025-11-10 12:00,2025-11-10 12:30,2,urban,north
G2,2025-11-11 12:00,2025-11-11 13:00,2,rural,west
G3,2025-11-12 12:00,2025-11-12 13:30,2,urban,north
G4,2025-11-13 12:00,2025-11-13 15:00,2,rural,west
G5,2025-11-14 12:00,,2,urban,north
H1,2025-11-15 12:00,2025-11-15 12:01,3,urban,north
CSV

cat >"$T/calls.csv" <<'CSV'
line,offered_at,answered_at
999,2025-11-02 10:00:00,2025-11-02 10:00:00
999,2025-11-03 10:00:00,2025-11-03 10:00:05
999,2025-11-04 10:00:00,2025-11-04 10:00:10
999,2025-11-05 10:00:00,2025-11-05 10:00:11
999,2025-11-06 10:00:00,
999,2025-11-30 23:59:55,2025-12-01 00:00:04
999,2025-10-31 23:59:59,
999,2025-12-01 00:00:00,
101,2025-11-02 11:00:00,2025-11-02 11:00:30
101,2025-11-03 11:00:00,2025-11-03 11:00:31
101,2025-11-04 11:00:00,
101,2025-11-05 11:00:00,2025-11-05 11:00:02
101,2025-11-06 11:00:00,2025-11-06 11:01:00
101,2025-11-07 11:00:00,2025-11-07 11:00:29
101,2025-11-08 11:00:00,2025-11-08 11:00:45
101,2025-11-09 11:00:00,
101,2025-10-15 11:00:00,2025-10-15 11:00:01
CSV

run "$ASSURE" import --db "$DB" crimes "$T/crimes.csv"
check_eq "the crimes import (status 0)" "$STATUS" 0
check_contains "the crimes import names the two new areas" "$OUT$ERR" "new local policing areas: north, west"
run "$ASSURE" import --db "$DB" victim-contacts "$T/contacts.csv"
check_eq "the victim contacts import (status 0)" "$STATUS" 0
run "$ASSURE" import --db "$DB" incidents "$T/incidents.csv"
check_eq "the incidents import (status 0)" "$STATUS" 0
run "$ASSURE" import --db "$DB" calls "$T/calls.csv"
check_eq "the calls import (status 0)" "$STATUS" 0

# --- reading values ---------------------------------------------------------------
# CSV columns: measure,window,force,area,period,period_end,unit,value,...
run "$ASSURE" measures --db "$DB" --period 2025-11 --window month --format csv
[ "$STATUS" -eq 0 ] || not_ok "measures for November 2025" "$ERR"
NOV=$OUT
run "$ASSURE" measures --db "$DB" --period 2025-11 --window 12m --format csv
[ "$STATUS" -eq 0 ] || not_ok "measures for the 12 months to November 2025" "$ERR"
Y12=$OUT
run "$ASSURE" measures --db "$DB" --period 2025-10 --window month --format csv
[ "$STATUS" -eq 0 ] || not_ok "measures for October 2025" "$ERR"
OCT=$OUT
run "$ASSURE" measures --db "$DB" --period 2025-01 --window month --format csv
JAN=$OUT
run "$ASSURE" measures --db "$DB" --period 2025-09 --window month --format csv
SEP=$OUT
run "$ASSURE" measures --db "$DB" --period 2025-12 --window quarter --format csv
DECQ=$OUT

# val CSV KEY [AREA]: "PERIOD VALUE" of measure KEY's row for AREA (default:
# the whole force, area empty).
val() {
    printf '%s\n' "$1" | awk -F, -v k="$2" -v a="${3:-}" '$1 == k && $4 == a { print $5, $8; exit }'
}

# A month after the data: the latest earlier value, and a note saying so.
run "$ASSURE" measures --db "$DB" --period 2026-06 --window month --format csv
check_eq "a month after the data: each measure's latest earlier month is shown" "$(val "$OUT" crime.recorded)" "2025-12 2"
check_contains "and the command says so, not silently" "$ERR" "values are from before 2026-06, which has none for them"
check_not_contains "a month with data draws no such note" "$(ASSURE_TIMING= "$ASSURE" measures --db "$DB" --period 2025-11 --window month --measure crime.recorded 2>&1 >/dev/null)" "from before"

# --- crimes: counts of crimes recorded in the month ------------------------------------
# Recorded in November 2025 (recorded_at from 2025-11-01 00:00 to before
# 2025-12-01 00:00): F01-F11 (11: F01 at 00:00 on the 1st, F11 at 23:59:59 on
# the 30th), D01-D09 (9), S6 S7 (2), V3 V4 V9 (3), A1-A5 A7 A8 (7) = 32.
# Not: X01 (Oct 31 23:59), X02 (Dec 1 00:00), X03 X04, P*, L05, O*, S1-S5 S8-S10,
# V1 V2 V5-V8, A6 (October or earlier, or December).
check_eq "crime.recorded: 32 crimes recorded in November" "$(val "$NOV" crime.recorded)" "2025-11 32"
# north: F01 F02 F05 F07 F09 (5) + D01 D03 D05 D07 D09 (5) + S7 + V3
#        + A1 A3 A5 A7 A8 (5) = 17
# west:  F03 F04 F06 F08 F10 F11 (6) + D02 D04 D06 D08 (4) + S6 + V4 V9 (2)
#        + A2 A4 (2) = 15
check_eq "crime.recorded, north: 17" "$(val "$NOV" crime.recorded north)" "2025-11 17"
check_eq "crime.recorded, west: 15" "$(val "$NOV" crime.recorded west)" "2025-11 15"
# October: X01 (23:59 on the 31st), X03 (00:30 BST on the 1st, a UK month),
# P03 P06, O1-O6 (6), S1-S5 S8 S9 S10 (8), V1 V2 V5 V6 V7 V8 (6), A6
# = 2 + 2 + 6 + 8 + 6 + 1 = 25 (F01, at 00:00 on November 1st, is not October's).
check_eq "crime.recorded, October: 25 (the edges fall on the right side)" "$(val "$OCT" crime.recorded)" "2025-10 25"
# 12 months to November 2025 = December 2024 to November 2025: all 62 crimes
# but P01 P02 (November 2024) and X02 L05 (December 2025) = 58.
check_eq "crime.recorded, 12 months to November: 58" "$(val "$Y12" crime.recorded)" "2025-11 58"
# January 2025 lies between the first crime (November 2024) and the last
# (December 2025) and has none: a real zero, not a missing value.
check_eq "crime.recorded, January 2025: a covered month without crimes is 0" "$(val "$JAN" crime.recorded)" "2025-01 0"

# Different victims of November's 32 crimes: F: V0101 (F01 and F11) V0102
# V0103 V0104 V0105 V0106 V0107 V0108 V0109 = 9 (F04 has none); D: V0001
# (D01, D08) V0002 V0003 V0004 (D04, D05) V0005 V0006 = 6 (D06 has none);
# V0203 V0204 V0209 = 3; V0301 V0302 V0303 V0304 V0305 V0307 = 6 (A8 none).
# 9 + 6 + 3 + 6 = 24.
check_eq "crime.victims: 24 different victims in November" "$(val "$NOV" crime.victims)" "2025-11 24"
# 12 months: November's 24, plus October's victims not already counted:
# V0901 (X01), V0201 V0202 V0205 V0206 V0208 (V1 V2 V5 V6 V8), V0306 (A6) = 7
# (V0003 of P03 and V0006 of P06 are counted once) = 31.
check_eq "crime.victims, 12 months: 31 (a victim of crimes in two months counts once)" "$(val "$Y12" crime.victims)" "2025-11 31"

# Domestic abuse crimes recorded in November: D01-D07, D09, A2 = 9 of 32 (D08
# is not flagged): 28.125%.
check_eq "crime.domestic-abuse-share: 9 of 32 = 28.125%" "$(val "$NOV" crime.domestic-abuse-share)" "2025-11 28.125"

# Repeat victims: November's domestic abuse crimes with a victim: D01 D02 D03
# D04 D05 D07 D09 A2 = 8 (D06 has no victim; D08 is not domestic abuse).
#   D01 V0001: P01 domestic abuse exactly 365 days before (2024-11-10 10:00): yes
#   D02 V0002: P02 is 365 days and 1 minute before: no
#   D03 V0003: P03 (October) is not domestic abuse: no
#   D04 V0004: its first: no;  D05 V0004: D04 a week before: yes
#   D07 V0005: L05 is later (December): no
#   D09 V0006: P06 (October, domestic abuse): yes;  A2 V0302: none: no
# 3 of 8 = 37.5%.
check_eq "crime.repeat-victims-da: 3 of 8 = 37.5%" "$(val "$NOV" crime.repeat-victims-da)" "2025-11 37.5"

# Knife crime recorded in November: possession F04 (1; X01 X02 are outside);
# use F05 F06 D05 (3); threat F07 D02 (2).
check_eq "crime.knife-possession: 1" "$(val "$NOV" crime.knife-possession)" "2025-11 1"
check_eq "crime.knife-use: 3" "$(val "$NOV" crime.knife-use)" "2025-11 3"
check_eq "crime.knife-threat: 2" "$(val "$NOV" crime.knife-threat)" "2025-11 2"
# Residential burglary (28E-28H): F01 28E, F02 28H, F11 28F, A2 28G = 4
# (F03 is 30C, non-residential; X01 X02 28G are outside the month).
check_eq "crime.residential-burglary: 4" "$(val "$NOV" crime.residential-burglary)" "2025-11 4"
# Offence group 'Sexual offences' recorded in November: F08 F09 D06 = 3.
check_eq "crime.rasso: 3" "$(val "$NOV" crime.rasso)" "2025-11 3"
# Flagged CSAE in November: F08 (sexual) and F10 (not a sexual offence) = 2.
check_eq "crime.csae: 2" "$(val "$NOV" crime.csae)" "2025-11 2"

# Outcomes assigned in November (whenever recorded): O1 type 1, O2 8, O3 5,
# O4 6 (at 23:59 on the 30th), O5 14, F04 1, S9 15 = 7; positive (1-4, 6-8):
# O1 O2 O4 F04 = 4 (5, 14 and 15 are not). X01 (Oct 31 23:59:59), X02 and O6
# (Dec 1 00:00) are outside. 4 of 7 = 57.143%.
check_eq "crime.positive-outcomes: 4 of 7 = 57.143%" "$(val "$NOV" crime.positive-outcomes)" "2025-11 57.143"

# Recorded within 24 hours of being reported, of November's 32: not F03 (24 h
# 1 min), D04 (3 days) or A8 (2 days); F02 at exactly 24 h is within.
# 29 of 32 = 90.625%.
check_eq "crime.recorded-24h: 29 of 32 = 90.625%" "$(val "$NOV" crime.recorded-24h)" "2025-11 90.625"
# 12 months: the 58 crimes of December 2024 to November 2025; every one
# recorded outside November was recorded within 24 hours (X01 59 min, X03 30
# min, S* V* A6 1 h, the rest at once), so 58 - 3 = 55 of 58 = 94.828%
# (numerators and denominators added, not the months' percentages averaged).
check_eq "crime.recorded-24h, 12 months: 55 of 58 = 94.828%" "$(val "$Y12" crime.recorded-24h)" "2025-11 94.828"

# --- crimes still live at the end of November (PE = 2025-12-01 00:00) ------------------
# Live: recorded before PE and no outcome, or an outcome at or after PE:
#   F01-F03 F05-F11 (10; F04's outcome was on Nov 20), D01-D09 (9),
#   O6 (outcome at exactly PE), S1-S8 S10 (9; S9's outcome was Nov 30),
#   V1-V7 V9 (8; V8's outcome was in October), A1-A8 (8; A7 was recorded on
#   Nov 30 although allocated at PE) = 45.
# Not live: X01 X03 X04 P* O1-O5 (outcomes before PE), X02 L05 (recorded at
# or after PE).
# A known suspect: F01 F03 F05 O6 S1 S7 = 6 of 45 = 13.333%.
check_eq "crime.live-suspect-outstanding: 6 of 45 = 13.333%" "$(val "$NOV" crime.live-suspect-outstanding)" "2025-11 13.333"
# At the end of October (2025-11-01 00:00): recorded before it and without an
# outcome before it: O1-O6 (outcomes in Nov/Dec, 6), S1-S5 S8 S9 S10 (8),
# V1 V2 V5 V6 V7 (5; V8's outcome Oct 25), A6 = 20 (F01, recorded at
# 2025-11-01 00:00, is not; X01 X03 X04 P* had outcomes). Suspect: O6 S1 = 10%.
check_eq "crime.live-suspect-outstanding at October's end: 2 of 20 = 10%" "$(val "$OCT" crime.live-suspect-outstanding)" "2025-10 10"
# September's end is 00:00 BST on October 1st (23:00 UTC on September 30th).
# Live then: X04 only (suspect N): 0 of 1 = 0%. X03, recorded at 00:30 BST on
# October 1st (23:30 UTC on September 30th) with a known suspect, is after
# it (a UTC month end would make it 1 of 2 = 50%); P01 P02 had outcomes in 2024.
check_eq "crime.live-suspect-outstanding at September's end (BST): 0 of 1" "$(val "$SEP" crime.live-suspect-outstanding)" "2025-09 0"
# A quarter of a stock is its value at the quarter's last month end: Q3
# 2025/26 ends with December (2026-01-01 00:00). Live then: November's 45 but
# O6 (its outcome, Dec 1, is now before the end), plus L05 (recorded Dec 10,
# no outcome) = 45; X02's outcome was Dec 1. Suspect: F01 F03 F05 S1 S7 = 5
# of 45 = 11.111%.
check_eq "crime.live-suspect-outstanding, Q3 2025/26: its December value, 5 of 45 = 11.111%" "$(val "$DECQ" crime.live-suspect-outstanding)" "2025/26 Q3 11.111"

# Supervision: live crimes allocated at or before PE - 28d = 2025-11-03 00:00:
#   S1 S2 S3 S4 S5 S7 (allocated at exactly 00:00 on Nov 3) S10, V1 V2 V5 V6
#   (Nov 1 00:00) V7, A6 (Oct 31 23:59) = 13 (S6 at 00:01 on Nov 3, S8 never
#   allocated, V3 V4 V9 A1-A5 A7 A8 later, S9 not live).
# Reviewed at or after 2025-11-03 00:00, the last review at or before PE:
#   S1 (Nov 3 00:00 exactly) yes; S2 (Nov 2 23:59) no; S3 (none) no;
#   S4 (Dec 1 00:00, at PE) yes; S5 (Oct 10; Dec 1 00:01 is after PE) no;
#   S7 (Nov 25) yes; S10 (Nov 15) yes; V7 (Nov 20) yes; V1 V2 V5 V6 A6 none.
# 5 of 13 = 38.462%.
check_eq "crime.supervision-28d: 5 of 13 = 38.462%" "$(val "$NOV" crime.supervision-28d)" "2025-11 38.462"
# By area: north S1 (yes) S3 S5 S7 (yes) V1 V5 V7 (yes) = 3 of 7 = 42.857%;
#          west  S2 S4 (yes) S10 (yes) V2 V6 A6 = 2 of 6 = 33.333%.
check_eq "crime.supervision-28d, north: 3 of 7 = 42.857%" "$(val "$NOV" crime.supervision-28d north)" "2025-11 42.857"
check_eq "crime.supervision-28d, west: 2 of 6 = 33.333%" "$(val "$NOV" crime.supervision-28d west)" "2025-11 33.333"
# A stock has no 12-month window (docs/measures.md).
check_not_contains "a measure counted live has no 12-month value" "$Y12" "crime.supervision-28d"

# --- the Victims' Code --------------------------------------------------------------
# Allocated in November with a victim: V3 V4 V6 V9 A1-A5 = 9 (A6 in October,
# A7 in December, S6 S7 A8 have no victim). First update at or after the
# allocation within 7 days:
#   V3 alloc Nov 10 10:00, first after Nov 25 (Nov 10 09:00 is before): no
#   V4 Nov 26 -> Nov 27: yes;  V6 Nov 1 00:00 -> Nov 3 00:00: yes
#   V9 Nov 20 -> Nov 29 (9 days): no
#   A1 Nov 5 10:00 -> Nov 12 10:00, exactly 7 days: yes
#   A2 -> Nov 12 10:01, 7 days 1 minute: no;  A3 only an update before: no
#   A4 Nov 6 10:00 -> the same minute: yes;  A5 Nov 28 -> Dec 2: yes
# 5 of 9 = 55.556%.
check_eq "victims-code.7-days-allocation: 5 of 9 = 55.556%" "$(val "$NOV" victims-code.7-days-allocation)" "2025-11 55.556"

# Live at PE, with a victim, allocated at or before PE - 7d = 2025-11-24 00:00:
#   V1 V2 V3 V5 V6 V9 A1 A2 A3 A4 A6 = 11 (V4 A5 A7 later; V7 no victim;
#   V8 not live). Last update at or before PE on or after Nov 24 00:00:
#   V1 (Nov 24 00:00 exactly) yes; V2 (Nov 23 23:59) no; V3 (Nov 25) yes;
#   V5 (none) no; V6 (Nov 3) no; V9 (Dec 1 00:00, at PE) yes; A1 (Nov 30)
#   yes; A2 (Nov 12) no; A3 (Nov 4) no; A4 (Nov 28) yes; A6 (Nov 1) no.
# 5 of 11 = 45.455%.
check_eq "victims-code.past-7-days: 5 of 11 = 45.455%" "$(val "$NOV" victims-code.past-7-days)" "2025-11 45.455"

# Live at PE, with a victim, allocated at or before PE: V1-V6 V9 A1-A7 = 14.
# Longest stretch without an update from allocation to PE (updates before the
# allocation or after PE left out):
#   V1 Oct 1 -> Oct 20 -> Nov 15 -> Nov 24 -> PE: 26 days 1 hour: yes
#   V2 Oct 5 -> Nov 23 23:59: 49 days: no
#   V3 Nov 10 10:00 -> Nov 25 10:00 -> PE: 15 days: yes
#   V4 Nov 26 -> Nov 27 -> PE: 3 days 14 h: yes
#   V5 Oct 20 -> PE with no update: 41 days: no
#   V6 Nov 1 00:00 -> Nov 3 00:00 -> PE: exactly 28 days: yes
#   V9 Nov 20 -> Nov 29 -> PE: 9 days: yes
#   A1 Nov 5 -> Nov 12 -> Nov 30 -> PE: 18 days: yes
#   A2 Nov 5 10:00 -> Nov 12 10:01 -> PE: 18 days 14 h: yes
#   A3 Nov 5 10:00 -> PE (its update is before allocation): 25 days 14 h: yes
#   A4 Nov 6 -> Nov 6 -> Nov 28 -> PE: 22 days: yes
#   A5 Nov 28 10:00 -> PE (Dec 2 is after): 2 days 14 h: yes
#   A6 Oct 31 23:59 -> Nov 1 10:00 -> PE: 29 days 14 h: no
#   A7 allocated at PE: 0: yes
# 11 of 14 = 78.571%.
check_eq "victims-code.every-28-days: 11 of 14 = 78.571%" "$(val "$NOV" victims-code.every-28-days)" "2025-11 78.571"

# Live at PE, with a victim, last update at or before PE on or after Nov 24
# 00:00: V1 (Nov 24, template Y), V3 (Nov 25, N; its Dec 2 Y is after PE),
# V4 (Nov 27, Y), V9 (Dec 1 00:00 at PE, N), A1 (Nov 30, Y), A4 (Nov 28, Y)
# = 6 (V7 has no victim; V8 is not live). Template at the last: 4 of 6 = 66.667%.
check_eq "victims-code.template: 4 of 6 = 66.667%" "$(val "$NOV" victims-code.template)" "2025-11 66.667"

# --- response -----------------------------------------------------------------------
# Grade 1 urban created in November and attended: I1 8 min, I2 9, I3 10,
# I4 12 (I5 not attended; I6 October, I7 December): the median of four is the
# mean of the middle two, (9 + 10) / 2 = 9 min 30 s = 570 s.
check_eq "response.g1-urban: median 00:09:30 (570 s)" "$(val "$NOV" response.g1-urban)" "2025-11 570"
# north: I1 8, I3 10 -> 9 min = 540 s; west: I2 9, I4 12 -> 10 min 30 s = 630 s.
check_eq "response.g1-urban, north: 00:09:00" "$(val "$NOV" response.g1-urban north)" "2025-11 540"
check_eq "response.g1-urban, west: 00:10:30" "$(val "$NOV" response.g1-urban west)" "2025-11 630"
# Grade 1 rural: R1 11 min, R2 20, R3 15, R5 11 (created 23:59:30 on Nov 30,
# arrived in December: November's); R4 not attended. Sorted 11 11 15 20:
# (11 + 15) / 2 = 13 min = 780 s.
check_eq "response.g1-rural: median 00:13:00 (780 s)" "$(val "$NOV" response.g1-rural)" "2025-11 780"
# Grade 2, urban and rural: G1 30 min, G2 60, G3 90, G4 180 (G5 not
# attended; H1 is grade 3): (60 + 90) / 2 = 75 min = 4500 s.
check_eq "response.g2: median 01:15:00 (4500 s)" "$(val "$NOV" response.g2)" "2025-11 4500"

# --- calls --------------------------------------------------------------------------
# 999 offered in November: answered in 0 s, 5 s, 10 s (exactly), 11 s,
# abandoned, and 9 s (offered 23:59:55 on Nov 30, answered in December) = 6;
# within 10 s: 4 (the abandoned call counts as not in time). The October and
# December calls are outside. 4 of 6 = 66.667%.
check_eq "calls.999-10s: 4 of 6 = 66.667%" "$(val "$NOV" calls.999-10s)" "2025-11 66.667"
# 101 in November: 30 s (exactly), 31 s, abandoned, 2 s, 60 s, 29 s, 45 s,
# abandoned = 8; within 30 s: 3. 3 of 8 = 37.5%.
check_eq "calls.101-30s: 3 of 8 = 37.5%" "$(val "$NOV" calls.101-30s)" "2025-11 37.5"
# The calls start in October 2025: no 12-month window is fully covered.
check_not_contains "calls have no 12-month value before 12 months of data" "$Y12" "calls.999-10s"

# --- how the values show --------------------------------------------------------------
run "$ASSURE" measures --db "$DB" --period 2025-11 --window month --measure response.g1-urban
check_contains "a median duration shows as h:mm:ss" "$OUT" "00:09:30"
run "$ASSURE" measures --db "$DB" --period 2025-11 --window month --measure crime.positive-outcomes
check_contains "a share shows with one decimal" "$OUT" "57.1%"

finish
