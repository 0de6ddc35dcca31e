#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# banso-cli dict search against sdcv -n on the same StarDict dictionary
# (Debian's stardict-czech), in the same run, per lookup including the start
# of the process, for a word that is there and one that is not.
set -eu

ifo=${BANSO_BENCH_STARDICT:-/usr/share/stardict/dic/czech-cizi.ifo}
runs=${BANSO_BENCH_RUNS:-200}
if [ ! -f "$ifo" ] || ! command -v sdcv >/dev/null; then
  echo "skipped: $ifo or sdcv is missing"; exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$BANSO_CLI" --data-dir "$dir/db" dict import "$ifo" 2>/dev/null

now() { date +%s%N; }
per_lookup() {
  start=$(now); i=0
  while [ $i -lt $runs ]; do "$@" >/dev/null 2>&1 || true; i=$((i + 1)); done
  echo $(( ($(now) - start) / runs / 1000 ))
}

hit=gamie
miss=qqqxyzzy
"$BANSO_CLI" --data-dir "$dir/db" dict search "$hit" | head -n 1
b_hit=$(per_lookup "$BANSO_CLI" --data-dir "$dir/db" dict search "$hit")
s_hit=$(per_lookup sdcv -n --data-dir "$(dirname "$ifo")" "$hit")
b_miss=$(per_lookup "$BANSO_CLI" --data-dir "$dir/db" dict search "$miss")
s_miss=$(per_lookup sdcv -n --data-dir "$(dirname "$ifo")" "$miss")
echo "lookup including process start, $runs runs each (µs per lookup):"
echo "  hit:  banso-cli dict search $b_hit   sdcv -n $s_hit"
echo "  miss: banso-cli dict search $b_miss   sdcv -n $s_miss"
