/// One solution in the population: its routes, the giant tour they make,
/// its cost and what the biased fitness needs. Internal.
struct Individual {
    var routes: [[Int]]
    var cost: Int
    /// Successor of each task (-1 = the depot), for the broken-pairs distance.
    var successor: [Int]
    var predecessor: [Int]
    var biasedFitness = 0.0

    init(routes: [[Int]], cost: Int, taskCount: Int) {
        self.routes = routes
        self.cost = cost
        successor = [Int](repeating: -1, count: taskCount)
        predecessor = successor
        for route in routes {
            for k in route.indices {
                let t = route[k] >> 1
                successor[t] = k + 1 < route.count ? route[k + 1] >> 1 : -1
                predecessor[t] = k > 0 ? route[k - 1] >> 1 : -1
            }
        }
    }

    var giantTour: [Int] { routes.flatMap { $0 } }

    /// Broken-pairs distance (Prins 2009): the share of tasks whose
    /// neighbours differ, direction ignored.
    func distance(to other: Individual) -> Double {
        var differ = 0
        for t in successor.indices {
            let mine = (successor[t], predecessor[t])
            let theirs = (other.successor[t], other.predecessor[t])
            if !(mine == theirs || (mine.0 == theirs.1 && mine.1 == theirs.0)) { differ += 1 }
        }
        return Double(differ) / Double(max(1, successor.count))
    }
}
