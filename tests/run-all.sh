#!/bin/sh
# run-all.sh: every test of `make check`, in order:
#   1. the source lint (tests/lint.sh), counted as one test;
#   2. the cmocka unit tests (build/tests/test_*, via tests/run-unit.sh);
#   3. the numbered shell tests tests/cli/NN-*.sh (TAP-like "ok N - ..." and
#      "not ok N - ..." lines; "# skip" marks a skipped one);
#   4. the node tests tests/browser/*.test.mjs (node's test runner).
# `make check` builds the binaries first; this script only runs them.
#
# Each script gets a fresh TMPDIR (removed afterwards) and this environment:
#   ASSURE=build/asan/assure (sanitizers on; leaks and UB abort the run)
#   ASSURE_RELEASE=build/assure, SHARED=<absolute ../shared>
# One line per script; a failing script's failures are shown under it and
# its whole output is kept in build/test-logs/. The last line is exactly
# "N passed, N failed" (", N skipped" when any were skipped); the exit
# status is 1 when anything failed.
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
ASSURE=$ROOT/build/asan/assure
ASSURE_RELEASE=$ROOT/build/assure
if [ -d "$ROOT/../shared" ]; then SHARED=$(cd "$ROOT/../shared" && pwd); else SHARED=$ROOT/../shared; fi
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# A statement left unfinalized when a connection closes aborts (db.c).
ASSURE_STRICT=1
export ASSURE ASSURE_RELEASE SHARED ASAN_OPTIONS UBSAN_OPTIONS ASSURE_STRICT
LOGS=$ROOT/build/test-logs
mkdir -p "$LOGS"
BASE_TMP=${TMPDIR:-/tmp}
STEP_TIMEOUT=600 # seconds any one script may take

passed=0
failed=0
skipped=0

# tally NAME P F S [DETAIL_FILE]: adds a script's counts and prints its line
# (with the failure details under it when it failed).
tally() {
    passed=$((passed + $2))
    failed=$((failed + $3))
    skipped=$((skipped + $4))
    extra=
    [ "$4" -gt 0 ] && extra=", $4 skipped"
    if [ "$3" -gt 0 ]; then
        printf '  FAIL  %-34s %d passed, %d failed%s\n' "$1" "$2" "$3" "$extra"
        [ -n "${5:-}" ] && [ -s "$5" ] && head -n 60 "$5" | sed 's/^/        /'
    else
        printf '  ok    %-34s %d passed%s\n' "$1" "$2" "$extra"
    fi
}

# fresh_tmp: a new TMPDIR for one script.
fresh_tmp() {
    TMPDIR=$(mktemp -d "$BASE_TMP/assure-check.XXXXXX") || exit 2
    export TMPDIR
}

# 1. lint
if sh tests/lint.sh >"$LOGS/lint.log" 2>&1; then
    tally lint 1 0 0
else
    tally lint 0 1 0 "$LOGS/lint.log"
fi

# 2. unit tests
sh tests/run-unit.sh >"$LOGS/unit.log" 2>&1
unit_rc=$?
summary=$(tail -n 1 "$LOGS/unit.log")
counts=$(printf '%s\n' "$summary" | awk '/^[0-9]+ passed, [0-9]+ failed/ { gsub(/,/, ""); print $1, $3, ($5 == "" ? 0 : $5) }')
if [ -z "$counts" ]; then counts="0 1 0"; fi
read -r p f s <<EOF
$counts
EOF
[ "$unit_rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
grep -v '^  ok ' "$LOGS/unit.log" | sed '$d' >"$LOGS/unit.fail"
tally "unit (cmocka)" "$p" "$f" "$s" "$LOGS/unit.fail"

# 3. numbered shell tests
for t in tests/cli/[0-9]*.sh; do
    [ -f "$t" ] || continue
    name=${t#tests/}
    log=$LOGS/$(basename "$t" .sh).log
    fresh_tmp
    timeout "$STEP_TIMEOUT" sh "$t" >"$log" 2>&1 </dev/null
    rc=$?
    rm -rf "$TMPDIR"
    counts=$(awk '
        /^not ok [0-9]+/ { f++; next }
        /^ok [0-9]+/ { if (tolower($0) ~ /# skip/) s++; else p++ }
        END { print p + 0, f + 0, s + 0 }' "$log")
    read -r p f s <<EOF
$counts
EOF
    # the failing lines and their evidence, then anything else it printed
    awk '/^not ok/ { show = 1; print; next } /^ok / || /^1\.\./ { show = 0; next } show && /^#/ { print; next } { show = 0; print }' "$log" >"$log.fail"
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "exited with status $rc without a failing test (timeout is 124; log: $log)" >>"$log.fail"
    fi
    if [ $((p + f + s)) -eq 0 ]; then
        f=1
        echo "ran no test (log: $log)" >>"$log.fail"
    fi
    tally "$name" "$p" "$f" "$s" "$log.fail"
done

# 4. node tests (node's test runner, TAP output; its closing "# pass N" lines
# are counted)
for t in tests/browser/*.test.mjs; do
    [ -f "$t" ] || continue
    name=${t#tests/}
    log=$LOGS/$(basename "$t" .test.mjs).node.log
    fresh_tmp
    if command -v node >/dev/null 2>&1; then
        NO_COLOR=1 FORCE_COLOR=0 timeout "$STEP_TIMEOUT" node --test --test-reporter=tap "$t" >"$log" 2>&1 </dev/null
        rc=$?
    else
        echo "node is not installed (sh tools/deps.sh test installs it)" >"$log"
        rc=127
    fi
    rm -rf "$TMPDIR"
    counts=$(awk '
        /^# pass [0-9]+/ { p = $3 }
        /^# fail [0-9]+/ { f += $3 }
        /^# cancelled [0-9]+/ { f += $3 }
        /^# skipped [0-9]+/ { s = $3 }
        END { print p + 0, f + 0, s + 0 }' "$log")
    read -r p f s <<EOF
$counts
EOF
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    : >"$log.fail"
    if [ "$f" -gt 0 ]; then
        # each failing test's TAP block, from "not ok" to its closing "..."
        awk '/^ *not ok / { show = 1 } show && !/^ *(duration_ms|type|location|failureType|code):/ { print }
             show && /^ *\.\.\.$/ { show = 0 }' "$log" | head -n 60 >"$log.fail"
        [ -s "$log.fail" ] || tail -n 30 "$log" >"$log.fail"
        echo "(log: $log)" >>"$log.fail"
    fi
    tally "$name" "$p" "$f" "$s" "$log.fail"
done

echo
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
