# lib.sh: helpers for the numbered shell tests (tests/cli/NN-name.sh).
# Sourced, not run:   . "$(dirname "$0")/lib.sh"
#
# Each test prints TAP-like lines, "ok N - what" or "not ok N - what" (with
# the evidence as "#" lines under it; " # skip why" marks a skipped one),
# then "1..N". tests/run-all.sh counts those lines. A script runs alone too:
#   sh tests/cli/10-cli.sh            (from the project root)
#
# Environment (tests/run-all.sh sets it; these are the defaults):
#   ASSURE          the binary under test (build/asan/assure, else build/assure)
#   ASSURE_RELEASE  the release binary (build/assure)
#   SHARED          the shared data folder (../shared), maybe absent
#   TMPDIR          where this script's scratch folder $T goes
#
# Globals a test may use: T (scratch folder, removed on exit), DB ($T/test.db),
# OUT, ERR, STATUS (after `run`), HTTP_STATUS, HTTP_HEADERS, HTTP_BODY (after
# `http`), COOKIE (sent by `http` when set), PORT and SERVER_PID (after
# `start_server`; `http` then goes to that server through curl).

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "${ASSURE:-}" ]; then
    ASSURE=$ROOT/build/asan/assure
    [ -x "$ASSURE" ] || ASSURE=$ROOT/build/assure
