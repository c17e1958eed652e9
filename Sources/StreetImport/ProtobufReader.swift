/// A cursor over Protocol Buffers wire-format bytes (the encoding of OSM PBF
/// files; see protobuf.dev, "Encoding"): fields as (number, wire type), then
/// a varint, a fixed-size value or a length-delimited run of bytes. Every
/// read is bounds-checked: malformed input throws, never traps.
/// - Complexity: O(1) per field header and varint, O(n) per packed run.
struct ProtobufReader {
    struct Malformed: Error {
        var message: String
    }

    /// A field header: its number and how its value is encoded.
    struct Field {
        var number: Int
        var wireType: Int
    }

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    var isAtEnd: Bool { position >= bytes.endIndex }

    /// The next field header, or nil at the end.
    mutating func nextField() throws -> Field? {
        guard !isAtEnd else { return nil }
        let key = try varint()
        let field = Field(number: Int(truncatingIfNeeded: key >> 3), wireType: Int(key & 7))
        guard field.number > 0 else { throw Malformed(message: "a field numbered 0") }
        return field
    }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: UInt64(0), to: 64, by: 7) {
            guard position < bytes.endIndex else {
                throw Malformed(message: "a number cut short by the end of a block")
            }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
        }
        throw Malformed(message: "a number longer than 10 bytes")
    }

    /// A zigzag-encoded signed varint (`sint32`, `sint64`).
    mutating func signedVarint() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// A length-delimited value: a string, a message or a packed run.
    mutating func lengthDelimited() throws -> ArraySlice<UInt8> {
        let length = try varint()
        guard length <= UInt64(bytes.endIndex - position) else {
            throw Malformed(message: "a value of \(length) bytes runs past the end of its block")
        }
        let end = position + Int(length)
        defer { position = end }
        return bytes[position..<end]
    }

    /// Skips a value of the given wire type.
    mutating func skip(_ field: Field) throws {
        let size: Int
        switch field.wireType {
        case 0:
            _ = try varint()
            return
        case 2:
            _ = try lengthDelimited()
            return
        case 1: size = 8
        case 5: size = 4
        default: throw Malformed(message: "field \(field.number) has the unknown wire type \(field.wireType)")
        }
        guard size <= bytes.endIndex - position else { throw Malformed(message: "a fixed-size value cut short") }
        position += size
    }

    /// A packed run of varints (`repeated int32/uint32 [packed]`).
    static func packedVarints(_ run: ArraySlice<UInt8>) throws -> [UInt64] {
        var reader = ProtobufReader(run)
        var values: [UInt64] = []
        while !reader.isAtEnd { values.append(try reader.varint()) }
        return values
    }

    /// A packed run of zigzag varints, each a delta from the one before
    /// (OSM PBF's dense ids and coordinates), summed back to values.
    static func packedDeltas(_ run: ArraySlice<UInt8>) throws -> [Int64] {
        var reader = ProtobufReader(run)
        var values: [Int64] = []
        var sum: Int64 = 0
        while !reader.isAtEnd {
            sum = sum &+ (try reader.signedVarint())
            values.append(sum)
        }
        return values
    }
}
