#!/bin/bash
# Starts a real CouchDB-compatible server for the replication tests.
#
# Usage: start-server.sh NODE_MODULES_PARENT_DIR WORKDIR
#   NODE_MODULES_PARENT_DIR  the folder printed by build-aux/install-node-deps
#   WORKDIR                  scratch folder, becomes the server's cwd; it gets
#                            config.json (written here) and log.txt (server log)
#
# Runs node_modules/.bin/pouchdb-server --in-memory (memdown: every start is
# empty, nothing is written but config.json and log.txt) on 127.0.0.1. Once
# `GET /` answers, prints exactly one line on stdout:
#   PORT=<n>
# and keeps running in the foreground: the script execs into node, so its pid
# is the server's and SIGTERM (or SIGKILL) to it stops the server. If the
# server does not come up within BANSO_TEST_SERVER_TIMEOUT seconds (default
# 30) it is killed and no PORT line is printed.
#
# Port: there is no pick-then-bind race. config.json sets httpd.port to 0 (the
# command line can't: pouchdb-server treats `-p 0` as unset and falls back to
# 5984), so the kernel hands out a free port at listen() time and the port is
# read back from /proc (the server's listening socket in /proc/net/tcp).
#
# Environment:
#   BANSO_TEST_ADMIN=user:password
#       Ends pouchdb-server's "admin party": `user` becomes the only server
#       admin (config.json [admins], hashed by the server at start). What that
#       does and does not refuse, as found in express-pouchdb 4.2.0 /
#       pouchdb-security 4.2.0:
#         - a request with a wrong name or password (HTTP Basic) gets
#           401 {"error":"unauthorized","reason":"Name or password is
#           incorrect."} on every route, reads and writes alike;
#         - a request without credentials is anonymous: it gets 401 for server
#           admin work (PUT /db, DELETE /db, /_config), but a database with an
#           empty _security object (the default, as in CouchDB 2) stays readable
#           and writable by anyone. There is no require_valid_user or
#           default_security setting in pouchdb-server.
#       So the databases must be locked one by one with
#         PUT /db/_security {"members":{"roles":["_admin"]}}
#       after which anonymous reads and writes of db get 401
#       {"error":"unauthorized","reason":"You are not authorized to access
#       this db."}. BANSO_TEST_DBS does that for you:
#   BANSO_TEST_DBS="db1 db2 ..."
#       Databases created before PORT= is printed. With BANSO_TEST_ADMIN they
#       are created as the admin and given _security
#         {"admins":{"names":[user],"roles":[]},
#          "members":{"names":[user],"roles":["_admin"]}}
#       so only the admin can read or write them. A database the client
#       creates itself later (PUT /db as the admin) is open to anonymous
#       requests until it gets such a _security object.
#       Careful: with admins set, an anonymous PUT /db kills pouchdb-server
#       4.2.0 (TypeError), and an anonymous DELETE /db answers 401 but makes
#       the next request to any database kill it (unhandled rejection). Other
#       anonymous requests are safe. Exceptions for writes: an anonymous
#       _bulk_docs gets 201 with per-document "unauthorized" errors, and
#       _bulk_get 200 with empty {} entries, not 401.
#   BANSO_TEST_MAX_BODY=bytes
#       Sets [couchdb] max_document_size, which pouchdb-server applies as the
#       size limit of every JSON request body (after gzip/deflate decoding),
#       not per document: a larger body gets 413 {"error":"too_large",
#       "reason":"the request entity is too large"}, sent only after the
#       whole body was read, so a client sees the 413 rather than a broken
#       pipe. The default is 4 GiB. It can also be changed while the server
#       runs: PUT /_config/couchdb/max_document_size with body "65536" (a JSON
#       string; as the admin when BANSO_TEST_ADMIN is set), DELETE to undo.
#   BANSO_TEST_SERVER_TIMEOUT=seconds   start-up time limit (default 30).
set -euo pipefail

