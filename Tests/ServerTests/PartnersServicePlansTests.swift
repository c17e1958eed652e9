import Foundation
import Geometry
import Hummingbird
import HummingbirdTesting
import JSON
import Planning
import Store
import StreetNetwork
import TestSupport
import Works
import XCTest

@testable import Server

/// Plans over the API: a coordinator starts one in the background, follows
/// its progress, and every partner reads its rounds, schedule and share.
final class PartnersServicePlansTests: XCTestCase {
    private var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private typealias F = ServiceFixture

    func testACoordinatorRunsAPlanAndEachPartnerSeesItsShare() async throws {
        let f = try F(directory: directory)
        try await f.application.test(.router) { client in
            for (org, token) in [("county-council", f.county), ("town-council", f.town)] {
                let put = try await client.execute(
                    uri: "/v1/organisations/\(org)/task-list", method: .put,
                    headers: F.headers(token), body: try F.list(org))
                XCTAssertEqual(put.status, .ok)
            }
            let refused = try await client.execute(
                uri: "/v1/plans?week=2026-W24",
                method: .post, headers: F.headers(f.town))
            XCTAssertEqual(refused.status, .forbidden, "only the coordinator runs plans")
            let started = try await client.execute(
                uri: "/v1/plans?week=2026-W24&seconds=5&iterations=20",
                method: .post,
                headers: F.headers(f.coordinator))
            XCTAssertEqual(started.status, .accepted, String(buffer: started.body))
            let location = try XCTUnwrap(started.headers[.location])
            let finished = try await Self.finished(location, client, token: f.town)
            XCTAssertEqual(finished["state"]?.string, "done")
            XCTAssertEqual(finished["stable_week"], .null, "nothing stored before: planned from scratch")
            let stored = try f.store.plans()
            XCTAssertEqual(
                finished["stored_plans"]?.array?.compactMap(\.number).map { Int($0) }, stored.map(\.id),
                "the shared plan and its baseline, stored as `streetrounds plan` stores them")
            XCTAssertEqual(stored.map(\.mode), [.shared, .baseline])
            let all = try await client.execute(
                uri: "\(location)/rounds.geojson", method: .get,
                headers: F.headers(f.coordinator))
            let mine = try await client.execute(
                uri: "\(location)/rounds.geojson",
                method: .get, headers: F.headers(f.town))
            let allRounds = try F.json(all)["features"]?.array?.count ?? 0
            let myRounds = try F.json(mine)["features"]?.array?.count ?? 0
            XCTAssertGreaterThan(myRounds, 0)
            XCTAssertLessThanOrEqual(myRounds, allRounds)
            let share = try await client.execute(uri: "\(location)/savings", method: .get, headers: F.headers(f.town))
            XCTAssertEqual(try F.json(share)["share"]?["organisation"]?.string, "town-council")
            XCTAssertNil(try F.json(share)["split"], "a partner sees its own share, not the others'")
            XCTAssertNotNil(try F.json(share)["order_conflicts"]?.array, "those on its own work, [] when none")
            let whole = try await client.execute(
                uri: "\(location)/savings",
                method: .get, headers: F.headers(f.coordinator))
            XCTAssertNotNil(try F.json(whole)["split"]?.array)
            XCTAssertNotNil(try F.json(whole)["order_conflicts"]?.array, "the coordinator sees them, [] when none")
            let csv = try await client.execute(
                uri: "\(location)/schedule.csv",
                method: .get, headers: F.headers(f.town))
            XCTAssertEqual(csv.status, .ok)
            let missing = try await client.execute(uri: "/v1/plans/99", method: .get, headers: F.headers(f.town))
            XCTAssertEqual(missing.status, .notFound)
        }
        XCTAssertTrue(try f.store.auditTrail().contains { $0.action == "plan.start" })
        let stored = try f.store.auditTrail().first { $0.action == "plan.stored" }
        XCTAssertEqual(
            stored?.detail, "job 1 for 2026-W24, 20 iterations: stored as plans 1, 2", "the stored ids, with the plans")
    }

