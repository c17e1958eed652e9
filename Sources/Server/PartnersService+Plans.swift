import Foundation
import Geometry
import Hummingbird
import JSON
import Planning
import Store
import StreetNetwork
import Works

extension PartnersService {
    /// The outputs of a plan the API serves.
    enum PlanFile {
        case rounds, schedule, savings
    }

    /// POST /v1/plans: starts a plan of the week in the background (coordinator), from the stored weeks
    /// unless `fresh=true`.
    func startPlan(_ request: Request, _ context: PartnerRequestContext) async throws -> Response {
        let token = try requireCoordinator(context)
        let plan = try Self.planRequest(request)
        let tasks = try store.tasks(organisation: nil)
        guard !tasks.isEmpty else {
            throw ServerError(.conflict, "the store holds no task lists yet; partners submit them first")
        }
        let network = try await self.network.index().network
        let registry = OrganisationRegistry(try store.organisations())
        let (catalogue, compatibility, store) = (self.catalogue, self.compatibility, self.store)
        let budget = plan.iterations.map { "\($0) iterations" } ?? "\(plan.seconds) s"
        let detail = "for \(plan.week), \(budget)\(plan.fresh ? ", fresh" : "")"
        let job = try await plans.start(week: plan.week, fresh: plan.fresh, by: token.prefix) { id in
            let start = try stableStart(plan, network: network)
            try store.recordAudit(
                AuditEntry(actor: token.prefix, organisation: nil, action: "plan.start", detail: "job \(id) \(detail)"),
                at: Date())
            let stored: @Sendable ([Int]) -> AuditEntry = { ids in
                AuditEntry(
                    actor: token.prefix, organisation: nil, action: "plan.stored",
                    detail: "job \(id) \(detail): stored as plans \(ids.map(String.init).joined(separator: ", "))")
            }
            return { progress in
                do {
                    return try PlanRunner.run(
                        plan, start: start, network: network, tasks: tasks, catalogue: catalogue,
                        registry: registry, compatibility: compatibility, store: store, audit: stored,
                        progress: progress)
                } catch {
                    // The reason stays in the job for the coordinator; the trail says that it failed (when the
                    // store takes the line: the store may be why).
                    try? store.recordAudit(
                        AuditEntry(
                            actor: token.prefix, organisation: nil, action: "plan.failed",
                            detail: "job \(id) \(detail): failed, nothing stored"),
                        at: Date())
                    throw error
                }
            }
        }
        var response = Self.json(Self.jobJSON(job, coordinator: true), status: .accepted)
        response.headers[.location] = "/v1/plans/\(job.id)"
        return response
    }

    /// The query of POST /v1/plans: week, seconds (5), iterations, fresh
    /// (false), fortnight_anchor (2026-W01); each at most once, no other.
    static func planRequest(_ request: Request) throws -> PlanRequest {
        let query = request.uri.queryParameters
        let known = ["week", "seconds", "iterations", "fresh", "fortnight_anchor"]
        for (key, _) in query where !known.contains(String(key)) {
            throw ServerError(
                .badRequest, "unknown parameter \(key.prefix(40)); a plan takes \(known.joined(separator: ", "))")
        }
        for key in known where query[values: Substring(key)].count > 1 {
            throw ServerError(.badRequest, "\(key) is given more than once; give it once")
        }
        var period = try period(request)
        // As `streetrounds plan`: next week unless one is named.
        if query.get("week") == nil { period.week = ISOWeek.next }
        let seconds = try query.get("seconds").map { text -> Double in
            guard let seconds = decimal(text), seconds >= 1, seconds <= 600 else {
                throw ServerError(.badRequest, "seconds must be a number from 1 to 600 (the solver's budget per plan)")
            }
            return seconds
        }
        let iterations = try query.get("iterations").map { text -> Int in
            guard text.allSatisfy(\.isASCIIDigit), let n = Int(text), n > 0, n <= 100_000 else {
                throw ServerError(.badRequest, "iterations must be a whole number from 1 to 100000")
            }
            return n
        }
        let fresh = query.get("fresh") ?? "false"
        guard fresh == "true" || fresh == "false" else {
            throw ServerError(.badRequest, "fresh must be true (plan from scratch) or false (from the stored weeks)")
        }
        return PlanRequest(
            week: period.week, anchor: period.anchor, seconds: seconds ?? 5, seed: 1, iterations: iterations,
            fresh: fresh == "true")
    }

