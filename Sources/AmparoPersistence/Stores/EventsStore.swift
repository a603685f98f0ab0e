import AmparoDomain
import Fluent
import Foundation

/// A registration the way a cancel link or the reminder watch finds it: whose, for which event,
/// where it stands, and the email and language its messages go to (unsealed).
public struct RegistrationContact: Sendable {
    public let id: EventRegistrationID
    public let eventID: EventID
    public let status: RegistrationStatus
    public let email: String
    public let language: Language
}

/// The events' queries: the public list and page, sign-ups with seats and a waiting list,
/// cancellations, attendance, reminders. Names and emails come out unsealed; nothing sealed leaves.
public struct EventsStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    /// Events starting from `now`, soonest first.
    public func upcoming(from now: Date, limit: Int) async throws -> [Event] {
        try await EventModel.query(on: db).filter(\.$startsAt >= now).sort(\.$startsAt).limit(limit).all().map(Self.event)
    }

    /// Every event, latest first (what organizers manage).
    public func all(limit: Int) async throws -> [Event] {
        try await EventModel.query(on: db).sort(\.$startsAt, .descending).limit(limit).all().map(Self.event)
    }

    public func event(_ id: EventID) async throws -> Event? {
        try await EventModel.find(id.rawValue, on: db).map(Self.event)
    }

    /// Seats taken: those registered and those who came.
    public func seatsTaken(_ event: EventID, on db: (any Database)? = nil) async throws -> Int {
        try await EventRegistrationModel.query(on: db ?? self.db).filter(\.$eventID == event.rawValue)
            .filter(\.$status ~~ [RegistrationStatus.registered.rawValue, RegistrationStatus.attended.rawValue]).count()
    }

    /// Who signed up, in the order they did.
    public func registrations(_ event: EventID) async throws -> [EventRegistration] {
        try await EventRegistrationModel.query(on: db).filter(\.$eventID == event.rawValue).sort(\.$registeredAt).all().map { model in
            let id = try model.requireID()
            return EventRegistration(id: EventRegistrationID(id),
                                     name: (try? sealer.open(model.nameSealed, context: SealedColumn.registrationName.context(rowID: id))) ?? "—",
                                     status: RegistrationStatus(rawValue: model.status) ?? .registered)
        }
    }

    /// Where this person's sign-up for the event stands, unless they cancelled it (or never signed up).
    public func standing(of email: String, at event: EventID) async throws -> RegistrationStatus? {
        let index = sealer.blindIndex(email, kind: .email)
        return try await EventRegistrationModel.query(on: db).filter(\.$eventID == event.rawValue).filter(\.$emailIndex == index).first()
            .flatMap { RegistrationStatus(rawValue: $0.status) }.flatMap { $0 == .cancelled ? nil : $0 }
    }

    /// Signs a person up: a seat while one is free, else the waiting list; a cancelled sign-up of
    /// the same email is replaced. `notice` writes the message they get, in the same transaction.
    public func register(_ event: Event, name: String, email: String, language: Language, at now: Date,
                         notice: @escaping @Sendable (EventRegistrationID, RegistrationStatus) throws -> NoticeModel) async throws -> RegistrationStatus {
        let index = sealer.blindIndex(email, kind: .email), sealer = sealer
        return try await db.transaction { db in
            let status = Seats.status(capacity: event.capacity, taken: try await seatsTaken(event.id, on: db))
            try await EventRegistrationModel.query(on: db).filter(\.$eventID == event.id.rawValue).filter(\.$emailIndex == index).delete()
            let id = UUID()
            try await EventRegistrationModel(
                id: id, eventID: event.id.rawValue, nameSealed: try sealer.seal(name, context: SealedColumn.registrationName.context(rowID: id)),
                emailSealed: try sealer.seal(email, context: SealedColumn.registrationEmail.context(rowID: id)), emailIndex: index,
                language: language.rawValue, status: status.rawValue, registeredAt: now).create(on: db)
            try await notice(EventRegistrationID(id), status).create(on: db)
            return status
        }
    }

    public func registration(_ id: EventRegistrationID) async throws -> RegistrationContact? {
        try await EventRegistrationModel.find(id.rawValue, on: db).map(contact)
    }

    /// Cancels a sign-up; when it held a seat, the first on the waiting list gets it and `notice`
    /// writes what they are told, in the same transaction.
    public func cancel(_ id: EventRegistrationID, notice: @escaping @Sendable (RegistrationContact) throws -> NoticeModel) async throws {
        try await db.transaction { db in
            guard let registration = try await EventRegistrationModel.find(id.rawValue, on: db),
                  registration.status != RegistrationStatus.cancelled.rawValue else { return }
            let hadSeat = registration.status == RegistrationStatus.registered.rawValue
            registration.status = RegistrationStatus.cancelled.rawValue
            try await registration.save(on: db)
            guard hadSeat, let next = try await EventRegistrationModel.query(on: db).filter(\.$eventID == registration.eventID)
                .filter(\.$status == RegistrationStatus.waitlisted.rawValue).sort(\.$registeredAt).first() else { return }
            next.status = RegistrationStatus.registered.rawValue
            try await next.save(on: db)
            try await notice(try contact(next)).create(on: db)
        }
    }

    public func create(kind: EventKind, title: Bilingual, description: Bilingual, startsAt: Date, place: String, capacity: Int,
                       by author: UserID, at now: Date) async throws -> EventID {
        let model = EventModel(kind: kind.rawValue, titleEN: title.en, titleES: title.es, startsAt: startsAt, place: place, capacity: capacity,
                               createdBy: author.rawValue, createdAt: now)
        model.descriptionEN = description.en.isEmpty ? nil : description.en
        model.descriptionES = description.es.isEmpty ? nil : description.es
        try await model.create(on: db)
        return EventID(try model.requireID())
    }

    /// Marks that the person came. For a training that prepares a role, the member with that
    /// email and role is marked trained on `trainedOn`. False when the sign-up is not this event's
    /// or was cancelled.
    public func markAttended(_ id: EventRegistrationID, at event: Event, on trainedOn: Day, at now: Date) async throws -> Bool {
        guard let registration = try await EventRegistrationModel.find(id.rawValue, on: db), registration.eventID == event.id.rawValue,
              registration.status != RegistrationStatus.cancelled.rawValue else { return false }
        registration.status = RegistrationStatus.attended.rawValue
        registration.attendedAt = now
        try await registration.save(on: db)
        if let role = event.kind.trains, role == .visitor,
           let member = try await UserModel.query(on: db).filter(\.$emailIndex == registration.emailIndex).first(), member.roles.contains(role) {
            let memberID = try member.requireID()
            let profile = try await VisitorProfileModel.query(on: db).filter(\.$userID == memberID).first() ?? VisitorProfileModel(userID: memberID, updatedAt: now)
            profile.trainedOn = trainedOn.description
            profile.updatedAt = now
            try await profile.save(on: db)
        }
        return true
    }

    /// Those with a seat at an event starting within `window` of `now` who were not reminded yet.
    public func dueReminders(at now: Date, within window: TimeInterval) async throws -> [(event: Event, registration: RegistrationContact)] {
        let events = try await EventModel.query(on: db).filter(\.$startsAt > now).filter(\.$startsAt <= now.addingTimeInterval(window)).all().map(Self.event)
        guard !events.isEmpty else { return [] }
        let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0) })
        return try await EventRegistrationModel.query(on: db).filter(\.$eventID ~~ events.map(\.id.rawValue))
            .filter(\.$status == RegistrationStatus.registered.rawValue).filter(\.$remindedAt == nil).all()
            .compactMap { model in try byID[EventID(model.eventID)].map { ($0, try contact(model)) } }
    }

    /// Marks a reminder sent, with its message, in one transaction.
    public func markReminded(_ id: EventRegistrationID, at now: Date, with notice: NoticeModel) async throws {
        try await db.transaction { db in
            guard let registration = try await EventRegistrationModel.find(id.rawValue, on: db) else { return }
            registration.remindedAt = now
            try await registration.save(on: db)
            try await notice.create(on: db)
        }
    }

    private func contact(_ model: EventRegistrationModel) throws -> RegistrationContact {
        let id = try model.requireID()
        return RegistrationContact(id: EventRegistrationID(id), eventID: EventID(model.eventID), status: RegistrationStatus(rawValue: model.status) ?? .registered,
                                   email: try sealer.open(model.emailSealed, context: SealedColumn.registrationEmail.context(rowID: id)),
                                   language: Language(rawValue: model.language) ?? .es)
    }

    static func event(_ model: EventModel) throws -> Event {
        Event(id: EventID(try model.requireID()), kind: EventKind(rawValue: model.kind) ?? .other, title: Bilingual(en: model.titleEN, es: model.titleES),
              description: Bilingual(en: model.descriptionEN ?? "", es: model.descriptionES ?? ""), startsAt: model.startsAt, place: model.place,
              capacity: model.capacity)
    }
}
