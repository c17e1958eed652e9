import Foundation
import GRDB
import TestSupport
import XCTest

/// The store under a careless or hostile user: readers never change a byte, foreign files are refused
/// untouched, writers wait for each other and name the lock holder, and an import racing a submission never
/// attaches tasks to the wrong streets. Each race is driven by two real processes.
final class StoreSafetyTests: CLITestCase {
    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func submit(_ db: String) -> [String] {
        ["tasks", "submit", "data/sample-town/tasks/town-council.geojson", "--org", "town-council", "--db", db]
    }

    func testReadersNeverChangeTheDatabase() throws {
        let db = try sampleDatabase(submitting: ["town-council", "county-council"])
        let before = try bytes(db)
        let readers = [
            ["streets", "info", "--db", db], ["tasks", "list", "--db", db],
            ["tasks", "export", "--db", db, "--org", "town-council"],
            ["overlaps", "--db", db, "--week", "2026-W48"],
            ["route", "--db", db, "--from", "-2.8266,52.5396", "--to", "-2.8230,52.5360"]
        ]
        for arguments in readers {
            let result = try run(arguments)
            XCTAssertTrue([0, 1, 4].contains(result.status), "\(arguments): \(result.stderr)")
        }
        XCTAssertEqual(try bytes(db), before, "a reader changed the database file")
    }

