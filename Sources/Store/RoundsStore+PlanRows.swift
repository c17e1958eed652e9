import Foundation
import GRDB
import Planning
import Works

/// Reading stored plans back, checking every field: a damaged row gives a
/// `StoreError.corruptPlan` naming the plan, the round and the field.
extension RoundsStore {
    /// A plan row read, its rounds not yet.
    struct PlanHead {
        var id: Int
        var record: PlanRecord
    }

    static func head(_ row: Row) throws -> PlanHead {
        let id: Int = try field(row, "id", plan: "?")
        let tag = "\(id)"
        func bad(_ what: String) -> StoreError {
            StoreError(.corruptPlan, "stored plan \(id) is damaged: \(what); plan with --fresh, which stores a new one")
        }
        let weekText: String? = try field(row, "week", plan: tag)
        let modeText: String? = try field(row, "mode", plan: tag)
        let created: String? = try field(row, "created_at", plan: tag)
        let seedText: String? = try field(row, "seed", plan: tag)
        guard let week = weekText.flatMap(ISOWeek.init(parsing:)) else { throw bad("week '\(weekText ?? "")'") }
        guard let mode = modeText.flatMap(PlanMode.init(rawValue:)) else { throw bad("mode '\(modeText ?? "")'") }
        guard let createdAt = created.flatMap({ ISO8601DateFormatter().date(from: $0) }) else {
            throw bad("created_at '\(created ?? "")'")
        }
        guard let seed = seedText.flatMap({ UInt64($0) }) else { throw bad("seed '\(seedText ?? "")'") }
        let seconds: Double? = try field(row, "seconds", plan: tag)
        let fingerprint: String? = try field(row, "network_fingerprint", plan: tag)
        guard let seconds, seconds.isFinite, let fingerprint else { throw bad("seconds or network fingerprint") }
        let record = PlanRecord(
            week: week, mode: mode, createdAt: createdAt, seed: seed, seconds: seconds,
            iterations: try field(row, "iterations", plan: tag), networkFingerprint: fingerprint,
            rounds: [])
        return PlanHead(id: id, record: record)
    }

    static func rounds(of id: Int, _ record: PlanRecord, _ db: Database) throws -> [PlanRecord.RoundRecord] {
        let tag = "\(id)"
        func bad(_ what: String) -> StoreError {
            StoreError(
                .corruptPlan,
                "stored \(record.mode.rawValue) plan \(id) of \(record.week) is damaged: \(what); "
                    + "plan with --fresh, which stores a new one")
        }
        let parts = try visitParts(of: id, db)
        var stops: [Int: [PlanRecord.Stop]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT round_position, position, segment_id, reversed FROM plan_stop WHERE plan_id = ?
                ORDER BY round_position, position
                """, arguments: [id])
        {
            let k: Int = try field(row, "round_position", plan: tag)
            let s: Int = try field(row, "position", plan: tag)
            let segment: Int = try field(row, "segment_id", plan: tag)
            guard segment >= 0 else { throw bad("round \(k) stop \(s) names segment \(segment)") }
            let reversed: Bool = try field(row, "reversed", plan: tag)
            stops[k, default: []].append(
                PlanRecord.Stop(
                    segment: segment, reversed: reversed,
                    parts: parts[StopPosition(round: k, stop: s)] ?? []))
        }
        return try Row.fetchAll(
            db, sql: "SELECT * FROM plan_round WHERE plan_id = ? ORDER BY position",
            arguments: [id]
        ).map { row in
            let k: Int = try field(row, "position", plan: tag)
            let dayNumber: Int? = try field(row, "day", plan: tag)
            let start: Int = try field(row, "start_minutes", plan: tag)
            var day: Weekday?
            if let dayNumber {
                guard let d = Weekday(rawValue: dayNumber) else {
                    throw bad("round \(k) has day \(dayNumber), not an ISO weekday 1-7")
                }
                day = d
            }
            // A night crew's later round may start after midnight: up to the end of the next day.
            guard (0..<(2 * 24 * 60)).contains(start) else { throw bad("round \(k) starts at minute \(start)") }
            return PlanRecord.RoundRecord(
                id: try field(row, "round_id", plan: tag),
                organisation: try field(row, "organisation", plan: tag),
                crew: try field(row, "crew", plan: tag), day: day,
                depot: try field(row, "depot", plan: tag), startMinutes: start,
                stops: stops[k] ?? [])
        }
    }

    /// Where a stop sits in a stored plan: its round's and its own position.
    private struct StopPosition: Hashable {
        var round: Int
        var stop: Int
    }

    /// The visit parts of a stored plan, by stop position, each stop's parts in order.
    private static func visitParts(of id: Int, _ db: Database) throws -> [StopPosition: [PlannedVisit.Part]] {
        let tag = "\(id)"
        var parts: [StopPosition: [PlannedVisit.Part]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT round_position, stop_position, organisation, task_id, activity FROM plan_visit
                WHERE plan_id = ? ORDER BY round_position, stop_position, position
                """, arguments: [id])
        {
            let k: Int = try field(row, "round_position", plan: tag)
            let s: Int = try field(row, "stop_position", plan: tag)
            parts[StopPosition(round: k, stop: s), default: []].append(
                PlannedVisit.Part(
                    organisation: try field(row, "organisation", plan: tag),
                    taskID: try field(row, "task_id", plan: tag), activity: try field(row, "activity", plan: tag)))
        }
        return parts
    }

    /// A column's value, or a `corruptPlan` error naming it (never a crash on a damaged row).
    static func field<T: DatabaseValueConvertible>(_ row: Row, _ column: String, plan: String) throws -> T {
        do {
            return try row.decode(T.self, forColumn: column)
        } catch {
            throw StoreError(
                .corruptPlan,
                "stored plan \(plan) is damaged: its \(column) does not read "
                    + "(\(row[column] as DatabaseValue)); plan with --fresh, which stores a new one")
        }
    }
}