if (($# != 2)); then
  echo "usage: $0 NODE_MODULES_PARENT_DIR WORKDIR" >&2
  exit 2
fi

modules_parent="$(cd "$1" && pwd)"
server="$modules_parent/node_modules/.bin/pouchdb-server"
if [[ ! -x "$server" ]]; then
  echo "start-server.sh: $server not found (run build-aux/install-node-deps)" >&2
  exit 1
fi
mkdir -p "$2"
cd "$2"

if [[ -n "${BANSO_TEST_ADMIN:-}" && "$BANSO_TEST_ADMIN" != *:* ]]; then
  echo "start-server.sh: BANSO_TEST_ADMIN must be user:password" >&2
  exit 2
fi

# A fresh config.json every time, so that admins of an earlier run in the same
# WORKDIR don't linger (the server rewrites the file with hashed passwords).
rm -f config.json .config.json log.txt
node -e '
  const config = {
    httpd: {port: 0, bind_address: "127.0.0.1"},
    log: {file: "./log.txt", level: "info"},
    // The command line flag --no-stdout-logs is parsed by nomnom as the
    // negation of "stdout-logs" and so has no effect; the config key works.
    pouchdb_server: {"no-stdout-logs": true},
  };
  const maxBody = process.env.BANSO_TEST_MAX_BODY;
  if (maxBody) {
    if (!/^[0-9]+$/.test(maxBody)) {
      console.error("start-server.sh: BANSO_TEST_MAX_BODY must be a number of bytes");
      process.exit(2);
    }
    config.couchdb = {max_document_size: Number(maxBody)};
  }
  const admin = process.env.BANSO_TEST_ADMIN;
  if (admin) {
    const colon = admin.indexOf(":");
    config.admins = {[admin.slice(0, colon)]: admin.slice(colon + 1)};
  }
  require("fs").writeFileSync("config.json", JSON.stringify(config, null, 2));
'

# The watcher runs beside the server (which gets this shell's pid through
# exec): it finds the port, waits for GET / to answer, sets up
# BANSO_TEST_DBS, prints PORT=<n>, and exits. It kills the server if that
# fails, so the caller never waits for a PORT line that can't come.
# shellcheck disable=SC2016 # JavaScript, not shell
watcher='
const fs = require("fs");
const http = require("http");
const pid = Number(process.argv[1]);
const deadline = Date.now() + 1000 * Number(process.env.BANSO_TEST_SERVER_TIMEOUT || 30);
const admin = process.env.BANSO_TEST_ADMIN || "";
const dbs = (process.env.BANSO_TEST_DBS || "").split(/\s+/).filter(Boolean);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function alive() {
  try { process.kill(pid, 0); return true; } catch (e) { return false; }
}

// The TCP port of the socket that pid listens on, or 0.
function listeningPort() {
  let inodes;
  try {
    inodes = new Set(fs.readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try { return fs.readlinkSync(`/proc/${pid}/fd/${fd}`); } catch (e) { return ""; }
    }).map((l) => (/^socket:\[(\d+)\]$/.exec(l) || [])[1]).filter(Boolean));
  } catch (e) {
    return 0;
  }
  for (const line of fs.readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    // f[1] local address "0100007F:PORT", f[3] state (0A = LISTEN), f[9] inode
    if (f.length > 9 && f[3] === "0A" && inodes.has(f[9])) {
      return parseInt(f[1].split(":")[1], 16);
    }
  }
  return 0;
}

function request(port, method, path, body, auth) {
  return new Promise((resolve, reject) => {
    const headers = {"Content-Type": "application/json"};
    if (auth) headers.Authorization = "Basic " + Buffer.from(auth).toString("base64");
    const req = http.request({host: "127.0.0.1", port, method, path, headers}, (res) => {
      let data = "";
      res.on("data", (c) => (data += c));
      res.on("end", () => resolve({status: res.statusCode, body: data}));
    });
    req.on("error", reject);
    req.setTimeout(5000, () => req.destroy(new Error("timeout")));
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function main() {
  let port = 0;
  for (;;) {
    if (!alive()) throw new Error("the server exited (see log.txt and stderr)");
    if (Date.now() > deadline) throw new Error("the server did not answer GET / in time");
    port = port || listeningPort();
    if (port) {
      try {
        const r = await request(port, "GET", "/");
        if (r.status === 200 && JSON.parse(r.body).uuid) break;
      } catch (e) { /* not ready yet */ }
    }
    await sleep(50);
  }
  const user = admin.slice(0, admin.indexOf(":"));
  for (const db of dbs) {
    const path = "/" + encodeURIComponent(db);
    let r = await request(port, "PUT", path, undefined, admin);
    if (r.status !== 201) throw new Error(`PUT ${path}: ${r.status} ${r.body}`);
    if (admin) {
      r = await request(port, "PUT", path + "/_security", {
        admins: {names: [user], roles: []},
        members: {names: [user], roles: ["_admin"]},
      }, admin);
      if (r.status !== 200) throw new Error(`PUT ${path}/_security: ${r.status} ${r.body}`);
    }
  }
  process.stdout.write(`PORT=${port}\n`);
}

main().catch((e) => {
  console.error("start-server.sh: " + e.message);
  try { process.kill(pid, "SIGTERM"); } catch (e2) { /* gone already */ }
  process.exit(1);
});
'
node -e "$watcher" "$$" &

# The log goes to log.txt only (config.json); stdout carries the PORT line
# alone (node's own stdout is sent to stderr in case anything prints there).
exec "$server" --in-memory --host 127.0.0.1 \
  --config "$PWD/config.json" >&2
