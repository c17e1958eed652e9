import Foundation

/// When a task visits its streets in a period: for each ISO week of the
/// period, the weekdays it may work (allowed, in the period, in season) and
/// how many visits it makes there.
///
/// Rules: `daily` visits every such day; `N/week` makes N visits (at most
/// the days available); `fortnightly` and `monthly` tasks in one week of
/// their cycle (`Frequency.isDue`, the task's `cycleWeek`).
public struct VisitPlan: Sendable, Equatable {
    public struct Week: Sendable, Equatable {
        public var week: ISOWeek
        public var days: [Weekday]
        public var visits: Int
    }

    public var weeks: [Week]

    public var totalVisits: Int { weeks.reduce(0) { $0 + $1.visits } }

    /// - Parameters:
    ///   - from, to: the period's first and last day (UTC dates, inclusive).
    ///   - anchor: the week fortnightly tasks count from.
    public init(_ task: StreetTask, from: Date, to: Date, anchor: ISOWeek) {
        var weeks: [Week] = []
        var week = ISOWeek(containing: from)
        let last = ISOWeek(containing: to)
        let start = ISOWeek.calendar.startOfDay(for: from)
        let end = ISOWeek.calendar.startOfDay(for: to)
        while week <= last {
            if task.frequency.isDue(in: week, cycleWeek: task.cycleWeek, anchor: anchor) {
                let days = task.weekdays.filter { day in
                    let date = week.date(of: day)
                    return date >= start && date <= end && (task.season?.contains(date.monthDay) ?? true)
                }
                let visits = min(days.count, task.frequency.visitsInDueWeek(allowed: days.count))
                if visits > 0 { weeks.append(Week(week: week, days: days, visits: visits)) }
            }
            week = week.adding(weeks: 1)
        }
        self.weeks = weeks
    }
}
