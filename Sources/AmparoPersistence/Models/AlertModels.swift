import Fluent
import Foundation

/// A member of the public who asked for verified alerts. The contact is sealed, found by its blind
/// index, and deleted on unsubscribe; the consent (the exact statement shown, and when) stays.
public final class SubscriptionModel: Model, @unchecked Sendable {
    public static let schema = "subscriptions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "channel") public var channel: String
    @OptionalField(key: "contact_sealed") public var contactSealed: String?
    @OptionalField(key: "contact_index") public var contactIndex: String?
    @Field(key: "language") public var language: String
    /// The region (team) whose alerts to send; nil means every region.
    @OptionalField(key: "team_id") public var teamID: UUID?
    @Field(key: "consent_statement") public var consentStatement: String
    @Field(key: "consented_at") public var consentedAt: Date
    @Field(key: "unsubscribe_digest") public var unsubscribeDigest: String
    @OptionalField(key: "unsubscribed_at") public var unsubscribedAt: Date?
    /// Set when the person confirmed (the link in the email, or YES by text): alerts go only to
    /// confirmed subscriptions.
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?

    public init() {}

    public init(id: UUID, channel: String, language: String, teamID: UUID?, consentStatement: String, consentedAt: Date,
                unsubscribeDigest: String) {
        self.id = id
        self.channel = channel
        self.language = language
        self.teamID = teamID
        self.consentStatement = consentStatement
        self.consentedAt = consentedAt
        self.unsubscribeDigest = unsubscribeDigest
    }
}

/// A verified incident turned into a public alert: coarse place, what to do, until when.
public final class AlertModel: Model, @unchecked Sendable {
    public static let schema = "alerts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "report_id") public var reportID: UUID
    @OptionalField(key: "team_id") public var teamID: UUID?
    @Field(key: "place") public var place: String
    @Field(key: "message_en") public var messageEN: String
    @Field(key: "message_es") public var messageES: String
    @Field(key: "expires_at") public var expiresAt: Date
    @Field(key: "published_by") public var publishedBy: UUID
    @Field(key: "published_at") public var publishedAt: Date
    @Field(key: "recipients") public var recipients: Int

    public init() {}

    public init(id: UUID, reportID: UUID, teamID: UUID?, place: String, messageEN: String, messageES: String,
                expiresAt: Date, publishedBy: UUID, publishedAt: Date) {
        self.id = id
        self.reportID = reportID
        self.teamID = teamID
        self.place = place
        self.messageEN = messageEN
        self.messageES = messageES
        self.expiresAt = expiresAt
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
        self.recipients = 0
    }
}
