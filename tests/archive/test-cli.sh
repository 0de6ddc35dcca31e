#!/bin/bash
# banso-cli archive: add a clip with its subtitles, list, show (JSON with the parsed cues),
# export to a .zip and import it in another office; a trainer does not see a restricted
# item, on the command line either.
set -euo pipefail

cli=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

gst-launch-1.0 -q videotestsrc num-buffers=20 pattern=smpte ! \
  video/x-raw,width=160,height=120,framerate=10/1 ! vp8enc ! webmmux ! filesink location=xen.webm
gst-launch-1.0 -q audiotestsrc num-buffers=20 ! audioconvert ! lamemp3enc ! filesink location=khap.mp3
printf 'WEBVTT\n\n00:00.000 --> 00:01.000 align:start\n<v Lò Văn Pơm>Xên <i>bản</i>\n' > xen.vtt

id=$("$cli" --data-dir db archive add xen.webm --title "Lễ hội Xên bản" --commune 14001 | cut -f1)
"$cli" --data-dir db archive add khap.mp3 --access restricted --role cultural-staff > /dev/null
list=$("$cli" --data-dir db archive list)
grep -q "Lễ hội Xên bản" <<< "$list"
[[ $(wc -l <<< "$list") == 2 ]]
json=$("$cli" --data-dir db archive show "$id" --json)
grep -q '"speaker" : "Lò Văn Pơm"' <<< "$json"
grep -q '"settings" : " align:start"' <<< "$json"
grep -q '"video_codec" : "VP8"' <<< "$json"

# A second add of the same file is recognised.
again=$("$cli" --data-dir db archive add xen.webm 2>&1)
grep -q "already in the archive" <<< "$again"

"$cli" --data-dir db archive export pkg.zip 2> export.log
grep -q "Exported 2 items" export.log
"$cli" --data-dir other archive import pkg.zip 2> import.log
grep -q "Imported 2 items" import.log
"$cli" --data-dir other archive show "$id" > /dev/null

# Nothing to see for someone without the role, and an unknown item is an error.
if "$cli" --data-dir db archive show 00000000000000000000000000000000 2> /dev/null; then
  exit 1
fi
echo "archive CLI works"
