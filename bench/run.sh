#!/bin/sh
# bench/run.sh: assure's import and measures beside their peers, measured in
# the same run on this machine (`make bench` installs what is missing, builds
# build/assure and runs this).
#
#   (a) the real six months of data.police.uk street files (all forces,
#       about 2 million rows, ../shared/data/police-uk; skipped when absent):
#       `assure import` from the zip as published, and from the extracted
#       folder; the sqlite3 shell's `.import --csv` of every file into one
#       table; DuckDB (@duckdb/node-api) `CREATE TABLE street AS SELECT *
#       FROM read_csv('<dir>/*/*.csv', header=true)`;
#   (b) a generated 10-million-row street file (`assure gen street`, kept in
#       bench/out/street-10m.csv and reused) through the same three;
#   (c) `assure measures --force all --format json` on the database of (a)
#       (of (b) when (a) was skipped), with the internal figure that
#       ASSURE_TIMING=1 prints;
#   (d) a generated month of officers' location pings (30 million rows,
#       PINGS_ROWS=N for another size; `assure gen pings`, kept in bench/out
#       and reused) against the demo county's 100 polygons: `assure import
#       pings` (which reports its point-in-polygon rate, timed apart from
#       parsing) and the two visibility measures; DuckDB loading the same CSV
#       and placing the pings by a plain-SQL even-odd join
#       (bench/duckdb-pip.mjs: DuckDB's spatial extension is a run-time
#       download, which the bench does not allow);
#   (e) every measure over the demo office's three years of force data.
# Wall seconds, rows per second, MB per second (of CSV text) and peak
# resident memory (GNU time's %M, of the whole process: node for DuckDB).
# The file caches are warmed before each data set, so every tool reads from
# memory. Results: bench/out/results.txt; each command's output:
# bench/out/*.log. Scratch databases live in a temporary folder, removed.
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
ASSURE=$ROOT/build/assure
OUT=$ROOT/bench/out
SHARED=${SHARED:-$ROOT/../shared}
REAL_ZIP=$SHARED/data/police-uk/2025-07-to-2025-12-street-all-forces.zip
GEN_ROWS=10000000
GEN_CSV=$OUT/street-10m.csv
RESULTS=$OUT/results.txt
MEASURE_RUNS=5
mkdir -p "$OUT"

fail() {
    echo "bench: $*" >&2
    exit 1
}
[ -x "$ASSURE" ] || fail "build/assure is missing (run: make)"
for tool in /usr/bin/time sqlite3 node npm unzip; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (run: sh tools/deps.sh bench)"
done

