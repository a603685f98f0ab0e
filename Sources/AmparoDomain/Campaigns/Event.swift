import Foundation

public enum EventEntity {}
public enum EventRegistrationEntity {}
public typealias EventID = TypedID<EventEntity>
public typealias EventRegistrationID = TypedID<EventRegistrationEntity>

/// A text written in each language a page can be read in (an event's title and description).
public struct Bilingual: Sendable, Equatable, Codable {
    public let en: String
    public let es: String

    public init(en: String, es: String) {
        self.en = en
        self.es = es
    }

    public func `in`(_ language: Language) -> String { language == .en ? en : es }
}

/// A training or event the group holds.
public struct Event: Sendable, Equatable, Codable {
    public let id: EventID
    public let kind: EventKind
    public let title: Bilingual
    /// Empty in a language it was not written in.
    public let description: Bilingual
    public let startsAt: Date
    /// An address of a public venue, or "Online".
    public let place: String
    public let capacity: Int

    public init(id: EventID, kind: EventKind, title: Bilingual, description: Bilingual, startsAt: Date, place: String, capacity: Int) {
        self.id = id
        self.kind = kind
        self.title = title
        self.description = description
        self.startsAt = startsAt
        self.place = place
        self.capacity = capacity
    }
}

/// One person's sign-up for an event, with their name unsealed.
public struct EventRegistration: Sendable, Equatable, Codable {
    public let id: EventRegistrationID
    public let name: String
    public let status: RegistrationStatus

    public init(id: EventRegistrationID, name: String, status: RegistrationStatus) {
        self.id = id
        self.name = name
        self.status = status
    }
}
