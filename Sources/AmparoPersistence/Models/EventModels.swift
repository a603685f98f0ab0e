import Fluent
import Foundation

/// A training or event, in English and Spanish.
public final class EventModel: Model, @unchecked Sendable {
    public static let schema = "events"

    @ID(key: .id) public var id: UUID?
    /// An `EventKind`.
    @Field(key: "kind") public var kind: String
    @Field(key: "title_en") public var titleEN: String
    @Field(key: "title_es") public var titleES: String
    @OptionalField(key: "description_en") public var descriptionEN: String?
    @OptionalField(key: "description_es") public var descriptionES: String?
    @Field(key: "starts_at") public var startsAt: Date
    /// An address of a public venue, or "Online".
    @Field(key: "place") public var place: String
    @Field(key: "capacity") public var capacity: Int
    @Field(key: "created_by") public var createdBy: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(kind: String, titleEN: String, titleES: String, startsAt: Date, place: String, capacity: Int, createdBy: UUID, createdAt: Date) {
        self.id = UUID()
        self.kind = kind
        self.titleEN = titleEN
        self.titleES = titleES
        self.startsAt = startsAt
        self.place = place
        self.capacity = capacity
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// A person signed up for an event (or waiting for a seat). Who they are is sealed.
public final class EventRegistrationModel: Model, @unchecked Sendable {
    public static let schema = "event_registrations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "name_sealed") public var nameSealed: String
    @Field(key: "email_sealed") public var emailSealed: String
    /// Blind index of the email: one registration per person and event, and the link to a member's account.
    @Field(key: "email_index") public var emailIndex: String
    @Field(key: "language") public var language: String
    /// A `RegistrationStatus`.
    @Field(key: "status") public var status: String
    @Field(key: "registered_at") public var registeredAt: Date
    @OptionalField(key: "reminded_at") public var remindedAt: Date?
    @OptionalField(key: "attended_at") public var attendedAt: Date?

    public init() {}

    public init(id: UUID, eventID: UUID, nameSealed: String, emailSealed: String, emailIndex: String, language: String, status: String, registeredAt: Date) {
        self.id = id
        self.eventID = eventID
        self.nameSealed = nameSealed
        self.emailSealed = emailSealed
        self.emailIndex = emailIndex
        self.language = language
        self.status = status
        self.registeredAt = registeredAt
    }
}
