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

    /// A folder, a link to a folder or a dangling link that someone put among the outputs is foreign as a
    /// file is: refused before, and never removed (the old folder was removed whole, and these with it).
    func testRefusesFoldersAndLinksItDidNotMake() throws {
        let out = directory.appendingPathComponent("plan")
        let folder = OutputFolder(path: out.path)
        try folder.commit(first)
        let fm = FileManager.default
        let elsewhere = directory.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        func inside(_ name: String) -> String { out.appendingPathComponent(name).path }
        for (name, make) in [
            ("archive/", { try fm.createDirectory(atPath: inside("archive"), withIntermediateDirectories: false) }),
            ("gpx/old/", { try fm.createDirectory(atPath: inside("gpx/old"), withIntermediateDirectories: false) }),
            ("satnav", { try fm.createSymbolicLink(atPath: inside("satnav"), withDestinationPath: elsewhere.path) }),
            ("dangling", { try fm.createSymbolicLink(atPath: inside("dangling"), withDestinationPath: "/nonexistent") })
        ] as [(String, () throws -> Void)] {
            try make()
            XCTAssertThrowsError(try folder.commit(second), name) { error in
                XCTAssertTrue("\(error)".contains("holds \(name)"), "\(error)")
            }
            XCTAssertEqual(text(out, "gpx/r1.gpx"), "old r1", "the old outputs kept")
            try fm.removeItem(atPath: inside(name))
        }
        // One put in the old folder after the check, as the swap removes it: kept, and said so.
        let aside = directory.appendingPathComponent(".plan.streetrounds-old")
        XCTAssertThrowsError(
            try folder.commit(second) { step in
                if step == .oldMovedAside {
                    try fm.createDirectory(
                        at: aside.appendingPathComponent("archive"), withIntermediateDirectories: false)
                }
            })
        XCTAssertEqual(text(out, "a.txt"), "new a", "the new outputs are in place")
        XCTAssertTrue(fm.fileExists(atPath: aside.appendingPathComponent("archive").path))
        XCTAssertEqual(listing(aside), ["archive"], "only what StreetRounds did not write is left")
        XCTAssertThrowsError(try folder.check(), "told before the work, not after") { error in
            XCTAssertTrue("\(error)".contains("will not delete"), "\(error)")
        }
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
        // A staging folder someone made (or linked) is no killed run's: neither emptied nor followed.
        try FileManager.default.removeItem(at: aside)
        let elsewhere = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("y".utf8).write(to: elsewhere.appendingPathComponent("mine.txt"))
        let staging = directory.appendingPathComponent(".plan.streetrounds-new")
        for make in [
            { try FileManager.default.createSymbolicLink(at: staging, withDestinationURL: elsewhere) },
            { try FileManager.default.copyItem(at: elsewhere, to: staging) }
        ] as [() throws -> Void] {
            try make()
            XCTAssertThrowsError(try folder.check())
            XCTAssertThrowsError(try folder.commit(second)) { error in
                XCTAssertTrue("\(error)".contains("will not delete"), "\(error)")
            }
            XCTAssertEqual(text(staging, "mine.txt"), "y")
            try FileManager.default.removeItem(at: staging)
        }
        XCTAssertEqual(text(elsewhere, "mine.txt"), "y")
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
