#!/bin/sh
# deps.sh: installs the Debian packages assure needs to build, test and run,
# only those missing. Run by `make run`, `make check` and `make bench`.
# Usage: tools/deps.sh build|test|bench
# A tool already on the PATH counts as present even when it did not come
# from a Debian package (e.g. a Node.js installed another way).
set -e
need="make gcc pkg-config libsqlite3-dev libmicrohttpd-dev libsodium-dev libzip-dev libssl-dev libjansson-dev"
case "${1:-build}" in
  test)  need="$need libcmocka-dev sqlite3 chromium nodejs npm python3 unzip curl" ;;
  bench) need="$need sqlite3 nodejs npm time unzip" ;;
esac

# command_for PACKAGE: the command that shows the package is usable, if any.
command_for() {
  case $1 in
    nodejs) echo node ;;
    npm|sqlite3|python3|unzip|make|gcc|chromium|curl) echo "$1" ;;
    time) echo /usr/bin/time ;;
    *) echo "" ;;
  esac
}

missing=""
for p in $need; do
  c=$(command_for "$p")
  if [ -n "$c" ] && command -v "$c" >/dev/null 2>&1; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing Debian packages:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
