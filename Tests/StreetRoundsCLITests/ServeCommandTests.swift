import Foundation
import TestSupport
import XCTest

/// `serve`'s refusals before it listens (the service itself: Tests/ServerTests, scripts/check_*.py).
final class ServeCommandTests: CLITestCase {
    func testServeRefusesABadPortAMissingDatabaseAndMissingData() throws {
        let db = directory.appendingPathComponent("serve.sqlite").path
        XCTAssertEqual(try run(["serve", "--db", db, "--port", "70000"]).status, 2)
        XCTAssertEqual(try run(["serve", "--db", db, "--max-body-mib", "0"]).status, 2)
        let missing = try run(["serve", "--db", db])
        XCTAssertEqual(missing.status, 3, missing.stderr)
        XCTAssertEqual(try run(["orgs", "import", "data/organisations.json", "--db", db]).status, 0)
        let none = directory.appendingPathComponent("none.json").path
        let noCatalogue = try run(["serve", "--db", db, "--catalogue", none])
        XCTAssertEqual(noCatalogue.status, 4, noCatalogue.stderr)
        XCTAssertTrue(noCatalogue.stderr.contains("--catalogue"), noCatalogue.stderr)
    }
}
