#!/bin/bash
# bench-common.sh: sourced by the benchmark scripts.
#
# SPDX-License-Identifier: GPL-3.0-or-later

# meson's env: overrides the caller's, so the build folder's default comes
# apart from BANSO_BENCH_DIR, which the caller may set.
BENCH_DIR=${BANSO_BENCH_DIR:-${BANSO_BENCH_DEFAULT_DIR:-${TMPDIR:-/tmp}/banso-bench}}
HOUSEHOLDS=${BANSO_BENCH_HOUSEHOLDS:-1000000}
DATA_DIR=$BENCH_DIR/households-$HOUSEHOLDS
export BENCH_DIR HOUSEHOLDS DATA_DIR

: "${BANSO_CLI:?BANSO_CLI must name the banso-cli executable}"

now_ns () {
  date +%s%N
}

# Seconds between two now_ns readings, with a fraction.
elapsed_s () {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'
}

# Median and maximum of the numbers given as arguments.
median_max () {
  printf '%s\n' "$@" | sort -g | awk '
    { v[NR] = $1 }
    END {
      m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.1f %.1f\n", m, v[NR]
    }'
}

print_machine () {
  echo "date:        $(date '+%Y-%m-%d %H:%M %Z')"
  echo "machine:     $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)," \
       "$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) memory," \
       "Linux $(uname -r)"
  # Other work on the machine shows in the figures: say how busy it was.
  echo "load:        $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
}

# Makes the benchmark database with the project's generator unless an earlier
# run (of any benchmark) finished making it; the stamp is written last.
ensure_data () {
  local start end
  if [ -f "$DATA_DIR/complete" ]; then
    return 0
  fi
  mkdir -p "$DATA_DIR"
  rm -f "$DATA_DIR"/banso.db "$DATA_DIR"/banso.db-wal "$DATA_DIR"/banso.db-shm
  echo "generating $HOUSEHOLDS households in $DATA_DIR (this takes minutes)" >&2
  start=$(now_ns)
  "$BANSO_CLI" --data-dir "$DATA_DIR" demo --households "$HOUSEHOLDS" >&2
  end=$(now_ns)
  elapsed_s "$start" "$end" > "$DATA_DIR/complete"
}
