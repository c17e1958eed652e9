import Foundation

/// Request rate limits per key (a token prefix): a token bucket that holds
/// `burst` requests and refills at `perSecond` (Turner's token bucket,
/// as in RFC 2697's single-rate meter). O(1) per request; keys live in
/// memory, one small record each.
actor RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let burst: Double
    private let perSecond: Double
    private var buckets: [String: Bucket] = [:]

    init(burst: Double, perSecond: Double) {
        self.burst = max(1, burst)
        self.perSecond = max(0.001, perSecond)
    }

    /// Nil when the request may go ahead; otherwise the whole seconds to wait.
    func admit(_ key: String) -> Int? {
        let now = ContinuousClock.now
        var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
        let elapsed = now - bucket.updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(burst, bucket.tokens + seconds * perSecond)
        bucket.updated = now
        defer { buckets[key] = bucket }
        guard bucket.tokens >= 1 else { return Int(((1 - bucket.tokens) / perSecond).rounded(.up)) }
        bucket.tokens -= 1
        return nil
    }
}

/// Slows failed logins: each failure from a client within the last minute
/// doubles the wait before the 401 goes out, up to a ceiling, so guessing
/// tokens costs time while a mistyped token costs a moment.
actor LoginThrottle {
    private let base: Double
    private let ceiling: Double
    private var failures: [String: [ContinuousClock.Instant]] = [:]

    init(base: Double, ceiling: Double) {
        self.base = base
        self.ceiling = ceiling
    }

    /// Records a failure by `client` and returns the seconds to wait.
    func fail(_ client: String) -> Double {
        let now = ContinuousClock.now
        var recent = (failures[client] ?? []).filter { now - $0 < .seconds(60) }
        recent.append(now)
        failures[client] = recent
        if failures.count > 10_000 {
            failures = failures.filter { now - ($0.value.last ?? now) < .seconds(60) }
        }
        return min(ceiling, base * pow(2, Double(min(recent.count - 1, 30))))
    }
}
