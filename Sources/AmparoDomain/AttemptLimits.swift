import Foundation

/// How often something may happen under one key: at most `limit` in any `window`. The count is
/// estimated from two fixed buckets (all of the current one, and the share of the previous one the
/// sliding window still covers), so a key needs one number per bucket: a database row can hold it
/// and every app server sees the same count.
public struct LimitRule: Sendable, Equatable {
    public let limit: Int
    public let window: TimeInterval

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counted but never refused: a total that a caller compares with its own ceiling.
    public static func counted(window: TimeInterval) -> LimitRule { LimitRule(limit: .max, window: window) }
}

/// One thing to count: an opaque name the caller derives (a keyed hash of the source, an account's
/// blind index), never an address or an email.
public struct LimitKey: Sendable, Hashable {
    public let name: String
    public let rule: LimitRule

    public init(_ name: String, _ rule: LimitRule) {
        self.name = name
        self.rule = rule
    }
}

extension LimitRule: Hashable {}

/// One key's count within one fixed window, `start` in whole seconds since 1970.
public struct LimitBucket: Sendable, Hashable, Codable {
    public let key: String
    public let start: Int64

    public init(key: String, start: Int64) {
        self.key = key
        self.start = start
    }
}

public enum SlidingWindow {
    /// The bucket `now` falls in, the one before it, and how much of that one the window still covers.
    public static func position(at now: Date, window: TimeInterval) -> (current: Int64, previous: Int64, overlap: Double) {
        let seconds = Int64(max(1, window.rounded()))
        let time = Int64(now.timeIntervalSince1970.rounded(.down))
        let current = time - ((time % seconds) + seconds) % seconds
        let elapsed = now.timeIntervalSince1970 - Double(current)
        return (current, current - seconds, max(0, 1 - elapsed / Double(seconds)))
    }

    /// Events in the last window: all of the current bucket and the covered share of the previous one.
    public static func estimate(current: Int, previous: Int, overlap: Double) -> Int {
        current + Int((Double(previous) * overlap).rounded(.down))
    }
}

/// What a reservation took, to give back when the work it was for is refused (a report that failed
/// validation, a sign-in with the right password).
public struct LimitReservation: Sendable, Equatable {
    public let buckets: [LimitBucket]
    /// Each key's estimate before this event, in the order the keys were given.
    public let before: [Int]

    public init(buckets: [LimitBucket], before: [Int]) {
        self.buckets = buckets
        self.before = before
    }
}

/// Check and count in one step: either every key had room and each was counted, or none was. Taking
/// the slot before the work is what keeps a burst of concurrent requests under the limit.
public protocol AttemptLimiter: Sendable {
    /// Counts one event under every key, or none when any key is at its limit (nil).
    func reserve(_ keys: [LimitKey], at now: Date) async throws -> LimitReservation?
    /// Takes back a reservation's events.
    func release(_ reservation: LimitReservation) async throws
}

/// The limiter of a single app server (SQLite): counts in memory, gone at restart.
public actor MemoryAttemptLimiter: AttemptLimiter {
    private var hits: [LimitBucket: Int] = [:]
    private var reservations = 0
    private var longestWindow: Int64 = 0

    public init() {}

    public func reserve(_ keys: [LimitKey], at now: Date) -> LimitReservation? {
        var buckets: [LimitBucket] = [], before: [Int] = []
        for key in keys {
            let position = SlidingWindow.position(at: now, window: key.rule.window)
            let bucket = LimitBucket(key: key.name, start: position.current)
            let estimate = SlidingWindow.estimate(current: hits[bucket] ?? 0, previous: hits[LimitBucket(key: key.name, start: position.previous)] ?? 0,
                                                  overlap: position.overlap)
            guard estimate < key.rule.limit else { return nil }
            buckets.append(bucket)
            before.append(estimate)
            longestWindow = max(longestWindow, position.current - position.previous)
        }
        for bucket in buckets { hits[bucket, default: 0] += 1 }
        reservations += 1
        if reservations % 4096 == 0 { prune(before: Int64(now.timeIntervalSince1970) - 2 * longestWindow) }
        return LimitReservation(buckets: buckets, before: before)
    }

    public func release(_ reservation: LimitReservation) {
        for bucket in reservation.buckets {
            guard let count = hits[bucket] else { continue }
            hits[bucket] = count > 1 ? count - 1 : nil
        }
    }

    /// Buckets older than two of the longest window are no longer read.
    private func prune(before cutoff: Int64) {
        hits = hits.filter { $0.key.start >= cutoff }
    }
}
