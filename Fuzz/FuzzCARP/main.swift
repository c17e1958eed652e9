import ArcRouting
import Foundation
import FuzzSupport

/// The libFuzzer target for the CARP reader: any text is an instance or an `ArcRoutingError`, never a trap
/// or an allocation sized by an unchecked count; an instance read passes the independent checks. Built only
/// by `make fuzz` (-sanitize=fuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCARP(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: fuzzInput(start, count), as: UTF8.self)
    guard let problem = try? CARPProblem(carpText: text, name: "fuzz") else { return 0 }
    do { try problem.validate() } catch { fatalError("an instance read fails validation: \(error)") }
    return 0
}

runFuzzer { fuzzCARP($0, $1) }
