#!/bin/sh
# 68-users.sh: managing users, on the command line (assure user
# add|list|role|disable|enable|password) and on /users: a role change takes
# effect on the next request; disabling a user or setting their password
# signs them out everywhere; a short password, an unknown role or login is
# refused with the field named and nothing changed; the last user who can
# manage users cannot be disabled or lose that role; every change is in the
# audit trail with who made it, a password reset included (without the
# hash); only roles with capability u reach the page.
. "$(dirname "$0")/lib.sh"

run "$ASSURE" init --demo --db "$DB"
[ "$STATUS" -eq 0 ] || not_ok "init --demo" "$ERR"
q() { sqlite3 "$DB" "$1" 2>&1; }
audits() { q 'SELECT count(*) FROM audit'; }
users() { q "SELECT group_concat(login || ':' || role || ':' || disabled, ' ') FROM (SELECT * FROM user ORDER BY login)"; }

# --- the command line ---------------------------------------------------------------
printf 'ann-pass-12345\n' | "$ASSURE" user add --db "$DB" ann --role officer >/dev/null 2>&1
run "$ASSURE" user list --db "$DB"
check_contains "user list shows a user's role" "$OUT" "ann                      officer"
check_contains "and the roles there are, with what each is for" "$OUT" "panel            Police, Fire and Crime Panel member"

run "$ASSURE" user role --db "$DB" ann --role commissioner
check_eq "user role changes a role" "$STATUS:$OUT" "0:ann now has the role commissioner"
run "$ASSURE" user role --db "$DB" ann --role boss
check_eq "an unknown role is refused" "$STATUS" 1
check_contains "naming the roles there are" "$ERR" "no role named 'boss' (roles: admin, chief-executive"
run "$ASSURE" user disable --db "$DB" nobody
check_contains "an unknown login is named" "$ERR" "user disable: there is no user named 'nobody'"
run "$ASSURE" user disable --db "$DB" admin
check_eq "the last user who can manage users cannot be disabled" "$STATUS" 1
check_contains "and the command says why" "$ERR" "admin is the last enabled user who can manage users"
run "$ASSURE" user role --db "$DB" admin --role officer
check_eq "nor lose that role" "$(q "SELECT role FROM user WHERE login='admin'")" "admin"
run sh -c 'printf "short\n" | "$1" user password --db "$2" ann' sh "$ASSURE" "$DB"
check_contains "a short password is refused" "$ERR" "the password must be at least 10 characters"

# --- the page -----------------------------------------------------------------------
COOKIE=$(login_cookie ann ann-pass-12345)
ANN=$COOKIE
http GET /users
check_eq "the commissioner (no capability u) may not manage users" "$HTTP_STATUS" 403
http GET /board
check_eq "but the role change took effect: the commissioner reads the board" "$HTTP_STATUS" 200

COOKIE=$(login_cookie admin assure-demo-admin)
ADMIN=$COOKIE
http GET /users
check_eq "the administrator opens /users" "$HTTP_STATUS" 200
check_contains "which lists each user with their role selected" "$HTTP_BODY" '<option value="commissioner" selected>commissioner</option>'
check_contains "links each user's history" "$HTTP_BODY" "/audit?table=user&amp;id="
check_contains "and is in the navigation" "$HTTP_BODY" 'href="/users" aria-current="page"'
check_contains "password fields tell the browser they take a new password" "$HTTP_BODY" 'type="password" value="" autocomplete="new-password">'
CSRF=$(form_value csrf)

before=$(users)
n=$(audits)
http POST /users "action=add&login=bob&role=viewer&password=short&csrf=$CSRF"
check_eq "adding a user with a short password is refused (400)" "$HTTP_STATUS" 400
check_contains "naming the field" "$HTTP_BODY" '<a href="#password">the password must be at least 10 characters</a>'
check_contains "keeping the login typed" "$HTTP_BODY" 'id="login" name="login" type="text" value="bob"'
check_eq "and nothing is added" "$(users) $(audits)" "$before $n"
http POST /users "action=add&login=bob%20smith&role=viewer&password=a-long-password&csrf=$CSRF"
check_contains "a login with a space is refused on its field" "$HTTP_BODY" '<a href="#login">login'
http POST /users "action=add&login=ann&role=viewer&password=a-long-password&csrf=$CSRF"
check_contains "as is a login already taken" "$HTTP_BODY" "a user named &#39;ann&#39; already exists"
http POST /users "action=add&login=bob&role=viewer&password=bob-pass-12345&csrf=$CSRF"
check_eq "a good new user is added and the page says so" "$HTTP_STATUS $(header Location)" "303 /users?saved=bob"
http GET "/users?saved=bob"
check_contains "with a green banner" "$HTTP_BODY" "The change to bob is saved."
check_eq "bob is a viewer" "$(q "SELECT role, disabled FROM user WHERE login='bob'")" "viewer|0"
check_eq "and his creation is audited as the administrator's" "$(q "SELECT actor, json_extract(after, '\$.role') FROM audit WHERE tbl='user' ORDER BY id DESC LIMIT 1")" "admin|viewer"

