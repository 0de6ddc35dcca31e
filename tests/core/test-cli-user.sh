#!/bin/sh
# test-cli-user.sh: banso-cli user add|list|set|disable|enable|log, as an
# administrator would type them, on a new data directory.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
cli=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/banso-cli-user.XXXXXX") || exit 1
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

echo "1..24"
d="$tmp/data"
expect 0 "the first administrator is added under the system account" \
  env BANSO_PASSWORD=mk-quantri "$cli" -d "$d" user add quantri --name "Hoàng Văn Minh" --role admin
expect 1 "--user without its password is refused" \
  env BANSO_PASSWORD=mk-xuan "$cli" -d "$d" --user quantri user add xuan2 --name "X" --role trainer
has "$tmp/err" "BANSO_USER_PASSWORD" "the message names the variable"
expect 0 "a commune official, with --user and its password" \
  env BANSO_PASSWORD=mk-xuan BANSO_USER_PASSWORD=mk-quantri "$cli" -d "$d" --user quantri \
      user add xuan --name "Lò Thị Xuân" --role official --commune 03646 --commune 03664
expect 1 "a wrong password of --user is refused" \
  env BANSO_PASSWORD=x1234 BANSO_USER_PASSWORD=wrong "$cli" -d "$d" --user quantri \
      user add other --name "Người Khác" --role trainer
has "$tmp/err" "password is wrong" "and says so"
expect 1 "an unknown commune is refused" \
  env BANSO_PASSWORD=x1234 "$cli" -d "$d" user add other --name "Người Khác" --role official \
      --commune 99999
has "$tmp/err" "99999" "the message names the commune code"
expect 1 "no password: nothing is added" \
  "$cli" -d "$d" user add other --name "Người Khác" --role trainer
expect 2 "an unknown role is wrong usage" \
  env BANSO_PASSWORD=x1234 "$cli" -d "$d" user add other --name "X" --role chief
expect 0 "user list" "$cli" -d "$d" user list
has "$tmp/out" "^xuan	Lò Thị Xuân	commune-official	03646,03664	active$" "lists the official and her communes"
has "$tmp/out" "^admin	.*	system account$" "lists the system account as such"
expect 0 "user set changes the name and the communes" \
  env BANSO_USER_PASSWORD=mk-quantri "$cli" -d "$d" --user quantri user set xuan \
      --name "Lò Thị Xuân Mai" --commune 03670
expect 0 "user set --password" env BANSO_PASSWORD=mk-moi "$cli" -d "$d" user set xuan --password
expect 0 "user disable" "$cli" -d "$d" user disable xuan
expect 1 "a disabled user cannot act" \
  env BANSO_USER_PASSWORD=mk-moi "$cli" -d "$d" --user xuan user disable quantri
has "$tmp/err" "disabled" "and is told why"
expect 0 "user list after the changes" "$cli" -d "$d" user list
has "$tmp/out" "^xuan	Lò Thị Xuân Mai	commune-official	03670	disabled$" "shows the change"
expect 0 "user log xuan" "$cli" -d "$d" user log xuan
has "$tmp/out" "	quantri	update	xuan	name Lò Thị Xuân → Lò Thị Xuân Mai; communes 03670$" "logs the change"
has "$tmp/out" "	-	login-failed	xuan	disabled$" "logs the refused login"
if grep -rq "mk-moi\|mk-quantri" "$d"/banso.db* 2>/dev/null; then
  not_ok "no password is in the database file in clear"
else
  ok "no password is in the database file in clear"
fi
exit $failed
