import Foundation
import FuzzSupport
import Works

/// The shipped catalogue and registry (make fuzz runs from the project folder).
let reader: TaskListReader = {
    do {
        let catalogue = try ActivityCatalogue(contentsOf: URL(fileURLWithPath: "data/activities.json"))
        let registry = try OrganisationRegistry(
            contentsOf: URL(fileURLWithPath: "data/organisations.json"),
            catalogue: catalogue)
        return TaskListReader(catalogue: catalogue, registry: registry)
    } catch {
        fatalError("run the fuzzer from the project folder: \(error)")
    }
}()

/// The libFuzzer target for the task-list reader: any bytes give a list or problems, never a trap; a list
/// is never returned with problems. Built only by `make fuzz` (-sanitize=fuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTaskList(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let (list, problems) = reader.read(fuzzInput(start, count))
    if list != nil, !problems.isEmpty { fatalError("a list returned with problems: \(problems)") }
    if list == nil, problems.isEmpty { fatalError("no list and no problem") }
    return 0
}

runFuzzer { fuzzTaskList($0, $1) }
