#!/usr/bin/env python3
"""CARP benchmark: StreetRounds beside PyVRP on the same instances, the same
time per instance and the same seed, one core each.

Classic sets (../shared/carp/instances): per instance the best-known cost,
each solver's cost and gap; per set the mean gap and the hits. Every
StreetRounds solution is checked by its independent checker (the CLI refuses
to print one that fails) and re-costed here from the file (`recost`, no
StreetRounds code: a solution below the best-known cost is marked with *);
PyVRP's cost is its own.

Large instances (--large DIR, e.g. the county-size Rutland files that
`Benchmarks carp-instances` writes): per instance the required edges, the
cost, setup seconds (distance table, instance, neighbour lists), iterations,
time per unit of each kind of work (a step of ruin and recreate, an
offspring of a decomposition phase's sub-problem, an offspring of the
population over every task: what grows with size), and peak memory
(/usr/bin/time) of each solver. With --long-seconds S (optional: 600 gives
the 10-minute reference, which `make bench` does not run by default),
StreetRounds also runs S seconds per instance (each printed with its time per
unit of work) and the gap of each short run to it is printed; without it the
gaps are to the better of the two short runs. With --large-seeds N (make
bench: 4), StreetRounds' short runs are repeated for N seeds from --seed and
each instance's gaps printed as their mean, least and most: one seed's gap
is a draw.

PyVRP (pip install pyvrp) gets the usual node transformation (see
../shared/carp/README.md): each required edge becomes one client per
service direction, the two in a required, mutually exclusive client group;
the cost from client a to client b is the shortest path from a's end to b's
start plus b's service cost. Its time limit covers its search only (its
setup, the shortest paths and the matrix, is printed apart); StreetRounds'
covers the whole solve. Instances with more than --pyvrp-max-required
required edges are left out for PyVRP (its dense matrix of 2n+1 squared
64-bit costs, twice, takes 1.6 GB at n = 5,000).

The cores in use before the start and over the whole run (from /proc/stat)
say whether the machine was busy: time-limited searches lose quality on a
shared core.

Usage: python3 scripts/bench_carp.py [--seconds 10] [--jobs 2] [--seed 1] [--sets gdb,val,egl]
           [--only NAMES] [--peer pyvrp|none] [--large DIR] [--long-seconds S] [--large-seeds N]
           [--pyvrp-max-required 3000]
--jobs runs that many solver processes at once, each on its own core.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BINARY = os.path.join(ROOT, ".build/release/streetrounds")


def natural(name):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


# ---------------------------------------------------------------- instances

def read_carplib(path):
    """The instance as a dict: nodes (0-based), depot, capacity, route limit
    (LIMITE_RUTA, or None) and links (from, to, deadhead, service, demand or
    None, two_way), with the writer's extensions (servicio, arco)."""
    nodes = capacity = depot = limit = None
    links = []
    section = ""
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("("):
            ends, rest = line[1:].split(")", 1)
            a, b = (int(x) for x in ends.split(","))
            words = rest.split()

            def value(key):
                return int(float(words[words.index(key) + 1])) if key in words else None
            cost = value("coste")
            service = value("servicio")
            demand = value("demanda") if section == "REQ" else None
            links.append((a - 1, b - 1, cost, cost if service is None else service, demand, "arco" not in words))
            continue
        key, _, rest = line.partition(":")
        key = key.strip().upper()
        number = rest.split()[0] if rest.split() else ""
        if key == "VERTICES":
            nodes = int(number)
        elif key == "CAPACIDAD":
            capacity = int(float(number))
        elif key == "DEPOSITO":
            depot = int(number) - 1
        elif key == "LIMITE_RUTA":
            limit = int(number)
        elif key == "LISTA_ARISTAS_REQ":
            section = "REQ"
        elif key == "LISTA_ARISTAS_NOREQ":
            section = "NOREQ"
    return {"nodes": nodes, "capacity": capacity, "depot": depot, "limit": limit, "links": links}


