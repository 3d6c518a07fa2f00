#!/bin/sh
# lint.sh: source rules the compiler cannot check. Run by `make lint` and as
# the first step of `make check`. Prints every breach as file:line: reason
# and exits 1 if there is any.
#
# Rules (on code with comments and string literals blanked out):
#   - SQL goes through db.c: no sqlite3_prepare*/sqlite3_exec outside it
#     (everything else uses the db_prepare()/db_exec() literal-only macros);
#   - pages never write raw bytes into the reply: no buf_puts/buf_printf/
#     buf_append/buf_putc(&r->out ...) outside web.c and html.c (use
#     html_printf, html_lit, or html_trusted for charts);
#   - html_trusted(b, &name) only for a Buf `name` declared in the same file
#     and filled there by an svg_*(&name, ...) builder, and only with a
#     /* trusted: why */ comment on the same line (html.c and svg.c, the
#     writers themselves, are exempt);
#   - no sprintf/vsprintf (use snprintf), strcpy/strcat, system/popen;
#   - no markup in an html_printf() argument after the format: a string
#     literal holding "<" or "&" there is escaped and shows on the page as
#     text (write it with html_lit, or in the format itself);
#   - every src/*.c and src/*.h starts with a comment block saying what it is.
#
# Usage: sh tests/lint.sh [FILE...]   (default: src/*.c src/*.h)
cd "$(dirname "$0")/.." || exit 2
[ $# -gt 0 ] || set -- src/*.c src/*.h

awk '
function problem(msg) {
    printf "%s:%d: %s\n", FILENAME, FNR, msg
    bad++
}
# Returns line with comments, string and character literals blanked out;
# keeps the state of a block comment across lines in `incomment`.
function code_only(line,    out, i, c, n, q) {
    out = ""; n = length(line)
    for (i = 1; i <= n; i++) {
        c = substr(line, i, 1)
        if (incomment) {
            if (c == "*" && substr(line, i + 1, 1) == "/") { incomment = 0; i++ }
            continue
        }
        if (c == "/" && substr(line, i + 1, 1) == "*") { incomment = 1; i++; out = out " "; continue }
        if (c == "/" && substr(line, i + 1, 1) == "/") break
        if (c == "\"" || c == "'\''") {
            q = c; out = out q
            for (i++; i <= n; i++) {
                c = substr(line, i, 1)
                if (c == "\\") { i++; continue }
                if (c == q) break
            }
            out = out q
            continue
        }
        out = out c
    }
    return out
}
FNR == 1 {
    incomment = 0
    base = FILENAME; sub(/.*\//, "", base)
    if ($0 !~ /^\/\*/) problem("the file must start with a comment block saying what it is")
    # the Bufs this file fills with an svg_* builder
    delete svgbuf
    delete bufvar
    while ((getline l < FILENAME) > 0) {
        s = l
        while (match(s, /svg_[a-z_]+\([ ]*&[A-Za-z_][A-Za-z0-9_]*/)) {
            v = substr(s, RSTART, RLENGTH); sub(/.*&/, "", v); svgbuf[v] = 1
            s = substr(s, RSTART + RLENGTH)
        }
        s = l
        while (match(s, /(^|[^A-Za-z0-9_])Buf[ ]+[A-Za-z_][A-Za-z0-9_]*/)) {
            v = substr(s, RSTART, RLENGTH); sub(/.*Buf[ ]+/, "", v); bufvar[v] = 1
            s = substr(s, RSTART + RLENGTH)
        }
    }
    close(FILENAME)
}
{
    raw = $0
    code = code_only(raw)
    if (code ~ /sqlite3_(prepare|exec)/ && base != "db.c")
        problem("SQL outside db.c: use db_prepare()/db_exec() with a literal")
    if (code ~ /buf_(puts|printf|append|putc)[ ]*\([ ]*&[ ]*r->out[ ]*[,)]/ && base != "web.c" && base != "html.c")
        problem("raw write to the page: use html_printf(), html_lit() or html_trusted()")
    if (code ~ /(^|[^A-Za-z0-9_])v?sprintf[ ]*\(/)
        problem("sprintf: use snprintf")
    if (code ~ /(^|[^A-Za-z0-9_])(strcpy|strcat)[ ]*\(/)
        problem("strcpy/strcat: use snprintf or memcpy with a length")
    if (code ~ /(^|[^A-Za-z0-9_])(system|popen)[ ]*\(/)
        problem("system/popen: no shell from assure")
    if (code ~ /(^|[^A-Za-z0-9_])html_trusted[ ]*\(/ && base !~ /^(html|svg)\.[ch]$/) {
        if (raw !~ /\/\*[ ]*trusted:[ ]*[^ *]/)
            problem("html_trusted() needs a /* trusted: why */ comment on the same line")
        arg = code
        sub(/.*html_trusted[ ]*\(/, "", arg)
        if (!match(arg, /^[^,]*,[ ]*&[A-Za-z_][A-Za-z0-9_]*[ ]*\)/)) {
            problem("html_trusted() takes &name of a local Buf filled by svg_*()")
        } else {
            v = substr(arg, RSTART, RLENGTH); sub(/.*&/, "", v); sub(/[ ]*\)$/, "", v)
            if (!(v in bufvar) || !(v in svgbuf))
                problem("html_trusted(): " v " is not a Buf filled by svg_*() in this file")
        }
    }
}
END {
    if (bad) { printf "lint: %d problem(s)\n", bad; exit 1 }
    printf "lint: ok (%d files)\n", ARGC - 1
}
' "$@"
status=$?

# markup in html_printf arguments (a whole call may span lines)
python3 - "$@" <<'PY' || status=1
import re, sys
bad = 0
for path in sys.argv[1:]:
    if path.endswith(("html.c", "html.h")):
        continue
    src = open(path, encoding="utf-8").read()
    for m in re.finditer(r"\bhtml_printf\s*\(", src):
        i, depth, args, cur, lits = m.end(), 1, [], "", []
        while i < len(src) and depth:
            c = src[i]
            if c == '"':
                j = i + 1
                while src[j] != '"':
                    j += 2 if src[j] == "\\" else 1
                lits.append((len(args), src[i + 1:j]))
                cur += src[i:j + 1]
                i = j + 1
                continue
            if c == "'":
                j = src.index("'", i + 2 if src[i + 1] == "\\" else i + 1)
                cur += src[i:j + 1]
                i = j + 1
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
            if c == "," and depth == 1:
                args.append(cur)
                cur = ""
            elif depth:
                cur += c
            i += 1
        for argno, text in lits:
            if argno >= 2 and re.search(r"<[a-zA-Z/!]|&[a-z#]+;", text):
                line = src.count("\n", 0, m.start()) + 1
                print(f"{path}:{line}: markup in an html_printf() argument is escaped: write it with html_lit() or in the format")
                bad += 1
if bad:
    print(f"lint: {bad} problem(s) with markup in html_printf arguments")
sys.exit(1 if bad else 0)
PY
exit $status
