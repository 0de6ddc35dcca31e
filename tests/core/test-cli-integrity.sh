#!/bin/sh
# test-cli-integrity.sh: the database file alone is complete after the demo
# and after an import, a data folder of any name opens every time, and
# history changed with the sqlite3 program is caught.
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

echo "1..19"

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

# The audit log's guards dropped with sqlite3: put back at the next open,
# which says so, and check keeps saying it.
sqlite3=$(command -v sqlite3)
t="$tmp/tampered"
cp -r "$d" "$t"
"$sqlite3" "$t/banso.db" "DROP TRIGGER audit_no_delete; DROP TRIGGER revisions_no_update;"
expect 0 "a database whose guards were dropped opens" "$cli" -d "$t" export households
has "$tmp/err" "audit_no_delete, revisions_no_update" "opening names the guards it put back"
has "$tmp/err" "$t/banso.db" "and the file"
expect 1 "check fails on it afterwards" "$cli" -d "$t" check
has "$tmp/err" "were put back" "check says the guards had been removed"

# An old entry deleted, the guards put back as they were.
t="$tmp/deleted"
cp -r "$d" "$t"
guard=$("$sqlite3" "$t/banso.db" "SELECT sql FROM sqlite_schema WHERE name = 'audit_no_delete'")
"$sqlite3" "$t/banso.db" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE entry = 3; $guard;"
expect 1 "check fails when an old audit entry was deleted" "$cli" -d "$t" check
has "$tmp/err" "breaks at entry 4" "and names the entry where the chain breaks"

# A damaged page: the message names the file.
t="$tmp/damaged"
cp -r "$d" "$t"
"$cli" -d "$t" check >/dev/null 2>&1
python3 -c 'import sys; f = open(sys.argv[1], "r+b"); f.seek(16384 * 5); f.write(b"\xff" * 64)' "$t/banso.db"
expect 1 "check fails on a damaged page" "$cli" -d "$t" check
has "$tmp/err" "$t/banso.db" "and names the file"

exit $failed
