/// Errors from the SQLite store: a person can act on each message.
public struct StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// No database file, or not one of ours: the CLI's exit code 3.
        case missingDatabase
        case unreadableDatabase
        case noNetwork
        /// Tasks are matched to the network, so it cannot be replaced.
        case networkInUse
        /// The network was replaced between matching a task list and storing it.
        case networkChanged
        case writeFailed
        /// Another process held the lock longer than the busy timeout: exit 3.
        case busy
        /// A setting (an environment variable) is wrong: exit 2.
        case badSetting
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
