import Foundation
import GRDB
import Planning
import TestSupport
import Works
import XCTest

@testable import Store

/// Stored plans: a week's plans round-trip, the latest up to a week is the
/// one a week starts from, and a damaged row is a clear error.
final class RoundsStorePlansTests: XCTestCase {
    private var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func record(_ week: String, _ mode: PlanMode, crew: String = "C-1") -> PlanRecord {
        let parts = [
            PlannedVisit.Part(organisation: "council", taskID: "SW-1", activity: "sweeping"),
            PlannedVisit.Part(organisation: "town", taskID: "LP-1", activity: "litter_picking")
        ]
        let monday = PlanRecord.RoundRecord(
            id: "mon-1", organisation: "council", crew: crew, day: .monday, depot: "yard", startMinutes: 420,
            stops: [
                PlanRecord.Stop(segment: 4, reversed: true, parts: parts),
                PlanRecord.Stop(segment: 2, reversed: false, parts: [parts[0]])
            ])
        let grit = PlanRecord.RoundRecord(
            id: "grit-1", organisation: "council", crew: "G-1", day: nil, depot: "yard",
            startMinutes: 0,
            stops: [
                PlanRecord.Stop(
                    segment: 7, reversed: false,
                    parts: [])
            ])
        return PlanRecord(
            week: ISOWeek(parsing: week) ?? ISOWeek(year: 2026, week: 1), mode: mode,
            createdAt: Date(timeIntervalSince1970: 1_795_000_000), seed: UInt64.max - 1, seconds: 2.5,
            iterations: mode == .shared ? 30 : nil, networkFingerprint: "abc123",
            rounds: [monday, grit])
    }

    private func store() throws -> RoundsStore {
        try RoundsStore(path: directory.appendingPathComponent("plans.sqlite").path, create: true)
    }

