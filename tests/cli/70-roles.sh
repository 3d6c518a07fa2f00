#!/bin/sh
# 70-roles.sh: the role-by-route matrix. Every route of the web application
# (as `assure routes` lists them) is requested by every role of the office
# and by someone not signed in, by GET and, where the page takes forms, by
# POST with a valid CSRF token. The matrix below is written out by hand from
# what each role is for (docs/ARCHITECTURE.md, "Roles"); it is not derived
# from the role table, so a change that opens a page to a role, or a new
# route nobody placed in the matrix, fails here.
#
#   allowed GET    the page answers (200; the home page and /login redirect)
#   denied         403 "Your role does not allow this", and nothing changes
#   not signed in  303 to /login?next=<the page asked for>
#
# Then the record-level checks no route table can express: a record marked
# OFFICIAL-SENSITIVE, and drafts, per role.
. "$(dirname "$0")/lib.sh"

# Hundreds of requests: they go to one real server on loopback (which keeps
# its computed measures between requests, as in use), run from the release
# build; the sanitizer build runs the same pages in the per-area tests.
ASSURE=$ASSURE_RELEASE
if ! command -v curl >/dev/null 2>&1; then
    skip "the role-by-route matrix" "no curl"
    finish
fi

run "$ASSURE" init --demo --db "$DB"
[ "$STATUS" -eq 0 ] || not_ok "init --demo" "$ERR"

# The roles, one letter each in the matrix:
#   A admin  C commissioner  E chief-executive  O officer
#   L force-liaison  P panel  V viewer
ROLES="A C E O L P V"
role_name() {
    case $1 in
    A) echo admin ;; C) echo commissioner ;; E) echo chief-executive ;; O) echo officer ;;
    L) echo force-liaison ;; P) echo panel ;; V) echo viewer ;;
    esac
}
for R in $ROLES; do
    name=$(role_name "$R")
    printf 'role-pass-%s-1234\n' "$R" | "$ASSURE" user add --db "$DB" "user-$name" --role "$name" >/dev/null 2>&1 ||
        not_ok "user add --role $name" "$(printf 'x\n' | "$ASSURE" user add --db "$DB" "user-$name" --role "$name" 2>&1)"
done
run sh -c 'printf "a long password 1\n" | "$1" user add --db "$2" someone --role boss' sh "$ASSURE" "$DB"
check_eq "a role that does not exist is refused" "$STATUS" 1
check_contains "naming the roles there are" "$ERR" "no role named 'boss' (roles: admin, chief-executive, commissioner, force-liaison, officer, panel, viewer)"
check_eq "every role in the matrix exists, and no other" \
    "$(sqlite3 "$DB" 'SELECT group_concat(name, " ") FROM (SELECT name FROM role ORDER BY name)')" \
    "admin chief-executive commissioner force-liaison officer panel viewer"

if ! start_server "$ASSURE" serve --db "$DB"; then
    not_ok "serve starts and listens" "$(cat "$T/server.err")"
    finish
fi

# Sign each role in once; keep its session cookie and CSRF token.
for R in $ROLES; do
    name=$(role_name "$R")
    c=$(login_cookie "user-$name" "role-pass-$R-1234")
    [ -n "$c" ] || not_ok "user-$name signs in"
    COOKIE=$c
    http GET /logout
    eval "COOKIE_$R=\$c; CSRF_$R=\$(form_value csrf)"
done

