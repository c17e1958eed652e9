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
        self.usrns = {}
        self.streets = {}

    def way(self, points, highway, name=None, **tags):
        props = {"@type": "way", "@id": self.next_id, "highway": highway}
        self.next_id += 1
        if name:
            props["name"] = name
            if highway != "footway":
                # A synthetic USRN per street name (real USRNs are 8 digits too).
                props["usrn"] = self.usrns.setdefault(name, str(38_700_001 + len(self.usrns)))
                self.streets.setdefault(name, []).append(list(points))
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
    # Place nodes, as OSM exports carry them: reports say which town or
    # village a street lies in. Added last, so the ways above are unchanged.
    for name, kind, (x, y) in PLACES:
        town.features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": lonlat(x, y)},
                              "properties": {"@type": "node", "name": name, "place": kind}})
    return town


PLACES = [
    ("Stretton Magna", "town", (0, 0)), ("Little Stretton", "village", (-300, -3200)),
    ("Hope Bowdler", "village", (2600, 2100)), ("Cardington", "village", (3200, 900)),
    ("Minton", "hamlet", (-2200, -2600)), ("All Stretton", "village", (-200, 3000)),
    ("Coates", "hamlet", (-2600, 2300)),
]


DEPOTS = {
    "county-depot": (700, -520), "town-yard": (-100, 330), "highways-depot": (1050, -1500),
    "estate-office": (-650, -775), "market-cross": (60, 20),
}


def registry():
    def depot(did, name):
        x, y = DEPOTS[did]
        lon, lat = lonlat(x, y)
        return {"id": did, "name": name, "lon": lon, "lat": lat}

    def crew(cid, depot_id, vehicle, skills, cost_h, cost_km, co2e, shift=7.5, capacity=None, unit=None, days=None):
        c = {"id": cid, "depot": depot_id, "vehicle_type": vehicle, "skills": skills, "shift_hours": shift,
             "cost_per_hour": cost_h, "cost_per_km": cost_km, "co2e_kg_per_km": co2e}
        if capacity is not None:
            c["capacity"], c["capacity_unit"] = capacity, unit
        if days is not None:  # Monday to Friday when absent
            c["days"] = days
        return c

    van, sweeper, lorry, car = 0.25, 0.55, 0.60, 0.17
    return {
        "about": "SYNTHETIC organisations for the sample town. Volunteers keep to their own rounds (pools_crews false). Costs per hour are crew plus vehicle; costs per km fuel and wear. "
                 "CO2e per km are approximate averages from the UK Government GHG Conversion Factors for Company Reporting "
                 "(diesel van up to 3.5 t about 0.25 kg/km; rigid lorry 7.5-17 t about 0.6 kg/km; average car about 0.17 kg/km): "
                 "check them against the current year's tables.",
        "organisations": [
            {"id": "county-council", "name": "County Council Street Cleansing",
             "depots": [depot("county-depot", "County depot, Depot Road")],
             "crews": [crew("CC-SW1", "county-depot", "compact_sweeper", ["sweeping"], 45, 0.9, sweeper),
                       crew("CC-LP1", "county-depot", "caged_van", ["litter_picking", "weed_control", "sweeping"], 38, 0.6, van)]},
            {"id": "town-council", "name": "Stretton Magna Town Council",
             "depots": [depot("town-yard", "Town council yard, Library car park")],
             "crews": [crew("TC-1", "town-yard", "caged_van", ["litter_picking", "weed_control", "sweeping"], 32, 0.6, van,
                            days=["mon", "tue", "wed", "thu", "fri", "sat"])]},
            {"id": "highways-contractor", "name": "Highways Contractor (term maintenance)",
             "depots": [depot("highways-depot", "Highways depot, A49")],
             "crews": [crew("HC-G1", "highways-depot", "gritter", ["gritting"], 65, 1.6, lorry, shift=8, capacity=6000, unit="kg salt"),
                       crew("HC-T1", "highways-depot", "gully_tanker", ["gully_emptying"], 60, 1.5, lorry)]},
            {"id": "housing-association", "name": "Stretton Homes Housing Association",
             "depots": [depot("estate-office", "Estate office, Meadow Way")],
             "crews": [crew("HA-1", "estate-office", "mower_van", ["grass_cutting", "litter_picking"], 30, 0.6, van)]},
            {"id": "litter-volunteers", "name": "Stretton Litter Pickers (volunteers)", "pools_crews": False,
             "depots": [depot("market-cross", "Market cross meeting point")],
             "crews": [crew("LV-1", "market-cross", "volunteer_car", ["litter_picking"], 0, 0.45, car, shift=3,
                            days=["sat", "sun"])]},
        ],
    }


