import Foundation
import FuzzSupport
import Geometry
import StreetImport
import StreetNetwork

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("streetrounds-fuzz-\(getpid())")

/// The libFuzzer target for the street readers. The first byte chooses: odd, the rest is a GeoPackage
/// geometry blob and bare WKB; even, it is a street file (GeoJSON, or a GeoPackage when it starts with the
/// SQLite header) read and built into a network as `streets import` does, taken as British National Grid
/// metres (no projection: creating a PROJ transform costs milliseconds) unless the byte's bits 1-2 are 10,
/// when a GeoJSON file's own CRS (WGS84) is projected. Errors are thrown, never trapped. Built only by
/// `make fuzz` (-sanitize=fuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzStreets(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    guard let mode = bytes.first else { return 0 }
    let rest = bytes.dropFirst()
    if mode & 1 == 1 {
        _ = try? WKB.parseGeoPackage(Data(rest))
        _ = try? WKB.parse(Data(rest))
        return 0
    }
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let file = scratch.appendingPathComponent("streets")
    guard (try? Data(rest).write(to: file)) != nil else { return 0 }
    let sourceCRS: CRS? = mode & 6 == 4 ? nil : .britishNationalGrid
    if let read = try? StreetFile.read(file, sourceCRS: sourceCRS) {
        _ = try? StreetNetwork(lines: read.lines, crs: read.targetCRS)
    }
    return 0
}

runFuzzer { fuzzStreets($0, $1) }
