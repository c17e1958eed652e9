import Foundation
import GRDB
import Works

extension RoundsStore {
    static func registerOverlapMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-overlaps-seen") { db in
            try db.execute(
                sql: """
                    CREATE TABLE overlap_seen (
                        key INTEGER PRIMARY KEY,  -- the finding's 64-bit key, as a signed integer
                        kind TEXT NOT NULL,
                        segment_id INTEGER NOT NULL,
                        first_reported_at TEXT NOT NULL
                    );
                    """)
        }
    }

    /// Runs `find` on the stored tasks, hands the findings whose key was
    /// never reported before to `deliver`, and records them as reported
    /// only when `deliver` returns: at-least-once reporting. When `deliver`
    /// throws (the report could not be written), nothing is recorded and its
    /// error is rethrown, so the next run reports the same findings again.
    ///
    /// All of it runs in one IMMEDIATE transaction: two runs at once are
    /// serialised by SQLite, so neither reports what the other reported nor
    /// loses what it recorded. A crash after delivery and before the commit
    /// reports the findings twice, never zero times.
    /// - Complexity: O(f log f) for f new findings, plus `find`.
    public func newOverlaps(
        at time: Date = Date(), _ find: ([StoredTask]) -> [Overlap],
        deliver: ([Overlap]) throws -> Void = { _ in }
    ) throws -> [Overlap] {
        let stamp = ISO8601DateFormatter().string(from: time)
        var deliveryFailure: Error?
        do {
            let fresh = try pool.writeWithoutTransaction { db in
                var fresh: [Overlap] = []
                try db.inTransaction(.immediate) {
                    let findings = find(try Self.fetchTasks(db, organisation: nil))
                    let seen = try Set(Int64.fetchAll(db, sql: "SELECT key FROM overlap_seen"))
                    fresh = findings.filter { !seen.contains(Int64(bitPattern: $0.keyValue)) }
                    do { try deliver(fresh) } catch {
                        deliveryFailure = error
                        return .rollback
                    }
                    try Self.record(fresh, at: stamp, db)
                    return .commit
                }
                return fresh
            }
            if let deliveryFailure { throw deliveryFailure }
            return fresh
        } catch {
            if let deliveryFailure { throw deliveryFailure }
            throw storeError(
                error, "record the overlaps reported",
                or: StoreError(
                    .writeFailed,
                    "could not record the overlaps reported in \(path); nothing was recorded (\(error))"))
        }
    }

    /// Records findings as reported, in key order: appending to the B-tree
    /// is far cheaper than inserting at random.
    private static func record(_ findings: [Overlap], at stamp: String, _ db: Database) throws {
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO overlap_seen (key, kind, segment_id, first_reported_at) VALUES (?, ?, ?, ?)
                """)
        for finding in findings.sorted(by: { Int64(bitPattern: $0.keyValue) < Int64(bitPattern: $1.keyValue) }) {
            let key = Int64(bitPattern: finding.keyValue)
            try insert.execute(arguments: [key, finding.kind.rawValue, finding.segment, stamp])
        }
    }

    /// Runs `find` on the stored tasks (read only).
    public func overlaps(_ find: ([StoredTask]) -> [Overlap]) throws -> [Overlap] {
        try read { db in find(try Self.fetchTasks(db, organisation: nil)) }
    }
}
