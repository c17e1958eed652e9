import Foundation
import TestSupport
import XCTest

/// The defaults built into the binary are data/'s files as they stand
/// (scripts/embed_defaults.py writes them; run it after editing data/).
final class BuiltInWorksDataTests: XCTestCase {
    func testBuiltInDefaultsMatchTheDataFolder() throws {
        let root = SharedData.projectRoot
        let source = try String(contentsOf: root.appendingPathComponent("Sources/StreetRoundsCLI/BuiltInWorksData.swift"), encoding: .utf8)
        for name in ["activities.json", "compatibility.json"] {
            let text = try String(contentsOf: root.appendingPathComponent("data/\(name)"), encoding: .utf8)
            XCTAssertTrue(source.contains("#\"\"\"\n" + text.trimmingCharacters(in: .newlines) + "\n\"\"\"#"),
                          "data/\(name) changed: run python3 scripts/embed_defaults.py")
        }
    }
}
