import Foundation
import TestSupport
import Works
import XCTest

/// The catalogue and the registry refuse ids that are not printable text and files too large to read,
/// before reading them.
final class WorksDataHostileInputTests: XCTestCase {
    private var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    func file(_ text: String) throws -> URL {
        let url = directory.appendingPathComponent("\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url
    }

    func registry(id: String, crew: String = "C1", depot: String = "D1") -> String {
        #"{"organisations": [{"id": "\#(id)", "depots": [{"id": "\#(depot)", "lon": -2.8, "lat": 52.5}], "#
            + #""crews": [{"id": "\#(crew)", "depot": "\#(depot)", "shift_hours": 7, "skills": ["sweeping"]}]}]}"#
    }

    func testRegistryIdsArePrintableText() throws {
        let catalogue = try shippedCatalogue()
        XCTAssertNoThrow(try OrganisationRegistry(contentsOf: try file(registry(id: "ok")), catalogue: catalogue))
        let cases = [
            (registry(id: #"a\u0000b"#), "U+0000"), (registry(id: "ok", crew: #"C\n1"#), "crew id holds"),
            (registry(id: "ok", depot: String(repeating: "d", count: 101)), "101 characters")
        ]
        for (text, part) in cases {
            XCTAssertThrowsError(try OrganisationRegistry(contentsOf: try file(text), catalogue: catalogue)) { error in
                XCTAssertTrue("\(error)".contains(part), "\(error) lacks \(part)")
            }
        }
    }

    func testCatalogueCodesArePrintableText() throws {
        let text = #"{"activities": [{"code": "sweep\u0007", "working_speed_kmh": 6, "vehicle_types": ["van"]}]}"#
        XCTAssertThrowsError(try ActivityCatalogue(contentsOf: try file(text))) { error in
            XCTAssertTrue("\(error)".contains("U+0007"), "\(error)")
        }
    }

    func testAnOversizedFileIsRefusedBeforeReading() throws {
        let url = directory.appendingPathComponent("huge.json")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 17 * 1_048_576)  // sparse: no disk used
        try handle.close()
        XCTAssertThrowsError(try ActivityCatalogue(contentsOf: url)) { error in
            XCTAssertTrue("\(error)".contains("over the limit"), "\(error)")
        }
    }
}
