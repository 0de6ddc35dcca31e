// PouchDB with its in-memory adapter, for the replica and the benchmark.
//
// The npm packages live in build-aux/install-node-deps's cache folder, not in
// the source tree: NODE_PATH if it finds them, else BANSO_NPM_DIR (or
// BANSO_NPM_CACHE), else the default cache folder.
//
// SPDX-License-Identifier: GPL-3.0-or-later

"use strict";

const os = require("os");
const path = require("path");

function load(name) {
  try {
    return require(name);
  } catch (e) {
    if (e.code !== "MODULE_NOT_FOUND") throw e;
    const cache = process.env.BANSO_NPM_DIR || process.env.BANSO_NPM_CACHE ||
      path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"),
        "banso", "npm");
    return require(path.join(cache, "node_modules", name));
  }
}

const PouchDB = load("pouchdb");
PouchDB.plugin(load("pouchdb-adapter-memory"));

module.exports = PouchDB;
