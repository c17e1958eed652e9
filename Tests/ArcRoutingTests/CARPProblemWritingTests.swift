import ArcRouting
import Foundation
import TestSupport
import XCTest

/// The CARPLIB writer: what it writes, the reader reads back as the same
/// problem; what a file cannot hold is refused with a clear error.
final class CARPProblemWritingTests: XCTestCase {
    private func assertSameProblem(_ a: CARPProblem, _ b: CARPProblem, _ label: String) {
        XCTAssertEqual(a.nodeCount, b.nodeCount, label)
        XCTAssertEqual(a.depot, b.depot, label)
        XCTAssertEqual(a.capacity, b.capacity, label)
        XCTAssertEqual(a.maxRouteCost, b.maxRouteCost, label)
        XCTAssertEqual(a.links, b.links, label)
    }

    /// The required links first, as the file lists them.
    private func inFileOrder(_ p: CARPProblem) -> CARPProblem {
        var q = p
        q.links = p.links.filter(\.isRequired) + p.links.filter { !$0.isRequired }
        return q
    }

    func testBenchmarkInstancesRoundTrip() throws {
        guard let root = SharedData.carpInstances else { throw XCTSkip(SharedData.skipMessage) }
        for file in ["gdb/gdb1", "gdb/gdb12", "val/val1A", "val/val10D", "egl/egl-e1-A", "egl/egl-e4-C"] {
            let p = try CARPProblem(contentsOf: root.appendingPathComponent(file + ".dat"))
            let text = try p.carpText()
            let back = try CARPProblem(carpText: text, name: p.name)
            assertSameProblem(p, back, file)
            XCTAssertTrue(text.contains(" NOMBRE : \(p.name)\n"), file)
            XCTAssertTrue(text.contains(" COSTE_TOTAL_REQ : \(p.totalServiceCost)\n"), file)
            XCTAssertEqual(try back.carpText(), text, "\(file): writing is a fixed point")
        }
    }

    func testRandomTwoWayProblemsRoundTrip() throws {
        for seed in UInt64(1)...8 {
            var p = RandomProblems.mixed(seed: seed, nodes: 20, required: 15, extra: 25, capacity: 9)
            p.links = p.links.map { link in
                var classic = link
                classic.twoWay = true
                classic.serviceCost = link.deadheadCost
                return classic
            }
            let back = try CARPProblem(carpText: p.carpText(), name: p.name)
            assertSameProblem(inFileOrder(p), back, "seed \(seed)")
        }
    }

    func testStreetExtensionsAreWrittenOnlyWhenNeeded() throws {
        var p = CARPProblem(
            name: "street", nodeCount: 3, depot: 2,
            links: [
                .init(from: 0, to: 1, twoWay: false, deadheadCost: 30, serviceCost: 75, demand: 2),
                .init(from: 1, to: 2, deadheadCost: 12, demand: 1),
                .init(from: 2, to: 0, twoWay: false, deadheadCost: 40)
            ], capacity: 10, maxRouteCost: 3_600)
        let lines = try p.carpText().split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains(" LIMITE_RUTA : 3600"))
        XCTAssertTrue(lines.contains(" ( 1, 2)  coste 30 servicio 75 demanda 2 arco"))
        XCTAssertTrue(lines.contains(" ( 2, 3)  coste 12 demanda 1"))
        XCTAssertTrue(lines.contains(" ( 3, 1)  coste 40 arco"))
        XCTAssertTrue(lines.contains(" VEHICULOS : 1"))
        XCTAssertEqual(lines.last, " DEPOSITO :   3")
        p.fleetSize = 4
        XCTAssertTrue(try p.carpText().contains(" VEHICULOS : 4\n"))
    }

    /// Mixed street problems (one-way links, service costs apart, a route limit) read back as written, so an
    /// exported routing job is solved as the planner posed it.
    func testStreetProblemsRoundTripWithTheirExtensions() throws {
        for seed in UInt64(1)...8 {
            var p = RandomProblems.mixed(seed: seed, nodes: 20, required: 15, extra: 25, capacity: 9)
            p.maxRouteCost = 500 + Int(seed)
            let back = try CARPProblem(carpText: p.carpText(), name: p.name)
            assertSameProblem(inFileOrder(p), back, "seed \(seed)")
        }
        XCTAssertThrowsError(
            try CARPProblem(
                carpText: " VERTICES : 2\n CAPACIDAD : 5\n LIMITE_RUTA : 0\n"
                    + " LISTA_ARISTAS_REQ :\n ( 1, 2)  coste 3 demanda 1\n DEPOSITO :   1\n", name: "zero-limit"))
        XCTAssertThrowsError(
            try CARPProblem(
                carpText: " VERTICES : 2\n CAPACIDAD : 5\n"
                    + " LISTA_ARISTAS_REQ :\n ( 1, 2)  coste 3 servicio -4 demanda 1\n DEPOSITO :   1\n",
                name: "negative"))
    }

    func testCallerCostsCannotBeWritten() {
        struct Flat: CARPDeadheadCosts {
            func costs(from source: Int, to targets: [Int]) -> [Int] { targets.map { _ in 1 } }
        }
        let p = CARPProblem(
            name: "given", nodeCount: 2, depot: 0,
            links: [
                .init(from: 0, to: 1, deadheadCost: 3, demand: 1)
            ],
            capacity: 2, deadheadCosts: Flat())
        XCTAssertThrowsError(try p.carpText()) { error in
            XCTAssertTrue("\(error)".contains("deadhead-only links"), "\(error)")
        }
    }

    func testInvalidProblemIsRefused() {
        let p = CARPProblem(
            name: "bad", nodeCount: 2, depot: 5,
            links: [
                .init(from: 0, to: 1, deadheadCost: 3, demand: 1)
            ],
            capacity: 2)
        XCTAssertThrowsError(try p.carpText()) { error in
            XCTAssertEqual((error as? ArcRoutingError)?.kind, .infeasibleInstance)
        }
    }

    func testWriteLeavesAnExistingFileAlone() throws {
        let folder = scratchFolder()
        let url = folder.appendingPathComponent("tiny.dat")
        let p = CARPProblem(
            name: "tiny", nodeCount: 2, depot: 0,
            links: [
                .init(from: 0, to: 1, deadheadCost: 3, demand: 1)
            ],
            capacity: 2)
        try p.write(to: url)
        XCTAssertEqual(try CARPProblem(contentsOf: url).links, p.links)
        try "not ours\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try p.write(to: url)) { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "not ours\n")
        try p.write(to: url, replacing: true)
        XCTAssertEqual(try CARPProblem(contentsOf: url).links, p.links)
    }
}
