import Foundation
import GRDB
import Geometry
import JSON
import StreetNetwork
import Works

/// One accepted submission of a task list.
public struct TaskSubmission: Sendable, Equatable {
    public var id: Int
    public var organisation: String
    public var submittedAt: String
    public var fileName: String
    public var taskCount: Int
    public var checksum: String
}

/// A stored task with the segments it was matched to.
public struct StoredTask: Sendable, Equatable {
    public var task: StreetTask
    public var segments: [MatchedSegment]
    public var submission: Int

    /// The task and its segment ids, as planning and overlap finding take them.
    public var matched: MatchedTask { MatchedTask(task: task, segments: segments.map(\.segment)) }
}

extension RoundsStore {
    static func registerTaskMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-task-lists") { db in
            try db.execute(
                sql: """
                    CREATE TABLE task_submission (
                        id INTEGER PRIMARY KEY,
                        organisation TEXT NOT NULL,
                        submitted_at TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        task_count INTEGER NOT NULL,
                        checksum TEXT NOT NULL
                    );
                    CREATE TABLE task (
                        organisation TEXT NOT NULL,
                        task_id TEXT NOT NULL,
                        submission_id INTEGER NOT NULL REFERENCES task_submission(id),
                        feature_index INTEGER NOT NULL,
                        activity TEXT NOT NULL,
                        frequency TEXT NOT NULL,
                        season_from TEXT,
                        season_to TEXT,
                        weekdays TEXT NOT NULL,
                        hours TEXT,
                        usrn TEXT,
                        service_minutes REAL,
                        priority INTEGER,
                        notes TEXT,
                        street TEXT,
                        geometry TEXT,
                        PRIMARY KEY (organisation, task_id)
                    );
                    CREATE TABLE task_segment (
                        organisation TEXT NOT NULL,
                        task_id TEXT NOT NULL,
                        segment_id INTEGER NOT NULL REFERENCES segment(id),
                        shared_m REAL NOT NULL,
                        PRIMARY KEY (organisation, task_id, segment_id),
                        FOREIGN KEY (organisation, task_id) REFERENCES task(organisation, task_id) ON DELETE CASCADE
                    );
                    CREATE INDEX task_segment_by_segment ON task_segment(segment_id);
                    """)
        }
    }

    /// Fortnightly and monthly tasks' week of their cycle (`StreetTask.cycleWeek`); NULL = 1, as before.
    static func registerCycleWeekMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("task-cycle-week") { db in
            try db.execute(sql: "ALTER TABLE task ADD COLUMN cycle_week INTEGER")
        }
    }

    /// Replaces the organisation's task list, in one transaction, and records
    /// the submission (when, file, task count, checksum) in the history and,
    /// when given, `audit` (who) in the audit trail, in the same transaction.
    /// - Parameter networkVersion: the version of the network `matches` were made against
    ///   (`loadVersionedNetwork`); checked inside the write transaction, so tasks are never stored under a
    ///   network imported after they were matched.
    /// - Returns: the submission recorded.
    /// - Throws: `StoreError.networkChanged` when the network is no longer that version.
    @discardableResult
    public func submit(
        _ list: TaskList, matches: [String: [MatchedSegment]], fileName: String, checksum: String,
        networkVersion: Int? = nil, audit: AuditEntry? = nil,
        at time: Date = Date()
    ) throws -> TaskSubmission {
        let stamp = ISO8601DateFormatter().string(from: time)
        do {
            return try write { db in
                if let networkVersion {
                    let current = try Int.fetchOne(db, sql: "SELECT version FROM network WHERE id = 1")
                    guard current == networkVersion else {
                        throw StoreError(
                            .networkChanged,
                            "the street network in \(path) was replaced while the task "
                                + "list of \(list.organisation) was being matched to it; nothing was stored: "
                                + "submit the list again")
                    }
                }
                try db.execute(sql: "DELETE FROM task WHERE organisation = ?", arguments: [list.organisation])
                try db.execute(
                    sql: """
                        INSERT INTO task_submission (organisation, submitted_at, file_name, task_count, checksum)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [list.organisation, stamp, fileName, list.tasks.count, checksum])
                let submission = Int(db.lastInsertedRowID)
                try Self.insertTasks(of: list, matches: matches, submission: submission, db)
                if var audit {
                    audit.submission = submission
                    try Self.insert(audit, at: stamp, db)
                }
                return TaskSubmission(
                    id: submission, organisation: list.organisation, submittedAt: stamp, fileName: fileName,
                    taskCount: list.tasks.count, checksum: checksum)
            }
        } catch {
            throw storeError(
                error, "store the task list of \(list.organisation)",
                or: StoreError(
                    .writeFailed,
                    "could not store the task list of \(list.organisation) in \(path); nothing was changed (\(error))"))
        }
    }

    /// Inserts the tasks of `list` as rows of `submission`, each with its matched segments.
    private static func insertTasks(
        of list: TaskList, matches: [String: [MatchedSegment]], submission: Int, _ db: Database
    ) throws {
        let insertTask = try db.makeStatement(
            sql: """
                INSERT INTO task (organisation, task_id, submission_id, feature_index, activity, frequency,
                                  season_from, season_to, weekdays, hours, usrn, service_minutes, priority,
                                  notes, street, geometry, cycle_week)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertSegment = try db.makeStatement(
            sql: "INSERT INTO task_segment (organisation, task_id, segment_id, shared_m) VALUES (?, ?, ?, ?)")
        for t in list.tasks {
            try insertTask.execute(arguments: [
                t.organisation, t.taskID, submission, t.featureIndex, t.activity, t.frequency.description,
                t.season?.from.description, t.season?.to.description,
                t.weekdays.map(\.code).joined(separator: ","),
                t.hours?.description, t.usrn, t.serviceMinutes, t.priority, t.notes, t.street,
                t.geometry.map(TaskGeometry.encode), t.cycleWeek
            ])
            for m in matches[t.taskID] ?? [] {
                try insertSegment.execute(arguments: [t.organisation, t.taskID, m.segment, m.sharedMetres])
            }
        }
    }

    /// Every submission, oldest first; one organisation's when given.
    public func submissions(organisation: String? = nil) throws -> [TaskSubmission] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM task_submission WHERE ?1 IS NULL OR organisation = ?1 ORDER BY id",
                arguments: [organisation]
            ).map {
                TaskSubmission(
                    id: $0["id"], organisation: $0["organisation"], submittedAt: $0["submitted_at"],
                    fileName: $0["file_name"],
                    taskCount: $0["task_count"], checksum: $0["checksum"])
            }
        }
    }

    /// The stored tasks with their segments, by organisation then task id.
    public func tasks(organisation: String? = nil) throws -> [StoredTask] {
        try read { db in try Self.fetchTasks(db, organisation: organisation) }
    }

    static func fetchTasks(_ db: Database, organisation: String?) throws -> [StoredTask] {
        var segments: [String: [MatchedSegment]] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT * FROM task_segment WHERE ?1 IS NULL OR organisation = ?1 ORDER BY segment_id",
            arguments: [organisation])
        while let row = try rows.next() {
            segments[(row["organisation"] as String) + "\u{0}" + (row["task_id"] as String), default: []]
                .append(MatchedSegment(segment: row["segment_id"], sharedMetres: row["shared_m"]))
        }
        return try Row.fetchAll(
            db, sql: "SELECT * FROM task WHERE ?1 IS NULL OR organisation = ?1 ORDER BY organisation, task_id",
            arguments: [organisation]
        ).map { row in
            let org: String = row["organisation"]
            let id: String = row["task_id"]
            var season: Season?
            if let from = (row["season_from"] as String?).flatMap(Season.MonthDay.init(parsing:)),
                let to = (row["season_to"] as String?).flatMap(Season.MonthDay.init(parsing:))
            {
                season = Season(from: from, to: to)
            }
            let task = StreetTask(
                organisation: org, taskID: id, activity: row["activity"],
                frequency: Frequency(parsing: row["frequency"]) ?? .weekly,
                season: season,
                weekdays: (row["weekdays"] as String).split(separator: ",").compactMap { Weekday(parsing: String($0)) },
                hours: (row["hours"] as String?).flatMap(TimeWindow.init(parsing:)), usrn: row["usrn"], segmentIDs: nil,
                serviceMinutes: row["service_minutes"], priority: row["priority"], notes: row["notes"],
                street: row["street"],
                geometry: (row["geometry"] as String?).flatMap(TaskGeometry.decode), featureIndex: row["feature_index"],
                cycleWeek: row["cycle_week"]
            )
            return StoredTask(
                task: task, segments: segments[org + "\u{0}" + id] ?? [], submission: row["submission_id"])
        }
    }
}

/// Task geometry as stored: its GeoJSON text, WGS84 as submitted.
enum TaskGeometry {
    static func encode(_ g: GeoJSONGeometry) -> String { g.json.serialized() }

    static func decode(_ text: String) -> GeoJSONGeometry? {
        (try? JSONParser.parse(text)).flatMap { try? GeoJSONGeometry(json: $0) }
    }
}
