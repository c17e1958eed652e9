import ArcRouting
import Foundation
import TestSupport
import XCTest

/// CARP files a careless or hostile hand made: refused with the line, before anything is sized by them.
final class CARPProblemFileHostileInputTests: XCTestCase {
    private func text(
        vertices: String = "3", capacity: String = "5",
        edge: String = "( 1, 2)  coste 3 demanda 1"
    ) -> String {
        " NOMBRE : x\n VERTICES : \(vertices)\n CAPACIDAD : \(capacity)\n LISTA_ARISTAS_REQ :\n \(edge)\n"
            + " ( 2, 3)  coste 2 demanda 1\n DEPOSITO : 1\n"
    }

    private func assertRefused(_ carp: String, _ part: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try CARPProblem(carpText: carp, name: "x"), file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(part), "\(error) lacks \(part)", file: file, line: line)
        }
    }

    func testAGoodInstanceReads() throws {
        let p = try CARPProblem(carpText: text(), name: "x")
        XCTAssertEqual(p.nodeCount, 3)
        XCTAssertEqual(p.requiredLinks.count, 2)
    }

    func testNegativeOrHugeVertexCountsFailBeforeAllocating() {
        let cases = [
            ("-5", "VERTICES -5 is not a vertex count"), ("0", "VERTICES 0 is not a vertex count"),
            ("900000000", "VERTICES 900000000 is not a vertex count"),
            ("1e19", "line 2: VERTICES needs a whole number of at most 1000000000, found \"1e19\""),
            ("1e400", "line 2: VERTICES needs a whole number"), ("", "line 2: VERTICES needs a whole number")
        ]
        for (vertices, message) in cases { assertRefused(text(vertices: vertices), message) }
    }

    func testNegativeDemandsAndCostsAndOutOfRangeNumbersAreRefused() {
        let edges = [
            ("( 1, 2)  coste 3 demanda -1", "line 5: a negative cost or demand"),
            ("( 1, 2)  coste -3 demanda 1", "line 5: a negative cost or demand"),
            ("( 1, 2)  coste 1e19 demanda 1", "line 5: coste must be a whole number, found \"1e19\""),
            ("( 1, 2)  coste 3 demanda 1.5", "line 5: demanda must be a whole number, found \"1.5\""),
            ("( 1, 2)  coste 3 servicio x demanda 1", "line 5: servicio must be a whole number"),
            ("( 1, 9223372036854775807)  coste 1 demanda 1", "line 5"),
            ("( -9223372036854775808, 2)  coste 1 demanda 1", "line 5"),
            ("( 0, 2)  coste 1 demanda 1", "numbered from 1")
        ]
        for (edge, message) in edges { assertRefused(text(edge: edge), message) }
        assertRefused(text(capacity: "-4"), "capacity must be positive")
    }

    /// Found by a hostile tester: a value that is not a whole number was
    /// reported as a missing line (or, later in the file, wiped a good one),
    /// and a depot outside the vertices was named from 0.
    func testUnreadableHeaderValuesAndDepotsAreNamedWithTheirLine() {
        assertRefused(text(capacity: "abc"), "line 3: CAPACIDAD needs a whole number of at most 1000000000")
        assertRefused(text(capacity: "9223372036854775807"), "line 3: CAPACIDAD needs a whole number")
        assertRefused(text() + " CAPACIDAD : abc\n", "line 8: CAPACIDAD needs a whole number")
        for depot in ["0", "4"] {
            let carp = text().replacingOccurrences(of: "DEPOSITO : 1", with: "DEPOSITO : \(depot)")
            assertRefused(carp, "DEPOSITO \(depot) is not a vertex (1 to 3)")
        }
    }

    /// Found by a hostile tester: Windows line ends ("\r\n", one Character
    /// in Swift) made the whole file one line; tabs split no link line.
    func testWindowsLineEndsAndTabsReadAsTheUsualFile() throws {
        func shape(_ carp: String) throws -> [String] {
            let p = try CARPProblem(carpText: carp, name: "x")
            return ["\(p.nodeCount)", "\(p.depot)", "\(p.capacity)"] + p.links.map { "\($0)" }
        }
        let usual = try shape(text())
        XCTAssertEqual(usual.count, 5)
        XCTAssertEqual(try shape(text().replacingOccurrences(of: "\n", with: "\r\n")), usual)
        XCTAssertEqual(try shape(text(edge: "(\t1,\t2)\tcoste\t3\tdemanda\t1")), usual)
    }

    func testAnOversizedFileIsRefusedBeforeReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).dat")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(CARPProblem.maxFileBytes + 1))  // sparse: no disk used
        try handle.close()
        XCTAssertThrowsError(try CARPProblem(contentsOf: url)) { error in
            XCTAssertTrue("\(error)".contains("over the limit"), "\(error)")
        }
    }

    /// Found by `make fuzz` (FuzzCARP): a line that is only ":" indexed an empty split.
    func testALineOfOnlyAColonIsNoTrap() throws {
        let p = try CARPProblem(carpText: ":\n : 5\n" + text(), name: "x")
        XCTAssertEqual(p.nodeCount, 3)
    }

    /// A file cut short, a list run into another, a header stated twice or a
    /// link outside any list: each refused with what to mend, not solved as
    /// a different problem.
    func testCountsThatDisagreeAndHeadersGivenTwiceAreRefused() throws {
        let counted = text().replacingOccurrences(
            of: " CAPACIDAD", with: " ARISTAS_REQ : 2\n ARISTAS_NOREQ : 0\n CAPACIDAD")
        XCTAssertEqual(try CARPProblem(carpText: counted, name: "x").requiredLinks.count, 2)
        let cut = counted.replacingOccurrences(of: " ( 2, 3)  coste 2 demanda 1\n", with: "")
        assertRefused(cut, "line 3: ARISTAS_REQ says 2 links, LISTA_ARISTAS_REQ has 1; is the file cut short?")
        let end = counted.range(of: "demanda 1\n")!.upperBound
        assertRefused(String(counted[..<end]), "line 3: ARISTAS_REQ says 2 links, LISTA_ARISTAS_REQ has 1")
        let extra = counted + " LISTA_ARISTAS_NOREQ :\n ( 1, 3)  coste 4\n"
        assertRefused(extra, "line 4: ARISTAS_NOREQ says 0 links, LISTA_ARISTAS_NOREQ has 1")
        assertRefused(text() + " DEPOSITO : 2\n", "line 8: DEPOSITO given a second time (first on line 7); keep one")
        assertRefused(text() + " VERTICES : 3\n", "line 8: VERTICES given a second time (first on line 2)")
        assertRefused(text() + " LIMITE_RUTA : 0\n", "line 8: LIMITE_RUTA needs a positive route limit")
        let outside = " ( 1, 3)  coste 4\n" + text()
        assertRefused(outside, "line 1: a link before LISTA_ARISTAS_REQ or LISTA_ARISTAS_NOREQ")
        assertRefused(outside, "put it under \"LISTA_ARISTAS_REQ :\"")
    }

    /// Every benchmark file states its counts, and they agree with its lists.
    func testEveryBenchmarkFileAgreesWithItsCounts() throws {
        guard let root = SharedData.carpInstances else { throw XCTSkip(SharedData.skipMessage) }
        var read = 0
        for set in ["gdb", "val", "egl"] {
            let folder = root.appendingPathComponent(set)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".dat") {
                XCTAssertNoThrow(try CARPProblem(contentsOf: folder.appendingPathComponent(file)), file)
                read += 1
            }
        }
        XCTAssertEqual(read, 23 + 34 + 12)
    }
}
