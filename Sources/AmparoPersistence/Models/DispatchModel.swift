import Fluent
import Foundation

/// A request to one responder to go and verify a report. Its one-time link goes out as a notice.
public final class DispatchModel: Model, @unchecked Sendable {
    public static let schema = "dispatches"

    @ID(key: .id) public var id: UUID?
    @Field(key: "report_id") public var reportID: UUID
    @Field(key: "responder_id") public var responderID: UUID
    @Field(key: "sent_by") public var sentBy: UUID
    /// sms or email: how the link went out.
    @Field(key: "channel") public var channel: String
    @Field(key: "state") public var state: String
    @OptionalField(key: "note_sealed") public var noteSealed: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "answered_at") public var answeredAt: Date?
    /// Digest of the secret cookie of the device that accepted: the link works on that device only.
    @OptionalField(key: "device_digest") public var deviceDigest: String?

    public init() {}

    public init(id: UUID = UUID(), reportID: UUID, responderID: UUID, sentBy: UUID, channel: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.reportID = reportID
        self.responderID = responderID
        self.sentBy = sentBy
        self.channel = channel
        self.state = "waiting"
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// What a responder reported from the scene. The answers lawyers and campaigns count (what was
/// found, the warrant, consent, how many detained) are plain; everything else is one sealed value.
public final class FieldReportModel: Model, @unchecked Sendable {
    public static let schema = "field_reports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "dispatch_id") public var dispatchID: UUID
    @Field(key: "report_id") public var reportID: UUID
    @Field(key: "responder_id") public var responderID: UUID
    /// Chosen when the form was drawn; the same submission sent twice is stored once.
    @Field(key: "submission_key") public var submissionKey: String
    @Field(key: "finding") public var finding: String
    @Field(key: "warrant") public var warrant: String
    @Field(key: "consent") public var consent: String
    @Field(key: "detained") public var detained: Int
    @OptionalField(key: "body_sealed") public var bodySealed: String?
    @Field(key: "filed_at") public var filedAt: Date

    public init() {}

    public init(id: UUID = UUID(), dispatchID: UUID, reportID: UUID, responderID: UUID, submissionKey: String,
                finding: String, warrant: String, consent: String, detained: Int, filedAt: Date) {
        self.id = id
        self.dispatchID = dispatchID
        self.reportID = reportID
        self.responderID = responderID
        self.submissionKey = submissionKey
        self.finding = finding
        self.warrant = warrant
        self.consent = consent
        self.detained = detained
        self.filedAt = filedAt
    }
}
