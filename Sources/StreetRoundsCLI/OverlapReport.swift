import Foundation
import Geometry
import Outputs
import Works

/// The three forms of the overlap report.
enum OverlapReport {
    /// Findings grouped by street: one line per street, kind and pair of tasks.
    static func text(_ findings: [Overlap], period: String, newOnly: Bool) -> String {
        let counts = Overlap.Kind.allCases.map { kind in "\(findings.filter { $0.kind == kind }.count) \(kind.rawValue)" }.joined(separator: ", ")
        let streets = Set(findings.map(\.street)).count
        var out = "\(newOnly ? "New overlaps" : "Overlaps") in \(period): \(findings.count) segment findings on \(streets) street\(streets == 1 ? "" : "s") (\(counts))\n"
        let total = findings.reduce(Overlap.Saving.zero) { $0 + $1.saving }
        out += "  merging them all would save about \(saving(total))\n"
        let byStreet = Dictionary(grouping: findings, by: \.street)
        for street in byStreet.keys.sorted() {
            let group = byStreet[street]!
            let segments = Set(group.map(\.segment))
            let km = segments.reduce(0.0) { sum, id in sum + (group.first { $0.segment == id }?.metres ?? 0) } / 1000
            out += "\(street) (\(segments.count) segment\(segments.count == 1 ? "" : "s"), \(Format.fixed(km, 2)) km)\n"
            let byPair = Dictionary(grouping: group) { f in "\(f.kind.rawValue)|" + f.parties.map { "\($0.organisation)|\($0.taskID)" }.joined(separator: "|") }
            for pairKey in byPair.keys.sorted() {
                let pair = byPair[pairKey]!
                let f = pair[0]
                let who = f.parties.map { "\($0.activity) by \($0.organisation) (\($0.taskID))" }.joined(separator: " and ")
                let sum = pair.reduce(Overlap.Saving.zero) { $0 + $1.saving }
                out += "  \(f.kind.rawValue): \(who) on \(pair.count) segment\(pair.count == 1 ? "" : "s"), \(f.coVisits) coinciding visit\(f.coVisits == 1 ? "" : "s") each; \(f.reason); saves about \(saving(sum))\n"
            }
        }
        return out
    }

    static func saving(_ s: Overlap.Saving) -> String {
        "\(Format.fixed(s.minutes / 60, 1)) crew hours, \(Format.fixed(s.km, 1)) km, £\(Format.fixed(s.money, 0)), \(Format.fixed(s.co2eKg, 1)) kg CO2e"
    }

    static func json(_ findings: [Overlap], period: String, start: Date, end: Date, newOnly: Bool) -> JSON {
        OverlapsJSON.json(findings, period: period, start: start, end: end, newOnly: newOnly)
    }

    static func csv(_ findings: [Overlap]) -> String {
        var out = "key,kind,segment_id,street,length_m,organisation_a,task_a,activity_a,organisation_b,task_b,activity_b,co_visits,combinable,saving_minutes,saving_km,saving_gbp,saving_co2e_kg,reason\n"
        func field(_ s: String) -> String { s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        for o in findings {
            let a = o.parties[0], b = o.parties[1]
            let cells = [o.key, o.kind.rawValue, String(o.segment), field(o.street), Format.fixed(o.metres, 1),
                         a.organisation, field(a.taskID), a.activity, b.organisation, field(b.taskID), b.activity, String(o.coVisits),
                         o.combinable ? "yes" : "no", Format.fixed(o.saving.minutes, 1), Format.fixed(o.saving.km, 3),
                         Format.fixed(o.saving.money, 2), Format.fixed(o.saving.co2eKg, 2), field(o.reason)]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}
