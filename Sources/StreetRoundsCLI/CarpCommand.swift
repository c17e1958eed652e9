import ArcRouting
import ArgumentParser
import Foundation
import Geometry
import JSON

struct CarpCommand: ParsableCommand {
    /// The longest time limit taken: a day (`inf` would never end).
    static let mostSeconds = 86_400.0

    static let configuration = CommandConfiguration(
        commandName: "carp",
        abstract: "Solve a capacitated arc routing benchmark instance (.dat, CARPLIB layout) with the arc-routing core."
    )

    @Argument(help: "The instance file, e.g. ../shared/carp/instances/gdb/gdb1.dat.")
    var file: String

    @Option(help: "Time limit in seconds.")
    var seconds: Double = 10

    @Option(help: "Seed of the random source.")
    var seed: UInt64 = 1

    @Option(help: "Iteration budget instead of the time limit; with a seed, the same answer on every run and machine.")
    var iterations: Int?

    @Option(help: "Independent searches on that many threads (the best is kept).")
    var threads: Int = 1

    @Option(
        help: ArgumentHelp(
            "Most depot and required-link ends for a table of every pair's deadhead cost (its memory grows "
                + "with their square); beyond, each keeps its nearest and the hubs' costs (linear memory).",
            valueName: "ends"))
    var denseLimit = SolverParameters().denseTableTerminals

    @Option(
        help: ArgumentHelp(
            "Tasks from which the first ruin and recreate fills the time limit whenever its steps fit in it "
                + "(1: always; below, only when they take a good share of it).",
            valueName: "tasks"))
    var fillEveryTasks = SolverParameters().ruinFillEveryTasks

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard seconds > 0, seconds <= Self.mostSeconds else {
            throw ValidationError("--seconds must be above 0 and at most \(Int(Self.mostSeconds)) (a day)")
        }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be between 1 and 64") }
        if let iterations, iterations < 0 { throw ValidationError("--iterations must not be negative") }
        guard denseLimit >= 1 else { throw ValidationError("--dense-limit must be at least 1") }
        guard fillEveryTasks >= 1 else { throw ValidationError("--fill-every-tasks must be at least 1") }
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("no file at \(file)") }
    }

    /// The solver's parameters from the options.
    var solverParameters: SolverParameters {
        var parameters = SolverParameters()
        parameters.timeLimit = iterations == nil ? seconds : nil
        parameters.seed = seed
        parameters.maxIterations = iterations
        parameters.threads = threads
        parameters.denseTableTerminals = denseLimit
        parameters.ruinFillEveryTasks = fillEveryTasks
        return parameters
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let problem = try failing { try CARPProblem(contentsOf: url) }
        let result = try failing { try CARPSolver.solve(problem, parameters: solverParameters) }
        let check = CARPChecker.check(result.solution, for: problem)
        guard check.isFeasible else {
            throw CommandFailure(
                .internalError,
                "the solver returned a solution the checker rejects: " + check.problems.joined(separator: "; "))
        }
        let known = BestKnown.lookUp(problem.name, near: url)
        if json {
            var object: [String: JSON] = [
                "instance": .string(problem.name),
                "cost": .number(Double(result.solution.cost)),
                "lower_bound": .number(Double(result.lowerBound)),
                "seconds_to_best": .number((result.secondsToBest * 1000).rounded() / 1000),
                "iterations": .number(Double(result.iterations)),
                "setup_seconds": .number((result.setupSeconds * 1000).rounded() / 1000),
                "seconds": .number((result.seconds * 1000).rounded() / 1000),
                "stages": stagesJSON(result.stages),
                "routes": .array(
                    result.solution.routes.map { route in
                        .array(
                            route.map { s in
                                let link = problem.links[s.link]
                                let (a, b) = s.reversed ? (link.to, link.from) : (link.from, link.to)
                                return .array([.number(Double(a + 1)), .number(Double(b + 1))])
                            })
                    })
            ]
            if let known { object["best_known"] = .number(Double(known)) }
            print(JSON.object(object).serialized())
            return
        }
        print(
            "\(problem.name): cost \(result.solution.cost), \(result.solution.routes.count) routes, "
                + "found after \(Format.fixed(result.secondsToBest, 2)) s "
                + "(\(Format.int(result.iterations)) iterations)")
        print(
            "  lower bound known to the solver: \(result.lowerBound)"
                + (known.map { best -> String in
                    let gap = 100 * Double(result.solution.cost - best) / Double(best)
                    return "; best known: \(best) (gap \(Format.fixed(gap, 2))%)"
                } ?? ""))
        for (k, route) in result.solution.routes.enumerated() {
            let steps = route.map { s -> String in
                let link = problem.links[s.link]
                let (a, b) = s.reversed ? (link.to, link.from) : (link.from, link.to)
                return "(\(a + 1),\(b + 1))"
            }
            print(
                "  route \(k + 1): cost \(check.routeCosts[k]), load \(check.routeLoads[k]): "
                    + steps.joined(separator: " "))
        }
    }
}

/// The stages' work and seconds, as `--json` prints them.
private func stagesJSON(_ stages: SearchStages) -> JSON {
    func seconds(_ s: Double) -> JSON { .number((s * 1000).rounded() / 1000) }
    return .object([
        "ruin_steps": .number(Double(stages.ruinSteps)), "ruin_seconds": seconds(stages.ruinSeconds),
        "ruin_steps_cut_short": .number(Double(stages.ruinStepsCutShort)),
        "ruin_steps_filled": .number(Double(stages.ruinStepsFilled)),
        "phase_offspring": .number(Double(stages.phaseOffspring)), "phase_seconds": seconds(stages.phaseSeconds),
        "offspring": .number(Double(stages.offspring)), "offspring_seconds": seconds(stages.offspringSeconds)
    ])
}

/// Best-known costs from `bks.csv` (instance,bks,...) in the folder above
/// the instance's set, as ../shared/carp lays them out.
enum BestKnown {
    static func lookUp(_ name: String, near url: URL) -> Int? {
        let csv = url.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("bks.csv")
        guard let text = try? String(contentsOf: csv, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ",", maxSplits: 2)
            if fields.count >= 2, fields[0] == name { return Int(fields[1]) }
        }
        return nil
    }
}
