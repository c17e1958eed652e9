/// The construction the search starts from: a giant tour built by nearest
/// neighbour (from where the last service ended, the closest unserved task
/// in its cheaper direction; ties by task index), then cut by Split. Its
/// result is the baseline the solver never does worse than. Internal.
enum Construction {
    /// The tour cut into routes within capacity (route limits heavily
    /// penalised).
    static func routes(_ instance: SearchInstance, penalty: Double) -> [[Int]] {
        Split.split(nearestNeighbourTour(instance), instance, Penalty(load: penalty, duration: penalty), loadFactor: 1)
    }

    /// - Complexity: O(n^2) on a dense table; on near costs, see `nearTour`.
    static func nearestNeighbourTour(_ instance: SearchInstance) -> [Int] {
        if let near = instance.table.near { return nearTour(instance, near) }
        return scanTour(instance)
    }

    /// The tour by a scan of every unserved task at each step.
    /// - Complexity: O(n^2)
    static func scanTour(_ instance: SearchInstance) -> [Int] {
        var served = [Bool](repeating: false, count: instance.taskCount)
        var tour: [Int] = []
        var at = -1
        for _ in 0..<instance.taskCount {
            var best = (cost: Int.max, td: -1)
            for t in 0..<instance.taskCount where !served[t] {
                for flip in 0..<(instance.twoWay[t] ? 2 : 1) {
                    let td = 2 * t + flip
                    let c = instance.dh(at, td)
                    if c < best.cost { best = (c, td) }
                }
            }
            served[best.td >> 1] = true
            tour.append(best.td)
            at = best.td
        }
        return tour
    }

    /// `nearestNeighbourTour` on near costs: the nearest unserved task is
    /// sought first among those starting at the terminals nearest where
    /// the last service ended, whose costs are exact and no dearer than
    /// any other's (so the same tour, ties at the row's edge aside), and
    /// among every unserved task only when none starts there.
    /// - Complexity: O(n k) for k near terminals, plus O(n) per step that
    ///   finds none near.
    static func nearTour(_ instance: SearchInstance, _ near: NearDistances) -> [Int] {
        let n = instance.taskCount
        var startingAt = [[Int]](repeating: [], count: instance.table.terminalCount)
        for td in 0..<(2 * n) where td & 1 == 0 || instance.twoWay[td >> 1] {
            startingAt[instance.startTerminal[td]].append(td)
        }
        var unserved = Array(0..<n)
        var place = Array(0..<n)
        var tour: [Int] = []
        tour.reserveCapacity(n)
        var at = -1
        for _ in 0..<n {
            var best = (cost: Int.max, td: -1)
            near.forEachNear(at < 0 ? instance.depotTerminal : instance.endTerminal[at]) { terminal, cost in
                for td in startingAt[terminal] where place[td >> 1] >= 0 && (cost, td) < best { best = (cost, td) }
            }
            if best.td < 0 {
                for t in unserved {
                    for td in (2 * t)...(instance.twoWay[t] ? 2 * t + 1 : 2 * t) {
                        let c = instance.dh(at, td)
                        if (c, td) < best { best = (c, td) }
                    }
                }
            }
            let task = best.td >> 1
            let last = unserved.removeLast()
            if last != task {
                unserved[place[task]] = last
                place[last] = place[task]
            }
            place[task] = -1
            tour.append(best.td)
            at = best.td
        }
        return tour
    }

    /// A randomised nearest-neighbour giant tour, for the initial population
    /// of large instances: from a random task, then from where the last
    /// service ended, one of the `choices` nearest unserved tasks of the last
    /// task's neighbour list at random (the nearest unserved task of all,
    /// when none of its neighbours is left), each in its cheaper direction.
    /// - Complexity: O(n granularity) plus O(n) per step that finds no
    ///   unserved neighbour.
    static func randomisedTour(
        _ instance: SearchInstance, neighbours: [[Int]], choices: Int,
        rng: inout RandomSource
    ) -> [Int] {
        let n = instance.taskCount
        var served = [Bool](repeating: false, count: n)
        var tour: [Int] = []
        tour.reserveCapacity(n)
        var task = rng.below(n)
        var at = -1
        var options: [Int] = []
        for _ in 0..<n {
            served[task] = true
            let td = cheaperDirection(instance, of: task, from: at)
            tour.append(td)
            at = td
            options.removeAll(keepingCapacity: true)
            for v in neighbours[task] where !served[v] {
                options.append(v)
                if options.count == choices { break }
            }
            if let pick = options.isEmpty ? nil : options[rng.below(options.count)] {
                task = pick
            } else if let nearest = (0..<n).filter({ !served[$0] }).min(by: {
                instance.dh(at, cheaperDirection(instance, of: $0, from: at))
                    < instance.dh(at, cheaperDirection(instance, of: $1, from: at))
            }) {
                task = nearest
            }
        }
        return tour
    }

    /// The td of `task` reached more cheaply from td `at`.
    private static func cheaperDirection(_ instance: SearchInstance, of task: Int, from at: Int) -> Int {
        guard instance.twoWay[task], instance.dh(at, 2 * task + 1) < instance.dh(at, 2 * task) else { return 2 * task }
        return 2 * task + 1
    }
}