fi
case $ASSURE in /*) ;; *) ASSURE=$ROOT/$ASSURE ;; esac
: "${ASSURE_RELEASE:=$ROOT/build/assure}"
case $ASSURE_RELEASE in /*) ;; *) ASSURE_RELEASE=$ROOT/$ASSURE_RELEASE ;; esac
: "${SHARED:=$ROOT/../shared}"
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=1}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
export ASSURE ASSURE_RELEASE SHARED ASAN_OPTIONS UBSAN_OPTIONS

T=$(mktemp -d "${TMPDIR:-/tmp}/assure-test.XXXXXX") || exit 1
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill -KILL "$SERVER_PID" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 130' INT TERM
DB=$T/test.db
COOKIE=
T_NUM=0
T_FAILED=0
T_SKIPPED=0

# ok DESC: records a passed test.
ok() {
    T_NUM=$((T_NUM + 1))
    echo "ok $T_NUM - $1"
}

# not_ok DESC [DETAIL...]: records a failed test; each DETAIL (may span
# lines) is printed under it as "#" comment lines.
not_ok() {
    T_NUM=$((T_NUM + 1))
    T_FAILED=$((T_FAILED + 1))
    echo "not ok $T_NUM - $1"
    shift
    for d in "$@"; do
        [ -n "$d" ] && printf '%s\n' "$d" | head -n 25 | sed 's/^/#   /'
    done
    return 0
}

# skip DESC WHY: records a test that could not run here.
skip() {
    T_NUM=$((T_NUM + 1))
    T_SKIPPED=$((T_SKIPPED + 1))
    echo "ok $T_NUM - $1 # skip $2"
}

# run CMD...: runs CMD, keeping its stdout in OUT, stderr in ERR and exit
# status in STATUS. Never fails itself.
run() {
    "$@" >"$T/.out" 2>"$T/.err" </dev/null
    STATUS=$?
    OUT=$(cat "$T/.out")
    ERR=$(cat "$T/.err")
    return 0
}

# check DESC CMD...: passes when CMD exits with status 0.
check() {
    _desc=$1
    shift
    run "$@"
    if [ "$STATUS" -eq 0 ]; then ok "$_desc"; else not_ok "$_desc" "command: $(printf '%s' "$*" | head -n 1 | cut -c 1-200)" "exit status $STATUS" "$OUT" "$ERR"; fi
}

# check_status DESC N CMD...: passes when CMD exits with status N.
check_status() {
    _desc=$1
    _want=$2
    shift 2
    run "$@"
    if [ "$STATUS" -eq "$_want" ]; then ok "$_desc"; else not_ok "$_desc" "command: $(printf '%s' "$*" | head -n 1 | cut -c 1-200)" "exit status $STATUS, expected $_want" "$OUT" "$ERR"; fi
}

# pycheck DESC CODE [ARG...]: runs the Python 3 CODE (with sys.argv[1:] =
# ARGs); passes when it raises nothing. A failure shows the exception's
# message, not a traceback: write asserts with a message.
pycheck() {
    _desc=$1
    _code=$2
    shift 2
    run python3 -c '
import sys
code = sys.argv[1]
sys.argv = sys.argv[1:]
try:
    exec(compile(code, "check", "exec"), {})
except Exception as e:
    print("%s: %s" % (type(e).__name__, e))
    sys.exit(1)
' "$_code" "$@"
    if [ "$STATUS" -eq 0 ]; then ok "$_desc"; else not_ok "$_desc" "$OUT" "$ERR"; fi
}

# check_contains DESC HAYSTACK NEEDLE: passes when NEEDLE occurs in HAYSTACK.
check_contains() {
    case $2 in
    *"$3"*) ok "$1" ;;
    *) not_ok "$1" "expected to find: $3" "in: $(printf '%s' "$2" | head -c 1500)" ;;
    esac
}

# check_not_contains DESC HAYSTACK NEEDLE: passes when NEEDLE does not occur.
check_not_contains() {
    case $2 in
    *"$3"*) not_ok "$1" "did not expect: $3" "$(printf '%s\n' "$2" | grep -F -- "$3" | head -n 5)" ;;
    *) ok "$1" ;;
    esac
}

# check_eq DESC GOT WANT: passes when the two strings are equal.
check_eq() {
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:      $2" "expected: $3"; fi
}

# urlencode STRING: prints STRING percent-encoded for a form or query value.
urlencode() {
    printf '%s' "$1" | od -An -v -tx1 | awk '
        BEGIN { for (i = 0; i < 256; i++) dec[sprintf("%02x", i)] = i }
        { for (i = 1; i <= NF; i++) {
            c = dec[$i]
            if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 46 || c == 95 || c == 126)
                printf "%c", c
            else
                printf "%%%s", toupper($i)
        } }'
}

# http METHOD TARGET [BODY [CONTENT-TYPE]]: sends one request (with
# Cookie: $COOKIE when COOKIE is set) and sets HTTP_STATUS (000 when the
# request could not be made), HTTP_HEADERS (header lines, CR removed) and
# HTTP_BODY. A POST body defaults to application/x-www-form-urlencoded.
# The request goes through `$ASSURE test-http --db $DB` (a new process per
# request, the raw reply kept in $T/.reply), or, after `start_server`, to
# that server on loopback through curl.
http() {
    if [ -n "$SERVER_PID" ]; then
        http_curl "$@"
        return 0
    fi
    _m=$1
    _t=$2
    _body=${3:-}
    _ctype=${4:-application/x-www-form-urlencoded}
    {
        printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n' "$_m" "$_t"
        [ -n "$COOKIE" ] && printf 'Cookie: %s\r\n' "$COOKIE"
        if [ "$_m" = POST ] || [ -n "$_body" ]; then
            printf 'Content-Type: %s\r\nContent-Length: %d\r\n' "$_ctype" "$(printf '%s' "$_body" | wc -c)"
        fi
        printf '\r\n%s' "$_body"
    } >"$T/.request"
    if "$ASSURE" test-http --db "$DB" <"$T/.request" >"$T/.reply" 2>"$T/.http-err"; then
        HTTP_STATUS=$(head -n 1 "$T/.reply" | cut -d ' ' -f 2)
    else
        HTTP_STATUS=000
    fi
    HTTP_ERR=$(cat "$T/.http-err")
    HTTP_HEADERS=$(awk 'NR > 1 { sub(/\r$/, ""); if ($0 == "") exit; print }' "$T/.reply")
    HTTP_BODY=$(awk 'body { print; next } { sub(/\r$/, "") } $0 == "" { body = 1 }' "$T/.reply")
    return 0
}

# http_curl: `http` against the server start_server started.
http_curl() {
    _m=$1
    _t=$2
    _body=${3:-}
    _ctype=${4:-application/x-www-form-urlencoded}
    : >"$T/.headers"
    : >"$T/.body"
    set -- -s -o "$T/.body" -D "$T/.headers" -H 'Expect:'
    [ -n "$COOKIE" ] && set -- "$@" -H "Cookie: $COOKIE"
    case $_m in
    GET) ;;
    HEAD) set -- "$@" -I ;;
    *) set -- "$@" -X "$_m" ;;
    esac
    if [ "$_m" = POST ] || [ -n "$_body" ]; then
        printf '%s' "$_body" >"$T/.reqbody"
        set -- "$@" -H "Content-Type: $_ctype" --data-binary "@$T/.reqbody"
    fi
    if curl "$@" "http://127.0.0.1:$PORT$_t" 2>"$T/.http-err"; then
        HTTP_STATUS=$(head -n 1 "$T/.headers" | cut -d ' ' -f 2)
    else
        HTTP_STATUS=000
    fi
    HTTP_ERR=$(cat "$T/.http-err")
    HTTP_HEADERS=$(awk 'NR > 1 { sub(/\r$/, ""); if ($0 == "") exit; print }' "$T/.headers")
    HTTP_BODY=$(cat "$T/.body")
}

# start_server CMD...: starts CMD (e.g. "$ASSURE" serve --db "$DB") in the
# background on a free loopback port (tries a few random ones), output in
# $T/server.out and $T/server.err; sets PORT and SERVER_PID, after which
# `http` talks to it. Returns 1 when it never listened.
start_server() {
    for try in 1 2 3 4 5; do
        PORT=$(awk -v s="$$$try" 'BEGIN { srand(s + systime()); print 20000 + int(rand() * 40000) }')
        "$@" --port "$PORT" >"$T/server.out" 2>"$T/server.err" &
        SERVER_PID=$!
        i=0
        while [ $i -lt 100 ]; do
            if curl -s -o /dev/null "http://127.0.0.1:$PORT/static/style.css"; then return 0; fi
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
            i=$((i + 1))
        done
        kill "$SERVER_PID" 2>/dev/null
        wait "$SERVER_PID" 2>/dev/null
        SERVER_PID=
    done
    return 1
}

# stop_server: SIGTERM, then waits; sets STOP_STATUS (124 when it hung).
# `http` goes back to test-http.
stop_server() {
    kill -TERM "$SERVER_PID" 2>/dev/null
    i=0
    while kill -0 "$SERVER_PID" 2>/dev/null && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -KILL "$SERVER_PID" 2>/dev/null
        STOP_STATUS=124
    else
        wait "$SERVER_PID"
        STOP_STATUS=$?
    fi
    SERVER_PID=
}

# header NAME: prints the value of the first reply header NAME (any case).
header() {
    printf '%s\n' "$HTTP_HEADERS" | awk -v n="$1" '
        { i = index($0, ":"); if (i && tolower(substr($0, 1, i - 1)) == tolower(n)) { v = substr($0, i + 1); sub(/^[ \t]+/, "", v); print v; exit } }'
}

# set_cookie NAME: prints the value the reply's Set-Cookie headers give
# cookie NAME (empty when none does).
set_cookie() {
    printf '%s\n' "$HTTP_HEADERS" | awk -v n="$1" '
        tolower($0) ~ /^set-cookie:/ {
            v = substr($0, index($0, ":") + 1); sub(/^[ \t]+/, "", v); sub(/;.*/, "", v)
            if (substr(v, 1, length(n) + 1) == n "=") { print substr(v, length(n) + 2); exit }
        }'
}

