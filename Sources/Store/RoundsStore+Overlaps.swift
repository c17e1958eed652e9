import Foundation
import GRDB
import Works

extension RoundsStore {
    static func registerOverlapMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-overlaps-seen") { db in
            try db.execute(sql: """
                CREATE TABLE overlap_seen (
                    key TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    segment_id INTEGER NOT NULL,
                    first_reported_at TEXT NOT NULL,
                    last_seen_at TEXT NOT NULL
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
                    let seen = try Set(String.fetchAll(db, sql: "SELECT key FROM overlap_seen"))
                    let touch = try db.makeStatement(sql: "UPDATE overlap_seen SET last_seen_at = ? WHERE key = ?")
                    let insert = try db.makeStatement(sql: "INSERT INTO overlap_seen (key, kind, segment_id, first_reported_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")
                    for finding in findings {
                        if seen.contains(finding.key) {
                            try touch.execute(arguments: [stamp, finding.key])
                        } else {
                            try insert.execute(arguments: [finding.key, finding.kind.rawValue, finding.segment, stamp, stamp])
                            fresh.append(finding)
                        }
                    }
                    return .commit
                }
                return fresh
            }
        } catch {
            throw StoreError(.writeFailed, "could not record the overlaps reported in \(path); nothing was recorded (\(error))")
        }
    }

    /// Runs `find` on the stored tasks (read only).
    public func overlaps(_ find: ([StoredTask]) -> [Overlap]) throws -> [Overlap] {
        try read { db in find(try Self.fetchTasks(db, organisation: nil)) }
    }
}
