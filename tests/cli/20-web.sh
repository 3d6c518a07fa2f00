#!/bin/sh
# 20-web.sh: the web layer through `assure test-http` (raw requests, no
# socket): users, the sign-in form and its CSRF cookie, wrong passwords,
# session cookies, redirects to sign in, CSRF on POST, capabilities, the
# headers every reply carries, the 404 page, the stylesheet's caching,
# hostile input (NUL, invalid UTF-8, markup, oversized bodies), signing
# out, sign-in throttling, and the ui/serve refusals.
. "$(dirname "$0")/lib.sh"

CSP="default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

# --- a database with users --------------------------------------------------
run "$ASSURE" init --db "$DB"
[ "$STATUS" -eq 0 ] || not_ok "init creates the test database" "$ERR"
adduser() { printf '%s\n' "$3" | "$ASSURE" user add --db "$DB" "$1" --role "$2" >"$T/.out" 2>"$T/.err"; }
if adduser admin admin password123; then ok "user add admin"; else not_ok "user add admin" "$(cat "$T/.err")"; fi
if adduser viewer viewer password456; then ok "user add viewer"; else not_ok "user add viewer" "$(cat "$T/.err")"; fi
adduser throttled viewer password789 || not_ok "user add throttled" "$(cat "$T/.err")"

adduser admin viewer password123
check_eq "user add refuses a duplicate login" "$?" 1
check_contains "the duplicate is named" "$(cat "$T/.err")" "admin"
adduser newbie emperor password123
check_contains "user add refuses an unknown role" "$(cat "$T/.err")" "emperor"
adduser newbie viewer short
check_contains "user add refuses a short password" "$(cat "$T/.err")" "at least 10"
printf '\n' | "$ASSURE" user add --db "$DB" newbie --role viewer >/dev/null 2>"$T/.err"
check_contains "user add refuses an empty password" "$(cat "$T/.err")" "no password"
adduser 'bad login' viewer password123
check_contains "user add refuses a malformed login" "$(cat "$T/.err")" "not valid"

run "$ASSURE" user list --db "$DB"
check_contains "user list shows admin with its role" "$OUT" "admin                    admin"
check_contains "user list shows viewer" "$OUT" "viewer                   viewer"
check_not_contains "user list never shows a password hash" "$OUT" "argon2"

# --- the sign-in form --------------------------------------------------------
COOKIE=
http GET /login
check_eq "GET /login is 200" "$HTTP_STATUS" 200
LOGIN_CSRF=$(set_cookie assure_login_csrf)
FORM_CSRF=$(form_value csrf)
if [ -n "$FORM_CSRF" ] && [ "$LOGIN_CSRF" = "$FORM_CSRF" ]; then ok "the form's csrf field matches its cookie"; else not_ok "the form's csrf field matches its cookie" "cookie=$LOGIN_CSRF field=$FORM_CSRF"; fi
sc=$(printf '%s\n' "$HTTP_HEADERS" | grep -i '^Set-Cookie: assure_login_csrf=')
check_contains "the login CSRF cookie is HttpOnly" "$sc" "HttpOnly"
check_contains "the login CSRF cookie is SameSite=Strict" "$sc" "SameSite=Strict"
check_eq "the page has the CSP" "$(header Content-Security-Policy)" "$CSP"
check_eq "the page has nosniff" "$(header X-Content-Type-Options)" "nosniff"
check_eq "the page has Referrer-Policy" "$(header Referrer-Policy)" "same-origin"
check_eq "pages are not stored" "$(header Cache-Control)" "no-store"
check_contains "the page has an ETag" "$(header ETag)" '"'
check_contains "the page links the stylesheet with a version" "$HTTP_BODY" 'href="/static/style.css?v='
check_contains "the page carries the licence line" "$HTTP_BODY" "Contains public sector information licensed under the Open Government Licence v3.0."
check_not_contains "the page has no inline script" "$HTTP_BODY" "<script"
check_not_contains "the page has no inline style" "$HTTP_BODY" "style="

# --- signing in -------------------------------------------------------------
COOKIE="assure_login_csrf=$LOGIN_CSRF"
http POST /login "login=admin&password=wrong-password&csrf=$FORM_CSRF"
check_eq "a wrong password is 401" "$HTTP_STATUS" 401
check_contains "a wrong password says the login or password is wrong" "$HTTP_BODY" "The login or password is wrong"
check_eq "a 401 sets no session" "$(set_cookie assure_session)" ""
check_eq "the 401 page has the CSP" "$(header Content-Security-Policy)" "$CSP"
WRONG_BODY=$HTTP_BODY
http POST /login "login=nosuchuser&password=wrong-password&csrf=$FORM_CSRF"
check_eq "an unknown login is 401 too" "$HTTP_STATUS" 401
check_contains "an unknown login gets the same message" "$HTTP_BODY" "The login or password is wrong"
a=$(printf '%s' "$WRONG_BODY" | sed 's/value="admin"/value=""/')
b=$(printf '%s' "$HTTP_BODY" | sed 's/value="nosuchuser"/value=""/')
check_eq "the two replies differ only in the login echoed" "$a" "$b"

