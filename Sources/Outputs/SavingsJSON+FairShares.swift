import JSON
import Planning

/// savings.json's fair shares: the Shapley value per partner beside the
/// proportional split, with how it was computed and what it cost.
extension SavingsJSON {
    /// `json` with "fair_shares" and an assumption about them added, when
    /// the savings carry Shapley shares; unchanged otherwise.
    static func withFairShares(_ json: JSON, _ s: Savings) -> JSON {
        guard let shapley = s.shapley, var members = json.object else { return json }
        var fair: [String: JSON] = [
            "method": .string(shapley.samples == nil ? "exact" : "sampled"),
            "total_saving_gbp": .number(r(shapley.totalSaving)),
            "coalition_costs": .number(Double(shapley.coalitionsCosted)),
            "shares": .array(
                shapley.shares.map {
                    [
                        "organisation": .string($0.organisation), "cost_alone_gbp": .number(r($0.aloneCost)),
                        "money_gbp": .number(r($0.saving))
                    ]
                })
        ]
        if let samples = shapley.samples { fair["samples"] = .number(Double(samples)) }
        if let budget = shapley.budget {
            fair["coalition_plans"] = .number(Double(budget.plans))
            // One budget or the other: under --iterations the seconds bound nothing.
            if let iterations = budget.iterationsPerJob {
                fair["iterations_per_job"] = .number(Double(iterations))
            } else {
                fair["seconds_per_plan"] = .number(r(budget.secondsPerPlan))
            }
        }
        members["fair_shares"] = .object(fair)
        members["assumptions"] = .array((json["assumptions"]?.array ?? []) + [.string(FairSharesText.rule(shapley))])
        return .object(members)
    }
}

/// How fair shares are described to people, once for JSON and the report.
public enum FairSharesText {
    public static func rule(_ shapley: ShapleyShares) -> String {
        let how =
            shapley.samples.map { "estimated from \($0) random orders of the partners (seeded)" }
            ?? "exact, over every coalition of partners"
        let budget =
            shapley.budget.map { b in
                "; \(b.plans) coalition plans, each with "
                    + (b.iterationsPerJob.map { "\($0) solver iterations per job" }
                        ?? "\(NumberText.fixed(b.secondsPerPlan, 2)) s")
            } ?? ""
        return "Fair shares (Shapley value): each partner's average extra saving when it joins the others, over "
            + "every order in which they could join; a partner alone costs its baseline rounds, all together the "
            + "shared plan, the coalitions between are planned by the same rules with a reduced budget; \(how)"
            + "\(budget). The shares add up to the total saving."
    }
}
