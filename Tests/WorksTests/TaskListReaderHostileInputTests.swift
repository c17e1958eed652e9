import Foundation
import TestSupport
import Works
import XCTest

/// Task lists made by a careless or hostile hand: every case is a problem that names the feature and the
/// property, never a trap, a truncated id or a silent repair.
final class TaskListReaderHostileInputTests: XCTestCase {
    private func assertProblem(
        _ data: Data, contains parts: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let (list, problems) = try shippedReader().read(data)
        XCTAssertNil(list, file: file, line: line)
        let found = problems.map(\.description)
        let match = found.contains { p in parts.allSatisfy { p.contains($0) } }
        XCTAssertTrue(match, "\(found) lacks \(parts)", file: file, line: line)
    }

    private let good = #""activity": "sweeping", "frequency": "weekly""#

    func testIntegerFieldsOutOfRangeAreProblems() throws {
        for value in ["1e19", "-1", "2.5", "\"7\"", "9007199254740993"] {
            try assertProblem(
                taskList([feature(#""task_id": "T1", \#(good), "segment_ids": [\#(value)]"#)]),
                contains: ["feature 0 (task T1)", "property segment_ids", "whole numbers"])
        }
        for value in ["1e19", "4", "1.5", "\"1\""] {
            let gritting = #""task_id": "G1", "activity": "gritting", "frequency": "daily", "priority": \#(value)"#
            try assertProblem(
                taskList([feature(gritting)]),
                contains: ["property priority", "must be 1, 2 or 3"])
        }
        try assertProblem(
            taskList([feature(#""task_id": "T1", \#(good), "segment_ids": [1e400]"#)]),
            contains: ["too large"])
    }

    func testWrongTypesAreNamedNotCalledMissing() throws {
        try assertProblem(
            taskList([feature(#""task_id": "T1", "activity": 17, "frequency": "weekly""#)]),
            contains: ["property activity", "must be a string, not a number"])
        try assertProblem(
            taskList([feature(#""task_id": "T1", "activity": "sweeping", "frequency": {"every": 2}"#)]),
            contains: ["property frequency", "not an object"])
        try assertProblem(
            taskList([feature(#""task_id": ["T1"], \#(good)"#)]),
            contains: ["property task_id", "must be a string, not an array"])
        try assertProblem(
            taskList([feature(#""task_id": "T1", \#(good), "usrn": {"id": 1}"#)]),
            contains: ["property usrn", "must be a string, not an object"])
        let numbered = taskList([feature(#""task_id": "T1", "activity": 17, "frequency": "weekly""#)])
        let (_, problems) = try shippedReader().read(numbered)
        XCTAssertFalse(problems.contains { $0.description.contains("missing") }, "\(problems)")
    }

    func testIdentifiersWithControlCharactersOrTooLongAreRefused() throws {
        try assertProblem(
            taskList([feature(#""task_id": "T1\u0000DROP", \#(good)"#)]),
            contains: ["property task_id", "U+0000"])
        try assertProblem(taskList([feature(#""task_id": "T1\nT2", \#(good)"#)]), contains: ["U+000A"])
        let long = String(repeating: "x", count: 101)
        try assertProblem(taskList([feature(#""task_id": "\#(long)", \#(good)"#)]), contains: ["101 characters"])
    }

    func testByteOrderMarkAndStrictUTF8() throws {
        let plain = taskList([feature(#""task_id": "T1", \#(good)"#)])
        let (list, problems) = try shippedReader().read(Data([0xEF, 0xBB, 0xBF]) + plain)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(list?.tasks.map(\.taskID), ["T1"])
        var bad = plain
        let at = try XCTUnwrap(bad.firstRange(of: Data("T1".utf8))).lowerBound
        bad[at] = 0xFF
        try assertProblem(bad, contains: ["byte \(at)", "invalid UTF-8"])
        try assertProblem(
            taskList([feature(#""task_id": "T1", "task_id": "T2", \#(good)"#)]),
            contains: ["duplicate member name"])
    }

    func testSwappedAxesAndZeroLengthLinesAreReported() throws {
        let swapped = #"{"type": "LineString", "coordinates": [[52.531, -2.808], [52.532, -2.808]]}"#
        try assertProblem(
            taskList([feature(#""task_id": "T1", \#(good)"#, geometry: swapped)]),
            contains: ["property geometry", "latitude, longitude", "swap the axes"])
        let point = #"{"type": "LineString", "coordinates": [[-2.808, 52.531], [-2.808, 52.531]]}"#
        try assertProblem(
            taskList([feature(#""task_id": "T1", \#(good)"#, geometry: point)]),
            contains: ["property geometry", "zero length"])
    }
}
