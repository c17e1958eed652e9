import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension JSONParser {
    /// Reads a file of at most `maxBytes`, checking its size before reading a byte of it: a file that is
    /// too large is refused, not loaded into memory. Symbolic links are followed; a pipe or a device
    /// (`/dev/stdin`, `<(…)`) is read up to one byte over the limit.
    /// - Throws: `JSONError` naming the file when it is a folder, over the limit or cannot be read.
    /// - Complexity: O(n) in the file's size.
    public static func readFile(_ url: URL, maxBytes: Int) throws -> Data {
        func unreadable(_ why: String) -> JSONError { .malformed("\(url.path): cannot read the file (\(why))") }
        func tooLarge(_ size: Int) -> JSONError {
            .malformed(
                "\(url.lastPathComponent) is \(size / 1_048_576) MiB, over the limit of "
                    + "\(maxBytes / 1_048_576) MiB for this kind of file; split it into smaller files")
        }
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw unreadable(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw JSONError.malformed("\(url.path) is a folder; give the path of a file")
        case S_IFREG:
            guard Int(info.st_size) <= maxBytes else { throw tooLarge(Int(info.st_size)) }
            do { return try Data(contentsOf: url) } catch { throw unreadable(error.localizedDescription) }
        default:
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw unreadable(String(cString: strerror(errno)))
            }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
            guard data.count <= maxBytes else { throw tooLarge(data.count) }
            return data
        }
    }

    /// Parses a file of at most `maxBytes` (checked before reading it).
    public static func parse(contentsOf url: URL, maxBytes: Int) throws -> JSON {
        try parse(readFile(url, maxBytes: maxBytes))
    }
}
