import Works

/// Stable weeks in the periodic layer: a task keeps the days its visits had
/// in the plan the week starts from, where they are still allowed.
extension DayAssignment {
    /// Score won per day kept, weighted by the share of the task's segments
    /// that had it: above any balance or alignment gain, below an order
    /// rule broken on one street (`orderPenalty`), since the order is a
    /// rule and the days only a habit.
    static let preferenceWeight = 1e6

    /// For each ISO weekday, the share of the task's segments visited that
    /// day last week (all 0 when there is no previous plan or the task is new).
    func preferredDayShares(_ w: WeekDemand.TaskWeek) -> [Double] {
        preferences.isEmpty
            ? [Double](repeating: 0, count: 8)
            : preferences.dayShares(organisation: w.task.organisation, taskID: w.task.taskID, segments: w.segments)
    }

    /// The even patterns (each rotation of n days spread over the allowed
    /// days) and, when still allowed, last week's days themselves.
    func candidatePatterns(_ w: WeekDemand.TaskWeek, preferred shares: [Double]) -> [[Weekday]] {
        let d = w.allowed.count
        let n = w.visits
        var patterns = (0..<max(1, d)).map { offset in
            (0..<n).map { w.allowed[(offset + $0 * d / n) % d] }.sorted()
        }
        let previous = w.allowed.filter { shares[$0.rawValue] >= 0.5 }
        if previous.count == n, n > 0, !patterns.contains(previous) { patterns.append(previous) }
        return patterns
    }

    /// What keeping last week's days is worth to a pattern.
    func preferenceScore(_ days: [Weekday], shares: [Double]) -> Double {
        days.reduce(0) { $0 + Self.preferenceWeight * shares[$1.rawValue] }
    }
}
