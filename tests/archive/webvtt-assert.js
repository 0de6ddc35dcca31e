// Runs one of the W3C file-parsing assertion files (webvtt/file-parsing/*.js) against the
// cues the archive's parser gave, written as JSON in the shape of a TextTrackCueList.
'use strict';
const fs = require('fs');

const parsed = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const source = fs.readFileSync(process.argv[3], 'utf8');
let checked = 0;

function assert_equals(actual, expected, message) {
  checked++;
  if (actual !== expected) {
    throw new Error((message ? message + ': ' : '') + 'got ' + JSON.stringify(actual) +
                    ', expected ' + JSON.stringify(expected));
  }
}

try {
  new Function('cues', 'assert_equals', source)(parsed.cues, assert_equals);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
console.log(checked + ' assertions');