def recost(instance, routes):
    """A solution re-costed from the file alone, outside StreetRounds' code:
    shortest paths by Floyd-Warshall over the links, each required link
    served once (a one-way one forwards), each route within capacity and the
    route limit. `routes` as `streetrounds carp --json` prints them: lists of
    [from, to] vertices, 1-based, in service order. Returns (cost, problems);
    (None, [why]) for an instance with parallel required links, where the
    steps do not say which link was served. For the classic sets (a few
    hundred vertices at most, no parallel links)."""
    n, depot, inf = instance["nodes"], instance["depot"], float("inf")
    far = [[inf] * n for _ in range(n)]
    required = {}
    for a, b, cost, service, demand, two_way in instance["links"]:
        far[a][b] = min(far[a][b], cost)
        if two_way:
            far[b][a] = min(far[b][a], cost)
        if demand is not None:
            required.setdefault(frozenset((a, b)), []).append((a, b, service, demand, two_way))
    for i in range(n):
        far[i][i] = 0
    for k in range(n):
        row_k = far[k]
        for i in range(n):
            via = far[i][k]
            if via < inf:
                far[i] = [min(x, via + y) for x, y in zip(far[i], row_k)]
    if any(len(links) > 1 for links in required.values()):
        return None, ["parallel required links: which one each step served is not printed, so not re-costed"]
    total, problems = 0, []
    for number, route in enumerate(routes, 1):
        at, load, cost = depot, 0, 0
        for u, v in ((u - 1, v - 1) for u, v in route):
            links = required.get(frozenset((u, v)), [])
            link = next((x for x in links if (x[0], x[1]) == (u, v) or x[4]), None)
            if link is None:
                problems.append(f"route {number}: ({u + 1},{v + 1}) is not a required link left to serve that way")
                continue
            links.remove(link)
            load += link[3]
            cost += far[at][u] + link[2]
            at = v
        cost += far[at][depot]
        if load > instance["capacity"]:
            problems.append(f"route {number}: load {load} over capacity {instance['capacity']}")
        if instance["limit"] is not None and cost > instance["limit"]:
            problems.append(f"route {number}: cost {cost} over the route limit {instance['limit']}")
        total += cost
    left = sum(len(links) for links in required.values())
    if left:
        problems.append(f"{left} required links not served")
    return total, problems


def required_count(path):
    for line in open(path, encoding="utf-8"):
        if line.strip().upper().startswith("ARISTAS_REQ"):
            return int(line.split(":")[1].split()[0])
    return 0


# ---------------------------------------------------------------- PyVRP peer