BOB=$(login_cookie bob bob-pass-12345)
COOKIE=$BOB
http GET /dashboard
check_eq "bob signs in" "$HTTP_STATUS" 200

COOKIE=$ADMIN
http POST /users "action=change&login=bob&role=panel&status=enabled&csrf=$CSRF"
check_eq "a role change is saved" "$(q "SELECT role FROM user WHERE login='bob'")" "panel"
COOKIE=$BOB
http GET /dashboard
check_eq "and bob's session goes on" "$HTTP_STATUS" 200

COOKIE=$ADMIN
http POST /users "action=password&login=bob&password=bob-new-pass-12345&csrf=$CSRF"
check_eq "a new password is set" "$HTTP_STATUS" 303
COOKIE=$BOB
http GET /dashboard
check_eq "which signs bob out everywhere" "$HTTP_STATUS $(header Location)" "303 /login?next=%2Fdashboard"
check_eq "bob signs in with the new password" "$(login_cookie bob bob-new-pass-12345 | cut -c 1-15)" "assure_session="
check_eq "the reset is in the trail, who and when, without the hash" \
    "$(q "SELECT actor, json_extract(before, '\$.pw_changed_at') < json_extract(after, '\$.pw_changed_at'), instr(after, 'argon') FROM audit WHERE tbl='user' ORDER BY id DESC LIMIT 1")" "admin|1|0"

BOB=$(login_cookie bob bob-new-pass-12345)
COOKIE=$ADMIN
http POST /users "action=change&login=bob&role=panel&status=disabled&csrf=$CSRF"
check_eq "bob is disabled" "$(q "SELECT disabled FROM user WHERE login='bob'")" "1"
COOKIE=$BOB
http GET /dashboard
check_eq "and signed out at once" "$HTTP_STATUS" 303
check_eq "and cannot sign in" "$(login_cookie bob bob-new-pass-12345)" ""
COOKIE=$ADMIN
http GET /users
check_contains "the page marks him disabled" "$HTTP_BODY" 'bob <span class="tag tag-grey">disabled</span>'

before=$(users)
n=$(audits)
ADMIN_ID=$(q "SELECT id FROM user WHERE login='admin'")
http POST /users "action=change&login=admin&role=admin&status=disabled&csrf=$CSRF"
check_eq "the administrator cannot disable the last user who manages users (400)" "$HTTP_STATUS" 400
check_contains "the page says why, on the status field" "$HTTP_BODY" "<a href=\"#status-$ADMIN_ID\">admin is the last enabled user who can manage users"
http POST /users "action=change&login=ann&role=boss&status=enabled&csrf=$CSRF"
check_contains "an unknown role is refused on the form" "$HTTP_BODY" "no role named &#39;boss&#39;"
http POST /users "action=change&login=ann&role=officer&status=maybe&csrf=$CSRF"
check_contains "as is a status other than enabled or disabled" "$HTTP_BODY" "Status: expected enabled or disabled"
http POST /users "action=change&login=nobody&role=officer&status=enabled&csrf=$CSRF"
check_eq "an unknown login is 404" "$HTTP_STATUS" 404
http POST /users "action=change&login=ann&role=viewer&status=enabled"
check_eq "a change without the form's token is refused" "$HTTP_STATUS" 403
check_eq "none of these changed anything" "$(users) $(audits)" "$before $n"

