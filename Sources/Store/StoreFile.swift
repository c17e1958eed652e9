import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path holds, found without writing a byte: the SQLite header read from the file, then the schema
/// through a read-only connection.
enum StoreFile {
    enum Identity: Equatable {
        case missing
        /// A zero-length file: SQLite makes a database of it.
        case empty
        /// A SQLite database that StreetRounds made (it has the first StreetRounds migration).
        case streetRounds
        /// A SQLite database without tables: a writer may set it up.
        case blank
        /// Anything else, with why.
        case foreign(String)
    }

    static let header = Array("SQLite format 3\u{0}".utf8)

    /// - Complexity: reads 100 bytes, then one query on `sqlite_master` when the file is SQLite.
    static func identify(_ path: String) throws -> Identity {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        guard info.st_mode & S_IFMT == S_IFREG else { return .foreign("it is a folder or a device, not a file") }
        guard info.st_size > 0 else { return .empty }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = String(cString: strerror(errno))
            throw StoreError(.unreadableDatabase, "\(path) cannot be read (\(reason)); check its permissions")
        }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 100)) ?? Data()
        guard start.count == 100, Array(start.prefix(16)) == header else { return .foreign("it is not a SQLite file") }
        return tables(path)
    }

    /// The name a read-only connection opens: the path itself, or, when the folder cannot be written and the
    /// WAL index (-shm) is missing, an `immutable=1` URI. SQLite needs the -shm file to read a WAL database
    /// and cannot make it there, so a user who may only read the file reads it as a snapshot that nothing
    /// writes meanwhile (whoever can write it could not be stopped by such a user's lock anyway).
    static func readPath(_ path: String) -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard access(folder, W_OK) != 0, access(path + "-shm", F_OK) != 0 else { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var escaped = ""
        for c in absolute.unicodeScalars {
            switch c {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(c)
            }
        }
        return "file:\(escaped)?immutable=1"
    }

    /// Classifies a SQLite file by its tables, read through a read-only connection.
    private static func tables(_ path: String) -> Identity {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: readPath(path), configuration: configuration)
            return try queue.read { db in
                let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if names.isEmpty { return .blank }
                let first = "SELECT 1 FROM grdb_migrations WHERE identifier = 'v1-street-network'"
                guard names.contains("grdb_migrations"), try Bool.fetchOne(db, sql: first) ?? false else {
                    let listed = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
                    return .foreign("its tables are \(listed)")
                }
                return .streetRounds
            }
        } catch {
            return .foreign("SQLite cannot read it: \(error)")
        }
    }

    /// The process holding the database's write lock, as "process 1234 (streetrounds streets import …)", from
    /// the POSIX lock SQLite holds on the WAL index (byte 120 of the -shm file) or, in rollback mode, on the
    /// reserved byte of the database file; nil when none is found.
    static func lockHolder(_ path: String) -> String? {
        let places: [(file: String, offset: off_t)] = [(path + "-shm", 120), (path, 0x4000_0001)]
        for place in places {
            let fd = open(place.file, O_RDONLY)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var lock = flock()
            lock.l_type = Int16(F_WRLCK)
            lock.l_whence = Int16(SEEK_SET)
            lock.l_start = place.offset
            lock.l_len = 1
            guard fcntl(fd, F_GETLK, &lock) == 0, lock.l_type != Int16(F_UNLCK), lock.l_pid > 0 else { continue }
            return "process \(lock.l_pid)" + (commandLine(lock.l_pid).map { " (\($0))" } ?? "")
        }
        return nil
    }

    /// A process's command line, from /proc on Linux.
    static func commandLine(_ pid: pid_t) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
        let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let program = words.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""
        let text = ([program] + words.dropFirst()).joined(separator: " ")
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
