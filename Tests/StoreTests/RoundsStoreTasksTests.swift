import Foundation
import GRDB
import Geometry
import Store
import StreetImport
import StreetNetwork
import TestSupport
import Works
import XCTest

final class RoundsStoreTasksTests: XCTestCase {
    private var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func sampleStore() throws -> (RoundsStore, StreetNetwork) {
        let read = try StreetFile.read(
            SharedData.projectRoot.appendingPathComponent("data/sample-town/streets.geojson"))
        let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
        let store = try RoundsStore(path: directory.appendingPathComponent("t.sqlite").path, create: true)
        try store.saveNetwork(
            network,
            provenance: NetworkProvenance(sourceFile: "s", sourceFormat: "GeoJSON", snapTolerance: 0.5, importedAt: "t")
        )
        return (store, network)
    }

    private func task(_ id: String, _ segments: [Int]) -> (StreetTask, [MatchedSegment]) {
        (
            StreetTask(
                organisation: "town-council", taskID: id, activity: "sweeping", frequency: .perWeek(2),
                season: Season(from: .init(month: 3, day: 1), to: .init(month: 10, day: 31)),
                weekdays: [.tuesday, .friday], hours: TimeWindow(start: 420, end: 900), priority: nil, notes: "n",
                geometry: .lineString([Position(x: -2.808, y: 52.531), Position(x: -2.808, y: 52.532)]), featureIndex: 0
            ),
            segments.map { MatchedSegment(segment: $0, sharedMetres: 10) }
        )
    }

    func testSubmissionReplacesTheListAndKeepsHistory() throws {
        let (store, _) = try sampleStore()
        let (a, ma) = task("A", [1, 2])
        let (b, mb) = task("B", [3])
        try store.submit(
            TaskList(organisation: "town-council", tasks: [a, b]), matches: ["A": ma, "B": mb], fileName: "v1.geojson",
            checksum: "c1")
        XCTAssertEqual(try store.tasks().map(\.task.taskID), ["A", "B"])
        let stored = try store.tasks()[0]
        XCTAssertEqual(stored.task.frequency, .perWeek(2))
        XCTAssertEqual(stored.task.weekdays, [.tuesday, .friday])
        XCTAssertEqual(stored.task.season, a.season)
        XCTAssertEqual(stored.task.geometry, a.geometry)
        XCTAssertEqual(stored.segments.map(\.segment), [1, 2])
        // The second list replaces the first: B is gone, C is new.
        let (c, mc) = task("C", [4])
        try store.submit(
            TaskList(organisation: "town-council", tasks: [a, c]), matches: ["A": ma, "C": mc], fileName: "v2.geojson",
            checksum: "c2")
        XCTAssertEqual(try store.tasks().map(\.task.taskID), ["A", "C"])
        let history = try store.submissions(organisation: "town-council")
        XCTAssertEqual(history.map(\.fileName), ["v1.geojson", "v2.geojson"])
        XCTAssertEqual(history.map(\.taskCount), [2, 2])
        XCTAssertEqual(history.map(\.checksum), ["c1", "c2"])
    }

    /// A monthly task's week of the month is kept; a store made before the
    /// column existed gains it on opening, its tasks due in week 1 as before.
    func testTheWeekOfACycleIsStoredAndOlderStoresGainIt() throws {
        let (store, _) = try sampleStore()
        var (a, ma) = task("A", [1, 2])
        a.frequency = .monthly
        a.cycleWeek = 3
        let (b, mb) = task("B", [3])
        try store.submit(
            TaskList(organisation: "town-council", tasks: [a, b]), matches: ["A": ma, "B": mb], fileName: "v1.geojson",
            checksum: "c1")
        XCTAssertEqual(try store.tasks().map(\.task.cycleWeek), [3, nil])
        // The store as the build before this column left it.
        let path = directory.appendingPathComponent("t.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "ALTER TABLE task DROP COLUMN cycle_week")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'task-cycle-week'")
        }
        try queue.close()
        let reader = try RoundsStore(path: path, access: .read)  // as `plan` opens it: no migration
        XCTAssertEqual(try reader.tasks().map(\.task.cycleWeek), [nil, nil])
        let reopened = try RoundsStore(path: path, access: .write)
        XCTAssertEqual(try reopened.tasks().map(\.task.cycleWeek), [nil, nil])
        XCTAssertEqual(try reopened.tasks().map(\.task.taskID), ["A", "B"], "nothing lost")
    }

    func testAFailedSubmissionChangesNothing() throws {
        let (store, _) = try sampleStore()
        let (a, ma) = task("A", [1])
        try store.submit(
            TaskList(organisation: "town-council", tasks: [a]), matches: ["A": ma], fileName: "v1", checksum: "c1")
        // A segment id outside the network breaks a foreign key midway.
        let (b, mb) = task("B", [999_999])
        XCTAssertThrowsError(
            try store.submit(
                TaskList(organisation: "town-council", tasks: [a, b]), matches: ["A": ma, "B": mb], fileName: "v2",
                checksum: "c2"))
        XCTAssertEqual(try store.tasks().map(\.task.taskID), ["A"])
        XCTAssertEqual(try store.submissions().count, 1)
    }

    func testTheNetworkCannotBeReplacedUnderMatchedTasks() throws {
        let (store, network) = try sampleStore()
        let (a, ma) = task("A", [1])
        try store.submit(
            TaskList(organisation: "town-council", tasks: [a]), matches: ["A": ma], fileName: "v1", checksum: "c1")
        XCTAssertThrowsError(
            try store.saveNetwork(
                network,
                provenance: NetworkProvenance(
                    sourceFile: "s", sourceFormat: "GeoJSON", snapTolerance: 0.5, importedAt: "t"))
        ) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .networkInUse)
        }
    }
}
