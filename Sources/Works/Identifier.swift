import JSON

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
        if let c = PrintableText.firstControl(in: id, allowingLineBreaks: false) {
            return "holds the control character \(PrintableText.code(c)); ids are printable text"
        }
        return nil
    }
}
