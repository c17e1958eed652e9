/// The `count` cheapest of a stream of (cost, index) candidates, cheapest
/// first, ties by the lower index; once the list is full, most candidates
/// are dropped at a glance. Internal.
struct Cheapest {
    let count: Int
    private(set) var items: [(cost: Int, index: Int)] = []

    init(_ count: Int) {
        self.count = count
        items.reserveCapacity(count + 1)
    }

    mutating func offer(_ cost: Int, _ index: Int) {
        let candidate = (cost: cost, index: index)
        if items.count == count, let last = items.last, !(candidate < last) { return }
        var at = items.count
        while at > 0, candidate < items[at - 1] { at -= 1 }
        items.insert(candidate, at: at)
        if items.count > count { items.removeLast() }
    }
}
