#!/bin/sh
# run-fuzzer.sh: runs one libFuzzer target of Banso for a while from its seed
# corpus, and says what it did.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-fuzzer.sh TARGET SEED_CORPUS...
#
# The seed corpus in the source tree is only read: the inputs libFuzzer finds
# go to a working corpus in the build tree ($BANSO_FUZZ_LOGS/NAME/corpus),
# kept from one run to the next. A crash, a leak or a timeout is saved under
# $BANSO_FUZZ_LOGS/NAME/artifacts/ and fails the run; copy the file into the seed corpus
# so that every later build runs it as a test.
#
# BANSO_FUZZ_SECONDS (default 60) is how long the target runs;
# BANSO_FUZZ_SEED (default 1) fixes libFuzzer's random seed, so that a run
# can be repeated.

set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 TARGET SEED_CORPUS..." >&2
  exit 2
fi

target=$1
shift
name=$(basename "$target")
seconds=${BANSO_FUZZ_SECONDS:-60}
seed=${BANSO_FUZZ_SEED:-1}
logs=${BANSO_FUZZ_LOGS:-$(dirname "$target")/fuzz-logs}/$name
mkdir -p "$logs/corpus" "$logs/artifacts" || exit 1
rm -f "$logs"/artifacts/* "$logs/summary.txt"

# libFuzzer's own options: one input may take 10 s and 2 GiB at most; the
# sanitizers stop at the first error (as the tests do) and find leaks.
ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

"$target" -seed="$seed" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$logs/artifacts/" \
  "$logs/corpus" "$@" > "$logs/log.txt" 2>&1
rc=$?

executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/log.txt" | tail -n1)
corpus=$(find "$logs/corpus" -type f | wc -l)
crashes=$(find "$logs/artifacts" -type f | wc -l)
if [ $rc -ne 0 ] && [ "$crashes" -eq 0 ]; then
  crashes=1
fi
echo "$name: ${executions:-0} executions in ${seconds} s, ${corpus} inputs in the working corpus, ${crashes} crashes" |
  tee "$logs/summary.txt"

if [ $rc -ne 0 ]; then
  # What the sanitizer or libFuzzer said, and where the input is.
  tail -n 40 "$logs/log.txt"
  for file in "$logs"/artifacts/*; do
    [ -f "$file" ] && echo "$name: input saved as $file"
  done
  exit 1
fi
exit 0
