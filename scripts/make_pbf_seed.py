#!/usr/bin/env python3
"""Writes a tiny OpenStreetMap PBF file of our own making: the fuzz seed for
the places reader (Fuzz/corpus/places/pbf-places.bin), so that the fuzzer
starts from a valid file without any downloaded data in the project.

The file (wiki.openstreetmap.org, "PBF Format"): an OSMHeader block stored
raw, then one OSMData block, zlib-compressed, whose primitive group holds
three dense nodes (two places, one other) and a second group with a plain
place node. Usage: python3 scripts/make_pbf_seed.py OUT
"""
import struct
import sys
import zlib


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def zigzag(n):
    return (n << 1) ^ (n >> 63)


def field(number, payload):
    """A length-delimited field."""
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def number(number, value):
    """A varint field."""
    return varint(number << 3) + varint(value)


def packed(number_, values, signed=False):
    return field(number_, b"".join(varint(zigzag(v) if signed else v) for v in values))


def block(kind, content, compress):
    blob = number(2, len(content)) + field(3, zlib.compress(content)) if compress else field(1, content)
    header = field(1, kind.encode()) + number(3, len(blob))
    return struct.pack(">I", len(header)) + header + blob


def data_block():
    strings = ["", "place", "town", "name", "Oakham", "village", "Braunston-in-Rutland", "highway",
               "crossing", "hamlet", "Brooke"]
    table = field(1, b"".join(field(1, s.encode()) for s in strings))
    # Dense nodes: ids, lat and lon delta-coded (granularity 100 nanodegrees).
    ids, lats, lons = [101, 102, 103], [526700000, 526520000, 526690000], [-7300000, -7600000, -7350000]
    delta = lambda xs: [xs[0]] + [b - a for a, b in zip(xs, xs[1:])]
    keys_vals = [1, 2, 3, 4, 0, 1, 5, 3, 6, 0, 7, 8, 0]
    dense = (packed(1, delta(ids), True) + packed(8, delta(lats), True) + packed(9, delta(lons), True)
             + packed(10, keys_vals))
    plain = (number(1, zigzag(104)) + packed(2, [1, 3]) + packed(3, [9, 10])
             + number(8, zigzag(526500000)) + number(9, zigzag(-7700000)))
    groups = field(2, field(2, dense)) + field(2, field(1, plain))
    return table + groups + number(17, 100)


def main():
    header = field(4, b"OsmSchema-V0.6") + field(4, b"DenseNodes")
    pbf = block("OSMHeader", header, compress=False) + block("OSMData", data_block(), compress=True)
    with open(sys.argv[1], "wb") as out:
        out.write(pbf)


if __name__ == "__main__":
    main()
