import Foundation
import Geometry

/// Segment geometry as stored: x, y pairs of little-endian Float64, in the
/// network's projected CRS.
enum GeometryBlob {
    static func encode(_ points: [Point]) -> Data {
        var data = Data(capacity: points.count * 16)
        for p in points {
            withUnsafeBytes(of: p.x.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: p.y.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decode(_ data: Data) -> [Point] {
        data.withUnsafeBytes { raw in
            let n = raw.count / 16
            return (0..<n).map { i in
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 16, as: UInt64.self))
                let y = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 16 + 8, as: UInt64.self))
                return Point(x: Double(bitPattern: x), y: Double(bitPattern: y))
            }
        }
    }
}
