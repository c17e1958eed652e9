import XCTest

@testable import ArcRouting

/// The paged array: filled as asked, then as its writer wrote it
/// (row-major as a matrix); an array of a huge page or more starts on a
/// huge-page boundary, whatever its element; an empty one is allowed.
final class PagedArrayTests: XCTestCase {
    func testEntriesAreFilledThenWrittenRowMajor() {
        let side = 37
        let filled = PagedArray<Int32>(side: side, filledWith: 9) { _ in }
        XCTAssertEqual(filled.entries.count, side * side)
        XCTAssertTrue(filled.entries.allSatisfy { $0 == 9 })
        let matrix = PagedArray<Int32>(side: side, filledWith: 9) { entries in
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
        let matrix = PagedArray<Int32>(side: 0, filledWith: 1) { XCTAssertTrue($0.isEmpty) }
        XCTAssertEqual(matrix.count, 0)
        XCTAssertTrue(matrix.entries.isEmpty)
    }

    /// 1,500 x 1,500 entries take 9 MB: huge pages apply, and every entry is kept.
    func testAMatrixOverAHugePageStartsOnOneAndKeepsItsEntries() {
        let side = 1_500
        let matrix = PagedArray<Int32>(side: side, filledWith: -1) { entries in
            entries[side * side - 1] = 7
            entries[0] = 3
        }
        XCTAssertTrue(matrix.isHugePageAligned)
        XCTAssertEqual(matrix.entries.reduce(0) { $0 + Int($1) }, -(side * side - 2) + 10)
    }

    /// 300,000 words of 8 bytes: aligned too, and written where asked.
    func testAnArrayOfWordsOverAHugePageStartsOnOne() {
        let words = PagedArray<UInt64>(count: 300_000, filledWith: 0) { $0[299_999] = 1 << 40 }
        XCTAssertTrue(words.isHugePageAligned)
        XCTAssertEqual(words[299_999], 1 << 40)
        XCTAssertEqual(words.entries.filter { $0 != 0 }.count, 1)
    }
}
