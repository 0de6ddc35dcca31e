#!/bin/bash
# bench-startup.sh XVFB-RUN TIME
#
# Time from the login (typed with xdotool as the demo's administrator) to the
# first rows painted (BANSO_TRACE_STARTUP),
# the wall time from launch to exit, and the peak resident memory of the GUI on
# the benchmark database; then, in one more session, the peak memory with the
# list open and scrolled. BANSO_BENCH_RUNS sets the runs (default 7).
#
# SPDX-License-Identifier: GPL-3.0-or-later

# shellcheck source-path=SCRIPTDIR
set -euo pipefail

# shellcheck source=bench-common.sh
source "$(dirname "$0")/bench-common.sh"

: "${BANSO_GUI:?BANSO_GUI must name the banso executable}"
export GSK_RENDERER=${GSK_RENDERER:-cairo}
export GSETTINGS_BACKEND=${GSETTINGS_BACKEND:-memory}
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1

# Inside the X session: logs in to the window of process $1 as the demo's
# administrator (password "demo"), typing as an official would. The login page
# comes once the database is open; the first rows are timed from the login.
log_in () {
  local wid=
  for _ in $(seq 600); do
    wid=$(xdotool search --onlyvisible --pid "$1" --name '^Banso$' 2> /dev/null | tail -n 1 || true)
    [ -n "$wid" ] && break
    kill -0 "$1" 2> /dev/null || return 1
    sleep 0.05
  done
  [ -n "$wid" ] || return 1
  sleep "${BANSO_BENCH_LOGIN_DELAY:-2}"
  xdotool windowfocus --sync "$wid"
  xdotool type --delay 30 quantri
  xdotool key Return
  xdotool type --delay 30 demo
  xdotool key Return
}

# Inside the X session: runs a command that starts the GUI, and logs in.
if [ "${1:-}" = --logged-in ]; then
  shift
  "$@" &
  pid=$!
  sleep 0.2
  gui=$(pgrep -n -P "$pid" || echo "$pid")
  log_in "$gui" || { kill "$pid" 2> /dev/null; echo "could not log in" >&2; exit 1; }
  wait "$pid"
  exit $?
fi

# Inside the X session: open the list, scroll it, then search, reading the
# memory after each step.
if [ "${1:-}" = --scroll-probe ]; then
  out=$2
  BANSO_TRACE_STARTUP=1 "$BANSO_GUI" --data-dir "$DATA_DIR" > "$out" 2> "$out.err" &
  pid=$!
  log_in "$pid" || { echo "scroll-probe: could not log in" >&2; kill "$pid"; exit 1; }
  for _ in $(seq 600); do
    grep -q '^first-rows-ms' "$out" && break
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.05
  done
  if ! grep -q '^first-rows-ms' "$out"; then
    echo "scroll-probe: the window showed no rows" >&2
    kill "$pid" 2> /dev/null || true
    exit 1
  fi
  probe () {
    {
      awk -v s="$1" '/^(VmHWM|VmRSS|Threads):/ { print s, $1, $2 }' "/proc/$pid/status"
      awk -v s="$1" '/^rchar:/ { print s, $1, $2 }' "/proc/$pid/io"
      awk -v s="$1" '{ print s, "cpu:", ($14 + $15) / 100 }' "/proc/$pid/stat"
    } >> "$out"
  }
  sleep 0.5
  probe open
  # 200 slow wheel steps down over the list: some 450 rows, into page 4.
  # (Faster steps make GTK accelerate far down the list.)
  xdotool mousemove 683 420
  xdotool click --repeat 200 --delay 50 5
  sleep 1.5
  probe scrolled
  # A search typed into the open list, as an office worker would.
  xdotool key ctrl+f
  sleep 0.3
  xdotool type --delay 100 lo
  sleep 5
  probe searched
  kill "$pid"
  wait "$pid" 2> /dev/null || true
  exit 0
fi