# form_value NAME: prints the value attribute of the first <input> named
# NAME in HTTP_BODY (attributes in any order), HTML entities decoded.
form_value() {
    printf '%s\n' "$HTTP_BODY" | tr '\n' ' ' | awk -v n="$1" '{
        s = $0
        while (match(s, /<input[^>]*>/)) {
            tag = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
            if (index(tag, "name=\"" n "\"") && match(tag, /value="[^"]*"/)) {
                print substr(tag, RSTART + 7, RLENGTH - 8); exit
            }
        }
    }' | sed 's/&quot;/"/g; s/&#39;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
}

# login_cookie LOGIN PASSWORD [NEXT]: signs in through test-http as the
# browser does (GET /login for the assure_login_csrf cookie and the csrf
# field, then POST /login) and prints "assure_session=VALUE" for COOKIE.
# Prints nothing and returns 1 when the login fails.
login_cookie() {
    COOKIE=
    http GET /login
    _lc=$(set_cookie assure_login_csrf)
    _csrf=$(form_value csrf)
    [ -n "$_lc" ] && [ -n "$_csrf" ] || return 1
    COOKIE="assure_login_csrf=$_lc"
    http POST /login "login=$(urlencode "$1")&password=$(urlencode "$2")&csrf=$(urlencode "$_csrf")&next=$(urlencode "${3:-/dashboard}")"
    COOKIE=
    _s=$(set_cookie assure_session)
    [ -n "$_s" ] || return 1
    printf 'assure_session=%s\n' "$_s"
}

# finish: prints the plan line and exits 1 when any test failed.
finish() {
    echo "1..$T_NUM"
    [ "$T_FAILED" -eq 0 ]
    exit $?
}
