import XCTest

@testable import Planning
@testable import Works

/// Stable weeks in the periodic layer and the roster, on hand-made inputs:
/// last week's days and crews come first while still allowed.
final class DayAssignmentPreferencesTests: XCTestCase {
    /// Preferences of one task visit per segment, all on `day` with `crew`.
    private func preferences(
        _ org: String, _ task: String, segments: [Int], day: Weekday,
        crew: String = "C-1"
    ) -> PlanPreferences {
        var p = PlanPreferences()
        for s in segments {
            p.add(
                PlanPreferences.VisitKey(organisation: org, taskID: task, segment: s),
                PlanPreferences.Placement(day: day, crewOrganisation: org, crew: crew, depot: "d", position: 0))
        }
        return p
    }

    func testATaskKeepsLastWeeksDayOverBalance() {
        // Five equal tasks, one a day fresh; with last week's days all on Thursday, all stay there.
        var p = PlanPreferences()
        for k in 1...5 {
            for s in [k * 10] {
                p.add(
                    PlanPreferences.VisitKey(organisation: "a", taskID: "T\(k)", segment: s),
                    PlanPreferences.Placement(
                        day: .thursday, crewOrganisation: "a", crew: "C-1", depot: "d",
                        position: 0))
            }
        }
        let tasks = (1...5).map { taskWeek("a", "T\($0)", "sweeping", segments: [$0 * 10]) }
        let weeks = DayAssignment(orderRules: [], preferences: p).assign(tasks) { _ in
            DayAssignment.Workload(depot: "d", seconds: 3_600)
        }
        XCTAssertEqual(weeks.map(\.days), Array(repeating: [.thursday], count: 5))
    }

    func testADayNoLongerAllowedGivesWayAndANewTaskIsPlacedAsUsual() {
        let p = preferences("a", "T", segments: [1], day: .monday)
        let moved = taskWeek("a", "T", "sweeping", segments: [1], allowed: [.tuesday, .wednesday])
        let new = taskWeek("a", "N", "sweeping", segments: [2])
        let weeks = DayAssignment(orderRules: [], preferences: p).assign([moved, new]) { _ in
            DayAssignment.Workload(depot: "d", seconds: 60)
        }
        XCTAssertEqual(weeks[0].days.count, 1)
        XCTAssertTrue([.tuesday, .wednesday].contains(weeks[0].days[0]), "\(weeks[0].days)")
        XCTAssertEqual(weeks[1].days.count, 1)
    }

    func testAnOrderRuleStillComesBeforeLastWeeksDay() {
        // Last week the sweep was on Monday; this week the grass is cut on Thursday only.
        let rule = Compatibility.OrderRule(first: "grass_cutting", then: "sweeping", why: "cuttings")
        let p = preferences("c", "S", segments: [7], day: .monday)
        let cut = taskWeek("h", "G", "grass_cutting", segments: [7], allowed: [.thursday])
        let sweep = taskWeek("c", "S", "sweeping", segments: [7])
        let weeks = DayAssignment(orderRules: [rule], preferences: p).assign([cut, sweep]) { _ in
            DayAssignment.Workload(depot: "d", seconds: 60)
        }
        XCTAssertGreaterThanOrEqual(weeks[1].days[0], .thursday)
    }

    func testTheRosterGivesARoundToLastWeeksCrew() {
        let crews = (1...3).map {
            Organisation.Crew(
                id: "C-\($0)", depot: "yard", vehicleType: "van", skills: ["sweeping"], shiftHours: 7.5,
                capacity: nil, capacityUnit: nil, costPerHour: 30, costPerKm: 0.5, co2ePerKm: 0.2)
        }
        let crewClass = CrewPool.CrewClass(
            key: "o|yard|van|sweeping", organisation: "o", depot: "yard", depotNode: 0,
            crews: crews, skills: ["sweeping"], vehicleType: "van", capacity: nil,
            shiftSeconds: 27_000, costPerHour: 30, costPerKm: 0.5, co2ePerKm: 0.2)
        let part = PlannedVisit.Part(organisation: "o", taskID: "T", activity: "sweeping")
        let visit = PlannedVisit(segment: 5, day: .monday, parts: [part], serviceSeconds: 60, demand: 0)
        let round = Round(
            id: "mon-1", day: .monday, organisation: "o", crew: "", depot: "yard", startMinutes: 0,
            stops: [Round.Stop(visit: visit, reversed: false, arrival: 0, departure: 60)], path: [],
            seconds: 3_600, serviceSeconds: 60, metres: 0, deadheadMetres: 0, load: 0, extraShift: false)
        let fresh = CrewRoster(crewClass: crewClass, shiftStart: 420).assign([round], on: .monday).placed
        XCTAssertEqual(fresh.first?.crew, "C-1")
        let kept = CrewRoster(
            crewClass: crewClass, shiftStart: 420,
            preferences: preferences("o", "T", segments: [5], day: .monday, crew: "C-3")
        )
        .assign([round], on: .monday).placed
        XCTAssertEqual(kept.first?.crew, "C-3")
        XCTAssertEqual(kept.first?.extraShift, false)
    }
}
