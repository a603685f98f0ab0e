import AmparoDomain
import Fluent
import Foundation
import SQLKit

/// How many confirmed subscribers an alert would reach on one channel in one language.
public struct AudienceLine: Sendable, Equatable, Codable {
    public let channel: AlertChannel
    public let language: Language
    public let count: Int

    public init(channel: AlertChannel, language: Language, count: Int) {
        self.channel = channel
        self.language = language
        self.count = count
    }
}

/// How many of an alert's messages on one channel stand at one status.
public struct DeliveryCount: Sendable, Equatable, Codable {
    public let channel: AlertChannel
    public let status: DeliveryStatus
    public let count: Int

    public init(channel: AlertChannel, status: DeliveryStatus, count: Int) {
        self.channel = channel
        self.status = status
        self.count = count
    }
}

/// Why messages failed, with phone numbers and addresses taken out, and how many.
public struct FailureCount: Sendable, Equatable, Codable {
    public let reason: String
    public let count: Int

    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }
}

/// A published alert and where its delivery stands.
public struct SentAlert: Sendable, Equatable, Codable {
    public let id: AlertID
    public let reportID: ReportID
    public let reference: String
    public let place: String
    /// Nil: every area.
    public let region: String?
    public let text: AlertText
    public let publishedAt: Date
    public let expiresAt: Date
    public let publishedBy: String
    public let recipients: Int
    public let delivery: [DeliveryCount]
    public let failures: [FailureCount]

    public init(id: AlertID, reportID: ReportID, reference: String, place: String, region: String?, text: AlertText, publishedAt: Date,
                expiresAt: Date, publishedBy: String, recipients: Int, delivery: [DeliveryCount], failures: [FailureCount]) {
        self.id = id
        self.reportID = reportID
        self.reference = reference
        self.place = place
        self.region = region
        self.text = text
        self.publishedAt = publishedAt
        self.expiresAt = expiresAt
        self.publishedBy = publishedBy
        self.recipients = recipients
        self.delivery = delivery
        self.failures = failures
    }

    /// Messages still to move: queued or being sent (waiting ones wait for a person, not for time).
    public var inFlight: Bool { delivery.contains { ($0.status == .queued || $0.status == .sending) && $0.count > 0 } }
}

