/// The units of the Planning module, stated once: durations in whole
/// seconds (`Int`) unless a name says minutes (clock times, in minutes after
/// midnight), distances in metres (`Double`). Conversions for what people
/// read (hours, kilometres) and what the registry gives (hours, minutes)
/// go through here, so no `* 60`, `/ 1000` or `* 3600` is scattered about.
enum PlanUnits {
    static let secondsPerMinute = 60
    static let secondsPerHour = 3_600
    /// A day on the roster's clock: a round ending later runs into the next day.
    static let minutesPerDay = 1_440
    static let metresPerKilometre = 1_000.0
    /// The street graph's cost scale.
    static let millisecondsPerSecond = 1_000

    /// Whole seconds in `hours`, rounded down (a shift).
    static func seconds(hours: Double) -> Int { Int(hours * Double(secondsPerHour)) }
    /// Whole seconds of work in `minutes`, rounded up, at least 1 (a service).
    static func serviceSeconds(minutes: Double) -> Int {
        max(1, Int((minutes * Double(secondsPerMinute)).rounded(.up)))
    }
    /// Seconds as hours, for totals.
    static func hours(seconds: Int) -> Double { Double(seconds) / Double(secondsPerHour) }
    /// Seconds as whole minutes, rounded up (a round on the roster's clock).
    static func minutes(roundingUp seconds: Int) -> Int { (seconds + secondsPerMinute - 1) / secondsPerMinute }
    /// Metres as kilometres.
    static func kilometres(metres: Double) -> Double { metres / metresPerKilometre }
}
