import Foundation

/// An API token of the partners' service, as stored: its public prefix and
/// whom it speaks for. The token itself is shown once when issued and only
/// its SHA-256 is kept.
public struct APIToken: Sendable, Equatable {
    /// What a token may do.
    public enum Role: String, Sendable, CaseIterable {
        /// Reads and writes its own organisation's task list; reads the
        /// overlaps and plans that involve it.
        case partner
        /// Reads everything and runs plans; tied to no organisation.
        case coordinator
    }

    /// The public part, printed in lists and audit lines ("srt_" and 10 hex digits).
    public var prefix: String
    /// The partner it speaks for; nil for a coordinator.
    public var organisation: String?
    public var role: Role
    public var createdAt: String
    public var revokedAt: String?

    public init(prefix: String, organisation: String?, role: Role, createdAt: String, revokedAt: String? = nil) {
        self.prefix = prefix
        self.organisation = organisation
        self.role = role
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Whether this token may read or write `organisation`'s data.
    public func mayAct(for organisation: String) -> Bool {
        role == .coordinator || self.organisation == organisation
    }
}

/// A token just issued: the secret, to be shown once, and its record.
public struct IssuedToken: Sendable, Equatable {
    /// The whole token: "srt_PREFIX_SECRET".
    public var secret: String
    public var token: APIToken
}

/// One line of the audit trail: who did what, and when.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int
    public var at: String
    /// The token prefix that acted, or "cli".
    public var actor: String
    public var organisation: String?
    public var action: String
    public var detail: String
    /// The task-list submission it records, if any.
    public var submission: Int?

    public init(
        id: Int = 0, at: String = "", actor: String, organisation: String?, action: String, detail: String,
        submission: Int? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.organisation = organisation
        self.action = action
        self.detail = detail
        self.submission = submission
    }
}
