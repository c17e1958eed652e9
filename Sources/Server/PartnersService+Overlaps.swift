import Foundation
import Geometry
import Hummingbird
import JSON
import Outputs
import Store
import StreetNetwork
import Works

extension PartnersService {
    /// The week a request asks for (`?week=2026-W48`, default this week).
    struct Period {
        var week: ISOWeek
        var anchor: ISOWeek
    }

    static func period(_ request: Request) throws -> Period {
        let query = request.uri.queryParameters
        var week = ISOWeek(containing: Date())
        if let text = query.get("week") {
            guard let parsed = ISOWeek(parsing: text) else {
                throw ServerError(
                    .badRequest,
                    "week \(text.prefix(40)) is not an ISO week of the years \(ISOWeek.years.lowerBound) to "
                        + "\(ISOWeek.years.upperBound); write it as 2026-W48")
            }
            week = parsed
        }
        let anchorText = query.get("fortnight_anchor") ?? "2026-W01"
        guard let anchor = ISOWeek(parsing: anchorText) else {
            throw ServerError(
                .badRequest,
                "fortnight_anchor \(anchorText.prefix(40)) is not an ISO week; write it as 2026-W01")
        }
        return Period(week: week, anchor: anchor)
    }

    /// The overlaps of the week, those involving `organisation` when given
    /// (read only: the cron job's record of reported findings is untouched).
    func findOverlaps(_ period: Period, organisation: String?, registry: OrganisationRegistry) async throws
        -> [Overlap]
    {
        let network = try await self.network.index().network
        let finder = OverlapFinder(
            network: network, catalogue: catalogue, registry: registry,
            compatibility: compatibility)
        let stored = try store.tasks(organisation: nil)
        return finder.find(
            stored.map(\.matched), from: period.week.monday,
            to: period.week.date(of: .sunday), anchor: period.anchor, organisation: organisation)
    }

    /// The report `streetrounds overlaps --format json` prints, streets
    /// located by place as there.
    func report(_ findings: [Overlap], _ period: Period, registry: OrganisationRegistry) async throws -> JSON {
        let loaded = try await network.loaded()
        let locator = StreetLocator(
            network: loaded.index.network, groups: loaded.groups,
            places: try store.loadPlaces(), registry: registry)
        let label = OverlapReport.Period(
            label: "\(period.week)", first: period.week.monday,
            last: period.week.date(of: .sunday))
        return OverlapReport(findings: findings, period: label, newOnly: false, locator: locator).json()
    }

    /// GET …/overlaps: the week's findings that involve the partner.
    func overlaps(_ request: Request, _ context: PartnerRequestContext) async throws -> Response {
        let auth = try authorised(context)
        let period = try Self.period(request)
        let findings = try await findOverlaps(period, organisation: auth.organisation, registry: auth.registry)
        return Self.json(try await report(findings, period, registry: auth.registry))
    }

    /// GET /v1/overlaps: every finding of the week (coordinator).
    func allOverlaps(_ request: Request, _ context: PartnerRequestContext) async throws -> Response {
        _ = try requireCoordinator(context)
        let period = try Self.period(request)
        let registry = OrganisationRegistry(try store.organisations())
        let findings = try await findOverlaps(period, organisation: nil, registry: registry)
        return Self.json(try await report(findings, period, registry: registry))
    }

    /// GET …/map.svg: the partner's tasks and the week's overlaps, drawn from the store.
    func map(_ request: Request, _ context: PartnerRequestContext) async throws -> Response {
        let auth = try authorised(context)
        let period = try Self.period(request)
        let network = try await self.network.index().network
        let own = try store.tasks(organisation: auth.organisation).flatMap { $0.segments.map(\.segment) }
        let findings = try await findOverlaps(period, organisation: auth.organisation, registry: auth.registry)
        let svg = TaskMapSVG(network: network).draw(own: Set(own), overlaps: Set(findings.map(\.segment)))
        return Self.text(svg, type: "image/svg+xml")
    }

    /// GET /v1/organisations: the partner's own, or all for the coordinator.
    func listOrganisations(_ context: PartnerRequestContext) throws -> Response {
        let token = try context.requireToken()
        let visible = try store.organisations().filter { token.mayAct(for: $0.id) }
        return Self.json(["organisations": .array(visible.map(Self.organisationJSON))])
    }

    /// GET /v1/organisations/{org}: depots and crews.
    func organisation(_ context: PartnerRequestContext) throws -> Response {
        let auth = try authorised(context)
        guard let o = auth.registry[auth.organisation] else {
            throw ServerError(.notFound, "no organisation \(auth.organisation)")
        }
        return Self.json(Self.organisationJSON(o))
    }

    static func organisationJSON(_ o: Organisation) -> JSON {
        let depots: [JSON] = o.depots.map {
            [
                "id": .string($0.id), "name": .string($0.name), "lon": .number($0.location.lon),
                "lat": .number($0.location.lat)
            ]
        }
        let crews: [JSON] = o.crews.map {
            [
                "id": .string($0.id), "depot": .string($0.depot), "vehicle_type": .string($0.vehicleType),
                "skills": .array($0.skills.map(JSON.string)), "shift_hours": .number($0.shiftHours)
            ]
        }
        return [
            "id": .string(o.id), "name": .string(o.name), "pools_crews": .bool(o.poolsCrews),
            "depots": .array(depots), "crews": .array(crews)
        ]
    }

    /// GET /v1/audit: who submitted what and when; a partner sees its own lines.
    func audit(_ request: Request, _ context: PartnerRequestContext) throws -> Response {
        let token = try context.requireToken()
        let query = request.uri.queryParameters
        let asked = query.get("organisation")
        if let asked, !token.mayAct(for: asked) {
            throw ServerError(
                .forbidden,
                "token \(token.prefix) may read only \(token.organisation ?? "")'s audit lines")
        }
        let limit = try query.get("limit").map { text -> Int in
            guard text.allSatisfy(\.isASCIIDigit), let n = Int(text), (1...1000).contains(n) else {
                throw ServerError(.badRequest, "limit must be a whole number from 1 to 1000 (lines, newest first)")
            }
            return n
        }
        if let asked, try store.organisations().allSatisfy({ $0.id != asked }) {
            throw ServerError(.badRequest, "no organisation \(asked.prefix(40)); list them at /v1/organisations")
        }
        let whose = token.role == .coordinator ? asked : token.organisation
        let entries = try store.auditTrail(organisation: whose, limit: limit ?? 200)
        let items: [JSON] = entries.map {
            [
                "id": .number(Double($0.id)), "at": .string($0.at), "actor": .string($0.actor),
                "organisation": $0.organisation.map(JSON.string) ?? .null, "action": .string($0.action),
                "detail": .string($0.detail), "submission": $0.submission.map { .number(Double($0)) } ?? .null
            ]
        }
        return Self.json(["entries": .array(items)])
    }
}
