#if canImport(Glibc)
    import Glibc
#endif

/// A square matrix of 32-bit costs, row-major, in memory of its own: on
/// Linux aligned to 2 MiB and advised for transparent huge pages, since the
/// search reads it at random and a table of 100 MB in 4 KiB pages spends
/// most of a look-up missing the TLB. Written only while the distance table
/// is built, read-only after (hence Sendable). Internal.
final class CostMatrix: @unchecked Sendable {
    let side: Int
    private let base: UnsafeMutablePointer<Int32>

    /// Alignment of the storage: the size of a huge page on x86-64 and arm64.
    private static let hugePage = 2 << 20

    /// A `side` x `side` matrix filled with `value`.
    init(side: Int, filledWith value: Int32) {
        precondition(side >= 0, "a negative side")
        self.side = side
        let count = side * side
        let bytes = max(1, count * MemoryLayout<Int32>.stride)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: Self.hugePage)
        #if os(Linux)
            // Advice only: where the kernel refuses it, plain pages serve.
            _ = madvise(raw, bytes, MADV_HUGEPAGE)
        #endif
        base = raw.bindMemory(to: Int32.self, capacity: count)
        base.initialize(repeating: value, count: count)
    }

    deinit {
        base.deinitialize(count: side * side)
        UnsafeMutableRawPointer(base).deallocate()
    }

    /// The entry at flat index `row * side + col`.
    @inline(__always)
    subscript(index: Int) -> Int32 {
        get {
            assert(index >= 0 && index < side * side, "outside the matrix")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < side * side, "outside the matrix")
            base[index] = newValue
        }
    }

    /// Every entry, in row-major order.
    var entries: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: base, count: side * side) }
}
