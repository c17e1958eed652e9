#!/usr/bin/env python3
"""Generate the synthetic sample town in data/sample-town/ (deterministic).

"Stretton Magna" is SYNTHETIC: an invented small English market town laid
out like the pilot area (a high street, a grid of residential streets,
cul-de-sacs, one-way streets in the centre, rural lanes out to villages, an
A road on the edge). Street names are invented or generic. Coordinates are
placed near Church Stretton, Shropshire (WGS84), only so that British
National Grid applies; nothing here is real survey data.

Usage: python3 scripts/make_sample.py [--out data/sample-town]
The same seed gives byte-identical files.
"""
import argparse
import json
import math
import os
import random

SEED = 20261123
LON0, LAT0 = -2.8080, 52.5370  # origin of the local metre grid
M_PER_DEG_LAT = 111_320.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(LAT0))


def lonlat(x, y):
    return [round(LON0 + x / M_PER_DEG_LON, 7), round(LAT0 + y / M_PER_DEG_LAT, 7)]


class Town:
    def __init__(self, rng):
        self.rng = rng
        self.features = []
        self.next_id = 1

    def way(self, points, highway, name=None, **tags):
        props = {"@type": "way", "@id": self.next_id, "highway": highway}
        self.next_id += 1
        if name:
            props["name"] = name
        props.update(tags)
        self.features.append({
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [lonlat(x, y) for x, y in points]},
            "properties": props,
        })

    def wiggle(self, a, b, pieces, amplitude):
        """A lane from a to b with bends (the ends stay exact)."""
        (x0, y0), (x1, y1) = a, b
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        nx, ny = -dy / length, dx / length
        pts = [a]
        for k in range(1, pieces):
            t = k / pieces
            off = self.rng.uniform(-amplitude, amplitude)
            pts.append((round(x0 + t * dx + off * nx, 1), round(y0 + t * dy + off * ny, 1)))
        pts.append(b)
        return pts


