import JSON
import XCTest

final class JSONParserTests: XCTestCase {
    func testValues() throws {
        let json = try JSONParser.parse(#"{"a": [1, -2.5e2, true, false, null], "b": "x\"\u00e9\n", "c": {}}"#)
        XCTAssertEqual(json["a"], [1, -250, true, false, .null])
        XCTAssertEqual(json["b"]?.string, "x\"é\n")
        XCTAssertEqual(json["c"], .object([:]))
    }

    func testSurrogatePair() throws {
        XCTAssertEqual(try JSONParser.parse(#""\ud83d\ude00""#).string, "😀")
    }

    func testErrorsGiveLineAndColumn() {
        let text = "{\n  \"a\": 1,\n  \"b\": tru\n}"
        XCTAssertThrowsError(try JSONParser.parse(text)) { error in
            XCTAssertNotNil(error as? JSONError)
            XCTAssertTrue("\(error)".contains("line 3, column 8"), "\(error)")
        }
        XCTAssertThrowsError(try JSONParser.parse("[1, 2")) { error in
            XCTAssertTrue("\(error)".contains("expected ',' or ']'"), "\(error)")
        }
        XCTAssertThrowsError(try JSONParser.parse("{\"a\": 1} x")) { error in
            XCTAssertTrue("\(error)".contains("unexpected text after"), "\(error)")
        }
        XCTAssertThrowsError(try JSONParser.parse("[NaN]"))
        XCTAssertThrowsError(try JSONParser.parse("\"open"))
    }

    func testSerializationRoundTrip() throws {
        let value: JSON = ["z": [1, 2.5, "a\"b"], "a": ["k": .null, "t": true]]
        XCTAssertEqual(try JSONParser.parse(value.serialized()), value)
        XCTAssertEqual(try JSONParser.parse(value.serialized(pretty: true)), value)
        XCTAssertEqual(JSON.number(3).serialized(), "3")
    }
}
