import Works

/// Stage 7, the roster: gives a day's rounds of one crew class to its crews
/// that work that day. A crew works one shift a day at most, and may do
/// several rounds in it one after another. Rounds with hours keep their
/// start; the others start when a crew is free (at the shift start at the
/// earliest). Timed rounds go first, in order of their start; then the
/// others, longest first (first-fit decreasing). A round no crew can take is
/// left over: the fleet repair tries another crew class, else it is reported
/// as a shortfall; no crew ever works beyond its shift or off its days, nor
/// starts a day's work before its round of the day before is back (a shift
/// that runs past midnight: `busyUntil`).
struct CrewRoster {
    var crewClass: CrewPool.CrewClass
    /// When untimed rounds may start, in minutes after midnight.
    var shiftStart: Int
    /// Stable weeks: a round goes first to the crew most of its visits had
    /// last week, when that crew is free (CrewRoster+Preferences.swift).
    var preferences = PlanPreferences()

    /// Which rounds a roster is made for: one day, one pool, one crew class.
    struct Key: Hashable, Comparable {
        var day: Weekday
        var pool: Int
        var crewClass: String

        static func < (a: Key, b: Key) -> Bool {
            (a.day.rawValue, a.pool, a.crewClass) < (b.day.rawValue, b.pool, b.crewClass)
        }

        /// The same pool and class the day before (nil on Monday).
        var dayBefore: Key? { shifted(by: -1) }
        /// The same pool and class the day after (nil on Sunday).
        var dayAfter: Key? { shifted(by: 1) }

        private func shifted(by days: Int) -> Key? {
            Weekday(rawValue: day.rawValue + days).map { Key(day: $0, pool: pool, crewClass: crewClass) }
        }
    }

    /// A day's rounds: those given to a crew, and those no crew could take.
    struct Rostered {
        var placed: [Round] = []
        var leftOver: [Round] = []
    }

    /// The crews of the class that work on `day`.
    func working(on day: Weekday) -> [Organisation.Crew] { crewClass.crews.filter { $0.days.contains(day) } }

    /// The rounds with their crews and start times set, and those left over.
    /// - Parameter busyUntil: each crew's (by id) minute of `day` before
    ///   which it is still out on a round of the day before (`carriedOver`).
    /// - Complexity: O(r c) for r rounds and c crews.
    func assign(_ rounds: [Round], on day: Weekday, busyUntil: [String: Int] = [:]) -> Rostered {
        var rounds = rounds
        let shiftMinutes = crewClass.shiftSeconds / PlanUnits.secondsPerMinute
        let working = working(on: day)
        var crews = Crews(notBefore: working.map { busyUntil[$0.id] ?? 0 }, shiftMinutes: shiftMinutes)
        var out = Rostered()
        let timed = rounds.indices.filter { rounds[$0].isTimed }
            .sorted { rounds[$0].startMinutes < rounds[$1].startMinutes }
        let free = rounds.indices.filter { !rounds[$0].isTimed }.sorted { rounds[$0].seconds > rounds[$1].seconds }
        for k in timed + free {
            let length = PlanUnits.minutes(roundingUp: rounds[k].seconds)
            let first = preferredCrew(rounds[k], among: working)
            let placed: (crew: Int, start: Int)? =
                rounds[k].isTimed
                ? crews.place(length, start: rounds[k].startMinutes, first: first).map { ($0, rounds[k].startMinutes) }
                : crews.placeWhenFree(length, earliest: shiftStart, first: first)
            if let placed {
                rounds[k].startMinutes = placed.start
                rounds[k].crew = working[placed.crew].id
                rounds[k].extraShift = false
                out.placed.append(rounds[k])
            } else {
                if !rounds[k].isTimed { rounds[k].startMinutes = shiftStart }
                out.leftOver.append(rounds[k])
            }
        }
        return out
    }

