import Foundation

/// Counts failures per key in a sliding window, in memory only: the source of a request is never stored.
/// Keys are opaque strings the caller derives (an account's blind index, a keyed hash of the source),
/// so one noisy key never locks out another.
public actor FailureThrottle {
    public struct Rule: Sendable {
        public let limit: Int
        public let window: TimeInterval
        public init(limit: Int, window: TimeInterval) {
            self.limit = limit
            self.window = window
        }
    }

    private let clock: Clock
    private var failures: [String: [Date]] = [:]

    public init(clock: Clock) { self.clock = clock }

    /// Whether any of the keys has reached its rule's limit in its window.
    public func isBlocked(_ keys: [(key: String, rule: Rule)]) -> Bool {
        let now = clock.now()
        return keys.contains { key, rule in
            (failures[key]?.filter { now.timeIntervalSince($0) < rule.window }.count ?? 0) >= rule.limit
        }
    }

    public func recordFailure(_ keys: [(key: String, rule: Rule)]) {
        let now = clock.now()
        for (key, rule) in keys {
            var list = failures[key, default: []].filter { now.timeIntervalSince($0) < rule.window }
            list.append(now)
            failures[key] = list
        }
        if failures.count > 100_000 { prune(now: now, horizon: 3600) }
    }

    public func reset(_ key: String) { failures[key] = nil }

    private func prune(now: Date, horizon: TimeInterval) {
        failures = failures.compactMapValues { list in
            let kept = list.filter { now.timeIntervalSince($0) < horizon }
            return kept.isEmpty ? nil : kept
        }
    }
}
