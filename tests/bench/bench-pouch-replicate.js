#!/usr/bin/env node
// The peer benchmark for Banso's CouchDB replication: how fast PouchDB
// itself pushes and pulls the same kind of documents to and from the same
// server, to set Banso's figures against.
//
// Usage:
//   node bench-pouch-replicate.js SERVER_URL [N] [--dump FILE] [--batch-size B]
//
//   SERVER_URL  e.g. http://127.0.0.1:5984 (credentials may be in it:
//               http://user:password@127.0.0.1:5984)
//   N           number of documents, default 100000
//   --dump FILE also writes the N documents (without _rev) to FILE as
//               newline-delimited JSON, so that Banso can push the very same
//               documents
//   --batch-size B
//               a second run with batch_size B (default 500; 0 skips it)
//
// The documents are household records as Banso stores them on a CouchDB
// server: {"_id", "type": "household", "commune", "village", "address",
// "members": [{"id", "name", "sex", "birth", "ethnic", "relation",
// "citizen_id"}], "poverty": {"2023": "poor", ...}, "notes"}, about 400 bytes
// of JSON each, with invented Vietnamese names, made by a seeded generator so
// that every run (and --dump) gives the same documents.
//
// They are put into a local in-memory PouchDB, then timed:
//   push: PouchDB.replicate(local, SERVER/bench_pouch_push)
//   pull: PouchDB.replicate(SERVER/bench_pouch_push, a new empty local db)
// first with PouchDB's defaults (batch_size 100 documents per _changes page
// and per _bulk_docs / _bulk_get request, batches_limit 10 batches read
// ahead), then with batch_size B into bench_pouch_push_B. The server
// databases are deleted first. Output lines:
//   pouchdb push: N docs in S s = D docs/s (batch_size 100)
//   pouchdb pull: N docs in S s = D docs/s (batch_size 100)
"use strict";

const fs = require("fs");
const path = require("path");

const PouchDB = require(path.join(__dirname, "../sync/pouch.js"));

function usage(message) {
  process.stderr.write(`bench-pouch-replicate: ${message}\n` +
    "usage: node bench-pouch-replicate.js SERVER_URL [N] [--dump FILE] [--batch-size B]\n");
  process.exit(2);
}

function parseArgs(argv) {
  const args = {server: null, n: 100000, dump: null, batchSize: 500};
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--dump") {
      args.dump = argv[++i];
      if (!args.dump) usage("--dump needs a file");
    } else if (argv[i] === "--batch-size") {
      args.batchSize = Number(argv[++i]);
      if (!Number.isInteger(args.batchSize) || args.batchSize < 0) usage("bad --batch-size");
    } else {
      rest.push(argv[i]);
    }
  }
  if (rest.length < 1 || rest.length > 2) usage("a server URL is needed");
  args.server = rest[0].replace(/\/+$/, "");
  if (rest.length === 2) {
    args.n = Number(rest[1]);
    if (!Number.isInteger(args.n) || args.n < 1) usage(`bad N: ${rest[1]}`);
  }
  return args;
}

// --- deterministic household documents --------------------------------------

// mulberry32: a small seeded PRNG, so that the documents are the same on
// every run.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Naming groups of Sơn La (ethnic code, surnames, middle names, given names).
const GROUPS = [
  {ethnic: "03", weight: 53, surnames: ["Lò", "Lường", "Cầm", "Quàng", "Vì", "Tòng", "Điêu", "Hà"],
    male: ["Văn"], female: ["Thị"],
    maleGiven: ["Pơm", "Xuân", "Ươn", "Inh", "Chanh", "Khăm", "Piêng", "Thanh", "Bun"],
    femaleGiven: ["Ban", "Un", "Hương", "Ẻ", "Lả", "Ngọc", "Xiêng", "Ỏm", "Thoa"]},
  {ethnic: "01", weight: 17, surnames: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"],
    male: ["Văn", "Đức", "Minh", "Quang"], female: ["Thị", "Thu", "Ngọc", "Thanh"],
    maleGiven: ["Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Thắng", "Cường"],
    femaleGiven: ["Lan", "Hoa", "Hương", "Hà", "Mai", "Linh", "Nga", "Thủy"]},
  {ethnic: "08", weight: 16, surnames: ["Giàng", "Sùng", "Vàng", "Thào", "Lầu", "Mùa", "Hờ", "Lý"],
    male: ["A"], female: ["Thị"],
    maleGiven: ["Páo", "Sử", "Chứ", "Dế", "Lử", "Pó", "Tủa", "Dình"],
    femaleGiven: ["Mỷ", "Dợ", "Chía", "Mai", "Xúa", "Súa", "Ly", "Pằng"]},
  {ethnic: "06", weight: 14, surnames: ["Đinh", "Quách", "Bạch", "Hà", "Xa", "Bùi", "Cao"],
    male: ["Văn", "Công"], female: ["Thị"],
    maleGiven: ["Tiến", "Thọ", "Lún", "Hòn", "Mường", "Đương"],
    femaleGiven: ["Mến", "Thơm", "Hiền", "Nụ", "Lành", "Mỡ"]},
];
// Communes of Sơn La (2025 codes) and village names.
const COMMUNES = ["03646", "03664", "03670", "03679", "03688", "03694", "03703", "03712",
  "03721", "03724", "03727", "03754", "03757", "03760", "03763", "03781"];