    /// `placed` (each day's rounds of this roster's pool and class, by key)
    /// with `rounds` rostered into the day of `first`, and the days after it
    /// rostered again while what their crews carry past midnight changes;
    /// nil when any of those days then leaves a round over (fleet repair's
    /// move, which is then tried elsewhere).
    /// - Complexity: one `assign` of the day, and of each of at most six days after it.
    func assignOnward(_ rounds: [Round], into first: Key, placed before: [Key: [Round]]) -> [Key: [Round]]? {
        var placed = before
        var key = first
        var adding = rounds
        while true {
            let carriedBefore = Self.carriedOver(placed[key] ?? [])
            let busy = key.dayBefore.map { Self.carriedOver(placed[$0] ?? []) } ?? [:]
            let again = assign((placed[key] ?? []) + adding, on: key.day, busyUntil: busy)
            guard again.leftOver.isEmpty else { return nil }
            placed[key] = again.placed
            adding = []
            guard let next = key.dayAfter, placed[next] != nil, Self.carriedOver(again.placed) != carriedBefore
            else { return placed }
            key = next
        }
    }

    /// Of a day's placed rounds, those that end past midnight: each crew's
    /// minute of the next day before which it is still out (what `assign`
    /// takes as `busyUntil` for the next day).
    static func carriedOver(_ placed: [Round]) -> [String: Int] {
        var busy: [String: Int] = [:]
        for round in placed {
            let end = round.startMinutes + PlanUnits.minutes(roundingUp: round.seconds) - PlanUnits.minutesPerDay
            if end > 0 { busy[round.crew] = max(busy[round.crew] ?? 0, end) }
        }
        return busy
    }

    /// Minutes of shift the class's crews working on `day` have left after `placed`.
    func spareMinutes(on day: Weekday, placed: [Round]) -> Int {
        let shift = crewClass.shiftSeconds / PlanUnits.secondsPerMinute
        return working(on: day).count * shift - placed.reduce(0) { $0 + PlanUnits.minutes(roundingUp: $1.seconds) }
    }

    /// When each crew of the class is free, and when its shift began.
    private struct Crews {
        /// Minutes after midnight; nil while the crew has not started.
        var freeAt: [Int?]
        var firstStart: [Int]
        /// The minute before which each crew is still out from the day before.
        let notBefore: [Int]
        let shiftMinutes: Int

        init(notBefore: [Int], shiftMinutes: Int) {
            freeAt = Array(repeating: nil, count: notBefore.count)
            firstStart = Array(repeating: 0, count: notBefore.count)
            self.notBefore = notBefore
            self.shiftMinutes = shiftMinutes
        }

        /// The first crew free at `start` whose shift still holds a round of
        /// `length` minutes from then; books it.
        mutating func place(_ length: Int, start: Int, first: Int? = nil) -> Int? {
            CrewRoster.order(freeAt.indices, first: first).first { book(crew: $0, length, start: start) }
        }

        /// Tries each crew in turn, the round starting when that crew is free
        /// (its own time: never another crew's).
        mutating func placeWhenFree(_ length: Int, earliest: Int, first: Int? = nil) -> (crew: Int, start: Int)? {
            for c in CrewRoster.order(freeAt.indices, first: first) {
                let start = max(earliest, freeAt[c] ?? earliest, notBefore[c])
                if book(crew: c, length, start: start) { return (c, start) }
            }
            return nil
        }

        /// Books crew c for a round of `length` minutes from `start` when it
        /// is free then and its shift still holds the round.
        private mutating func book(crew c: Int, _ length: Int, start: Int) -> Bool {
            let end = start + length
            let begins = freeAt[c] == nil ? start : firstStart[c]
            guard (freeAt[c] ?? start) <= start, notBefore[c] <= start, end - begins <= shiftMinutes else {
                return false
            }
            if freeAt[c] == nil { firstStart[c] = start }
            freeAt[c] = end
            return true
        }
    }
}
