#!/usr/bin/env bash
# Prints XCTest's totals from a `swift test` log as one plain closing line,
# "tests: N passed, N failed[, N skipped]", after swift-testing's own line
# (which counts only swift-testing tests, none here).
set -euo pipefail
line=$(grep -E "Executed [0-9]+ tests?, with" "$1" | tail -n 1 || true)
[ -n "$line" ] || { echo "tests: no XCTest totals found in $1" >&2; exit 1; }
executed=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$line")
failures=$(sed -E 's/.* ([0-9]+) failures?.*/\1/' <<<"$line")
skipped=$(grep -oE "[0-9]+ tests? skipped" <<<"$line" | grep -oE "^[0-9]+" || echo 0)
passed=$((executed - failures - skipped))
if [ "$skipped" -gt 0 ]; then
  echo "tests: $passed passed, $failures failed, $skipped skipped"
else
  echo "tests: $passed passed, $failures failed"
fi