    func testAPlanRoundTripsThroughTheStore() throws {
        let store = try store()
        let ids = try store.savePlans([record("2026-W48", .shared), record("2026-W48", .baseline)])
        XCTAssertEqual(ids.count, 2)
        XCTAssertEqual(try store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 48)), record("2026-W48", .shared))
        XCTAssertEqual(
            try store.latestPlan(.baseline, upTo: ISOWeek(year: 2026, week: 52)),
            record("2026-W48", .baseline))
        let listed = try store.plans()
        XCTAssertEqual(listed.map(\.mode), [.shared, .baseline])
        let more = try store.savePlans([record("2026-W49", .shared)]) { ids in
            AuditEntry(actor: "srt_test", organisation: nil, action: "plan.stored", detail: "plans \(ids)")
        }
        XCTAssertEqual(try store.auditTrail().first?.detail, "plans \(more)", "the line names the ids it stored")
        XCTAssertEqual(listed.first?.rounds, 2)
        XCTAssertEqual(listed.first?.taskVisits, 3, "gritting stand-by rounds are not weekday visits")
    }

    /// A deleted plan takes its rounds, stops and visits with it, and the
    /// week starts from the latest left; an unknown id deletes nothing.
    func testDeletedPlansLeaveTheLatestOneBefore() throws {
        let store = try store()
        let ids = try store.savePlans([
            record("2026-W47", .shared, crew: "kept"), record("2026-W48", .shared, crew: "trial"),
            record("2026-W48", .baseline)
        ])
        let audit = AuditEntry(actor: "cli", organisation: nil, action: "plan.delete", detail: "trial")
        XCTAssertThrowsError(try store.deletePlans([ids[1], 99], audit: audit)) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .notFound)
            XCTAssertTrue("\(error)".contains("no stored plan 99"), "\(error)")
        }
        XCTAssertEqual(try store.plans().count, 3, "nothing deleted")
        XCTAssertFalse(try store.auditTrail().contains { $0.action == "plan.delete" }, "nor an audit line")
        try store.deletePlans([ids[1]], audit: audit)
        XCTAssertEqual(try store.plans().map(\.id), [ids[0], ids[2]])
        XCTAssertEqual(try store.auditTrail().first?.detail, "trial", "written with the deletion")
        XCTAssertEqual(try store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 48))?.rounds.first?.crew, "kept")
        let path = directory.appendingPathComponent("plans.sqlite").path
        let left = try DatabaseQueue(path: path).read { db in
            try ["plan_round", "plan_stop", "plan_visit"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0) WHERE plan_id = ?", arguments: [ids[1]]) ?? -1
            }
        }
        XCTAssertEqual(left, [0, 0, 0])
        let next = try store.savePlans([record("2026-W49", .shared)])
        XCTAssertGreaterThan(next[0], ids[2], "a deleted plan's id is never given again")
    }

    /// A store made before plan ids were never reused keeps its plans, rounds, stops and visits through
    /// the table's rebuild, and from then on gives no deleted id again.
    func testPlansMadeBeforeTheRebuildSurviveIt() throws {
        let path = directory.appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try RoundsStore.migrator.migrate(old, upTo: "weekly-plans")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO plan VALUES (1, '2026-W47', 'shared', '2026-11-20T08:00:00Z', '7', 5, NULL, 'abc');
                    INSERT INTO plan VALUES (2, '2026-W48', 'shared', '2026-11-27T08:00:00Z', '7', 5, NULL, 'abc');
                    INSERT INTO plan_round VALUES (1, 0, 'mon-1', 'council', 'C-1', 1, 'yard', 420);
                    INSERT INTO plan_stop VALUES (1, 0, 0, 4, 1);
                    INSERT INTO plan_visit VALUES (1, 0, 0, 0, 'council', 'SW-1', 'sweeping');
                    DELETE FROM plan WHERE id = 2;
                    """)
        }
        try old.close()
        let store = try RoundsStore(path: path, access: .write)
        let kept = try XCTUnwrap(try store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 48)))
        XCTAssertEqual(kept.rounds.first?.stops.first?.parts.first?.taskID, "SW-1")
        XCTAssertEqual(try store.savePlans([record("2026-W49", .shared)]), [2], "2 was free before the rebuild")
        try store.deletePlans([2])
        XCTAssertEqual(try store.savePlans([record("2026-W49", .shared)]), [3])
        let problems = try DatabaseQueue(path: path).read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        XCTAssertEqual(problems.count, 0)
    }

    func testTheWeekStartsFromTheLatestEarlierOrSameWeek() throws {
        let store = try store()
        try store.savePlans([record("2026-W47", .shared, crew: "old")])
        try store.savePlans([record("2026-W48", .shared, crew: "first")])
        try store.savePlans([record("2026-W48", .shared, crew: "again")])
        try store.savePlans([record("2026-W50", .shared, crew: "later")])
        XCTAssertNil(try store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 46)))
        XCTAssertNil(try store.latestPlan(.baseline, upTo: ISOWeek(year: 2026, week: 52)))
        XCTAssertEqual(try store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 49))?.rounds.first?.crew, "again")
        XCTAssertEqual(try store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 47))?.rounds.first?.crew, "old")
    }

    func testADamagedPlanIsAClearErrorNotACrash() throws {
        let store = try store()
        try store.savePlans([record("2026-W48", .shared)])
        try store.write { db in try db.execute(sql: "UPDATE plan_round SET day = 9 WHERE round_id = 'mon-1'") }
        XCTAssertThrowsError(try store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 48))) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .corruptPlan)
            XCTAssertTrue("\(error)".contains("day 9"), "\(error)")
            XCTAssertTrue("\(error)".contains("--fresh"), "\(error)")
        }
        // A night crew's second round, after midnight, is a plan's as any other; two days on is not.
        try store.write { db in try db.execute(sql: "UPDATE plan_round SET day = 1, start_minutes = 1443") }
        XCTAssertEqual(
            try store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 48))?.rounds.first?.startMinutes, 1443)
        try store.write { db in try db.execute(sql: "UPDATE plan_round SET start_minutes = 2880") }
        XCTAssertThrowsError(try store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 48))) { error in
            XCTAssertTrue("\(error)".contains("starts at minute 2880"), "\(error)")
        }
        try store.write { db in try db.execute(sql: "UPDATE plan_round SET day = 'Monday' WHERE round_id = 'mon-1'") }
        XCTAssertThrowsError(try store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 48))) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .corruptPlan, "\(error)")
        }
        try store.write { db in try db.execute(sql: "UPDATE plan SET mode = 'shared', week = 'W48'") }
        XCTAssertThrowsError(try store.plans()) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .corruptPlan)
            XCTAssertTrue("\(error)".contains("week 'W48'"), "\(error)")
        }
    }
}

extension RoundsStorePlansTests {
    func testAReadOnlyStoreWithoutPlansHasNone() throws {
        let path = directory.appendingPathComponent("old.sqlite").path
        let store = try RoundsStore(path: path, create: true)
        try store.write { db in
            try db.execute(sql: "DROP TABLE plan_visit; DROP TABLE plan_stop; DROP TABLE plan_round; DROP TABLE plan")
        }
        let reader = try RoundsStore(path: path, access: .read)
        XCTAssertNil(try reader.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 48)))
        XCTAssertEqual(try reader.plans(), [])
    }
}