def build():
    rng = random.Random(SEED)
    town = Town(rng)
    rows = list(range(-600, 601, 100))
    cols = [-500, -375, -250, -125, 125, 250, 375, 500]
    cross_names = ["Sandford Avenue", "Church Street", "Burway Road", "Beaumont Road", "Easthope Road",
                   "Lion Meadow", "Market Street", "Watling Street", "Essex Road", "Clive Avenue",
                   "Brooksbank Road", "Trevor Hill", "Cunnery Road"]
    # High Street runs north-south through the centre as one long way (split
    # at junctions by the importer, as OSM ways are).
    town.way([(0, y) for y in range(-700, 701, 50)], "tertiary", "High Street", maxspeed="20 mph")
    # Cross streets: a west and an east half each; Market Street is one-way
    # into the centre, beside the market square.
    for y, name in zip(rows, cross_names):
        west = [(x / 2, y) for x in range(-1000, 1, 125)]   # a vertex every 62.5 m
        east = [(x / 2, y) for x in range(0, 1001, 125)]
        if y == 0:
            town.way(west, "residential", name, oneway="yes")
            continue
        town.way(west, "residential", name + " West", maxspeed="20 mph")
        town.way(east, "residential", name + " East", maxspeed="20 mph")
    # Market Place: a one-way loop around the square, east of High Street.
    town.way([(0, 0), (60, 20), (125, 0), (60, -20), (0, 0)], "residential", "Market Place", oneway="yes")
    town.way([(125, 0), (250, 0), (375, 0), (500, 0)], "residential", "Station Road")
    # North-south streets between the cross streets; some blocks have none.
    ns_names = ["Shrewsbury Road", "Carding Mill Road", "Back Lane West", "Central Avenue",
                "Bank Street", "Back Lane East", "Sandford Road", "Ludlow Road"]
    for x, name in zip(cols, ns_names):
        edge = abs(x) == 500
        pieces = [(a, b) for a, b in zip([-700] + rows, rows + [700]) if edge or rng.random() < 0.6]
        for a, b in pieces:
            town.way([(x, a), (x, (a + b) / 2), (x, b)], "tertiary" if edge else "residential", name)
    # Cul-de-sacs off the cross streets, each a dead end.
    close_names = ["Beech Close", "Oak Close", "Rowan Close", "Hazel Drive", "Alder Way", "Birch Close",
                   "Willow Court", "Elm Close", "Cedar Drive", "Holly Close", "Laurel Close", "Maple Grove",
                   "Poplar Close", "Yew Tree Close", "Ash Grove", "Chestnut Close", "Linden Close", "Hawthorn Rise"]
    k = 0
    for y in (-500, -300, -100, 200, 400, 600):
        for x in (-437.5, -187.5, 187.5, 437.5):
            if rng.random() < 0.75 and k < len(close_names):
                side = rng.choice([-1, 1])
                town.way([(x, y), (x + rng.choice([-10, 10]), y + side * 30), (x, y + side * 45)],
                         "residential", close_names[k])
                k += 1
    # A housing estate to the south-west: loops and drives ("all estate roads").
    estate = [(-500, -700), (-650, -700), (-800, -700), (-800, -775), (-800, -850), (-725, -850), (-650, -850),
              (-575, -850), (-500, -850), (-500, -700)]
    town.way(estate, "residential", "Meadow Way")
    town.way([(-650, -700), (-650, -775), (-650, -850)], "residential", "Meadow Walk")
    for i, (x, y) in enumerate([(-575, -850), (-725, -850), (-800, -775)]):
        town.way([(x, y), (x, y - 70)] if y == -850 else [(x, y), (x - 70, y)], "residential", f"Meadow Close {i + 1}")
    # Service roads: the depots and the car park.
    town.way([(500, -450), (620, -470), (700, -520)], "service", "Depot Road", access="private")
    town.way([(0, 300), (-60, 330), (-100, 330)], "service", "Library Car Park")
    # The A road along the east edge and its link to the town.
    a49 = [(1100, -3000), (1050, -1500), (1000, -700), (980, 0), (1000, 700), (1050, 1500), (1100, 3000)]
    town.way(a49, "trunk", "Shrewsbury Road", ref="A49", maxspeed="60 mph")
    town.way([(500, 0), (750, 0), (980, 0)], "unclassified", "Station Approach")
    town.way([(500, -700), (750, -700), (1000, -700)], "unclassified", "Crossways")
    # Rural lanes out to villages, with bends; a few single-track lanes meet
    # at a hamlet, so the network stays one component.
    villages = [("Little Stretton Lane", (0, -700), (-300, -3200)), ("Hope Bowdler Road", (500, 700), (2600, 2100)),
                ("Cardington Lane", (1000, 700), (3200, 900)), ("Longmynd Road", (-500, 700), (-2600, 2300)),
                ("Minton Lane", (-500, -700), (-2200, -2600)), ("All Stretton Road", (0, 700), (-200, 3000))]
    for name, a, b in villages:
        town.way(town.wiggle(a, b, 12, 40), "unclassified", name, maxspeed="national")
    town.way(town.wiggle((-300, -3200), (-2200, -2600), 10, 30), "unclassified", "Ragleth Lane")
    town.way(town.wiggle((-200, 3000), (-2600, 2300), 10, 30), "unclassified", "Carding Mill Lane")
    town.way(town.wiggle((2600, 2100), (3200, 900), 6, 30), "unclassified", "Gaerstones Lane")
    # Footpaths are in the file, as in OSM exports, and left out by the import.
    town.way([(-250, 450), (-150, 600), (0, 650)], "footway", "Rectory Field Path")
    town.way([(250, -450), (350, -600)], "footway")
    return town


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "sample-town"))
    args = parser.parse_args()
    town = build()
    os.makedirs(args.out, exist_ok=True)
    doc = {"type": "FeatureCollection",
           "name": "Stretton Magna (synthetic sample town)",
           "features": town.features}
    path = os.path.join(args.out, "streets.geojson")
    with open(path, "w") as f:
        f.write('{"type":"FeatureCollection","name":"Stretton Magna (synthetic sample town)","features":[\n')
        f.write(",\n".join(json.dumps(x, separators=(",", ":"), sort_keys=True) for x in town.features))
        f.write("\n]}\n")
    print(f"wrote {path}: {len(town.features)} ways")


if __name__ == "__main__":
    main()
