import Fluent
import Foundation

/// A campaign against ICE's hold on one place.
public final class CampaignModel: Model, @unchecked Sendable {
    public static let schema = "campaigns"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "jurisdiction_id") public var jurisdictionID: UUID
    /// A `CampaignGoal`.
    @Field(key: "goal") public var goal: String
    /// A `CampaignStatus`.
    @Field(key: "status") public var status: String
    @OptionalField(key: "outcome") public var outcome: String?
    @Field(key: "created_by") public var createdBy: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(title: String, jurisdictionID: UUID, goal: String, createdBy: UUID, createdAt: Date) {
        self.id = UUID()
        self.title = title
        self.jurisdictionID = jurisdictionID
        self.goal = goal
        self.status = "active"
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// A step of a campaign: a forum, testimony, a meeting, media, a vote.
public final class CampaignActionModel: Model, @unchecked Sendable {
    public static let schema = "campaign_actions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "campaign_id") public var campaignID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "on_day") public var onDay: String
    @OptionalField(key: "note") public var note: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(campaignID: UUID, kind: String, onDay: String, note: String?, createdAt: Date) {
        self.id = UUID()
        self.campaignID = campaignID
        self.kind = kind
        self.onDay = onDay
        self.note = note
        self.createdAt = createdAt
    }
}

/// A public official who decides, with their public contact.
public final class DecisionMakerModel: Model, @unchecked Sendable {
    public static let schema = "decision_makers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "campaign_id") public var campaignID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "office") public var office: String
    @OptionalField(key: "public_contact") public var publicContact: String?

    public init() {}

    public init(campaignID: UUID, name: String, office: String, publicContact: String?) {
        self.id = UUID()
        self.campaignID = campaignID
        self.name = name
        self.office = office
        self.publicContact = publicContact
    }
}

/// A public letter organizations sign.
public final class LetterModel: Model, @unchecked Sendable {
    public static let schema = "letters"

    @ID(key: .id) public var id: UUID?
    @Field(key: "campaign_id") public var campaignID: UUID
    @Field(key: "title") public var title: String
    @Field(key: "body") public var body: String
    @Field(key: "open") public var open: Bool
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(campaignID: UUID, title: String, body: String, createdAt: Date) {
        self.id = UUID()
        self.campaignID = campaignID
        self.title = title
        self.body = body
        self.open = true
        self.createdAt = createdAt
    }
}

/// An organization's signature: public once its contact confirmed it by email.
public final class LetterSignatureModel: Model, @unchecked Sendable {
    public static let schema = "letter_signatures"

    @ID(key: .id) public var id: UUID?
    @Field(key: "letter_id") public var letterID: UUID
    @Field(key: "organization") public var organization: String
    @Field(key: "signer_type") public var signerType: String
    @Field(key: "city") public var city: String
    @Field(key: "contact_sealed") public var contactSealed: String
    /// A blind index of the contact: one signature per contact and letter.
    @Field(key: "contact_index") public var contactIndex: String
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(id: UUID = UUID(), letterID: UUID, organization: String, signerType: String, city: String, contactSealed: String,
                contactIndex: String, createdAt: Date) {
        self.id = id
        self.letterID = letterID
        self.organization = organization
        self.signerType = signerType
        self.city = city
        self.contactSealed = contactSealed
        self.contactIndex = contactIndex
        self.createdAt = createdAt
    }
}
