// swift-tools-version: 6.1
// StreetRounds: shared street-maintenance rounds for several organisations.
//
// Layers, each a module, dependencies pointing down:
//   Geometry        coordinates, PROJ transforms, JSON, GeoJSON, WKB
//   StreetNetwork   segments, topology, compact graph, shortest paths
//   StreetImport    readers for GeoJSON and GeoPackage street files
//   ArcRouting      the capacitated arc routing solver (knows no streets)
//   Works           activities, organisations, task lists, matching, overlaps, weekly planning
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
        .target(name: "Geometry", dependencies: ["CProj"]),
        .target(name: "StreetNetwork", dependencies: ["Geometry"]),
        .target(
            name: "StreetImport",
            dependencies: ["Geometry", "StreetNetwork", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The solver is optimised in debug builds too: its tests run real
        // searches, which are 20-50 times slower unoptimised.
        .target(name: "ArcRouting", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Works", dependencies: ["Geometry", "StreetNetwork", "ArcRouting"]),
        .target(name: "Outputs", dependencies: ["Geometry", "StreetNetwork", "Works"]),
        .target(
            name: "Store",
            dependencies: ["Geometry", "StreetNetwork", "Works", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "Server",
            dependencies: [
                "Geometry", "StreetNetwork", "Works", "Outputs", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "StreetRoundsCLI",
            dependencies: [
                "Geometry", "StreetNetwork", "StreetImport", "Store", "ArcRouting", "Works", "Outputs", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "Benchmarks",
            dependencies: ["Geometry", "StreetNetwork", "StreetImport", "Store", "ArcRouting", "Works"]
        ),
        .target(name: "TestSupport", dependencies: ["ArcRouting"], path: "Tests/TestSupport"),
        .testTarget(name: "GeometryTests", dependencies: ["Geometry", "TestSupport"]),
        .testTarget(name: "StreetNetworkTests", dependencies: ["StreetNetwork", "Geometry", "TestSupport"]),
        .testTarget(name: "StreetImportTests", dependencies: ["StreetImport", "StreetNetwork", "Geometry", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "StreetImport", "StreetNetwork", "Geometry", "TestSupport"]),
        .testTarget(name: "WorksTests", dependencies: ["Works", "StreetImport", "StreetNetwork", "Geometry", "TestSupport"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Store", "Works", "StreetImport", "StreetNetwork", "Geometry", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "ArcRoutingTests", dependencies: ["ArcRouting", "TestSupport"]),
        .testTarget(name: "StreetRoundsCLITests", dependencies: ["Geometry", "TestSupport"], exclude: ["Expected"]),
    ]
)