/// The alerts' queries: who an alert would reach, and every alert with its delivery.
public struct AlertsStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    /// Confirmed, active subscribers of a region (those of every region included), or of all, by channel and language.
    public func audience(region: TeamID?) async throws -> [AudienceLine] {
        let regionFilter: SQLQueryString = region.map { "AND (team_id IS NULL OR team_id = \(bind: $0.rawValue))" } ?? ""
        let rows = try await db.sql.raw("""
            SELECT channel, language, COUNT(*) AS n FROM subscriptions
            WHERE unsubscribed_at IS NULL AND confirmed_at IS NOT NULL AND contact_sealed IS NOT NULL \(regionFilter)
            GROUP BY channel, language
            """).all()
        return try rows.compactMap { row -> AudienceLine? in
            guard let channel = AlertChannel(rawValue: try row.decode(column: "channel", as: String.self)) else { return nil }
            let language = Language(rawValue: try row.decode(column: "language", as: String.self)) ?? .es
            return AudienceLine(channel: channel, language: language, count: try row.decode(column: "n", as: Int.self))
        }.sorted { ($0.channel.rawValue, $0.language.rawValue) < ($1.channel.rawValue, $1.language.rawValue) }
    }

    /// The newest alerts (of one report, or all), newest first. Queued messages on a channel not in
    /// `configured` count as waiting.
    public func sent(report: ReportID? = nil, limit: Int = 100, configured: Set<AlertChannel>) async throws -> [SentAlert] {
        var query = AlertModel.query(on: db).sort(\.$publishedAt, .descending).limit(limit)
        if let report { query = query.filter(\.$reportID == report.rawValue) }
        let alerts = try await query.all()
        guard !alerts.isEmpty else { return [] }
        let ids = try alerts.map { try $0.requireID() }
        let idList = SQLGroupExpression(SQLList(ids.map { SQLBind($0) }))
        let counts = try await db.sql.select().column("alert_id").column("channel").column("status").column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(Outbox.schema).where("alert_id", .in, idList).groupBy("alert_id").groupBy("channel").groupBy("status").all()
        var delivery: [UUID: [DeliveryCount]] = [:]
        for row in counts {
            guard let channel = AlertChannel(rawValue: try row.decode(column: "channel", as: String.self)) else { continue }
            let raw = try row.decode(column: "status", as: String.self)
            let status: DeliveryStatus = switch raw {
            case "sent": .sent
            case "failed": .failed
            case "sending": .sending
            default: configured.contains(channel) ? .queued : .waiting
            }
            delivery[try row.decode(column: "alert_id", as: UUID.self), default: []]
                .append(DeliveryCount(channel: channel, status: status, count: try row.decode(column: "n", as: Int.self)))
        }
        let failureRows = try await db.sql.select().column("alert_id").column("last_error").column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(Outbox.schema).where("alert_id", .in, idList).where("status", .equal, SQLBind("failed"))
            .groupBy("alert_id").groupBy("last_error").all()
        var failures: [UUID: [String: Int]] = [:]
        for row in failureRows {
            let reason = FailureReason.redacted(try row.decode(column: "last_error", as: String?.self) ?? "unknown")
            failures[try row.decode(column: "alert_id", as: UUID.self), default: [:]][reason, default: 0] += try row.decode(column: "n", as: Int.self)
        }
        let reports = try await ReportModel.query(on: db).filter(\.$id ~~ Set(alerts.map(\.reportID))).all()
        let references = Dictionary(uniqueKeysWithValues: try reports.map { (try $0.requireID(), $0.reference) })
        let teams = try await TeamModel.query(on: db).filter(\.$id ~~ Set(alerts.compactMap(\.teamID))).all()
        let regions = Dictionary(uniqueKeysWithValues: try teams.map { (try $0.requireID(), $0.name) })
        let publishers = try await UserModel.query(on: db).filter(\.$id ~~ Set(alerts.map(\.publishedBy))).all()
        let names = Dictionary(uniqueKeysWithValues: try publishers.map { (try $0.requireID(), $0.name(openedWith: sealer)) })
        return try alerts.map { alert in
            let id = try alert.requireID()
            return SentAlert(
                id: AlertID(id), reportID: ReportID(alert.reportID), reference: references[alert.reportID] ?? "—", place: alert.place,
                region: alert.teamID.flatMap { regions[$0] }, text: AlertText(english: alert.messageEN, spanish: alert.messageES),
                publishedAt: alert.publishedAt, expiresAt: alert.expiresAt, publishedBy: names[alert.publishedBy] ?? "—",
                recipients: alert.recipients,
                delivery: (delivery[id] ?? []).sorted { ($0.channel.rawValue, $0.status.rawValue) < ($1.channel.rawValue, $1.status.rawValue) },
                failures: (failures[id] ?? [:]).map { FailureCount(reason: $0.key, count: $0.value) }.sorted { ($1.count, $0.reason) < ($0.count, $1.reason) })
        }
    }
}

/// A provider's error, fit to show a coordinator: phone numbers and email addresses removed (a
/// carrier's message often names the number it refused).
public enum FailureReason {
    public static func redacted(_ raw: String) -> String {
        var text = raw.replacingOccurrences(of: #"[\w.+-]+@[\w-]+(\.[\w-]+)+"#, with: "…", options: .regularExpression)
        // A run of digits and separators is a phone number when it holds seven digits or more
        // ("550 5.1.1" is an SMTP code, not a number).
        let runs = try! NSRegularExpression(pattern: #"\+?\d[\d \-().]*\d"#)
        let whole = NSRange(text.startIndex..., in: text)
        for match in runs.matches(in: text, range: whole).reversed() {
            guard let range = Range(match.range, in: text), text[range].filter(\.isNumber).count >= 7 else { continue }
            text.replaceSubrange(range, with: "…")
        }
        return String(text.prefix(200))
    }
}
