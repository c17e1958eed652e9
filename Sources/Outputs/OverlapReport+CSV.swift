import Foundation
import Works

extension OverlapReport {
    public static let csvHeader = [
        "key", "kind", "segment_id", "street", "length_m", "organisation_a", "task_a", "activity_a", "organisation_b",
        "task_b", "activity_b", "co_visits", "combinable", "saving_minutes", "saving_km", "saving_gbp",
        "saving_co2e_kg", "reason", "place", "street_group"
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
            let text = [o.street, a.organisation, a.taskID, a.activity, b.organisation, b.taskID, b.activity]
                .map(CSVText.cell)
            out +=
                CSVText.line([
                    CSVText.cell(o.key), o.kind.rawValue, String(o.segment), text[0],
                    CSVText.number(o.metres, digits: 1),
                    text[1], text[2], text[3], text[4], text[5], text[6], String(o.coVisits),
                    o.combinable ? "yes" : "no", CSVText.number(o.saving.minutes, digits: 1),
                    CSVText.number(o.saving.km, digits: 3), CSVText.number(o.saving.money, digits: 2),
                    CSVText.number(o.saving.co2eKg, digits: 2), CSVText.cell(o.reason),
                    CSVText.cell(street?.location.label ?? ""), CSVText.cell(street?.group.id ?? "")
                ]) + "\n"
        }
        return out
    }
}
