#!/bin/bash
# bench-import.sh SQLITE3 TIME
#
# Exports the benchmark database's households as CSV (one row per member),
# then imports the file into an empty data folder with banso-cli and, side by
# side on the same disk, into a bare table with sqlite3's own .import (before
# and after banso's import, to even out the page cache). Set BANSO_BENCH_KEEP=1
# to keep the imported databases.
#
# SPDX-License-Identifier: GPL-3.0-or-later

# shellcheck source-path=SCRIPTDIR
set -euo pipefail

# shellcheck source=bench-common.sh
source "$(dirname "$0")/bench-common.sh"

sqlite3=$1
time_prog=$2
csv=$BENCH_DIR/households-$HOUSEHOLDS.csv
work=$BENCH_DIR/import-run
trap '[ -n "${BANSO_BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT

ensure_data

echo "bench-import: banso-cli import against sqlite3 .import, $HOUSEHOLDS households"
print_machine
echo "sqlite3:     $("$sqlite3" --version | cut -d' ' -f1-2)"
echo "disk:        $(df -h "$BENCH_DIR" | awk 'NR == 2 { print $1 " (" $2 ")" }')"

if [ ! -f "$csv" ]; then
  start=$(now_ns)
  "$BANSO_CLI" --data-dir "$DATA_DIR" export households > "$csv.part" 2> "$work.export.err" || {
    cat "$work.export.err" >&2
    exit 1
  }
  end=$(now_ns)
  mv "$csv.part" "$csv"
  echo "export:      $(elapsed_s "$start" "$end") s ($(cat "$work.export.err"))"
  rm -f "$work.export.err"
fi
echo "file:        $csv"
echo "             $(stat -c %s "$csv" | awk '{ printf "%.1f MB", $1 / 1e6 }')," \
     "$(($(wc -l < "$csv") - 1)) lines after the header, $(head -n 1 "$csv" | tr ',' '\n' | wc -l) columns"
echo

rm -rf "$work"
mkdir -p "$work"

# sqlite3 .import into a bare table it makes from the header.
sqlite_import () {
  rm -f "$work/bare.db" "$work/bare.db-journal"
  "$time_prog" -f 'wall-s %e\nmaxrss-kb %M' -o "$work/time.sqlite.$1" \
    "$sqlite3" "$work/bare.db" ".mode csv" ".import '$csv' t" > /dev/null
  rows=$("$sqlite3" "$work/bare.db" "SELECT count(*) FROM t")
}

report () {
  local wall kb
  wall=$(awk '/^wall-s/ { print $2 }' "$2")
  kb=$(awk '/^maxrss-kb/ { print $2 }' "$2")
  printf '%-44s %10s %12s  %s\n' "$1" "$wall" "$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')" "$3"
}

banso_import () {
  rm -rf "${work:?}/${1:?}"
  sync
  env ${2:+"$2"} "$time_prog" -f 'wall-s %e\nmaxrss-kb %M' -o "$work/time.$1" \
    "$BANSO_CLI" --data-dir "$work/$1" import households "$csv" 2> "$work/$1.err" || {
      cat "$work/$1.err" >&2
      exit 1
    }
}

printf '%-44s %10s %12s  %s\n' "" "seconds" "peak RSS MB" "result"
sync
sqlite_import 1
report "sqlite3 .import (before)" "$work/time.sqlite.1" "$rows rows, $(du -m "$work/bare.db" | cut -f1) MB"

banso_import banso
report "banso-cli import households" "$work/time.banso" \
  "$(tail -n 1 "$work/banso.err") $(du -m "$work/banso/banso.db" | cut -f1) MB"

sync
sqlite_import 2
report "sqlite3 .import (after)" "$work/time.sqlite.2" "$rows rows"

# Diagnostic: with TZ set, GLib's g_date_time_new_now_local() stops looking
# up /etc/localtime on every call; the gap to the run above is the cost of
# those calls in the import.
banso_import banso-tz TZ=UTC
report "banso-cli import, TZ=UTC (diagnostic)" "$work/time.banso-tz" \
  "$(tail -n 1 "$work/banso-tz.err")"
rm -rf "$work/banso-tz"

awk '/^wall-s/ { print FILENAME, $2 }' "$work/time.sqlite.1" "$work/time.sqlite.2" "$work/time.banso" |
  awk '
    /sqlite/ { s += $2; n++ } /banso/ { b = $2 }
    END {
      printf "\nbanso / sqlite3 (mean of its two runs): %.2f s / %.2f s = %.2f× (goal ≤ 1.5×)\n",
        b, s / n, b / (s / n)
    }'