http POST /login "login=admin&password=password123"
check_eq "POST /login without the csrf field is 403" "$HTTP_STATUS" 403
check_contains "the 403 says the form expired" "$HTTP_BODY" "The form has expired or was not sent by this site"
COOKIE=
http POST /login "login=admin&password=password123&csrf=$FORM_CSRF"
check_eq "POST /login without the csrf cookie is 403" "$HTTP_STATUS" 403
COOKIE="assure_login_csrf=$LOGIN_CSRF"
http POST /login "login=admin&password=password123&csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
check_eq "POST /login with a mismatched csrf is 403" "$HTTP_STATUS" 403

http POST /login "login=admin&password=password123&csrf=$FORM_CSRF&next=%2Fmeasures%3Fx%3D1"
check_eq "the right password is 303" "$HTTP_STATUS" 303
check_eq "it goes to the local next" "$(header Location)" "/measures?x=1"
SESSION=$(set_cookie assure_session)
sc=$(printf '%s\n' "$HTTP_HEADERS" | grep -i '^Set-Cookie: assure_session=')
check_contains "the session cookie is HttpOnly" "$sc" "HttpOnly"
check_contains "the session cookie is SameSite=Strict" "$sc" "SameSite=Strict"
check_contains "the session cookie has Path=/" "$sc" "Path=/"
check_eq "the session token is 43 base64url characters" "$(printf '%s' "$SESSION" | tr -d 'A-Za-z0-9_-' | wc -c | tr -d ' '):${#SESSION}" "0:43"
if command -v sqlite3 >/dev/null 2>&1; then
    hash=$(printf '%s' "$SESSION" | sha256sum | cut -d ' ' -f 1)
    check_eq "the database keeps the token's SHA-256, not the token" \
        "$(sqlite3 "$DB" "SELECT count(*) FROM session WHERE token_hash='$hash'"):$(sqlite3 "$DB" "SELECT count(*) FROM session WHERE token_hash='$SESSION'")" "1:0"
else
    skip "the database keeps the token's SHA-256, not the token" "no sqlite3 command"
fi

for next in "//evil.example/" "https://evil.example/" "/\\evil.example"; do
    COOKIE=
    http GET /login
    c=$(set_cookie assure_login_csrf)
    COOKIE="assure_login_csrf=$c"
    http POST /login "login=admin&password=password123&csrf=$(form_value csrf)&next=$(urlencode "$next")"
    check_eq "next=$(printf '%s' "$next" | tr '\\' B) (another host) is not followed" "$(header Location)" "/"
done

# --- redirects, capabilities and CSRF on pages ----------------------------------
COOKIE=
http GET /dashboard
check_eq "the dashboard without a session is 303" "$HTTP_STATUS" 303
check_eq "it redirects to sign in with next" "$(header Location)" "/login?next=%2Fdashboard"
check_eq "the redirect has the CSP" "$(header Content-Security-Policy)" "$CSP"
http GET /
check_eq "/ without a session goes to /login" "$(header Location)" "/login"
COOKIE="assure_session=$SESSION"
http GET /
check_eq "/ with a session goes to /dashboard" "$(header Location)" "/dashboard"
http GET /dashboard
if [ "$HTTP_STATUS" != 303 ] && [ "$HTTP_STATUS" != 403 ]; then ok "the dashboard with a session runs the page"; else not_ok "the dashboard with a session runs the page" "status $HTTP_STATUS"; fi
http GET /no/such/page
check_contains "the header names the user" "$HTTP_BODY" ">admin<"
check_contains "the header has a Sign out form" "$HTTP_BODY" 'action="/logout"'
check_contains "an admin sees Imports in the navigation" "$HTTP_BODY" 'href="/imports"'
SESSION_CSRF=$(form_value csrf)
http GET /imports
check_eq "an admin may see /imports" "$HTTP_STATUS" 200
http POST /forces "office=x"
check_eq "a POST without the csrf field is 403" "$HTTP_STATUS" 403
check_contains "the 403 says the form expired" "$HTTP_BODY" "The form has expired"
http POST /measures "csrf=$SESSION_CSRF"
check_eq "POST to a GET-only page is 405" "$HTTP_STATUS" 405
check_contains "the 405 lists the allowed methods" "$(header Allow)" "GET"
COOKIE="assure_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
http GET /dashboard
check_eq "a forged session cookie is not signed in" "$HTTP_STATUS" 303

VIEWER=$(login_cookie viewer password456 /dashboard)
COOKIE=$VIEWER
http GET /imports
check_eq "a viewer gets 403 on /imports" "$HTTP_STATUS" 403
check_eq "the 403 has the CSP" "$(header Content-Security-Policy)" "$CSP"
http GET /no/such/page
check_contains "a viewer sees the navigation" "$HTTP_BODY" 'href="/measures"'
check_not_contains "a viewer does not see Imports in the navigation" "$HTTP_BODY" 'href="/imports"'
http POST /forces "csrf=$(form_value csrf)"
check_eq "a viewer may not POST settings" "$HTTP_STATUS" 403