def pyvrp_one(path, seconds, seed):
    """One PyVRP run on a CARPLIB file (node transformation); prints JSON."""
    import numpy as np
    import pyvrp
    from pyvrp.stop import MaxRuntime
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    start = time.time()
    p = read_carplib(path)
    n = p["nodes"]
    best = {}
    for a, b, cost, _, _, two_way in p["links"]:
        w = max(cost, 1e-6)  # scipy drops explicit zeros
        best[(a, b)] = min(best.get((a, b), w), w)
        if two_way:
            best[(b, a)] = min(best.get((b, a), w), w)
    rows, cols = zip(*best.keys())
    graph = csr_matrix((list(best.values()), (rows, cols)), shape=(n, n))
    # Clients: one per service direction; (start node, end node, service, demand, group).
    clients = []
    for k, (a, b, _, service, demand, two_way) in enumerate(l for l in p["links"] if l[4] is not None):
        clients.append((a, b, service, demand, k))
        if two_way and a != b:
            clients.append((b, a, service, demand, k))
    terminals = sorted({p["depot"]} | {c[0] for c in clients} | {c[1] for c in clients})
    row_of = {v: i for i, v in enumerate(terminals)}
    dist = dijkstra(graph, directed=True, indices=terminals)
    dist = np.where(np.isinf(dist), 1e12, np.rint(dist)).astype(np.int64)
    starts = np.array([p["depot"]] + [c[0] for c in clients])
    ends = np.array([row_of[p["depot"]]] + [row_of[c[1]] for c in clients])
    service = np.array([0] + [c[2] for c in clients], dtype=np.int64)
    matrix = dist[ends][:, starts] + service[None, :]
    np.fill_diagonal(matrix, 0)
    groups_of = {}
    for i, c in enumerate(clients):
        groups_of.setdefault(c[4], []).append(i)
    group_list = [g for g in groups_of.values() if len(g) > 1]
    group_index = {}
    for gi, members in enumerate(group_list):
        for m in members:
            group_index[m] = gi
    data = pyvrp.ProblemData(
        locations=[pyvrp.Location(0, 0) for _ in range(len(clients) + 1)],
        clients=[pyvrp.Client(location=i + 1, delivery=[c[3]], required=i not in group_index,
                              group=group_index.get(i)) for i, c in enumerate(clients)],
        depots=[pyvrp.Depot(location=0)],
        vehicle_types=[pyvrp.VehicleType(num_available=len(groups_of), capacity=[p["capacity"]],
                                         max_distance=p["limit"] if p["limit"] else np.iinfo(np.int64).max)],
        distance_matrices=[matrix],
        duration_matrices=[np.zeros_like(matrix)],
        groups=[pyvrp.ClientGroup(members, required=True) for members in group_list],
    )
    setup = time.time() - start
    result = pyvrp.solve(data, stop=MaxRuntime(seconds), seed=seed, display=False)
    print(json.dumps({"cost": int(result.best.distance()), "feasible": bool(result.is_feasible()),
                      "iterations": int(result.num_iterations), "setup_seconds": round(setup, 3),
                      "seconds": round(time.time() - start, 3)}))


# ---------------------------------------------------------------- runs

def timed(command):
    """Runs command under /usr/bin/time when present; (stdout JSON or None,
    stderr, peak resident memory in MB or None)."""
    peak = None
    with tempfile.NamedTemporaryFile("r", suffix=".time") as record:
        wrapped = (["/usr/bin/time", "-f", "%M", "-o", record.name] + command) if os.path.exists("/usr/bin/time") \
            else command
        out = subprocess.run(wrapped, capture_output=True, text=True)
        try:
            peak = int(open(record.name).read().split()[-1]) / 1024
        except (ValueError, IndexError, OSError):
            pass
    if out.returncode != 0:
        return None, out.stderr.strip()[-400:], peak
    try:
        return json.loads(out.stdout.strip().splitlines()[-1]), None, peak
    except (ValueError, IndexError):
        return None, "no JSON in the output: " + out.stdout[-200:], peak


def ours(path, seconds, seed):
    result, error, peak = timed([BINARY, "carp", path, "--seconds", str(seconds), "--seed", str(seed), "--json"])
    if result:
        result["peak_mb"] = peak
    return result, error


def theirs(path, seconds, seed):
    result, error, peak = timed([sys.executable, os.path.abspath(__file__), "--pyvrp-one", path,
                                 "--seconds", str(seconds), "--seed", str(seed)])
    if result:
        result["peak_mb"] = peak
    return result, error


