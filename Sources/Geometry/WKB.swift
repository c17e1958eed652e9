import Foundation

/// Reads OGC Well-Known Binary geometries, bare or inside a GeoPackage
/// geometry blob (GeoPackage 1.3, clause 2.1.3: "GP" header, flags, srs_id,
/// optional envelope, then WKB). Z and M values are read and dropped.
public enum WKB {
    /// Parses a GeoPackage geometry blob.
    /// - Returns: the geometry, or nil for an empty geometry.
    /// - Throws: `GeometryError.malformedGeometry` saying what is wrong.
    public static func parseGeoPackage(_ blob: Data) throws -> GeoJSONGeometry? {
        let bytes = [UInt8](blob)
        guard bytes.count >= 8, bytes[0] == 0x47, bytes[1] == 0x50 else {
            throw GeometryError(.malformedGeometry, "geometry blob does not start with the GeoPackage magic \"GP\"")
        }
        let flags = bytes[3]
        if flags & 0b0001_0000 != 0 { return nil }
        let envelopeDoubles: Int
        switch (flags >> 1) & 0b111 {
        case 0: envelopeDoubles = 0
        case 1: envelopeDoubles = 4
        case 2, 3: envelopeDoubles = 6
        case 4: envelopeDoubles = 8
        default: throw GeometryError(.malformedGeometry, "geometry blob has an invalid envelope code")
        }
        var reader = WKBReader(bytes: bytes, offset: 8 + envelopeDoubles * 8)
        return try reader.geometry()
    }

    /// Parses bare WKB.
    public static func parse(_ data: Data) throws -> GeoJSONGeometry {
        var reader = WKBReader(bytes: [UInt8](data), offset: 0)
        guard let g = try reader.geometry() else { throw GeometryError(.malformedGeometry, "empty WKB geometry") }
        return g
    }
}

private struct WKBReader {
    let bytes: [UInt8]
    var offset: Int
    var littleEndian = true

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw GeometryError(.malformedGeometry, "WKB ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint32() throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw GeometryError(.malformedGeometry, "WKB ends early") }
        var v: UInt32 = 0
        for k in 0..<4 {
            let b = UInt32(bytes[offset + (littleEndian ? 3 - k : k)])
            v = v << 8 | b
        }
        offset += 4
        return v
    }

    mutating func double() throws -> Double {
        guard offset + 8 <= bytes.count else { throw GeometryError(.malformedGeometry, "WKB ends early") }
        var v: UInt64 = 0
        for k in 0..<8 {
            let b = UInt64(bytes[offset + (littleEndian ? 7 - k : k)])
            v = v << 8 | b
        }
        offset += 8
        return Double(bitPattern: v)
    }

    /// Reads the byte order and type; returns the base type and the number
    /// of values per position.
    mutating func header() throws -> (type: UInt32, dims: Int) {
        let order = try byte()
        guard order <= 1 else { throw GeometryError(.malformedGeometry, "WKB byte order \(order) is neither 0 nor 1") }
        littleEndian = order == 1
        var type = try uint32()
        var dims = 2
        if type & 0x8000_0000 != 0 { dims += 1 }
        if type & 0x4000_0000 != 0 { dims += 1 }
        type &= 0x0FFF_FFFF
        switch type / 1000 {
        case 1, 2: dims += 1
        case 3: dims += 2
        default: break
        }
        return (type % 1000, dims)
    }

    mutating func positions(_ dims: Int) throws -> [Position] {
        let n = Int(try uint32())
        guard n <= max(0, bytes.count - offset) / (8 * dims) else {
            throw GeometryError(.malformedGeometry, "WKB claims \(n) points, more than it holds")
        }
        var out: [Position] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            let x = try double()
            let y = try double()
            for _ in 2..<dims { _ = try double() }
            out.append(Position(x: x, y: y))
        }
        return out
    }

    mutating func rings(_ dims: Int) throws -> [[Position]] {
        let n = Int(try uint32())
        guard n <= max(0, bytes.count - offset) / 4 else {
            throw GeometryError(.malformedGeometry, "WKB claims \(n) rings, more than it holds")
        }
        var out: [[Position]] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try positions(dims)) }
        return out
    }

    /// The members of a Multi geometry, each with its own header and of the one type `expected`: read in
    /// a loop, not by recursion, so nesting cannot grow the stack.
    mutating func members<T>(
        _ expected: UInt32, of container: String,
        _ read: (inout WKBReader, Int) throws -> T
    ) throws -> [T] {
        let n = Int(try uint32())
        guard n <= max(0, bytes.count - offset) / 9 else {
            throw GeometryError(.malformedGeometry, "WKB \(container) claims \(n) members, more than it holds")
        }
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            let (type, dims) = try header()
            guard type == expected else {
                throw GeometryError(
                    .malformedGeometry,
                    "\(container) holds a member of WKB type \(type); "
                        + "it may hold only type \(expected)")
            }
            out.append(try read(&self, dims))
        }
        return out
    }

    mutating func geometry() throws -> GeoJSONGeometry? {
        let (type, dims) = try header()
        switch type {
        case 1:
            let x = try double()
            let y = try double()
            for _ in 2..<dims { _ = try double() }
            if x.isNaN && y.isNaN { return nil }
            return .point(Position(x: x, y: y))
        case 2:
            return .lineString(try positions(dims))
        case 3:
            return .polygon(try rings(dims))
        case 5:
            return .multiLineString(try members(2, of: "MultiLineString") { try $0.positions($1) })
        case 6:
            return .multiPolygon(try members(3, of: "MultiPolygon") { try $0.rings($1) })
        default:
            throw GeometryError(
                .malformedGeometry,
                "WKB geometry type \(type) is not supported; streets are LineStrings or MultiLineStrings")
        }
    }
}
