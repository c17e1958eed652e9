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

    /// - Complexity: O(n^2)
    static func nearestNeighbourTour(_ instance: SearchInstance) -> [Int] {
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
