#!/usr/bin/env python3
"""Writes a synthetic CARPLIB instance on an n x n grid of two-way streets.

For trying the arc-routing solver beyond the size of the real networks in
../shared (Rutland's main network holds about 8,300 street links): each grid
link costs 1-20, a share of the links is required, with a demand of about four
times the cost, and the depot sits in the middle. The same arguments give the
same file. Synthetic: figures on it say so (docs/arc-routing.md).

    python3 scripts/make_grid_carp.py --side 100 --required 1.0 --seed 1 --out grid100.dat
"""
import argparse
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, required=True, help="nodes per side of the grid (2 or more)")
    parser.add_argument("--required", type=float, default=1.0, help="share of the links required (0 to 1)")
    parser.add_argument("--capacity", type=int, default=3600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.side < 2 or not 0 < args.required <= 1 or args.capacity < 1:
        parser.error("--side must be at least 2, --required in (0, 1], --capacity at least 1")
    rng = random.Random(args.seed)
    n = args.side

    def node(i, j):
        return i * n + j + 1

    required, other = [], []
    for i in range(n):
        for j in range(n):
            for di, dj in ((0, 1), (1, 0)):
                if i + di >= n or j + dj >= n:
                    continue
                cost = rng.randint(1, 20)
                link = (node(i, j), node(i + di, j + dj), cost)
                if rng.random() < args.required:
                    required.append(link + (4 * cost + rng.randint(0, 3),))
                else:
                    other.append(link)
    demand = sum(link[3] for link in required)
    lines = [
        f" NOMBRE : grid{n}-{args.seed}",
        f" VERTICES : {n * n}",
        f" ARISTAS_REQ : {len(required)}",
        f" ARISTAS_NOREQ : {len(other)}",
        f" VEHICULOS : {max(1, -(-demand // args.capacity))}",
        f" CAPACIDAD : {args.capacity}",
        " TIPO_COSTES_ARISTAS : EXPLICITOS",
        f" COSTE_TOTAL_REQ : {sum(link[2] for link in required)}",
        " LISTA_ARISTAS_REQ :",
    ]
    lines += [f" ( {a}, {b})  coste {c} demanda {d}" for a, b, c, d in required]
    lines.append(" LISTA_ARISTAS_NOREQ :")
    lines += [f" ( {a}, {b})  coste {c}" for a, b, c in other]
    lines.append(f" DEPOSITO :   {node(n // 2, n // 2)}")
    with open(args.out, "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
