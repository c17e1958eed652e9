// Benchmarks on real data from ../shared, outside the test run (release
// build; `make bench` runs them all):
//
//   Benchmarks network RUTLAND.geojson [--export DIR]   street network (with the SciPy peer: scripts/bench_network.py)
//   Benchmarks tasks RUTLAND.geojson [--count N]        validate and match N task lists' tasks (default 100,000)
//   Benchmarks overlaps RUTLAND.geojson [--visits N]    flag overlaps among N visits in a week (default 1,000,000)
//   Benchmarks plan RUTLAND.geojson [--scale K] [--seconds S] [--iterations N] [--report DIR] [--next-week]
//                                                       a county week, shared and baseline (K x the tasks);
//                                                       --report writes its report.html into DIR;
//                                                       --next-week plans the week after from the stored
//                                                       plan and fresh (stability and what it costs)
//   Benchmarks fleet RUTLAND.geojson [--iterations N]   the finite-crew method against the simplest alternatives
//   Benchmarks carp-instances RUTLAND.geojson --out DIR   county-size CARPLIB files (300 to 8,000 required edges)
//   Benchmarks county-day RUTLAND.geojson [--seconds S] [--iterations N] [--next-week]   one planner job of
//                                                       every street (about 8,300 visits: the solver's near
//                                                       costs on the planner's shortest paths), with its peak
//                                                       memory; --next-week plans the day a week later from it
//
// A missing input file is skipped with a message, not failed.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let kinds = ["network", "tasks", "overlaps", "plan", "fleet", "carp-instances", "county-day"]
guard arguments.count >= 2, kinds.contains(arguments[0]) else {
    let usage =
        "usage: Benchmarks \(kinds.joined(separator: "|")) FILE.geojson [--export DIR] [--out DIR] [--count N]"
        + " [--visits N] [--scale K] [--seconds S] [--iterations N] [--report DIR] [--next-week]\n"
    FileHandle.standardError.write(Data(usage.utf8))
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
case "carp-instances":
    guard let out = option("--out") else {
        FileHandle.standardError.write(Data("usage: Benchmarks carp-instances FILE.geojson --out DIR\n".utf8))
        exit(2)
    }
    try carpInstancesBenchmark(file: file, output: URL(fileURLWithPath: out))
case "overlaps": try overlapsBenchmark(file: file, visits: option("--visits").flatMap(Int.init) ?? 1_000_000)
case "county-day":
    try countyDayBenchmark(
        file: file, budget: option("--seconds").flatMap(Double.init) ?? 30,
        iterations: option("--iterations").flatMap(Int.init), nextWeek: arguments.contains("--next-week"))
case "fleet": try fleetBenchmark(file: file, iterations: option("--iterations").flatMap(Int.init) ?? 300)
default:
    try planBenchmark(
        file: file, scale: option("--scale").flatMap(Int.init) ?? 1,
        budget: option("--seconds").flatMap(Double.init) ?? 30,
        iterations: option("--iterations").flatMap(Int.init),
        report: option("--report").map { URL(fileURLWithPath: $0) }, nextWeek: arguments.contains("--next-week"))
}
