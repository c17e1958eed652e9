/// FNV-1a, 64 bits (Fowler, Noll and Vo): the stable keys of overlap
/// findings and the ids of street groups. Not cryptographic; a pure function
/// of its input, the same on every run and machine.
/// - Complexity: O(n) in the bytes hashed.
public enum FNV1a {
    public static let start: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inlinable public static func hash(_ text: String) -> UInt64 {
        var h = start
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* prime }
        return h
    }

    /// Mixes a 64-bit value in, byte by byte.
    @inlinable public static func mix(_ h: UInt64, _ value: UInt64) -> UInt64 {
        var h = h
        for shift in stride(from: 0, to: 64, by: 8) { h = (h ^ ((value >> UInt64(shift)) & 0xff)) &* prime }
        return h
    }
}