def cpu_ticks():
    """(busy, total) clock ticks of all cores since boot, from /proc/stat."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields) - idle, sum(fields)


def cores_busy(before, after):
    """Cores in use on average between two cpu_ticks() readings."""
    busy, total = after[0] - before[0], after[1] - before[1]
    return (os.cpu_count() or 1) * busy / total if total else 0.0


def load_line(when, jobs, since=None):
    """Whether the machine was busy. At the start: the cores in use over one
    second before the benchmark (the load average would still count the
    previous benchmark); at the end: the cores in use over the whole run,
    against the `jobs` solvers this script ran."""
    cores = os.cpu_count() or 1
    if since is None:
        before = cpu_ticks()
        time.sleep(1)
        used, allowed = cores_busy(before, cpu_ticks()), 0.5
    else:
        used, allowed = cores_busy(since, cpu_ticks()), jobs + 0.5
    one, five, _ = os.getloadavg()
    verdict = "BUSY: time-limited results are not comparable" if used > allowed else "quiet"
    return (f"machine at {when}: {used:.2f} of {cores} cores in use"
            + (" over the run" if since is not None else "")
            + f" (load average {one:.2f} 1 min, {five:.2f} 5 min): {verdict}")


def gap(cost, reference):
    return 100.0 * (cost - reference) / reference


def classic_sets(args, pool, peer):
    carp = os.path.join(args.shared, "carp")
    if not os.path.isdir(carp):
        print(f"skipped: {carp} is absent (../shared beside the project holds the CARP instances)")
        return 0
    bks = {row["instance"]: int(row["bks"]) for row in csv.DictReader(open(os.path.join(carp, "bks.csv")))}
    jobs = []
    for s in args.sets.split(","):
        folder = os.path.join(carp, "instances", s)
        for f in sorted(os.listdir(folder), key=natural):
            if f.endswith(".dat") and (not args.only or f[:-4] in args.only.split(",")):
                jobs.append((s, os.path.join(folder, f)))

    def solve(job):
        s, path = job
        mine = ours(path, args.seconds, args.seed)
        peer_result = theirs(path, args.seconds, args.seed) if peer else (None, None)
        return s, path, mine, peer_result

    print(f"{'instance':<10} {'bks':>6} {'cost':>6} {'gap %':>7} {'to best s':>9}" + (f" {'PyVRP':>7} {'gap %':>7}" if peer else ""))
    gaps, peer_gaps, failed, below = {}, {}, 0, 0
    for s, path, (result, error), (other, other_error) in pool.map(solve, jobs):
        name = os.path.basename(path)[:-4]
        best = bks[name]
        if result is None:
            print(f"{name:<10} failed: {error}")
            failed += 1
            continue
        cost, problems = recost(read_carplib(path), result["routes"])
        if cost is None:
            print(f"{name:<10} not re-costed: {problems[0]}")
            cost, problems = result["cost"], []
        if problems or cost != result["cost"]:
            why = "; ".join(problems[:3]) or f"re-costed {cost}"
            print(f"{name:<10} failed the check outside StreetRounds (cost {result['cost']}): {why}")
            failed += 1
            continue
        below += cost < best
        g = gap(result["cost"], best)
        gaps.setdefault(s, []).append(g)
        mark = "*" if cost < best else " "
        line = f"{name:<10} {best:>6} {result['cost']:>6}{mark}{g:>7.2f} {result['seconds_to_best']:>9.2f}"
        if peer:
            if other and other["feasible"]:
                pg = gap(other["cost"], best)
                peer_gaps.setdefault(s, []).append(pg)
                line += f" {other['cost']:>7} {pg:>7.2f}"
            else:
                line += f" {'-':>7} {'failed' if other is None else 'infeasible':>7}"
        print(line, flush=True)
    print()
    if below:
        print("* below the best-known cost of bks.csv: re-costed from the file outside StreetRounds, feasible")
    for s, values in gaps.items():
        hits = sum(1 for g in values if abs(g) <= 1e-9)
        under = sum(1 for g in values if g < -1e-9)
        line = (f"{s}: StreetRounds mean gap {sum(values) / len(values):.3f}% over {len(values)} instances "
                f"({hits} at the best-known cost" + (f", {under} below it" if under else "") + ")")
        if peer and peer_gaps.get(s):
            pv = peer_gaps[s]
            line += f"; PyVRP {sum(pv) / len(pv):.3f}% over {len(pv)} ({sum(1 for g in pv if g <= 1e-9)} at it)"
        print(line)
    return failed


def per_unit(stages, seconds, count, scale):
    """Seconds per unit of a stage's work, times scale; '-' when it did none."""
    return f"{scale * stages.get(seconds, 0) / stages[count]:.1f}" if stages.get(count) else "-"


