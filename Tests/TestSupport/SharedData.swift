import Foundation

/// Where the shared real data lives (`../shared` beside the project), for
/// tests and benchmarks that use it. Tests skip with a clear message when it
/// is absent.
public enum SharedData {
    /// The `shared` folder, found from this source file's location.
    public static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["STREETROUNDS_SHARED"] {
            return URL(fileURLWithPath: env)
        }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // TestSupport, Tests, project
        return url.appendingPathComponent("shared")
    }()

    /// The project's root folder.
    public static let projectRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    public static func file(_ relative: String) -> URL? {
        let url = root.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    public static let skipMessage = "../shared is absent beside the project: tests on real data are skipped (set STREETROUNDS_SHARED to its path)"

    public static var rutlandGeoJSON: URL? { file("data/streets/rutland-osm/rutland-highways.geojson") }
    public static var leedsGeoJSON: URL? { file("data/streets/leeds-its-osm-tiny/its-example-highways.geojson") }
    public static var bristolGeoPackage: URL? { file("data/streets/bristol-os-open-roads-sample/os_roads_bristol_bng.gpkg") }
    public static var bristolGeoJSON: URL? { file("data/streets/bristol-os-open-roads-sample/os_roads_bristol.geojson") }
    public static var bristolBNGGeoJSON: URL? { file("data/streets/bristol-os-open-roads-sample/os_roads_bristol_bng.geojson") }
    public static var carpInstances: URL? { file("carp/instances") }
    public static var carpBestKnown: URL? { file("carp/bks.csv") }
}

/// A deterministic random number generator (SplitMix64), passed to every
/// random step in tests so runs repeat exactly.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