def task_lists(town):
    """Five partners' lists with realistic overlaps (see data/README.md)."""
    def line(name, part=None):
        pieces = town.streets[name]
        pts = [p for piece in pieces for p in piece] if part is None else pieces[part]
        return {"type": "LineString", "coordinates": [lonlat(x, y) for x, y in pts]}

    def point(x, y):
        return {"type": "Point", "coordinates": lonlat(x, y)}

    def polygon(corners):
        ring = [lonlat(x, y) for x, y in corners] + [lonlat(*corners[0])]
        return {"type": "Polygon", "coordinates": [ring]}

    def feature(geometry, **props):
        return {"type": "Feature", "geometry": geometry, "properties": props}

    estate = polygon([(-480, -680), (-820, -680), (-820, -930), (-480, -930)])
    lists = {}
    lists["county-council"] = [
        feature(line("High Street"), task_id="CC-SW-001", activity="sweeping", frequency="weekly",
                weekdays=["mon", "tue", "wed", "thu", "fri"], hours="06:00-14:00", street="High Street",
                notes="Channel sweep, whole length"),
        feature(line("Station Road"), task_id="CC-SW-002", activity="sweeping", frequency="fortnightly", street="Station Road"),
        feature(estate, task_id="CC-SW-003", activity="sweeping", frequency="monthly", notes="All estate roads, Meadow estate"),
        feature(line("Sandford Avenue East"), task_id="CC-SW-004", activity="sweeping", frequency="weekly"),
        feature(line("Church Street West"), task_id="CC-LP-001", activity="litter_picking", frequency="2/week",
                weekdays=["mon", "thu"]),
        feature(line("Burway Road East"), task_id="CC-WC-001", activity="weed_control", frequency="monthly",
                season={"from": "04-01", "to": "09-30"}),
    ]
    lists["town-council"] = [
        feature(line("High Street"), task_id="TC-001", activity="litter_picking", frequency="daily",
                weekdays=["mon", "tue", "wed", "thu", "fri", "sat"], hours="07:00-11:00", street="High Street"),
        feature(line("High Street"), task_id="TC-002", activity="sweeping", frequency="2/week",
                weekdays=["tue", "fri"], street="High Street", notes="Hand barrow sweep after market days"),
        feature(line("Market Place"), task_id="TC-003", activity="litter_picking", frequency="daily",
                weekdays=["mon", "tue", "wed", "thu", "fri", "sat"]),
        feature(None, task_id="TC-004", activity="weed_control", frequency="monthly", usrn=town.usrns["Church Street East"],
                season={"from": "04-01", "to": "09-30"}),
        feature(point(300, 0), task_id="TC-005", activity="litter_picking", frequency="weekly", street="Station Road",
                notes="Bins by the station"),
    ]
    lists["highways-contractor"] = [
        # The A49 shares its name with the town's western Shrewsbury Road: only its pieces east of the town.
        feature({"type": "MultiLineString", "coordinates": [
            [lonlat(x, y) for x, y in piece] for piece in town.streets["Shrewsbury Road"] if piece[0][0] > 900]},
            task_id="HC-GR-001", activity="gritting", frequency="daily", weekdays=["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            priority=1, season={"from": "11-01", "to": "03-31"}, street="A49"),
        feature(line("High Street"), task_id="HC-GR-002", activity="gritting", frequency="daily",
                weekdays=["mon", "tue", "wed", "thu", "fri", "sat", "sun"], priority=1, season={"from": "11-01", "to": "03-31"}),
        feature(line("Station Approach"), task_id="HC-GR-003", activity="gritting", frequency="daily",
                weekdays=["mon", "tue", "wed", "thu", "fri", "sat", "sun"], priority=1, season={"from": "11-01", "to": "03-31"}),
        feature(line("Ludlow Road"), task_id="HC-GR-004", activity="gritting", frequency="daily",
                weekdays=["mon", "tue", "wed", "thu", "fri", "sat", "sun"], priority=2, season={"from": "11-01", "to": "03-31"}),
        feature(line("Station Road"), task_id="HC-GR-005", activity="gritting", frequency="daily",
                weekdays=["mon", "tue", "wed", "thu", "fri", "sat", "sun"], priority=2, season={"from": "11-01", "to": "03-31"}),
        feature(line("High Street"), task_id="HC-GU-001", activity="gully_emptying", frequency="monthly"),
        feature(line("Station Road"), task_id="HC-GU-002", activity="gully_emptying", frequency="monthly"),
        feature(line("Crossways"), task_id="HC-GU-003", activity="gully_emptying", frequency="monthly"),
    ]
    lists["housing-association"] = [
        feature(estate, task_id="HA-GC-001", activity="grass_cutting", frequency="fortnightly",
                season={"from": "03-15", "to": "10-31"}, notes="Verges on all estate roads"),
        feature(estate, task_id="HA-LP-001", activity="litter_picking", frequency="weekly", weekdays=["wed"]),
    ]
    lists["litter-volunteers"] = [
        feature(line("High Street"), task_id="LV-001", activity="litter_picking", frequency="weekly", weekdays=["sat"],
                hours="09:00-12:00"),
        feature(line("Hope Bowdler Road"), task_id="LV-002", activity="litter_picking", frequency="monthly", weekdays=["sun"]),
        feature(line("All Stretton Road"), task_id="LV-003", activity="litter_picking", frequency="monthly", weekdays=["sun"]),
        feature(line("Meadow Way"), task_id="LV-004", activity="litter_picking", frequency="fortnightly", weekdays=["sat"]),
    ]
    return lists


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1, sort_keys=True)
        f.write("\n")


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
    print(f"wrote {path}: {len(town.features) - len(PLACES)} ways and {len(PLACES)} place nodes")
    write_json(os.path.join(args.out, "..", "organisations.json"), registry())
    os.makedirs(os.path.join(args.out, "tasks"), exist_ok=True)
    for org, features in task_lists(town).items():
        doc = {"type": "FeatureCollection", "organisation": org,
               "about": "SYNTHETIC task list for the sample town Stretton Magna", "features": features}
        write_json(os.path.join(args.out, "tasks", f"{org}.geojson"), doc)
    print(f"wrote data/organisations.json and 5 task lists in {os.path.join(args.out, 'tasks')}")


if __name__ == "__main__":
    main()
