/// The nearest valid name to a misspelt one, by edit distance
/// (Levenshtein 1966), when it is close enough to be a likely slip.
enum Suggestion {
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let d = distance(w, Array(candidate.lowercased()))
            if d < best?.1 ?? Int.max { best = (candidate, d) }
        }
        guard let best, best.1 <= max(2, w.count / 3) else { return nil }
        return best.0
    }

    /// - Complexity: O(|a| |b|)
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// " (did you mean \"x\"?)" or "".
    static func hint(_ word: String, _ candidates: [String]) -> String {
        nearest(to: word, in: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
    }
}
