import XCTest

@testable import ArcRouting

/// The cost matrix: filled as asked, each entry kept where it was written,
/// row-major, and an empty matrix is allowed.
final class CostMatrixTests: XCTestCase {
    func testEntriesStartFilledAndKeepWhatIsWritten() {
        let side = 37
        let matrix = CostMatrix(side: side, filledWith: 9)
        XCTAssertEqual(matrix.entries.count, side * side)
        XCTAssertTrue(matrix.entries.allSatisfy { $0 == 9 })
        for row in 0..<side {
            for col in 0..<side { matrix[row * side + col] = Int32(1_000 * row + col) }
        }
        for row in 0..<side {
            for col in 0..<side { XCTAssertEqual(matrix[row * side + col], Int32(1_000 * row + col)) }
        }
        XCTAssertEqual(Array(matrix.entries.prefix(3)), [0, 1, 2])
        XCTAssertEqual(matrix.entries.last, Int32(1_000 * (side - 1) + side - 1))
    }

    func testAnEmptyMatrixHasNoEntries() {
        let matrix = CostMatrix(side: 0, filledWith: 1)
        XCTAssertEqual(matrix.side, 0)
        XCTAssertTrue(matrix.entries.isEmpty)
    }

    /// Larger than a huge page, so the advice applies; every entry is still there.
    func testAMatrixOverAHugePageKeepsItsEntries() {
        let side = 1_500
        let matrix = CostMatrix(side: side, filledWith: -1)
        matrix[side * side - 1] = 7
        matrix[0] = 3
        XCTAssertEqual(matrix.entries.reduce(0) { $0 + Int($1) }, -(side * side - 2) + 10)
    }
}
