import ArcRouting
import Foundation
import Geometry
import JSON
import Store
import StreetImport
import StreetNetwork

/// Import, one-to-all and a 1,000 x 1,000 matrix on a real network; with
/// --export, writes the graph for the SciPy peer (scripts/bench_network.py).
func networkBenchmark(file: URL, export: URL?) throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("streetrounds-bench-\(getpid())")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }

    // Import: read + project + topology + one store transaction, as the CLI does.
    var network: StreetNetwork!
    var run = 0
    let importTime = try median(runs: 5) {
        run += 1
        let read = try StreetFile.read(file)
        network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
        let store = try RoundsStore(path: scratch.appendingPathComponent("bench-\(run).sqlite").path, create: true)
        try store.saveNetwork(
            network,
            provenance: NetworkProvenance(
                sourceFile: file.lastPathComponent, sourceFormat: "GeoJSON", snapTolerance: 0.5, importedAt: "bench"))
    }
    let readTime = try median(runs: 5) { _ = try StreetFile.read(file) }

    let graph = StreetGraph(network)
    var rng = RandomSource(seed: 48)
    let mainNodes = Array(Set(network.segments.filter { $0.component == 0 }.flatMap { [$0.from, $0.to] })).sorted()
    let sources = (0..<1000).map { _ in mainNodes[Int.random(in: 0..<mainNodes.count, using: &rng)] }
    let targets = (0..<1000).map { _ in mainNodes[Int.random(in: 0..<mainNodes.count, using: &rng)] }

    let oneToAll = median(runs: 5) { for s in sources.prefix(100) { _ = graph.shortestPaths(from: s) } } / 100
    var matrix: [[Int]] = []
    let matrixTime = median(runs: 3) { matrix = graph.matrix(from: sources, to: targets, threads: 1) }
    let matrixTime2 = median(runs: 3) { _ = graph.matrix(from: sources, to: targets, threads: 2) }

    let figures: [String: JSON] = [
        "segments": .number(Double(network.segments.count)),
        "junctions": .number(Double(graph.nodeCount)),
        "arcs": .number(Double(graph.arcCount)),
        "import_s": .number(importTime),
        "read_s": .number(readTime),
        "segments_per_s": .number(Double(network.segments.count) / importTime),
        "one_to_all_ms": .number(oneToAll * 1000),
        "matrix_1000_s": .number(matrixTime),
        "matrix_1000_2threads_s": .number(matrixTime2)
    ]
    print(JSON.object(figures).serialized())

    if let export {
        try exportForSciPy(graph: graph, sources: sources, targets: targets, matrix: matrix, to: export)
    }
}

/// Writes the graph (CSR arcs), the sources, the targets and our matrix as
/// text for the SciPy peer, scripts/bench_network.py.
private func exportForSciPy(
    graph: StreetGraph, sources: [Int], targets: [Int], matrix: [[Int]], to export: URL
) throws {
    try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
    var csr = "\(graph.nodeCount) \(graph.arcCount)\n"
    for v in 0..<graph.nodeCount {
        for a in Int(graph.firstOut[v])..<Int(graph.firstOut[v + 1]) {
            csr += "\(v) \(graph.head[a]) \(graph.cost[a])\n"
        }
    }
    try csr.write(to: export.appendingPathComponent("arcs.txt"), atomically: true, encoding: .utf8)
    try (sources.map(String.init).joined(separator: "\n") + "\n").write(
        to: export.appendingPathComponent("sources.txt"), atomically: true, encoding: .utf8)
    try (targets.map(String.init).joined(separator: "\n") + "\n").write(
        to: export.appendingPathComponent("targets.txt"), atomically: true, encoding: .utf8)
    let rows = matrix.map {
        $0.map { $0 == ShortestPathTree.unreachable ? "inf" : String($0) }.joined(separator: " ")
    }
    try (rows.joined(separator: "\n") + "\n").write(
        to: export.appendingPathComponent("matrix.txt"), atomically: true, encoding: .utf8)
}
