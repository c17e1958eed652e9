import ArgumentParser
import Foundation
import Geometry
import Store
import StreetImport
import StreetNetwork

struct StreetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "streets",
        abstract: "Import and inspect the street network.",
        subcommands: [Import.self, Info.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a GeoJSON or GeoPackage street file into the database "
                + "(replacing its network, in one transaction)."
        )

        @Argument(help: "The street file: GeoJSON (WGS84, or with a crs member) or GeoPackage.")
        var file: String

        @Option(help: "The database file (created when missing).")
        var db: String

        @Option(help: "The projected CRS to work in, in metres.")
        var crs: String = "EPSG:27700"

        @Option(help: "The CRS of the file's coordinates, when the file does not say (GeoJSON defaults to WGS84).")
        var sourceCrs: String?

        @Option(help: "The GeoPackage layer to read (default: the first line layer).")
        var layer: String?

        @Option(help: "Vertices closer than this many metres are joined into one junction.")
        var snap: Double = 0.5

        @Option(
            help: ArgumentHelp(
                "Named settlements for reports: an OSM PBF extract or a GeoJSON of place points.",
                discussion: "Default: the place points of the street file itself, if any."))
        var places: String?

        func validate() throws {
            guard snap >= 0, snap <= 50 else { throw ValidationError("--snap must be between 0 and 50 metres") }
            guard FileManager.default.fileExists(atPath: file) else {
                throw ValidationError("no file at \(file); give the path of a GeoJSON or GeoPackage street file")
            }
            if let places, !FileManager.default.fileExists(atPath: places) {
                throw ValidationError("no file at \(places); give an OSM PBF extract or a GeoJSON file of place points")
            }
        }

        func run() throws {
            let started = Date()
            let url = URL(fileURLWithPath: file)
            let read = try failing {
                try StreetFile.read(url, sourceCRS: sourceCrs.map(CRS.init), targetCRS: CRS(crs), layer: layer)
            }
            let network = try failing { try StreetNetwork(lines: read.lines, crs: read.targetCRS, snapTolerance: snap) }
            let settlements = try failing { try places.map { try readPlaces($0, around: network) } ?? read.places }
            let store = try failing { try RoundsStore(path: db, create: true) }
            TestPause.at("import-read")
            let provenance = NetworkProvenance(
                sourceFile: url.lastPathComponent, sourceFormat: read.format.rawValue, snapTolerance: snap,
                importedAt: ISO8601DateFormatter().string(from: Date()), dataSource: read.dataSource)
            try failing { try store.saveNetwork(network, places: settlements, provenance: provenance) }
            let elapsed = Date().timeIntervalSince(started)
            print(
                "Imported \(url.lastPathComponent) (\(read.format.rawValue), \(read.sourceCRS) → \(read.targetCRS)) "
                    + "into \(db) in \(Format.fixed(elapsed, 2)) s")
            let left = read.skipped.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\(Format.int($0.value)) \($0.key)" }
            let kept = Set(read.lines.map(\.featureIndex)).count
            print(
                "  features: \(Format.int(read.featureCount)) read, \(Format.int(kept)) streets kept"
                    + (left.isEmpty
                        ? "" : "; left out: " + left.prefix(6).joined(separator: ", ") + (left.count > 6 ? ", …" : "")))
            printUnreadSpeeds(read.unreadSpeeds)
            print(
                "  places: \(Format.int(settlements.count)) named settlements"
                    + (places.map { " from " + URL(fileURLWithPath: $0).lastPathComponent } ?? "")
                    + (settlements.isEmpty ? " (reports locate streets by grid reference and nearest depot)" : ""))
            printSummary(NetworkSummary(network))
        }

        /// The `maxspeed` values not read as a speed, most frequent first: a data problem the person may fix.
        func printUnreadSpeeds(_ unread: [String: Int]) {
            guard !unread.isEmpty else { return }
            let count = unread.values.reduce(0, +)
            let values = unread.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            print(
                "  maxspeed not read as a speed on \(Format.int(count)) line\(count == 1 ? "" : "s") "
                    + "(their road class's default used): "
                    + values.prefix(4).map { "\"\($0.key)\" \(Format.int($0.value))" }.joined(separator: ", ")
                    + (values.count > 4 ? ", …" : ""))
        }

        /// The places of `path` within 5 km of the network (an extract may
        /// cover far more than the streets).
        func readPlaces(_ path: String, around network: StreetNetwork) throws -> [Place] {
            let area = network.boundingBox.map { $0.expanded(by: 5_000) }
            return try PlaceFile.read(URL(fileURLWithPath: path), targetCRS: network.crs, within: area)
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Summarise the stored street network.")

        @Option(help: "The database file.")
        var db: String

        func run() throws {
            let store = try failing { try RoundsStore(path: db, access: .read) }
            let network = try failing { try store.loadNetwork() }
            if let provenance = try failing({ try store.networkProvenance() }) {
                print(
                    "Street network in \(db): \(provenance.sourceFile) (\(provenance.sourceFormat)), "
                        + "imported \(provenance.importedAt); \(provenance.streetDataSource.attribution)")
            }
            let summary = NetworkSummary(network)
            printSummary(summary)
            let box = summary.boundingBox
            print(
                "  bounding box (\(network.crs)): \(Format.fixed(box.minX, 0)), \(Format.fixed(box.minY, 0)) "
                    + "to \(Format.fixed(box.maxX, 0)), \(Format.fixed(box.maxY, 0))")
            if let projection = try? Projection(from: .wgs84, to: network.crs),
                let sw = projection.unproject(Point(x: box.minX, y: box.minY)),
                let ne = projection.unproject(Point(x: box.maxX, y: box.maxY))
            {
                print(
                    "  bounding box (WGS84): \(Format.fixed(sw.lon, 5)),\(Format.fixed(sw.lat, 5)) "
                        + "to \(Format.fixed(ne.lon, 5)),\(Format.fixed(ne.lat, 5))")
            }
            let classes = summary.segmentsByClass.sorted {
                $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
            }
            print("  road classes: " + classes.map { "\($0.key) \(Format.int($0.value))" }.joined(separator: ", "))
        }
    }
}

/// Prints the figures shared by `streets import` and `streets info`.
func printSummary(_ s: NetworkSummary) {
    print(
        "  network: \(Format.int(s.segmentCount)) segments, \(Format.fixed(s.totalKm, 1)) km, "
            + "\(Format.int(s.junctionCount)) junctions, \(Format.int(s.deadEndCount)) dead ends, "
            + "\(Format.int(s.oneWayCount)) one-way segments")
    guard let main = s.components.first else { return }
    if s.components.count == 1 {
        print("  components: 1 (every segment is reachable from every other, one-way streets aside)")
        return
    }
    let rest = s.components.dropFirst()
    let restSegments = rest.reduce(0) { $0 + $1.segments }
    let restKm = rest.reduce(0) { $0 + $1.km }
    print(
        "  components: \(s.components.count); "
            + "main: \(Format.int(main.segments)) segments (\(Format.fixed(main.km, 1)) km); "
            + "\(rest.count) detached, unreachable from the main network: "
            + "\(Format.int(restSegments)) segments (\(Format.fixed(restKm, 1)) km)")
    let names = s.detachedStreets.prefix(8)
    print(
        "  detached streets: " + names.joined(separator: "; ")
            + (s.detachedStreets.count > names.count ? "; and \(s.detachedStreets.count - names.count) more" : ""))
}
