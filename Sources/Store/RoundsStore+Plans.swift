import Foundation
import GRDB
import Planning
import Works

/// One stored plan as `streetrounds plans list` shows it.
public struct StoredPlanSummary: Sendable, Equatable {
    public var id: Int
    public var week: ISOWeek
    public var mode: PlanMode
    public var createdAt: Date
    public var rounds: Int
    /// Task visits in its weekday rounds.
    public var taskVisits: Int
    public var seed: UInt64
    public var seconds: Double
    public var iterations: Int?

    /// How the audit trail names it: "plan 5 (2026-W49, shared)".
    public var auditName: String { "plan \(id) (\(week), \(mode.rawValue))" }
}

extension RoundsStore {
    /// Delivered plans: a plan row per week and mode, its rounds (crew,
    /// day, depot, start), their ordered stops (segment, direction) and the
    /// task visits in each stop. Segments are not foreign keys: a plan
    /// outlives a network re-import, and `PreviousPlan` checks the network's
    /// fingerprint instead.
    static func registerPlanMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("weekly-plans", migrate: createPlanTables)
        // A deleted plan's id is never given again (SQLite's AUTOINCREMENT): before, deleting the newest
        // plans gave their ids to the next ones, and a script holding an old id would delete a new plan.
        migrator.registerMigration("plan-ids-never-reused", migrate: rebuildPlanTable)
    }

    private static func createPlanTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE plan (
                    id INTEGER PRIMARY KEY,
                    week TEXT NOT NULL,
                    mode TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    seed TEXT NOT NULL,
                    seconds REAL NOT NULL,
                    iterations INTEGER,
                    network_fingerprint TEXT NOT NULL
                );
                CREATE INDEX plan_by_mode_week ON plan(mode, week, id);
                CREATE TABLE plan_round (
                    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    round_id TEXT NOT NULL,
                    organisation TEXT NOT NULL,
                    crew TEXT NOT NULL,
                    day INTEGER,
                    depot TEXT NOT NULL,
                    start_minutes INTEGER NOT NULL,
                    PRIMARY KEY (plan_id, position)
                );
                CREATE TABLE plan_stop (
                    plan_id INTEGER NOT NULL,
                    round_position INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    segment_id INTEGER NOT NULL,
                    reversed INTEGER NOT NULL,
                    PRIMARY KEY (plan_id, round_position, position),
                    FOREIGN KEY (plan_id, round_position) REFERENCES plan_round(plan_id, position) ON DELETE CASCADE
                );
                CREATE TABLE plan_visit (
                    plan_id INTEGER NOT NULL,
                    round_position INTEGER NOT NULL,
                    stop_position INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    organisation TEXT NOT NULL,
                    task_id TEXT NOT NULL,
                    activity TEXT NOT NULL,
                    PRIMARY KEY (plan_id, round_position, stop_position, position),
                    FOREIGN KEY (plan_id, round_position, stop_position)
                        REFERENCES plan_stop(plan_id, round_position, position) ON DELETE CASCADE
                );
                """)
    }

    /// The plan table rebuilt with AUTOINCREMENT, as SQLite asks; foreign keys are off during a migration,
    /// so the drop cascades to nothing, and they are checked once it is done.
    private static func rebuildPlanTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE plan_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    week TEXT NOT NULL,
                    mode TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    seed TEXT NOT NULL,
                    seconds REAL NOT NULL,
                    iterations INTEGER,
                    network_fingerprint TEXT NOT NULL
                );
                INSERT INTO plan_new SELECT id, week, mode, created_at, seed, seconds, iterations,
                    network_fingerprint FROM plan;
                DROP TABLE plan;
                ALTER TABLE plan_new RENAME TO plan;
                CREATE INDEX plan_by_mode_week ON plan(mode, week, id);
                """)
    }

    /// Saves delivered plans (a week's shared plan and its baseline), all in
    /// one transaction with `audit`'s line when given (made from the ids):
    /// everything lands, or nothing.
    /// - Returns: the plans' ids, in order.
    /// - Complexity: O(rounds + stops + task visits) inserts.
    @discardableResult
    public func savePlans(_ records: [PlanRecord], audit: (([Int]) -> AuditEntry)? = nil) throws -> [Int] {
        let stamp = ISO8601DateFormatter().string(from: Date())
        do {
            return try write { db in
                let ids = try records.map { try Self.insert($0, db) }
                if let audit { try Self.insert(audit(ids), at: stamp, db) }
                return ids
            }
        } catch {
            throw storeError(
                error, "save the plans",
                or: StoreError(
                    .writeFailed, "could not save the plans to \(path); nothing was changed (\(error))"))
        }
    }

    private static func insert(_ p: PlanRecord, _ db: Database) throws -> Int {
        try db.execute(
            sql: """
                INSERT INTO plan (week, mode, created_at, seed, seconds, iterations, network_fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                p.week.description, p.mode.rawValue, ISO8601DateFormatter().string(from: p.createdAt),
                String(p.seed), p.seconds, p.iterations, p.networkFingerprint
            ])
        let id = Int(db.lastInsertedRowID)
        let round = try db.makeStatement(
            sql: """
                INSERT INTO plan_round (plan_id, position, round_id, organisation, crew, day, depot, start_minutes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let stop = try db.makeStatement(
            sql: """
                INSERT INTO plan_stop (plan_id, round_position, position, segment_id, reversed) VALUES (?, ?, ?, ?, ?)
                """)
        let visit = try db.makeStatement(
            sql: """
                INSERT INTO plan_visit (plan_id, round_position, stop_position, position, organisation, task_id,
                                        activity)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for (k, r) in p.rounds.enumerated() {
            try round.execute(arguments: [
                id, k, r.id, r.organisation, r.crew, r.day?.rawValue, r.depot,
                r.startMinutes
            ])
            for (s, st) in r.stops.enumerated() {
                try stop.execute(arguments: [id, k, s, st.segment, st.reversed])
                for (v, part) in st.parts.enumerated() {
                    try visit.execute(arguments: [id, k, s, v, part.organisation, part.taskID, part.activity])
                }
            }
        }
        return id
    }

    /// Every stored plan, oldest week first, then in the order saved (none in
    /// a store opened read-only before its first plan was saved).
    public func plans() throws -> [StoredPlanSummary] {
        try read { db in
            guard try db.tableExists("plan") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM plan ORDER BY week, id").map { row in
                let head = try Self.head(row)
                let rounds =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM plan_round WHERE plan_id = ?",
                        arguments: [head.id]) ?? 0
                let visits =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM plan_visit v JOIN plan_round r
                            ON r.plan_id = v.plan_id AND r.position = v.round_position
                            WHERE v.plan_id = ? AND r.day IS NOT NULL
                            """, arguments: [head.id]) ?? 0
                return StoredPlanSummary(
                    id: head.id, week: head.record.week, mode: head.record.mode,
                    createdAt: head.record.createdAt, rounds: rounds, taskVisits: visits,
                    seed: head.record.seed, seconds: head.record.seconds,
                    iterations: head.record.iterations)
            }
        }
    }

    /// Deletes stored plans (with their rounds, stops and visits), all in one
    /// transaction with `audit`'s line; the week after then starts from the latest plan left.
    /// - Throws: `StoreError.notFound`, nothing deleted, when an id is not a stored plan.
    public func deletePlans(_ ids: [Int], audit: AuditEntry? = nil) throws {
        let stamp = ISO8601DateFormatter().string(from: Date())
        do {
            try write { db in
                let stored = Set(try Int.fetchAll(db, sql: "SELECT id FROM plan"))
                let missing = Set(ids).subtracting(stored).sorted()
                if !missing.isEmpty {
                    let named = missing.map(String.init).joined(separator: ", ")
                    throw StoreError(
                        .notFound,
                        "no stored plan\(missing.count > 1 ? "s" : "") \(named) in \(path); nothing was deleted "
                            + "(list them with 'streetrounds plans list --db \(path)')")
                }
                for id in Set(ids) { try db.execute(sql: "DELETE FROM plan WHERE id = ?", arguments: [id]) }
                if let audit { try Self.insert(audit, at: stamp, db) }
            }
        } catch {
            throw storeError(
                error, "delete plans",
                or: StoreError(.writeFailed, "could not delete plans from \(path); nothing was deleted (\(error))"))
        }
    }

    /// The plan a week starts from: of `mode`, the latest stored for the
    /// latest week up to `week` (the same week re-planned counts); nil when none.
    /// - Throws: `StoreError.corruptPlan` when the stored rows do not read as a plan.
    public func latestPlan(_ mode: PlanMode, upTo week: ISOWeek) throws -> PlanRecord? {
        try read { db in
            guard try db.tableExists("plan") else { return nil }
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT * FROM plan WHERE mode = ? AND week <= ? ORDER BY week DESC, id DESC LIMIT 1
                        """, arguments: [mode.rawValue, week.description])
            else { return nil }
            var head = try Self.head(row)
            head.record.rounds = try Self.rounds(of: head.id, head.record, db)
            return head.record
        }
    }
}
