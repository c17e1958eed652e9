import Foundation
import TestSupport
import XCTest

/// What every end-to-end test needs: a scratch folder, the built binary run
/// from the project folder, and the sample town in a database.
class CLITestCase: XCTestCase {
    var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    var binary: URL { productsDirectory.appendingPathComponent("streetrounds") }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try runProcess(binary, arguments, currentDirectory: SharedData.projectRoot)
    }

    static let partners = [
        "county-council", "town-council", "highways-contractor", "housing-association", "litter-volunteers"
    ]

    /// The sample town's streets, with the partners' task lists submitted
    /// (all but `skipping`).
    func sampleDatabase(name: String = "sample.sqlite", submitting partners: [String] = CLITestCase.partners) throws
        -> String
    {
        let db = directory.appendingPathComponent(name).path
        XCTAssertEqual(try run(["streets", "import", "data/sample-town/streets.geojson", "--db", db]).status, 0)
        for org in partners {
            let submitted = try run([
                "tasks", "submit", "data/sample-town/tasks/\(org).geojson", "--org", org, "--db", db
            ])
            XCTAssertEqual(submitted.status, 0, submitted.stderr)
        }
        return db
    }
}
