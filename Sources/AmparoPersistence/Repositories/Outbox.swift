import Fluent
import Foundation
import SQLKit

/// The delivery outbox: one row per (alert, subscriber), written in the transaction that publishes
/// the alert. Workers lease rows, deliver, and mark them; a lease that runs out (a crashed worker)
/// makes the row due again. On PostgreSQL several workers share it with FOR UPDATE SKIP LOCKED.
public enum Outbox {
    public static let schema = "outbox"

    public struct Key: Sendable, Hashable {
        public let alertID: UUID
        public let subscriptionID: UUID
        /// Sent with the message so a receiver can drop a repeat after a crash between send and mark.
        public var idempotencyKey: String { "amparo-\(alertID.uuidString.lowercased())-\(subscriptionID.uuidString.lowercased())" }
    }

    public struct Claimed: Sendable {
        public let key: Key
        public let channel: String
        public let attempts: Int
        /// Its last lease ran out unmarked: a worker died after sending it, or before.
        public var uncertain = false
    }

    /// Writes a message for every confirmed, active subscriber of the region (or of every region), in one
    /// statement; returns how many.
    public static func enqueue(alertID: UUID, teamID: UUID?, now: Date, on db: any Database) async throws -> Int {
        let regionFilter: SQLQueryString = teamID.map { "AND (team_id IS NULL OR team_id = \(bind: $0))" } ?? ""
        try await db.sql.raw("""
            INSERT INTO outbox (alert_id, subscription_id, channel, status, attempts, next_attempt_at)
            SELECT \(bind: alertID), id, channel, 'pending', 0, \(bind: now) FROM subscriptions
            WHERE unsubscribed_at IS NULL AND confirmed_at IS NOT NULL AND contact_sealed IS NOT NULL \(regionFilter)
            """).run()
        let row = try await db.sql.raw("SELECT COUNT(*) AS n FROM outbox WHERE alert_id = \(bind: alertID)").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Leases up to `limit` due messages on the given channels: first ones whose lease ran out (a
    /// crashed worker's), then pending ones whose time has come, oldest first. Two statements, so
    /// each walks its own index instead of sorting every due row. Messages for a channel this
    /// worker cannot send stay untouched.
    public static func claim(limit: Int, now: Date, lease: TimeInterval, channels: [String], on db: any Database) async throws -> [Claimed] {
        guard !channels.isEmpty else { return [] }
        let expired = try await take(limit: limit, now: now, until: now.addingTimeInterval(lease), channels: channels,
                                      due: "status = 'sending' AND lease_until < \(bind: now)", order: "lease_until", on: db)
            .map { var item = $0; item.uncertain = true; return item }
        guard expired.count < limit else { return expired }
        let pending = try await take(limit: limit - expired.count, now: now, until: now.addingTimeInterval(lease), channels: channels,
                                           due: "status = 'pending' AND next_attempt_at <= \(bind: now)", order: "next_attempt_at", on: db)
        return expired + pending
    }

    private static func take(
        limit: Int, now: Date, until: Date, channels: [String], due: SQLQueryString, order: SQLQueryString, on db: any Database
    ) async throws -> [Claimed] {
        let lock = QueueSQL.skipLocked(db), channelList = QueueSQL.list(channels)
        let rows = try await db.sql.raw("""
            UPDATE outbox SET status = 'sending', lease_until = \(bind: until), attempts = attempts + 1
            WHERE (alert_id, subscription_id) IN (
              SELECT alert_id, subscription_id FROM outbox WHERE \(due) AND channel IN (\(channelList))
              ORDER BY \(order) LIMIT \(literal: limit) \(lock))
            RETURNING alert_id, subscription_id, channel, attempts
            """).all()
        return try rows.map {
            Claimed(
                key: Key(alertID: try $0.decode(column: "alert_id", as: UUID.self),
                         subscriptionID: try $0.decode(column: "subscription_id", as: UUID.self)),
                channel: try $0.decode(column: "channel", as: String.self),
                attempts: try $0.decode(column: "attempts", as: Int.self))
        }
    }

    /// Marks messages delivered, one statement per alert (a batch is nearly always one alert).
    public static func markSent(_ keys: [Key], now: Date, on db: any Database) async throws {
        for (alertID, group) in Dictionary(grouping: keys, by: \.alertID) {
            try await db.sql.update(schema)
                .set("status", to: SQLBind("sent")).set("sent_at", to: SQLBind(now))
                .set("lease_until", to: SQLLiteral.null).set("last_error", to: SQLLiteral.null)
                .where("alert_id", .equal, SQLBind(alertID))
                .where("subscription_id", .in, SQLGroupExpression(SQLList(group.map { SQLBind($0.subscriptionID) })))
                .run()
        }
    }

    /// Puts a message back for a later try, or gives up (`retryAt` nil) after too many.
    public static func markFailed(_ key: Key, error: String, retryAt: Date?, on db: any Database) async throws {
        let status = retryAt == nil ? "failed" : "pending"
        try await db.sql.raw("""
            UPDATE outbox SET status = \(bind: status), next_attempt_at = \(bind: retryAt ?? Date.distantFuture),
              lease_until = NULL, last_error = \(bind: String(error.prefix(300)))
            WHERE alert_id = \(bind: key.alertID) AND subscription_id = \(bind: key.subscriptionID)
            """).run()
    }

    /// What a message needs of its subscriber: the sealed contact and the language. Only active
    /// subscriptions; read by hand because decoding models costs more than sending at this volume.
    public struct Recipient: Sendable {
        public let id: UUID
        public let contactSealed: String
        public let language: String
    }

    public static func recipients(_ ids: [UUID], on db: any Database) async throws -> [UUID: Recipient] {
        var result: [UUID: Recipient] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(ids.count, start + 500)]
            let rows = try await db.sql.select().column("id").column("contact_sealed").column("language")
                .from(SubscriptionModel.schema)
                .where("id", .in, SQLGroupExpression(SQLList(chunk.map { SQLBind($0) })))
                .where("unsubscribed_at", .is, SQLLiteral.null)
                .where("contact_sealed", .isNot, SQLLiteral.null)
                .all()
            for row in rows {
                let recipient = Recipient(id: try row.decode(column: "id", as: UUID.self),
                                          contactSealed: try row.decode(column: "contact_sealed", as: String.self),
                                          language: try row.decode(column: "language", as: String.self))
                result[recipient.id] = recipient
            }
        }
        return result
    }

    public static func counts(alertID: UUID, on db: any Database) async throws -> [String: Int] {
        let rows = try await db.sql.raw("SELECT status, COUNT(*) AS n FROM outbox WHERE alert_id = \(bind: alertID) GROUP BY status").all()
        var result: [String: Int] = [:]
        for row in rows { result[try row.decode(column: "status", as: String.self)] = try row.decode(column: "n", as: Int.self) }
        return result
    }
}
