import Foundation
import FuzzSupport
import Geometry
import StreetImport

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("streetrounds-fuzz-\(getpid())")

/// The libFuzzer target for the places reader: the bytes are a places file (an OSM PBF extract when they
/// start as one, whose blocks are inflated and whose place nodes are read; else GeoJSON or GeoPackage
/// points), read as `streets import --places` does. Seed: scripts/make_pbf_seed.py. Errors are thrown,
/// never trapped. Built only by `make fuzz` (-sanitize=fuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPlaces(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let file = scratch.appendingPathComponent("places")
    guard (try? fuzzInput(start, count).write(to: file)) != nil else { return 0 }
    _ = try? PlaceFile.read(file, targetCRS: .britishNationalGrid)
    return 0
}

runFuzzer { fuzzPlaces($0, $1) }
