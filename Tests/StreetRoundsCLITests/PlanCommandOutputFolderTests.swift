import Foundation
import TestSupport
import XCTest

/// `plan --out` never deletes what StreetRounds did not write, and a run killed during the swap of old and
/// new outputs leaves one of them whole, recovered by the next run.
final class PlanCommandOutputFolderTests: CLITestCase {
    func plan(_ db: String, _ out: String) -> [String] {
        ["plan", "--db", db, "--week", "2026-W48", "--out", out, "--iterations", "5", "--seconds", "30"]
    }

    func testRefusesFoldersAndFilesItDidNotWrite() throws {
        let db = directory.appendingPathComponent("empty.sqlite").path
        try Data("not touched".utf8).write(to: URL(fileURLWithPath: db))
        let photos = directory.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: photos.appendingPathComponent("holiday.jpg"))
        let cases: [(String, String)] = [
            (photos.path, "not written by StreetRounds"), (db, "is a file"), (directory.path, "database"),
            (".", "current folder")
        ]
        for (out, message) in cases {
            let result = try run(plan(db, out))
            XCTAssertEqual(result.status, 2, "\(out): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(out): \(result.stderr)")
        }
        XCTAssertEqual(try String(contentsOf: photos.appendingPathComponent("holiday.jpg"), encoding: .utf8), "keep")
        XCTAssertEqual(try String(contentsOfFile: db, encoding: .utf8), "not touched")
        let project = SharedData.projectRoot.appendingPathComponent("Package.swift")
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.path), "the current folder is untouched")
    }

    func testAKillDuringTheSwapLeavesOldOrNewOutputsAndTheNextRunRecovers() throws {
        let db = try sampleDatabase()
        let out = directory.appendingPathComponent("plan")
        XCTAssertEqual(try run(plan(db, out.path)).status, 0)
        let before = try Data(contentsOf: out.appendingPathComponent("schedule.csv"))
        // Killed with the old outputs renamed aside and the new ones staged: nothing is deleted yet.
        let killed = try PausedProcess(
            binary, plan(db, out.path), pausingAt: "output-old-moved-aside",
            scratch: directory,
            currentDirectory: SharedData.projectRoot)
        killed.kill()
        let aside = directory.appendingPathComponent(".plan.streetrounds-old")
        let staged = directory.appendingPathComponent(".plan.streetrounds-new")
        let old = try Data(contentsOf: aside.appendingPathComponent("schedule.csv"))
        XCTAssertEqual(old, before, "the old outputs are whole")
        XCTAssertTrue(FileManager.default.fileExists(atPath: staged.appendingPathComponent("report.html").path))
        // The next run rolls the complete new outputs forward, then replaces them with its own.
        let next = try run(plan(db, out.path))
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: aside.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: staged.path))
    }
}