    /// A number written in decimal ("5", "12.5"); nil for anything else (hex, exponents, signs, nan).
    static func decimal(_ text: String) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return Double(text)
    }

    /// The stored plans the week starts from; a stored plan of another network is refused with the fix.
    private func stableStart(_ plan: PlanRequest, network: StreetNetwork) throws -> StableStart {
        guard !plan.fresh else { return StableStart() }
        do {
            return try StableStart(network: network) { try store.latestPlan($0, upTo: plan.week) }
        } catch let error as PlanningError where error.kind == .badPreviousPlan {
            throw ServerError(.conflict, error.message)
        }
    }

    /// GET /v1/plans: every plan run since the service started.
    func listPlans(_ context: PartnerRequestContext) async throws -> Response {
        let coordinator = try context.requireToken().role == .coordinator
        return Self.json(["plans": .array(await plans.all().map { Self.jobJSON($0, coordinator: coordinator) })])
    }

    /// GET /v1/stored-plans: the plans in the store (coordinator), as `streetrounds plans list` shows them:
    /// those the next week starts from, whoever made them, kept across restarts.
    func storedPlans(_ context: PartnerRequestContext) throws -> Response {
        _ = try requireCoordinator(context)
        let stamp = ISO8601DateFormatter()
        let plans: [JSON] = try store.plans().map { p in
            [
                "id": .number(Double(p.id)), "week": .string(p.week.description), "mode": .string(p.mode.rawValue),
                "created_at": .string(stamp.string(from: p.createdAt)), "rounds": .number(Double(p.rounds)),
                "task_visits": .number(Double(p.taskVisits)), "seed": .string(String(p.seed)),
                "seconds": .number(p.seconds), "iterations": p.iterations.map { .number(Double($0)) } ?? .null
            ]
        }
        return Self.json(["plans": .array(plans)])
    }

    /// DELETE /v1/stored-plans/{id}: removes a stored plan (a trial run, say), with its audit line, as
    /// `streetrounds plans delete` does (coordinator); the next week starts from the latest left.
    func deleteStoredPlan(_ context: PartnerRequestContext) throws -> Response {
        let token = try requireCoordinator(context)
        let text = context.parameters.get("id") ?? ""
        let unknown = ServerError(.notFound, "no stored plan \(text.prefix(20)); list them at /v1/stored-plans")
        guard text.allSatisfy(\.isASCIIDigit), let id = Int(text),
            let plan = try store.plans().first(where: { $0.id == id })
        else { throw unknown }
        let audit = AuditEntry(actor: token.prefix, organisation: nil, action: "plan.delete", detail: plan.auditName)
        do {
            try store.deletePlans([id], audit: audit)
        } catch let error as StoreError where error.kind == .notFound {
            throw unknown  // deleted meanwhile
        }
        return Self.json(["deleted": .number(Double(id)), "week": .string(plan.week.description)])
    }

    /// GET /v1/plans/{id}: state and progress.
    func plan(_ context: PartnerRequestContext) async throws -> Response {
        Self.json(Self.jobJSON(try await job(context), coordinator: try context.requireToken().role == .coordinator))
    }

    /// GET /v1/plans/{id}/rounds.geojson, schedule.csv, savings: the
    /// outputs; a partner gets the rounds that serve its tasks and its share.
    func planOutput(_ context: PartnerRequestContext, _ output: PlanFile) async throws -> Response {
        let token = try context.requireToken()
        let job = try await job(context)
        guard let outputs = job.outputs else {
            guard job.state == .running else {
                throw ServerError(
                    .conflict, "plan \(job.id) failed and has no outputs (why: /v1/plans/\(job.id)); start another")
            }
            throw ServerError(
                .conflict, "plan \(job.id) is running (\(job.progress.value)); its outputs come when it is done",
                retryAfter: 5)
        }
        let whose = token.role == .coordinator ? nil : token.organisation
        switch output {
        case .rounds: return Self.json(try outputs.roundsGeoJSON(for: whose), type: "application/geo+json")
        case .schedule: return Self.text(outputs.scheduleCSV(for: whose), type: "text/csv; charset=utf-8")
        case .savings: return Self.json(Self.savings(outputs.savingsJSON, for: whose))
        }
    }

    func job(_ context: PartnerRequestContext) async throws -> PlanJobs.Job {
        _ = try context.requireToken()
        let text = context.parameters.get("id") ?? ""
        guard let id = Int(text), let job = await plans.job(id) else {
            throw ServerError(.notFound, "no plan \(text.prefix(20)); list them at /v1/plans")
        }
        return job
    }

    /// The whole savings for a coordinator; for a partner the totals, its
    /// own share, whether the savings are like for like (and why not), and
    /// the order rules broken within a day on its own work.
    static func savings(_ json: JSON, for organisation: String?) -> JSON {
        guard let organisation else { return json }
        let share = json["split"]?.array?.first { $0["organisation"]?.string == organisation } ?? .null
        let conflicts = (json["order_conflicts"]?.array ?? []).filter {
            $0["organisations"]?.array?.contains(.string(organisation)) ?? false
        }
        return [
            "week": json["week"] ?? .null, "savings": json["savings"] ?? .null, "share": share,
            "like_for_like": json["like_for_like"] ?? .null, "unequal_work": json["unequal_work"] ?? .null,
            "order_conflicts": .array(conflicts), "assumptions": json["assumptions"] ?? .null
        ]
    }

    /// A job's state; why a plan failed (which may name the server's files and processes) for the coordinator only.
    static func jobJSON(_ job: PlanJobs.Job, coordinator: Bool) -> JSON {
        let error = job.error.map { coordinator ? $0 : "the plan failed; the coordinator sees why" }
        return [
            "id": .number(Double(job.id)), "week": .string(job.week.description), "state": .string(job.state.rawValue),
            "progress": .string(job.progress.value), "started_at": .string(job.startedAt),
            "finished_at": job.finishedAt.map(JSON.string) ?? .null, "error": error.map(JSON.string) ?? .null,
            "fresh": .bool(job.fresh),
            "stable_week": job.outputs?.stability.map(stableWeekJSON) ?? .null,
            "stored_plans": .array((job.outputs?.storedPlans ?? []).map { .number(Double($0)) })
        ]
    }

    /// What the shared plan kept of the week it started from, as shares of 1.
    static func stableWeekJSON(_ s: PlanStability) -> JSON {
        [
            "from": .string(s.previousWeek.description), "visits": .number(Double(s.common)),
            "kept_crew_and_day": .number(s.share), "kept_day": .number(s.dayShare),
            "kept_place": .number(s.orderShare)
        ]
    }
}
