// swift-tools-version: 6.1
// StreetRounds: shared street-maintenance rounds for several organisations.
//
// Layers, each a module, dependencies pointing down:
//   JSON            the JSON value, a strict parser and serialization
//   Geometry        coordinates, PROJ transforms, GeoJSON, WKB
//   StreetNetwork   segments, topology, compact graph, shortest paths
//   StreetImport    readers for GeoJSON and GeoPackage street files, place nodes (also OSM PBF)
//   ArcRouting      the capacitated arc routing solver (knows no streets)
//   Works           activities, organisations, task lists, matching, overlaps
//   Planning        the weekly planner: a pipeline of stages down to the arc-routing core
//   Outputs         schedule CSV, GeoJSON, GPX, iCalendar, HTML report
//   Store           the SQLite store (GRDB): schema migrations, R*Tree
//   Server          the partners' HTTP service (Hummingbird): routes, auth, problem details
//   streetrounds    the thin command-line executable
import PackageDescription

let package = Package(
    name: "StreetRounds",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "streetrounds", targets: ["StreetRoundsCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CProj",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        .target(name: "JSON"),
        // zlib inflates the blocks of OSM PBF files (place nodes).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Geometry", dependencies: ["CProj", "JSON"]),
        // Optimised in debug builds too: the planner's tests search the street graph thousands of times.
        .target(name: "StreetNetwork", dependencies: ["Geometry"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(
            name: "StreetImport",
            dependencies: ["Geometry", "JSON", "StreetNetwork", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The solver is optimised in debug builds too: its tests run real
        // searches, which are 20-50 times slower unoptimised.
        .target(name: "ArcRouting", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Works", dependencies: ["Geometry", "JSON", "StreetNetwork", "ArcRouting"]),
        .target(name: "Planning", dependencies: ["Geometry", "JSON", "StreetNetwork", "ArcRouting", "Works"]),
        .target(name: "Outputs", dependencies: ["Geometry", "JSON", "StreetNetwork", "Works", "Planning"]),
        .target(
            name: "Store",
            dependencies: [
                "Geometry", "JSON", "StreetNetwork", "Works", "Planning", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "Server",
            dependencies: [
                "Geometry", "JSON", "StreetNetwork", "Works", "Planning", "Outputs", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "StreetRoundsCLI",
            dependencies: [
                "Geometry", "JSON", "StreetNetwork", "StreetImport", "Store", "ArcRouting", "Works", "Planning", "Outputs", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "Benchmarks",
            dependencies: ["Geometry", "JSON", "StreetNetwork", "StreetImport", "Store", "ArcRouting", "Works", "Planning", "Outputs"]
        ),
        .target(name: "TestSupport", dependencies: ["ArcRouting", "Works"], path: "Tests/TestSupport"),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "GeometryTests", dependencies: ["Geometry", "JSON", "TestSupport"]),
        .testTarget(name: "StreetNetworkTests", dependencies: ["StreetNetwork", "Geometry", "TestSupport"]),
        .testTarget(
            name: "StreetImportTests",
            dependencies: ["StreetImport", "StreetNetwork", "Geometry", "JSON", "TestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "StreetImport", "StreetNetwork", "Geometry", "Planning", "Works", "TestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "WorksTests", dependencies: ["Works", "StreetImport", "StreetNetwork", "Geometry", "JSON", "TestSupport"]),
        .testTarget(
            name: "PlanningTests",
            dependencies: ["Planning", "Works", "StreetImport", "StreetNetwork", "Geometry", "JSON", "TestSupport"]
        ),
        .testTarget(
            name: "OutputsTests",
            dependencies: ["Outputs", "Planning", "Works", "StreetImport", "StreetNetwork", "Geometry", "JSON", "TestSupport"]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Planning", "Store", "Works", "StreetImport", "StreetNetwork", "Geometry", "JSON",
                "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "ArcRoutingTests", dependencies: ["ArcRouting", "TestSupport"]),
        .testTarget(
            name: "StreetRoundsCLITests",
            dependencies: ["Geometry", "JSON", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Expected"]
        ),
    ]
)

// libFuzzer targets, only when STREETROUNDS_FUZZ is set: make fuzz builds them with -sanitize=fuzzer in
// .build/fuzz, and an ordinary build has no libFuzzer to link them with.
if Context.environment["STREETROUNDS_FUZZ"] != nil {
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzJSON", ["JSON"]),
        ("FuzzTaskList", ["Works"]),
        ("FuzzStreets", ["StreetImport", "StreetNetwork", "Geometry"]),
        ("FuzzCARP", ["ArcRouting"]),
        ("FuzzPlaces", ["StreetImport", "Geometry"]),
    ]
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"))
    for (name, dependencies) in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies + ["FuzzSupport"], path: "Fuzz/\(name)"))
    }
}
