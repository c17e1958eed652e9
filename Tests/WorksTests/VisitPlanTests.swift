import Foundation
import Works
import XCTest

final class VisitPlanTests: XCTestCase {
    let anchor = ISOWeek(year: 2026, week: 1)
    /// Weeks' Mondays are midnight UTC: their day of the month in UTC, whatever the machine's time zone.
    static let utc: Calendar = {
        var c = Calendar(identifier: .iso8601)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    private func plan(
        _ frequency: Frequency, days: [Weekday] = Weekday.workingWeek, season: Season? = nil,
        from: String, to: String, cycleWeek: Int? = nil
    ) -> VisitPlan {
        let task = StreetTask(
            organisation: "o", taskID: "t", activity: "sweeping", frequency: frequency, season: season, weekdays: days,
            cycleWeek: cycleWeek)
        return VisitPlan(
            task, from: ISOWeek(parsing: from)!.monday, to: ISOWeek(parsing: to)!.date(of: .sunday), anchor: anchor)
    }

    func testISOWeeks() {
        let w48 = ISOWeek(parsing: "2026-W48")!
        XCTAssertEqual(ISO8601DateFormatter().string(from: w48.monday), "2026-11-23T00:00:00Z")
        XCTAssertEqual(ISOWeek(containing: w48.date(of: .sunday)), w48)
        XCTAssertEqual(w48.adding(weeks: 6).description, "2027-W01")  // 2026 has 53 weeks
        XCTAssertNotNil(ISOWeek(parsing: "2026-W53"))
        XCTAssertNil(ISOWeek(parsing: "2027-W53"))
        XCTAssertNil(ISOWeek(parsing: "2026-48"))
        let typos = ["+026-W48", "0026-W48", "0000-W01", "1999-W52", "3000-W01", "٢٠٢٦-W48", "2026-W+8", " 2026-W48"]
        for typo in typos {
            XCTAssertNil(ISOWeek(parsing: typo), typo)
        }
        XCTAssertNotNil(ISOWeek(parsing: "2000-W01"))
    }

    func testFortnightlyParityFromTheAnchor() {
        let p = plan(.fortnightly, from: "2026-W01", to: "2026-W08")
        XCTAssertEqual(p.weeks.map(\.week.week), [1, 3, 5, 7])
        XCTAssertEqual(p.totalVisits, 4)
        // Across the new year, counting goes on from the anchor (2026 has 53 weeks).
        XCTAssertEqual(
            plan(.fortnightly, from: "2026-W52", to: "2027-W02").weeks.map(\.week.description), ["2026-W53", "2027-W02"]
        )
    }

    func testPerWeekAndDaily() {
        XCTAssertEqual(
            plan(.perWeek(3), days: [.monday, .wednesday, .friday, .saturday], from: "2026-W10", to: "2026-W11")
                .totalVisits, 6)
        XCTAssertEqual(plan(.daily, days: [.monday, .tuesday], from: "2026-W10", to: "2026-W10").totalVisits, 2)
    }

    func testMonthlyIsOneWeekAMonth() {
        let p = plan(.monthly, from: "2026-W01", to: "2026-W52")
        XCTAssertEqual(p.weeks.count, 12)
        XCTAssertTrue(
            p.weeks.allSatisfy {
                (1...7).contains(Self.utc.component(.day, from: $0.week.monday))
            })
    }

    /// The weeks of a cycle split the year: fortnightly 1 and 2 alternate
    /// and cover every week; monthly 1 to 4 each fall once a month, on
    /// Mondays of days 1-7, 8-14, 15-21 and 22-28, and no two in one week.
    func testTheWeekOfTheCyclePicksAnotherWeek() {
        let odd = plan(.fortnightly, from: "2026-W01", to: "2026-W53", cycleWeek: 1).weeks.map(\.week)
        let even = plan(.fortnightly, from: "2026-W01", to: "2026-W53", cycleWeek: 2).weeks.map(\.week)
        XCTAssertEqual(even.prefix(3).map(\.week), [2, 4, 6])
        XCTAssertEqual(Set(odd).union(even).count, 53)
        XCTAssertTrue(Set(odd).isDisjoint(with: even))
        XCTAssertEqual(odd, plan(.fortnightly, from: "2026-W01", to: "2026-W53").weeks.map(\.week), "1 = left out")
        var seen: Set<ISOWeek> = []
        for k in 1...4 {
            let weeks = plan(.monthly, from: "2026-W01", to: "2026-W53", cycleWeek: k).weeks.map(\.week)
            XCTAssertEqual(weeks.count, 12, "week \(k) of each month")
            let days = weeks.map { Self.utc.component(.day, from: $0.monday) }
            XCTAssertTrue(days.allSatisfy { (7 * (k - 1) + 1...7 * k).contains($0) }, "\(k): \(days)")
            XCTAssertTrue(seen.isDisjoint(with: weeks))
            seen.formUnion(weeks)
        }
        // 2026-W05 starts on Monday 26 January, W22 on Monday 25 May; W14 on Monday 30 March: no monthly work.
        XCTAssertFalse(seen.contains(ISOWeek(year: 2026, week: 14)))
        XCTAssertEqual(seen.count, 48)
    }

    func testSeasonsCutVisits() {
        let winter = Season(from: .init(month: 11, day: 1), to: .init(month: 3, day: 31))
        XCTAssertEqual(
            plan(.daily, days: Weekday.allCases, season: winter, from: "2026-W20", to: "2026-W21").totalVisits, 0)
        XCTAssertEqual(
            plan(.daily, days: Weekday.allCases, season: winter, from: "2026-W48", to: "2026-W48").totalVisits, 7)
        // 2026-W14 runs Mon 30 March to Sun 5 April: two days in season.
        XCTAssertEqual(
            plan(.daily, days: Weekday.allCases, season: winter, from: "2026-W14", to: "2026-W14").totalVisits, 2)
    }
}