xvfb=$1
time_prog=$2
runs=${BANSO_BENCH_RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ensure_data

echo "bench-startup: banso on $HOUSEHOLDS households, Xvfb 1366x768x24, GSK_RENDERER=$GSK_RENDERER, $runs runs"
print_machine
echo "database:    $DATA_DIR/banso.db ($(du -m "$DATA_DIR/banso.db" | cut -f1) MB)"
echo
printf '%-5s %15s %15s %15s\n' run first-rows-ms launch-exit-ms peak-rss-MB
firsts=()
walls=()
rss=()
for i in $(seq "$runs"); do
  BANSO_TRACE_STARTUP=1 BANSO_EXIT_AFTER_FIRST_ROWS=1 \
    "$xvfb" -a -s "-screen 0 1366x768x24" "$0" --logged-in \
    "$time_prog" -f 'maxrss-kb %M\nwall-s %e' -o "$work/time.$i" \
    "$BANSO_GUI" --data-dir "$DATA_DIR" > "$work/out.$i" 2> "$work/err.$i" || {
      echo "run $i failed:" >&2
      cat "$work/out.$i" "$work/err.$i" >&2
      exit 1
    }
  first=$(awk '/^first-rows-ms/ { print $2 }' "$work/out.$i")
  if [ -z "$first" ]; then
    echo "run $i printed no first-rows-ms:" >&2
    cat "$work/out.$i" "$work/err.$i" >&2
    exit 1
  fi
  # time(1) runs inside the X session: its wall time is the app's, from exec
  # to exit, without xvfb-run starting the X server.
  kb=$(awk '/^maxrss-kb/ { print $2 }' "$work/time.$i")
  wall=$(awk '/^wall-s/ { print $2 }' "$work/time.$i")
  firsts+=("$first")
  walls+=("$(awk -v s="$wall" 'BEGIN { printf "%.0f", s * 1000 }')")
  rss+=("$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')")
  printf '%-5s %15s %15s %15s\n' "$i" "$first" "${walls[-1]}" "${rss[-1]}"
done

read -r first_med first_max < <(median_max "${firsts[@]}")
read -r wall_med wall_max < <(median_max "${walls[@]}")
read -r rss_med rss_max < <(median_max "${rss[@]}")
echo
echo "first rows after the login: median $first_med ms, max $first_max ms (goal ≤ 300 ms)"
echo "launch to exit (time(1), includes opening the database, the ${BANSO_BENCH_LOGIN_DELAY:-2} s before typing the login, and quitting): median $wall_med ms, max $wall_max ms"
echo "peak resident memory, exiting at first rows: median $rss_med MB, max $rss_max MB"

if ! command -v xdotool > /dev/null; then
  echo "xdotool is missing: the list was not scrolled or searched"
elif ! "$xvfb" -a -s "-screen 0 1366x768x24" "$0" --scroll-probe "$work/scroll"; then
  cat "$work/scroll" "$work/scroll.err" >&2 || true
  exit 1
else
awk '
  $2 == "VmHWM:" { hwm[$1] = $3 / 1024 }
  $2 == "VmRSS:" { rss[$1] = $3 / 1024 }
  $2 == "Threads:" { threads[$1] = $3 }
  $2 == "rchar:" { rchar[$1] = $3 / 1048576 }
  $2 == "cpu:" { cpu[$1] = $3 }
  END {
    printf "\nwith the list open, one session (goal ≤ 150 MB):\n"
    printf "%-44s %9s %9s %8s %12s %8s\n", "", "VmHWM MB", "VmRSS MB", "threads", "MB read *", "CPU s *"
    split("open scrolled searched", steps, " ")
    label["open"] = "first rows shown"
    label["scrolled"] = "after 200 wheel steps down (~450 rows)"
    label["searched"] = "5 s after typing \"lo\" into the search"
    for (i = 1; i <= 3; i++) {
      s = steps[i]
      printf "%-44s %9.1f %9.1f %8d %12.1f %8.2f\n", label[s], hwm[s], rss[s], threads[s], rchar[s], cpu[s]
    }
    printf "* since launch: bytes the process read (rchar), CPU time of all its threads\n"
  }' "$work/scroll"
fi

# GDK sets up OpenGL even for the cairo renderer: under Xvfb that maps Mesa's
# llvmpipe. One more run without it tells the app's own share.
BANSO_TRACE_STARTUP=1 BANSO_EXIT_AFTER_FIRST_ROWS=1 GDK_DEBUG=gl-disable \
  "$xvfb" -a -s "-screen 0 1366x768x24" \
  "$time_prog" -f 'maxrss-kb %M' -o "$work/time.nogl" \
  "$BANSO_GUI" --data-dir "$DATA_DIR" > "$work/out.nogl" 2> "$work/err.nogl"
awk '/^maxrss-kb/ { printf "peak resident memory with GDK_DEBUG=gl-disable (no Mesa), exiting at first rows: %.1f MB\n", $2 / 1024 }' "$work/time.nogl"
