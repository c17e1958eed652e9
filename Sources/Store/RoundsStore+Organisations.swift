import Foundation
import GRDB
import Geometry
import Works

// Organisations, their depots and crews, as the partners' service and the
// CLI read them from the store (`streetrounds orgs import`), instead of the
// registry file in the project folder.

extension RoundsStore {
    static func registerOrganisationMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("organisations-tokens-audit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE organisation (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        pools_crews INTEGER NOT NULL,
                        imported_at TEXT NOT NULL
                    );
                    CREATE TABLE depot (
                        organisation TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
                        id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        lon REAL NOT NULL,
                        lat REAL NOT NULL,
                        PRIMARY KEY (organisation, id)
                    );
                    CREATE TABLE crew (
                        organisation TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
                        id TEXT NOT NULL,
                        depot TEXT NOT NULL,
                        vehicle_type TEXT NOT NULL,
                        skills TEXT NOT NULL,       -- activity codes, comma-separated
                        shift_hours REAL NOT NULL,
                        capacity REAL,
                        capacity_unit TEXT,
                        cost_per_hour REAL NOT NULL,
                        cost_per_km REAL NOT NULL,
                        co2e_kg_per_km REAL NOT NULL,
                        PRIMARY KEY (organisation, id),
                        FOREIGN KEY (organisation, depot) REFERENCES depot(organisation, id)
                    );
                    CREATE TABLE api_token (
                        prefix TEXT PRIMARY KEY,
                        sha256 TEXT NOT NULL,       -- of the whole token; the token itself is never stored
                        organisation TEXT REFERENCES organisation(id),  -- NULL for a coordinator
                        role TEXT NOT NULL CHECK (role IN ('partner', 'coordinator')),
                        created_at TEXT NOT NULL,
                        revoked_at TEXT
                    );
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,        -- a token prefix, or "cli"
                        organisation TEXT,
                        action TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        submission_id INTEGER REFERENCES task_submission(id)
                    );
                    CREATE INDEX audit_by_organisation ON audit(organisation, id);
                    """)
        }
    }

    /// A crew's working days (finite crews): ISO codes, comma-separated; a crew stored before reads as Monday
    /// to Friday, the registry's default. Registered after the plans' migration.
    static func registerCrewDaysMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("crew-days") { db in
            try db.execute(sql: "ALTER TABLE crew ADD COLUMN days TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri'")
        }
    }

    /// Adds or replaces the given organisations with their depots and crews,
    /// in one transaction; organisations not given are left as they are.
    /// - Complexity: O(depots + crews) inserts.
    public func saveOrganisations(_ organisations: [Organisation], at time: Date = Date()) throws {
        let stamp = ISO8601DateFormatter().string(from: time)
        do {
            try write { db in
                for o in organisations {
                    try db.execute(sql: "DELETE FROM crew WHERE organisation = ?", arguments: [o.id])
                    try db.execute(sql: "DELETE FROM depot WHERE organisation = ?", arguments: [o.id])
                    try db.execute(
                        sql: """
                            INSERT INTO organisation (id, name, pools_crews, imported_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT(id) DO UPDATE SET name = excluded.name, pools_crews = excluded.pools_crews,
                                                          imported_at = excluded.imported_at
                            """, arguments: [o.id, o.name, o.poolsCrews, stamp])
                    for d in o.depots {
                        try db.execute(
                            sql: "INSERT INTO depot (organisation, id, name, lon, lat) VALUES (?, ?, ?, ?, ?)",
                            arguments: [o.id, d.id, d.name, d.location.lon, d.location.lat])
                    }
                    for c in o.crews { try Self.insert(c, of: o.id, db) }
                }
            }
        } catch {
            throw storeError(
                error, "store the organisations",
                or: StoreError(
                    .writeFailed,
                    "could not store the organisations in \(path); nothing was changed (\(error))"))
        }
    }

    private static func insert(_ c: Organisation.Crew, of organisation: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO crew (organisation, id, depot, vehicle_type, skills, shift_hours, capacity, capacity_unit,
                                  cost_per_hour, cost_per_km, co2e_kg_per_km, days)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                organisation, c.id, c.depot, c.vehicleType, c.skills.joined(separator: ","), c.shiftHours,
                c.capacity, c.capacityUnit, c.costPerHour, c.costPerKm, c.co2ePerKm,
                c.days.map(\.code).joined(separator: ",")
            ])
    }

    /// The stored organisations, by id.
    public func organisations() throws -> [Organisation] {
        try read { db in try Self.fetchOrganisations(db) }
    }

    /// Whether the store holds imported organisations; false for a store
    /// made before they could be (read-only readers never migrate it).
    public func hasOrganisations() throws -> Bool {
        try read { db in
            try db.tableExists("organisation")
                && (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM organisation") ?? 0) > 0
        }
    }

    /// The stored organisations as a registry; nil when none was imported.
    /// Commands that read a registry prefer this one to the registry file
    /// when the store has organisations.
    public func storedRegistry() throws -> OrganisationRegistry? {
        let stored = try organisations()
        return stored.isEmpty ? nil : OrganisationRegistry(stored)
    }

    static func fetchOrganisations(_ db: Database) throws -> [Organisation] {
        var depots: [String: [Organisation.Depot]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM depot ORDER BY organisation, id") {
            depots[row["organisation"], default: []].append(
                .init(
                    id: row["id"], name: row["name"], location: LonLat(lon: row["lon"], lat: row["lat"])))
        }
        var crews: [String: [Organisation.Crew]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM crew ORDER BY organisation, id") {
            let skills: String = row["skills"]
            let codes: String = row["days"]
            let days = codes.split(separator: ",").compactMap { Weekday(parsing: String($0)) }
            crews[row["organisation"], default: []].append(
                .init(
                    id: row["id"], depot: row["depot"], vehicleType: row["vehicle_type"],
                    skills: skills.split(separator: ",").map(String.init), shiftHours: row["shift_hours"],
                    capacity: row["capacity"], capacityUnit: row["capacity_unit"], costPerHour: row["cost_per_hour"],
                    costPerKm: row["cost_per_km"], co2ePerKm: row["co2e_kg_per_km"],
                    days: days.isEmpty ? Weekday.workingWeek : days))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM organisation ORDER BY id").map { row in
            let id: String = row["id"]
            return Organisation(
                id: id, name: row["name"], depots: depots[id] ?? [], crews: crews[id] ?? [],
                poolsCrews: row["pools_crews"])
        }
    }
}
