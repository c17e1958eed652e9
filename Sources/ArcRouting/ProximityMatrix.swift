/// The broken-pairs distances between the members of a population, by their
/// places in it, in one flat matrix: the biased fitness reads every pair at
/// every update, about twice an offspring, and a dictionary keyed by the
/// members' ids spent that time hashing. Internal.
struct ProximityMatrix {
    /// `distances[i * stride + j]`, symmetric, 0 on the diagonal.
    private var distances: [Double] = []
    private var stride = 0
    /// Members.
    private(set) var count = 0

    /// The distance between members i and j.
    subscript(i: Int, j: Int) -> Double {
        precondition(i < count && j < count, "a member outside the population")
        return distances[i * stride + j]
    }

    /// Adds a member after the others, `row[j]` its distance to member j.
    mutating func append(_ row: [Double]) {
        precondition(row.count == count, "one distance to each member")
        if count == stride { grow() }
        for (j, d) in row.enumerated() {
            distances[count * stride + j] = d
            distances[j * stride + count] = d
        }
        distances[count * stride + count] = 0
        count += 1
    }

    /// Removes member `index`; the members after it move up one place, as
    /// in the population's array.
    mutating func remove(at index: Int) {
        precondition(index < count, "a member outside the population")
        // Each entry moves to an index no later than its own, so in order.
        for row in 0..<(count - 1) {
            let from = row < index ? row : row + 1
            for column in 0..<(count - 1) {
                distances[row * stride + column] = distances[from * stride + (column < index ? column : column + 1)]
            }
        }
        count -= 1
    }

    /// The mean of member i's `k` smallest distances to the others, summed
    /// smallest first (as a sort of them would); at most `count - 1` of them.
    func meanOfClosest(_ i: Int, _ k: Int) -> Double {
        let k = min(k, count - 1)
        guard k > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { closest in
            var kept = 0
            for j in 0..<count where j != i {
                let d = distances[i * stride + j]
                if kept == k, d >= closest[k - 1] { continue }
                // Insert d in order, dropping the largest when full.
                var place = kept < k ? kept : k - 1
                while place > 0, closest[place - 1] > d {
                    closest[place] = closest[place - 1]
                    place -= 1
                }
                closest[place] = d
                kept = min(k, kept + 1)
            }
            var sum = 0.0
            for m in 0..<k { sum += closest[m] }
            return sum / Double(k)
        }
    }

    /// Doubles the room, the rows kept.
    private mutating func grow() {
        let wider = max(8, 2 * stride)
        var grown = [Double](repeating: 0, count: wider * wider)
        for row in 0..<count {
            for column in 0..<count { grown[row * wider + column] = distances[row * stride + column] }
        }
        distances = grown
        stride = wider
    }
}
