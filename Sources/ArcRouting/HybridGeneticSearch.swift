import Foundation

/// The hybrid genetic search for CARP (Vidal 2017, "Node, edge, arc routing
/// and turn penalties: multiple problems - one neighborhood extension";
/// Vidal et al. 2012 for the population management): giant tours crossed by
/// OX, cut optimally by Split, improved by local search with penalised
/// capacity and route length, and kept in a population ranked by cost and
/// diversity. Single-threaded; `CARPSolver` runs several at once.
struct HybridGeneticSearch {
    let instance: SearchInstance
    var parameters: SolverParameters
    let localSearch: LocalSearch
    /// Each task's nearest tasks beyond the granular ones, for ruin and
    /// recreate (`ruinWiderNeighbours`); empty when it does not run.
    let widerNeighbours: [[Int]]
    var rng: RandomSource
    var penalty: Penalty
    var population: [Individual] = []
    /// Broken-pairs distances between population members, by their places.
    var proximity = ProximityMatrix()
    var best: Individual?
    var bestTime = 0.0
    /// Offspring made: by this search's crossovers and by its
    /// sub-problems' searches (what the iteration budget counts).
    var iterations = 0
    /// Offspring made by this search's own crossovers (what the periods of
    /// the penalties, the decomposition and the progress count).
    var generations = 0
    var feasibleHistory: [Bool] = []
    /// Where the time went (`SearchStages`).
    var stages = SearchStages()
    /// Routes the search starts from instead of the construction (a
    /// sub-problem's share of the best solution); feasible.
    var initialRoutes: [[Int]]?

    /// - Parameter neighbours: each task's nearest tasks
    ///   (`LocalSearch.neighbours`), computed once for all searches.
    /// - Parameter widerNeighbours: longer such lists for ruin and
    ///   recreate, the first ones their beginnings; empty = none.
    /// - Parameter penalty: the initial penalties; nil = the largest
    ///   deadhead per unit of the largest demand (as HGS-CVRP), which reads
    ///   the whole distance table.
    init(
        _ instance: SearchInstance, neighbours: [[Int]], widerNeighbours: [[Int]] = [],
        parameters: SolverParameters, seed: UInt64, penalty: Penalty? = nil
    ) {
        self.instance = instance
        self.widerNeighbours = widerNeighbours
        self.parameters = parameters
        self.rng = RandomSource(seed: seed)
        self.localSearch = LocalSearch(instance, neighbours: neighbours, parameters: parameters)
        if let penalty {
            self.penalty = penalty
        } else {
            let maxDemand = Double(instance.demand.max() ?? 1)
            let maxCost = Double(instance.table.largestFiniteCost)
            let range = parameters.initialLoadPenaltyRange
            let start = min(range.upperBound, max(range.lowerBound, maxCost / max(1, maxDemand)))
            self.penalty = Penalty(load: start, duration: parameters.initialDurationPenalty)
        }
    }

    /// Whether the time limit has passed; always false without one, so that
    /// a run on an iteration budget never reads the clock.
    func timeIsUp(_ deadline: Date?) -> Bool {
        guard let deadline else { return false }
        return Date() >= deadline
    }

    /// Runs until the time limit or the iteration budget (at least one is set).
    /// - Parameter progress: called every `progressPeriod` iterations with
    ///   (iterations, best cost, seconds).
    mutating func run(deadline: Date?, start: Date, progress: ((Int, Int, Double) -> Void)? = nil) {
        initialisePopulation(deadline: deadline, start: start)
        var sinceImprovement = 0
        while !timeIsUp(deadline) {
            if let budget = parameters.maxIterations, iterations >= budget { break }
            iterations += 1
            generations += 1
            // Too few feasible parents yet (tight limits): a random tour instead.
            let began = Date()
            let child =
                population.count < 2 ? randomTour() : crossover(population[tournament()], population[tournament()])
            if educate(child, start: start, deadline: deadline) { sinceImprovement = 0 } else { sinceImprovement += 1 }
            stages.offspring += 1
            stages.offspringSeconds += Date().timeIntervalSince(began)
            if population.count > parameters.populationSize + parameters.generationSize { selectSurvivors() }
            if generations % parameters.penaltyPeriod == 0 { adaptPenalty() }
            if decomposes, generations % parameters.decompositionPeriod == 0,
                decompose(start: start, deadline: deadline)
            {
                sinceImprovement = 0
            }
            if sinceImprovement > parameters.restartAfter {
                while !population.isEmpty { remove(at: population.count - 1) }
                initialisePopulation(deadline: deadline, start: start)
                sinceImprovement = 0
            }
            if generations % parameters.progressPeriod == 0, let best {
                progress?(iterations, best.cost, Date().timeIntervalSince(start))
            }
        }
    }

