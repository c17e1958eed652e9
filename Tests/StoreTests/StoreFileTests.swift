import Foundation
import GRDB
import StreetImport
import StreetNetwork
import TestSupport
import Works
import XCTest

@testable import Store

/// What a path holds, told without writing to it; read access that never writes; the network version that
/// keeps a submission from landing on a network it was not matched against.
final class StoreFileTests: XCTestCase {
    private var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func sampleStore() throws -> RoundsStore {
        let streets = SharedData.projectRoot.appendingPathComponent("data/sample-town/streets.geojson")
        let read = try StreetFile.read(streets)
        let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
        let store = try RoundsStore(path: path("s.sqlite"), create: true)
        try store.saveNetwork(
            network,
            provenance: NetworkProvenance(
                sourceFile: "s", sourceFormat: "GeoJSON",
                snapTolerance: 0.5, importedAt: "t"))
        return store
    }

    func testIdentifiesWithoutWriting() throws {
        XCTAssertEqual(try StoreFile.identify(path("none")), .missing)
        FileManager.default.createFile(atPath: path("empty"), contents: nil)
        XCTAssertEqual(try StoreFile.identify(path("empty")), .empty)
        try Data(String(repeating: "text ", count: 40).utf8).write(to: URL(fileURLWithPath: path("text")))
        XCTAssertEqual(try StoreFile.identify(path("text")), .foreign("it is not a SQLite file"))
        let photos = try DatabaseQueue(path: path("photos"))
        try photos.write { try $0.execute(sql: "CREATE TABLE photo (name TEXT)") }
        try photos.close()
        XCTAssertEqual(try StoreFile.identify(path("photos")), .foreign("its tables are photo"))
        let blank = try DatabaseQueue(path: path("blank"))
        try blank.write { try $0.execute(sql: "PRAGMA user_version = 1") }
        try blank.close()
        XCTAssertEqual(try StoreFile.identify(path("blank")), .blank)
        _ = try sampleStore()
        XCTAssertEqual(try StoreFile.identify(path("s.sqlite")), .streetRounds)
        XCTAssertEqual(try StoreFile.identify(directory.path), .foreign("it is a folder or a device, not a file"))
        XCTAssertNil(StoreFile.lockHolder(path("s.sqlite")), "nobody else holds the lock")
    }

    /// Closing any descriptor of a file drops all the process's POSIX locks on it, SQLite's too: a store
    /// identified or opened, or the lock holder looked up, beside a transaction of the same process must
    /// leave that transaction's locks held (before, a second store opened while a command submitted let
    /// another process write under it, and the store was corrupted).
    func testIdentifyingAndOpeningBesideATransactionKeepItsLocks() throws {
        guard FileManager.default.isReadableFile(atPath: "/proc/locks") else {
            throw XCTSkip("the system lists no locks in /proc/locks")
        }
        _ = try sampleStore()
        let file = path("s.sqlite")
        func ours() throws -> Set<String> {
            let lines = try String(contentsOfFile: "/proc/locks", encoding: .utf8).split(separator: "\n")
            let words = lines.map { Array($0.split(separator: " ").dropFirst()) }
            return Set(words.filter { $0.count > 4 && $0[3] == "\(getpid())" }.map { $0.joined(separator: " ") })
        }
        let writer = try DatabaseQueue(path: file)
        try writer.inTransaction(.immediate) { db in
            try db.execute(sql: "UPDATE network SET source_file = source_file")
            let held = try ours()
            guard !held.isEmpty else { throw XCTSkip("the system lists no locks in /proc/locks") }
            XCTAssertEqual(StoreFile.lockHolder(file)?.hasPrefix("process \(getpid())"), true, "named from /proc/locks")
            XCTAssertEqual(try StoreFile.identify(file), .streetRounds)
            _ = try RoundsStore(path: file, access: .read).loadPlaces()
            XCTAssertTrue(held.isSubset(of: try ours()), "every lock still held")
            return .rollback
        }
        let table = """
            1: POSIX  ADVISORY  WRITE 999 00:2d:77 0 EOF
            2: -> POSIX  ADVISORY  WRITE 998 08:01:55 120 120
            3: FLOCK  ADVISORY  WRITE 997 08:01:55 120 120
            4: POSIX  ADVISORY  READ 996 08:01:55 120 120
            5: POSIX  ADVISORY  WRITE 4242 08:01:55 118 121
            """
        let sda1: UInt64 = (8 << 8) | 1
        XCTAssertEqual(StoreFile.writeLockHolder(in: table, device: sda1, inode: 55, byte: 120), 4242)
        XCTAssertNil(StoreFile.writeLockHolder(in: table, device: sda1, inode: 55, byte: 122))
        XCTAssertEqual(StoreFile.writeLockHolder(in: table, device: 0x2d, inode: 77, byte: 0x4000_0001), 999)
        XCTAssertNil(StoreFile.writeLockHolder(in: table, device: 0x2d, inode: 78, byte: 0))
        // An anonymous device (overlay, tmpfs) with a minor over 255: st_dev keeps its high bits apart.
        let anonymous: UInt64 = (0x1a5 & 0xff) | ((0x1a5 & ~0xff) << 12)
        XCTAssertEqual(
            StoreFile.writeLockHolder(
                in: "1: POSIX  ADVISORY  WRITE 321 00:1a5:9 120 120", device: anonymous, inode: 9, byte: 120), 321)
    }

