import Foundation
import Planning
import Store
import StreetNetwork
import Works

/// `plan`'s stable weeks and fair shares: where the week starts from, the
/// fresh comparison, the Shapley shares, and storing what was delivered.
extension PlanCommand {
    /// The latest stored plans up to `week`, checked against `network` (none with --fresh).
    func stableStart(_ store: RoundsStore, network: StreetNetwork, week: ISOWeek) throws -> StableStart {
        guard !fresh else { return StableStart() }
        return try failing { try StableStart(network: network) { try store.latestPlan($0, upTo: week) } }
    }

    /// The stability against the stored week and, with --compare-fresh,
    /// the same week planned from scratch with the same budget.
    func stableWeekReport(_ start: StableStart, shared: WeeklyPlan, planFresh: () throws -> WeeklyPlan) throws
        -> StableWeekReport?
    {
        guard let previous = start.shared else { return nil }
        let fresh = compareFresh ? try planFresh() : nil
        return StableWeekReport(
            stability: PlanStability(previous: previous.record, plan: shared),
            stable: shared.totals, fresh: fresh?.totals,
            freshStability: fresh.map { PlanStability(previous: previous.record, plan: $0) })
    }

    /// The Shapley shares, with --shapley.
    func fairShares(
        _ planner: WeeklyPlanner, tasks: [MatchedTask], options: PlanOptions, shared: WeeklyPlan,
        baseline: WeeklyPlan, progress: @escaping (String) -> Void
    ) throws -> ShapleyShares? {
        guard shapley else { return nil }
        let budget = CoalitionBudget(
            partners: planner.registry.ids.count, samples: shapleySamples,
            totalSeconds: shapleySeconds ?? seconds, iterations: options.iterations)
        return try failing {
            try planner.shapley(
                tasks, options: options, shared: shared, baseline: baseline, budget: budget,
                samples: shapleySamples, progress: progress)
        }
    }

    /// The summary lines on stability and fair shares.
    func printStableWeek(_ report: StableWeekReport?, shapley: ShapleyShares?) {
        if let report {
            let s = report.stability
            var line =
                "  stable week: \(Format.fixed(s.share * 100, 1))% of \(s.common) task visits also in "
                + "\(s.previousWeek) kept crew and day (\(Format.fixed(s.dayShare * 100, 1))% their day), "
                + "\(Format.fixed(s.orderShare * 100, 1))% of \(s.orderCommon) on the same day kept their place "
                + "in the round (the same street before them)"
            if let cost = report.extraCostText {
                line += "; against a fresh plan with the same budget it costs \(cost)"
                if let kept = report.freshStability {
                    line +=
                        "; the fresh plan would keep \(Format.fixed(kept.share * 100, 1))% on crew and day, "
                        + "\(Format.fixed(kept.orderShare * 100, 1))% in place"
                }
            }
            print(line)
        } else if fresh {
            print("  planned fresh (--fresh): the stored weeks were not used")
        }
        if let shapley {
            let how = shapley.samples.map { "sampled, \($0) orders" } ?? "exact"
            print(
                "  fair shares (Shapley, \(how), \(shapley.budget?.plans ?? 0) coalition plans): "
                    + shapley.shares.map { "\($0.organisation) £\(Format.fixed($0.saving, 0))" }
                    .joined(separator: ", "))
        }
    }

    /// Stores the delivered plans (after the outputs are written), in one
    /// transaction, through a store opened for writing only now: planning
    /// itself reads the store read-only.
    func storePlans(_ plans: [WeeklyPlan], network: StreetNetwork) throws {
        let now = Date()
        let records = plans.map { PlanRecord($0, network: network, createdAt: now) }
        let week = plans.first.map { "\($0.week)" } ?? ""
        let audit = { (ids: [Int]) in
            AuditEntry(
                actor: "cli", organisation: nil, action: "plan.stored",
                detail: "\(week): stored as plans \(ids.map(String.init).joined(separator: ", "))")
        }
        let ids = try failing { try RoundsStore(path: db, access: .write).savePlans(records, audit: audit) }
        print("  stored as plans \(ids.map(String.init).joined(separator: ", ")) (streetrounds plans list --db \(db))")
    }
}
