#!/usr/bin/env bash
# Long fuzzing (`make fuzz`): each libFuzzer harness in turn, SECONDS each (default 600), at the
# lowest CPU priority. Corpora grow across runs in build/fuzz/long/<harness>/corpus; anything
# found lands in build/fuzz/long/<harness>/artifacts and makes the exit status 1. Logs go to
# build/fuzz/logs. Expects the fuzz preset built (`make fuzz` does that first).
#   scripts/fuzz.sh [SECONDS [HARNESS...]]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
only=" $* "
build=build/fuzz
# shellcheck source=/dev/null
source "$build/tests/fuzz/environment.sh"
mkdir -p "$build/logs"
status=0
while IFS='|' read -r name dict seeds; do
  if [ "$only" != "  " ] && [[ "$only" != *" $name "* ]]; then continue; fi
  log="$build/logs/$name-$(date +%Y%m%d-%H%M%S).log"
  echo "fuzz_$name: ${seconds}s (log: $log)"
  # shellcheck disable=SC2086  # the seed folders are a space-separated list
  if ! nice -n 19 bash tests/fuzz/run_harness.sh "$build/tests/fuzz/fuzz_$name" "$seconds" "$dict" \
       "$build/long/$name" $seeds >"$log" 2>&1; then
    echo "fuzz_$name: FOUND A PROBLEM: see $log and $build/long/$name/artifacts/" >&2
    status=1
  fi
  grep -aE "^#[0-9]+[[:space:]]+DONE" "$log" | tail -1 || true
done <"$build/tests/fuzz/harnesses.txt"
exit $status
