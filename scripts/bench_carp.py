#!/usr/bin/env python3
"""CARP benchmark: solve every instance in ../shared/carp/instances with a
given time per instance (single-threaded solver, fixed seed) and print
instance, best-known cost, our cost, gap %, time to best, then the mean gap
per set. Every solution is checked by the solver's independent checker
(the CLI refuses to print one that fails).

Usage: python3 scripts/bench_carp.py [--seconds 10] [--jobs 2] [--seed 1] [--sets gdb,val,egl]
--jobs runs that many instances at once, each on its own core.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sets", default="gdb,val,egl")
    parser.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    args = parser.parse_args()
    carp = os.path.join(args.shared, "carp")
    if not os.path.isdir(carp):
        print(f"skipped: {carp} is absent (../shared beside the project holds the CARP instances)")
        return 0
    bks = {row["instance"]: int(row["bks"]) for row in csv.DictReader(open(os.path.join(carp, "bks.csv")))}
    binary = os.path.join(root, ".build/release/streetrounds")

    def natural(name):
        import re
        return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]

    jobs = []
    for s in args.sets.split(","):
        folder = os.path.join(carp, "instances", s)
        for f in sorted(os.listdir(folder), key=natural):
            if f.endswith(".dat"):
                jobs.append((s, os.path.join(folder, f)))

    def solve(job):
        s, path = job
        out = subprocess.run([binary, "carp", path, "--seconds", str(args.seconds), "--seed", str(args.seed), "--json"],
                             capture_output=True, text=True)
        if out.returncode != 0:
            return s, os.path.basename(path)[:-4], None, out.stderr.strip()
        return s, os.path.basename(path)[:-4], json.loads(out.stdout), None

    print(f"CARP benchmark: {args.seconds:g} s per instance, seed {args.seed}, single-threaded solver, {args.jobs} at once")
    print(f"{'instance':<10} {'bks':>6} {'cost':>6} {'gap %':>7} {'to best s':>9}")
    gaps = {}
    failed = 0
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for s, name, result, error in pool.map(solve, jobs):
            if result is None:
                print(f"{name:<10} failed: {error}")
                failed += 1
                continue
            best = bks[name]
            gap = 100.0 * (result["cost"] - best) / best
            gaps.setdefault(s, []).append(gap)
            print(f"{name:<10} {best:>6} {result['cost']:>6} {gap:>7.2f} {result['seconds_to_best']:>9.2f}", flush=True)
    print()
    for s, values in gaps.items():
        at_bks = sum(1 for g in values if g <= 1e-9)
        print(f"{s}: mean gap {sum(values) / len(values):.3f}% over {len(values)} instances ({at_bks} at the best-known cost)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
