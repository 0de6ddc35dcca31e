#!/bin/bash
# Fails when a source string has no Vietnamese translation: po/vi.po must be
# complete at every commit, since the officials read Vietnamese.
set -euo pipefail

srcdir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$srcdir"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 --add-comments=Translators --package-name=banso \
  -f po/POTFILES.in -o "$work/banso.pot"
msgmerge --quiet --no-fuzzy-matching -o "$work/vi.po" po/vi.po "$work/banso.pot"
msgfmt --check -o /dev/null po/vi.po

untranslated=$(msgattrib --untranslated --no-obsolete "$work/vi.po" | grep -c '^msgid' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/vi.po" | grep -c '^msgid' || true)
# msgattrib prints the header entry too when it prints anything.
(( untranslated > 0 )) && untranslated=$((untranslated - 1))
(( fuzzy > 0 )) && fuzzy=$((fuzzy - 1))

if (( untranslated + fuzzy > 0 )); then
  echo "po/vi.po: $untranslated untranslated and $fuzzy fuzzy messages:" >&2
  msgattrib --untranslated --no-obsolete "$work/vi.po" | grep -A1 '^msgid' >&2 || true
  exit 1
fi
echo "po/vi.po translates every message."
