import Foundation
import Geometry
import Hummingbird
import HummingbirdTesting
import JSON
import Store
import TestSupport
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
            var state = "running"
            for _ in 0..<600 where state == "running" {
                try await Task.sleep(for: .milliseconds(100))
                let polled = try await client.execute(uri: location, method: .get, headers: F.headers(f.town))
                state = try F.json(polled)["state"]?.string ?? "?"
            }
            XCTAssertEqual(state, "done")
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
    }

    /// A partner's savings hold the order rules broken on its own work, not
    /// the others'; the coordinator's hold every one.
    func testAPartnerSeesOnlyTheOrderConflictsOnItsOwnWork() {
        func conflict(_ street: String, _ organisations: [String]) -> JSON {
            ["street": .string(street), "organisations": .array(organisations.map(JSON.string))]
        }
        let whole: JSON = [
            "week": "2026-W24", "split": [],
            "order_conflicts": [conflict("Church Street", ["council", "housing"]), conflict("High Street", ["parish"])]
        ]
        let housing = PartnersService.savings(whole, for: "housing")
        XCTAssertEqual(housing["order_conflicts"]?.array?.compactMap { $0["street"]?.string }, ["Church Street"])
        XCTAssertEqual(PartnersService.savings(whole, for: "volunteers")["order_conflicts"], .array([]))
        XCTAssertEqual(PartnersService.savings(whole, for: nil), whole, "the coordinator's: the whole document")
    }

    func testAPlanOfNothingOrWithABadBudgetIsRefused() async throws {
        let f = try F(directory: directory)
        try await f.application.test(.router) { client in
            let empty = try await client.execute(
                uri: "/v1/plans?week=2026-W24", method: .post,
                headers: F.headers(f.coordinator))
            XCTAssertEqual(empty.status, .conflict)
            for query in ["seconds=0", "seconds=abc", "iterations=-1", "week=W24"] {
                let bad = try await client.execute(
                    uri: "/v1/plans?\(query)",
                    method: .post, headers: F.headers(f.coordinator))
                XCTAssertEqual(bad.status, .badRequest, query)
            }
        }
    }
}