# DuckDB's node package, pinned in bench/package.json, into bench/node_modules.
if ! (cd bench && node -e '
        const fs = require("fs");
        const want = JSON.parse(fs.readFileSync("package.json", "utf8")).dependencies;
        for (const [n, v] of Object.entries(want))
            if (JSON.parse(fs.readFileSync(`node_modules/${n}/package.json`, "utf8")).version !== v) process.exit(1);
        ' 2>/dev/null); then
    echo "Installing @duckdb/node-api into bench/node_modules"
    # npm ci from the lock; npm install when ci refuses (npm records only
    # this platform's optional DuckDB binding in the lock, which some npm
    # versions then call out of sync)
    (cd bench && { [ -f package-lock.json ] && npm ci --no-audit --no-fund --loglevel=silent; } ||
        npm install --no-audit --no-fund --loglevel=error) || fail "npm install failed"
fi

W=$(mktemp -d "${TMPDIR:-/tmp}/assure-bench.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT TERM
TABLE=$W/table
NOTES=$W/notes

# timed LOG CMD...: runs CMD under GNU time, its output in bench/out/LOG.log;
# sets WALL (seconds) and PEAK_KB. Returns CMD's status.
timed() {
    _log=$OUT/$1.log
    shift
    /usr/bin/time -f '%e %M' -o "$W/time" "$@" >"$_log" 2>&1
    _rc=$?
    read -r WALL PEAK_KB <"$W/time" 2>/dev/null || { WALL=0; PEAK_KB=0; }
    # GNU time writes "Command exited with non-zero status N" first then
    [ "$_rc" -ne 0 ] && read -r WALL PEAK_KB <<EOF
$(tail -n 1 "$W/time")
EOF
    return $_rc
}

# row DATA TOOL ROWS BYTES [NOTE]: adds a table line from WALL and PEAK_KB.
# ROWS is what the tool says it loaded (the file's count $rows if it says
# nothing).
row() {
    awk -v d="$1" -v t="$2" -v r="${3:-$rows}" -v b="$4" -v w="$WALL" -v k="$PEAK_KB" -v n="${5:-}" 'BEGIN {
        rs = w > 0 ? r / w : 0; mbs = w > 0 ? b / 1e6 / w : 0
        printf "%-22s %-30s %8.2f %11d %12.0f %8.0f %9.0f  %s\n", d, t, w, r, rs, mbs, k / 1024, n
    }' >>"$TABLE"
}

# warm FILE...: reads files once so every tool starts from the page cache.
warm() {
    cat "$@" >/dev/null
}

# sqlite_script DIR FILE...: the sqlite3 shell script importing every FILE
# (paths relative to DIR) into one table "street".
sqlite_script() {
    _dir=$1
    shift
    echo 'CREATE TABLE street("Crime ID" TEXT, "Month" TEXT, "Reported by" TEXT, "Falls within" TEXT, "Longitude" TEXT, "Latitude" TEXT, "Location" TEXT, "LSOA code" TEXT, "LSOA name" TEXT, "Crime type" TEXT, "Last outcome category" TEXT, "Context" TEXT);'
    for f in "$@"; do
        echo ".import --csv --skip 1 '$_dir/$f' street"
    done
}

# imported_rows LOG: the row count `assure import` reports in its log.
imported_rows() {
    sed -n 's/^imported \([0-9,]*\) rows.*/\1/p' "$1" | tr -d , | head -n 1
}

# duck_rows LOG: the row count duckdb-load.mjs prints.
duck_rows() {
    sed -n 's/^rows=\([0-9]*\).*/\1/p' "$1" | head -n 1
}

: >"$TABLE"
: >"$NOTES"
ASSURE_IMPORT_S_REAL= DUCK_S_REAL= ASSURE_IMPORT_S_GEN= DUCK_S_GEN= ASSURE_PEAK_GEN=
MEASURES_DB=

# --- (a) the real archive ---------------------------------------------------
if [ -f "$REAL_ZIP" ]; then
    echo "(a) real data: extracting $(basename "$REAL_ZIP")"
    mkdir -p "$W/real"
    unzip -q "$REAL_ZIP" -d "$W/real" || fail "cannot unzip $REAL_ZIP"
    files=$(cd "$W/real" && ls -- */*.csv)
    nfiles=$(printf '%s\n' "$files" | grep -c .)
    bytes=$(cd "$W/real" && cat -- $files | wc -c)
    rows=$(( $(cd "$W/real" && cat -- $files | wc -l) - nfiles ))
    label="real 6 months"
    warm "$REAL_ZIP" "$W/real"/*/*.csv

    echo "    assure import (zip)"
    "$ASSURE" init --db "$W/real.db" >/dev/null || fail "assure init failed"
    if timed real-assure-zip "$ASSURE" import --quiet --db "$W/real.db" police-uk "$REAL_ZIP"; then
        row "$label" "assure import (the .zip)" "$(imported_rows "$OUT/real-assure-zip.log")" "$bytes"
        ASSURE_IMPORT_S_REAL=$WALL
        MEASURES_DB=$W/real.db
    else
        row "$label" "assure import (the .zip)" 0 0 "FAILED: see bench/out/real-assure-zip.log"
    fi

    echo "    assure import (folder)"
    "$ASSURE" init --db "$W/real-dir.db" >/dev/null
    if timed real-assure-dir "$ASSURE" import --quiet --db "$W/real-dir.db" police-uk "$W/real"; then
        row "$label" "assure import (folder)" "$(imported_rows "$OUT/real-assure-dir.log")" "$bytes"
    else
        row "$label" "assure import (folder)" 0 0 "FAILED: see bench/out/real-assure-dir.log"
    fi
    rm -f "$W/real-dir.db"*

    echo "    sqlite3 .import"
    (cd "$W/real" && sqlite_script "$W/real" $files) >"$W/real.sql"
    if timed real-sqlite3 sqlite3 "$W/real-sqlite.db" ".read $W/real.sql"; then
        row "$label" "sqlite3 .import --csv" "$(sqlite3 "$W/real-sqlite.db" 'SELECT count(*) FROM street')" "$bytes"
    else
        row "$label" "sqlite3 .import --csv" 0 0 "FAILED: see bench/out/real-sqlite3.log"
    fi
    rm -f "$W/real-sqlite.db"

    echo "    DuckDB read_csv"
    if timed real-duckdb node bench/duckdb-load.mjs "$W/real.duckdb" "$W/real/*/*.csv"; then
        row "$label" "DuckDB read_csv (node)" "$(duck_rows "$OUT/real-duckdb.log")" "$bytes"
        DUCK_S_REAL=$WALL
    else
        row "$label" "DuckDB read_csv (node)" 0 0 "FAILED: see bench/out/real-duckdb.log"
    fi
    rm -rf "$W/real.duckdb"* "$W/real"
    echo "real 6 months: $rows rows in $nfiles files, $((bytes / 1000000)) MB of CSV ($(basename "$REAL_ZIP"))" >>"$NOTES"
else
    echo "(a) skipped: $REAL_ZIP is absent (the shared data folder is not beside this checkout)"
    echo "real 6 months: skipped, $REAL_ZIP is absent" >>"$NOTES"
fi

# --- (b) ten million generated rows ------------------------------------------
if [ -s "$GEN_CSV" ]; then
    echo "(b) generated data: reusing $GEN_CSV"
else
    echo "(b) generated data: assure gen street --rows $GEN_ROWS"
    timed gen "$ASSURE" gen street --rows "$GEN_ROWS" --seed 1 -o "$GEN_CSV" || fail "assure gen failed (see bench/out/gen.log)"
    echo "generated $GEN_CSV in $WALL s" >>"$NOTES"
fi
bytes=$(wc -c <"$GEN_CSV")
rows=$(( $(wc -l <"$GEN_CSV") - 1 ))
label="generated 10M rows"
warm "$GEN_CSV"

echo "    assure import"
"$ASSURE" init --db "$W/gen.db" >/dev/null || fail "assure init failed"
if timed gen-assure "$ASSURE" import --quiet --db "$W/gen.db" police-uk "$GEN_CSV"; then
    row "$label" "assure import" "$(imported_rows "$OUT/gen-assure.log")" "$bytes"
    ASSURE_IMPORT_S_GEN=$WALL
    ASSURE_PEAK_GEN=$PEAK_KB
    [ -n "$MEASURES_DB" ] || MEASURES_DB=$W/gen.db
else
    row "$label" "assure import" 0 0 "FAILED: see bench/out/gen-assure.log"
fi

echo "    sqlite3 .import"
sqlite_script "$(dirname "$GEN_CSV")" "$(basename "$GEN_CSV")" >"$W/gen.sql"
if timed gen-sqlite3 sqlite3 "$W/gen-sqlite.db" ".read $W/gen.sql"; then
    row "$label" "sqlite3 .import --csv" "$(sqlite3 "$W/gen-sqlite.db" 'SELECT count(*) FROM street')" "$bytes"
else
    row "$label" "sqlite3 .import --csv" 0 0 "FAILED: see bench/out/gen-sqlite3.log"
fi
rm -f "$W/gen-sqlite.db"

echo "    DuckDB read_csv"
if timed gen-duckdb node bench/duckdb-load.mjs "$W/gen.duckdb" "$GEN_CSV"; then
    row "$label" "DuckDB read_csv (node)" "$(duck_rows "$OUT/gen-duckdb.log")" "$bytes"
    DUCK_S_GEN=$WALL
else
    row "$label" "DuckDB read_csv (node)" 0 0 "FAILED: see bench/out/gen-duckdb.log"
fi
rm -rf "$W/gen.duckdb"*
echo "generated 10M rows: $rows rows, $((bytes / 1000000)) MB of CSV (bench/out/street-10m.csv)" >>"$NOTES"

# --- (c) measures --------------------------------------------------------------
MEASURES_MS= MEASURES_INTERNAL=
if [ -n "$MEASURES_DB" ]; then
    # the measures read the Home Office table too: time them on a full store
    HO_ZIP=$SHARED/data/home-office/prc-pfa-quarterly-2012-13-to-2025-26-q3.zip
    if [ -f "$HO_ZIP" ]; then
        "$ASSURE" import --quiet --db "$MEASURES_DB" home-office-crime "$HO_ZIP" >/dev/null &&
            echo "measures store: the street data above plus the Home Office table (321,893 rows, 2012/13 Q1 to 2025/26 Q3)" >>"$NOTES"
    fi
    echo "(c) assure measures --force all, $MEASURE_RUNS runs"
    : >"$W/mwall"
    : >"$W/minternal"
    i=0
    while [ $i -lt $MEASURE_RUNS ]; do
        t0=$(date +%s%N)
        ASSURE_TIMING=1 "$ASSURE" measures --db "$MEASURES_DB" --force all --format json >/dev/null 2>"$OUT/measures.log" ||
            { echo "measures failed: see bench/out/measures.log" >>"$NOTES"; break; }
        t1=$(date +%s%N)
        echo $(( (t1 - t0) / 1000 )) >>"$W/mwall"
        sed -n 's/^measures: computed [^;]* in \([0-9.]*\) ms.*/\1/p' "$OUT/measures.log" >>"$W/minternal"
        i=$((i + 1))
    done
    median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
    us=$(median "$W/mwall")
    [ -n "$us" ] && MEASURES_MS=$(awk -v u="$us" 'BEGIN { printf "%.1f", u / 1000 }')
    MEASURES_INTERNAL=$(median "$W/minternal")
    internal_line=$(grep '^measures: computed' "$OUT/measures.log" | head -n 1)
fi

# --- (d) a month of officers' location pings -------------------------------------
PINGS_ROWS=${PINGS_ROWS:-30000000}
PINGS_CSV=$OUT/pings-$PINGS_ROWS.csv
GEOJSON=$OUT/boundaries.geojson
PIP_RATE= PIP_DUCK_RATE= PINGS_LINE=
"$ASSURE" gen boundaries -o "$GEOJSON" || fail "assure gen boundaries failed"
if [ -s "$PINGS_CSV" ]; then
    echo "(d) location pings: reusing $PINGS_CSV"
else
    echo "(d) location pings: assure gen pings --rows $PINGS_ROWS"
    timed gen-pings "$ASSURE" gen pings --rows "$PINGS_ROWS" --seed 1 -o "$PINGS_CSV" || fail "assure gen pings failed (see bench/out/gen-pings.log)"
    echo "generated $PINGS_CSV in $WALL s" >>"$NOTES"
fi
bytes=$(wc -c <"$PINGS_CSV")
rows=$PINGS_ROWS
label="pings, $((PINGS_ROWS / 1000000))M rows"
warm "$PINGS_CSV"
echo "    assure import pings"
"$ASSURE" init --db "$W/pings.db" >/dev/null && "$ASSURE" forces --db "$W/pings.db" office Northamptonshire >/dev/null &&
    "$ASSURE" import --quiet --db "$W/pings.db" boundaries "$GEOJSON" >"$OUT/pings-boundaries.log" || fail "setting up the pings database failed"
if timed pings-assure "$ASSURE" import --quiet --db "$W/pings.db" pings "$PINGS_CSV"; then
    row "$label" "assure import pings" "$(imported_rows "$OUT/pings-assure.log")" "$bytes"
    PIP_RATE=$(sed -n 's/.* at \([0-9.]*\) million pings a second.*/\1/p' "$OUT/pings-assure.log")
    PINGS_LINE=$(sed -n 's/^imported [^:]*: //p' "$OUT/pings-assure.log")
    for key in visibility.out-of-station visibility.priority-locations; do
        if timed "pings-$key" "$ASSURE" measures --db "$W/pings.db" --measure "$key" --window month; then
            row "$label" "assure measures $key" 0 0 "$(sed -n 2p "$OUT/pings-$key.log" | tr -s ' ' | cut -d' ' -f3-)"
        fi
    done
else
    row "$label" "assure import pings" 0 0 "FAILED: see bench/out/pings-assure.log"
fi
rm -f "$W/pings.db"
echo "    DuckDB: load, then point in polygon by plain SQL"
if timed pings-duckdb node bench/duckdb-pip.mjs "$W/pings.duckdb" "$GEOJSON" "$PINGS_CSV"; then
    dline=$(grep '^rows=' "$OUT/pings-duckdb.log")
    row "$label" "DuckDB load + PIP SQL (node)" "$(echo "$dline" | sed -n 's/^rows=\([0-9]*\).*/\1/p')" "$bytes" "$dline"
    PIP_DUCK_RATE=$(echo "$dline" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } printf "%.2f", (v["pip"] > 0 ? v["rows"] / v["pip"] / 1e6 : 0) }')
else
    row "$label" "DuckDB load + PIP SQL (node)" 0 0 "FAILED: see bench/out/pings-duckdb.log"
fi
rm -rf "$W/pings.duckdb"*
echo "pings: $PINGS_ROWS rows, $((bytes / 1000000)) MB of CSV ($PINGS_CSV), against $(grep -o '"kind"' "$GEOJSON" | wc -l) polygons" >>"$NOTES"

# --- (e) every measure over the demo office's three years of force data ------------
DEMO_MS= DEMO_INTERNAL= DEMO_LINE=
echo "(e) every measure over the demo office (three years of the force's own data), $MEASURE_RUNS runs"
if "$ASSURE" init --demo --db "$W/demo.db" >"$OUT/demo-init.log" 2>&1; then
    : >"$W/dwall"
    : >"$W/dinternal"
    i=0
    while [ $i -lt $MEASURE_RUNS ]; do
        t0=$(date +%s%N)
        ASSURE_TIMING=1 "$ASSURE" measures --db "$W/demo.db" --force all --window all --format json >/dev/null 2>"$OUT/demo-measures.log" ||
            { echo "demo measures failed: see bench/out/demo-measures.log" >>"$NOTES"; break; }
        t1=$(date +%s%N)
        echo $(( (t1 - t0) / 1000 )) >>"$W/dwall"
        sed -n 's/^measures: computed [^;]* in \([0-9.]*\) ms.*/\1/p' "$OUT/demo-measures.log" >>"$W/dinternal"
        i=$((i + 1))
    done
    median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
    us=$(median "$W/dwall")
    [ -n "$us" ] && DEMO_MS=$(awk -v u="$us" 'BEGIN { printf "%.1f", u / 1000 }')
    DEMO_INTERNAL=$(median "$W/dinternal")
    DEMO_LINE=$(grep '^measures: computed' "$OUT/demo-measures.log" | head -n 1)
    echo "demo office: $(sqlite3 "$W/demo.db" "SELECT (SELECT count(*) FROM fx_crime) || ' crimes, ' || (SELECT count(*) FROM fx_incident) || ' incidents, ' || (SELECT count(*) FROM fx_call) || ' calls, ' || (SELECT count(*) FROM fx_contact) || ' victim contacts, ' || (SELECT count(*) FROM fx_presence) || ' presence rows'")" >>"$NOTES"
else
    echo "demo office: init --demo failed (bench/out/demo-init.log)" >>"$NOTES"
fi

# --- the report ----------------------------------------------------------------
# verdict GOT OP LIMIT: "met" or "NOT MET" (OP is ge or lt).
verdict() {
    awk -v g="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == "ge") ? g >= l : g < l; print ok ? "met" : "NOT MET" }'
}
{
    echo
    echo "assure benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo),"
    echo "assure $("$ASSURE" --version | awk '{ print $2 }'), sqlite3 $(sqlite3 --version | awk '{ print $1 }'), DuckDB (node-api) $(node -p 'require("./bench/node_modules/@duckdb/node-api/package.json").version'), node $(node --version)"
    echo
    printf '%-22s %-30s %8s %11s %12s %8s %9s\n' "data" "tool" "wall s" "rows" "rows/s" "MB/s" "peak MiB"
    printf '%-22s %-30s %8s %11s %12s %8s %9s\n' "----" "----" "------" "----" "------" "----" "--------"
    cat "$TABLE"
    echo
    sed 's/^/  /' "$NOTES"
    echo
    echo "Targets:"
    for set in REAL GEN; do
        eval "a=\${ASSURE_IMPORT_S_$set:-} d=\${DUCK_S_$set:-}"
        name=$([ $set = REAL ] && echo "real 6 months (from the .zip)" || echo "generated 10M rows")
        if [ -n "$a" ] && [ -n "$d" ]; then
            x=$(awk -v a="$a" -v d="$d" 'BEGIN { printf "%.1f", (a > 0 ? d / a : 0) }')
            echo "  import >= 4x faster than DuckDB, $name: ${x}x  ($(verdict "$x" ge 4))"
        else
            echo "  import >= 4x faster than DuckDB, $name: not measured"
        fi
    done
    if [ -n "$ASSURE_PEAK_GEN" ]; then
        mib=$((ASSURE_PEAK_GEN / 1024))
        echo "  import peak memory < 200 MiB on 10M rows: $mib MiB  ($(verdict "$mib" lt 200))"
    else
        echo "  import peak memory < 200 MiB on 10M rows: not measured"
    fi
    if [ -n "$MEASURES_MS" ]; then
        db=$([ "$MEASURES_DB" = "$W/real.db" ] && echo "real 6 months" || echo "generated 10M rows")
        if [ -n "$MEASURES_INTERNAL" ]; then
            echo "  all measures for all forces < 50 ms ($db), median of $MEASURE_RUNS runs:"
            echo "    computing (ASSURE_TIMING): ${MEASURES_INTERNAL} ms  ($(verdict "$MEASURES_INTERNAL" lt 50))"
            echo "    the whole command, JSON written: ${MEASURES_MS} ms  ($(verdict "$MEASURES_MS" lt 50))"
            echo "    $internal_line"
        else
            echo "  all measures for all forces < 50 ms ($db): ${MEASURES_MS} ms whole command (median of $MEASURE_RUNS; no ASSURE_TIMING figure printed)  ($(verdict "$MEASURES_MS" lt 50))"
        fi
    else
        echo "  all measures for all forces < 50 ms: not measured"
    fi
    if [ -n "$PIP_RATE" ]; then
        echo "  point in polygon >= 20 million pings a second per core (one core): ${PIP_RATE} million  ($(verdict "$PIP_RATE" ge 20))"
        echo "    DuckDB's plain-SQL even-odd join, the same pings and polygons: ${PIP_DUCK_RATE:-not measured} million a second (all cores)"
        echo "    $PINGS_LINE"
    else
        echo "  point in polygon >= 20 million pings a second per core: not measured"
    fi
    if [ -n "$DEMO_INTERNAL" ]; then
        echo "  every measure over three years of the demo force < 1 s, median of $MEASURE_RUNS runs:"
        echo "    computing (ASSURE_TIMING): ${DEMO_INTERNAL} ms  ($(verdict "$DEMO_INTERNAL" lt 1000))"
        echo "    the whole command, every window of every area as JSON: ${DEMO_MS} ms  ($(verdict "$DEMO_MS" lt 1000))"
        echo "    $DEMO_LINE"
    else
        echo "  every measure over three years of the demo force < 1 s: not measured"
    fi
} | tee "$RESULTS"
