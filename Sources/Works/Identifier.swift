/// The rule every identifier read from a file follows (task, organisation, depot, crew and activity ids):
/// printable text, at most 100 characters. A NUL would truncate an id in C libraries and SQLite text
/// functions; a newline would forge a line in a report or a CSV file.
public enum Identifier {
    /// Longest id accepted: ids are shown in reports, file names and calendars.
    public static let maxLength = 100

    /// Why `id` cannot be an identifier (a control character such as NUL, too long), or nil when it can.
    /// - Complexity: O(n) in the id's length.
    public static func problem(_ id: String) -> String? {
        if id.count > maxLength {
            return "is \(id.count) characters long; ids have at most \(maxLength)"
        }
        if let c = id.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            let code = String(c.value, radix: 16, uppercase: true)
            return "holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code); "
                + "ids are printable text"
        }
        return nil
    }
}
