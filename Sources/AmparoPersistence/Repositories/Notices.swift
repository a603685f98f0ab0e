import AmparoDomain
import Fluent
import Foundation
import SQLKit

/// The notice queue: workers lease due notices, send, mark. A lease that runs out (a crashed worker)
/// makes a notice due again; on PostgreSQL several workers share the queue with SKIP LOCKED.
public enum Notices {
    public struct Claimed: Sendable {
        public let id: UUID
        public let attempts: Int
        /// An earlier try's lease ran out unmarked: it may have gone out.
        public let uncertain: Bool
    }

    public static func claim(limit: Int, now: Date, lease: TimeInterval, channels: [String], on db: any Database) async throws -> [Claimed] {
        guard !channels.isEmpty else { return [] }
        let lock = QueueSQL.skipLocked(db), channelList = QueueSQL.list(channels)
        let rows = try await db.sql.raw("""
            UPDATE notices SET status = 'sending', lease_until = \(bind: now.addingTimeInterval(lease)), attempts = attempts + 1
            WHERE id IN (
              SELECT id FROM notices WHERE channel IN (\(channelList))
                AND ((status = 'pending' AND next_attempt_at <= \(bind: now)) OR (status = 'sending' AND lease_until < \(bind: now)))
              ORDER BY next_attempt_at LIMIT \(literal: limit) \(lock))
            RETURNING id, attempts, last_error
            """).all()
        return try rows.map { row in
            let attempts = try row.decode(column: "attempts", as: Int.self)
            // A try before this one that neither failed nor was marked sent: its lease ran out.
            let lastError = try row.decode(column: "last_error", as: String?.self)
            let uncertain = attempts > 1 && lastError == nil
            return Claimed(id: try row.decode(column: "id", as: UUID.self), attempts: attempts, uncertain: uncertain)
        }
    }

    public static func markSent(_ id: UUID, now: Date, on db: any Database) async throws {
        try await db.sql.raw("""
            UPDATE notices SET status = 'sent', sent_at = \(bind: now), lease_until = NULL, last_error = NULL WHERE id = \(bind: id)
            """).run()
    }

    /// Another try at `retryAt`, or given up (nil).
    public static func markFailed(_ id: UUID, error: String, retryAt: Date?, on db: any Database) async throws {
        try await db.sql.raw("""
            UPDATE notices SET status = \(bind: retryAt == nil ? "failed" : "pending"), next_attempt_at = \(bind: retryAt ?? Date.distantFuture),
              lease_until = NULL, last_error = \(bind: String(error.prefix(300)))
            WHERE id = \(bind: id)
            """).run()
    }

    /// The delivery status of the latest notice of each record.
    public static func status(of records: [UUID], on db: any Database) async throws -> [UUID: String] {
        try await delivery(of: records, on: db).mapValues(\.status)
    }

    /// The latest notice's status and channel for each record: whether it could go at all is the
    /// channel's question.
    public static func delivery(of records: [UUID], on db: any Database) async throws -> [UUID: (status: String, channel: AlertChannel?)] {
        guard !records.isEmpty else { return [:] }
        let notices = try await NoticeModel.query(on: db).filter(\.$recordID ~~ records).sort(\.$createdAt).all()
        var result: [UUID: (status: String, channel: AlertChannel?)] = [:]
        for notice in notices { if let record = notice.recordID { result[record] = (notice.status, AlertChannel(rawValue: notice.channel)) } }
        return result
    }
}
