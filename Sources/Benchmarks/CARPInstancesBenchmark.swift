import ArcRouting
import Foundation
import Geometry
import StreetImport
import StreetNetwork

/// County-size CARP instances from a real street network, written as
/// CARPLIB files for `scripts/bench_carp.py --large DIR`: for each size, the
/// streets of the main component nearest a depot in Oakham or Uppingham (by
/// travel time from it) are required, every other street of the main
/// component is deadhead only. Costs are travel seconds (rounded, at least
/// 1); a street's demand is its sweeping time in seconds at
/// `sweepingKmh`, and the capacity is `hopperSeconds` of sweeping per route
/// (a hopper's load; the classic format holds no route limit). One-way streets are
/// taken as two-way, as the classic format has edges only. Deterministic:
/// the same network gives the same files.
func carpInstancesBenchmark(file: URL, output: URL, sweepingKmh: Double = 8, hopperSeconds: Int = 3_600) throws {
    let read = try StreetFile.read(file)
    let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
    let toNetwork = try Projection(from: .wgs84, to: network.crs)
    let main = network.segments.filter { $0.component == 0 }
    let depots = [("oakham", LonLat(lon: -0.7290, lat: 52.6700)), ("uppingham", LonLat(lon: -0.7230, lat: 52.5880))]
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let sizes = [(300, 0), (1_000, 1), (3_000, 0), (5_000, 1), (8_000, 1)]
    for (size, d) in sizes {
        let (place, lonLat) = depots[d]
        guard let at = toNetwork.project(lonLat) else { throw BenchmarkFailure("cannot project \(place)") }
        let name = "rutland-\(place)-\(size)"
        let problem = countyInstance(
            network, main: main, depotNear: at, required: size, name: name,
            sweepingKmh: sweepingKmh, capacity: hopperSeconds)
        let url = output.appendingPathComponent(problem.name + ".dat")
        try problem.write(to: url, replacing: true)
        print(
            "\(url.path): \(problem.requiredLinks.count) required of \(problem.links.count) edges, "
                + "\(problem.nodeCount) nodes, capacity \(problem.capacity)")
    }
}

/// A failure of a benchmark's own set-up, with what went wrong.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One instance: the `required` main-component streets nearest the
/// junction closest to `depotNear`, by travel time from it.
/// - Complexity: one Dijkstra on the street graph, a sort of the segments.
private func countyInstance(
    _ network: StreetNetwork, main: [StreetSegment], depotNear point: Point, required: Int,
    name: String, sweepingKmh: Double, capacity: Int
) -> CARPProblem {
    // Junctions of the main component, renumbered from 0 in order of id.
    let junctions = Array(Set(main.flatMap { [$0.from, $0.to] })).sorted()
    var node = [Int: Int]()
    for (k, j) in junctions.enumerated() { node[j] = k }
    let depot =
        junctions.min {
            network.junctions[$0].distance(to: point) < network.junctions[$1].distance(to: point)
        } ?? junctions[0]
    let tree = StreetGraph(network).shortestPaths(from: depot)
    let byNearness = main.sorted {
        let a = min(tree.distance[$0.from], tree.distance[$0.to])
        let b = min(tree.distance[$1.from], tree.distance[$1.to])
        return a != b ? a < b : $0.id < $1.id
    }
    let chosen = Set(byNearness.prefix(required).map(\.id))
    let links = main.map { s -> CARPProblem.Link in
        let seconds = max(1, Int(s.travelSeconds.rounded()))
        let sweeping = min(capacity, max(1, Int((s.length / (sweepingKmh / 3.6)).rounded())))
        return CARPProblem.Link(
            from: node[s.from] ?? 0, to: node[s.to] ?? 0, deadheadCost: seconds,
            demand: chosen.contains(s.id) ? sweeping : nil)
    }
    return CARPProblem(
        name: name, nodeCount: junctions.count, depot: node[depot] ?? 0, links: links,
        capacity: capacity)
}
