#!/usr/bin/env bash
# Concurrent writers on one store: COPIES copies of the sample store, on each LOOPS parallel loops of
# SUBMITS `tasks submit`, then SQLite's integrity check on each. Prints the corrupt stores and the
# failed commands (with their messages). Used for docs/reliability.md ("No descriptor of the store but
# SQLite's"). Usage: scripts/store_race.sh BINARY [COPIES] [LOOPS] [SUBMITS]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: scripts/store_race.sh BINARY [COPIES] [LOOPS] [SUBMITS]" >&2; exit 2; }
binary=$(realpath "$1")
copies=${2:-6}
loops=${3:-3}
submits=${4:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"  # the registry is found in ./data
command -v sqlite3 >/dev/null || { echo "store_race: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" streets import "$root/data/sample-town/streets.geojson" --db "$work/base.sqlite" >/dev/null
for list in "$root"/data/sample-town/tasks/*.geojson; do
    "$binary" tasks submit "$list" --org "$(basename "$list" .geojson)" --db "$work/base.sqlite" >/dev/null
done
corrupt=0
for n in $(seq "$copies"); do
    sqlite3 "$work/base.sqlite" ".backup '$work/c$n.sqlite'"
    for _ in $(seq "$loops"); do
        (for _ in $(seq "$submits"); do
            timeout 120 "$binary" tasks submit "$root/data/sample-town/tasks/town-council.geojson" --org town-council \
                --db "$work/c$n.sqlite" >/dev/null 2>>"$work/errors.txt" || echo failed >>"$work/failures.txt"
        done) &
    done
    wait
    [ "$(sqlite3 "$work/c$n.sqlite" 'PRAGMA integrity_check' | head -1)" = ok ] || corrupt=$((corrupt + 1))
done
touch "$work/failures.txt" "$work/errors.txt"
failed=$(wc -l <"$work/failures.txt")
echo "store_race: $corrupt of $copies stores corrupt; $failed of $((copies * loops * submits)) submits failed"
sort "$work/errors.txt" | uniq -c | cut -c1-200 | head -5
[ "$corrupt" -eq 0 ]
