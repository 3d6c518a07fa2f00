#!/bin/sh
# 65-audit.sh: the audit trail: every change of a governance record or user
# is written with who, when and the row before and after, chained by
# SHA-256; `assure audit verify` passes an intact trail and names the entry
# where an edited or deleted one breaks it; the trail refuses updates and
# deletes through SQL; governance tables cannot be changed behind assure's
# back (the triggers need its functions); the /audit page shows a record's
# history to roles with the capability and no one else; every history link
# on the record pages (plan, action, review, meetings, conditions, schedule,
# decision) opens its own record's entries, so the table names the pages
# give are those the triggers record.
. "$(dirname "$0")/lib.sh"

run "$ASSURE" init --demo --db "$DB"
[ "$STATUS" -eq 0 ] || not_ok "init --demo" "$ERR"
q() { sqlite3 "$DB" "$1" 2>&1; }

run "$ASSURE" audit --db "$DB" verify
check_eq "a new office's trail verifies" "$STATUS" 0
check_contains "and says how many entries" "$OUT" "audit trail intact:"
check_eq "the demo's Plan and users were audited as they were created" "$(q "SELECT count(*) > 20 FROM audit WHERE tbl IN ('plan', 'plan_objective', 'user')")" "1"

printf 'a long password 1\n' | "$ASSURE" user add --db "$DB" ann --role officer >/dev/null 2>&1
check_eq "a change on the command line is attributed to its login" "$(q "SELECT actor LIKE 'cli:%', action, json_extract(after, '\$.role') FROM audit WHERE tbl='user' ORDER BY id DESC LIMIT 1")" "1|insert|officer"
check_eq "a password hash never enters the trail" "$(q "SELECT count(*) FROM audit WHERE tbl='user' AND (after LIKE '%argon%' OR after LIKE '%pw_hash%')")" "0"

# --- the web page -------------------------------------------------------------
COOKIE=$(login_cookie admin assure-demo-admin)
http GET "/audit?table=plan&id=1"
check_eq "an administrator reads a record's history" "$HTTP_STATUS" 200
check_contains "which shows the chain is intact" "$HTTP_BODY" "The trail is intact"
check_contains "and its head, to record elsewhere" "$HTTP_BODY" "Its head is <code class=\"anchor\">"
check_contains "and the record's creation with its fields" "$HTTP_BODY" "Police, Fire and Crime Plan 2021-2026"
entries() { printf '%s\n' "$HTTP_BODY" | grep -c '<section class="card audit-entry">'; }
ANN_ACTOR=$(q "SELECT actor FROM audit WHERE tbl='user' ORDER BY id DESC LIMIT 1")
http GET "/audit?actor=$(urlencode "$ANN_ACTOR")"
check_eq "the trail filtered by who made the change shows only theirs (200 to a page)" "$(entries)" "$(q "SELECT min(200, count(*)) FROM audit WHERE actor='$ANN_ACTOR'")"
check_eq "and no one else's" "$(printf '%s\n' "$HTTP_BODY" | grep -o '</a></h2>$' | wc -l) $(printf '%s\n' "$HTTP_BODY" | grep -c "by <strong>$ANN_ACTOR</strong>")" "$(entries) $(entries)"
check_contains "with the filter kept in the form" "$HTTP_BODY" "<option value=\"$ANN_ACTOR\" selected>"
http GET "/audit?table=user"
check_eq "filtered by record type" "$(entries)" "$(q "SELECT min(200, count(*)) FROM audit WHERE tbl='user'")"
TOTAL=$(q "SELECT count(*) FROM audit")
http GET /audit
check_eq "the whole trail, 200 to a page" "$(entries)" "$([ "$TOTAL" -gt 200 ] && echo 200 || echo "$TOTAL")"
if [ "$TOTAL" -gt 200 ]; then
    LAST=$(q "SELECT min(id) FROM (SELECT id FROM audit ORDER BY id DESC LIMIT 200)")
    check_contains "with a link to older changes" "$HTTP_BODY" "href=\"/audit?before=$LAST\">Older changes</a>"
    http GET "/audit?before=$LAST"
    check_contains "which starts just before the last shown" "$HTTP_BODY" "<h2>Entry $((LAST - 1)):"