# Once ann also manages users, the first administrator may step down.
http POST /users "action=change&login=ann&role=admin&status=enabled&csrf=$CSRF"
check_eq "ann becomes an administrator" "$(q "SELECT role FROM user WHERE login='ann'")" "admin"
COOKIE=$ANN
http GET /users
check_eq "who may manage users" "$HTTP_STATUS" 200
ANN_CSRF=$(form_value csrf)
http POST /users "action=password&login=ann&password=ann-second-pass-1&csrf=$ANN_CSRF"
check_eq "setting her own password signs her out and asks her to sign in again" "$HTTP_STATUS $(header Location)" "303 /login?next=/users"
ANN=$(login_cookie ann ann-second-pass-1)
COOKIE=$ANN
http GET /users
ANN_CSRF=$(form_value csrf)
http POST /users "action=change&login=admin&role=viewer&status=enabled&csrf=$ANN_CSRF"
check_eq "now the first administrator can be made a viewer" "$(q "SELECT role FROM user WHERE login='admin'")" "viewer"
ANN=$(login_cookie ann ann-second-pass-1)
COOKIE=$ANN
http GET /users
ANN_CSRF=$(form_value csrf)
http POST /users "action=change&login=ann&role=officer&status=enabled&csrf=$ANN_CSRF"
check_eq "ann, the last who manages users, cannot make herself an officer" "$HTTP_STATUS $(q "SELECT role FROM user WHERE login='ann'")" "400 admin"
http POST /users "action=change&login=admin&role=admin&status=enabled&csrf=$ANN_CSRF"
http POST /users "action=change&login=ann&role=officer&status=enabled&csrf=$ANN_CSRF"
check_eq "with another administrator she can, and is sent to her home page" "$HTTP_STATUS $(header Location) $(q "SELECT role FROM user WHERE login='ann'")" "303 / officer"

# --- your own account: /account ---------------------------------------------------------
COOKIE=
http GET /account
check_eq "/account needs signing in" "$HTTP_STATUS $(header Location)" "303 /login?next=%2Faccount"
printf 'vic-pass-12345\n' | "$ASSURE" user add --db "$DB" vic --role viewer >/dev/null 2>&1
VIC=$(login_cookie vic vic-pass-12345)
VIC2=$(login_cookie vic vic-pass-12345)
COOKIE=$VIC
http GET /account
check_eq "a viewer opens their own account" "$HTTP_STATUS" 200
check_contains "which shows their role and what it is for" "$HTTP_BODY" "viewer: Read-only: performance, packs, the Plan and published decision records"
check_contains "and the header links to it" "$HTTP_BODY" 'href="/account" title="Your account">vic</a>'
VCSRF=$(form_value csrf)
n=$(audits)
http POST /account "csrf=$VCSRF&current=wrong-password-1&password=vic-new-pass-1&confirm=vic-new-pass-1"
check_eq "a wrong current password is refused (400)" "$HTTP_STATUS" 400
check_contains "on its field" "$HTTP_BODY" '<a href="#current">Your current password is not right</a>'
http POST /account "csrf=$VCSRF&current=vic-pass-12345&password=vic-new-pass-1&confirm=vic-new-pass-2"
check_contains "two new passwords that differ are refused" "$HTTP_BODY" "the two new passwords differ"
http POST /account "csrf=$VCSRF&current=vic-pass-12345&password=short&confirm=short"
check_contains "a short one too" "$HTTP_BODY" "New password: the password must be at least 10 characters"
check_eq "none of these changed anything" "$(audits)" "$n"
http POST /account "csrf=$VCSRF&current=vic-pass-12345&password=vic-new-pass-1&confirm=vic-new-pass-1"
check_eq "the password is changed" "$HTTP_STATUS $(header Location)" "303 /account?saved=1"
NEWVIC="assure_session=$(set_cookie assure_session)"
COOKIE=$VIC2
http GET /dashboard
check_eq "the other browser is signed out" "$HTTP_STATUS" 303
COOKIE=$NEWVIC
http GET "/account?saved=1"
check_contains "this browser stays signed in and is told" "$HTTP_BODY" "Your password is changed."
check_eq "the new password signs in" "$(login_cookie vic vic-new-pass-1 | cut -c 1-15)" "assure_session="
check_eq "the change is audited as vic's own" "$(q "SELECT actor FROM audit WHERE tbl='user' ORDER BY id DESC LIMIT 1")" "vic"
COOKIE=$NEWVIC
http GET /account
VCSRF=$(form_value csrf)
for i in 1 2 3 4 5; do http POST /account "csrf=$VCSRF&current=guess-$i-abcdef&password=x&confirm=x"; done
http POST /account "csrf=$VCSRF&current=vic-new-pass-1&password=vic-third-pass-1&confirm=vic-third-pass-1"
check_eq "guessing the current password is throttled as sign-in is (429)" "$HTTP_STATUS" 429

finish