    /// A rollback journal beside the store (StreetRounds writes none) is named, not taken for a foreign file.
    func testAJournalBesideTheStoreIsNamed() throws {
        _ = try sampleStore()
        let file = path("s.sqlite")
        try Data(String(repeating: "{\"type\": \"FeatureCollection\"} ", count: 100).utf8)
            .write(to: URL(fileURLWithPath: file + "-journal"))
        XCTAssertThrowsError(try RoundsStore(path: file, access: .read)) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .unreadableDatabase)
            XCTAssertTrue("\(error)".contains("-journal beside it"), "\(error)")
        }
        XCTAssertNotNil(FileManager.default.contents(atPath: file + "-journal"), "left where it was")
    }

    func testReadAccessNeverWrites() throws {
        let writer = try sampleStore()
        let reader = try RoundsStore(path: path("s.sqlite"), access: .read)
        XCTAssertEqual(try reader.loadNetwork().segments.count, try writer.loadNetwork().segments.count)
        let list = TaskList(organisation: "town-council", tasks: [])
        XCTAssertThrowsError(try reader.submit(list, matches: [:], fileName: "f", checksum: "c"))
        XCTAssertTrue(try writer.submissions().isEmpty)
        XCTAssertThrowsError(try RoundsStore(path: path("none"), access: .read)) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .missingDatabase)
        }
    }

    func testASubmissionMatchedAgainstAnotherNetworkVersionIsRefused() throws {
        let store = try sampleStore()
        let first = try store.loadVersionedNetwork()
        try store.saveNetwork(
            first.network,
            provenance: NetworkProvenance(
                sourceFile: "again", sourceFormat: "GeoJSON",
                snapTolerance: 0.5, importedAt: "t2"))
        let second = try store.loadVersionedNetwork()
        XCTAssertEqual(second.version, first.version + 1)
        let list = TaskList(organisation: "town-council", tasks: [])
        func submit(against version: Int) throws {
            try store.submit(list, matches: [:], fileName: "f", checksum: "c", networkVersion: version)
        }
        XCTAssertThrowsError(try submit(against: first.version)) {
            XCTAssertEqual(($0 as? StoreError)?.kind, .networkChanged)
        }
        XCTAssertNoThrow(try submit(against: second.version))
    }

    func testBusyTimeoutFromTheEnvironment() throws {
        unsetenv("STREETROUNDS_BUSY_TIMEOUT")
        XCTAssertEqual(try RoundsStore.busyTimeoutFromEnvironment(), RoundsStore.defaultBusyTimeout)
        setenv("STREETROUNDS_BUSY_TIMEOUT", "2.5", 1)
        defer { unsetenv("STREETROUNDS_BUSY_TIMEOUT") }
        XCTAssertEqual(try RoundsStore.busyTimeoutFromEnvironment(), 2.5)
        setenv("STREETROUNDS_BUSY_TIMEOUT", "-1", 1)
        XCTAssertThrowsError(try RoundsStore.busyTimeoutFromEnvironment()) {
            XCTAssertEqual(($0 as? StoreError)?.kind, .badSetting)
        }
    }
}
