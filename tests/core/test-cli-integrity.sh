#!/bin/sh
# test-cli-integrity.sh: the database file alone is complete after the demo
# and after an import, and a data folder of any name opens every time.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
cli=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/banso-cli-integrity.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok () {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $1"
  [ -s "$tmp/err" ] && sed 's/^/# /' "$tmp/err"
}
# expect STATUS DESCRIPTION COMMAND...
expect () {
  want=$1 what=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  rc=$?
  if [ "$rc" -eq "$want" ]; then ok "$what"; else not_ok "$what (exit status $rc, not $want)"; fi
}
has () {
  if grep -q -- "$2" "$1"; then ok "$3"; else not_ok "$3"; sed 's/^/# /' "$1"; fi
}

echo "1..10"

# The demo, then a copy of banso.db without its -wal and -shm.
d="$tmp/demo"
expect 0 "the demo district is made" "$cli" -d "$d" demo --households 30
mkdir "$tmp/copy"
cp "$d/banso.db" "$tmp/copy/banso.db"
expect 0 "a copy of banso.db alone opens" "$cli" -d "$tmp/copy" export households
has "$tmp/err" "Exported 30 households" "the copy taken after the demo holds every household"

# An import, then a copy of banso.db alone.
"$cli" -d "$d" export households >"$tmp/households.csv" 2>/dev/null
expect 0 "the exported households are imported into a new database" \
  "$cli" -d "$tmp/imported" import households "$tmp/households.csv"
mkdir "$tmp/copy2"
cp "$tmp/imported/banso.db" "$tmp/copy2/banso.db"
expect 0 "a copy of the imported banso.db alone opens" "$cli" -d "$tmp/copy2" export households
has "$tmp/err" "Exported 30 households" "the copy taken after the import holds every household"

# A folder name with the characters a file: URI gives a meaning to.
odd="$tmp/Hồ sơ #1 ?%41"
expect 0 "the demo goes into a folder named “Hồ sơ #1 ?%41”" "$cli" -d "$odd" demo --households 5
expect 0 "that folder opens a second time" "$cli" -d "$odd" export households
has "$tmp/err" "Exported 5 households" "and holds its households"
expect 0 "and is checked" "$cli" -d "$odd" check

exit $failed