# --- 404, static assets, caching ---------------------------------------------
COOKIE=
http GET /no/such/page
check_eq "an unknown page is 404" "$HTTP_STATUS" 404
check_contains "the 404 page says so" "$HTTP_BODY" "Page not found"
check_contains "the 404 page uses the layout" "$HTTP_BODY" "Open Government Licence v3.0"
check_eq "the 404 has the CSP" "$(header Content-Security-Policy)" "$CSP"
check_eq "the 404 has nosniff" "$(header X-Content-Type-Options)" "nosniff"

http GET "/static/style.css?v=1"
check_eq "the stylesheet is 200" "$HTTP_STATUS" 200
check_eq "the stylesheet is text/css" "$(header Content-Type)" "text/css; charset=utf-8"
check_eq "the stylesheet is cached immutably" "$(header Cache-Control)" "public, max-age=31536000, immutable"
check_eq "the stylesheet has nosniff" "$(header X-Content-Type-Options)" "nosniff"
check_contains "the stylesheet has the chart classes" "$HTTP_BODY" ".chart .series"
ETAG=$(header ETag)
printf 'GET /static/style.css HTTP/1.1\r\nIf-None-Match: %s\r\n\r\n' "$ETAG" | "$ASSURE" test-http --db "$DB" >"$T/.reply"
check_eq "a matching If-None-Match is 304" "$(head -n 1 "$T/.reply" | tr -d '\r')" "HTTP/1.1 304 Not Modified"
http GET /static/nothing.js
check_eq "an unknown asset is 404" "$HTTP_STATUS" 404
http GET /static/../sql/001_core.sql
check_eq "no way out of the assets" "$HTTP_STATUS" 404

# --- hostile input -------------------------------------------------------------
http GET "/login?next=%00"
check_eq "a NUL in a parameter is 400" "$HTTP_STATUS" 400
check_eq "the 400 has the CSP" "$(header Content-Security-Policy)" "$CSP"
http GET "/login?next=%C0%AF"
check_eq "invalid UTF-8 in a parameter is 400" "$HTTP_STATUS" 400
http GET "/%FF"
check_eq "invalid UTF-8 in the path is 400" "$HTTP_STATUS" 400
http GET "/login?next=$(urlencode '/"><script>alert(1)</script>')"
check_not_contains "markup in a parameter is never reflected raw" "$HTTP_BODY" "<script>"
check_contains "markup in a parameter is escaped" "$HTTP_BODY" "&quot;&gt;&lt;script&gt;"
head -c 8500000 /dev/zero | tr '\0' 'a' >"$T/big"
{ printf 'POST /login HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 8500002\r\n\r\nx='; cat "$T/big"; } |
    "$ASSURE" test-http --db "$DB" >"$T/.reply"
check_eq "a body over 8 MiB is 413" "$(head -n 1 "$T/.reply" | cut -d ' ' -f 2)" 413
http DELETE /login
check_eq "an unknown method is 405" "$HTTP_STATUS" 405

# --- signing out --------------------------------------------------------------
COOKIE="assure_session=$SESSION"
http POST /logout "csrf=wrong"
check_eq "sign out with a wrong csrf is 403" "$HTTP_STATUS" 403
http POST /logout "csrf=$SESSION_CSRF"
check_eq "sign out is 303" "$HTTP_STATUS" 303
check_eq "sign out goes to /login" "$(header Location)" "/login"
check_contains "sign out clears the cookie" "$(printf '%s\n' "$HTTP_HEADERS" | grep -i '^Set-Cookie: assure_session=')" "Max-Age=0"
http GET /dashboard
check_eq "the old session no longer works" "$HTTP_STATUS" 303

# --- throttling ---------------------------------------------------------------
COOKIE=
http GET /login
c=$(set_cookie assure_login_csrf)
f=$(form_value csrf)
COOKIE="assure_login_csrf=$c"
statuses=
for i in 1 2 3 4 5; do
    http POST /login "login=throttled&password=not-the-password&csrf=$f"
    statuses="$statuses $HTTP_STATUS"
done
check_eq "five wrong passwords are each 401" "$statuses" " 401 401 401 401 401"
http POST /login "login=throttled&password=password789&csrf=$f"
check_eq "the sixth attempt is 429, even with the right password" "$HTTP_STATUS" 429
check_contains "it says how long to wait" "$HTTP_BODY" "Too many failed sign-in attempts; try again in 15 minutes"
check_eq "a throttled attempt sets no session" "$(set_cookie assure_session)" ""
http POST /login "login=admin&password=password123&csrf=$f"
check_eq "other logins are not throttled" "$HTTP_STATUS" 303

# --- ui and serve refusals ----------------------------------------------------
run "$ASSURE" ui --db "$T/missing.db"
check_eq "ui without a database exits 1" "$STATUS" 1
check_contains "ui says how to create one" "$ERR" "no database at $T/missing.db; create one with 'assure init --demo'"
run "$ASSURE" serve --db "$DB"
check_eq "serve without --port exits 1" "$STATUS" 1
check_contains "serve says --port is required" "$ERR" "--port"

finish
