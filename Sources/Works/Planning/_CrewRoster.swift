/// Gives a day's rounds of one crew class to its crews: one crew may do
/// several rounds one after another within its shift. Rounds with hours
/// keep their start; the others start when a crew is free (at the shift
/// start at the earliest). A round no crew can take is an extra shift.
/// Internal.
enum _CrewRoster {
    static func assign(_ rounds: inout [Round], crewClass: _CrewPool.CrewClass, shiftStart: Int) {
        let shift = crewClass.shiftSeconds / 60
        var freeAt = [Int?](repeating: nil, count: crewClass.crews.count)  // minutes; nil = not started
        var firstStart = [Int](repeating: 0, count: crewClass.crews.count)
        func minutes(_ r: Round) -> Int { (r.seconds + 59) / 60 }
        func place(_ k: Int, start: Int) -> Bool {
            let end = start + minutes(rounds[k])
            for c in crewClass.crews.indices {
                let begins = freeAt[c] == nil ? start : firstStart[c]
                guard (freeAt[c] ?? start) <= start, end - begins <= shift else { continue }
                if freeAt[c] == nil { firstStart[c] = start }
                freeAt[c] = end
                rounds[k].startMinutes = start
                rounds[k].crew = crewClass.crews[c].id
                rounds[k].extraShift = false
                return true
            }
            return false
        }
        // Timed rounds first, in order of their start; then the others, longest first.
        let timed = rounds.indices.filter { rounds[$0].stops.first?.visit.window != nil }.sorted { rounds[$0].startMinutes < rounds[$1].startMinutes }
        let free = rounds.indices.filter { rounds[$0].stops.first?.visit.window == nil }.sorted { rounds[$0].seconds > rounds[$1].seconds }
        for k in timed + free {
            let isTimed = rounds[k].stops.first?.visit.window != nil
            if isTimed ? place(k, start: rounds[k].startMinutes)
                : crewClass.crews.indices.contains(where: { c in place(k, start: max(shiftStart, freeAt[c] ?? shiftStart)) }) { continue }
            rounds[k].extraShift = true
            rounds[k].crew = crewClass.crews[0].id
            if !isTimed { rounds[k].startMinutes = shiftStart }
        }
    }
}
