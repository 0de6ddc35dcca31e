#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# banso-cli dict: the demo's sample dictionaries, search (one result a line,
# best first: headword, tab, glosses), import, export and list.
set -eu

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cli() { "$BANSO_CLI" --data-dir "$dir/db" "$@"; }
fail() { echo "not ok: $*" >&2; exit 1; }

cli demo --households 5 2>/dev/null
test "$(cli dict list | grep -c sample)" = 2 || fail "the demo has two sample dictionaries"

first=$(cli dict search tsev | head -n 1)
test "$first" = "$(printf 'tsev\tnhà; house')" || fail "exact headword first: $first"
cli dict search --lang hnj nha | grep -q "^tsev	" || fail "reverse lookup from Vietnamese"
cli dict search --lang blt ꪢ | grep -q "^ꪵꪢ꪿ / mẹ	" || fail "Tai Viet by consonant"
cli dict search --ignore-tone --lang hnj tse | head -n 1 | grep -q "^tsev	" || fail "RPA without tone"
cli dict search tsevv 2>"$dir/err" | head -n 1 | grep -q "^tsev	" || fail "suggestion"
grep -q "Did you mean" "$dir/err" || fail "suggestions are announced"
if cli dict search qqqqqqqqq >/dev/null 2>&1; then fail "nothing found is a failure"; fi
if cli dict search >/dev/null 2>&1; then fail "a query is needed"; fi

if cli dict import "$BANSO_DICT_DATA_DIR/sena/Sena.lift" 2>"$dir/err"; then fail "missing sounds refused"; fi
grep -q "minecraft-villager-sound-effect.mp3" "$dir/err" || fail "the missing file named: $(cat "$dir/err")"
cli dict import --keep-missing-media "$BANSO_DICT_DATA_DIR/sena/Sena.lift" 2>"$dir/err" || fail "import: $(cat "$dir/err")"
grep -q "1462" "$dir/err" || fail "1462 entries imported: $(cat "$dir/err")"
test "$(cli dict list | wc -l)" = 3 || fail "three dictionaries"

cli dict export --lang hnj "$dir/hnj.lift" 2>/dev/null || fail "export"
grep -q "<lift" "$dir/hnj.lift" || fail "a LIFT file"
cli dict import "$dir/hnj.lift" 2>/dev/null || fail "import again"
test "$(cli dict search tsev | grep -c "^tsev	")" = 2 || fail "the export imported again"

cli dict export --lang hnj "$dir/hnj.ifo" 2>/dev/null || fail "StarDict export"
test -s "$dir/hnj.idx" || fail "StarDict index"
if cli dict export "$dir/x.doc" 2>/dev/null; then fail "unknown format refused"; fi

# A search opens the database read-only: it works on a file it may not write.
chmod a-w "$dir/db"
cli dict search tsev >/dev/null || fail "read-only search"
chmod u+w "$dir/db"
echo "ok"
