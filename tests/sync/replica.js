#!/usr/bin/env node
// A second, independent CouchDB replica for Banso's replication tests:
// PouchDB under Node, driven by a JSON script.
//
// Usage:
//   node replica.js [--db DIR] SCRIPT.json
//   node replica.js [--db DIR] < SCRIPT.json        (or SCRIPT.json = "-")
//
// The script is a JSON array of steps, run in order by this one process
// against one local database, so its state carries over from step to step.
// The local database lives in memory (gone when the process ends) unless
// --db DIR is given: then it is a LevelDB database in DIR, kept across runs.
//
// For each step one JSON line goes to stdout: {"step":i,"op":...,"ok":true,
// ...result}. The first failing step stops the script: its error goes to
// stderr and the exit status is 1 (2 for a bad command line or script).
//
// Steps (URLs may carry credentials: http://user:password@127.0.0.1:5984/db):
//   {"op":"put","doc":{...}}          local put (a doc without _id is posted);
//                                     -> id, rev
//   {"op":"bulk","docs":[...],"new_edits":false}
//                                     local bulkDocs; new_edits false stores
//                                     the given _rev/_revisions as they are
//                                     (to build conflicts); -> results
//   {"op":"get","id":"x","conflicts":true,"rev":"..","revs":true}
//                                     -> doc (with _conflicts when asked)
//   {"op":"remove","id":"x","rev":".."}   rev defaults to the winner; -> id, rev
//   {"op":"update","id":"x","set":{...},"unset":["f"]}
//                                     get the winner, merge, put; -> id, rev
//   {"op":"replicate","from":URL} / {"op":"replicate","to":URL}
//   {"op":"sync","with":URL}          one-shot replication (PouchDB defaults:
//                                     batch_size 100, batches_limit 10;
//                                     "options":{...} is passed to PouchDB);
//                                     -> docs_read, docs_written,
//                                     doc_write_failures, last_seq, ...
//                                     (sync: -> push:{...}, pull:{...})
//   {"op":"all","include_docs":true}  allDocs; -> total_rows, rows:
//                                     [{id, rev, conflicts:[..], doc?}]
//   {"op":"resolve","id":"x","keep":"rev"}
//                                     deletes every other leaf revision so
//                                     that keep wins; -> removed, rev (winner)
//   {"op":"remote-put","url":DBURL,"doc":{...}}
//                                     put straight to the server over HTTP
//   {"op":"remote-get","url":DBURL,"id":"x","conflicts":true}
//                                     get straight from the server
//   {"op":"info"}                     local db info (doc_count, update_seq)
// Any step may carry "expect_error": "not_found" (an error name, or a status
// such as 404): the step then passes only if it fails with that error, and
// prints {"ok":true,"error":name,"status":n}.
"use strict";

const fs = require("fs");
const path = require("path");

const PouchDB = require(path.join(__dirname, "./pouch.js"));

function usage(message) {
  process.stderr.write(`replica.js: ${message}\n` +
    "usage: node replica.js [--db DIR] [SCRIPT.json | -]\n");
  process.exit(2);
}

function parseArgs(argv) {
  let dbDir = null;
  let scriptPath = "-";
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--db") {
      dbDir = argv[++i];
      if (!dbDir) usage("--db needs a folder");
    } else if (scriptPath === "-" && !argv[i].startsWith("--")) {
      scriptPath = argv[i];
    } else {
      usage(`unexpected argument ${argv[i]}`);
    }
  }
  return {dbDir, scriptPath};
}

// A remote database, given its URL. Credentials in the URL are taken out and
// given to PouchDB as opts.auth (sent as HTTP Basic): PouchDB's own URL parser
// mangles passwords with ":" or "@" in them, even percent-encoded.
function remote(url, step) {
  if (typeof url !== "string") throw new Error("a URL is needed");
  const u = new URL(url);
  const opts = {skip_setup: Boolean(step.skip_setup)};
  if (u.username || u.password) {
    opts.auth = {username: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password)};
    u.username = "";
    u.password = "";
  }
  return new PouchDB(u.toString().replace(/\/$/, ""), opts);
}

function replicationSummary(r) {
  return {
    status: r.status,
    docs_read: r.docs_read,
    docs_written: r.docs_written,
    doc_write_failures: r.doc_write_failures,
    errors: (r.errors || []).map(String),
    last_seq: r.last_seq,
    start_time: r.start_time,
    end_time: r.end_time,
  };
}

