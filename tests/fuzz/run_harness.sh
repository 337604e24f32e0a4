#!/usr/bin/env bash
# Runs one libFuzzer harness over its seed corpora, then fuzzes it for SECONDS (0: replay the
# corpora only). New inputs go to WORK/corpus, crashes, hangs and leaks to WORK/artifacts; the
# exit status is libFuzzer's (0 when nothing was found). Used by the `fuzz` preset's ctest
# regression run and by `make fuzz` (scripts/fuzz.sh).
#   run_harness.sh [--fresh] HARNESS SECONDS DICT WORK SEED_DIR...
# --fresh empties WORK/corpus first, so a regression run costs the same every time.
set -euo pipefail
fresh=0
if [ "${1:-}" = "--fresh" ]; then fresh=1; shift; fi
harness=$1 seconds=$2 dict=$3 work=$4
shift 4
[ "$fresh" = 1 ] && rm -rf "$work/corpus"
mkdir -p "$work/corpus" "$work/artifacts"
seeds=()
for dir in "$@"; do
  [ -d "$dir" ] && seeds+=("$dir")
done
limit=(-max_total_time="$seconds")
[ "$seconds" = 0 ] && limit=(-runs=0)
# -timeout: an input that runs 10 s is a hang (each is bounded to milliseconds by design).
exec "$harness" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -dict="$dict" -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" "${seeds[@]}"
