import Foundation
import Geometry
import XCTest

final class WKBTests: XCTestCase {
    private func le32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
    private func leD(_ v: Double) -> [UInt8] { withUnsafeBytes(of: v.bitPattern.littleEndian, Array.init) }
    private func be32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian, Array.init) }
    private func beD(_ v: Double) -> [UInt8] { withUnsafeBytes(of: v.bitPattern.bigEndian, Array.init) }

    func testLittleEndianLineStringInGeoPackageHeaderWithEnvelope() throws {
        var blob: [UInt8] = [0x47, 0x50, 0, 0b0000_0011] + le32(27700)  // little endian, envelope code 1
        for v in [0.0, 10.0, 0.0, 5.0] { blob += leD(v) }
        blob += [1] + le32(2) + le32(2) + leD(0) + leD(0) + leD(10) + leD(5)
        XCTAssertEqual(try WKB.parseGeoPackage(Data(blob)), .lineString([Position(x: 0, y: 0), Position(x: 10, y: 5)]))
    }

    func testBigEndianMultiLineStringWithZ() throws {
        var wkb: [UInt8] = [0] + be32(1005) + be32(1)
        wkb += [0] + be32(1002) + be32(2) + beD(1) + beD(2) + beD(99) + beD(3) + beD(4) + beD(99)
        XCTAssertEqual(try WKB.parse(Data(wkb)), .multiLineString([[Position(x: 1, y: 2), Position(x: 3, y: 4)]]))
    }

    func testTruncatedAndUnsupported() {
        XCTAssertThrowsError(try WKB.parse(Data([1] + le32(2) + le32(5))))
        XCTAssertThrowsError(try WKB.parse(Data([1] + le32(7) + le32(0)))) { error in
            XCTAssertTrue("\(error)".contains("not supported"))
        }
        XCTAssertThrowsError(try WKB.parseGeoPackage(Data([0, 0, 0, 0, 0, 0, 0, 0])))
    }

    func testDeepNestingIsRefusedWithoutRecursion() {
        var wkb: [UInt8] = []
        for _ in 0..<100_000 { wkb += [1] + le32(5) + le32(1) }
        XCTAssertThrowsError(try WKB.parse(Data(wkb))) { error in
            XCTAssertTrue("\(error)".contains("MultiLineString holds a member of WKB type 5"), "\(error)")
        }
    }

    func testHugeCountsAreRefusedBeforeAllocating() {
        for wkb in [
            [1] + le32(3) + le32(.max), [1] + le32(5) + le32(.max), [1] + le32(6) + le32(.max),
            [1] + le32(2) + le32(.max)
        ] {
            XCTAssertThrowsError(try WKB.parse(Data(wkb))) { error in
                XCTAssertTrue("\(error)".contains("more than it holds"), "\(error)")
            }
        }
        XCTAssertThrowsError(try WKB.parse(Data([7] + le32(2) + le32(0)))) { error in
            XCTAssertTrue("\(error)".contains("byte order 7"), "\(error)")
        }
        // An envelope longer than the blob.
        XCTAssertThrowsError(try WKB.parseGeoPackage(Data([0x47, 0x50, 0, 0b0000_1001] + le32(0))))
    }
}
