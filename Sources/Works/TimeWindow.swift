import Foundation

/// Hours of the day work may happen, in minutes from midnight.
public struct TimeWindow: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Reads "07:00-15:30"; the start must come before the end.
    public init?(parsing text: String) {
        let halves = text.split(separator: "-")
        func minutes(_ s: Substring) -> Int? {
            let p = s.trimmingCharacters(in: .whitespaces).split(separator: ":")
            guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0...59).contains(m),
                h * 60 + m <= 1440
            else { return nil }
            return h * 60 + m
        }
        guard halves.count == 2, let a = minutes(halves[0]), let b = minutes(halves[1]), a < b else { return nil }
        start = a
        end = b
    }

    public var minutes: Int { end - start }

    public var description: String { "\(Self.clock(start))-\(Self.clock(end))" }

    /// "09:05" for `minutes` after midnight (24:00 for the end of a day).
    public static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
}
