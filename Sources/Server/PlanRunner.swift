import Foundation
import Geometry
import JSON
import Outputs
import Planning
import Store
import StreetNetwork
import Works

// The one place the service calls the weekly planner, the way
// `streetrounds plan` does (PlanCommand): when planning moves to its own
// module, only this file changes.

/// What a plan request asks for.
struct PlanRequest: Sendable {
    var week: ISOWeek
    /// The week fortnightly tasks count from (`PlanOptions.fortnightAnchor`).
    var anchor = ISOWeek(year: 2026, week: 1)
    var seconds: Double
    var seed: UInt64
    var iterations: Int?
    /// Planned from scratch, not from the stored weeks (`streetrounds plan --fresh`).
    var fresh = false
}

/// A finished plan's outputs, kept per job: the shared and baseline plans
/// and the files `streetrounds plan` writes, built on request.
struct PlanOutputs: Sendable {
    var week: ISOWeek
    var shared: WeeklyPlan
    var savingsJSON: JSON
    var network: StreetNetwork
    var registry: OrganisationRegistry
    /// How much of the stored week the shared plan kept; nil when planned fresh.
    var stability: PlanStability?
    /// The ids the shared plan and its baseline were stored under (`streetrounds plans list`).
    var storedPlans: [Int]

    /// Rounds that serve a visit of `organisation`, and the order rules
    /// broken on its work, as its savings give them (all when nil).
    func plan(for organisation: String?) -> WeeklyPlan {
        guard let organisation else { return shared }
        var plan = shared
        let serves: (Round) -> Bool = { round in
            round.organisation == organisation
                || round.stops.contains { $0.visit.parts.contains { $0.organisation == organisation } }
        }
        plan.rounds = plan.rounds.filter(serves)
        plan.gritting = plan.gritting.filter(serves)
        plan.orderConflicts = plan.orderConflicts.filter { $0.organisations.contains(organisation) }
        return plan
    }

    func roundsGeoJSON(for organisation: String?) throws -> JSON {
        RoundsGeoJSON.json(
            plan(for: organisation), week: week,
            drawing: try RoundDrawing(network: network, registry: registry))
    }

    func scheduleCSV(for organisation: String?) -> String {
        ScheduleCSV.text(plan(for: organisation), week: week, network: network)
    }
}

/// Runs the shared plan and the baseline (each partner alone) with the same
/// solver and budget, each from its stored week (`start`), then the
/// savings, and stores both plans with `audit`'s line, as `streetrounds plan`
/// stores them; a plan that cannot be stored fails. Cost: two planner runs of `request.seconds` each at most.
enum PlanRunner {
    static func run(
        _ request: PlanRequest, start: StableStart, network: StreetNetwork, tasks: [StoredTask],
        catalogue: ActivityCatalogue, registry: OrganisationRegistry, compatibility: Compatibility,
        store: any PartnerStore, audit: @escaping ([Int]) -> AuditEntry,
        progress: @escaping @Sendable (String) -> Void
    ) throws -> PlanOutputs {
        var options = PlanOptions(week: request.week)
        options.seconds = request.seconds
        options.seed = request.seed
        options.iterations = request.iterations
        options.fortnightAnchor = request.anchor
        let planner = WeeklyPlanner(
            network: network, catalogue: catalogue, registry: registry,
            compatibility: compatibility)
        let input = tasks.map(\.matched)
        progress("planning the shared rounds")
        // The planner's lines name the mode ("shared: routing 3 of 24 ...").
        let shared = try planner.plan(
            input, options: options, mode: .shared, preferences: start.preferences(.shared), progress: progress)
        progress("planning the baseline (each partner alone)")
        let baseline = try planner.plan(
            input, options: options, mode: .baseline, preferences: start.preferences(.baseline), progress: progress)
        let savings = Savings(baseline: baseline, shared: shared, partners: registry.ids)
        let json = SavingsJSON.json(
            savings, shared: shared, baseline: baseline, week: request.week, seconds: request.seconds,
            seed: request.seed)
        progress("storing the plans")
        let now = Date()
        let records = [shared, baseline].map { PlanRecord($0, network: network, createdAt: now) }
        let stored = try store.savePlans(records, audit: audit)
        return PlanOutputs(
            week: request.week, shared: shared, savingsJSON: json, network: network, registry: registry,
            stability: start.shared.map { PlanStability(previous: $0.record, plan: shared) }, storedPlans: stored)
    }
}
