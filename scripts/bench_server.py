#!/usr/bin/env python3
"""Load run of the partners' service on 127.0.0.1 only: the five sample
partners validate and submit their lists at once from C concurrent clients,
N requests in all (bounded). Checks that every accepted submission was
stored exactly once (the history holds one line per 200), and prints the
latency percentiles per kind of request.
Usage: bench_server.py [BINARY] [--requests N] [--clients C]"""
import argparse
import concurrent.futures
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample_service import PARTNERS, SampleService, parse, task_list  # noqa: E402


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser(description="Load run of the partners' service on loopback.")
    parser.add_argument("binary", nargs="?", default=".build/release/streetrounds")
    parser.add_argument("--requests", type=int, default=200, help="requests in all (at most 5000)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (at most 64)")
    options = parser.parse_args()
    requests, clients = min(options.requests, 5000), min(options.clients, 64)
    lists = {org: task_list(org) for org in PARTNERS}
    with SampleService(options.binary, extra=["--rate-per-second", "100000"]) as service:
        def one(k):
            org = PARTNERS[k % len(PARTNERS)]
            kind = "submit" if k % 2 else "validate"
            method, path = ("PUT", "/task-list") if kind == "submit" else ("POST", "/task-list/validation")
            started = time.perf_counter()
            status, _, _ = service.request(method, f"/v1/organisations/{org}{path}", service.tokens[org], lists[org])
            return kind, org, status, time.perf_counter() - started

        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=clients) as pool:
            results = list(pool.map(one, range(requests)))
        wall = time.perf_counter() - started
        accepted = {org: sum(1 for kind, o, s, _ in results if kind == "submit" and o == org and s == 200)
                    for org in PARTNERS}
        stored = {}
        for org in PARTNERS:
            status, _, body = service.request("GET", f"/v1/organisations/{org}/task-list", service.tokens[org])
            stored[org] = len(parse(body)["submissions"]) if status == 200 else -1
    errors = [s for _, _, s, _ in results if s != 200]
    print(f"bench_server: {requests} requests from {clients} clients on 127.0.0.1 in {wall:.2f} s "
          f"({requests / wall:.1f} requests/s); {len(errors)} not 200 {sorted(set(errors))}")
    for kind in ["validate", "submit"]:
        times = [t * 1000 for k, _, s, t in results if k == kind]
        print(f"  {kind:8} {len(times):5} requests  latency ms: p50 {percentile(times, 50):.1f}  "
              f"p90 {percentile(times, 90):.1f}  p99 {percentile(times, 99):.1f}  max {max(times, default=0):.1f}")
    once = accepted == stored
    print("  every accepted submission stored exactly once: " + ("yes" if once else f"NO: {accepted} vs {stored}"))
    return 0 if once and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
