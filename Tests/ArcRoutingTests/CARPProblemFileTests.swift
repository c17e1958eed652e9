import ArcRouting
import Foundation
import TestSupport
import XCTest

final class CARPProblemFileTests: XCTestCase {
    private func instance(_ set: String, _ name: String) throws -> URL {
        guard let root = SharedData.carpInstances else { throw XCTSkip(SharedData.skipMessage) }
        return root.appendingPathComponent("\(set)/\(name).dat")
    }

    func testReadsGDB1() throws {
        let p = try CARPProblem(contentsOf: instance("gdb", "gdb1"))
        XCTAssertEqual(p.name, "gdb1")
        XCTAssertEqual(p.nodeCount, 12)
        XCTAssertEqual(p.requiredLinks.count, 22)
        XCTAssertEqual(p.capacity, 5)
        XCTAssertEqual(p.depot, 0)
        XCTAssertEqual(p.totalServiceCost, 252)
        XCTAssertEqual(p.links[0], CARPProblem.Link(from: 0, to: 1, deadheadCost: 13, serviceCost: 13, demand: 1))
    }

    func testQuirksOfTheOriginalFiles() throws {
        // egl-e2-A names itself "egl-e2-7": the file name is the id.
        XCTAssertEqual(try CARPProblem(contentsOf: instance("egl", "egl-e2-A")).name, "egl-e2-A")
        // egl files have deadhead-only edges too.
        let egl = try CARPProblem(contentsOf: instance("egl", "egl-e1-A"))
        XCTAssertEqual(egl.requiredLinks.count, 51)
        XCTAssertEqual(egl.links.count, 98)
        // val's COSTE_TOTAL_REQ is wrong: the service total is summed from the list.
        let val = try CARPProblem(contentsOf: instance("val", "val1A"))
        let text = try String(contentsOf: instance("val", "val1A"), encoding: .utf8)
        let stated = text.split(separator: "\n").first { $0.contains("COSTE_TOTAL_REQ") }!
        XCTAssertFalse(stated.hasSuffix(" \(val.totalServiceCost)"))
    }

    func testMalformedInstancesNameTheLine() {
        let header = " NOMBRE : x\n VERTICES : 3\n CAPACIDAD : 5\n LISTA_ARISTAS_REQ :\n"
        XCTAssertThrowsError(try CARPProblem(carpText: header + " ( 1, 2)  coste 3 demanda 1\n", name: "x")) { error in
            XCTAssertTrue("\(error)".contains("no DEPOSITO"), "\(error)")
        }
        XCTAssertThrowsError(try CARPProblem(carpText: header + " ( 1, 2)  coste three\n DEPOSITO : 1\n", name: "x")) {
            error in
            XCTAssertTrue("\(error)".contains("x line 5"), "\(error)")
        }
        XCTAssertThrowsError(try CARPProblem(carpText: header + " ( 1, 2)  coste 3\n DEPOSITO : 1\n", name: "x")) {
            error in
            XCTAssertTrue("\(error)".contains("demanda"), "\(error)")
        }
        XCTAssertThrowsError(
            try CARPProblem(carpText: header + " ( 1, 2)  coste 3 demanda 9\n DEPOSITO : 1\n", name: "x")
        ) { error in
            XCTAssertEqual((error as? ArcRoutingError)?.kind, .infeasibleInstance)
            XCTAssertTrue("\(error)".contains("link 1 (1, 2) demands 9, more than the capacity 5"), "\(error)")
        }
        XCTAssertThrowsError(
            try CARPProblem(carpText: header + " ( 1, 7)  coste 3 demanda 1\n DEPOSITO : 1\n", name: "x")
        ) { error in
            XCTAssertTrue("\(error)".contains("outside"), "\(error)")
        }
    }
}
