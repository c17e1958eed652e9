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
            (registry(id: #"a\u0000b"#), "id \"a b\" must be"),
            (registry(id: "ok", crew: #"C\n1"#), "a crew id \"C 1\""),
            (registry(id: "ok", depot: String(repeating: "d", count: 41)), "must be 1 to 40")
        ]
        for (text, part) in cases {
            XCTAssertThrowsError(try OrganisationRegistry(contentsOf: try file(text), catalogue: catalogue)) { error in
                XCTAssertTrue("\(error)".contains(part), "\(error) lacks \(part)")
            }
        }
    }

    /// Found by a hostile tester: ids the API cannot address, ids given twice (a raw SQLite error on
    /// import), a string where a boolean belongs (read as true), and numbers no crew has (negative costs
    /// gave negative savings, 1e308 NaN in the report, a shift of 1e-300 h placed nothing).
    func testRegistryValuesAreCheckedWithTheFieldNamed() throws {
        let catalogue = try shippedCatalogue()
        let depot = #"{"id": "D1", "lon": -2.8, "lat": 52.5}"#
        func crew(_ extra: String = "", id: String = "C1") -> String {
            #"{"id": "\#(id)", "depot": "D1", "shift_hours": 7, "skills": ["sweeping"]\#(extra)}"#
        }
        func org(_ id: String = "ok", depots: String = depot, crews: String = crew(), extra: String = "") -> String {
            #"{"id": "\#(id)", "depots": [\#(depots)], "crews": [\#(crews)]\#(extra)}"#
        }
        func registry(_ orgs: String...) -> String { #"{"organisations": ["# + orgs.joined(separator: ", ") + "]}" }
        XCTAssertNoThrow(
            try OrganisationRegistry(
                contentsOf: try file(registry(org(extra: #", "pools_crews": false"#))), catalogue: catalogue))
        let unset = try OrganisationRegistry(
            contentsOf: try file(registry(org(extra: #", "pools_crews": null"#))), catalogue: catalogue)
        XCTAssertEqual(unset["ok"]?.poolsCrews, true, "null is as absent: the default")
        let cases = [
            (registry(org("town council")), "must be 1 to 40 letters"),
            (registry(org("tönn")), "must be 1 to 40 letters"),
            (registry(org("a/b")), "must be 1 to 40 letters"), (registry(org("..")), "not starting with '.'"),
            (registry(org(), org()), "is in the file twice"),
            (registry(org(crews: crew(id: "TC 1"))), "a crew id \"TC 1\" must be"),
            (registry(org(depots: #"{"id": "a/b", "lon": -2.8, "lat": 52.5}"#)), "a depot id \"a/b\" must be"),
            (registry(org(crews: crew(#", "vehicle_type": "van\nnext""#))), "\"vehicle_type\" \"van next\" must be"),
            (registry(org(crews: crew(#", "vehicle_type": "../../x""#))), "\"vehicle_type\""),
            (
                registry(org(crews: crew(", \"vehicle_type\": \"" + String(repeating: "v", count: 300) + "\""))),
                "must be 1 to 40"
            ),
            (registry(org(crews: crew() + ", " + crew())), "crew id C1 is given twice"),
            (registry(org(depots: depot + ", " + depot)), "depot id D1 is given twice"),
            (registry(org(extra: #", "pools_crews": "yes""#)), "must be true or false"),
            (registry(org(crews: crew(#", "cost_per_hour": -20"#))), "\"cost_per_hour\" must be a number from 0"),
            (registry(org(crews: crew(#", "cost_per_km": 1e308"#))), "\"cost_per_km\" must be a number"),
            (registry(org(crews: crew(#", "capacity": 0"#))), "\"capacity\" must be a number"),
            (registry(org(crews: crew(#", "capacity": "5""#))), "\"capacity\" must be a number"),
            (
                registry(org(crews: #"{"id": "C1", "depot": "D1", "shift_hours": 1e-300, "skills": ["sweeping"]}"#)),
                "from 0.5 to 24"
            ),
            (registry(org(crews: #"{"id": "C1", "depot": "D1", "shift_hours": 7, "skills": []}"#)), "has no \"skills\"")
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
