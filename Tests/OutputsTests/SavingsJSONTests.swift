import Foundation
import JSON
import Outputs
import Planning
import XCTest

/// savings.json read back: the totals, the savings and the unplaced counts
/// as the plans give them, and each order rule the shared plan broke
/// within a day as one object a machine can act on (the cron job and the
/// partners' service read this file, not the report).
final class SavingsJSONTests: XCTestCase {
    private func document(_ s: PlannedSample) throws -> JSON {
        let json = SavingsJSON.json(
            s.savings, week: s.week, seconds: 60, seed: 1, unplacedShared: s.shared.unplaced.count,
            unplacedBaseline: s.baseline.unplaced.count, orderConflicts: s.shared.orderConflicts)
        return try JSONParser.parse(json.serialized(pretty: true))
    }

    func testTotalsAndUnplacedAreThePlans() throws {
        let s = try PlannedSample.make("2026-W48")
        let json = try document(s)
        XCTAssertEqual(json["week"]?.string, "2026-W48")
        XCTAssertEqual(json["shared"]?["rounds"]?.number, Double(s.savings.shared.rounds))
        XCTAssertEqual(json["baseline"]?["rounds"]?.number, Double(s.savings.baseline.rounds))
        XCTAssertEqual(json["savings"]?["money_gbp"]?.number ?? .nan, s.savings.money, accuracy: 0.005)
        XCTAssertEqual(json["unplaced_visits"]?["shared"]?.number, Double(s.shared.unplaced.count))
        XCTAssertEqual(json["unplaced_visits"]?["baseline"]?.number, Double(s.baseline.unplaced.count))
    }

    func testOrderRulesBrokenWithinADayAreListedOneObjectEach() throws {
        var s = try PlannedSample.make("2026-W48")
        XCTAssertEqual(try document(s)["order_conflicts"], .array([]), "an empty list when every rule is kept")
        s.shared.orderConflicts = [
            OrderConflict(
                day: .wednesday, segment: 7, street: "Mill \"&\" Church Lane", first: "grass_cutting",
                then: "sweeping", reason: "round wed-2 keeps its hours and cannot start later"),
            OrderConflict(
                day: .friday, segment: 12, street: "High Street", first: "grass_cutting", then: "litter_picking",
                reason: "moving one round put another street out of order")
        ]
        let listed = try XCTUnwrap(try document(s)["order_conflicts"]?.array)
        XCTAssertEqual(listed.count, 2)
        XCTAssertEqual(listed[0]["day"]?.string, "wed")
        XCTAssertEqual(listed[0]["segment"]?.number, 7)
        XCTAssertEqual(listed[0]["street"]?.string, "Mill \"&\" Church Lane", "quotes survive the round trip")
        XCTAssertEqual(listed[0]["first"]?.string, "grass_cutting")
        XCTAssertEqual(listed[0]["then"]?.string, "sweeping")
        XCTAssertEqual(listed[0]["reason"]?.string, "round wed-2 keeps its hours and cannot start later")
        XCTAssertEqual(listed[1]["day"]?.string, "fri")
        XCTAssertEqual(listed[1]["then"]?.string, "litter_picking")
    }
}
