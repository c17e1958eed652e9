import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output written so that a failure is seen: every byte handed to
/// the kernel with write(2), then fsync(2) when stdout is a file. A closed
/// pipe (EPIPE: SIGPIPE is ignored, see `ignoreBrokenPipes`) or a full
/// device (ENOSPC) is an error the caller can act on, not a silent death.
enum StandardOutput {
    /// Makes a write to a closed pipe fail with EPIPE instead of killing the
    /// process with SIGPIPE. Called once at start-up.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` to standard output and flushes it to the kernel (and to
    /// the disk, for a regular file).
    /// - Throws: `CommandFailure` (internal error) naming the system's reason.
    /// - Complexity: O(n) in the bytes written.
    static func send(_ text: String) throws {
        fflush(nil)  // anything `print` buffered goes first (nil: every stream)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            bytes = bytes.dropFirst(written)
        }
        var status = stat()
        if fstat(STDOUT_FILENO, &status) == 0, status.st_mode & S_IFMT == S_IFREG, fsync(STDOUT_FILENO) != 0 {
            throw failure(errno)
        }
    }

    private static func failure(_ code: Int32) -> CommandFailure {
        CommandFailure(
            .internalError,
            "could not write the report to standard output: \(String(cString: strerror(code)))"
                + "; nothing was marked as reported, so the next run reports these findings again")
    }
}