    /// A partner's savings hold the order rules broken on its own work, not
    /// the others'; the coordinator's hold every one.
    func testAPartnerSeesOnlyTheOrderConflictsOnItsOwnWork() {
        func conflict(_ street: String, _ organisations: [String]) -> JSON {
            ["street": .string(street), "organisations": .array(organisations.map(JSON.string))]
        }
        let whole: JSON = [
            "week": "2026-W24", "split": [],
            "order_conflicts": [conflict("Church Street", ["council", "housing"]), conflict("High Street", ["parish"])],
            "like_for_like": false, "unequal_work": "the shared plan does 1 task visit more"
        ]
        let housing = PartnersService.savings(whole, for: "housing")
        XCTAssertEqual(housing["order_conflicts"]?.array?.compactMap { $0["street"]?.string }, ["Church Street"])
        XCTAssertEqual(housing["like_for_like"], false, "a partner is told its share compares unequal work")
        XCTAssertEqual(housing["unequal_work"]?.string, "the shared plan does 1 task visit more")
        XCTAssertEqual(PartnersService.savings(whole, for: "volunteers")["order_conflicts"], .array([]))
        XCTAssertEqual(PartnersService.savings(whole, for: nil), whole, "the coordinator's: the whole document")
    }

    /// Polls a plan until it is no longer running; its last state.
    private static func finished(
        _ location: String, _ client: some TestClientProtocol, token: String
    ) async throws -> JSON {
        for _ in 0..<600 {
            let polled = try F.json(try await client.execute(uri: location, method: .get, headers: F.headers(token)))
            if polled["state"]?.string != "running" { return polled }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTFail("\(location) still running after a minute")
        return .null
    }

    private static func plan(
        _ query: String, _ client: some TestClientProtocol, _ f: F
    ) async throws -> JSON {
        let started = try await client.execute(
            uri: "/v1/plans?\(query)&seconds=5&iterations=20", method: .post, headers: F.headers(f.coordinator))
        XCTAssertEqual(started.status, .accepted, String(buffer: started.body))
        return try await finished(try XCTUnwrap(started.headers[.location]), client, token: f.coordinator)
    }

    /// The next week starts from the stored one, as `streetrounds plan`
    /// does, unless asked fresh; a stored plan of other streets is refused
    /// with the fix, and the store keeps what it held.
    func testAPlanStartsFromTheStoredWeekUnlessFresh() async throws {
        let f = try F(directory: directory)
        try await f.application.test(.router) { client in
            for org in ["county-council", "town-council"] {
                _ = try await client.execute(
                    uri: "/v1/organisations/\(org)/task-list", method: .put,
                    headers: F.headers(f.coordinator), body: try F.list(org))
            }
            _ = try await Self.plan("week=2026-W24", client, f)
            let next = try await Self.plan("week=2026-W25", client, f)
            XCTAssertEqual(next["state"]?.string, "done", next["error"]?.string ?? "")
            XCTAssertEqual(next["stable_week"]?["from"]?.string, "2026-W24")
            XCTAssertEqual(next["fresh"], .bool(false))
            // The same tasks a week on, from the stored week: every visit keeps its crew and day (the
            // preferences' own effect against a fresh plan: PreviousPlanTests).
            XCTAssertEqual(next["stable_week"]?["kept_crew_and_day"]?.number, 1)
            XCTAssertEqual(next["stable_week"]?["kept_day"]?.number, 1)
            let fresh = try await Self.plan("week=2026-W25&fresh=true", client, f)
            XCTAssertEqual(fresh["stable_week"], .null)
            XCTAssertEqual(fresh["fresh"], .bool(true))
            XCTAssertEqual(try f.store.plans().count, 6)
            let stored = try await client.execute(
                uri: "/v1/stored-plans", method: .get, headers: F.headers(f.coordinator))
            let listed = try XCTUnwrap(try F.json(stored)["plans"]?.array)
            XCTAssertEqual(listed.compactMap { $0["id"]?.number }.map { Int($0) }, try f.store.plans().map(\.id))
            XCTAssertEqual(listed.compactMap { $0["week"]?.string }.filter { $0 == "2026-W25" }.count, 4)
            XCTAssertEqual(listed.first?["mode"]?.string, "shared")
            let partner = try await client.execute(uri: "/v1/stored-plans", method: .get, headers: F.headers(f.town))
            XCTAssertEqual(partner.status, .forbidden, "the store's plans are the coordinator's")

            var foreign = try XCTUnwrap(try f.store.latestPlan(.shared, upTo: ISOWeek(year: 2026, week: 25)))
            foreign.week = ISOWeek(year: 2026, week: 26)
            foreign.networkFingerprint = "another network"
            try f.store.savePlans([foreign])
            let refused = try await client.execute(
                uri: "/v1/plans?week=2026-W27", method: .post, headers: F.headers(f.coordinator))
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertTrue(String(buffer: refused.body).contains("fresh=true"), String(buffer: refused.body))
            XCTAssertEqual(try f.store.plans().count, 7, "nothing stored by a refused plan")
            let anew = try await Self.plan("week=2026-W27&fresh=true", client, f)
            XCTAssertEqual(anew["state"]?.string, "done")
        }
    }

    /// A plan whose start cannot be recorded in the audit trail does not
    /// run; one whose plans cannot be stored fails, its reason for the
    /// coordinator only (it may name the server's files).
    func testAPlanThatCannotBeRecordedOrStoredLeavesNothing() async throws {
        let f = try F(directory: directory)
        let store = FailingStore(f.store)
        let service = PartnersService(
            store: store, catalogue: f.service.catalogue, compatibility: f.service.compatibility,
            configuration: F.testing)
        try await Application(router: service.build().router).test(.router) { client in
            _ = try await client.execute(
                uri: "/v1/organisations/town-council/task-list", method: .put, headers: F.headers(f.town),
                body: try F.list("town-council"))
            store.failing = .audit
            let refused = try await client.execute(
                uri: "/v1/plans?week=2026-W24&seconds=1&iterations=5", method: .post, headers: F.headers(f.coordinator))
            XCTAssertEqual(refused.status, .serviceUnavailable, String(buffer: refused.body))
            let none = try await client.execute(uri: "/v1/plans", method: .get, headers: F.headers(f.coordinator))
            XCTAssertEqual(try F.json(none)["plans"]?.array?.count, 0, "no job started")
            store.failing = .plans
            let failed = try await Self.plan("week=2026-W24", client, f)
            XCTAssertEqual(failed["state"]?.string, "failed")
            XCTAssertTrue(failed["error"]?.string?.contains("locked by pid 4242") ?? false, "\(failed)")
            let id = Int(failed["id"]?.number ?? 0)
            let seen = try F.json(
                try await client.execute(uri: "/v1/plans/\(id)", method: .get, headers: F.headers(f.town)))
            XCTAssertEqual(seen["error"]?.string, "the plan failed; the coordinator sees why")
            let outputs = try await client.execute(
                uri: "/v1/plans/\(id)/savings", method: .get, headers: F.headers(f.coordinator))
            XCTAssertEqual(outputs.status, .conflict)
            XCTAssertTrue(String(buffer: outputs.body).contains("failed and has no outputs"))
        }
        XCTAssertEqual(try f.store.plans().count, 0)
        XCTAssertEqual(try f.store.auditTrail().filter { $0.action == "plan.start" }.count, 1, "the failed plan's")
        XCTAssertFalse(try f.store.auditTrail().contains { $0.action == "plan.stored" })
        XCTAssertEqual(
            try f.store.auditTrail().first { $0.action == "plan.failed" }?.detail,
            "job 1 for 2026-W24, 20 iterations: failed, nothing stored", "the trail says it failed, not why")
    }

    /// A trial plan deleted over the API, as `streetrounds plans delete`
    /// does, with its audit line; the next week starts from the one left.
    func testTheCoordinatorDeletesAStoredPlan() async throws {
        let f = try F(directory: directory)
        try await f.application.test(.router) { client in
            _ = try await client.execute(
                uri: "/v1/organisations/town-council/task-list", method: .put, headers: F.headers(f.town),
                body: try F.list("town-council"))
            _ = try await Self.plan("week=2026-W24", client, f)
            let trial = try await Self.plan("week=2026-W25&fresh=true", client, f)
            let ids = try XCTUnwrap(trial["stored_plans"]?.array?.compactMap(\.number).map { Int($0) })
            XCTAssertEqual(ids.count, 2)
            for (uri, token, status) in [
                ("/v1/stored-plans/\(ids[0])", f.town, HTTPResponse.Status.forbidden),
                ("/v1/stored-plans/99", f.coordinator, .notFound), ("/v1/stored-plans/-1", f.coordinator, .notFound),
                ("/v1/stored-plans/1e2", f.coordinator, .notFound),
                ("/v1/stored-plans/99999999999999999999", f.coordinator, .notFound)
            ] {
                let refused = try await client.execute(uri: uri, method: .delete, headers: F.headers(token))
                XCTAssertEqual(refused.status, status, uri)
            }
            XCTAssertEqual(try f.store.plans().count, 4, "nothing deleted by a refused call")
            for id in ids {
                let deleted = try await client.execute(
                    uri: "/v1/stored-plans/\(id)", method: .delete, headers: F.headers(f.coordinator))
                XCTAssertEqual(deleted.status, .ok, String(buffer: deleted.body))
                XCTAssertEqual(try F.json(deleted)["deleted"]?.number, Double(id))
            }
            let again = try await client.execute(
                uri: "/v1/stored-plans/\(ids[0])", method: .delete, headers: F.headers(f.coordinator))
            XCTAssertEqual(again.status, .notFound)
            XCTAssertEqual(try f.store.plans().map(\.week.description), ["2026-W24", "2026-W24"])
            let next = try await Self.plan("week=2026-W26", client, f)
            XCTAssertEqual(next["stable_week"]?["from"]?.string, "2026-W24", "the trial's week is gone")
        }
        let deletions = try f.store.auditTrail().filter { $0.action == "plan.delete" }.map(\.detail)
        XCTAssertEqual(deletions.count, 2)
        XCTAssertTrue(deletions.allSatisfy { $0.contains("2026-W25") }, "\(deletions)")
    }

    func testAPlanOfNothingOrWithABadBudgetIsRefused() async throws {
        let f = try F(directory: directory)
        try await f.application.test(.router) { client in
            let empty = try await client.execute(
                uri: "/v1/plans?week=2026-W24", method: .post,
                headers: F.headers(f.coordinator))
            XCTAssertEqual(empty.status, .conflict)
            for query in [
                "seconds=0", "seconds=abc", "iterations=-1", "week=W24", "week=2026-W24&fresh=yes", "week=%2B026-W24",
                "week=0000-W01", "seconds=1e-9", "seconds=0x10", "seconds=0.5", "fresh=true&fresh=false",
                "colour=red", "fortnight_anchor=26-W1"
            ] {
                let bad = try await client.execute(
                    uri: "/v1/plans?\(query)",
                    method: .post, headers: F.headers(f.coordinator))
                XCTAssertEqual(bad.status, .badRequest, query)
            }
        }
    }
}

/// The real store, with its audit line or its plans made to fail as a
/// store held by another process would (a test double of `PartnerStore`).
private final class FailingStore: PartnerStore, @unchecked Sendable {
    enum Failing { case none, audit, plans }
    private let store: RoundsStore
    var failing = Failing.none
    private var busy: StoreError { StoreError(.busy, "the store is locked by pid 4242 (/srv/streetrounds.sqlite)") }

