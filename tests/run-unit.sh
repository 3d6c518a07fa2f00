#!/bin/sh
# run-unit.sh: runs the cmocka unit-test binaries and counts their results.
# `make unit` runs it alone; tests/run-all.sh runs it as one step of
# `make check`. Each binary's output goes to build/test-logs/unit-<name>.log;
# a failing binary's errors are shown. The last line is the summary
# "N passed, N failed[, N skipped]"; the exit status is 1 when anything
# failed (a binary that crashes or exits non-zero without a counted failure
# counts as one failure).
#
# Usage: sh tests/run-unit.sh [BINARY...]   (default: build/tests/test_*)
cd "$(dirname "$0")/.." || exit 2
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=1}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS
LOGS=build/test-logs
mkdir -p "$LOGS"

if [ $# -eq 0 ]; then
    for b in build/tests/test_*; do
        [ -x "$b" ] && set -- "$@" "$b"
    done
fi

passed=0
failed=0
skipped=0
for bin in "$@"; do
    name=$(basename "$bin")
    log=$LOGS/unit-$name.log
    if [ ! -x "$bin" ]; then
        echo "  FAIL  $name: not built"
        failed=$((failed + 1))
        continue
    fi
    timeout 300 "$bin" >"$log" 2>&1
    rc=$?
    # cmocka prints per group "[  PASSED  ] N test(s)." and, when any,
    # "[  FAILED  ] N test(s), listed below:" and the same for SKIPPED.
    counts=$(awk '
        /^\[  PASSED  \] [0-9]+ test/ { p += $4 }
        /^\[  FAILED  \] [0-9]+ test\(s\), listed below/ { f += $4 }
        /^\[  SKIPPED \] [0-9]+ test\(s\), listed below/ { s += $4 }
        END { print p + 0, f + 0, s + 0 }' "$log")
    read -r p f s <<EOF
$counts
EOF
    why=
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        why=" (exit status $rc outside any counted test: a crash or a sanitizer report?)"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
    if [ "$f" -gt 0 ]; then
        echo "  FAIL  $name: $p passed, $f failed$why; log: $log"
        grep -E '^\[  (FAILED  |ERROR   )\]|^\[   LINE   \]|ERROR: (Address|Leak)Sanitizer|runtime error|SUMMARY:' "$log" |
            head -n 30 | sed 's/^/        /'
    elif [ "$s" -gt 0 ]; then
        echo "  ok    $name: $p passed, $s skipped"
    else
        echo "  ok    $name: $p passed"
    fi
done

if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
