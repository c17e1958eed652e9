import Geometry
import StreetNetwork
import TestSupport

/// Builds street lines from a drawn map: each entry is a path of point
/// names, optionally one-way.
func drawnLines(_ map: DrawnMap, _ paths: [(String, oneWay: Bool)], speedKmh: Double = 36) -> [StreetLine] {
    paths.enumerated().map { k, entry in
        StreetLine(
            featureIndex: k, sourceID: "way/\(k)", name: entry.0, roadClass: "residential",
            oneWay: entry.oneWay, speedKmh: speedKmh,
            points: map.path(entry.0).map { Point(x: $0.x, y: $0.y) })
    }
}

func drawnNetwork(_ picture: String, _ paths: [(String, oneWay: Bool)]) throws -> StreetNetwork {
    try StreetNetwork(lines: drawnLines(DrawnMap(picture), paths), crs: .britishNationalGrid)
}