const ops = {
  async put(db, step) {
    const doc = step.doc;
    const r = doc._id === undefined ? await db.post(doc) : await db.put(doc);
    return {id: r.id, rev: r.rev};
  },

  async bulk(db, step) {
    const opts = {};
    if (step.new_edits !== undefined) opts.new_edits = step.new_edits;
    return {results: await db.bulkDocs(step.docs, opts)};
  },

  async get(db, step) {
    const opts = {};
    for (const k of ["conflicts", "rev", "revs", "revs_info", "deleted_conflicts"]) {
      if (step[k] !== undefined) opts[k] = step[k];
    }
    return {doc: await db.get(step.id, opts)};
  },

  async remove(db, step) {
    const rev = step.rev || (await db.get(step.id))._rev;
    const r = await db.remove(step.id, rev);
    return {id: r.id, rev: r.rev};
  },

  async update(db, step) {
    const doc = await db.get(step.id);
    Object.assign(doc, step.set || {});
    for (const field of step.unset || []) delete doc[field];
    const r = await db.put(doc);
    return {id: r.id, rev: r.rev};
  },

  async replicate(db, step) {
    const options = step.options || {};
    let r;
    if (step.from !== undefined) {
      r = await PouchDB.replicate(remote(step.from, step), db, options);
    } else if (step.to !== undefined) {
      r = await PouchDB.replicate(db, remote(step.to, step), options);
    } else {
      throw new Error('replicate needs "from" or "to"');
    }
    return replicationSummary(r);
  },

  async sync(db, step) {
    const r = await PouchDB.sync(db, remote(step.with, step), step.options || {});
    return {push: replicationSummary(r.push), pull: replicationSummary(r.pull)};
  },

  async all(db, step) {
    // Conflicts come with the docs only, so the docs are always fetched.
    const r = await db.allDocs({include_docs: true, conflicts: true});
    return {
      total_rows: r.total_rows,
      rows: r.rows.map((row) => {
        const out = {id: row.id, rev: row.value.rev,
          conflicts: row.doc._conflicts || []};
        if (step.include_docs) out.doc = row.doc;
        return out;
      }),
    };
  },

  async resolve(db, step) {
    const doc = await db.get(step.id, {conflicts: true});
    const leaves = [doc._rev, ...(doc._conflicts || [])];
    if (!leaves.includes(step.keep)) {
      throw new Error(`${step.keep} is not a leaf revision of ${step.id}: ${leaves}`);
    }
    const losers = leaves.filter((rev) => rev !== step.keep);
    const results = await db.bulkDocs(
      losers.map((rev) => ({_id: step.id, _rev: rev, _deleted: true})));
    const failed = results.filter((r) => r.error);
    if (failed.length) throw new Error(`resolve: ${JSON.stringify(failed)}`);
    const after = await db.get(step.id, {conflicts: true});
    return {removed: losers, rev: after._rev, conflicts: after._conflicts || []};
  },

  async "remote-put"(db, step) {
    const r = await remote(step.url, step).put(step.doc);
    return {id: r.id, rev: r.rev};
  },

  async "remote-get"(db, step) {
    const opts = {};
    for (const k of ["conflicts", "rev", "revs"]) {
      if (step[k] !== undefined) opts[k] = step[k];
    }
    return {doc: await remote(step.url, step).get(step.id, opts)};
  },

  async info(db) {
    const i = await db.info();
    return {doc_count: i.doc_count, update_seq: i.update_seq, adapter: i.adapter};
  },
};

function errorMatches(err, expected) {
  return err.name === expected || err.status === expected ||
    String(err.status) === String(expected) || err.error === expected;
}

async function main() {
  const {dbDir, scriptPath} = parseArgs(process.argv.slice(2));
  let steps;
  try {
    steps = JSON.parse(fs.readFileSync(scriptPath === "-" ? 0 : scriptPath, "utf8"));
  } catch (e) {
    usage(`cannot read the script: ${e.message}`);
  }
  if (!Array.isArray(steps)) usage("the script must be a JSON array of steps");

  const db = dbDir
    ? new PouchDB(path.resolve(dbDir), {adapter: "leveldb"})
    : new PouchDB(`replica-${process.pid}`, {adapter: "memory"});

  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const op = ops[step && step.op];
    let line;
    try {
      if (!op) throw new Error(`unknown op ${JSON.stringify(step && step.op)}`);
      const result = await op(db, step);
      if (step.expect_error !== undefined) {
        throw new Error(`expected error ${step.expect_error}, got success`);
      }
      line = {step: i, op: step.op, ok: true, ...result};
    } catch (err) {
      if (step && step.expect_error !== undefined && errorMatches(err, step.expect_error)) {
        line = {step: i, op: step.op, ok: true, error: err.name, status: err.status};
      } else {
        process.stderr.write(`replica.js: step ${i} (${JSON.stringify(step)}) failed: ` +
          `${err.status ? err.status + " " : ""}${err.name || "Error"}: ` +
          `${err.message || err.reason || JSON.stringify(err)}\n`);
        await db.close().catch(() => {});
        process.exit(1);
      }
    }
    process.stdout.write(JSON.stringify(line) + "\n");
  }
  await db.close();
}

main().catch((err) => {
  process.stderr.write(`replica.js: ${err.stack || err}\n`);
  process.exit(1);
});
