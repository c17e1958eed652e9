#!/usr/bin/env python3
"""Writes a synthetic CARPLIB instance on an n x n grid of two-way streets.

For trying the arc-routing solver beyond the size of the real networks in
../shared (Rutland's main network holds about 8,300 street links): each grid
link costs 1-20, a share of the links is required, with a demand of four times
its cost plus 0-3, and the depot sits in the middle. The same arguments give
the same file. Synthetic: figures on it say so (docs/arc-routing.md).

    python3 scripts/make_grid_carp.py --side 100 --required 1.0 --seed 1 --out grid100.dat
"""
import argparse
import random

LARGEST_COST = 20
LARGEST_DEMAND = 4 * LARGEST_COST + 3


def grid_links(side, required_share, rng):
    """The grid's links as (from, to, cost) and the required ones with a demand appended."""
    required, other = [], []
    for i in range(side):
        for j in range(side):
            for di, dj in ((0, 1), (1, 0)):
                if i + di >= side or j + dj >= side:
                    continue
                cost = rng.randint(1, LARGEST_COST)
                link = (i * side + j + 1, (i + di) * side + j + dj + 1, cost)
                if rng.random() < required_share:
                    required.append(link + (4 * cost + rng.randint(0, 3),))
                else:
                    other.append(link)
    return required, other


def carplib(name, side, capacity, depot, required, other):
    demand = sum(link[3] for link in required)
    lines = [
        f" NOMBRE : {name}",
        f" VERTICES : {side * side}",
        f" ARISTAS_REQ : {len(required)}",
        f" ARISTAS_NOREQ : {len(other)}",
        f" VEHICULOS : {max(1, -(-demand // capacity))}",
        f" CAPACIDAD : {capacity}",
        " TIPO_COSTES_ARISTAS : EXPLICITOS",
        f" COSTE_TOTAL_REQ : {sum(link[2] for link in required)}",
        " LISTA_ARISTAS_REQ :",
    ]
    lines += [f" ( {a}, {b})  coste {c} demanda {d}" for a, b, c, d in required]
    lines.append(" LISTA_ARISTAS_NOREQ :")
    lines += [f" ( {a}, {b})  coste {c}" for a, b, c in other]
    lines.append(f" DEPOSITO :   {depot}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, required=True, help="nodes per side of the grid (2 or more)")
    parser.add_argument("--required", type=float, default=1.0, help="share of the links required (above 0, at most 1)")
    parser.add_argument("--capacity", type=int, default=3600, help=f"vehicle capacity (at least {LARGEST_DEMAND})")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.side < 2:
        parser.error(f"--side is {args.side}; it must be at least 2")
    if not 0 < args.required <= 1:
        parser.error(f"--required is {args.required}; it must be above 0 and at most 1")
    if args.capacity < LARGEST_DEMAND:
        parser.error(f"--capacity is {args.capacity}; a link's demand can reach {LARGEST_DEMAND}: give at least that")
    n = args.side
    required, other = grid_links(n, args.required, random.Random(args.seed))
    if not required:
        parser.error(f"no link drawn as required at --required {args.required} on a grid of side {n}; raise either")
    name = f"grid{n}-r{args.required:g}-s{args.seed}"
    try:
        with open(args.out, "w") as out:
            out.write(carplib(name, n, args.capacity, (n // 2) * n + n // 2 + 1, required, other))
    except OSError as error:
        parser.error(f"cannot write --out {args.out}: {error.strerror}")


if __name__ == "__main__":
    main()
