import CZlib
import Foundation
import Geometry
import StreetNetwork

/// Reads the named place nodes of an OpenStreetMap PBF extract (the
/// Geofabrik downloads): every node tagged `place` = a settlement kind with a
/// `name`, in WGS84. Ways, relations and other nodes are skipped.
///
/// The format (wiki.openstreetmap.org, "PBF Format"): blocks, each a 4-byte
/// big-endian length, a BlobHeader and a Blob, zlib-compressed; data blocks
/// hold a string table and groups of nodes, plain or "dense" (ids and
/// coordinates delta-coded, tags as string-table indices). Blocks are read
/// one at a time, so memory stays at one block (at most 32 MiB) whatever the
/// file's size.
/// - Complexity: O(n) in the file's bytes (inflating dominates).
enum OSMPlaceNodes {
    /// A place node as read: WGS84.
    struct Node {
        var name: String
        var kind: String
        var location: LonLat
    }

    /// Whether the file starts as an OSM PBF file does: a BlobHeader whose
    /// type is "OSMHeader" (its length is checked when reading).
    static func looksLikePBF(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 32), head.count >= 15 else { return false }
        let bytes = [UInt8](head)
        return bytes[4] == 0x0a && bytes[5] == 9
            && String(decoding: bytes[6..<15], as: UTF8.self) == "OSMHeader"
    }

    static func read(_ url: URL) throws -> [Node] {
        let name = url.lastPathComponent
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch {
            throw StreetImportError(
                .unreadableFile, "\(url.path): cannot read the file (\(error.localizedDescription))")
        }
        defer { try? handle.close() }
        var nodes: [Node] = []
        var block = 0
        do {
            while let blob = try nextBlob(handle) {
                if blob.type == "OSMData" { nodes += try placeNodes(inBlock: try inflate(blob.bytes)) }
                block += 1
            }
        } catch let problem as ProtobufReader.Malformed {
            throw StreetImportError(
                .malformedFile,
                "\(name): block \(block): \(problem.message); "
                    + "the file is not a valid OSM PBF extract: download it again")
        } catch let error as StreetImportError {
            throw error
        } catch {
            throw StreetImportError(.unreadableFile, "\(name): block \(block) cannot be read (\(error))")
        }
        return nodes
    }

    private struct Blob {
        var type: String
        var bytes: ArraySlice<UInt8>
    }

    /// The next block's type and its (still compressed) Blob; nil at the end.
    private static func nextBlob(_ handle: FileHandle) throws -> Blob? {
        guard let prefix = try handle.read(upToCount: 4), !prefix.isEmpty else { return nil }
        guard prefix.count == 4 else { throw ProtobufReader.Malformed(message: "the file ends inside a block length") }
        let headerSize = prefix.reduce(0) { $0 << 8 | Int($1) }
        guard headerSize <= 64 * 1024 else {
            throw ProtobufReader.Malformed(message: "a block header of \(headerSize) bytes (at most 64 KiB)")
        }
        var header = ProtobufReader(try exactly(headerSize, from: handle)[...])
        var type = ""
        var dataSize = 0
        while let field = try header.nextField() {
            switch field.number {
            case 1: type = String(decoding: try header.lengthDelimited(), as: UTF8.self)
            case 3: dataSize = Int(truncatingIfNeeded: try header.varint())
            default: try header.skip(field)
            }
        }
        guard (0...32 * 1024 * 1024).contains(dataSize) else {
            throw ProtobufReader.Malformed(message: "a block of \(dataSize) bytes (at most 32 MiB)")
        }
        return Blob(type: type, bytes: try exactly(dataSize, from: handle)[...])
    }

    private static func exactly(_ count: Int, from handle: FileHandle) throws -> [UInt8] {
        let data = try handle.read(upToCount: count) ?? Data()
        guard data.count == count else { throw ProtobufReader.Malformed(message: "the file ends inside a block") }
        return [UInt8](data)
    }

    /// A Blob's content: raw, or zlib-inflated to its stated raw size.
    private static func inflate(_ blob: ArraySlice<UInt8>) throws -> [UInt8] {
        var reader = ProtobufReader(blob)
        var raw: ArraySlice<UInt8>?
        var compressed: ArraySlice<UInt8>?
        var rawSize = 0
        while let field = try reader.nextField() {
            switch field.number {
            case 1: raw = try reader.lengthDelimited()
            case 2: rawSize = Int(truncatingIfNeeded: try reader.varint())
            case 3: compressed = try reader.lengthDelimited()
            case 4, 5, 6, 7:
                throw ProtobufReader.Malformed(
                    message: "a block compressed other than with zlib (field \(field.number))")
            default: try reader.skip(field)
            }
        }
        if let raw { return Array(raw) }
        guard let compressed, (1...32 * 1024 * 1024).contains(rawSize) else {
            throw ProtobufReader.Malformed(message: "a block with no data or a raw size of \(rawSize) bytes")
        }
        var out = [UInt8](repeating: 0, count: rawSize)
        var outSize = uLongf(rawSize)
        let status = compressed.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                uncompress(target.baseAddress, &outSize, source.baseAddress, uLong(source.count))
            }
        }
        guard status == Z_OK, outSize == uLongf(rawSize) else {
            throw ProtobufReader.Malformed(message: "a block zlib cannot inflate (status \(status))")
        }
        return out
    }
}
