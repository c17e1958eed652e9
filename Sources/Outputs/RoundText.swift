import Foundation
import Planning
import Works

/// How a round reads to people and how it is known across re-plans: its
/// title, its activities, its stable key and its crew's colour. Cheap: O(stops).
public enum RoundText {
    /// "Sweeping and litter picking" from activity codes.
    public static func activities(_ codes: [String]) -> String {
        let words = codes.map { $0.replacingOccurrences(of: "_", with: " ") }
        guard let first = words.first else { return "Driving" }
        let head = first.prefix(1).uppercased() + first.dropFirst()
        switch words.count {
        case 1: return head
        case 2: return "\(head) and \(words[1])"
        default:
            return ([head] + words.dropFirst().dropLast()).joined(separator: ", ") + " and \(words[words.count - 1])"
        }
    }

    /// "Sweeping and litter picking: High Street, Market Place (TC-1)": the
    /// activities, the first streets served (and how many more), the crew.
    public static func title(_ round: Round, drawing: RoundDrawing) -> String {
        let codes = Array(Set(round.stops.flatMap(\.visit.activities))).sorted()
        var names: [String] = []
        for name in drawing.servedStreets(round) where !names.contains(name) { names.append(name) }
        let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
        let prefix = round.day == nil ? "Gritting stand-by" : activities(codes)
        return "\(prefix): \(shown.isEmpty ? "no streets" : shown) (\(round.crewLabel))"
    }

    /// A key for the round that survives a re-plan of the same week: the
    /// week, the day, the organisation, the crew (and whether an extra shift)
    /// and the round's place among that crew's rounds of the day by start
    /// time; never the solver's numbering. "2026-W48-mon-town-council-TC-1-1".
    public static func keys(_ rounds: [Round], week: ISOWeek) -> [String] {
        var byCrew: [String: [Int]] = [:]
        func group(_ r: Round) -> String {
            "\(week)-\(r.day?.code ?? "standby-\(r.depot)")-\(r.organisation)-\(r.crew)\(r.extraShift ? "-extra" : "")"
        }
        for (k, r) in rounds.enumerated() { byCrew[group(r), default: []].append(k) }
        var keys = Array(repeating: "", count: rounds.count)
        for (name, members) in byCrew {
            let ordered = members.sorted {
                (rounds[$0].startMinutes, rounds[$0].id) < (rounds[$1].startMinutes, rounds[$1].id)
            }
            for (n, k) in ordered.enumerated() { keys[k] = Self.safe("\(name)-\(n + 1)") }
        }
        return keys
    }

    /// Letters, digits, '-', '_' and '.' only (for UIDs and file names).
    static func safe(_ s: String) -> String {
        String(s.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
    }

    /// Distinct colours for up to twelve crews (D3's category10 and two
    /// darker hues; none grey, the colour of the other streets), then repeated.
    static let palette = [
        "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B",
        "#E377C2", "#17BECF", "#BCBD22", "#393B79", "#AD494A", "#637939"
    ]

    /// A colour per crew of the plan, the same for the same crews every run
    /// (by sorted crew key, "organisation/crew"): the weekday crews first,
    /// then the gritting crews from the start of the palette again (they are
    /// never drawn on the same map).
    public static func crewColours(_ plan: WeeklyPlan) -> [String: String] {
        func colours(_ rounds: [Round]) -> [String: String] {
            let crews = Array(Set(rounds.map(crewKey))).sorted()
            return Dictionary(uniqueKeysWithValues: crews.enumerated().map { ($1, palette[$0 % palette.count]) })
        }
        return colours(plan.rounds).merging(colours(plan.gritting)) { weekday, _ in weekday }
    }

    public static func crewKey(_ r: Round) -> String { "\(r.organisation)/\(r.crew)" }
}
