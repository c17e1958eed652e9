import Foundation
import GRDB
import Geometry
import StreetNetwork

extension RoundsStore {
    /// The places table: named settlements imported with the network, in its
    /// CRS, so reports can say which town or village a street lies in.
    static func registerPlaceMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("street-places") { db in
            try db.execute(
                sql: """
                    CREATE TABLE place (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        x REAL NOT NULL,
                        y REAL NOT NULL
                    );
                    """)
        }
    }

    /// Replaces the stored places, in one transaction.
    /// - Complexity: O(p) inserts.
    public func savePlaces(_ places: [Place]) throws {
        do {
            try write { db in try Self.replacePlaces(places, db) }
        } catch {
            throw StoreError(.writeFailed, "could not save the places to \(path); nothing was changed (\(error))")
        }
    }

    static func replacePlaces(_ places: [Place], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM place")
        let insert = try db.makeStatement(sql: "INSERT INTO place (id, name, kind, x, y) VALUES (?, ?, ?, ?, ?)")
        for (id, p) in places.enumerated() {
            try insert.execute(arguments: [id, p.name, p.kind, p.point.x, p.point.y])
        }
    }

    /// The places imported with the network (none when the street file
    /// named none).
    public func loadPlaces() throws -> [Place] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, kind, x, y FROM place ORDER BY id").map {
                Place(name: $0["name"], kind: $0["kind"], point: Point(x: $0["x"], y: $0["y"]))
            }
        }
    }
}
