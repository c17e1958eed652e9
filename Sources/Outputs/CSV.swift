/// CSV as RFC 4180 writes it: the one escaping rule of every CSV StreetRounds
/// writes (schedule.csv, the overlap report).
///
/// A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return as a formula (CSV injection, OWASP): such a cell gets a
/// leading apostrophe, which spreadsheets show as text and never run. A cell
/// that is a plain number ("-1.5") is left as it is: it cannot run.
public enum CSV {
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell: neutralised when it would run as a formula, then quoted (inner
    /// quotes doubled) when it holds a comma, a quote or a line break.
    /// - Complexity: O(n) in the cell's length.
    public static func field(_ text: String) -> String {
        var s = text
        if let first = s.unicodeScalars.first, formulaStarts.contains(first), Double(s) == nil { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A row of cells, each escaped, ended by a line break.
    public static func row(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") + "\n" }
}