    private mutating func initialisePopulation(deadline: Date?, start: Date) {
        let n = instance.taskCount
        if best == nil, let initialRoutes {
            let cost = initialRoutes.reduce(0) { $0 + instance.routeCost($1) }
            admit(Individual(routes: initialRoutes, cost: cost, taskCount: n), start: start)
        } else if best == nil {
            // The construction: kept as it is (feasible), and improved from
            // its tour re-split; on large instances first from its own routes,
            // which stay near feasible under a weak penalty (each of the two
            // was the better on one of the Rutland instances of 1,000 and
            // 5,000 tasks), then from the tour when time allows
            // (`educatesTheTour`).
            let routes = Construction.routes(instance, penalty: parameters.constructionPenalty)
            let cost = routes.reduce(0) { $0 + instance.routeCost($1) }
            let individual = Individual(routes: routes, cost: cost, taskCount: n)
            if RouteState(instance, routes: routes, penalty: penalty).isFeasible { admit(individual, start: start) }
            let began = Date()
            if isLarge { educate(routes: routes, start: start, deadline: deadline) }
            let took = Date().timeIntervalSince(began)
            let left = deadline?.timeIntervalSinceNow
            if !isLarge || best == nil || Self.educatesTheTour(after: took, secondsLeft: left) {
                educate(routes.flatMap { $0 }, start: start, deadline: deadline)
            }
            // Ruin and recreate, then a first phase, at once: the
            // population's random starts take seconds each at a few
            // thousand tasks; each of the two improves the best by a few
            // per cent (Rutland, 3,000 and 5,000 tasks).
            if decomposes {
                ruinAndRecreate(start: start, deadline: deadline, fillingTime: true)
                decompose(start: start, deadline: deadline)
                repeatRuinAndPhases(start: start, deadline: deadline)
            }
        }
        var attempts = 0
        let most = parameters.initialAttemptsFactor * parameters.populationSize
        while population.count < parameters.populationSize && attempts < most {
            if let budget = parameters.maxIterations, iterations >= budget, !population.isEmpty { break }
            if !population.isEmpty, timeIsUp(deadline) { break }
            attempts += 1
            let tour =
                isLarge || initialRoutes != nil
                ? Construction.randomisedTour(
                    instance, neighbours: localSearch.neighbours,
                    choices: parameters.greedyChoices, rng: &rng)
                : randomTour()
            educate(tour, start: start, deadline: deadline)
        }
    }

    /// Whether a large instance's construction has its tour re-split and
    /// improved too (as it always has while nothing feasible is kept),
    /// after its routes' local search took `seconds`: not when that took a
    /// third or more of the `secondsLeft` then (nil = no time limit), since
    /// the second would take about as long, time that ruin and recreate
    /// uses better (a synthetic grid of 20,366 required links at 10 s, 4
    /// seeds: 1.27% lower, 3 of 4; at Rutland's 5,000 tasks and 10 s the
    /// first took 0.19 s with 9.05 s left: docs/arc-routing.md, "Nineteenth
    /// session"). Internal for tests.
    static func educatesTheTour(after seconds: Double, secondsLeft: Double?) -> Bool {
        guard let secondsLeft else { return true }
        return 3 * seconds < secondsLeft
    }

    /// Whether the instance has `largeInstanceTasks` tasks or more.
    private var isLarge: Bool { instance.taskCount >= parameters.largeInstanceTasks }

    /// Every task once, in random order and directions.
    private mutating func randomTour() -> [Int] {
        var tour = (0..<instance.taskCount).map { t in 2 * t + (instance.twoWay[t] && rng.below(2) == 1 ? 1 : 0) }
        tour.shuffle(using: &rng)
        return tour
    }

    /// Split, local search, repair when infeasible; keeps the result when
    /// feasible. Returns whether it improved the best.
    @discardableResult
    private mutating func educate(_ tour: [Int], start: Date, deadline: Date?) -> Bool {
        educate(
            routes: Split.split(tour, instance, penalty, loadFactor: parameters.splitLoadFactor),
            start: start, deadline: deadline)
    }

    /// Local search and repair from the given routes; keeps the result when
    /// feasible. Returns whether it improved the best.
    @discardableResult
    mutating func educate(routes: [[Int]], start: Date, deadline: Date?) -> Bool {
        var state = RouteState(instance, routes: routes, penalty: penalty)
        localSearch.run(&state, rng: &rng, until: deadline)
        feasibleHistory.append(state.isFeasible)
        // Repair: stronger penalties, `repairPasses` times at most.
        var factor = parameters.repairPenaltyFactor
        for _ in 0..<parameters.repairPasses where !state.isFeasible {
            state.penalty = Penalty(load: penalty.load * factor, duration: penalty.duration * factor)
            localSearch.run(&state, rng: &rng, until: deadline)
            factor *= parameters.repairPenaltyFactor
        }
        guard state.isFeasible else { return false }
        let individual = Individual(routes: state.nonEmptyRoutes, cost: state.totalCost, taskCount: instance.taskCount)
        return admit(individual, start: start)
    }