    /// Once a writing command has ended, the `.sqlite` file alone holds what it wrote (its write-ahead
    /// log checkpointed when the writer closes): a backup that copies that one file misses nothing. `plan`
    /// writes while its reader is still open, so SQLite's own checkpoint on the last close never ran.
    func testACopyOfTheDatabaseFileAloneHoldsTheLastWrite() throws {
        let db = try sampleDatabase()
        let out = directory.appendingPathComponent("plan").path
        let planned = try run(["plan", "--db", db, "--week", "2026-W48", "--out", out, "--iterations", "5"])
        XCTAssertEqual(planned.status, 0, planned.stderr)
        let copy = directory.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let listed = try run(["plans", "list", "--db", copy])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("2026-W48  shared"), listed.stdout)
    }

    func testAForeignSQLiteFileIsRefusedAndLeftUntouched() throws {
        let path = directory.appendingPathComponent("photos.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE photo (name TEXT); INSERT INTO photo VALUES ('holiday')") }
        try queue.close()
        let before = try bytes(path)
        for arguments in [
            ["streets", "info", "--db", path], ["tasks", "list", "--db", path],
            ["streets", "import", "data/sample-town/streets.geojson", "--db", path],
            submit(path)
        ] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 3, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("not a StreetRounds database"), result.stderr)
        }
        XCTAssertEqual(try bytes(path), before)
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "delete", "the journal mode was left as it was")
    }

    /// A user who may only read the file and its folder can still read the store. Run as that user: directly
    /// when the tests are not root, through setpriv as `nobody` when they are (chmod does not stop root).
    func testAReadOnlyUserCanRead() throws {
        let db = try sampleDatabase(submitting: ["town-council"])
        let before = try bytes(db)
        let fm = FileManager.default
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
        var prefix: [String] = []
        if getuid() == 0 {
            guard fm.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                throw XCTSkip(
                    "running as root without /usr/bin/setpriv: chmod does not stop root, "
                        + "so a read-only user cannot be tried")
            }
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary.path]
        }
        func runAsReader(_ arguments: [String]) throws -> ProcessResult {
            if prefix.isEmpty { return try run(arguments) }
            return try runProcess(
                URL(fileURLWithPath: prefix[0]), Array(prefix.dropFirst()) + arguments,
                currentDirectory: SharedData.projectRoot)
        }
        let info = try runAsReader(["streets", "info", "--db", db])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertTrue(info.stdout.contains("247 segments"), info.stdout)
        let list = try runAsReader(["tasks", "list", "--db", db])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("town-council: 5 tasks"), list.stdout)
        let write = try runAsReader(submit(db))
        XCTAssertEqual(write.status, 3, "a writer that may not write fails as a database problem: \(write.stderr)")
        XCTAssertEqual(try bytes(db), before)
    }

    /// Holds the write lock from this test process, as a long import would.
    func holdWriteLock(_ db: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let queue = try DatabaseQueue(path: db, configuration: configuration)
        try queue.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        return queue
    }

    func testWritersWaitForTheLockThenNameItsHolder() throws {
        let db = try sampleDatabase(submitting: [])
        let submit = self.submit(db)
        let lock = try holdWriteLock(db)
        let impatient = try runProcessWithEnvironment(submit, ["STREETROUNDS_BUSY_TIMEOUT": "1"])
        XCTAssertEqual(impatient.status, 3, impatient.stderr)
        XCTAssertTrue(impatient.stderr.contains("process \(getpid())"), "names the holder: \(impatient.stderr)")
        XCTAssertTrue(impatient.stderr.contains("STREETROUNDS_BUSY_TIMEOUT"), impatient.stderr)
        // The nightly overlap run waits too, and fails as a database problem (exit 3), not a crash (5).
        let nightly = try runProcessWithEnvironment(
            ["overlaps", "--db", db, "--week", "2026-W48", "--new-only"],
            ["STREETROUNDS_BUSY_TIMEOUT": "1"])
        XCTAssertEqual(nightly.status, 3, nightly.stderr)
        XCTAssertTrue(nightly.stderr.contains("process \(getpid())"), nightly.stderr)
        // A patient writer waits, and goes on when the lock is released.
        let patient = try PausedProcess(
            binary, submit, pausingAt: nil, scratch: directory,
            currentDirectory: SharedData.projectRoot)
        sleep(2)
        XCTAssertTrue(patient.process.isRunning, "the writer waits for the lock")
        try lock.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
        let done = patient.resume()
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertTrue(try run(["tasks", "list", "--db", db]).stdout.contains("town-council: 5 tasks"))
        XCTAssertEqual(try runProcessWithEnvironment(submit, ["STREETROUNDS_BUSY_TIMEOUT": "soon"]).status, 2)
    }

    func runProcessWithEnvironment(_ arguments: [String], _ environment: [String: String]) throws -> ProcessResult {
        try PausedProcess(
            binary, arguments, pausingAt: nil, scratch: directory,
            currentDirectory: SharedData.projectRoot, environment: environment
        ).resume()
    }

    func testAnImportDuringASubmissionMakesTheSubmissionFailNotAttachToTheWrongStreets() throws {
        let db = try sampleDatabase(submitting: [])
        let submit = try PausedProcess(
            binary,
            [
                "tasks", "submit", "data/sample-town/tasks/town-council.geojson",
                "--org", "town-council", "--db", db
            ],
            pausingAt: "submit-matched", scratch: directory,
            currentDirectory: SharedData.projectRoot)
        // Matched against the first network; a second import replaces it before the tasks are stored.
        let reimport = try run(["streets", "import", "data/sample-town/streets.geojson", "--db", db, "--snap", "3"])
        XCTAssertEqual(reimport.status, 0, reimport.stderr)
        let submitted = submit.resume()
        XCTAssertEqual(submitted.status, 4, submitted.stderr)
        XCTAssertTrue(submitted.stderr.contains("was replaced while"), submitted.stderr)
        XCTAssertFalse(try run(["tasks", "list", "--db", db]).stdout.contains("town-council:"), "no task was stored")
    }

    func testASubmissionDuringAnImportMakesTheImportRefuse() throws {
        let db = try sampleDatabase(submitting: [])
        let reimport = try PausedProcess(
            binary, ["streets", "import", "data/sample-town/streets.geojson", "--db", db],
            pausingAt: "import-read", scratch: directory,
            currentDirectory: SharedData.projectRoot)
        let submitted = try run(submit(db))
        XCTAssertEqual(submitted.status, 0, submitted.stderr)
        let imported = reimport.resume()
        XCTAssertEqual(imported.status, 4, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("would orphan them"), imported.stderr)
        XCTAssertTrue(try run(["tasks", "list", "--db", db]).stdout.contains("town-council: 5 tasks"))
    }

    func testExportNeverOverwritesTheDatabaseNorAFileWithoutForce() throws {
        let db = try sampleDatabase(submitting: ["town-council"])
        let before = try bytes(db)
        let onto = try run(["tasks", "export", "--db", db, "--org", "town-council", "--out", db])
        XCTAssertEqual(onto.status, 2, onto.stderr)
        XCTAssertTrue(onto.stderr.contains("is the database"), onto.stderr)
        let forced = try run(["tasks", "export", "--db", db, "--org", "town-council", "--out", db, "--force"])
        XCTAssertEqual(forced.status, 2, "not even with --force: \(forced.stderr)")
        let journal = try run([
            "tasks", "export", "--db", db, "--org", "town-council", "--out", db + "-journal", "--force"
        ])
        XCTAssertEqual(journal.status, 2, "nor its journal, which SQLite would replay into it: \(journal.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-journal"))
        XCTAssertEqual(try bytes(db), before)
        let file = directory.appendingPathComponent("notes.geojson").path
        try Data("mine".utf8).write(to: URL(fileURLWithPath: file))
        let refused = try run(["tasks", "export", "--db", db, "--org", "town-council", "--out", file])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "mine")
        // A device is written through, never replaced by a file (as /dev/stdout and /dev/full were).
        for (device, status) in [("/dev/null", Int32(0)), ("/dev/full", 5)] {
            let written = try run(["tasks", "export", "--db", db, "--org", "town-council", "--out", device])
            XCTAssertEqual(written.status, status, written.stderr)
            var info = stat()
            XCTAssertEqual(stat(device, &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "\(device) is still a device")
        }
        // /dev/stdout redirected to a file: the file gets the list, /dev/stdout stays what it was (a link).
        var stdoutBefore = stat()
        XCTAssertEqual(lstat("/dev/stdout", &stdoutBefore), 0)
        let redirected = directory.appendingPathComponent("redirected.geojson")
        let shell = try runProcess(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c", "\"$0\" tasks export --db \"$1\" --org town-council --out /dev/stdout > \"$2\"",
                binary.path, db, redirected.path
            ])
        XCTAssertEqual(shell.status, 0, shell.stderr)
        XCTAssertTrue(try String(contentsOf: redirected, encoding: .utf8).hasPrefix("{"))
        var after = stat()
        XCTAssertEqual(lstat("/dev/stdout", &after), 0)
        XCTAssertEqual(after.st_mode & S_IFMT, stdoutBefore.st_mode & S_IFMT, "/dev/stdout was not replaced")
        let replaced = try run(["tasks", "export", "--db", db, "--org", "town-council", "--out", file, "--force"])
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("{"))
    }
}