    init(_ store: RoundsStore) { self.store = store }

    func organisations() throws -> [Organisation] { try store.organisations() }
    func authenticate(secret: String) throws -> APIToken? { try store.authenticate(secret: secret) }
    func networkProvenance() throws -> NetworkProvenance? { try store.networkProvenance() }
    func loadVersionedNetwork() throws -> VersionedNetwork { try store.loadVersionedNetwork() }
    func loadPlaces() throws -> [Place] { try store.loadPlaces() }
    func tasks(organisation: String?) throws -> [StoredTask] { try store.tasks(organisation: organisation) }
    func submissions(organisation: String?) throws -> [TaskSubmission] {
        try store.submissions(organisation: organisation)
    }
    func submit(
        _ list: TaskList, matches: [String: [MatchedSegment]], fileName: String, checksum: String,
        networkVersion: Int?, audit: AuditEntry?, at time: Date
    ) throws -> TaskSubmission {
        try store.submit(
            list, matches: matches, fileName: fileName, checksum: checksum, networkVersion: networkVersion,
            audit: audit, at: time)
    }
    func recordAudit(_ entry: AuditEntry, at time: Date) throws {
        if failing == .audit { throw busy }
        try store.recordAudit(entry, at: time)
    }
    func auditTrail(organisation: String?, limit: Int) throws -> [AuditEntry] {
        try store.auditTrail(organisation: organisation, limit: limit)
    }
    func latestPlan(_ mode: PlanMode, upTo week: ISOWeek) throws -> PlanRecord? {
        try store.latestPlan(mode, upTo: week)
    }
    func savePlans(_ records: [PlanRecord], audit: (([Int]) -> AuditEntry)?) throws -> [Int] {
        if failing == .plans { throw busy }
        return try store.savePlans(records, audit: audit)
    }
    func deletePlans(_ ids: [Int], audit: AuditEntry?) throws { try store.deletePlans(ids, audit: audit) }
    func plans() throws -> [StoredPlanSummary] { try store.plans() }
}
