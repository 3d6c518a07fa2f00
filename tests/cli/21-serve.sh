#!/bin/sh
# 21-serve.sh: the real server (http.c over libmicrohttpd) on a loopback
# port, through curl: the same replies as test-http (headers, CSRF cookie,
# sign-in), the raw request-target decoded by req.c (a %00 is still a 400),
# HEAD, 304, the 8 MiB body limit, concurrent requests, `ui` printing its
# address, and a clean stop on SIGTERM.
. "$(dirname "$0")/lib.sh"

if ! command -v curl >/dev/null 2>&1; then
    skip "the real server" "no curl"
    finish
fi

"$ASSURE" init --db "$DB" >/dev/null 2>&1 || not_ok "init creates the test database"
printf 'password123\n' | "$ASSURE" user add --db "$DB" admin --role admin >/dev/null 2>&1 || not_ok "user add admin"


if ! start_server "$ASSURE" serve --db "$DB"; then
    not_ok "serve starts and listens" "$(cat "$T/server.err")"
    finish
fi
ok "serve starts and listens on 127.0.0.1:$PORT"
BASE=http://127.0.0.1:$PORT
check_contains "serve prints its address" "$(cat "$T/server.out")" "at http://127.0.0.1:$PORT/"

# curl_reply ARGS...: runs curl -si and splits the reply like lib.sh's http.
curl_reply() {
    curl -s -i "$@" >"$T/.reply" 2>"$T/.curl-err"
    HTTP_STATUS=$(head -n 1 "$T/.reply" | cut -d ' ' -f 2)
    HTTP_HEADERS=$(awk 'NR > 1 { sub(/\r$/, ""); if ($0 == "") exit; print }' "$T/.reply")
    HTTP_BODY=$(awk 'body { print; next } { sub(/\r$/, "") } $0 == "" { body = 1 }' "$T/.reply")
}

curl_reply "$BASE/login"
check_eq "GET /login is 200" "$HTTP_STATUS" 200
check_eq "the CSP is sent" "$(header Content-Security-Policy)" "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
check_eq "nosniff is sent" "$(header X-Content-Type-Options)" "nosniff"
check_eq "the Content-Type is HTML" "$(header Content-Type)" "text/html; charset=utf-8"
curl -s -D "$T/.h" -o "$T/.b" "$BASE/login"
check_eq "the Content-Length is the body's" "$(awk 'tolower($1) == "content-length:" { sub(/\r$/, ""); print $2 }' "$T/.h")" "$(wc -c <"$T/.b" | tr -d ' ')"
LC=$(set_cookie assure_login_csrf)
FC=$(form_value csrf)
check_eq "the csrf cookie and field agree" "$LC" "$FC"

curl_reply -X POST -H "Cookie: assure_login_csrf=$LC" --data "login=admin&password=wrong-password&csrf=$FC" "$BASE/login"
check_eq "a wrong password is 401" "$HTTP_STATUS" 401
curl_reply -X POST -H "Cookie: assure_login_csrf=$LC" --data "login=admin&password=password123" "$BASE/login"
check_eq "no csrf is 403" "$HTTP_STATUS" 403
curl_reply -X POST -H "Cookie: assure_login_csrf=$LC" --data "login=admin&password=password123&csrf=$FC" "$BASE/login"
check_eq "the right password is 303" "$HTTP_STATUS" 303
SESSION=$(set_cookie assure_session)
check_eq "a session cookie is set" "${#SESSION}" 43
curl_reply -H "Cookie: assure_session=$SESSION" "$BASE/nowhere"
check_eq "an unknown page is 404" "$HTTP_STATUS" 404
check_contains "the session works over the socket" "$HTTP_BODY" ">admin<"
curl_reply -H "Cookie: other=1" -H "Cookie: assure_session=$SESSION" "$BASE/nowhere"
check_contains "a second Cookie header is read too" "$HTTP_BODY" ">admin<"

curl_reply "$BASE/login?next=%00"
check_eq "a %00 in the query is 400 over the socket too" "$HTTP_STATUS" 400
curl_reply --path-as-is "$BASE/a%00b"
check_eq "a %00 in the path is 400" "$HTTP_STATUS" 400

curl_reply -I "$BASE/login"
check_eq "HEAD is 200" "$HTTP_STATUS" 200
check_eq "HEAD has no body" "$HTTP_BODY" ""

curl_reply "$BASE/static/style.css"
check_eq "the stylesheet is immutable" "$(header Cache-Control)" "public, max-age=31536000, immutable"
ETAG=$(header ETag)
curl_reply -H "If-None-Match: $ETAG" "$BASE/static/style.css"
check_eq "a matching If-None-Match is 304" "$HTTP_STATUS" 304

head -c 8500000 /dev/zero | tr '\0' 'a' >"$T/big"
# Sent as a client should send a large body, with Expect: 100-continue: the
# server answers 413 before any of it is sent. (Sent outright, the server's
# early 413 and close can race the upload, and curl may see only a reset.)
curl_reply -X POST -H "Content-Type: application/x-www-form-urlencoded" --data-binary "@$T/big" "$BASE/login"
check_eq "a body over 8 MiB is 413" "$HTTP_STATUS" 413
head -c 8380000 /dev/zero | tr '\0' 'a' >"$T/fits"
curl_reply -X POST -H "Expect:" -H "Content-Type: application/x-www-form-urlencoded" --data-binary "@$T/fits" "$BASE/login"
check_eq "a body under 8 MiB is read (and lacks the csrf: 403)" "$HTTP_STATUS" 403

i=0
wait_pids=
while [ $i -lt 24 ]; do
    curl -s -m 60 -o /dev/null -w '%{http_code}\n' "$BASE/login" >"$T/par.$i" &
    wait_pids="$wait_pids $!"
    i=$((i + 1))
done
for p in $wait_pids; do wait "$p" 2>/dev/null; done
check_eq "24 concurrent requests are all 200" "$(cat "$T"/par.* | sort -u | tr -d '\n')" 200

stop_server
check_eq "serve stops cleanly on SIGTERM" "$STOP_STATUS" 0

if start_server "$ASSURE" ui --db "$DB"; then
    check_eq "ui prints its address" "$(cat "$T/server.out")" "assure: serving $DB at http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
    kill -INT "$SERVER_PID"
    i=0
    while kill -0 "$SERVER_PID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        not_ok "ui stops on SIGINT"
        kill -KILL "$SERVER_PID"
    else
        wait "$SERVER_PID"
        check_eq "ui stops cleanly on SIGINT" "$?" 0
    fi
    SERVER_PID=
else
    not_ok "ui starts" "$(cat "$T/server.err")"
fi

finish
