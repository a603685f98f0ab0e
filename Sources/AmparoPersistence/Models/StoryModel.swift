import Fluent
import Foundation

/// A community member's story. Private (sealed) until reviewed; the published text is a
/// reviewer's edit, public, and exists only with the teller's consent.
public final class StoryModel: Model, @unchecked Sendable {
    public static let schema = "stories"

    @ID(key: .id) public var id: UUID?
    @Field(key: "state_code") public var stateCode: String
    @OptionalField(key: "county") public var county: String?
    /// yyyy-MM
    @OptionalField(key: "happened_in") public var happenedIn: String?
    /// `StoryAgency` codes, comma-separated.
    @Field(key: "agencies") public var agencies: String
    @OptionalField(key: "outcome") public var outcome: String?
    @Field(key: "body_sealed") public var bodySealed: String
    @Field(key: "consent_to_publish") public var consentToPublish: Bool
    @OptionalField(key: "display_name_sealed") public var displayNameSealed: String?
    /// A phone or email to follow up, if given.
    @OptionalField(key: "reach_sealed") public var reachSealed: String?
    @Field(key: "language") public var language: String
    /// A `StoryStatus`.
    @Field(key: "status") public var status: String
    @OptionalField(key: "published_text") public var publishedText: String?
    @OptionalField(key: "published_name") public var publishedName: String?
    @Field(key: "received_at") public var receivedAt: Date
    @OptionalField(key: "reviewed_by") public var reviewedBy: UUID?
    @OptionalField(key: "reviewed_at") public var reviewedAt: Date?

    public init() {}

    public init(id: UUID = UUID(), stateCode: String, agencies: String, bodySealed: String, consentToPublish: Bool, language: String, receivedAt: Date) {
        self.id = id
        self.stateCode = stateCode
        self.agencies = agencies
        self.bodySealed = bodySealed
        self.consentToPublish = consentToPublish
        self.language = language
        self.status = "received"
        self.receivedAt = receivedAt
    }
}
