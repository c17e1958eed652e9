import Foundation
import GRDB

/// The StreetRounds database: one SQLite file (WAL journal) holding the
/// street network, task lists and overlap state. Schema changes are named
/// migrations, applied only when the store opens for writing.
///
/// Readers open the file read-only (`SQLITE_OPEN_READONLY`): they never
/// migrate it, switch its journal mode or write a byte, and they refuse a
/// SQLite file that StreetRounds did not make without changing it. Writers
/// wait for each other up to `busyTimeout` seconds (each write is one
/// IMMEDIATE transaction), then fail naming the process that holds the lock.
///
/// A class: it owns the database connection pool.
public final class RoundsStore: Sendable {
    /// How a command uses the store.
    public enum Access: Sendable {
        /// Read only: never migrates or alters the file; refuses a file StreetRounds did not make.
        case read
        /// Reads and writes an existing store, migrating its schema first.
        case write
        /// Like `write`, creating the file when it is missing.
        case create
    }

    /// Seconds a writer waits for another writer before giving up, unless
    /// `STREETROUNDS_BUSY_TIMEOUT` says otherwise: long, because batch
    /// commands (a nightly `overlaps`) run beside long imports.
    public static let defaultBusyTimeout: TimeInterval = 600

    public let path: String
    /// Seconds to wait for a lock held by another process.
    public let busyTimeout: TimeInterval
    let access: Access
    let pool: DatabasePool

    /// Opens an existing store for writing, or creates it when `create` is true.
    public convenience init(path: String, create: Bool = false) throws {
        try self.init(path: path, access: create ? .create : .write)
    }

    /// Opens the store at `path`.
    /// - Parameter busyTimeout: seconds to wait for another process's lock; by default
    ///   `STREETROUNDS_BUSY_TIMEOUT` from the environment, else `defaultBusyTimeout`.
    /// - Throws: `StoreError.missingDatabase` when the file does not exist (and `access` is not
    ///   `.create`); `.unreadableDatabase` when it is not a StreetRounds database; `.busy` when
    ///   another process holds the lock longer than the timeout; `.badSetting` for a bad timeout.
    public init(path: String, access: Access, busyTimeout: TimeInterval? = nil) throws {
        self.path = path
        self.access = access
        self.busyTimeout = try busyTimeout ?? Self.busyTimeoutFromEnvironment()
        let identity: StoreFile.Identity
        do {
            identity = try StoreFile.identify(path, busyTimeout: self.busyTimeout)
        } catch {
            throw Self.storeError(
                error, path: path, busyTimeout: self.busyTimeout, doing: "open \(path)",
                or: StoreError(.unreadableDatabase, "\(path) cannot be read (\(error))"))
        }
        switch (identity, access) {
        case (.missing, .read), (.missing, .write):
            throw StoreError(
                .missingDatabase,
                "no database at \(path); create one with: streetrounds streets import FILE --db \(path)")
        case (.empty, .read):
            throw StoreError(
                .missingDatabase,
                "\(path) is an empty file, not a database yet; "
                    + "create one with: streetrounds streets import FILE --db \(path)")
        case (.foreign(let why), _):
            throw StoreError(
                .unreadableDatabase,
                "\(path) is not a StreetRounds database (\(why)); "
                    + "it was left untouched. Give the path of a database made by 'streetrounds streets import'")
        default: break
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.readonly = access == .read
        do {
            let opened = access == .read ? StoreFile.readPath(path) : path
            pool = try DatabasePool(path: opened, configuration: configuration)
            if access != .read { try Self.migrator.migrate(pool) }
        } catch {
            let unreadable = StoreError(
                .unreadableDatabase,
                "\(path) cannot be opened as a StreetRounds database (\(error)); "
                    + "give the path of a database made by 'streetrounds streets import'")
            throw Self.storeError(
                error, path: path, busyTimeout: self.busyTimeout, doing: "open \(path)",
                or: unreadable)
        }
    }

    /// The files of the store at `path`: the database, its write-ahead log and index, and a rollback
    /// journal SQLite would replay into it. No output may replace one of them.
    public static func files(_ path: String) -> [String] {
        [path, path + "-wal", path + "-shm", path + "-journal"]
    }

    /// On closing, a writable store moves what its write-ahead log holds into the database file
    /// (a checkpoint), so the `.sqlite` file alone is complete: a copy or backup of it misses
    /// nothing. Passive, never waiting for another process: what a reader or writer elsewhere still
    /// holds stays in the log, and SQLite's next opening reads it as before.
    deinit {
        guard access != .read else { return }
        _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.passive) }
    }

    /// The busy timeout named by `STREETROUNDS_BUSY_TIMEOUT` (seconds), else the default.
    public static func busyTimeoutFromEnvironment() throws -> TimeInterval {
        let name = "STREETROUNDS_BUSY_TIMEOUT"
        guard let text = ProcessInfo.processInfo.environment[name] else { return defaultBusyTimeout }
        guard let seconds = TimeInterval(text), seconds >= 0, seconds <= 86_400 else {
            throw StoreError(.badSetting, "\(name)=\(text) is not a number of seconds between 0 and 86400")
        }
        return seconds
    }

    /// The error to report for a failed database operation: `.busy` (naming the lock holder) when the
    /// lock wait ran out, else `otherwise`.
    func storeError(_ error: Error, _ doing: String, or otherwise: StoreError) -> StoreError {
        Self.storeError(error, path: path, busyTimeout: busyTimeout, doing: doing, or: otherwise)
    }

    static func storeError(
        _ error: Error, path: String, busyTimeout: TimeInterval, doing: String,
        or otherwise: StoreError
    ) -> StoreError {
        if let e = error as? StoreError { return e }
        guard let e = error as? DatabaseError, e.resultCode.primaryResultCode == .SQLITE_BUSY else { return otherwise }
        let holder = StoreFile.lockHolder(path).map { " by \($0)" } ?? " by another process"
        return StoreError(
            .busy,
            "could not \(doing): the database \(path) stayed locked\(holder) for more than "
                + "\(Int(busyTimeout)) s; nothing was changed. Wait for it to finish, or set STREETROUNDS_BUSY_TIMEOUT "
                + "(seconds; `streetrounds serve --busy-timeout`) to wait longer")
    }

    /// The named schema migrations, oldest first. Never edit one that has
    /// shipped: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-street-network") { db in
            try db.execute(
                sql: """
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
        registerNetworkVersionMigration(&migrator)
        registerOrganisationMigrations(&migrator)
        registerPlanMigrations(&migrator)
        registerCrewDaysMigration(&migrator)
        registerCycleWeekMigration(&migrator)
        return migrator
    }

    /// Runs `body` in one IMMEDIATE write transaction: all of it lands, or none. It waits for another
    /// writer up to `busyTimeout`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.write(body)
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }
}
