#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A square matrix of 32-bit costs, row-major, in memory of its own: on
/// Linux, once it spans a huge page, aligned to 2 MiB and advised for
/// transparent huge pages, since the search reads it at random and a table
/// of 100 MB in 4 KiB pages spends most of a look-up missing the TLB.
/// Written only by the closure given to `init`, read-only after (hence
/// Sendable: threads share it). Internal.
final class CostMatrix: @unchecked Sendable {
    let side: Int
    private let base: UnsafeMutablePointer<Int32>

    /// A huge page where the base page is 4 KiB (x86-64; arm64 with 4 KiB
    /// pages). Elsewhere the advice is ignored or gives larger pages.
    private static let hugePage = 2 << 20

    /// A `side` x `side` matrix filled with `value`, then by `write`, which
    /// gets every entry in row-major order.
    init(side: Int, filledWith value: Int32, writing write: (UnsafeMutableBufferPointer<Int32>) -> Void) {
        precondition(side >= 0, "a negative side")
        self.side = side
        let count = side * side
        let bytes = count * MemoryLayout<Int32>.stride
        let huge = bytes >= Self.hugePage
        let allocated = huge ? (bytes + Self.hugePage - 1) / Self.hugePage * Self.hugePage : max(1, bytes)
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: allocated, alignment: huge ? Self.hugePage : MemoryLayout<Int32>.alignment)
        #if canImport(Glibc) || canImport(Musl)
            // Advice only: where the kernel refuses it, plain pages serve.
            if huge { _ = madvise(raw, allocated, MADV_HUGEPAGE) }
        #endif
        base = raw.bindMemory(to: Int32.self, capacity: count)
        base.initialize(repeating: value, count: count)
        write(UnsafeMutableBufferPointer(start: base, count: count))
    }

    deinit {
        base.deinitialize(count: side * side)
        UnsafeMutableRawPointer(base).deallocate()
    }

    /// The entry at flat index `row * side + col`; checked in debug builds
    /// only (the search's hottest read).
    @inline(__always)
    subscript(index: Int) -> Int32 {
        assert(index >= 0 && index < side * side, "outside the matrix")
        return base[index]
    }

    /// Every entry, in row-major order.
    var entries: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: base, count: side * side) }

    /// Whether the storage starts on a huge-page boundary (for tests).
    var isHugePageAligned: Bool { UInt(bitPattern: base) % UInt(Self.hugePage) == 0 }
}