const VILLAGE_PREFIX = ["Bản", "Bản", "Bản", "Tiểu khu", "Thôn"];
const VILLAGE_NAME = ["Nà Sản", "Hua Ít", "Co Mạ", "Pá Khoang", "Huổi Hin", "Nà Ngựu",
  "Phiêng Ban", "Búng Khoa", "Chiềng Đi", "Tà Xùa", "Pá Lông", "Nong Lạnh"];
const POVERTY = ["poor", "near-poor", "not-poor", "not-poor"];

function householdDocs(n) {
  const rand = prng(20250101);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const hex = (len) => {
    let s = "";
    while (s.length < len) s += Math.floor(rand() * 0x100000000).toString(16).padStart(8, "0");
    return s.slice(0, len);
  };
  const group = () => {
    let w = rand() * 100;
    for (const g of GROUPS) {
      if ((w -= g.weight) < 0) return g;
    }
    return GROUPS[0];
  };
  const name = (g, sex) => sex === "male"
    ? `${pick(g.surnames)} ${pick(g.male)} ${pick(g.maleGiven)}`
    : `${pick(g.surnames)} ${pick(g.female)} ${pick(g.femaleGiven)}`;

  const docs = [];
  for (let i = 0; i < n; i++) {
    const g = group();
    const headSex = rand() < 0.8 ? "male" : "female";
    const headYear = int(1950, 1995);
    const head = {id: hex(8), name: name(g, headSex), sex: headSex,
      birth: String(headYear), ethnic: g.ethnic, relation: "head"};
    if (rand() < 0.5) {
      head.citizen_id = `014${headSex === "male" ? 0 : 1}` +
        `${String(headYear % 100).padStart(2, "0")}${String(int(0, 999999)).padStart(6, "0")}`;
    }
    const members = [head];
    if (rand() < 0.6) {
      const sex = headSex === "male" ? "female" : "male";
      members.push({id: hex(8), name: name(g, sex), sex,
        birth: String(headYear + int(-3, 5)), ethnic: g.ethnic, relation: "spouse"});
    }
    if (rand() < 0.3) {
      const sex = rand() < 0.5 ? "male" : "female";
      members.push({id: hex(8), name: name(g, sex), sex,
        birth: String(Math.min(2024, headYear + int(20, 35))), ethnic: g.ethnic,
        relation: "child"});
    }
    const poverty = {};
    let status = pick(POVERTY);
    for (let year = 2023; year <= 2025; year++) {
      if (rand() < 0.25) status = pick(POVERTY);
      poverty[year] = status;
    }
    docs.push({
      _id: hex(32),
      type: "household",
      commune: pick(COMMUNES),
      village: `${pick(VILLAGE_PREFIX)} ${pick(VILLAGE_NAME)}`,
      address: `Số nhà ${int(1, 300)}`,
      members,
      poverty,
      notes: "",
    });
  }
  return docs;
}

// --- replication -------------------------------------------------------------

// A remote database; credentials in the URL go to opts.auth (PouchDB's own
// URL parser mangles passwords with ":" or "@").
function remote(url) {
  const u = new URL(url);
  const opts = {};
  if (u.username || u.password) {
    opts.auth = {username: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password)};
    u.username = "";
    u.password = "";
  }
  return new PouchDB(u.toString().replace(/\/$/, ""), opts);
}

let localCounter = 0;
function freshLocal() {
  return new PouchDB(`bench-local-${process.pid}-${localCounter++}`, {adapter: "memory"});
}

async function timed(label, n, batchSize, fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.docs_written !== n || result.doc_write_failures) {
    throw new Error(`${label}: ${result.docs_written} of ${n} docs written, ` +
      `${result.doc_write_failures} failures`);
  }
  process.stdout.write(`pouchdb ${label}: ${n} docs in ${seconds.toFixed(2)} s = ` +
    `${Math.round(n / seconds)} docs/s (batch_size ${batchSize})\n`);
}

async function round(server, source, n, batchSize, dbName) {
  const target = remote(`${server}/${dbName}`);
  await target.destroy().catch((e) => {
    if (e.status !== 404) throw e;
  });
  const pushTarget = remote(`${server}/${dbName}`);
  const opts = batchSize === 100 ? {} : {batch_size: batchSize};
  await timed("push", n, batchSize, () => PouchDB.replicate(source, pushTarget, opts));
  const sink = freshLocal();
  await timed("pull", n, batchSize, () => PouchDB.replicate(pushTarget, sink, opts));
  await sink.destroy();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const docs = householdDocs(args.n);
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(JSON.stringify(d)), 0);
  process.stderr.write(`bench-pouch-replicate: ${args.n} docs, ` +
    `${Math.round(bytes / args.n)} bytes of JSON each on average\n`);
  if (args.dump) {
    fs.writeFileSync(args.dump, docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
  }

  const local = freshLocal();
  for (let i = 0; i < docs.length; i += 1000) {
    await local.bulkDocs(docs.slice(i, i + 1000));
  }
  await round(args.server, local, args.n, 100, "bench_pouch_push");
  if (args.batchSize && args.batchSize !== 100) {
    await round(args.server, local, args.n, args.batchSize,
      `bench_pouch_push_${args.batchSize}`);
  }
  await local.destroy();
}

main().catch((err) => {
  process.stderr.write(`bench-pouch-replicate: ${err.stack || err}\n`);
  process.exit(1);
});
