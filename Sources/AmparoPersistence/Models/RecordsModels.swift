import Fluent
import Foundation

/// A public-records request the group sent to an agency.
public final class RecordsRequestModel: Model, @unchecked Sendable {
    public static let schema = "records_requests"

    @ID(key: .id) public var id: UUID?
    /// Whose law governs it (the agency's state).
    @Field(key: "state_code") public var stateCode: String
    @Field(key: "agency") public var agency: String
    /// What was asked for.
    @Field(key: "subject") public var subject: String
    /// email, portal, mail, fax, in_person
    @Field(key: "sent_via") public var sentVia: String
    /// yyyy-MM-dd
    @Field(key: "sent_on") public var sentOn: String
    /// A `RecordsStatus`.
    @Field(key: "status") public var status: String
    /// The agency gave written notice of an extension (California's 14 days).
    @Field(key: "extended") public var extended: Bool
    @OptionalField(key: "fees_cents") public var feesCents: Int?
    /// Deadline kinds already reminded, comma-separated.
    @Field(key: "reminded") public var reminded: String
    @Field(key: "created_by") public var createdBy: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(stateCode: String, agency: String, subject: String, sentVia: String, sentOn: String, createdBy: UUID, createdAt: Date) {
        self.id = UUID()
        self.stateCode = stateCode
        self.agency = agency
        self.subject = subject
        self.sentVia = sentVia
        self.sentOn = sentOn
        self.status = "submitted"
        self.extended = false
        self.reminded = ""
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// Something that happened on a request: a status change (which may start or end a pause), or a
/// message to or from the agency.
public final class RecordsEventModel: Model, @unchecked Sendable {
    public static let schema = "records_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "request_id") public var requestID: UUID
    /// status, sent, received, note
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "status") public var status: String?
    @Field(key: "on_day") public var onDay: String
    /// The message or note, sealed (agencies' letters can name people).
    @OptionalField(key: "body_sealed") public var bodySealed: String?
    @Field(key: "author_id") public var authorID: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(requestID: UUID, kind: String, onDay: String, authorID: UUID, createdAt: Date) {
        self.id = UUID()
        self.requestID = requestID
        self.kind = kind
        self.onDay = onDay
        self.authorID = authorID
        self.createdAt = createdAt
    }
}

/// A document the agency sent.
public final class RecordsDocumentModel: Model, @unchecked Sendable {
    public static let schema = "records_documents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "request_id") public var requestID: UUID
    @Field(key: "file_name") public var fileName: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "bytes") public var bytes: Data
    @Field(key: "size") public var size: Int
    @Field(key: "received_on") public var receivedOn: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(requestID: UUID, fileName: String, contentType: String, bytes: Data, receivedOn: String, createdAt: Date) {
        self.id = UUID()
        self.requestID = requestID
        self.fileName = fileName
        self.contentType = contentType
        self.bytes = bytes
        self.size = bytes.count
        self.receivedOn = receivedOn
        self.createdAt = createdAt
    }
}
