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
}
