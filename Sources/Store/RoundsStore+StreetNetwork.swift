import Foundation
import GRDB
import Geometry
import StreetNetwork

/// Where a stored network came from.
public struct NetworkProvenance: Sendable, Equatable {
    public var sourceFile: String
    public var sourceFormat: String
    public var snapTolerance: Double
    public var importedAt: String
    /// Whose data it is ("osm", "os", "synthetic", "other"): the credit maps print.
    public var dataSource: StreetDataSource.Kind

    public init(
        sourceFile: String, sourceFormat: String, snapTolerance: Double, importedAt: String,
        dataSource: StreetDataSource.Kind = .other
    ) {
        self.sourceFile = sourceFile
        self.sourceFormat = sourceFormat
        self.snapTolerance = snapTolerance
        self.importedAt = importedAt
        self.dataSource = dataSource
    }

    /// The credit for maps: the source and, for OS data, the year it was imported.
    public var streetDataSource: StreetDataSource {
        StreetDataSource(kind: dataSource, year: Int(importedAt.prefix(4)), sourceFile: sourceFile)
    }
}

/// A stored network and the version its import gave it (one more than the network it replaced).
public struct VersionedNetwork: Sendable {
    public var network: StreetNetwork
    public var version: Int
}

extension RoundsStore {
    /// v4: the network remembers whose data it is (older networks read as "other").
    static func registerDataSourceMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-network-data-source") { db in
            try db.execute(sql: "ALTER TABLE network ADD COLUMN data_source TEXT NOT NULL DEFAULT 'other'")
        }
    }
}

extension RoundsStore {
    /// Replaces the stored network with `network` and the stored places with
    /// `places` (settlements named in the same file), in one transaction: a
    /// failure leaves the database exactly as it was.
    /// - Complexity: O(n) inserts with prepared statements.
    public func saveNetwork(_ network: StreetNetwork, places: [Place] = [], provenance: NetworkProvenance) throws {
        do {
            try write { db in
                // Checked inside the write transaction: a task list submitted meanwhile is either seen here
                // or submitted after this network, against it.
                let count = "SELECT COUNT(DISTINCT organisation || task_id) FROM task_segment"
                let matched = try Int.fetchOne(db, sql: count) ?? 0
                guard matched == 0 else {
                    throw StoreError(
                        .networkInUse,
                        "\(path) holds \(matched) tasks matched to its street network; "
                            + "a new network would orphan them. Import into a new database and submit the task lists "
                            + "again there")
                }
                let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM network") ?? 0) + 1
                try db.execute(
                    sql: "DELETE FROM segment_rtree; DELETE FROM segment; DELETE FROM junction; DELETE FROM network;")
                try db.execute(
                    sql: """
                        INSERT INTO network (id, crs, source_file, source_format, snap_tolerance_m, imported_at,
                                             data_source, version)
                        VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        network.crs.code, provenance.sourceFile, provenance.sourceFormat,
                        provenance.snapTolerance, provenance.importedAt, provenance.dataSource.rawValue,
                        version
                    ])
                try Self.insertRows(of: network, db)
                try Self.replacePlaces(places, db)
            }
        } catch {
            let failed = StoreError(
                .writeFailed,
                "could not save the street network to \(path); nothing was changed (\(error))")
            throw storeError(error, "save the street network", or: failed)
        }
    }

    private static func insertRows(of network: StreetNetwork, _ db: Database) throws {
        let junction = try db.makeStatement(sql: "INSERT INTO junction (id, x, y) VALUES (?, ?, ?)")
        for (id, p) in network.junctions.enumerated() {
            try junction.execute(arguments: [id, p.x, p.y])
        }
        let segment = try db.makeStatement(
            sql: """
                INSERT INTO segment (id, from_junction, to_junction, source_id, name, road_class, ref, usrn,
                                     form_of_way, one_way, speed_kmh, length_m, component, geometry)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let rtree = try db.makeStatement(
            sql: "INSERT INTO segment_rtree (id, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)")
        for s in network.segments {
            try segment.execute(arguments: [
                s.id, s.from, s.to, s.sourceID, s.name, s.roadClass, s.ref, s.usrn, s.formOfWay,
                s.oneWay, s.speedKmh, s.length.isFinite ? s.length : nil, s.component, GeometryBlob.encode(s.points)
            ])
            let box = s.boundingBox
            try rtree.execute(arguments: [s.id, box.minX, box.maxX, box.minY, box.maxY])
        }
    }

    static func registerNetworkVersionMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-network-version") { db in
            // Each import numbers its network one more than the last: a task list matched against one
            // network version is refused by a write that finds another.
            try db.execute(sql: "ALTER TABLE network ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
        }
    }

    /// The stored network with its version, read in one transaction; pass the version to `submit` so that
    /// tasks matched against it are never stored under another network.
    /// - Throws: `StoreError.noNetwork` when none was imported.
    public func loadVersionedNetwork() throws -> VersionedNetwork {
        try read { db in
            let version = try Int.fetchOne(db, sql: "SELECT version FROM network WHERE id = 1") ?? 0
            return VersionedNetwork(network: try fetchNetwork(db), version: version)
        }
    }

    /// Where the stored network came from; nil when there is none.
    public func networkProvenance() throws -> NetworkProvenance? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM network WHERE id = 1").map {
                NetworkProvenance(
                    sourceFile: $0["source_file"], sourceFormat: $0["source_format"],
                    snapTolerance: $0["snap_tolerance_m"], importedAt: $0["imported_at"],
                    dataSource: StreetDataSource.Kind(rawValue: $0["data_source"] ?? "other") ?? .other)
            }
        }
    }

    /// Loads the whole stored network.
    /// - Throws: `StoreError.noNetwork` when none was imported.
    public func loadNetwork() throws -> StreetNetwork {
        try read { db in try fetchNetwork(db) }
    }

    func fetchNetwork(_ db: Database) throws -> StreetNetwork {
        guard let crs = try String.fetchOne(db, sql: "SELECT crs FROM network WHERE id = 1") else {
            throw StoreError(
                .noNetwork,
                "\(path) holds no street network; "
                    + "import one with: streetrounds streets import FILE --db \(path)")
        }
        var junctions: [Point] = []
        let jRows = try Row.fetchCursor(db, sql: "SELECT x, y FROM junction ORDER BY id")
        while let row = try jRows.next() { junctions.append(Point(x: row[0], y: row[1])) }
        var segments: [StreetSegment] = []
        let sRows = try Row.fetchCursor(db, sql: "SELECT * FROM segment ORDER BY id")
        while let row = try sRows.next() { segments.append(Self.segment(row)) }
        return StreetNetwork(crs: CRS(crs), junctions: junctions, segments: segments)
    }

    static func segment(_ row: Row) -> StreetSegment {
        StreetSegment(
            id: row["id"], from: row["from_junction"], to: row["to_junction"], sourceID: row["source_id"],
            name: row["name"], roadClass: row["road_class"], ref: row["ref"], usrn: row["usrn"],
            formOfWay: row["form_of_way"], oneWay: row["one_way"], speedKmh: row["speed_kmh"],
            length: row["length_m"], points: GeometryBlob.decode(row["geometry"]), component: row["component"])
    }
}
