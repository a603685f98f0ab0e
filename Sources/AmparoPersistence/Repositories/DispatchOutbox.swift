import Fluent
import Foundation
import SQLKit

/// The dispatch requests whose link still has to go out. Same rules as the alert outbox: a worker
/// leases rows, sends, marks; a lease that runs out (a crash) makes the row due again.
public enum DispatchOutbox {
    public struct Claimed: Sendable {
        public let id: UUID
        public let channel: String
        public let attempts: Int
    }

    public static func claim(limit: Int, now: Date, lease: TimeInterval, channels: [String], on db: any Database) async throws -> [Claimed] {
        guard !channels.isEmpty else { return [] }
        let lock: SQLQueryString = DatabaseKind(db) == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
        var channelList: SQLQueryString = ""
        for (i, channel) in channels.enumerated() { channelList = i == 0 ? "\(bind: channel)" : "\(channelList), \(bind: channel)" }
        let rows = try await db.sql.raw("""
            UPDATE dispatches SET lease_until = \(bind: now.addingTimeInterval(lease)), attempts = attempts + 1
            WHERE id IN (
              SELECT id FROM dispatches
              WHERE state = 'queued' AND channel IN (\(channelList)) AND next_attempt_at <= \(bind: now)
                AND (lease_until IS NULL OR lease_until < \(bind: now))
              ORDER BY next_attempt_at LIMIT \(literal: limit) \(lock))
            RETURNING id, channel, attempts
            """).all()
        return try rows.map {
            Claimed(id: try $0.decode(column: "id", as: UUID.self), channel: try $0.decode(column: "channel", as: String.self),
                    attempts: try $0.decode(column: "attempts", as: Int.self))
        }
    }

    /// Sent: only a request still queued moves on (a responder may already have answered it).
    public static func markSent(_ id: UUID, on db: any Database) async throws {
        try await db.sql.raw("""
            UPDATE dispatches SET state = 'sent', lease_until = NULL, last_error = NULL WHERE id = \(bind: id) AND state = 'queued'
            """).run()
    }

    /// Another try later, or `undeliverable` (retryAt nil) after too many.
    public static func markFailed(_ id: UUID, error: String, retryAt: Date?, on db: any Database) async throws {
        let state = retryAt == nil ? "undeliverable" : "queued"
        try await db.sql.raw("""
            UPDATE dispatches SET state = \(bind: state), next_attempt_at = \(bind: retryAt ?? Date.distantFuture),
              lease_until = NULL, last_error = \(bind: String(error.prefix(300)))
            WHERE id = \(bind: id) AND state = 'queued'
            """).run()
    }

    /// Moves a request from one of `from` to `to` (compare-and-set); false if it was elsewhere.
    public static func move(_ id: UUID, from: [String], to: String, now: Date, deviceDigest: String? = nil, on db: any Database) async throws -> Bool {
        var update = db.sql.update(DispatchModel.schema).set("state", to: SQLBind(to)).set("answered_at", to: SQLBind(now))
        if let deviceDigest { update = update.set("device_digest", to: SQLBind(deviceDigest)) }
        let rows = try await update.where("id", .equal, SQLBind(id))
            .where("state", .in, SQLGroupExpression(SQLList(from.map { SQLBind($0) })))
            .returning("id").all()
        return !rows.isEmpty
    }
}
