#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A fixed-size array in memory of its own: on Linux, once it spans a huge
/// page, aligned to 2 MiB and advised for transparent huge pages, since the
/// search reads its cost tables at random and a table of 100 MB in 4 KiB
/// pages spends most of a look-up missing the TLB. Written only by the
/// closure given to `init`, read-only after (hence Sendable: threads share
/// it). Internal.
final class PagedArray<Element: BitwiseCopyable>: @unchecked Sendable {
    let count: Int
    private let base: UnsafeMutablePointer<Element>

    /// A huge page where the base page is 4 KiB (x86-64; arm64 with 4 KiB
    /// pages). Elsewhere the advice is ignored or gives larger pages.
    private static var hugePage: Int { 2 << 20 }

    /// `count` entries filled with `value`, then by `write`.
    init(count: Int, filledWith value: Element, writing write: (UnsafeMutableBufferPointer<Element>) -> Void) {
        precondition(count >= 0, "a negative count")
        self.count = count
        let bytes = count * MemoryLayout<Element>.stride
        let huge = bytes >= Self.hugePage
        let allocated = huge ? (bytes + Self.hugePage - 1) / Self.hugePage * Self.hugePage : max(1, bytes)
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: allocated, alignment: huge ? Self.hugePage : MemoryLayout<Element>.alignment)
        #if canImport(Glibc) || canImport(Musl)
            // Advice only: where the kernel refuses it, plain pages serve.
            if huge { _ = madvise(raw, allocated, MADV_HUGEPAGE) }
        #endif
        base = raw.bindMemory(to: Element.self, capacity: count)
        base.initialize(repeating: value, count: count)
        write(UnsafeMutableBufferPointer(start: base, count: count))
    }

    /// A `side` x `side` matrix, row-major: entry (row, col) at `row * side + col`.
    convenience init(
        side: Int, filledWith value: Element, writing write: (UnsafeMutableBufferPointer<Element>) -> Void
    ) {
        precondition(side >= 0, "a negative side")
        self.init(count: side * side, filledWith: value, writing: write)
    }

    deinit {
        base.deinitialize(count: count)
        UnsafeMutableRawPointer(base).deallocate()
    }

    /// The entry at `index`; checked in debug builds only (the search's
    /// hottest read).
    @inline(__always)
    subscript(index: Int) -> Element {
        assert(index >= 0 && index < count, "outside the array")
        return base[index]
    }

    /// The first entry's address, valid while the array lives.
    var pointer: UnsafePointer<Element> { UnsafePointer(base) }

    /// Every entry, in order.
    var entries: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// Whether the storage starts on a huge-page boundary (for tests).
    var isHugePageAligned: Bool { UInt(bitPattern: base) % UInt(Self.hugePage) == 0 }
}
