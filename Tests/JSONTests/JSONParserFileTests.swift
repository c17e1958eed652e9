import Foundation
import JSON
import XCTest

/// Files read with a size limit: through symbolic links (measured at their target), folders named, and
/// devices read up to the limit.
final class JSONParserFileTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("json-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    func testALinkedFileIsReadAndMeasuredAtItsTarget() throws {
        let file = directory.appendingPathComponent("list.geojson")
        try Data(#"{"type": "FeatureCollection", "features": []}"#.utf8).write(to: file)
        let link = directory.appendingPathComponent("link.geojson")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        XCTAssertEqual(try JSONParser.parse(contentsOf: link, maxBytes: 1_000)["type"]?.string, "FeatureCollection")
        XCTAssertThrowsError(try JSONParser.readFile(link, maxBytes: 10)) { error in
            XCTAssertTrue("\(error)".contains("over the limit"), "the target's size, not the link's: \(error)")
        }
    }

    func testUTF16IsNamed() {
        let text = #"{"type": "FeatureCollection"}"#
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let data = Data(bom) + (text.data(using: encoding) ?? Data())
            XCTAssertThrowsError(try JSONParser.parse(data)) { error in
                XCTAssertTrue("\(error)".contains("UTF-16"), "\(error)")
            }
        }
    }

    func testAFolderAndADeviceAreNamed() throws {
        XCTAssertThrowsError(try JSONParser.readFile(directory, maxBytes: 1_000)) { error in
            XCTAssertTrue("\(error)".contains("is a folder"), "\(error)")
        }
        XCTAssertEqual(try JSONParser.readFile(URL(fileURLWithPath: "/dev/null"), maxBytes: 1_000), Data())
        XCTAssertThrowsError(try JSONParser.readFile(URL(fileURLWithPath: "/dev/zero"), maxBytes: 1_000)) { error in
            XCTAssertTrue("\(error)".contains("over the limit"), "an endless device stops at the limit: \(error)")
        }
    }
}
