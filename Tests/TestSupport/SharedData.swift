import ArcRouting
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

    public static let skipMessage =
        "../shared is absent beside the project: tests on real data are skipped (set STREETROUNDS_SHARED to its path)"

    public static var rutlandGeoJSON: URL? { file("data/streets/rutland-osm/rutland-highways.geojson") }
    public static var rutlandPBF: URL? { file("data/streets/rutland-osm/rutland-2022-07-20.osm.pbf") }
    public static var leedsGeoJSON: URL? { file("data/streets/leeds-its-osm-tiny/its-example-highways.geojson") }
    public static var bristolGeoPackage: URL? {
        file("data/streets/bristol-os-open-roads-sample/os_roads_bristol_bng.gpkg")
    }
    public static var bristolGeoJSON: URL? {
        file("data/streets/bristol-os-open-roads-sample/os_roads_bristol.geojson")
    }
    public static var bristolBNGGeoJSON: URL? {
        file("data/streets/bristol-os-open-roads-sample/os_roads_bristol_bng.geojson")
    }
    public static var carpInstances: URL? { file("carp/instances") }
    public static var carpBestKnown: URL? { file("carp/bks.csv") }
}

/// The deterministic random source tests pass to every random step: the
/// solver's own SplitMix64, so a seed means the same thing everywhere.
public typealias SplitMix64 = RandomSource
