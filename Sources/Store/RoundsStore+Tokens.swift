import Foundation
import GRDB
import Works

extension RoundsStore {
    /// Makes a new token for `organisation` (a partner) or, when nil, for a
    /// coordinator, and stores only its SHA-256.
    /// - Throws: `StoreError.notFound` when the organisation is not stored.
    public func issueToken(organisation: String?, at time: Date = Date()) throws -> IssuedToken {
        var random = SystemRandomNumberGenerator()
        func hex(_ count: Int) -> String {
            (0..<count).map { _ in String(UInt8.random(in: 0...15, using: &random), radix: 16) }.joined()
        }
        let prefix = "srt_" + hex(10)
        let secret = prefix + "_" + hex(40)
        let token = APIToken(
            prefix: prefix, organisation: organisation,
            role: organisation == nil ? .coordinator : .partner,
            createdAt: ISO8601DateFormatter().string(from: time))
        try writing("issue a token") { db in
            if let organisation,
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM organisation WHERE id = ?",
                    arguments: [organisation]) == 0
            {
                throw StoreError(
                    .notFound,
                    "\(path) holds no organisation \"\(organisation)\"; import it first with: "
                        + "streetrounds orgs import FILE --db \(path)")
            }
            try db.execute(
                sql: """
                    INSERT INTO api_token (prefix, sha256, organisation, role, created_at) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    prefix, Checksum.sha256(Data(secret.utf8)), organisation, token.role.rawValue,
                    token.createdAt
                ])
        }
        return IssuedToken(secret: secret, token: token)
    }

    /// Every token issued, revoked ones too, oldest first.
    public func tokens() throws -> [APIToken] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_token ORDER BY created_at, prefix").map(Self.token)
        }
    }

    /// Revokes the token whose prefix starts with `prefix` (at least 8
    /// characters, "srt_" included or not); a revoked token stays listed.
    /// - Throws: `StoreError.notFound` when no live token or several match.
    @discardableResult
    public func revokeToken(prefix: String, at time: Date = Date()) throws -> APIToken {
        var wanted = prefix.hasPrefix("srt_") ? prefix : "srt_" + prefix
        // A whole token pasted (srt_PREFIX_SECRET): its prefix.
        let parts = wanted.split(separator: "_", omittingEmptySubsequences: false)
        if parts.count == 3 { wanted = parts.prefix(2).joined(separator: "_") }
        return try writing("revoke a token") { db in
            let matching = try Row.fetchAll(
                db, sql: "SELECT * FROM api_token WHERE substr(prefix, 1, ?) = ?", arguments: [wanted.count, wanted]
            ).map(Self.token)
            let live = matching.filter { $0.revokedAt == nil }
            guard wanted.count >= 8, live.count == 1, var token = live.first else {
                let list = "list them with: streetrounds orgs tokens --db \(path)"
                let why =
                    if let revoked = matching.first, live.isEmpty, matching.count == 1 {
                        "token \(revoked.prefix) was already revoked (\(revoked.revokedAt ?? "")); nothing changed"
                    } else if live.isEmpty {
                        "no token matches \"\(prefix.prefix(40))\"; \(list)"
                    } else {
                        "\(live.count) live tokens match \"\(prefix.prefix(40))\"; give more of the prefix (\(list))"
                    }
                throw StoreError(.notFound, why)
            }
            token.revokedAt = ISO8601DateFormatter().string(from: time)
            try db.execute(
                sql: "UPDATE api_token SET revoked_at = ? WHERE prefix = ?",
                arguments: [token.revokedAt, token.prefix])
            return token
        }
    }

    /// The live token whose secret is `secret`; nil when it is unknown,
    /// revoked or malformed. Compares digests in constant time.
    public func authenticate(secret: String) throws -> APIToken? {
        let parts = secret.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "srt", secret.count < 100 else { return nil }
        let prefix = "srt_" + parts[1]
        guard
            let row = try read({ db in
                try Row.fetchOne(
                    db, sql: "SELECT * FROM api_token WHERE prefix = ? AND revoked_at IS NULL",
                    arguments: [prefix])
            })
        else { return nil }
        let stored = Array((row["sha256"] as String).utf8)
        let given = Array(Checksum.sha256(Data(secret.utf8)).utf8)
        guard stored.count == given.count else { return nil }
        let difference = zip(stored, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) }
        return difference == 0 ? Self.token(row) : nil
    }

    /// `write`, its failures named: a `StoreError` as thrown, a lock held too
    /// long as `.busy`, anything else as `.writeFailed` (nothing changed).
    private func writing<T>(_ doing: String, _ body: (Database) throws -> T) throws -> T {
        do { return try write(body) } catch {
            throw storeError(
                error, doing,
                or: StoreError(
                    .writeFailed,
                    "could not \(doing) in \(path); nothing was changed (\(error))"))
        }
    }

    static func token(_ row: Row) -> APIToken {
        APIToken(
            prefix: row["prefix"], organisation: row["organisation"],
            role: APIToken.Role(rawValue: row["role"]) ?? .partner, createdAt: row["created_at"],
            revokedAt: row["revoked_at"])
    }

    /// Appends to the audit trail (its own short transaction).
    public func recordAudit(_ entry: AuditEntry, at time: Date = Date()) throws {
        let stamp = ISO8601DateFormatter().string(from: time)
        do {
            try write { db in try Self.insert(entry, at: stamp, db) }
        } catch {
            throw storeError(
                error, "record the audit line",
                or: StoreError(
                    .writeFailed,
                    "could not record the audit line in \(path) (\(error))"))
        }
    }

    static func insert(_ entry: AuditEntry, at stamp: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO audit (at, actor, organisation, action, detail, submission_id) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [stamp, entry.actor, entry.organisation, entry.action, entry.detail, entry.submission])
    }

    /// The audit trail, newest first; one organisation's when given.
    public func auditTrail(organisation: String? = nil, limit: Int = 200) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM audit WHERE ?1 IS NULL OR organisation = ?1 ORDER BY id DESC LIMIT ?2
                    """, arguments: [organisation, limit]
            ).map {
                AuditEntry(
                    id: $0["id"], at: $0["at"], actor: $0["actor"], organisation: $0["organisation"],
                    action: $0["action"], detail: $0["detail"], submission: $0["submission_id"])
            }
        }
    }
}
