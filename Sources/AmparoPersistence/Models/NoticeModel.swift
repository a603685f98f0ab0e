import Fluent
import Foundation

/// One message to one person, outside alerts: who, what and through which channel, sealed; and its
/// delivery state, leased by workers like the alert outbox.
public final class NoticeModel: Model, @unchecked Sendable {
    public static let schema = "notices"

    @ID(key: .id) public var id: UUID?
    @Field(key: "channel") public var channel: String
    /// What it is for ("dispatch", "subscription.confirm"), and the record it belongs to.
    @Field(key: "purpose") public var purpose: String
    @OptionalField(key: "record_id") public var recordID: UUID?
    @OptionalField(key: "recipient_sealed") public var recipientSealed: String?
    @OptionalField(key: "subject_sealed") public var subjectSealed: String?
    @OptionalField(key: "body_sealed") public var bodySealed: String?
    /// pending, sending, sent, failed.
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "lease_until") public var leaseUntil: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?

    public init() {}

    public init(id: UUID = UUID(), channel: String, purpose: String, recordID: UUID?, createdAt: Date) {
        self.id = id
        self.channel = channel
        self.purpose = purpose
        self.recordID = recordID
        self.status = "pending"
        self.attempts = 0
        self.nextAttemptAt = createdAt
        self.createdAt = createdAt
    }
}
