import Foundation
import Geometry
import JSON
import Planning
import Works

/// savings.json: both plans' totals, the savings and their split (and the
/// fair shares, when computed), the visits each plan left unplaced, the
/// shared plan's order rules broken within a day, and every assumption
/// written out.
public enum SavingsJSON {
    public static func json(
        _ s: Savings, shared: WeeklyPlan, baseline: WeeklyPlan, week: ISOWeek, seconds: Double, seed: UInt64
    ) -> JSON {
        func totals(_ t: PlanTotals) -> JSON {
            [
                "rounds": .number(Double(t.rounds)), "km": .number(r(t.km)), "deadhead_km": .number(r(t.deadheadKm)),
                "crew_hours": .number(r(t.crewHours)),
                "money_gbp": .number(r(t.money)), "co2e_kg": .number(r(t.co2eKg)),
                "street_visits": .number(Double(t.streetVisits))
            ]
        }
        let json: JSON = [
            "week": .string(week.description),
            "baseline": totals(s.baseline),
            "shared": totals(s.shared),
            "savings": [
                "km": .number(r(s.km)), "deadhead_km": .number(r(s.deadheadKm)), "crew_hours": .number(r(s.crewHours)),
                "money_gbp": .number(r(s.money)), "co2e_kg": .number(r(s.co2eKg)),
                "street_visits": .number(Double(s.streetVisits))
            ],
            "split": .array(
                s.shares.map { p in
                    [
                        "organisation": .string(p.organisation), "baseline_money_gbp": .number(r(p.baselineMoney)),
                        "fraction": .number((p.fraction * 10_000).rounded() / 10_000),
                        "money_gbp": .number(r(p.money)), "crew_hours": .number(r(p.crewHours)), "km": .number(r(p.km)),
                        "co2e_kg": .number(r(p.co2eKg))
                    ]
                }),
            "unplaced_visits": [
                "shared": .number(Double(s.undone.shared)), "baseline": .number(Double(s.undone.baseline))
            ],
            "like_for_like": .bool(s.unequalWork == nil),
            "unequal_work": s.unequalWork.map(JSON.string) ?? .null,
            "order_conflicts": orderConflicts(shared.orderConflicts),
            "assumptions": .array(
                assumptions(seconds: seconds, iterations: shared.options.iterations, seed: seed).map { JSON.string($0) }
            )
        ]
        return withFairShares(json, s)
    }

    /// One object per order rule broken within a day: `segment_id` as in
    /// schedule.csv, the day as task lists write it (`wed`).
    static func orderConflicts(_ conflicts: [OrderConflict]) -> JSON {
        .array(
            conflicts.map { c in
                [
                    "day": .string(c.day.code), "segment_id": .number(Double(c.segment)), "street": .string(c.street),
                    "first": .string(c.first), "then": .string(c.then), "reason": .string(c.reason),
                    "rounds": .array(c.rounds.map(JSON.string)),
                    "organisations": .array(c.organisations.map(JSON.string))
                ]
            })
    }

    static func assumptions(seconds: Double, iterations: Int?, seed: UInt64) -> [String] {
        let budget = iterations.map { "\($0) iterations per routing job" } ?? "\(seconds) s each"
        return [
            "Both plans are made by the same planner and arc-routing solver with the same budget "
                + "(\(budget), seed \(seed)).",
            "Baseline: each partner plans alone, with only its own depots and crews; "
                + "visits merge only within a partner.",
            "Shared: all partners' crews and depots; visits to a street on one day merge when one crew has "
                + "every skill they need and the activities are the same or combinable "
                + "(data/compatibility.json).",
            "A merged visit counts each activity's work once and the largest set-up once "
                + "(data/activities.json).",
            "Money is crew hours at each crew's cost per hour plus km at its cost per km; "
                + "CO2e is km at its kg per km (data/organisations.json, GBP).",
            "Street visits count the stops of all rounds: how often a street sees a crew.",
            "Gritting stand-by rounds are planned apart and not counted in either total.",
            "Tasks with hours are done in rounds of their own that start when those hours begin and end before "
                + "they end; merged visits take the overlap of their tasks' hours.",
            "A crew may do several rounds of a day one after another within its shift; "
                + "other rounds start when a crew is free, not before the shift start; "
                + "crews work only their registry days, one shift a day; "
                + "a round no crew of its class can take moves to another able crew with time, "
                + "else its visits are listed as unplaced with the shortfall in crew hours.",
            "Split: " + Savings.rule + "."
        ]
    }

    static func r(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
