/// The one CSV cell encoder every CSV StreetRounds writes goes through
/// (RFC 4180 quoting, plus formula neutralising).
///
/// A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return as a formula (CSV injection, OWASP), some also after
/// spaces they trim on import: such a text cell gets
/// a leading apostrophe, which spreadsheets show as text and never run. Numbers
/// StreetRounds computes go through `number`, untouched. Cost: O(length).
public enum CSVText {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text cell: neutralised when it would run as a formula, then quoted
    /// when it holds a comma, a quote or a line break.
    public static func cell(_ text: String) -> String {
        var s = text
        // Past leading spaces too: some spreadsheets trim them on import, and the formula then runs.
        if let first = s.unicodeScalars.first(where: { $0 == "\t" || $0 == "\r" || !$0.properties.isWhitespace }),
            formulaStarts.contains(Character(first))
        {
            s = "'" + s
        }
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return s
        }
        // Scalar by scalar: a quote followed by a combining mark is one Character to Swift.
        var quoted = String.UnicodeScalarView(["\""])
        for c in s.unicodeScalars { quoted.append(contentsOf: c == "\"" ? ["\"", "\""] : [c]) }
        quoted.append("\"")
        return String(quoted)
    }

    /// A number StreetRounds computed, with `digits` decimals.
    public static func number(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// One CSV line (no line break) from cells already encoded.
    public static func line(_ cells: [String]) -> String { cells.joined(separator: ",") }
}
