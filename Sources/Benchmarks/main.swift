// Benchmarks on real data from ../shared, outside the test run (release
// build; `make bench` runs them all):
//
//   Benchmarks network RUTLAND.geojson [--export DIR]   street network (with the SciPy peer: scripts/bench_network.py)
//   Benchmarks tasks RUTLAND.geojson [--count N]        validate and match N task lists' tasks (default 100,000)
//   Benchmarks overlaps RUTLAND.geojson [--visits N]    flag overlaps among N visits in a week (default 1,000,000)
//   Benchmarks plan RUTLAND.geojson [--scale K] [--seconds S] [--iterations N]  a county week, shared and baseline
//   Benchmarks fleet RUTLAND.geojson [--iterations N]   the finite-crew method against the simplest alternatives
//
// A missing input file is skipped with a message, not failed.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
guard arguments.count >= 2, ["network", "tasks", "overlaps", "plan", "fleet"].contains(arguments[0]) else {
    FileHandle.standardError.write(Data("usage: Benchmarks network|tasks|overlaps|plan|fleet FILE.geojson [--export DIR] [--count N] [--visits N] [--scale K] [--seconds S]\n".utf8))
    exit(2)
}
let file = URL(fileURLWithPath: arguments[1])
guard FileManager.default.fileExists(atPath: file.path) else {
    print("skipped: \(file.path) is absent (../shared beside the project holds the real data)")
    exit(0)
}
switch arguments[0] {
case "network": try networkBenchmark(file: file, export: option("--export").map { URL(fileURLWithPath: $0) })
case "tasks": try tasksBenchmark(file: file, count: option("--count").flatMap(Int.init) ?? 100_000)
case "overlaps": try overlapsBenchmark(file: file, visits: option("--visits").flatMap(Int.init) ?? 1_000_000)
case "fleet": try fleetBenchmark(file: file, iterations: option("--iterations").flatMap(Int.init) ?? 300)
default:
    try planBenchmark(file: file, scale: option("--scale").flatMap(Int.init) ?? 1,
                      budget: option("--seconds").flatMap(Double.init) ?? 30, iterations: option("--iterations").flatMap(Int.init))
}
