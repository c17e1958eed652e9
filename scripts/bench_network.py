#!/usr/bin/env python3
"""Street-network benchmark on the Rutland network (make bench).

Runs the Swift benchmark (release build) and, in the same run and on the
same graph, SciPy's csgraph Dijkstra for the 1,000 x 1,000 matrix; checks
that both matrices agree and prints the figures with the ratio.

Usage: python3 scripts/bench_network.py [--shared ../shared]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    args = parser.parse_args()
    rutland = os.path.join(args.shared, "data/streets/rutland-osm/rutland-highways.geojson")
    if not os.path.exists(rutland):
        print(f"skipped: {rutland} is absent (../shared beside the project holds the real data)")
        return 0
    try:
        import numpy as np
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import dijkstra
        import scipy
    except ImportError:
        print("installing scipy for the peer run: pip install scipy", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "scipy"], check=True)
        import numpy as np
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import dijkstra
        import scipy

    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([os.path.join(root, ".build/release/Benchmarks"), "network", rutland, "--export", tmp],
                             check=True, capture_output=True, text=True)
        swift = json.loads(out.stdout)
        n, m = map(int, open(os.path.join(tmp, "arcs.txt")).readline().split())
        arcs = np.loadtxt(os.path.join(tmp, "arcs.txt"), skiprows=1, dtype=np.int64).reshape(-1, 3)
        # Parallel arcs: keep the cheapest (a CSR matrix would add them up).
        best = {}
        for u, v, c in arcs:
            key = (u, v)
            if key not in best or c < best[key]:
                best[key] = c
        rows = np.array([k[0] for k in best]); cols = np.array([k[1] for k in best])
        costs = np.array(list(best.values()), dtype=np.float64)
        graph = csr_matrix((costs, (rows, cols)), shape=(n, n))
        sources = np.loadtxt(os.path.join(tmp, "sources.txt"), dtype=np.int64)
        targets = np.loadtxt(os.path.join(tmp, "targets.txt"), dtype=np.int64)
        swift_matrix = np.loadtxt(os.path.join(tmp, "matrix.txt"))

        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            full = dijkstra(graph, directed=True, indices=sources)
            times.append(time.perf_counter() - t0)
        scipy_s = sorted(times)[1]
        peer = full[:, targets]
        agree = np.array_equal(np.nan_to_num(peer, posinf=-1), np.nan_to_num(swift_matrix, posinf=-1))

    print(f"Street network benchmark: Rutland ({swift['segments']:,.0f} segments, {swift['junctions']:,.0f} junctions, "
          f"{swift['arcs']:,.0f} arcs); median of repeated runs, release build")
    print(f"  import (read, project, split, store in one transaction): {swift['import_s']:.3f} s "
          f"({swift['segments_per_s']:,.0f} segments/s; reading and projecting alone {swift['read_s']:.3f} s)")
    print(f"  one-to-all Dijkstra:                 {swift['one_to_all_ms']:.3f} ms per source")
    print(f"  1,000 x 1,000 matrix, StreetRounds:  {swift['matrix_1000_s']:.3f} s on 1 thread, "
          f"{swift['matrix_1000_2threads_s']:.3f} s on 2 threads")
    print(f"  1,000 x 1,000 matrix, SciPy {scipy.__version__} csgraph.dijkstra: {scipy_s:.3f} s (1 thread)")
    print(f"  ratio SciPy / StreetRounds (1 thread each): {scipy_s / swift['matrix_1000_s']:.2f}x; matrices agree: {agree}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
