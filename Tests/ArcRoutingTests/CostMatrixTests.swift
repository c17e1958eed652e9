import XCTest

@testable import ArcRouting

/// The cost matrix: filled as asked, then as its writer wrote it,
/// row-major; a matrix of a huge page or more starts on a huge-page
/// boundary; an empty matrix is allowed.
final class CostMatrixTests: XCTestCase {
    func testEntriesAreFilledThenWrittenRowMajor() {
        let side = 37
        let filled = CostMatrix(side: side, filledWith: 9) { _ in }
        XCTAssertEqual(filled.entries.count, side * side)
        XCTAssertTrue(filled.entries.allSatisfy { $0 == 9 })
        let matrix = CostMatrix(side: side, filledWith: 9) { entries in
            for row in 0..<side where row % 2 == 0 {
                for col in 0..<side { entries[row * side + col] = Int32(1_000 * row + col) }
            }
        }
        for row in 0..<side {
            for col in 0..<side {
                XCTAssertEqual(matrix[row * side + col], row % 2 == 0 ? Int32(1_000 * row + col) : 9)
            }
        }
        XCTAssertEqual(Array(matrix.entries.prefix(3)), [0, 1, 2])
    }

    func testAnEmptyMatrixHasNoEntries() {
        let matrix = CostMatrix(side: 0, filledWith: 1) { XCTAssertTrue($0.isEmpty) }
        XCTAssertEqual(matrix.side, 0)
        XCTAssertTrue(matrix.entries.isEmpty)
    }

    /// 1,500 x 1,500 entries take 9 MB: huge pages apply, and every entry is kept.
    func testAMatrixOverAHugePageStartsOnOneAndKeepsItsEntries() {
        let side = 1_500
        let matrix = CostMatrix(side: side, filledWith: -1) { entries in
            entries[side * side - 1] = 7
            entries[0] = 3
        }
        XCTAssertTrue(matrix.isHugePageAligned)
        XCTAssertEqual(matrix.entries.reduce(0) { $0 + Int($1) }, -(side * side - 2) + 10)
    }
}
