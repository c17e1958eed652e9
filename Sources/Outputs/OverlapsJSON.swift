import Foundation
import Geometry
import Works

/// Overlap findings as JSON for machines: the `overlaps --format json`
/// report of the CLI and the partners' service's overlaps.
public enum OverlapsJSON {
    /// - Parameters:
    ///   - period: a label ("2026-W48", or "FROM to TO").
    ///   - newOnly: whether only never-reported findings are listed.
    public static func json(_ findings: [Overlap], period: String, start: Date, end: Date, newOnly: Bool) -> JSON {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return [
            "period": ["label": .string(period), "from": .string(f.string(from: start)),
                       "to": .string(f.string(from: end))],
            "new_only": .bool(newOnly),
            "findings": .array(findings.map(finding)),
        ]
    }

    static func finding(_ o: Overlap) -> JSON {
        [
            "key": .string(o.key), "kind": .string(o.kind.rawValue),
            "segment": ["id": .number(Double(o.segment)), "street": .string(o.street),
                        "length_m": .number((o.metres * 10).rounded() / 10)],
            "organisations": .array(o.parties.map { .string($0.organisation) }),
            "activities": .array(o.parties.map { .string($0.activity) }),
            "task_ids": .array(o.parties.map { .string($0.taskID) }),
            "visits": .array(o.parties.map { .number(Double($0.visits)) }),
            "co_visits": .number(Double(o.coVisits)), "combinable": .bool(o.combinable), "reason": .string(o.reason),
            "saving": ["minutes": .number(round3(o.saving.minutes)), "km": .number(round3(o.saving.km)),
                       "money_gbp": .number(round3(o.saving.money)), "co2e_kg": .number(round3(o.saving.co2eKg))],
        ]
    }

    private static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
