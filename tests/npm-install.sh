#!/bin/sh
# npm-install.sh: installs the browser tests' node packages (tests/package.json:
# playwright-core and axe-core, exact versions) into tests/node_modules, only
# when they are missing or not the pinned versions. Run by `make deps-test`
# (and so by `make check`). Uses `npm ci` from package-lock.json when it is
# there. playwright-core downloads no browser: the tests drive Debian's
# /usr/bin/chromium (tools/deps.sh test installs it).
set -e
cd "$(dirname "$0")"

# True when every pinned package is installed at its pinned version.
installed() {
    [ -d node_modules ] || return 1
    node -e '
        const fs = require("fs");
        const want = JSON.parse(fs.readFileSync("package.json", "utf8")).devDependencies;
        for (const [name, version] of Object.entries(want)) {
            let have;
            try { have = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8")).version; }
            catch { process.exit(1); }
            if (have !== version) process.exit(1);
        }' 2>/dev/null
}

installed && exit 0
command -v npm >/dev/null 2>&1 || { echo "npm-install.sh: npm is missing (run: sh tools/deps.sh test)" >&2; exit 1; }
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
echo "Installing the browser tests' node packages into tests/node_modules"
# npm ci from the lock; npm install if ci refuses (a lock written by
# another npm version)
{ [ -f package-lock.json ] && npm ci --no-audit --no-fund --loglevel=silent; } ||
    npm install --no-audit --no-fund --loglevel=error
installed || { echo "npm-install.sh: node packages still missing after npm" >&2; exit 1; }
