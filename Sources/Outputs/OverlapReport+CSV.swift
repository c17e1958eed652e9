import Foundation
import Works

extension OverlapReport {
    public static let csvHeader = [
        "key", "kind", "segment_id", "street", "length_m", "organisation_a", "task_a", "activity_a", "organisation_b",
        "task_b", "activity_b", "co_visits", "combinable", "saving_minutes", "saving_km", "saving_gbp",
        "saving_co2e_kg", "reason", "place", "street_group",
    ].joined(separator: ",")

    /// One row per finding (segment and pair of tasks), in the order found;
    /// the place and street group come last so older readers of the first
    /// columns keep working.
    public func csv() -> String {
        var out = Self.csvHeader + "\n"
        for o in findings {
            let a = o.first
            let b = o.second
            let street = self.street(of: o)
            out += CSV.row([
                o.key, o.kind.rawValue, String(o.segment), o.street, String(format: "%.1f", o.metres),
                a.organisation, a.taskID, a.activity, b.organisation, b.taskID, b.activity, String(o.coVisits),
                o.combinable ? "yes" : "no", String(format: "%.1f", o.saving.minutes),
                String(format: "%.3f", o.saving.km),
                String(format: "%.2f", o.saving.money), String(format: "%.2f", o.saving.co2eKg), o.reason,
                street?.location.label ?? "", street?.group.id ?? "",
            ])
        }
        return out
    }
}