def work_per_unit(stages):
    """The stages' time per unit of work, in words, with the counts."""
    return (f"R&R {per_unit(stages, 'ruin_seconds', 'ruin_steps', 1e6)} us/step ({stages.get('ruin_steps', 0)}), "
            f"phase {per_unit(stages, 'phase_seconds', 'phase_offspring', 1e3)} ms/offspring "
            f"({stages.get('phase_offspring', 0)}), population "
            f"{per_unit(stages, 'offspring_seconds', 'offspring', 1e3)} ms/offspring ({stages.get('offspring', 0)})")


def large_instances(args, pool, peer):
    if not os.path.isdir(args.large):
        print(f"skipped: {args.large} is absent (Benchmarks carp-instances writes it from ../shared)")
        return 0
    files = sorted((f for f in os.listdir(args.large) if f.endswith(".dat")), key=natural)
    paths = [os.path.join(args.large, f) for f in files]
    long_runs = {}
    if args.long_seconds:
        print(f"reference runs: StreetRounds, {args.long_seconds:g} s per instance ...", flush=True)
        for path, (result, error) in zip(paths, pool.map(lambda p: ours(p, args.long_seconds, args.seed), paths)):
            long_runs[path] = result
            if result is None:
                print(f"  {os.path.basename(path)}: failed: {error}")
            else:
                print(f"  {os.path.basename(path)[:-4]}: cost {result['cost']}, setup {result['setup_seconds']:.2f} s, "
                      + work_per_unit(result.get("stages", {})))

    def solve(path):
        size = required_count(path)
        peer_result = theirs(path, args.seconds, args.seed) if peer and size <= args.pyvrp_max_required else None
        return path, size, ours(path, args.seconds, args.seed), peer_result

    reference_kind = f"the {args.long_seconds:g} s StreetRounds run" if args.long_seconds else "the better short run"
    print(f"large instances: {args.seconds:g} s per instance; gaps to {reference_kind}")
    print("(time per unit of work: R&R us/step, a step of ruin and recreate; phase ms/off, an offspring of a "
          "decomposition phase's sub-problem; pop ms/off, an offspring of the population over every task)")
    print(f"{'instance':<26} {'req':>5} {'cost':>8} {'gap %':>6} {'setup s':>7} {'iters':>7} {'R&R us/step':>11} "
          f"{'phase ms/off':>12} {'pop ms/off':>10} {'MB':>6}"
          + (f" | {'PyVRP':>8} {'gap %':>6} {'setup s':>7} {'iters':>7} {'MB':>6}" if peer else ""))
    failed = 0
    for path, size, (result, error), other in pool.map(solve, paths):
        name = os.path.basename(path)[:-4]
        if result is None:
            print(f"{name:<26} {size:>5} failed: {error}")
            failed += 1
            continue
        other_result = other[0] if other else None
        costs = [result["cost"]] + ([other_result["cost"]] if other_result and other_result["feasible"] else [])
        long_run = long_runs.get(path)
        reference = long_run["cost"] if long_run else min(costs)
        stages = result.get("stages", {})
        line = (f"{name:<26} {size:>5} {result['cost']:>8} {gap(result['cost'], reference):>6.2f} "
                f"{result['setup_seconds']:>7.2f} {result['iterations']:>7} "
                f"{per_unit(stages, 'ruin_seconds', 'ruin_steps', 1e6):>11} "
                f"{per_unit(stages, 'phase_seconds', 'phase_offspring', 1e3):>12} "
                f"{per_unit(stages, 'offspring_seconds', 'offspring', 1e3):>10} {result['peak_mb'] or 0:>6.0f}")
        if peer:
            if other_result is None:
                line += " | " + ("left out (over --pyvrp-max-required)" if other is None else f"failed: {other[1]}")
            else:
                shown = f"{gap(other_result['cost'], reference):>6.2f}" if other_result["feasible"] else "infeas"
                line += (f" | {other_result['cost']:>8} {shown} {other_result['setup_seconds']:>7.2f} "
                         f"{other_result['iterations']:>7} {other_result['peak_mb'] or 0:>6.0f}")
        print(line, flush=True)
    if args.large_seeds > 1:
        failed += large_seed_spread(args, pool, paths, long_runs)
    return failed


