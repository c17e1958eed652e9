import XCTest

@testable import ArcRouting

/// The proximity matrix keeps every pair's distance through appends and
/// removals anywhere (the population's own order), past its first room, and
/// its mean of the closest equals the sorted sum the biased fitness took
/// before it, to the last bit, ties and short populations included.
final class ProximityMatrixTests: XCTestCase {
    func testKeepsEveryPairThroughAppendsAndRemovals() {
        var rng = RandomSource(seed: 7)
        var matrix = ProximityMatrix()
        // The reference: each member's coordinate; distance = |a - b| in
        // steps of 1/8, so that ties are common.
        var members: [Double] = []
        for step in 0..<2_000 {
            if members.count < 3 || rng.below(5) < 3, members.count < 70 {
                let point = Double(rng.below(40)) / 8
                matrix.append(members.map { abs($0 - point) })
                members.append(point)
            } else {
                let index = rng.below(members.count)
                matrix.remove(at: index)
                members.remove(at: index)
            }
            XCTAssertEqual(matrix.count, members.count, "step \(step)")
            if step % 97 == 0 { assertAgrees(matrix, members, "step \(step)") }
        }
        assertAgrees(matrix, members, "at the end")
        while matrix.count > 0 { matrix.remove(at: matrix.count - 1) }
        matrix.append([])
        XCTAssertEqual(matrix.count, 1)
        XCTAssertEqual(matrix.meanOfClosest(0, 5), 0, "a lone member has no others to be close to")
    }

    private func assertAgrees(_ matrix: ProximityMatrix, _ members: [Double], _ label: String) {
        for i in members.indices {
            for j in members.indices { XCTAssertEqual(matrix[i, j], abs(members[i] - members[j]), label) }
            for k in [1, 3, 5, 200] {
                let others = members.indices.filter { $0 != i }.map { abs(members[i] - members[$0]) }.sorted()
                let taken = min(k, others.count)
                let expected = taken == 0 ? 0 : others.prefix(taken).reduce(0, +) / Double(taken)
                XCTAssertEqual(matrix.meanOfClosest(i, k).bitPattern, expected.bitPattern, "\(label), k \(k)")
            }
        }
    }
}
