import Foundation
import JSON
import Outputs
import Planning
import XCTest

/// savings.json read back: the totals, the savings and the unplaced counts
/// as the plans give them, and each order rule the shared plan broke
/// within a day as one object a program can act on (the coordinator's
/// `/v1/plans/{id}/savings` serves this document).
final class SavingsJSONTests: XCTestCase {
    private func document(_ s: PlannedSample) throws -> JSON {
        let json = SavingsJSON.json(
            s.savings, shared: s.shared, baseline: s.baseline, week: s.week, seconds: 60, seed: 1)
        return try JSONParser.parse(json.serialized(pretty: true))
    }

    func testTotalsAndUnplacedAreThePlans() throws {
        let s = try PlannedSample.make("2026-W48")
        let json = try document(s)
        XCTAssertEqual(json["week"]?.string, "2026-W48")
        XCTAssertEqual(json["shared"]?["rounds"]?.number, Double(s.savings.shared.rounds))
        XCTAssertEqual(json["baseline"]?["rounds"]?.number, Double(s.savings.baseline.rounds))
        XCTAssertEqual(json["savings"]?["money_gbp"]?.number ?? .nan, s.savings.money, accuracy: 0.005)
        XCTAssertEqual(json["unplaced_visits"]?["shared"]?.number, Double(Savings.UndoneVisits.count(s.shared)))
        XCTAssertEqual(json["unplaced_visits"]?["baseline"]?.number, Double(Savings.UndoneVisits.count(s.baseline)))
        XCTAssertEqual(json["like_for_like"]?.bool, s.savings.unequalWork == nil)
    }

    func testUnequalWorkIsNotLikeForLike() throws {
        var s = try PlannedSample.make("2026-W48")
        s.savings.undone = Savings.UndoneVisits(shared: 0, baseline: 0)
        XCTAssertEqual(try document(s)["like_for_like"]?.bool, true)
        XCTAssertEqual(try document(s)["unequal_work"], .null)
        s.savings.undone = Savings.UndoneVisits(shared: 2, baseline: 13)
        let json = try document(s)
        XCTAssertEqual(json["like_for_like"]?.bool, false)
        XCTAssertTrue(json["unequal_work"]?.string?.hasPrefix("the shared plan does 11 task visits more") ?? false)
    }

    func testOrderRulesBrokenWithinADayAreListedOneObjectEach() throws {
        var s = try PlannedSample.make("2026-W48")
        s.shared.orderConflicts = []
        XCTAssertEqual(try document(s)["order_conflicts"], .array([]), "an empty list when every rule is kept")
        s.shared.orderConflicts = [
            OrderConflict(
                day: .wednesday, segment: 7, street: "Mill \"&\" Church Lane", first: "grass_cutting",
                then: "sweeping", reason: "round wed-2 keeps its hours and cannot start later",
                rounds: ["wed-1", "wed-2"], organisations: ["council", "housing"]),
            OrderConflict(
                day: .friday, segment: 12, street: "High Street", first: "grass_cutting", then: "litter_picking",
                reason: "moving one round put another street out of order")
        ]
        let listed = try XCTUnwrap(try document(s)["order_conflicts"]?.array)
        XCTAssertEqual(listed.count, 2)
        XCTAssertEqual(listed[0]["day"]?.string, "wed")
        XCTAssertEqual(listed[0]["segment_id"]?.number, 7, "named as in schedule.csv")
        XCTAssertEqual(listed[0]["street"]?.string, "Mill \"&\" Church Lane", "quotes survive the round trip")
        XCTAssertEqual(listed[0]["first"]?.string, "grass_cutting")
        XCTAssertEqual(listed[0]["then"]?.string, "sweeping")
        XCTAssertEqual(listed[0]["reason"]?.string, "round wed-2 keeps its hours and cannot start later")
        XCTAssertEqual(listed[0]["rounds"], ["wed-1", "wed-2"])
        XCTAssertEqual(listed[0]["organisations"], ["council", "housing"], "who is told")
        XCTAssertEqual(listed[1]["day"]?.string, "fri")
        XCTAssertEqual(listed[1]["segment_id"]?.number, 12)
        XCTAssertEqual(listed[1]["street"]?.string, "High Street")
        XCTAssertEqual(listed[1]["then"]?.string, "litter_picking")
        XCTAssertEqual(listed[1]["reason"]?.string, "moving one round put another street out of order")
        XCTAssertEqual(listed[1]["rounds"], .array([]), "none known")
    }
}
