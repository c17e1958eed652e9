#!/usr/bin/env python3
"""Two builds of StreetRounds' solver, side by side, on the same CARPLIB
instances, seeds and time limit: what a change to the search did.

Each (instance, seed, binary) is one `streetrounds carp FILE --seconds S
--seed K --json` run; --jobs of them run at once, each single-threaded, so
keep the machine otherwise idle (a shared core costs a time-limited search
its quality; the load average is printed). Prints per instance each
binary's costs, their mean, the change of the mean, on how many seeds AFTER
is lower, on how many runs each build's first ruin and recreate re-planned
its steps to fill the time (`ruin_steps_filled` in `stages`; "-" for a build
that does not report it), and each build's mean setup time (`setup_seconds`:
the distance table and the neighbour lists, before the search).

Usage: python3 scripts/compare_carp.py BEFORE AFTER [--instances DIR]
       [--seeds 1,2,3] [--seconds 10] [--jobs 2]
BEFORE and AFTER are paths to streetrounds binaries (e.g. a release build
of main copied aside, and the current .build/release/streetrounds).
"""

import argparse
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def natural(name):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


def solve(binary, path, seconds, seed):
    run = subprocess.run([binary, "carp", path, "--seconds", str(seconds), "--seed", str(seed), "--json"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        lines = run.stderr.strip().splitlines()
        return None, lines[-1] if lines else f"exit {run.returncode}"
    try:
        answer = json.loads(run.stdout)
        filled = answer.get("stages", {}).get("ruin_steps_filled")
        return (answer["cost"], None if filled is None else filled > 0, answer.get("setup_seconds", 0.0)), None
    except (ValueError, KeyError, AttributeError) as error:
        return None, f"unreadable output ({error})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--instances", default=os.path.join(ROOT, ".build/carp-instances"),
                        help="a folder of .dat files (default: what `make bench` writes)")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    for binary in (args.before, args.after):
        if not os.access(binary, os.X_OK):
            sys.exit(f"compare_carp: {binary} is not an executable; build it first (swift build -c release)")
    if not os.path.isdir(args.instances):
        sys.exit(f"compare_carp: {args.instances} is absent; `make bench` writes the Rutland instances there")
    seeds = [int(s) for s in args.seeds.split(",")]
    files = sorted((f for f in os.listdir(args.instances) if f.endswith(".dat")), key=natural)
    # Each seed's two runs side by side, so that with two jobs they run at once and a machine whose speed
    # drifts over the minutes weighs on both alike (all of one build's runs first biased the change).
    jobs = [(f, b, s) for f in files for s in seeds for b in (args.before, args.after)]
    print(f"compare_carp: {args.seconds:g} s per run, seeds {args.seeds}, {args.jobs} runs at once, "
          f"load average before {os.getloadavg()[0]:.2f}", flush=True)
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda j: solve(j[1], os.path.join(args.instances, j[0]), args.seconds, j[2]), jobs))
    print(f"load average after {os.getloadavg()[0]:.2f}")
    runs = {}
    for (f, b, _), (answer, error) in zip(jobs, results):
        if answer is None:
            print(f"{f}: {b} failed: {error}")
        runs.setdefault((f, b), []).append(answer)
    failed = False
    for f in files:
        means, filled, setups = [], [], []
        for label, b in (("before", args.before), ("after", args.after)):
            found = [a[0] for a in runs[(f, b)] if a is not None]
            failed |= len(found) < len(seeds)
            mean = sum(found) / len(found) if found else float("nan")
            means.append(mean)
            marks = [a[1] for a in runs[(f, b)] if a is not None]
            filled.append("-" if None in marks or not marks else str(sum(marks)))
            setups.append(sum(a[2] for a in runs[(f, b)] if a is not None) / max(1, len(found)))
            print(f"{f[:-4]:<26} {label:<6} " + " ".join(f"{c:>8}" for c in found) + f"  mean {mean:>10.1f}")
        change = f"{100 * (means[1] - means[0]) / means[0]:+.2f}%" if means[0] else "-"
        pairs = [(a, b) for a, b in zip(runs[(f, args.before)], runs[(f, args.after)]) if a and b]
        lower = sum(1 for a, b in pairs if b[0] < a[0])
        print(f"{'':<26} change of the mean {change}, after lower on {lower} of {len(pairs)} seeds; "
              f"time filled by ruin and recreate on {filled[0]} runs before, {filled[1]} after; "
              f"setup {setups[0]:.2f} s before, {setups[1]:.2f} s after")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
