#!/usr/bin/env bash
# Runs the test suite under a sanitizer: Scripts/sanitize.sh address|thread|all
#
# address: `swift test --sanitize=address` (memory errors; leaks are not checked in tests).
# thread:  `swift test --sanitize=thread`, then the concurrency tests again pinned to one processor
#          (many tasks on one core interleave differently from many cores).
# Each sanitizer builds into its own folder under .build/, so it does not disturb the normal build.
set -euo pipefail
cd "$(dirname "$0")/.."

run_address() {
  echo "== swift test --sanitize=address"
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 swift test --sanitize=address --scratch-path .build/asan
}

run_thread() {
  echo "== swift test --sanitize=thread"
  TSAN_OPTIONS=halt_on_error=1 swift test --sanitize=thread --scratch-path .build/tsan
  echo "== concurrency tests on one processor, thread sanitizer"
  TSAN_OPTIONS=halt_on_error=1 taskset -c 0 \
    swift test --sanitize=thread --scratch-path .build/tsan --skip-build --filter ConcurrencyTests
}

case ${1:-all} in
  address) run_address ;;
  thread) run_thread ;;
  all) run_address; run_thread ;;
  *) echo "usage: $0 address|thread|all" >&2; exit 2 ;;
esac
