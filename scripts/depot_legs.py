#!/usr/bin/env python3
"""How much of a CARP answer is spent getting from the depot to each route's
first service and back from its last: the depot legs.

Usage: python3 scripts/depot_legs.py FILE.dat ANSWER.json [ANSWER.json ...]
FILE.dat is a CARPLIB instance; each ANSWER.json is the output of
`streetrounds carp FILE.dat --json` (its routes are lists of services as
[from, to] node pairs, numbered as in the file). Prints per answer its
routes, its cost, the depot legs' total and share of the cost, and their
mean per route. Costs are the file's deadhead costs, shortest paths by
Dijkstra (one-way links, "arco", kept one way).
"""

import heapq
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_carp import read_carplib  # noqa: E402


def costs_from(source, arcs, count):
    """Shortest deadhead costs from `source` over `arcs` (node: [(head, cost)])."""
    cost = [None] * count
    cost[source] = 0
    queue = [(0, source)]
    while queue:
        d, u = heapq.heappop(queue)
        if d > cost[u]:
            continue
        for v, c in arcs[u]:
            if cost[v] is None or d + c < cost[v]:
                cost[v] = d + c
                heapq.heappush(queue, (d + c, v))
    return cost


def depot_costs(instance):
    """(from the depot to each node, from each node to the depot)."""
    count = instance["nodes"]
    forward = [[] for _ in range(count)]
    backward = [[] for _ in range(count)]
    for a, b, deadhead, _, _, two_way in instance["links"]:
        forward[a].append((b, deadhead))
        backward[b].append((a, deadhead))
        if two_way:
            forward[b].append((a, deadhead))
            backward[a].append((b, deadhead))
    depot = instance["depot"]
    return costs_from(depot, forward, count), costs_from(depot, backward, count)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip())
    instance = read_carplib(sys.argv[1])
    out, back = depot_costs(instance)
    for path in sys.argv[2:]:
        answer = json.load(open(path, encoding="utf-8"))
        routes = [route for route in answer["routes"] if route]
        try:
            first = [route[0][0] for route in routes]
            last = [route[-1][1] for route in routes]
            fits = all(1 <= node <= instance["nodes"] for node in first + last)
            ends = [(out[a - 1], back[b - 1]) for a, b in zip(first, last)] if fits else [(None, None)]
        except (IndexError, TypeError, KeyError):
            ends = [(None, None)]
        if not routes or any(None in pair for pair in ends):
            sys.exit(f"{path}: no routes, or a route starts or ends at a node the file lacks or no path joins to "
                     f"the depot: is it an answer to {os.path.basename(sys.argv[1])}?")
        legs = [a + b for a, b in ends]
        total = sum(legs)
        share = f"{100 * total / answer['cost']:.1f}%" if answer["cost"] else "-"
        print(f"{os.path.basename(path)}: {len(routes)} routes, cost {answer['cost']:,}, depot legs {total:,} "
              f"({share} of the cost), {total / len(routes):,.0f} a route")


if __name__ == "__main__":
    main()