# --- the matrix ---------------------------------------------------------------
# route   sample query   roles allowed GET   roles allowed POST ("-": no forms)
# "*" means everyone, not signed in included.
MATRIX='
/                  -                      *        -
/account           -                      ACEOLPV  ACEOLPV
/audit             ?table=plan&id=1       ACEO     -
/board             -                      ACEO     ACEO
/board/conditions  -                      ACEO     ACEO
/board/letter      ?id=8                  ACEO     -
/board/meeting     ?id=8                  ACEO     ACEO
/board/paper       ?id=1                  ACEO     -
/board/schedule    -                      ACEO     ACEO
/dashboard         -                      ACEOPV   -
/decision          ?n=230                 ACEOPV   -
/decision/edit     ?n=233                 ACEO     ACEO
/decision/publish  ?n=233                 ACE      ACE
/decisions         -                      ACEOPV   -
/forces            -                      ACEOPV   AEO
/imports           -                      AEO      -
/liaison           -                      AL       AL
/liaison/paper     ?id=1                  AL       -
/login             -                      *        *
/logout            -                      *        *
/measure           ?key=calls.999-10s     ACEOPV   -
/measure/edit      ?key=calls.999-10s     AEO      AEO
/measure/history   ?key=calls.999-10s     ACEOPV   -
/measures          -                      ACEOPV   -
/pack              -                      ACEOPV   -
/plan              -                      ACEOPV   ACEO
/plan/action       ?id=1                  ACEO     ACEO
/plan/measures     ?objective=1           ACEO     ACEO
/plan/new          -                      ACEO     ACEO
/plan/part         ?plan=1                ACEO     ACEO
/plan/part/edit    ?kind=priority&id=1    ACEO     ACEO
/plan/review       ?id=1                  ACEO     ACEO
/static/           style.css              *        -
/users             -                      A        A
'
ROUTES_IN_MATRIX=$(printf '%s\n' "$MATRIX" | awk 'NF { print $1 }' | sort)
run "$ASSURE" routes
check_eq "the matrix names every route of the application, and only those" \
    "$(printf '%s\n' "$OUT" | cut -f 1 | sort)" "$ROUTES_IN_MATRIX"

# What a page the role may see answers: most pages 200; the home page and
# /login (already signed in) redirect; the publish action takes only POST.
allowed_get_status() {
    case $1 in
    /|/login) echo 303 ;;
    /decision/publish) echo 405 ;;
    *) echo 200 ;;
    esac
}

audits() { sqlite3 "$DB" 'SELECT count(*) FROM audit'; }

printf '%s\n' "$MATRIX" | awk 'NF' >"$T/matrix"
while read -r route sample get_roles post_roles; do
    case $sample in -) target=$route ;; *) target=$route$sample ;; esac
    want_ok=$(allowed_get_status "$route")

    # GET, not signed in
    COOKIE=
    http GET "$target"
    if [ "$get_roles" = "*" ]; then
        got="$HTTP_STATUS"
        case $route in /|/logout) want=303 ;; *) want=200 ;; esac
        [ "$got" = "$want" ] && ok "GET $target, not signed in: $want" ||
            not_ok "GET $target, not signed in: $want" "got $got" "$HTTP_BODY"
    else
        loc=$(header Location)
        want_loc="/login?next=$(urlencode "$target")"
        if [ "$HTTP_STATUS" = 303 ] && [ "$loc" = "$want_loc" ]; then
            ok "GET $target, not signed in: sent to sign in, then back"
        else
            not_ok "GET $target, not signed in: sent to sign in, then back" "got $HTTP_STATUS Location: $loc" "expected 303 Location: $want_loc"
        fi
    fi

    # GET, each role
    wrong=
    for R in $ROLES; do
        eval "COOKIE=\$COOKIE_$R"
        http GET "$target"
        case $get_roles in *"$R"* | "*") want=$want_ok ;; *) want=403 ;; esac
        if [ "$HTTP_STATUS" != "$want" ]; then
            wrong="$wrong $(role_name "$R"): got $HTTP_STATUS, expected $want;"
        elif [ "$want" = 403 ]; then
            case $HTTP_BODY in *"Your role does not allow"*) ;; *) wrong="$wrong $(role_name "$R"): 403 without the role's reason;" ;; esac
        fi
    done
    [ -z "$wrong" ] && ok "GET $target: allowed to [$get_roles], refused to the rest" ||
        not_ok "GET $target: allowed to [$get_roles], refused to the rest" "$wrong"

    # POST with a valid CSRF token but no fields and no record named (so an
    # allowed role changes nothing either): an allowed role reaches the page,
    # which may refuse the empty form, but not for the role; a denied role
    # gets 403 for its role and the database is unchanged.
    [ "$post_roles" = "-" ] && continue
    case $route in /login|/logout) continue ;; esac  # 20-web.sh signs in and out
    wrong=
    for R in $ROLES; do
        eval "COOKIE=\$COOKIE_$R; csrf=\$CSRF_$R"
        before=$(audits)
        http POST "$route" "csrf=$(urlencode "$csrf")"
        case $post_roles in
        *"$R"*)
            case $HTTP_STATUS:$HTTP_BODY in
            403:* | 405:* | 000:* | 5??:*) wrong="$wrong $(role_name "$R"): got $HTTP_STATUS, expected the page;" ;;
            esac
            ;;
        *)
            if [ "$HTTP_STATUS" != 403 ]; then
                wrong="$wrong $(role_name "$R"): got $HTTP_STATUS, expected 403;"
            else
                case $HTTP_BODY in *"Your role does not allow"*) ;; *) wrong="$wrong $(role_name "$R"): 403 without the role's reason;" ;; esac
            fi
            [ "$(audits)" = "$before" ] || wrong="$wrong $(role_name "$R"): the refused POST changed the database;"
            ;;
        esac
    done
    [ -z "$wrong" ] && ok "POST $route: allowed to [$post_roles], refused to the rest" ||
        not_ok "POST $route: allowed to [$post_roles], refused to the rest" "$wrong"

    # POST not signed in: sent to sign in; without the form's token: refused
    COOKIE=
    http POST "$route" "csrf=x"
    check_eq "POST $route, not signed in: sent to sign in" "$HTTP_STATUS $(header Location)" "303 /login?next=$(urlencode "$route")"
    before=$(audits)
    eval "COOKIE=\$COOKIE_A"
    http POST "$route" "csrf=forged"
    if [ "$HTTP_STATUS" = 403 ] && [ "$(audits)" = "$before" ]; then
        case $HTTP_BODY in
        *"The form has expired"*) ok "POST $route with a forged token: refused even to the administrator" ;;
        *) not_ok "POST $route with a forged token: refused even to the administrator" "403 without the form's reason" ;;
        esac
    else
        not_ok "POST $route with a forged token: refused even to the administrator" "got $HTTP_STATUS"
    fi
