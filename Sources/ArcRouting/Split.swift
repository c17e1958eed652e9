/// Split (Beasley 1983; Prins 2004, "A simple and effective evolutionary
/// algorithm for the vehicle routing problem"; Lacomme, Prins and
/// Ramdane-Chérif 2004 for CARP): the optimal cutting of a giant tour of
/// task-directions into routes, by a shortest path over the tour's
/// prefixes. Loads up to `splitLoadFactor` x capacity are allowed, with a
/// penalty. Internal.
/// - Complexity: O(n x r), r the most tasks one route can hold.
enum Split {
    static func split(_ tour: [Int], _ instance: SearchInstance, _ penalty: Penalty, loadFactor: Double) -> [[Int]] {
        let n = tour.count
        guard n > 0 else { return [] }
        let maxLoad = Int(Double(instance.capacity) * loadFactor)
        var best = [Double](repeating: .infinity, count: n + 1)
        var pred = [Int](repeating: 0, count: n + 1)
        best[0] = 0
        for i in 0..<n where best[i] < .infinity {
            var load = 0
            var cost = 0
            for j in i..<n {
                let td = tour[j]
                load += instance.dem(td)
                if j > i && load > maxLoad { break }
                cost += (j == i ? instance.dh(-1, td) : instance.dh(tour[j - 1], td)) + instance.svc(td)
                let total = best[i] + penalty.cost(cost + instance.dh(td, -1), load, instance)
                if total < best[j + 1] {
                    best[j + 1] = total
                    pred[j + 1] = i
                }
            }
        }
        var routes: [[Int]] = []
        var j = n
        while j > 0 {
            let i = pred[j]
            routes.append(Array(tour[i..<j]))
            j = i
        }
        return routes.reversed()
    }
}
