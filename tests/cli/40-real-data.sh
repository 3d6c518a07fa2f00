#!/bin/sh
# 40-real-data.sh: imports the real public data in ../shared/data and checks
# every row against an independent count (Python's csv module), a corrupted
# copy is rejected with the right file, line and field and nothing written,
# and the first measures agree with sums computed independently.
. "$(dirname "$0")/lib.sh"

D=${SHARED:-../shared}/data
ARCHIVE=$D/police-uk/2025-07-to-2025-12-street-all-forces.zip
if [ ! -f "$ARCHIVE" ]; then
    skip "real data" "$D is absent (a user's machine)"
    finish
fi

run "$ASSURE" init --db "$DB"
check_eq "init a database" "$STATUS" 0

# 1. the six-month all-forces archive, every row counted independently
run "$ASSURE" import --quiet --db "$DB" police-uk "$ARCHIVE"
check_eq "import the six-month archive" "$STATUS" 0
check_contains "the import reports 1,996,562 rows" "$OUT" "1,996,562 street rows"
python3 - "$ARCHIVE" > "$T/expected.txt" <<'PY'
import csv, io, sys, zipfile, collections
counts = collections.Counter()
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if not name.endswith('.csv'):
            continue
        base = name.rsplit('/', 1)[-1]            # 2025-07-kent-street.csv
        month, force = base[:7], base[8:-len('-street.csv')]
        with z.open(name) as f:
            for row in csv.DictReader(io.TextIOWrapper(f, encoding='utf-8-sig', newline='')):
                counts[(force, month.replace('-', ''), row['Crime type'])] += 1
for (force, month, kind), n in sorted(counts.items()):
    print(f"{force}|{month}|{kind}|{n}")
PY
sqlite3 "$DB" "SELECT f.code, s.month, t.name, s.n FROM puk_street s JOIN force f ON f.id=s.force_id JOIN crime_type t ON t.id=s.crime_type_id ORDER BY 1,2,3" > "$T/got.txt"
if cmp -s "$T/expected.txt" "$T/got.txt"; then
    ok "every force, month and crime type matches the independent count ($(wc -l < "$T/got.txt") cells)"
else
    not_ok "the stored counts differ from the independent count" "$(diff "$T/expected.txt" "$T/got.txt" | head -20)"
fi
check_eq "rows without a location are counted" "$(sqlite3 "$DB" 'SELECT sum(n_no_location) FROM puk_street')" 32698
check_eq "235 files are recorded with their SHA-256" "$(sqlite3 "$DB" 'SELECT count(*), count(DISTINCT sha256), min(length(sha256)) FROM import_file')" "235|1|64"
check_eq "the archive's SHA-256 is recorded" "$(sqlite3 "$DB" 'SELECT DISTINCT sha256 FROM import_file')" "$(sha256sum "$ARCHIVE" | cut -d' ' -f1)"

# 2. re-importing the same archive replaces, never doubles
before=$(sqlite3 "$DB" 'SELECT sum(n) FROM puk_street')
run "$ASSURE" import --quiet --db "$DB" police-uk "$ARCHIVE"
check_eq "re-import leaves the totals as they were" "$(sqlite3 "$DB" 'SELECT sum(n) FROM puk_street')" "$before"
check_eq "two imports are recorded" "$(sqlite3 "$DB" 'SELECT count(*) FROM import')" 2

# 3. a copy with one corrupted row: rejected with the file and line, nothing written
fp() { sqlite3 "$DB" 'SELECT (SELECT count(*)||":"||sum(n)||":"||sum(n*month) FROM puk_street)||"/"||(SELECT count(*) FROM import)||"/"||(SELECT count(*) FROM import_file)'; }
before=$(fp)
python3 - "$ARCHIVE" "$T/corrupt.zip" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_STORED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == '2025-09/2025-09-kent-street.csv':
            lines = data.split(b'\n')
            lines[1233] = lines[1233].replace(b',2025-09,', b',2025-9,', 1)   # line 1234
            data = b'\n'.join(lines)
        zout.writestr(info.filename, data)
