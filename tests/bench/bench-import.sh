#!/bin/bash
# bench-import.sh SQLITE3 TIME
#
# Exports the benchmark database's households as CSV (one row per member),
# then imports the file into an empty data folder with banso-cli and, side by
# side on the same disk, into a bare table with sqlite3's own .import (before
# and after banso's import, to even out the page cache). Then, as a floor,
# sqlite3 alone writes the tables of banso's import into a new database from
# the rows banso made, as banso's bulk import writes them (list and audit
# indexes built at the end, then the search index): what SQLite needs for
# this schema with no file to read and nothing to check. Set
# BANSO_BENCH_KEEP=1 to keep the imported databases.
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

# The floor: the same tables, pages and cache as banso's bulk import, rows
# copied from the database banso made; the secondary indexes of the list and
# of the audit log are built after the rows, then the search index. WHERE 1
# keeps SQLite from copying an identical table's pages and indexes as they
# are, which would not be writing rows.
floor_import () {
  local src=$work/banso/banso.db
  {
    echo "PRAGMA page_size = 16384;"
    echo "PRAGMA cache_size = -65536;"
    "$sqlite3" "$src" "SELECT sql || ';' FROM sqlite_schema WHERE sql IS NOT NULL
                        AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'household_fts_%'
                        AND NOT (type IN ('index', 'trigger') AND tbl_name IN ('household_index', 'audit'))
                        ORDER BY rowid"
    echo "ATTACH '$src' AS src;"
    echo "BEGIN;"
    "$sqlite3" "$src" "SELECT 'INSERT INTO main.\"' || name || '\" SELECT * FROM src.\"' || name || '\" WHERE 1;'
                        FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
                        AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'household_fts_%'
                        ORDER BY rowid"
    "$sqlite3" "$src" "SELECT sql || ';' FROM sqlite_schema WHERE sql IS NOT NULL
                        AND type IN ('index', 'trigger') AND tbl_name IN ('household_index', 'audit')
                        ORDER BY rowid"
    echo "INSERT INTO household_fts (household_fts) VALUES ('rebuild');"
    echo "COMMIT;"
  } > "$work/floor.sql"
  rm -f "$work/floor.db" "$work/floor.db-journal"
  sync
  "$time_prog" -f 'wall-s %e\nmaxrss-kb %M' -o "$work/time.floor" \
    "$sqlite3" -bail "$work/floor.db" < "$work/floor.sql" > /dev/null
  floor_households=$("$sqlite3" "$work/floor.db" "SELECT count(*) FROM household_index")
  rm -f "$work/floor.db"
}

floor_import
report "sqlite3 writing banso's tables (floor)" "$work/time.floor" \
  "$floor_households households, rows given"

# Diagnostic: with TZ set, GLib's g_date_time_new_now_local() stops looking
# up /etc/localtime on every call; the gap to the run above is the cost of
# those calls in the import.
banso_import banso-tz TZ=UTC
report "banso-cli import, TZ=UTC (diagnostic)" "$work/time.banso-tz" \
  "$(tail -n 1 "$work/banso-tz.err")"
rm -rf "$work/banso-tz"

awk '/^wall-s/ { print FILENAME, $2 }' "$work/time.sqlite.1" "$work/time.sqlite.2" "$work/time.banso" \
    "$work/time.floor" |
  awk '
    /sqlite/ { s += $2; n++ } /time.banso/ { b = $2 } /floor/ { f = $2 }
    END {
      printf "\nbanso / sqlite3 (mean of its two runs): %.2f s / %.2f s = %.2f× (goal ≤ 1.5×)\n",
        b, s / n, b / (s / n)
      printf "floor / sqlite3: %.2f s / %.2f s = %.2f×; banso / floor = %.2f×\n",
        f, s / n, f / (s / n), b / f
    }'
