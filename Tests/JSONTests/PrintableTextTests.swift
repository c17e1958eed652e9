import JSON
import XCTest

/// Free text made fit to show: control characters as spaces (line breaks kept only when asked), long text cut.
final class PrintableTextTests: XCTestCase {
    func testControlCharactersBecomeSpacesAndLongTextIsCut() {
        XCTAssertEqual(PrintableText.of("High\u{0}Street\u{0B}\r\nEnd\u{85}"), "High Street   End ")
        XCTAssertEqual(PrintableText.of("a\nb\tc\u{1}", keepingLineBreaks: true), "a\nb\tc ")
        XCTAssertEqual(PrintableText.of(String(repeating: "x", count: 300)).count, 200)
        XCTAssertTrue(PrintableText.of(String(repeating: "x", count: 300)).hasSuffix("…"))
        XCTAssertEqual(PrintableText.of("Café 🚧 ‮"), "Café 🚧 ‮", "printable text is left alone")
    }

    func testFirstControlAndItsCode() {
        XCTAssertNil(PrintableText.firstControl(in: "line one\nline two\ttab"))
        XCTAssertEqual(PrintableText.firstControl(in: "a\nb", allowingLineBreaks: false), "\n")
        XCTAssertEqual(PrintableText.firstControl(in: "nul \u{0} end").map(PrintableText.code), "U+0000")
        XCTAssertEqual(PrintableText.code("\u{9F}"), "U+009F")
    }
}