fi
http GET "/audit?before=11"
check_eq "the oldest page ends at the first entry" "$(entries)" "10"
check_not_contains "with no link further back" "$HTTP_BODY" "Older changes"

# every record page's history link leads to that record's own history: the
# table name it gives is the one the triggers record
links_checked=0
for page in /plan "/plan/action?id=$(q "SELECT min(id) FROM plan_action")" "/plan/review?id=$(q "SELECT min(id) FROM plan_review")" \
    "/board/meeting?id=$(q "SELECT id FROM meeting WHERE status='agenda set' LIMIT 1")" "/board/meeting?id=$(q "SELECT id FROM meeting WHERE status='minutes published' LIMIT 1")" \
    /board/conditions /board/schedule "/decision?n=$(q "SELECT min(number) FROM decision")"; do
    http GET "$page"
    links=$(printf '%s\n' "$HTTP_BODY" | grep -o 'href="/audit?table=[a-z_]*&amp;id=[0-9]*"' | sed 's/^href="//; s/"$//; s/&amp;/\&/' | sort -u)
    if [ -z "$links" ]; then not_ok "admin: $page links to the audit history of its records" "status $HTTP_STATUS"; continue; fi
    bad=
    for link in $links; do
        tbl=${link#*table=}; tbl=${tbl%%&*}; id=${link##*id=}
        http GET "$link"
        links_checked=$((links_checked + 1))
        case $HTTP_BODY in
        *"The history of $tbl $id"*"of <a href=\"/audit?table=$tbl&amp;id=$id\">"*) ;;
        *) bad="$bad $link($HTTP_STATUS)" ;;
        esac
        [ "$(q "SELECT count(*) > 0 FROM audit WHERE tbl='$tbl' AND row_id=$id")" = 1 ] || bad="$bad $link(no entries)"
    done
    if [ -z "$bad" ]; then ok "admin: every history link on $page shows that record's entries"; else not_ok "admin: every history link on $page shows that record's entries" "$bad"; fi
done
[ "$links_checked" -ge 20 ] && ok "history links followed: $links_checked" || not_ok "history links followed" "$links_checked"

COOKIE=$(login_cookie viewer assure-demo-viewer)
http GET /audit
check_eq "a viewer may not read the trail" "$HTTP_STATUS" 403
http GET /plan
check_not_contains "a viewer's /plan has no history link" "$HTTP_BODY" "/audit?table="
http GET "/decision?n=$(q "SELECT min(number) FROM decision WHERE status='published'")"
check_eq "a viewer reads a published decision" "$HTTP_STATUS" 200
check_not_contains "without a history link" "$HTTP_BODY" "/audit?table="

# --- the trail defends itself ---------------------------------------------------
check_contains "the trail cannot be edited through SQL" "$(q "UPDATE audit SET actor='mallory' WHERE id=3")" "append-only"
check_contains "nor entries deleted" "$(q "DELETE FROM audit WHERE id=3")" "append-only"
check_contains "a governance table cannot be changed behind assure's back" "$(q "UPDATE plan SET title='Rewritten' WHERE id=1")" "no such function: assure_actor"
check_eq "so the Plan is unchanged" "$(q "SELECT title FROM plan WHERE id=1")" "Police, Fire and Crime Plan 2021-2026"

