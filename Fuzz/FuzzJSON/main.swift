import Foundation
import FuzzSupport
import JSON

/// The libFuzzer target for the JSON parser: any bytes either parse or throw `JSONError`, never trap; what
/// parses survives a serialization round trip unchanged. Built only by `make fuzz` (-sanitize=fuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = fuzzInput(start, count)
    guard let value = try? JSONParser.parse(data) else { return 0 }
    guard let again = try? JSONParser.parse(value.serialized()), again == value else {
        fatalError("round trip changed the value: \(value.serialized())")
    }
    return 0
}

runFuzzer { fuzzJSON($0, $1) }
