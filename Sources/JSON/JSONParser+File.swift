import Foundation

extension JSONParser {
    /// Reads a file of at most `maxBytes`, checking its size before reading a byte of it: a file that is
    /// too large is refused, not loaded into memory.
    /// - Throws: `JSONError` naming the file and its size when it is over the limit or cannot be read.
    /// - Complexity: O(n) in the file's size.
    public static func readFile(_ url: URL, maxBytes: Int) throws -> Data {
        let size: Int
        do {
            size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
        } catch {
            throw JSONError.malformed("\(url.path): cannot read the file (\(error.localizedDescription))")
        }
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else {
            throw JSONError.malformed("\(url.path) is not a file (a folder or a device); give the path of a file")
        }
        guard size <= maxBytes else {
            throw JSONError.malformed(
                "\(url.lastPathComponent) is \(size / 1_048_576) MiB, over the limit of "
                    + "\(maxBytes / 1_048_576) MiB for this kind of file; split it into smaller files")
        }
        do { return try Data(contentsOf: url) } catch {
            throw JSONError.malformed("\(url.path): cannot read the file (\(error.localizedDescription))")
        }
    }

    /// Parses a file of at most `maxBytes` (checked before reading it).
    public static func parse(contentsOf url: URL, maxBytes: Int) throws -> JSON {
        try parse(readFile(url, maxBytes: maxBytes))
    }
}
