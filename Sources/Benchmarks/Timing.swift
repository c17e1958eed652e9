import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The median of `runs` timings of `body`.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try seconds(body)) }
    return times.sorted()[runs / 2]
}

/// How this binary was built, for the benchmarks' headers: figures from a
/// debug build are not comparable with those in docs/benchmarks.md.
let buildConfiguration: String = {
    #if DEBUG
        "debug build (figures not comparable: make bench builds in release)"
    #else
        "release build"
    #endif
}()
