import Foundation
import GRDB
import Works

extension RoundsStore {
    static func registerOverlapMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-overlaps-seen") { db in
            try db.execute(sql: """
                CREATE TABLE overlap_seen (
                    key INTEGER PRIMARY KEY,  -- the finding's 64-bit key, as a signed integer
                    kind TEXT NOT NULL,
                    segment_id INTEGER NOT NULL,
                    first_reported_at TEXT NOT NULL
                );
                """)
        }
    }

    /// Runs `find` on the stored tasks and returns the findings whose key was
    /// never reported before, recording them, all in one IMMEDIATE
    /// transaction: two runs at once are serialised by SQLite, so neither
    /// reports twice nor loses what the other recorded.
    public func newOverlaps(at time: Date = Date(), _ find: ([StoredTask]) -> [Overlap]) throws -> [Overlap] {
        let stamp = ISO8601DateFormatter().string(from: time)
        do {
            return try pool.writeWithoutTransaction { db in
                var fresh: [Overlap] = []
                try db.inTransaction(.immediate) {
                    let findings = find(try Self.fetchTasks(db, organisation: nil))
                    let seen = try Set(Int64.fetchAll(db, sql: "SELECT key FROM overlap_seen"))
                    let insert = try db.makeStatement(sql: "INSERT INTO overlap_seen (key, kind, segment_id, first_reported_at) VALUES (?, ?, ?, ?)")
                    fresh = findings.filter { !seen.contains(Int64(bitPattern: $0.keyValue)) }
                    // In key order: appending to the B-tree is far cheaper than inserting at random.
                    for finding in fresh.sorted(by: { Int64(bitPattern: $0.keyValue) < Int64(bitPattern: $1.keyValue) }) {
                        try insert.execute(arguments: [Int64(bitPattern: finding.keyValue), finding.kind.rawValue, finding.segment, stamp])
                    }
                    return .commit
                }
                return fresh
            }
        } catch {
            throw storeError(error, "record the overlaps reported", or: StoreError(.writeFailed,
                "could not record the overlaps reported in \(path); nothing was recorded (\(error))"))
        }
    }

    /// Runs `find` on the stored tasks (read only).
    public func overlaps(_ find: ([StoredTask]) -> [Overlap]) throws -> [Overlap] {
        try read { db in find(try Self.fetchTasks(db, organisation: nil)) }
    }
}
