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

/// Hostile input: each is refused with a message naming the place, never a trap or a silent repair.
final class JSONParserHostileInputTests: XCTestCase {
    func assertRefused(_ data: Data, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try JSONParser.parse(data), file: file, line: line) { error in
            XCTAssertTrue(error is JSONError, "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".contains(message), "\(error)", file: file, line: line)
        }
    }

    func assertRefused(_ text: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        assertRefused(Data(text.utf8), message, file: file, line: line)
    }

    func testInvalidUTF8IsRefusedWithItsByteOffset() {
        assertRefused(Data([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]), "byte 3): invalid UTF-8 byte 0xFF")
        assertRefused(Data([0x22, 0xC3, 0x22]), "invalid UTF-8 sequence")  // cut short by the quote
        assertRefused(Data([0x22, 0xC0, 0xAF, 0x22]), "invalid UTF-8 byte 0xC0")  // overlong "/"
        assertRefused(Data([0x22, 0xED, 0xA0, 0x80, 0x22]), "invalid UTF-8 sequence")  // an encoded surrogate
        XCTAssertEqual(try JSONParser.parse(Data("\"é😀\"".utf8)).string, "é😀")
    }

    func testAByteOrderMarkIsSkipped() throws {
        XCTAssertEqual(try JSONParser.parse(Data([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)))["a"], 1)
    }

    func testLoneSurrogateEscapesAreRefused() {
        assertRefused(#"["\ud800"]"#, "lone UTF-16 high surrogate")
        assertRefused(#"["\udc00x"]"#, "lone UTF-16 low surrogate")
        assertRefused(#"["\ud800\u0041"]"#, "not followed by a low surrogate")
    }

    func testDuplicateKeysAreRefused() {
        assertRefused("{\"task_id\": \"A\", \"task_id\": \"B\"}", "duplicate member name \"task_id\"")
    }

    func testNumbersBeyondADoubleAreRefused() {
        assertRefused("[1e400]", "too large")
        assertRefused("[-1e400]", "too large")
        assertRefused("[" + String(repeating: "9", count: 500) + "]", "at most 400")
        XCTAssertEqual(try JSONParser.parse("[1e19]")[0]?.integer(in: 0...Int(Int32.max)), nil)
    }

    func testDeepNestingIsRefusedNotAStackOverflow() {
        assertRefused(String(repeating: "[", count: 100_000), "nesting deeper than 512")
        XCTAssertNoThrow(try JSONParser.parse(String(repeating: "[", count: 500) + String(repeating: "]", count: 500)))
    }

    func testIntegerAccessorNeverTraps() {
        let cases: [(JSON, Int?)] = [
            (.number(3), 3), (.number(3.5), nil), (.number(1e19), nil), (.number(-1), nil),
            (.string("3"), nil)
        ]
        for (value, expected) in cases {
            XCTAssertEqual(value.integer(in: 0...1_000), expected, "\(value)")
        }
    }
}

extension JSON {
    subscript(index: Int) -> JSON? { array.flatMap { $0.indices.contains(index) ? $0[index] : nil } }
}