PY
run "$ASSURE" import --quiet --db "$DB" police-uk "$T/corrupt.zip"
check_eq "the corrupted copy is rejected" "$STATUS" 1
check_contains "the error names the member, line and field" "$ERR" "2025-09/2025-09-kent-street.csv:1234: field \"Month\": expected a month as YYYY-MM, found \"2025-9\""
check_contains "the error says nothing was written" "$ERR" "nothing was written"
check_eq "the database is exactly as it was" "$(fp)" "$before"

# 4. Northamptonshire's first half of 2025 completes its year
run "$ASSURE" import --quiet --db "$DB" police-uk "$D/police-uk/2025-01-to-2025-06-street-northamptonshire.zip"
check_eq "import Northamptonshire January to June" "$STATUS" 0
check_eq "Northamptonshire has 74,962 rows for 2025" "$(sqlite3 "$DB" "SELECT sum(n) FROM puk_street s JOIN force f ON f.id=s.force_id WHERE f.code='northamptonshire' AND month BETWEEN 202501 AND 202512")" 74962

# 5. street, outcomes and stop-and-search in one original download
run "$ASSURE" import --quiet --db "$DB" police-uk "$D/police-uk/2022-01-thames-valley-street-outcomes-stop-and-search.zip"
check_eq "import the Thames Valley download" "$STATUS" 0
check_eq "street 15,691, outcomes 15,107, stop and search 84" \
    "$(sqlite3 "$DB" "SELECT (SELECT sum(n) FROM puk_street WHERE month=202201)||','||(SELECT sum(n) FROM puk_outcome WHERE month=202201)||','||(SELECT count(*) FROM puk_stop_search)")" "15691,15107,84"

# 6. the Home Office table
run "$ASSURE" import --quiet --db "$DB" home-office-crime "$D/home-office/prc-pfa-quarterly-2012-13-to-2025-26-q3.zip"
check_eq "import the Home Office table" "$STATUS" 0
expected=$(unzip -p "$D/home-office/prc-pfa-quarterly-2012-13-to-2025-26-q3.zip" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
total = sum(int(r["n"]) for r in rows)
print(str(len(rows)) + "|" + str(total))')
check_eq "every Home Office row and offence is stored" "$(sqlite3 "$DB" 'SELECT count(*)||"|"||sum(n) FROM ho_crime')" "$expected"

# 7. the measures agree with independent sums
run "$ASSURE" measures --db "$DB" --force Northamptonshire --format json
check_eq "measures for Northamptonshire" "$STATUS" 0
printf '%s' "$OUT" > "$T/m.json"
pycheck "12-month all crime (police.uk) is Northamptonshire's 2025 total less anti-social behaviour" '
import json, sys, sqlite3
m = {r["measure"] + "." + r["window"]: r for r in json.load(open(sys.argv[1])) if not r["area"]}
db = sqlite3.connect(sys.argv[2])
want = db.execute("""SELECT sum(n) FROM puk_street s JOIN force f ON f.id=s.force_id JOIN crime_type t ON t.id=s.crime_type_id
                     WHERE f.code="northamptonshire" AND month BETWEEN 202501 AND 202512 AND t.is_asb=0""").fetchone()[0]
r = m["puk.all-crime.12m"]
assert r["value"] == want and r["period"] == "2025-12", (r, want)
h = m["ho.all-crime.12m"]
assert h["period"] == "2025-12" and h["value"] == 58149 and h["yoy_change"] == -1602, h
q = m["ho.all-crime.quarter"]
assert q["period"] == "2025/26 Q3", q
assert h["national_of"] == 43 and 1 <= h["national_rank"] <= 43, h
' "$T/m.json" "$DB"

finish
