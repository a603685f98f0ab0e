import AmparoDomain
import Fluent
import Foundation
import Synchronization
import SQLKit

/// The limiter several app servers share (PostgreSQL): each reservation is one transaction that
/// counts every key (`INSERT … ON CONFLICT DO UPDATE … RETURNING`, which locks the key's row until
/// commit, so concurrent reservations of one key queue up behind each other on every server) and
/// rolls back when any key was already at its limit.
public final class SQLAttemptLimiter: AttemptLimiter {
    private let database: @Sendable () -> any Database
    /// When buckets were last purged and the longest window seen: buckets older than two of it
    /// are no longer read, and are deleted at most a minute after the next reservation.
    private let housekeeping = Mutex((lastPurge: Date.distantPast, longestWindow: Int64(0)))

    public init(database: @escaping @Sendable () -> any Database) {
        self.database = database
    }

    private struct AtLimit: Error {}

    public func reserve(_ keys: [LimitKey], at now: Date) async throws -> LimitReservation? {
        // Rows are locked in one order by every server, so two reservations cannot deadlock.
        let order = keys.indices.sorted { keys[$0].name < keys[$1].name }
        let counted: [Int: (bucket: LimitBucket, before: Int)]
        do {
            counted = try await database().transaction { transaction in
                var counted: [Int: (bucket: LimitBucket, before: Int)] = [:]
                for index in order {
                    let key = keys[index]
                    let position = SlidingWindow.position(at: now, window: key.rule.window)
                    let hits = try await transaction.sql.raw("""
                        INSERT INTO rate_limit_buckets (limit_key, window_start, hits) VALUES (\(bind: key.name), \(bind: position.current), 1)
                        ON CONFLICT (limit_key, window_start) DO UPDATE SET hits = rate_limit_buckets.hits + 1
                        RETURNING hits
                        """).first(decodingColumn: "hits", as: Int.self) ?? 1
                    let previous = try await transaction.sql.raw("""
                        SELECT hits FROM rate_limit_buckets WHERE limit_key = \(bind: key.name) AND window_start = \(bind: position.previous)
                        """).first(decodingColumn: "hits", as: Int.self) ?? 0
                    let estimate = SlidingWindow.estimate(current: hits - 1, previous: previous, overlap: position.overlap)
                    // Throwing rolls back this reservation's other counts too.
                    guard estimate < key.rule.limit else { throw AtLimit() }
                    counted[index] = (LimitBucket(key: key.name, start: position.current), estimate)
                }
                return counted
            }
        } catch is AtLimit {
            return nil
        }
        let longest = keys.map { Int64(max(1, $0.rule.window.rounded())) }.max() ?? 0
        try await purgeIfDue(now: now, window: longest)
        let inOrder = keys.indices.compactMap { counted[$0] }
        return LimitReservation(buckets: inOrder.map(\.bucket), before: inOrder.map(\.before))
    }

    public func release(_ reservation: LimitReservation) async throws {
        let sql = database().sql
        for bucket in reservation.buckets {
            try await sql.raw("""
                UPDATE rate_limit_buckets SET hits = hits - 1
                WHERE limit_key = \(bind: bucket.key) AND window_start = \(bind: bucket.start) AND hits > 0
                """).run()
        }
    }

    private func purgeIfDue(now: Date, window: Int64) async throws {
        let cutoff: Int64? = housekeeping.withLock { state in
            state.longestWindow = max(state.longestWindow, window)
            guard now.timeIntervalSince(state.lastPurge) >= 60 else { return nil }
            state.lastPurge = now
            return Int64(now.timeIntervalSince1970) - 2 * state.longestWindow
        }
        guard let cutoff else { return }
        try await database().sql.raw("DELETE FROM rate_limit_buckets WHERE window_start < \(bind: cutoff)").run()
    }
}
