/// Penalised route cost: cost plus penalties per unit of load over the
/// capacity and per unit of cost over the route limit (Vidal et al. 2012).
struct Penalty: Sendable {
    var load: Double
    var duration: Double

    @inline(__always)
    func cost(_ cost: Int, _ load: Int, _ instance: SearchInstance) -> Double {
        var value = Double(cost)
        if load > instance.capacity { value += self.load * Double(load - instance.capacity) }
        if let limit = instance.maxRouteCost, cost > limit { value += duration * Double(cost - limit) }
        return value
    }
}
