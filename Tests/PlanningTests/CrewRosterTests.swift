import Works
import XCTest

@testable import Planning

/// The roster on hand-made rounds: crews one round after another within a
/// shift on their days, what they cannot take left over (never an extra
/// shift), timed rounds at their hours.
final class CrewRosterTests: XCTestCase {
    private func crewClass(crews: Int, shiftHours: Double = 7.5) -> CrewPool.CrewClass {
        let list = (1...crews).map {
            Organisation.Crew(
                id: "C-\($0)", depot: "yard", vehicleType: "van", skills: ["sweeping"],
                shiftHours: shiftHours, capacity: nil, capacityUnit: nil, costPerHour: 30, costPerKm: 0.5,
                co2ePerKm: 0.2)
        }
        return CrewPool.CrewClass(
            key: "o|yard|van|sweeping", organisation: "o", depot: "yard", depotNode: 0,
            crews: list, skills: ["sweeping"], vehicleType: "van", capacity: nil,
            shiftSeconds: Int(shiftHours * 3600), costPerHour: 30, costPerKm: 0.5, co2ePerKm: 0.2)
    }

    private func round(_ id: String, hours: Double, window: TimeWindow? = nil) -> Round {
        let visit = PlannedVisit(segment: 0, day: .monday, parts: [], serviceSeconds: 60, demand: 0, window: window)
        return Round(
            id: id, day: .monday, organisation: "o", crew: "", depot: "yard", startMinutes: window?.start ?? 0,
            stops: [Round.Stop(visit: visit, reversed: false, arrival: 0, departure: 60)], path: [],
            seconds: Int(hours * 3600), serviceSeconds: 60, metres: 0, deadheadMetres: 0, load: 0,
            extraShift: false)
    }

    func testTwoShortRoundsGoToOneCrewOneAfterTheOther() {
        let roster = CrewRoster(crewClass: crewClass(crews: 2), shiftStart: 7 * 60)
        let out = roster.assign([round("a", hours: 3), round("b", hours: 3), round("c", hours: 3)], on: .monday)
        XCTAssertTrue(out.leftOver.isEmpty)
        let first = out.placed.filter { $0.crew == "C-1" }.sorted { $0.startMinutes < $1.startMinutes }
        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(first.map(\.startMinutes), [7 * 60, 10 * 60])
        XCTAssertEqual(out.placed.filter { $0.crew == "C-2" }.count, 1)
    }

    /// A round that does not fit after the first crew's goes to the next crew at that crew's own free
    /// time (the shift start), not at the first crew's.
    func testARoundStartsWhenItsOwnCrewIsFree() {
        let roster = CrewRoster(crewClass: crewClass(crews: 2), shiftStart: 7 * 60)
        let out = roster.assign([round("a", hours: 5), round("b", hours: 4)], on: .monday)
        let b = out.placed.first { $0.id == "b" }
        XCTAssertEqual(b?.crew, "C-2")
        XCTAssertEqual(b?.startMinutes, 7 * 60, "C-2 is free from 07:00")
    }

    func testRoundsBeyondTheCrewsShiftsAreLeftOverNotExtraShifts() {
        let roster = CrewRoster(crewClass: crewClass(crews: 1), shiftStart: 7 * 60)
        let out = roster.assign([round("a", hours: 5), round("b", hours: 4)], on: .monday)
        XCTAssertEqual(out.placed.map(\.id), ["a"], "the longest first")
        XCTAssertEqual(out.leftOver.map(\.id), ["b"], "the other does not fit the shift")
        XCTAssertFalse(out.placed.contains { $0.extraShift })
        XCTAssertEqual(roster.spareMinutes(on: .monday, placed: out.placed), 150)
    }

    func testNoCrewWorksOffItsDays() {
        var weekdays = crewClass(crews: 2)
        weekdays.crews[1].days = [.saturday]
        let roster = CrewRoster(crewClass: weekdays, shiftStart: 7 * 60)
        let saturday = roster.assign([round("s", hours: 2)], on: .saturday)
        XCTAssertEqual(saturday.placed.map(\.crew), ["C-2"])
        let sunday = roster.assign([round("u", hours: 2)], on: .sunday)
        XCTAssertEqual(sunday.leftOver.map(\.id), ["u"], "nobody works on Sunday")
        XCTAssertEqual(roster.spareMinutes(on: .sunday, placed: []), 0)
    }

