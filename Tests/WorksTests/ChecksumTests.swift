import Foundation
import TestSupport
import Works
import XCTest

final class ChecksumTests: XCTestCase {
    func testKnownSHA256Vectors() {
        // FIPS 180-4 examples.
        XCTAssertEqual(
            Checksum.sha256(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(Checksum.sha256(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            Checksum.sha256(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

final class FrequencyTests: XCTestCase {
    func testParsing() {
        XCTAssertEqual(Frequency(parsing: "Weekly"), .perWeek(1))
        XCTAssertEqual(Frequency(parsing: "3 / week"), .perWeek(3))
        XCTAssertNil(Frequency(parsing: "0/week"))
        XCTAssertNil(Frequency(parsing: "yearly"))
        XCTAssertEqual(Frequency.perWeek(2).description, "2/week")
    }

    func testSeasonsWrapTheYear() {
        let winter = Season(from: .init(month: 11, day: 1), to: .init(month: 3, day: 31))
        XCTAssertTrue(winter.contains(.init(month: 1, day: 15)))
        XCTAssertFalse(winter.contains(.init(month: 6, day: 1)))
        XCTAssertNil(Season.MonthDay(parsing: "02-30"))
        XCTAssertNotNil(Season.MonthDay(parsing: "02-29"))
    }
}

final class TaskListSchemaTests: XCTestCase {
    /// docs/task-list.schema.json is a valid JSON Schema and the sample
    /// lists conform to it (checked by Python's jsonschema).
    func testSchemaAndSamplesAgree() throws {
        let probe = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import jsonschema"])
        guard probe.status == 0 else {
            throw XCTSkip("python3 with jsonschema is not installed (pip install jsonschema)")
        }
        let result = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", SharedData.projectRoot.appendingPathComponent("scripts/check_schema.py").path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").filter { $0.hasSuffix(": valid") }.count, 5)
    }
}
