import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path holds, found without writing a byte: its type and size, then its schema through a read-only
/// SQLite connection (SQLite alone opens the file).
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

    /// Nothing here opens the file but SQLite: closing any descriptor of a file drops every POSIX lock the
    /// process holds on it, SQLite's too, and a second store opened beside a writing one (a command reading
    /// the organisations while it submits) would then let another process write under its transaction.
    /// - Parameter busyTimeout: seconds to wait while another process holds the file locked (recovering
    ///   its log, say).
    /// - Throws: SQLite's busy error when it stays locked; `StoreError.unreadableDatabase` when it cannot
    ///   be read or a rollback journal beside it keeps it from being read.
    /// - Complexity: one query on `sqlite_master`.
    static func identify(_ path: String, busyTimeout: TimeInterval = 0) throws -> Identity {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        guard info.st_mode & S_IFMT == S_IFREG else { return .foreign("it is a folder or a device, not a file") }
        guard info.st_size > 0 else { return .empty }
        guard access(path, R_OK) == 0 else {
            let reason = String(cString: strerror(errno))
            throw StoreError(.unreadableDatabase, "\(path) cannot be read (\(reason)); check its permissions")
        }
        return try tables(path, busyTimeout: busyTimeout)
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
    private static func tables(_ path: String, busyTimeout: TimeInterval) throws -> Identity {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
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
        } catch let error as DatabaseError {
            switch error.resultCode.primaryResultCode {
            case .SQLITE_NOTADB: return .foreign("it is not a SQLite file")
            case .SQLITE_BUSY: throw error
            case .SQLITE_READONLY where access(path + "-journal", F_OK) == 0:
                throw StoreError(
                    .unreadableDatabase,
                    "\(path) cannot be read: \(path)-journal beside it is a rollback journal SQLite must replay "
                        + "first (a write cut short, if the store was ever switched out of its write-ahead log); "
                        + "let SQLite replay it with 'sqlite3 \(path) \"PRAGMA integrity_check\"'. Only if that "
                        + "file is certainly not this database's journal (a file saved there by mistake), move it "
                        + "away instead: moving a real journal away corrupts the database")
            case .SQLITE_CORRUPT, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
                throw StoreError(
                    .unreadableDatabase,
                    "\(path) cannot be read by SQLite (\(error)); check the file's permissions and the disk, "
                        + "or restore the store from a backup")
            default: return .foreign("SQLite cannot read it: \(error)")
            }
        } catch {
            return .foreign("SQLite cannot read it: \(error)")
        }
    }

    /// The process holding the database's write lock, as "process 1234 (streetrounds streets import …)", from
    /// the POSIX lock SQLite holds on the WAL index (byte 120 of the -shm file) or, in rollback mode, on the
    /// reserved byte of the database file, as the kernel lists them (/proc/locks: no descriptor of the file
    /// is opened, see `identify`); nil when none is found or the system does not list locks (nor where
    /// the kernel lists a device other than the file's `st_dev`, as on btrfs subvolumes: then the message
    /// says "another process").
    static func lockHolder(_ path: String) -> String? {
        guard let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        let places: [(file: String, byte: Int)] = [(path + "-shm", 120), (path, 0x4000_0001)]
        for place in places {
            var info = stat()
            guard stat(place.file, &info) == 0,
                let pid = writeLockHolder(
                    in: table, device: UInt64(info.st_dev), inode: UInt64(info.st_ino), byte: place.byte)
            else { continue }
            return "process \(pid)" + (commandLine(pid).map { " (\($0))" } ?? "")
        }
        return nil
    }

    /// The process with a POSIX write lock over `byte` of the file (`device`, `inode`) in a /proc/locks
    /// table: lines such as "3: POSIX  ADVISORY  WRITE 1234 08:01:5678 120 120" (the device's major and
    /// minor in hex; "EOF" for a lock to the end); waiting locks ("->") and other kinds are passed over.
    static func writeLockHolder(in table: String, device: UInt64, inode: UInt64, byte: Int) -> pid_t? {
        // As glibc's gnu_dev_major and gnu_dev_minor.
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & 0xffff_f000)
        let minor = (device & 0xff) | ((device >> 12) & 0xffff_ff00)
        for line in table.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count >= 8, words[1] == "POSIX", words[3] == "WRITE", let pid = pid_t(words[4]), pid > 0
            else { continue }
            let file = words[5].split(separator: ":")
            guard file.count == 3, UInt64(file[0], radix: 16) == major, UInt64(file[1], radix: 16) == minor,
                UInt64(file[2]) == inode, let start = Int(words[6])
            else { continue }
            let end = words[7] == "EOF" ? Int.max : Int(words[7]) ?? -1
            if start <= byte, byte <= end { return pid }
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
