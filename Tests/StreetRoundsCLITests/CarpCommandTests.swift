import Foundation
import Geometry
import JSON
import TestSupport
import XCTest

final class CarpCommandTests: CLITestCase {

    func testSolvesGDB1WithJSONOutput() throws {
        guard let root = SharedData.carpInstances else { throw XCTSkip(SharedData.skipMessage) }
        let result = try runProcess(
            binary,
            [
                "carp", root.appendingPathComponent("gdb/gdb1.dat").path, "--iterations", "20", "--seconds", "30",
                "--json"
            ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONParser.parse(result.stdout)
        XCTAssertEqual(json["instance"]?.string, "gdb1")
        XCTAssertEqual(json["cost"]?.number, 316)
        XCTAssertEqual(json["best_known"]?.number, 316)
        XCTAssertEqual(json["lower_bound"]?.number, 252)
        // Every required edge appears once across the routes (22 in gdb1).
        XCTAssertEqual(json["routes"]?.array?.reduce(0) { $0 + ($1.array?.count ?? 0) }, 22)
        // Where the time went: 20 offspring of the population, no ruin and recreate below 800 tasks.
        XCTAssertEqual(json["stages"]?["offspring"]?.number, json["iterations"]?.number)
        XCTAssertEqual(json["stages"]?["ruin_steps"]?.number, 0)
        XCTAssertEqual(json["stages"]?["ruin_steps_cut_short"]?.number, 0)
        XCTAssertEqual(json["stages"]?["ruin_steps_filled"]?.number, 0)
        XCTAssertNotNil(json["stages"]?["phase_seconds"]?.number)
        let text = try runProcess(
            binary, ["carp", root.appendingPathComponent("gdb/gdb1.dat").path, "--iterations", "20"])
        XCTAssertTrue(text.stdout.hasPrefix("gdb1: cost 316"), text.stdout)
        XCTAssertTrue(text.stdout.contains("best known: 316 (gap 0.00%)"), text.stdout)
        // Near costs instead of the dense table: the same answer, checked.
        let gdb1 = root.appendingPathComponent("gdb/gdb1.dat").path
        let near = try runProcess(binary, ["carp", gdb1, "--iterations", "20", "--dense-limit", "1"])
        XCTAssertTrue(near.stdout.hasPrefix("gdb1: cost 316"), near.stdout + near.stderr)
    }

    func testBadInstanceAndArguments() throws {
        let directory = scratchFolder()
        let bad = directory.appendingPathComponent("bad.dat")
        let text =
            " NOMBRE : bad\n VERTICES : 3\n CAPACIDAD : 5\n"
            + " LISTA_ARISTAS_REQ :\n ( 1, 2)  coste 3 demanda 9\n DEPOSITO : 1\n"
        try Data(text.utf8).write(to: bad)
        let failed = try runProcess(binary, ["carp", bad.path])
        XCTAssertEqual(failed.status, 4)
        XCTAssertTrue(failed.stderr.contains("more than the capacity 5"), failed.stderr)
        let cut = directory.appendingPathComponent("cut.dat")
        let cutText = text.replacingOccurrences(of: " CAPACIDAD", with: " ARISTAS_REQ : 2\n CAPACIDAD")
        try Data(cutText.utf8).write(to: cut)
        let short = try runProcess(binary, ["carp", cut.path])
        XCTAssertEqual(short.status, 4)
        XCTAssertTrue(short.stderr.contains("ARISTAS_REQ says 2 links, LISTA_ARISTAS_REQ has 1"), short.stderr)
        XCTAssertEqual(try runProcess(binary, ["carp", "/no/such.dat"]).status, 2)
        XCTAssertEqual(try runProcess(binary, ["carp", bad.path, "--seconds", "0"]).status, 2)
        let noTable = try runProcess(binary, ["carp", bad.path, "--dense-limit", "0"])
        XCTAssertEqual(noTable.status, 2)
        XCTAssertTrue(noTable.stderr.contains("--dense-limit must be at least 1"), noTable.stderr)
        let noFill = try runProcess(binary, ["carp", bad.path, "--fill-every-tasks", "0"])
        XCTAssertEqual(noFill.status, 2)
        XCTAssertTrue(noFill.stderr.contains("--fill-every-tasks must be at least 1"), noFill.stderr)
        // Found by a hostile tester: an endless limit ran for ever.
        XCTAssertEqual(try runProcess(binary, ["carp", bad.path, "--seconds", "inf"]).status, 2)
    }
}
