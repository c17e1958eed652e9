#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/, only when STREETROUNDS_FUZZ is set) with -sanitize=fuzzer in their own
# build folder, then runs each for FUZZ_SECONDS (default 180) from the seed corpus in Fuzz/corpus/.
# New inputs go to .build/fuzz/corpus/, crashes to .build/fuzz/crashes/; the script fails on the first crash.
# Usage: scripts/fuzz.sh [FuzzJSON FuzzTaskList FuzzStreets FuzzCARP FuzzPlaces]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-180}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzJSON FuzzTaskList FuzzStreets FuzzCARP FuzzPlaces)
declare -A corpus=([FuzzJSON]=json [FuzzTaskList]=tasklist [FuzzStreets]=streets [FuzzCARP]=carp [FuzzPlaces]=places)
build=.build/fuzz
for target in "${targets[@]}"; do
    STREETROUNDS_FUZZ=1 swift build --build-path "$build" -Xswiftc -sanitize=fuzzer \
        --product "$target"
done
bin="$(STREETROUNDS_FUZZ=1 swift build --build-path "$build" --show-bin-path)"
for target in "${targets[@]}"; do
    seeds="Fuzz/corpus/${corpus[$target]}"
    work="$build/corpus/${corpus[$target]}"
    mkdir -p "$work" "$build/crashes"
    echo "== $target for $seconds s (seeds: $seeds)"
    # SWIFT_BACKTRACE off: libFuzzer, not Swift's backtracer, must catch a trap to save the input.
    SWIFT_BACKTRACE=enable=no "$bin/$target" "$work" "$seeds" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$build/crashes/$target-" -print_final_stats=1 2>&1 \
        | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|Fatal|deadly|SUMMARY" || true
    if ls "$build/crashes/$target-"* >/dev/null 2>&1; then
        echo "$target: crash inputs in $build/crashes/ (turn each into a regression test)" >&2
        exit 1
    fi
done
