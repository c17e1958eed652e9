import TestSupport
import XCTest

@testable import Planning
@testable import Works

/// Merging on a drawn street: one stop per crew-doable group, set-up once.
final class VisitMergingTests: XCTestCase {
    // a----------b: one 100 m street (segment 0).
    private let picture = """
        a          b
        """

    private func merging() throws -> VisitMerging {
        let catalogue = try shippedCatalogue()
        let pair = Compatibility.Pair(combine: true, conflict: false, why: "one crew")
        let table = Compatibility(pairs: [("sweeping", "litter_picking", pair)], orderRules: [])
        return VisitMerging(network: try drawnNetwork(picture, ["ab"]), catalogue: catalogue, compatibility: table)
    }

    private func on(_ day: Weekday, _ w: WeekDemand.TaskWeek) -> WeekDemand.TaskWeek {
        var w = w
        w.days = [day]
        return w
    }

    func testCombinableVisitsOfTwoPartnersMergeInTheSharedPlanOnly() throws {
        let m = try merging()
        let weeks = [
            on(.monday, taskWeek("a", "S", "sweeping", segments: [0])),
            on(.monday, taskWeek("b", "L", "litter_picking", segments: [0]))
        ]
        let shared = m.merge(weeks, acrossOrganisations: true) { _ in true }
        XCTAssertEqual(shared.count, 1)
        XCTAssertEqual(shared[0].organisations, ["a", "b"])
        let alone = m.merge(weeks, acrossOrganisations: false) { _ in true }
        XCTAssertEqual(alone.count, 2)
        // Set-up counted once: the merged stop takes less than the two apart.
        XCTAssertLessThan(shared[0].serviceSeconds, alone.reduce(0) { $0 + $1.serviceSeconds })
    }

    func testNoMergeWithoutACrewThatCanDoBoth() throws {
        let weeks = [
            on(.monday, taskWeek("a", "S", "sweeping", segments: [0])),
            on(.monday, taskWeek("b", "L", "litter_picking", segments: [0]))
        ]
        let visits = try merging().merge(weeks, acrossOrganisations: true) { $0.count < 2 }
        XCTAssertEqual(visits.count, 2)
    }

    func testVisitsOnDifferentDaysOrHoursThatDoNotMeetStayApart() throws {
        let early = TimeWindow(start: 7 * 60, end: 9 * 60)
        let late = TimeWindow(start: 10 * 60, end: 12 * 60)
        let weeks = [
            on(.monday, taskWeek("a", "S", "sweeping", segments: [0], hours: early)),
            on(.monday, taskWeek("b", "L", "litter_picking", segments: [0], hours: late)),
            on(.tuesday, taskWeek("c", "L2", "litter_picking", segments: [0]))
        ]
        let visits = try merging().merge(weeks, acrossOrganisations: true) { _ in true }
        XCTAssertEqual(visits.count, 3)
        XCTAssertEqual(visits.filter { $0.day == .monday }.compactMap(\.window), [early, late])
    }

    func testOverlappingHoursMergeIntoTheirOverlap() {
        let a = TimeWindow(start: 7 * 60, end: 11 * 60)
        let b = TimeWindow(start: 9 * 60, end: 13 * 60)
        XCTAssertEqual(VisitMerging.overlap(a, b), .some(TimeWindow(start: 9 * 60, end: 11 * 60)))
        XCTAssertEqual(VisitMerging.overlap(nil, b), .some(b))
        XCTAssertNil(VisitMerging.overlap(a, TimeWindow(start: 11 * 60, end: 12 * 60)))
    }
}
