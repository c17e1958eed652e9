import Outputs
import XCTest

/// The one CSV cell rule: RFC 4180 quoting, formulas neutralised.
final class CSVTests: XCTestCase {
    func testCellsThatWouldRunAsFormulasGetAnApostrophe() {
        XCTAssertEqual(CSV.field("=1+2"), "'=1+2")
        XCTAssertEqual(CSV.field("+44 1694"), "'+44 1694")
        XCTAssertEqual(CSV.field("-3"), "-3", "a plain number cannot run")
        XCTAssertEqual(CSV.field("-3+A1"), "'-3+A1")
        XCTAssertEqual(CSV.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSV.field("\tx"), "'\tx")
        XCTAssertEqual(CSV.field("\rx"), "\"'\rx\"")
        XCTAssertEqual(CSV.field("=HYPERLINK(\"a\",\"b\")"), "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"")
        XCTAssertEqual(CSV.field("High Street"), "High Street")
        XCTAssertEqual(CSV.field("Meadow Way, east"), "\"Meadow Way, east\"")
        XCTAssertEqual(CSV.field(""), "")
        XCTAssertEqual(CSV.row(["=x", "1"]), "'=x,1\n")
    }
}
