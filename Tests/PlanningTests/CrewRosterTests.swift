@testable import Planning
import Works
import XCTest

/// The roster on hand-made rounds: crews one round after another within a
/// shift, extra shifts only beyond the crews, timed rounds at their hours.
final class CrewRosterTests: XCTestCase {
    private func crewClass(crews: Int, shiftHours: Double = 7.5) -> CrewPool.CrewClass {
        let list = (1...crews).map {
            Organisation.Crew(id: "C-\($0)", depot: "yard", vehicleType: "van", skills: ["sweeping"], shiftHours: shiftHours,
                              capacity: nil, capacityUnit: nil, costPerHour: 30, costPerKm: 0.5, co2ePerKm: 0.2)
        }
        return CrewPool.CrewClass(key: "o|yard|van|sweeping", organisation: "o", depot: "yard", depotNode: 0, crews: list,
                                  skills: ["sweeping"], vehicleType: "van", capacity: nil, shiftSeconds: Int(shiftHours * 3600),
                                  costPerHour: 30, costPerKm: 0.5, co2ePerKm: 0.2)
    }

    private func round(_ id: String, hours: Double, window: TimeWindow? = nil) -> Round {
        let visit = PlannedVisit(segment: 0, day: .monday, parts: [], serviceSeconds: 60, demand: 0, window: window)
        return Round(id: id, day: .monday, organisation: "o", crew: "", depot: "yard", startMinutes: window?.start ?? 0,
                     stops: [Round.Stop(visit: visit, reversed: false, arrival: 0, departure: 60)], path: [],
                     seconds: Int(hours * 3600), serviceSeconds: 60, metres: 0, deadheadMetres: 0, load: 0, extraShift: false)
    }

    func testTwoShortRoundsGoToOneCrewOneAfterTheOther() {
        let roster = CrewRoster(crewClass: crewClass(crews: 2), shiftStart: 7 * 60)
        let out = roster.assign([round("a", hours: 3), round("b", hours: 3), round("c", hours: 3)])
        XCTAssertFalse(out.contains { $0.extraShift })
        let first = out.filter { $0.crew == "C-1" }.sorted { $0.startMinutes < $1.startMinutes }
        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(first.map(\.startMinutes), [7 * 60, 10 * 60])
        XCTAssertEqual(out.filter { $0.crew == "C-2" }.count, 1)
    }

    func testRoundsBeyondTheCrewsShiftsAreExtraShifts() {
        let roster = CrewRoster(crewClass: crewClass(crews: 1), shiftStart: 7 * 60)
        let out = roster.assign([round("a", hours: 5), round("b", hours: 4)])
        XCTAssertEqual(out.filter(\.extraShift).map(\.id), ["b"], "the longest first; the other does not fit the shift")
        XCTAssertTrue(out.allSatisfy { $0.crew == "C-1" })
    }

    func testATimedRoundKeepsItsHours() {
        let window = TimeWindow(start: 6 * 60, end: 8 * 60)
        let roster = CrewRoster(crewClass: crewClass(crews: 1), shiftStart: 7 * 60)
        let out = roster.assign([round("t", hours: 1.5, window: window), round("u", hours: 4)])
        let timed = try? XCTUnwrap(out.first { $0.id == "t" })
        XCTAssertEqual(timed?.startMinutes, 6 * 60)
        let untimed = out.first { $0.id == "u" }
        XCTAssertEqual(untimed?.startMinutes, 7 * 60 + 30, "after the timed round, same crew")
        XCTAssertFalse(out.contains { $0.extraShift })
    }
}
