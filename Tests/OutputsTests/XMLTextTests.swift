import Foundation
import XCTest

@testable import Outputs

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// XML text escaped scalar by scalar: a special followed by a combining mark is one Character to Swift, and
/// escaping by Characters passed it by (found by a reviewer: "<\u{338}" left a raw "<" in a GPX file).
final class XMLTextTests: XCTestCase {
    func testSpecialsFollowedByCombiningMarksAreEscaped() {
        XCTAssertEqual(
            XMLText.escape("&\u{301}<\u{338}>\u{301}\"\u{301}"), "&amp;\u{301}&lt;\u{338}&gt;\u{301}&quot;\u{301}")
        for hostile in ["<\u{338}b onload=x>", "\"\u{301} onerror=\"x", "a\u{0}b\u{FFFE}"] {
            let document = "<?xml version=\"1.0\"?><n a=\"\(XMLText.escape(hostile))\">\(XMLText.escape(hostile))</n>"
            XCTAssertTrue(XMLParser(data: Data(document.utf8)).parse(), hostile)
        }
    }

    func testCalendarAndCSVTextToo() {
        XCTAssertEqual(ICalendarWriter.escape(";\u{301},\u{301}\\\u{301}"), "\\;\u{301}\\,\u{301}\\\\\u{301}")
        XCTAssertEqual(CSVText.cell("a,\u{301}b"), "\"a,\u{301}b\"", "a comma with a mark still quotes the cell")
        XCTAssertEqual(CSVText.cell("say \"\u{301}hi"), "\"say \"\"\u{301}hi\"")
    }
}
