import Fluent
import Foundation

/// A public report of enforcement activity. What the reporter wrote, the place, the map pin and the
/// callback contact are sealed; nothing about the reporter's connection is stored.
public final class ReportModel: Model, @unchecked Sendable {
    public static let schema = "reports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "reference") public var reference: String
    @Field(key: "status") public var status: String
    /// The dispatcher's verdict (verified, unconfirmed, false_alarm, duplicate), kept when closed.
    @OptionalField(key: "outcome") public var outcome: String?
    @OptionalField(key: "outcome_at") public var outcomeAt: Date?
    @Field(key: "urgency") public var urgency: String
    @Field(key: "language") public var language: String
    /// web, sms, signal or voice.
    @Field(key: "channel") public var channel: String
    /// Blind index of the sender's number, for reports that came by text: threads their next messages.
    @OptionalField(key: "callback_index") public var callbackIndex: String?
    @Field(key: "agency") public var agency: String
    @OptionalField(key: "officers") public var officers: Int?
    @OptionalField(key: "vehicles") public var vehicles: Int?
    @Field(key: "occurred_at") public var occurredAt: Date
    @Field(key: "received_at") public var receivedAt: Date
    @OptionalField(key: "what_sealed") public var whatSealed: String?
    @OptionalField(key: "place_sealed") public var placeSealed: String?
    @OptionalField(key: "pin_sealed") public var pinSealed: String?
    @OptionalField(key: "callback_sealed") public var callbackSealed: String?
    @OptionalField(key: "claimed_by") public var claimedBy: UUID?
    @OptionalField(key: "claimed_at") public var claimedAt: Date?
    /// The region (team) a dispatcher put it in.
    @OptionalField(key: "team_id") public var teamID: UUID?
    /// Set when a dispatcher marks this report as a duplicate of an earlier one.
    @OptionalField(key: "duplicate_of") public var duplicateOf: UUID?
    /// When retention removed the personal data; the report's bare facts stay for counts.
    @OptionalField(key: "purged_at") public var purgedAt: Date?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(id: UUID, reference: String, language: String, agency: String, officers: Int?, vehicles: Int?,
                occurredAt: Date, receivedAt: Date) {
        self.id = id
        self.reference = reference
        self.status = "new"
        self.urgency = "routine"
        self.language = language
        self.channel = "web"
        self.agency = agency
        self.officers = officers
        self.vehicles = vehicles
        self.occurredAt = occurredAt
        self.receivedAt = receivedAt
        self.updatedAt = receivedAt
    }
}

/// One step in a report's history: who moved it from which status to which, when and why.
public final class ReportEventModel: Model, @unchecked Sendable {
    public static let schema = "report_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "report_id") public var reportID: UUID
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "action") public var action: String
    @OptionalField(key: "from_status") public var fromStatus: String?
    @OptionalField(key: "to_status") public var toStatus: String?
    @OptionalField(key: "reason_sealed") public var reasonSealed: String?
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID, reportID: UUID, actorID: UUID?, action: String, from: String?, to: String?, at: Date) {
        self.id = id
        self.reportID = reportID
        self.actorID = actorID
        self.action = action
        self.fromStatus = from
        self.toStatus = to
        self.at = at
    }
}

/// One text message in a report's conversation, in from the reporter or out from a dispatcher.
public final class ReportMessageModel: Model, @unchecked Sendable {
    public static let schema = "report_messages"

    public enum Direction: String, Sendable { case inbound = "in", outbound = "out" }

    @ID(key: .id) public var id: UUID?
    @Field(key: "report_id") public var reportID: UUID
    @Field(key: "direction") public var direction: String
    @Field(key: "channel") public var channel: String
    @OptionalField(key: "body_sealed") public var bodySealed: String?
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID, reportID: UUID, direction: Direction, channel: String, actorID: UUID?, at: Date) {
        self.id = id
        self.reportID = reportID
        self.direction = direction.rawValue
        self.channel = channel
        self.actorID = actorID
        self.at = at
    }
}

/// A banned number, kept only as its blind index: the list itself reveals no one's number.
public final class BannedNumberModel: Model, @unchecked Sendable {
    public static let schema = "banned_numbers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "number_index") public var numberIndex: String
    @OptionalField(key: "report_id") public var reportID: UUID?
    @Field(key: "banned_by") public var bannedBy: UUID
    @Field(key: "banned_at") public var bannedAt: Date

    public init() {}

    public init(numberIndex: String, reportID: UUID?, bannedBy: UUID, bannedAt: Date) {
        self.id = UUID()
        self.numberIndex = numberIndex
        self.reportID = reportID
        self.bannedBy = bannedBy
        self.bannedAt = bannedAt
    }
}

/// A photo sent with a report: EXIF and other metadata removed before it was sealed.
public final class ReportPhotoModel: Model, @unchecked Sendable {
    public static let schema = "report_photos"

    @ID(key: .id) public var id: UUID?
    @Field(key: "report_id") public var reportID: UUID
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int
    /// Nil once retention removed it.
    @OptionalField(key: "data_sealed") public var dataSealed: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(id: UUID = UUID(), reportID: UUID, contentType: String, size: Int, createdAt: Date) {
        self.id = id
        self.reportID = reportID
        self.contentType = contentType
        self.size = size
        self.createdAt = createdAt
    }
}
