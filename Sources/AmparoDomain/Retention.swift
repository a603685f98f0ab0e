import Foundation

/// A rule that deletes data past its retention period. Modules register theirs with the purge scheduler,
/// which runs them in-process on a timer and from `amparo purge`.
public protocol PurgeRule: Sendable {
    /// A stable name for logs and the audit trail, e.g. "sessions.expired".
    var name: String { get }
    /// Deletes what has expired as of `now` and returns how many records went.
    func purge(now: Date) async throws -> Int
}
