import Foundation
import Outputs
import TestSupport
import XCTest

/// OutputFolder: replaces only what StreetRounds wrote, by renames, and recovers from a run stopped at any step.
final class OutputFolderTests: XCTestCase {
    var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    struct Killed: Error {}

    let first = [OutputFile(path: "a.txt", text: "old a"), OutputFile(path: "gpx/r1.gpx", text: "old r1")]
    let second = [OutputFile(path: "a.txt", text: "new a"), OutputFile(path: "gpx/r2.gpx", text: "new r2")]

    func text(_ folder: URL, _ name: String) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func listing(_ url: URL) -> [String] {
        (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
    }

    func testWritesThenReplacesWhole() throws {
        let out = directory.appendingPathComponent("plan")
        let folder = OutputFolder(path: out.path)
        try folder.commit(first)
        XCTAssertEqual(text(out, "gpx/r1.gpx"), "old r1")
        let manifest = out.appendingPathComponent(OutputFolder.manifestName)
        XCTAssertTrue(FileManager.default.fileExists(atPath: manifest.path))
        try folder.commit(second)
        XCTAssertEqual(text(out, "a.txt"), "new a")
        XCTAssertEqual(text(out, "gpx/r2.gpx"), "new r2")
        XCTAssertNil(text(out, "gpx/r1.gpx"), "a file of the old outputs that the new ones lack is gone")
        XCTAssertEqual(
            listing(directory),
            ["plan", "plan/\(OutputFolder.manifestName)", "plan/a.txt", "plan/gpx", "plan/gpx/r2.gpx"])
    }

    func testRefusesAFolderItDidNotWrite() throws {
        let out = directory.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: out.appendingPathComponent("holiday.jpg"))
        XCTAssertThrowsError(try OutputFolder(path: out.path).commit(second)) { error in
            XCTAssertTrue("\(error)".contains("not written by StreetRounds"), "\(error)")
        }
        XCTAssertEqual(listing(directory), ["photos", "photos/holiday.jpg"])
    }

    func testRefusesAnOutputFolderHoldingAForeignFile() throws {
        let out = directory.appendingPathComponent("plan")
        try OutputFolder(path: out.path).commit(first)
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try OutputFolder(path: out.path).commit(second)) { error in
            XCTAssertTrue("\(error)".contains("notes.txt"), "\(error)")
        }
        XCTAssertEqual(text(out, "notes.txt"), "mine")
        XCTAssertEqual(text(out, "a.txt"), "old a")
    }

    func testRefusesAFileTheDatabaseAndTheCurrentFolder() throws {
        let file = directory.appendingPathComponent("rounds.sqlite")
        try Data("db".utf8).write(to: file)
        for (path, protected) in [(file.path, [String]()), (file.path, [file.path]), (directory.path, [file.path])] {
            XCTAssertThrowsError(try OutputFolder(path: path, protecting: protected).commit(second), path)
        }
        XCTAssertThrowsError(try OutputFolder(path: ".").commit(second)) { error in
            XCTAssertTrue("\(error)".contains("current folder"), "\(error)")
        }
        XCTAssertThrowsError(try OutputFolder(path: "..").commit(second))
        XCTAssertThrowsError(try OutputFolder(path: "/").check())
        XCTAssertEqual(listing(directory), ["rounds.sqlite"])
        XCTAssertEqual(text(directory, "rounds.sqlite"), "db")
    }

    func testAnEmptyFolderIsTaken() throws {
        let out = directory.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try OutputFolder(path: out.path).commit(second)
        XCTAssertEqual(text(out, "a.txt"), "new a")
    }

    /// A step that throws stops the commit as a kill -9 would; the next run finds the old or the new outputs
    /// complete, and no leftovers.
    func testARunStoppedAtEveryStepLeavesOldOrNewAndIsRecovered() throws {
        for step in [OutputFolder.Step.staged, .oldMovedAside, .swapped] {
            let out = directory.appendingPathComponent("plan-\(step.rawValue)")
            let folder = OutputFolder(path: out.path)
            try folder.commit(first)
            XCTAssertThrowsError(try folder.commit(second) { if $0 == step { throw Killed() } })
            let recovery = try folder.recover()
            XCTAssertEqual(recovery, step == .staged ? .cleaned : step == .oldMovedAside ? .rolledForward : .cleaned)
            XCTAssertEqual(text(out, "a.txt"), step == .staged ? "old a" : "new a", "\(step)")
            let leftovers = listing(directory).filter { $0.hasPrefix(".plan-\(step.rawValue)") }
            XCTAssertEqual(leftovers, [], "\(step)")
            try folder.commit(first)
            XCTAssertEqual(text(out, "gpx/r1.gpx"), "old r1")
        }
    }

    func testALeftoverWithoutManifestIsKept() throws {
        let out = directory.appendingPathComponent("plan")
        let folder = OutputFolder(path: out.path)
        try folder.commit(first)
        let aside = directory.appendingPathComponent(".plan.streetrounds-old")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: aside.appendingPathComponent("precious.txt"))
        XCTAssertThrowsError(try folder.commit(second)) { error in
            XCTAssertTrue("\(error)".contains("will not delete"), "\(error)")
        }
        XCTAssertEqual(text(aside, "precious.txt"), "x")
        XCTAssertEqual(text(out, "a.txt"), "old a")
    }

    func testRejectsFileNamesOutsideTheFolder() {
        let out = directory.appendingPathComponent("plan")
        for name in ["../escape.txt", "/etc/passwd", "", OutputFolder.manifestName] {
            XCTAssertThrowsError(try OutputFolder(path: out.path).commit([OutputFile(path: name, text: "x")]), name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("escape.txt").path))
    }

    func testAFolderOfAnEarlierVersionIsKnownByItsFileNames() throws {
        let out = directory.appendingPathComponent("plan")
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("gpx"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: out.appendingPathComponent("a.txt"))
        try Data("old".utf8).write(to: out.appendingPathComponent("gpx/r1.gpx"))
        let legacy = OutputFolder(path: out.path) { $0 == "a.txt" || $0.hasPrefix("gpx/") }
        try legacy.commit(second)
        XCTAssertEqual(text(out, "a.txt"), "new a")
        XCTAssertNil(text(out, "gpx/r1.gpx"))
        try Data("x".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let strict = OutputFolder(path: out.path) { $0 == "a.txt" || $0.hasPrefix("gpx/") }
        XCTAssertThrowsError(try strict.commit(first), "a manifest folder with a foreign file is still refused")
    }
}
