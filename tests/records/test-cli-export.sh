#!/bin/sh
# test-cli-export.sh: banso-cli export households reads only what --user may
# read, in the demo district.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
cli=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/banso-cli-export.XXXXXX") || exit 1
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
# communes FILE: the commune codes of an export, one a line
communes () {
  tail -n +2 "$1" | cut -d, -f2 | sort -u
}

echo "1..8"
d="$tmp/data"
expect 0 "the demo district is made" "$cli" -d "$d" demo --households 60 --seed 3

expect 0 "the system account exports everything" "$cli" -d "$d" export households
cp "$tmp/out" "$tmp/all.csv"
all=$(communes "$tmp/all.csv" | wc -l)
if [ "$all" -gt 2 ]; then ok "all communes ($all) are in it"; else not_ok "only $all communes in the full export"; fi

expect 0 "a commune official exports with --user" \
  env BANSO_USER_PASSWORD=demo "$cli" -d "$d" --user official export households
communes "$tmp/out" >"$tmp/theirs"
if [ "$(wc -l <"$tmp/theirs")" -ge 1 ] && [ "$(wc -l <"$tmp/theirs")" -le 2 ] &&
   [ "$(wc -l <"$tmp/out")" -lt "$(wc -l <"$tmp/all.csv")" ]; then
  ok "the official gets only their communes ($(tr '\n' ' ' <"$tmp/theirs"))"
else
  not_ok "the official got communes $(tr '\n' ' ' <"$tmp/theirs")"
fi

other=$(communes "$tmp/all.csv" | grep -vxF -f "$tmp/theirs" | head -n 1)
expect 1 "a commune outside the official's scope is refused" \
  env BANSO_USER_PASSWORD=demo "$cli" -d "$d" --user official export households --commune "$other"
if grep -q "not one of them" "$tmp/err" && [ ! -s "$tmp/out" ]; then
  ok "with a message and nothing written"
else
  not_ok "no message, or households written"
fi

expect 1 "an unknown user is refused" \
  env BANSO_USER_PASSWORD=demo "$cli" -d "$d" --user nobody export households

exit $failed