# tampering by someone who drops the guards: verify finds it
cp "$DB" "$T/edited.db"
sqlite3 "$T/edited.db" "DROP TRIGGER audit_append_only_update; UPDATE audit SET actor='mallory' WHERE id=3"
run "$ASSURE" audit --db "$T/edited.db" verify
check_eq "an edited entry fails verification (status 1)" "$STATUS" 1
check_contains "naming the entry" "$ERR" "entry 3 ("
check_contains "as altered" "$ERR" "has been altered"
cp "$DB" "$T/deleted.db"
sqlite3 "$T/deleted.db" "DROP TRIGGER audit_append_only_delete; DELETE FROM audit WHERE id=5"
run "$ASSURE" audit --db "$T/deleted.db" verify
check_eq "a deleted entry fails verification" "$STATUS" 1
check_contains "naming the gap" "$ERR" "entries 5 to 5 have been deleted"
cp "$DB" "$T/rehashed.db"
# a forger who recomputes nothing but swaps two entries' contents
sqlite3 "$T/rehashed.db" "DROP TRIGGER audit_append_only_update; UPDATE audit SET after=(SELECT after FROM audit WHERE id=4) WHERE id=6"
run "$ASSURE" audit --db "$T/rehashed.db" verify
check_eq "copying one entry's content over another fails verification" "$STATUS" 1
# A forger who drops the guards, alters an entry and rehashes the whole
# chain from it on: the chain alone verifies, but a head recorded earlier
# (the anchor) does not.
run "$ASSURE" audit --db "$DB" verify
ANCHOR=$(printf '%s\n' "$OUT" | sed -n 's/^head: //p')
check_contains "verify prints the head to record elsewhere" "$ANCHOR" ":"
run "$ASSURE" audit --db "$DB" verify --anchor "$ANCHOR"
check_eq "the untouched trail verifies against its anchor" "$STATUS" 0
check_contains "and says the anchor is unchanged" "$OUT" "and the anchor is unchanged"
cp "$DB" "$T/forged.db"
python3 - "$T/forged.db" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER audit_append_only_update")
db.execute("UPDATE audit SET actor='mallory' WHERE id=3")
def feed(h, s):
    if s is None:
        h.update(b"-;")
    else:
        b = s.encode()
        h.update(b"%d:" % len(b) + b)
prev = ""
for (i, at, actor, tbl, row, action, before, after) in db.execute(
        "SELECT id, at, actor, tbl, row_id, action, before, after FROM audit ORDER BY id").fetchall():
    h = hashlib.sha256()
    for f in (prev, at, actor, tbl, str(row), action, before, after):
        feed(h, f)
    prev = h.hexdigest()
    db.execute("UPDATE audit SET hash=? WHERE id=?", (prev, i))
db.commit()
PY
run "$ASSURE" audit --db "$T/forged.db" verify
check_eq "a rehashed chain passes the chain check alone (the known limit)" "$STATUS" 0
run "$ASSURE" audit --db "$T/forged.db" verify --anchor "$ANCHOR"
check_eq "but fails against the anchor recorded before" "$STATUS" 1
check_contains "saying the trail was rewritten" "$ERR" "hash is not the anchor's: the trail up to it has been rewritten and rehashed"
cp "$DB" "$T/cut.db"
sqlite3 "$T/cut.db" "DROP TRIGGER audit_append_only_delete; DELETE FROM audit WHERE id >= ${ANCHOR%%:*} - 2"
run "$ASSURE" audit --db "$T/cut.db" verify --anchor "$ANCHOR"
check_eq "newest entries cut off fail against the anchor" "$STATUS" 1
check_contains "saying so" "$ERR" "is no longer in the trail: the entries from it on have been cut off"
run "$ASSURE" publish --db "$DB" -o "$T/site"
PUBLISHED=$(sed -n 's/.*<code class="anchor">\([0-9]*:[0-9a-f]*\)<\/code>.*/\1/p' "$T/site/index.html")
check_eq "the published site carries the trail's head at publication" "$PUBLISHED" "$ANCHOR"
run "$ASSURE" audit --db "$T/forged.db" verify --anchor "$PUBLISHED"
check_eq "so a copy of the public site exposes a trail rewritten since" "$STATUS" 1
run "$ASSURE" audit --db "$DB" verify --anchor "12:abc"
check_eq "an anchor that cannot be read is an error" "$STATUS" 1
check_contains "naming the form expected" "$ERR" "expected ENTRY:HASH"

DB_SAVE=$DB
DB=$T/edited.db
COOKIE=$(login_cookie admin assure-demo-admin)
http GET /audit
check_contains "the page warns when the trail has been tampered with" "$HTTP_BODY" "The trail has been tampered with"
DB=$DB_SAVE

run "$ASSURE" audit --db "$DB" log --table user
check_contains "audit log lists a table's changes" "$OUT" "insert	user"

finish
