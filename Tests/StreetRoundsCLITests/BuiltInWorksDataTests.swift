import Foundation
import TestSupport
import XCTest

/// The defaults built into the binary are data/'s files as they stand
/// (scripts/embed_defaults.py writes them; run it after editing data/).
final class BuiltInWorksDataTests: XCTestCase {
    func testBuiltInDefaultsMatchTheDataFolder() throws {
        let root = SharedData.projectRoot
        let source = try String(
            contentsOf: root.appendingPathComponent("Sources/StreetRoundsCLI/BuiltInWorksData.swift"), encoding: .utf8)
        for (name, variable) in [("activities.json", "catalogue"), ("compatibility.json", "compatibility")] {
            let text = try String(contentsOf: root.appendingPathComponent("data/\(name)"), encoding: .utf8)
            XCTAssertEqual(
                Self.rawLiteral(variable, in: source), text.trimmingCharacters(in: .newlines),
                "data/\(name) changed: run python3 scripts/embed_defaults.py")
        }
    }

    /// The value of `static let <variable> = #"""` in the generated source,
    /// as the compiler reads it: each line less the closing delimiter's
    /// indentation, and each `\#` at a line's end joining it to the next.
    private static func rawLiteral(_ variable: String, in source: String) -> String? {
        guard let open = source.range(of: "static let \(variable) = #\"\"\"\n"),
            let close = source.range(of: "\n        \"\"\"#", range: open.upperBound..<source.endIndex)
        else { return nil }
        let lines = source[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }
            .joined(separator: "\n")
            .replacingOccurrences(of: "\\#\n", with: "")
    }
}
