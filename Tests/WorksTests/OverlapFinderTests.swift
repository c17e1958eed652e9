import Foundation
import Geometry
import StreetNetwork
import TestSupport
import Works
import XCTest

final class OverlapFinderTests: XCTestCase {
    // Two streets: "ab" (segment 0) and "bc" (segment 1).
    private func finder() throws -> OverlapFinder {
        let map = DrawnMap("a     b     c")
        let lines = ["ab", "bc"].enumerated().map { k, name in
            StreetLine(
                featureIndex: k, sourceID: "\(k)", name: name, roadClass: "residential", speedKmh: 30,
                points: map.path(name).map { Point(x: $0.x * 10, y: $0.y) })
        }
        let network = try StreetNetwork(lines: lines, crs: .britishNationalGrid)
        let catalogue = try shippedCatalogue()
        let table = try Compatibility(
            contentsOf: SharedData.projectRoot.appendingPathComponent("data/compatibility.json"), catalogue: catalogue)
        return OverlapFinder(
            network: network, catalogue: catalogue, registry: try shippedRegistry(), compatibility: table)
    }

    private func task(
        _ org: String, _ id: String, _ activity: String, _ frequency: Frequency = .weekly,
        days: [Weekday] = Weekday.workingWeek,
        priority: Int? = nil
    ) -> StreetTask {
        StreetTask(
            organisation: org, taskID: id, activity: activity, frequency: frequency, weekdays: days, priority: priority)
    }

    private func find(_ tasks: [(StreetTask, [Int])], week: String = "2026-W48") throws -> [Overlap] {
        let w = ISOWeek(parsing: week)!
        return try finder().find(
            tasks.map { MatchedTask(task: $0.0, segments: $0.1) }, from: w.monday, to: w.date(of: .sunday),
            anchor: ISOWeek(year: 2026, week: 1))
    }

    func testDuplicate() throws {
        let found = try find([
            (task("county-council", "A", "sweeping"), [0, 1]), (task("town-council", "B", "sweeping", .perWeek(2)), [1])
        ])
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found[0].kind, .duplicate)
        XCTAssertEqual(found[0].segment, 1)
        XCTAssertEqual(found[0].coVisits, 1)
        XCTAssertEqual(found[0].parties.map(\.taskID), ["A", "B"])
        XCTAssertGreaterThan(found[0].saving.minutes, 0)
        XCTAssertGreaterThan(found[0].saving.money, 0)
    }

    func testSameOrganisationIsNotAnOverlap() throws {
        XCTAssertEqual(
            try find([(task("town-council", "A", "sweeping"), [0]), (task("town-council", "B", "sweeping"), [0])]), [])
    }

    func testShareableCombinableOrGroupedOnADay() throws {
        let combine = try find([
            (task("county-council", "A", "sweeping"), [0]), (task("town-council", "B", "litter_picking"), [0])
        ])
        XCTAssertEqual(combine.map(\.kind), [.shareable])
        XCTAssertTrue(combine[0].combinable)
        let group = try find(
            [
                (task("highways-contractor", "G", "gully_emptying", .monthly), [0]),
                (task("county-council", "S", "sweeping"), [0])
            ], week: "2026-W50")
        XCTAssertEqual(group.map(\.kind), [.shareable])  // W50 holds December's first Monday: monthly is due
        guard group.count == 1 else { return }
        XCTAssertFalse(group[0].combinable)
        XCTAssertTrue(group[0].reason.contains("sweep first"))
        // The combinable pair saves a set-up as well as the drive.
        XCTAssertGreaterThan(combine[0].saving.minutes, group[0].saving.minutes)
    }

    func testConflictsOrderRuleAndGritting() throws {
        // Sweeping only Monday, grass cutting only Thursday: sweeping always comes first.
        let order = try find([
            (task("county-council", "S", "sweeping", days: [.monday]), [0]),
            (task("housing-association", "G", "grass_cutting", days: [.thursday]), [0])
        ])
        XCTAssertEqual(order.map(\.kind), [.conflict])
        XCTAssertTrue(order[0].reason.contains("leaves the cuttings"))
        // With a day on which cutting can come first, it is shareable.
        let fine = try find([
            (task("county-council", "S", "sweeping", days: [.monday, .friday]), [0]),
            (task("housing-association", "G", "grass_cutting", days: [.thursday]), [0])
        ])
        XCTAssertEqual(fine.map(\.kind), [.shareable])
        // Sweeping a gritting route on a gritting day.
        let grit = try find([
            (task("highways-contractor", "R", "gritting", .daily, days: Weekday.allCases, priority: 1), [0]),
            (task("town-council", "S", "sweeping"), [0])
        ])
        XCTAssertEqual(grit.map(\.kind), [.conflict])
        XCTAssertTrue(grit[0].reason.contains("removes the salt"))
    }

    func testNoCommonWeekNoOverlap() throws {
        // Fortnightly is due in W49 (48 weeks after the anchor); monthly is not (December's first Monday is in W50).
        let found = try find(
            [
                (task("county-council", "A", "sweeping", .fortnightly), [0]),
                (task("town-council", "B", "sweeping", .monthly), [0])
            ], week: "2026-W49")
        XCTAssertEqual(found, [])
    }

    func testKeysAreStableAndDistinct() throws {
        let tasks = [(task("county-council", "A", "sweeping"), [0, 1]), (task("town-council", "B", "sweeping"), [0, 1])]
        let one = try find(tasks)
        let two = try find(tasks, week: "2026-W50")
        XCTAssertEqual(one.map(\.key), two.map(\.key))  // the week is not part of the key
        XCTAssertEqual(Set(one.map(\.key)).count, 2)
    }
}
