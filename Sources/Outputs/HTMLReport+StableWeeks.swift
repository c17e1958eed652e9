import Planning

/// The report's stable-week paragraph and fair-shares table.
extension HTMLReport {
    /// How many visits kept their crew and day since the stored week, and
    /// what that cost against a fresh plan when one was made; "" when the
    /// week was planned fresh.
    static func stableWeekSection(_ report: StableWeekReport?) -> String {
        guard let report else { return "" }
        let s = report.stability
        var h = "<p>Stable week: \(NumberText.fixed(s.share * 100, 1))% of the \(s.common) task visits also in "
        h += "\(s.previousWeek) kept their crew and day (\(NumberText.fixed(s.dayShare * 100, 1))% their day); "
        h += "\(NumberText.fixed(s.orderShare * 100, 1))% of the \(s.orderCommon) on the same day kept their place in "
        h += "the round (the same street before them)."
        if let cost = report.extraCostText {
            h += " Against a fresh plan with the same budget, stability costs \(cost)"
            h +=
                report.freshStability.map {
                    "; the fresh plan would keep \(NumberText.fixed($0.share * 100, 1))% on crew and day, "
                        + "\(NumberText.fixed($0.orderShare * 100, 1))% in place."
                }
                ?? "."
        }
        return h + "</p>\n"
    }

    /// The Shapley shares beside the proportional ones; "" when not computed.
    static func fairSharesSection(_ savings: Savings) -> String {
        guard let shapley = savings.shapley else { return "" }
        let proportional = Dictionary(savings.shares.map { ($0.organisation, $0.money) }) { a, _ in a }
        var h = "<h3>Fair shares (Shapley value)</h3>\n<div class=\"scroll\"><table><tr><th>partner</th>"
        h += "<th>cost alone (£)</th><th>fair share of the saving (£)</th><th>proportional share (£)</th></tr>\n"
        for p in shapley.shares {
            h += "<tr><td>\(HTMLText.escape(p.organisation))</td><td>\(NumberText.fixed(p.aloneCost, 0))</td>"
            let split = proportional[p.organisation] ?? 0
            h += "<td>\(NumberText.fixed(p.saving, 0))</td><td>\(NumberText.fixed(split, 0))</td></tr>\n"
        }
        return h + "</table></div>\n<p>\(HTMLText.escape(FairSharesText.rule(shapley)))</p>\n"
    }
}