    func testATimedRoundKeepsItsHours() {
        let window = TimeWindow(start: 6 * 60, end: 8 * 60)
        let roster = CrewRoster(crewClass: crewClass(crews: 1), shiftStart: 7 * 60)
        let out = roster.assign([round("t", hours: 1.5, window: window), round("u", hours: 4)], on: .monday)
        XCTAssertEqual(out.placed.first { $0.id == "t" }?.startMinutes, 6 * 60)
        XCTAssertEqual(out.placed.first { $0.id == "u" }?.startMinutes, 7 * 60 + 30, "after the timed round, same crew")
        XCTAssertTrue(out.leftOver.isEmpty)
    }

    func testACrewOutPastMidnightStartsTheNextDayWhenItIsBack() {
        // A night shift from 20:00: the 6 h round ends at 02:00 on Tuesday.
        let roster = CrewRoster(crewClass: crewClass(crews: 2, shiftHours: 8), shiftStart: 20 * 60)
        let monday = roster.assign([round("night", hours: 6)], on: .monday)
        let night = monday.placed.first { $0.id == "night" }
        XCTAssertEqual(night?.crew, "C-1")
        let busy = CrewRoster.carriedOver(monday.placed)
        XCTAssertEqual(busy, ["C-1": 2 * 60], "out until 02:00 the next day")
        let early = TimeWindow(start: 60, end: 4 * 60)
        let tuesday = roster.assign([round("early", hours: 1, window: early)], on: .tuesday, busyUntil: busy)
        XCTAssertEqual(tuesday.placed.first?.crew, "C-2", "C-1 is still out at 01:00")
        let alone = CrewRoster(crewClass: crewClass(crews: 1, shiftHours: 8), shiftStart: 20 * 60)
        let none = alone.assign([round("early", hours: 1, window: early)], on: .tuesday, busyUntil: busy)
        XCTAssertEqual(none.leftOver.map(\.id), ["early"], "the only crew is still out: left over, not booked twice")
        let later = alone.assign([round("u", hours: 2)], on: .tuesday, busyUntil: ["C-1": 21 * 60])
        XCTAssertEqual(later.placed.first?.startMinutes, 21 * 60, "an untimed round waits until the crew is back")
    }

    func testOnlyRoundsPastMidnightAreCarriedOver() {
        let roster = CrewRoster(crewClass: crewClass(crews: 1, shiftHours: 24), shiftStart: 7 * 60)
        let monday = roster.assign([round("day", hours: 17)], on: .monday)
        XCTAssertEqual(CrewRoster.carriedOver(monday.placed), [:], "07:00 + 17 h ends at midnight exactly")
        let longer = roster.assign([round("day", hours: 17.01)], on: .monday)
        XCTAssertEqual(CrewRoster.carriedOver(longer.placed), ["C-1": 1], "a minute past, rounded up")
    }

    /// Fleet repair's move onto Monday night: Tuesday, whose early round the crew now cannot reach, is
    /// rostered again, onto the other crew, or the move is refused when there is none.
    func testAMoveThatRunsPastMidnightRostersTheNextDayAgain() {
        let monday = CrewRoster.Key(day: .monday, pool: 0, crewClass: "o|yard|van|sweeping")
        let tuesday = CrewRoster.Key(day: .tuesday, pool: 0, crewClass: monday.crewClass)
        let wednesday = CrewRoster.Key(day: .wednesday, pool: 0, crewClass: monday.crewClass)
        var early = round("early", hours: 1, window: TimeWindow(start: 0, end: 3 * 60))
        early.day = .tuesday
        early.crew = "C-1"
        var late = round("late", hours: 1, window: TimeWindow(start: 22 * 60, end: 24 * 60))
        late.day = .wednesday
        late.crew = "C-1"
        let placed = [monday: [Round](), tuesday: [early], wednesday: [late]]
        let night = round("night", hours: 6)
        let two = CrewRoster(crewClass: crewClass(crews: 2, shiftHours: 8), shiftStart: 20 * 60)
        let moved = two.assignOnward([night], into: monday, placed: placed)
        XCTAssertEqual(moved?[monday]?.map(\.crew), ["C-1"])
        XCTAssertEqual(moved?[tuesday]?.map(\.crew), ["C-2"], "C-1 is out until 02:00")
        XCTAssertEqual(moved?[wednesday]?.map(\.crew), ["C-1"], "Tuesday carries nothing past midnight")
        let one = CrewRoster(crewClass: crewClass(crews: 1, shiftHours: 8), shiftStart: 20 * 60)
        XCTAssertNil(one.assignOnward([night], into: monday, placed: placed), "no crew left for Tuesday's early round")
        let short = round("short", hours: 2)
        XCTAssertEqual(
            one.assignOnward([short], into: monday, placed: placed)?[tuesday]?.map(\.crew), ["C-1"],
            "back at 22:00: Tuesday as it was")
    }
}
