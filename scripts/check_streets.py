#!/usr/bin/env python3
"""Independent check of a street import: counts and lengths from a GeoJSON
street file, computed without StreetRounds or PROJ.

Rules, as the importer documents them: keep the vehicle highway classes;
split ways at every coordinate shared by two or more ways (or used twice
by one), and at way ends; length on the WGS84 ellipsoid (local radii of
curvature per piece, well under 0.01% off for street-length pieces).
Prints JSON: kept_ways, one_way_ways, segments, junctions, km_ellipsoid.

Usage: python3 scripts/check_streets.py FILE.geojson
"""
import json
import math
import sys

VEHICULAR = {"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential",
             "motorway_link", "trunk_link", "primary_link", "secondary_link", "tertiary_link",
             "service", "living_street", "road"}
A, F = 6378137.0, 1 / 298.257223563
E2 = F * (2 - F)


def piece_length(p, q):
    lat = math.radians((p[1] + q[1]) / 2)
    s = math.sin(lat)
    m = A * (1 - E2) / (1 - E2 * s * s) ** 1.5  # meridian radius
    n = A / math.sqrt(1 - E2 * s * s)           # prime vertical radius
    dy = math.radians(q[1] - p[1]) * m
    dx = math.radians(q[0] - p[0]) * n * math.cos(lat)
    return math.hypot(dx, dy)


def main(path):
    with open(path) as f:
        doc = json.load(f)
    ways = []
    kept = 0
    one_way = 0
    for feat in doc["features"]:
        props = feat.get("properties") or {}
        geom = feat.get("geometry") or {}
        if props.get("highway") not in VEHICULAR:
            continue
        kept += 1
        parts = [geom["coordinates"]] if geom["type"] == "LineString" else geom["coordinates"]
        for coords in parts:
            pts = []
            for c in coords:
                t = (c[0], c[1])
                if not pts or pts[-1] != t:
                    pts.append(t)
            ways.append(pts)
        if str(props.get("oneway", "")).lower() in ("yes", "true", "1", "-1", "reverse") or \
                (props.get("oneway") is None and (props.get("junction") == "roundabout" or props.get("highway") == "motorway")):
            one_way += 1
    uses = {}
    for pts in ways:
        for k, p in enumerate(pts):
            bump = 2 if k in (0, len(pts) - 1) else 1
            uses[p] = min(2, uses.get(p, 0) + bump)
    segments, junctions, total = 0, set(), 0.0
    for pts in ways:
        if len(pts) < 2:
            continue
        start = 0
        for k in range(1, len(pts)):
            total += piece_length(pts[k - 1], pts[k])
            if uses[pts[k]] >= 2 or k == len(pts) - 1:
                segments += 1
                junctions.add(pts[start])
                junctions.add(pts[k])
                start = k
    print(json.dumps({"kept_ways": kept, "one_way_ways": one_way,
                      "segments": segments, "junctions": len(junctions), "km_ellipsoid": total / 1000}))


if __name__ == "__main__":
    main(sys.argv[1])
