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
proxy_pid=
cleanup () {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -n "$proxy_pid" ]] && kill "$proxy_pid" 2>/dev/null || true
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

# Bytes on the wire, counted the same way for both: by a proxy of ours in
# front of the server, on the first 10,000 documents.
bytes_docs=$(( docs < 10000 ? docs : 10000 ))
head -n "$bytes_docs" "$work/docs.ndjson" > "$work/docs-bytes.ndjson"
/usr/bin/python3 "$sync_dir/fault-proxy.py" --target "127.0.0.1:$port" > "$work/proxy.out" &
proxy_pid=$!
until grep -q '^PORT=' "$work/proxy.out"; do sleep 0.1; done
proxy=http://127.0.0.1:$(sed -n 's/^PORT=//p' "$work/proxy.out")
wire () {
  curl -s "$proxy/__proxy/stats" | python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["bytes_in"], s["bytes_out"])'
}
curl -s -X POST -d '{}' "$proxy/__proxy/reset" > /dev/null
NODE_PATH=$npm_dir/node_modules node "$pouch_js" "$proxy" "$bytes_docs" --batch-size 0 > /dev/null
read -r pouch_in pouch_out <<< "$(wire)"
mkdir -p "$work/bytes"
curl -s -X POST -d '{}' "$proxy/__proxy/reset" > /dev/null
"$bench_sync" "$proxy" "$work/docs-bytes.ndjson" "$work/bytes" bench_banso_bytes > /dev/null
read -r banso_in banso_out <<< "$(wire)"
kill "$proxy_pid" 2>/dev/null || true
awk -v n="$bytes_docs" -v pi="$pouch_in" -v po="$pouch_out" -v bi="$banso_in" -v bo="$banso_out" 'BEGIN {
  printf "bytes per document, push and pull of %d documents, requests / replies: Banso %.0f / %.0f, PouchDB %.0f / %.0f\n",
    n, bi / n, bo / n, pi / n, po / n }'

rate () { sed -n "s/^$1 $2:.*= \([0-9.]*\) docs\/s.*/\1/p" "$3" | head -n 1; }
for way in push pull; do
  p=$(rate pouchdb "$way" "$work/pouch.txt")
  b=$(rate banso "$way" "$work/banso.txt")
  awk -v w="$way" -v p="$p" -v b="$b" \
    'BEGIN { printf "%s: Banso %.0f docs/s, PouchDB %.0f docs/s: %.2fx (goal >= 1.5x)\n", w, b, p, b / p }'
done
