import Foundation
import GRDB

/// The StreetRounds database: one SQLite file (WAL journal) holding the
/// street network and, later, task lists, overlaps and plans. Schema changes
/// are named migrations, applied when the store opens for writing.
///
/// A class: it owns the database connection pool.
public final class RoundsStore: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens an existing store, or creates it when `create` is true.
    /// - Throws: `StoreError.missingDatabase` when the file does not exist
    ///   and `create` is false; `.unreadableDatabase` when it is not SQLite.
    public init(path: String, create: Bool = false) throws {
        self.path = path
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.missingDatabase, "no database at \(path); create one with: streetrounds streets import FILE --db \(path)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(.unreadableDatabase, "\(path) is not a StreetRounds database or cannot be opened (\(error)); give the path of a database made by 'streetrounds streets import'")
        }
    }

    /// The named schema migrations, oldest first. Never edit one that has
    /// shipped: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-street-network") { db in
            try db.execute(sql: """
                CREATE TABLE network (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    crs TEXT NOT NULL,
                    source_file TEXT NOT NULL,
                    source_format TEXT NOT NULL,
                    snap_tolerance_m REAL NOT NULL,
                    imported_at TEXT NOT NULL
                );
                CREATE TABLE junction (
                    id INTEGER PRIMARY KEY,
                    x REAL NOT NULL,
                    y REAL NOT NULL
                );
                CREATE TABLE segment (
                    id INTEGER PRIMARY KEY,
                    from_junction INTEGER NOT NULL REFERENCES junction(id),
                    to_junction INTEGER NOT NULL REFERENCES junction(id),
                    source_id TEXT NOT NULL,
                    name TEXT,
                    road_class TEXT NOT NULL,
                    ref TEXT,
                    usrn TEXT,
                    form_of_way TEXT,
                    one_way INTEGER NOT NULL,
                    speed_kmh REAL NOT NULL CHECK (speed_kmh > 0),
                    length_m REAL NOT NULL CHECK (length_m > 0),
                    component INTEGER NOT NULL,
                    geometry BLOB NOT NULL
                );
                CREATE INDEX segment_usrn ON segment(usrn) WHERE usrn IS NOT NULL;
                CREATE INDEX segment_name ON segment(name) WHERE name IS NOT NULL;
                CREATE VIRTUAL TABLE segment_rtree USING rtree(id, min_x, max_x, min_y, max_y);
                """)
        }
        registerTaskMigrations(&migrator)
        registerOverlapMigrations(&migrator)
        registerPlaceMigrations(&migrator)
        registerDataSourceMigration(&migrator)
        registerPlanMigrations(&migrator)
        return migrator
    }

    /// Runs `body` in one write transaction: all of it lands, or none.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.write(body)
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }
}