done <"$T/matrix"

# A method no route takes
eval "COOKIE=\$COOKIE_A"
http DELETE /plan
check_eq "DELETE is not a method any page takes" "$HTTP_STATUS $(header Allow)" "405 GET, HEAD, POST"

# --- records within a page: marking and drafts ----------------------------------
# Decision 232 is an OFFICIAL-SENSITIVE draft, 233 an OFFICIAL draft, 230
# published; agenda item 18 (meeting 8) is OFFICIAL-SENSITIVE.
wrong=
for R in $ROLES; do
    eval "COOKIE=\$COOKIE_$R"
    http GET "/decision?n=232"
    case $R in A|C|E|O) want=200 ;; L) want=403 ;; *) want=404 ;; esac
    [ "$HTTP_STATUS" = "$want" ] || wrong="$wrong $(role_name "$R"): got $HTTP_STATUS, expected $want;"
done
[ -z "$wrong" ] && ok "the sensitive draft decision 232 opens only for roles with S (others: no such record)" ||
    not_ok "the sensitive draft decision 232 opens only for roles with S (others: no such record)" "$wrong"

wrong=
for R in P V; do
    eval "COOKIE=\$COOKIE_$R"
    http GET /decisions
    case $HTTP_BODY in *"Digital Delivery Team 2026 resourcing"* | *"Op Alloy"*) wrong="$wrong $(role_name "$R") sees a draft;" ;; esac
    case $HTTP_BODY in *"Additional IDVA posts"*) ;; *) wrong="$wrong $(role_name "$R") does not see the published record 221;" ;; esac
    http GET "/decision?n=233"
    [ "$HTTP_STATUS" = 404 ] || wrong="$wrong $(role_name "$R") opens draft 233 ($HTTP_STATUS);"
done
[ -z "$wrong" ] && ok "the Panel and viewers see published decisions, never drafts" ||
    not_ok "the Panel and viewers see published decisions, never drafts" "$wrong"

for R in A C E O; do
    eval "COOKIE=\$COOKIE_$R"
    http GET "/board/meeting?id=8"
    check_contains "$(role_name "$R") sees meeting 8's OFFICIAL-SENSITIVE item" "$HTTP_BODY" "Serious and organised crime"
done
eval "COOKIE=\$COOKIE_L"
http GET /liaison
check_not_contains "the force's liaison never sees an item marked OFFICIAL-SENSITIVE" "$HTTP_BODY" "Serious and organised crime"

stop_server
check_eq "the server stops cleanly" "$STOP_STATUS" 0

finish
