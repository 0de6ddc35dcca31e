#!/bin/bash
# bench-sync.sh: push and pull of 100,000 documents of about 400 bytes with a
# local pouchdb-server, Banso side by side with PouchDB's own replicate()
# moving the same documents to the same server in the same run.
#
# Usage: bench-sync.sh BENCH_SYNC_EXE TESTS_SYNC_DIR BENCH_POUCH_JS
# Environment: BANSO_NPM_DIR (build-aux/install-node-deps prints it),
#   BANSO_BENCH_SYNC_DOCS (default 100000).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

bench_sync=$1
sync_dir=$2
pouch_js=$3
docs=${BANSO_BENCH_SYNC_DOCS:-100000}
npm_dir=${BANSO_NPM_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/banso/npm}

source "$(dirname "$0")/bench-common.sh"

work=$(mktemp -d)
server_pid=
cleanup () {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

coproc SERVER { exec bash "$sync_dir/start-server.sh" "$npm_dir" "$work"; }
server_pid=$SERVER_PID
read -r line <&"${SERVER[0]}"
port=${line#PORT=}
url=http://127.0.0.1:$port

echo "== Sync: push and pull of $docs documents with pouchdb-server =="
print_machine
echo "server:      pouchdb-server $(node -p "require('$npm_dir/node_modules/pouchdb-server/package.json').version") in memory, Node $(node --version), loopback"

NODE_PATH=$npm_dir/node_modules node "$pouch_js" "$url" "$docs" --dump "$work/docs.ndjson" --batch-size 0 \
  | tee "$work/pouch.txt"
"$bench_sync" "$url" "$work/docs.ndjson" "$work" | tee "$work/banso.txt"

rate () { sed -n "s/^$1 $2:.*= \([0-9.]*\) docs\/s.*/\1/p" "$3" | head -n 1; }
for way in push pull; do
  p=$(rate pouchdb "$way" "$work/pouch.txt")
  b=$(rate banso "$way" "$work/banso.txt")
  awk -v w="$way" -v p="$p" -v b="$b" \
    'BEGIN { printf "%s: Banso %.0f docs/s, PouchDB %.0f docs/s: %.2fx (goal >= 1.5x)\n", w, b, p, b / p }'
done