    /// Adds a feasible individual unless it is a clone; returns whether it
    /// improved the best.
    @discardableResult
    mutating func admit(_ individual: Individual, start: Date) -> Bool {
        var distances: [Double] = []
        distances.reserveCapacity(population.count)
        for other in population {
            let d = individual.distance(to: other)
            if d == 0, other.cost == individual.cost { return false }  // a clone
            distances.append(d)
        }
        proximity.append(distances)
        population.append(individual)
        fitnessIsCurrent = false
        if individual.cost < best?.cost ?? Int.max {
            best = individual
            bestTime = Date().timeIntervalSince(start)
            return true
        }
        return false
    }

    private mutating func adaptPenalty() {
        let recent = feasibleHistory.suffix(parameters.penaltyPeriod)
        guard !recent.isEmpty else { return }
        let share = Double(recent.filter { $0 }.count) / Double(recent.count)
        let range = parameters.penaltyRange
        func scaled(_ value: Double, _ factor: Double) -> Double {
            min(range.upperBound, max(range.lowerBound, value * factor))
        }
        var factor = 1.0
        if share < parameters.targetFeasible - parameters.feasibleTolerance { factor = parameters.penaltyIncrease }
        if share > parameters.targetFeasible + parameters.feasibleTolerance { factor = parameters.penaltyDecrease }
        if factor != 1 {
            penalty.load = scaled(penalty.load, factor)
            penalty.duration = scaled(penalty.duration, factor)
        }
        feasibleHistory.removeAll(keepingCapacity: true)
    }

    /// Biased fitness (Vidal et al. 2012): rank by cost plus, weighted, rank
    /// by mean distance to the closest individuals.
    private mutating func updateFitness() {
        let n = population.count
        guard n > 1 else {
            population.indices.forEach { population[$0].biasedFitness = 0 }
            return
        }
        let diversity = (0..<n).map { proximity.meanOfClosest($0, parameters.closeCount) }
        let byCost = (0..<n).sorted { population[$0].cost < population[$1].cost }
        let byDiversity = (0..<n).sorted { diversity[$0] > diversity[$1] }
        var costRank = [Double](repeating: 0, count: n)
        var diversityRank = costRank
        for (r, i) in byCost.enumerated() { costRank[i] = Double(r) / Double(n - 1) }
        for (r, i) in byDiversity.enumerated() { diversityRank[i] = Double(r) / Double(n - 1) }
        let weight = 1 - Double(parameters.eliteCount) / Double(n)
        for i in 0..<n { population[i].biasedFitness = costRank[i] + weight * diversityRank[i] }
    }

    private mutating func tournament() -> Int {
        updateFitnessIfNeeded()
        let a = rng.below(population.count)
        let b = rng.below(population.count)
        return population[a].biasedFitness <= population[b].biasedFitness ? a : b
    }

    private var fitnessIsCurrent = false
    private mutating func updateFitnessIfNeeded() {
        if !fitnessIsCurrent {
            updateFitness()
            fitnessIsCurrent = true
        }
    }

    private mutating func selectSurvivors() {
        while population.count > parameters.populationSize {
            updateFitness()
            let worst = population.indices.max { population[$0].biasedFitness < population[$1].biasedFitness }!
            remove(at: worst)
        }
    }

    private mutating func remove(at index: Int) {
        proximity.remove(at: index)
        population.remove(at: index)
        fitnessIsCurrent = false
    }

    /// Ordered crossover (OX, Oliver et al. 1987) on giant tours: a random
    /// slice of parent A in place, the rest in parent B's order; each task
    /// keeps the direction it had in the parent it came from.
    private mutating func crossover(_ a: Individual, _ b: Individual) -> [Int] {
        let tourA = a.giantTour
        let tourB = b.giantTour
        let n = tourA.count
        guard n > 2 else { return tourA }
        let i = rng.below(n)
        let j = rng.below(n)
        let (lo, hi) = (min(i, j), max(i, j))
        var child = [Int](repeating: -1, count: n)
        var taken = [Bool](repeating: false, count: n)
        for k in lo...hi {
            child[k] = tourA[k]
            taken[tourA[k] >> 1] = true
        }
        var fill = (hi + 1) % n
        for k in 0..<n {
            let td = tourB[(hi + 1 + k) % n]
            if taken[td >> 1] { continue }
            child[fill] = td
            taken[td >> 1] = true
            fill = (fill + 1) % n
        }
        return child
    }
}