def large_seed_spread(args, pool, paths, long_runs):
    """Runs --large-seeds seeds (from --seed) of StreetRounds alone on each
    large instance and prints the gaps' mean, least and most: one seed's
    gap is a draw (docs/benchmarks.md)."""
    seeds = list(range(args.seed, args.seed + args.large_seeds))
    jobs = [(path, seed) for path in paths for seed in seeds]
    results = dict(zip(jobs, pool.map(lambda job: ours(job[0], args.seconds, job[1]), jobs)))
    print(f"StreetRounds' {args.seconds:g} s runs over seeds {seeds[0]}-{seeds[-1]}: gaps to "
          + (f"the {args.long_seconds:g} s run" if args.long_seconds else "the best of these runs"))
    failed = 0
    for path in paths:
        name = os.path.basename(path)[:-4]
        costs = [results[(path, seed)][0]["cost"] for seed in seeds if results[(path, seed)][0]]
        if len(costs) < len(seeds):
            errors = [results[(path, seed)][1] for seed in seeds if results[(path, seed)][0] is None]
            print(f"{name:<26} failed: {errors[0]}")
            failed += 1
            continue
        long_run = long_runs.get(path)
        reference = long_run["cost"] if long_run else min(costs)
        gaps = [gap(cost, reference) for cost in costs]
        print(f"{name:<26} costs {' '.join(str(c) for c in costs)}; gap mean {sum(gaps) / len(gaps):.2f}% "
              f"(least {min(gaps):.2f}%, most {max(gaps):.2f}%)", flush=True)
    return failed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sets", default="gdb,val,egl", help="classic sets, comma-separated; empty for none")
    parser.add_argument("--only", help="instance names, comma-separated (a quick check)")
    parser.add_argument("--peer", choices=["pyvrp", "none"], default="pyvrp")
    parser.add_argument("--large", help="a folder of large CARPLIB instances (Benchmarks carp-instances)")
    parser.add_argument("--long-seconds", type=float, help="reference run per large instance (600: 10 minutes)")
    parser.add_argument("--pyvrp-max-required", type=int, default=3000)
    parser.add_argument("--large-seeds", type=int, default=1,
                        help="also run this many seeds (from --seed) per large instance and print the gaps' spread")
    parser.add_argument("--pyvrp-one", help=argparse.SUPPRESS)
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = parser.parse_args()
    if args.pyvrp_one:
        pyvrp_one(args.pyvrp_one, args.seconds, args.seed)
        return 0
    peer = args.peer == "pyvrp"
    if peer:
        try:
            import pyvrp  # noqa: F401
        except ImportError:
            print("PyVRP is not installed (pip install pyvrp): StreetRounds runs alone")
            peer = False
    print(f"CARP benchmark: {args.seconds:g} s per instance, seed {args.seed}, single-threaded solvers, "
          f"{args.jobs} at once" + (", beside PyVRP" if peer else ""))
    print(load_line("start", args.jobs), flush=True)
    started = cpu_ticks()
    failed = 0
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        if args.sets:
            failed += classic_sets(args, pool, peer)
        if args.large:
            print()
            failed += large_instances(args, pool, peer)
    print(load_line("end", args.jobs, since=started))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
