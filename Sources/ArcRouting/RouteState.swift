/// Routes under local search, with per-route prefix data so that every move
/// is evaluated in O(1) (Vidal et al. 2012's route concatenation, for the
/// deadhead, load and reversal sums a CARP move needs). Internal.
struct RouteState {
    let instance: SearchInstance
    var penalty: Penalty
    /// Task-directions of each route; the last route is kept empty, for
    /// moves that open a new route.
    var routes: [[Int]]
    var cost: [Int] = []
    var load: [Int] = []
    /// pre[r][k]: cost from the depot through the service of element k-1.
    var pre: [[Int]] = []
    /// suf[r][k]: cost from the start of element k's service back to the depot; suf[r][len] = 0.
    var suf: [[Int]] = []
    var preLoad: [[Int]] = []
    /// fwd[r][k]: deadheads between elements 0...k in order; rev[r][k]: the
    /// same elements reversed and flipped; fixed[r][k]: one-way tasks among 0..<k.
    var fwd: [[Int]] = []
    var rev: [[Int]] = []
    var fixed: [[Int]] = []
    var routeOf: [Int]
    var posOf: [Int]
    /// When each route last changed, on the clock `changes` (HGS-CVRP's
    /// whenLastModified), so local search skips pairs already tried.
    var modifiedAt: [Int] = []
    var changes = 0

    init(_ instance: SearchInstance, routes: [[Int]], penalty: Penalty) {
        self.instance = instance
        self.penalty = penalty
        self.routes = routes.filter { !$0.isEmpty } + [[]]
        routeOf = [Int](repeating: 0, count: instance.taskCount)
        posOf = routeOf
        for r in self.routes.indices {
            appendEmptyData()
            refresh(r)
        }
    }

    private mutating func appendEmptyData() {
        modifiedAt.append(changes)
        cost.append(0)
        load.append(0)
        pre.append([0])
        suf.append([0])
        preLoad.append([0])
        fwd.append([0])
        rev.append([0])
        fixed.append([0])
    }

    /// Recomputes route r's data. - Complexity: O(route length)
    mutating func refresh(_ r: Int) {
        changes += 1
        modifiedAt[r] = changes
        let route = routes[r]
        let n = route.count
        let i = instance
        var p = [Int](repeating: 0, count: n + 1)
        var s = p
        var l = p
        var f = p
        var v = p
        var x = p
        for k in 0..<n {
            let td = route[k]
            p[k + 1] = p[k] + i.dh(k == 0 ? -1 : route[k - 1], td) + i.svc(td)
            l[k + 1] = l[k] + i.dem(td)
            x[k + 1] = x[k] + (i.canFlip(td) ? 0 : 1)
            if k > 0 {
                f[k] = f[k - 1] + i.dh(route[k - 1], td)
                v[k] =
                    v[k - 1]
                    + (i.canFlip(td) && i.canFlip(route[k - 1]) ? i.dh(i.flipped(td), i.flipped(route[k - 1])) : 0)
            }
            routeOf[td >> 1] = r
            posOf[td >> 1] = k
        }
        if n > 0 {
            s[n - 1] = i.svc(route[n - 1]) + i.dh(route[n - 1], -1)
            for k in stride(from: n - 2, through: 0, by: -1) {
                s[k] = i.svc(route[k]) + i.dh(route[k], route[k + 1]) + s[k + 1]
            }
        }
        pre[r] = p
        suf[r] = s
        preLoad[r] = l
        fwd[r] = f
        rev[r] = v
        fixed[r] = x
        cost[r] = n == 0 ? 0 : p[n] + i.dh(route[n - 1], -1)
        load[r] = l[n]
    }

    /// Keeps exactly one empty route, at the end.
    mutating func tidy() {
        var r = 0
        while r < routes.count - 1 {
            if routes[r].isEmpty {
                routes.remove(at: r)
                cost.remove(at: r)
                load.remove(at: r)
                pre.remove(at: r)
                suf.remove(at: r)
                preLoad.remove(at: r)
                fwd.remove(at: r)
                rev.remove(at: r)
                fixed.remove(at: r)
                modifiedAt.remove(at: r)
                for k in r..<routes.count { refresh(k) }
            } else {
                r += 1
            }
        }
        if !(routes.last?.isEmpty ?? false) {
            routes.append([])
            appendEmptyData()
        }
    }

    /// The td at position k of route r; -1 (the depot) outside the route.
    @inline(__always) func at(_ r: Int, _ k: Int) -> Int {
        k < 0 || k >= routes[r].count ? -1 : routes[r][k]
    }

    @inline(__always) func td(ofTask t: Int) -> Int { routes[routeOf[t]][posOf[t]] }

    @inline(__always) func penalised(_ r: Int) -> Double { penalty.cost(cost[r], load[r], instance) }

    @inline(__always) func penalised(cost: Int, load: Int) -> Double { penalty.cost(cost, load, instance) }

    var totalCost: Int { cost.reduce(0, +) }

    var isFeasible: Bool {
        routes.indices.allSatisfy { r in
            load[r] <= instance.capacity && (instance.maxRouteCost.map { limit in cost[r] <= limit } ?? true)
        }
    }

    var nonEmptyRoutes: [[Int]] { routes.filter { !$0.isEmpty } }
}
