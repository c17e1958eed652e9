import Works

extension OverlapReport {
    /// Findings grouped by located street, then by kind and pair of tasks:
    /// one line per pair, however many segments it covers.
    public func text() -> String {
        let counts = Overlap.Kind.allCases.map { kind in
            "\(findings.filter { $0.kind == kind }.count) \(kind.rawValue)"
        }.joined(separator: ", ")
        let byStreet = Dictionary(grouping: findings) { groupOfSegment[$0.segment] ?? "segment \($0.segment)" }
        let streetCount = byStreet.count
        var out =
            "\(newOnly ? "New overlaps" : "Overlaps") in \(period.label): \(findings.count) segment findings on "
            + "\(streetCount) street\(streetCount == 1 ? "" : "s") (\(counts))\n"
        out += "  merging them all would save about \(Self.saving(findings.reduce(.zero) { $0 + $1.saving }))\n"
        let ordered = byStreet.map { key, group in (key: key, label: streetLabel(of: group[0]), findings: group) }
            .sorted { ($0.label, $0.key) < ($1.label, $1.key) }
        for street in ordered {
            var metres: [Int: Double] = [:]
            for f in street.findings { metres[f.segment] = f.metres }
            let km = metres.values.reduce(0, +) / 1000
            out += "\(street.label) (\(Self.count(metres.count, "segment")), \(String(format: "%.2f", km)) km)\n"
            out += pairLines(street.findings)
        }
        return out
    }

    /// One line per kind and pair of tasks on one street.
    private func pairLines(_ findings: [Overlap]) -> String {
        let byPair = Dictionary(grouping: findings) { f in
            ([f.kind.rawValue] + f.parties.flatMap { [$0.organisation, $0.taskID] }).joined(separator: "\u{0}")
        }
        var out = ""
        for pairKey in byPair.keys.sorted() {
            guard let pair = byPair[pairKey], let f = pair.first else { continue }
            let who = f.parties.map { "\($0.activity) by \($0.organisation) (\($0.taskID))" }.joined(separator: " and ")
            let sum = pair.reduce(Overlap.Saving.zero) { $0 + $1.saving }
            out +=
                "  \(f.kind.rawValue): \(who) on \(Self.count(pair.count, "segment")), "
                + "\(Self.count(f.coVisits, "coinciding visit")) each; \(f.reason); saves about \(Self.saving(sum))\n"
        }
        return out
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func saving(_ s: Overlap.Saving) -> String {
        String(format: "%.1f crew hours, %.1f km, £%.0f, %.1f kg CO2e", s.minutes / 60, s.km, s.money, s.co2eKg)
    }
}
