import XCTest

@testable import StreetImport

final class ProtobufReaderTests: XCTestCase {
    func testVarintsZigzagAndFields() throws {
        // Field 1, varint 150 (protobuf.dev's example), then field 2, "hi".
        var reader = ProtobufReader([0x08, 0x96, 0x01, 0x12, 0x02, 0x68, 0x69][...])
        let first = try XCTUnwrap(try reader.nextField())
        XCTAssertEqual([first.number, first.wireType], [1, 0])
        XCTAssertEqual(try reader.varint(), 150)
        let second = try XCTUnwrap(try reader.nextField())
        XCTAssertEqual([second.number, second.wireType], [2, 2])
        XCTAssertEqual(Array(try reader.lengthDelimited()), Array("hi".utf8))
        XCTAssertNil(try reader.nextField())
        // Zigzag: 0, -1, 1, -2, 2 are 0, 1, 2, 3, 4.
        var zigzag = ProtobufReader([0, 1, 2, 3, 4][...])
        XCTAssertEqual(try (0..<5).map { _ in try zigzag.signedVarint() }, [0, -1, 1, -2, 2])
        // Deltas 10, +5, -3 are 10, 15, 12.
        XCTAssertEqual(try ProtobufReader.packedDeltas([20, 10, 5][...]), [10, 15, 12])
        XCTAssertEqual(try ProtobufReader.packedVarints([0xAC, 0x02, 0x07][...]), [300, 7])
    }

    func testMalformedBytesThrowInsteadOfTrapping() {
        func fails(
            _ bytes: [UInt8], _ read: (inout ProtobufReader) throws -> Void, _ mentioning: String,
            line: UInt = #line
        ) {
            var reader = ProtobufReader(bytes[...])
            XCTAssertThrowsError(try read(&reader), line: line) { error in
                let message = (error as? ProtobufReader.Malformed)?.message ?? ""
                XCTAssertTrue(message.contains(mentioning), message, line: line)
            }
        }
        fails([0x96], { _ = try $0.varint() }, "cut short")
        fails([UInt8](repeating: 0xff, count: 11), { _ = try $0.varint() }, "longer than 10 bytes")
        fails([0x05, 0x68], { _ = try $0.lengthDelimited() }, "runs past the end")
        fails([0x0b], { r in if let f = try r.nextField() { try r.skip(f) } }, "unknown wire type")
        fails([0x0d, 0x01], { r in if let f = try r.nextField() { try r.skip(f) } }, "cut short")
        fails([0x00], { _ = try $0.nextField() }, "numbered 0")
    }
}
