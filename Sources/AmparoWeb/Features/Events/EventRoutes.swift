import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Trainings and events: public sign-up with seats and a waiting list, a cancel link that gives
/// the seat to the first in line, a reminder the day before; organizers publish events and mark
/// attendance, and an attended training marks a member trained for the role it prepares.
struct EventRoutes: RouteCollection {
    static let cancelPurpose = "event-cancel"

    func boot(routes: any RoutesBuilder) throws {
        let events = routes.grouped("events")
        events.get(use: upcoming).policy(.open)
        events.get(":eventID", use: show).policy(.open)
        events.post(":eventID", use: register).policy(.open)
        events.get("cancel", ":token", use: cancelPage).policy(.capabilityLink)
        events.post("cancel", ":token", use: cancel).policy(.capabilityLink)
        events.get("manage", use: manage).policy(.member(.runCampaigns))
        events.post("manage", use: create).policy(.member(.runCampaigns))
        events.get("manage", ":eventID", use: registrations).policy(.member(.runCampaigns))
        events.post("manage", ":eventID", "attended", ":registrationID", use: attended).policy(.member(.runCampaigns))
    }

    func upcoming(req: Request) async throws -> Response {
        let events = try await EventModel.query(on: req.db).filter(\.$startsAt >= req.amparo.clock.now()).sort(\.$startsAt).limit(100).all()
        return EventViews.upcoming(req, events)
    }

    func show(req: Request) async throws -> Response { try await EventViews.page(req, try await find(req), notice: nil, problem: nil) }

    func register(req: Request) async throws -> Response {
        let event = try await find(req)
        guard let slot = try await req.takePublicSlot("event") else { return try await EventViews.page(req, event, notice: nil, problem: .alerts(.tooMany)) }
        let fields = req.formValues
        guard let name = try? FormText.field(fields, "name", limit: 120), let email = fields["email"]?.trimmingCharacters(in: .whitespaces),
              Accounts.validate(email: email, name: name).isEmpty, event.startsAt > req.amparo.clock.now() else {
            await slot.giveBack()
            return try await EventViews.page(req, event, notice: nil, problem: .events(.errorRegister))
        }
        let services = req.amparo, sealer = services.sealer, index = sealer.blindIndex(email, kind: .email), language = req.language
        if let existing = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == event.id!).filter(\.$emailIndex == index).first(),
           existing.status != RegistrationStatus.cancelled.rawValue {
            // Signing up twice says the same and sends nothing more.
            return try await EventViews.page(req, event, notice: .events(existing.status == RegistrationStatus.waitlisted.rawValue ? .waitlisted : .registered), problem: nil)
        }
        let status = try await req.db.transaction { db -> RegistrationStatus in
            let taken = try await EventRegistrationModel.query(on: db).filter(\.$eventID == event.id!).filter(\.$status ~~ [RegistrationStatus.registered.rawValue, RegistrationStatus.attended.rawValue]).count()
            let status = Seats.status(capacity: event.capacity, taken: taken)
            try await EventRegistrationModel.query(on: db).filter(\.$eventID == event.id!).filter(\.$emailIndex == index).delete()
            let id = UUID()
            let registration = EventRegistrationModel(
                id: id, eventID: event.id!, nameSealed: try sealer.seal(name, context: SealedColumn.registrationName.context(rowID: id)),
                emailSealed: try sealer.seal(email, context: SealedColumn.registrationEmail.context(rowID: id)), emailIndex: index,
                language: language.rawValue, status: status.rawValue, registeredAt: services.clock.now())
            try await registration.create(on: db)
            try await EventMail.send(status == .registered ? .confirmation : .waitlist, event: event, registration: registration, to: email, services: services, on: db)
            return status
        }
        services.delivery.wake()
        return try await EventViews.page(req, event, notice: .events(status == .registered ? .registered : .waitlisted), problem: nil)
    }

    func cancelPage(req: Request) async throws -> Response {
        guard try await registration(req) != nil else { return EventViews.message(req, .events(.linkInvalid), status: .notFound) }
        return EventViews.cancelPage(req, token: req.parameters.get("token")!)
    }

    /// Frees the seat; the first on the waiting list gets it and is told.
    func cancel(req: Request) async throws -> Response {
        guard let registration = try await registration(req), let event = try await EventModel.find(registration.eventID, on: req.db) else {
            return EventViews.message(req, .events(.linkInvalid), status: .notFound)
        }
        let services = req.amparo
        if registration.status != RegistrationStatus.cancelled.rawValue {
            let hadSeat = registration.status == RegistrationStatus.registered.rawValue
            try await req.db.transaction { db in
                registration.status = RegistrationStatus.cancelled.rawValue
                try await registration.save(on: db)
                guard hadSeat, let next = try await EventRegistrationModel.query(on: db).filter(\.$eventID == event.id!)
                    .filter(\.$status == RegistrationStatus.waitlisted.rawValue).sort(\.$registeredAt).first() else { return }
                next.status = RegistrationStatus.registered.rawValue
                try await next.save(on: db)
                let email = try services.sealer.open(next.emailSealed, context: SealedColumn.registrationEmail.context(rowID: next.id!))
                try await EventMail.send(.promoted, event: event, registration: next, to: email, services: services, on: db)
            }
            services.delivery.wake()
        }
        return EventViews.message(req, .events(.cancelled), status: .ok)
    }

    func manage(req: Request) async throws -> Response { try await EventViews.manage(req, problem: nil) }

    func create(req: Request) async throws -> Response {
        let fields = req.formValues
        guard let kind = fields["kind"].flatMap(EventKind.init(rawValue:)), let titleEN = try? FormText.field(fields, "titleEN", limit: 200),
              let titleES = try? FormText.field(fields, "titleES", limit: 200),
              let starts = fields["startsAt"].flatMap({ LocalDateTime.parse($0, timeZone: req.amparo.config.timeZone) }),
              let place = try? FormText.field(fields, "place", limit: 300), let capacity = fields["capacity"].flatMap(Int.init), (1...10_000).contains(capacity),
              let descriptionEN = try? Optional(FormText.field(fields, "descriptionEN", limit: 2000, joiningLines: false)),
              let descriptionES = try? Optional(FormText.field(fields, "descriptionES", limit: 2000, joiningLines: false)) else {
            return try await EventViews.manage(req, problem: .events(.errorEvent))
        }
        let event = EventModel(kind: kind.rawValue, titleEN: titleEN, titleES: titleES, startsAt: starts, place: place, capacity: capacity,
                               createdBy: req.visitor.user!.id!, createdAt: req.amparo.clock.now())
        event.descriptionEN = descriptionEN
        event.descriptionES = descriptionES
        try await event.create(on: req.db)
        try await req.audit("event.create", recordType: "event", recordID: event.id!.uuidString)
        return req.redirect(to: "/events/manage/\(event.id!.uuidString)")
    }

    func registrations(req: Request) async throws -> Response { try await EventViews.registrations(req, try await find(req)) }

    /// Attendance; for a training that prepares a role, the member with that email and role is
    /// marked trained (a visitor's training date is what lets them be sent on visits).
    func attended(req: Request) async throws -> Response {
        let event = try await find(req)
        guard let id = req.parameters.get("registrationID", as: UUID.self), let registration = try await EventRegistrationModel.find(id, on: req.db),
              registration.eventID == event.id, registration.status != RegistrationStatus.cancelled.rawValue else {
            throw UserFacingError(status: .notFound, text: .events(.noRegistrations))
        }
        let now = req.amparo.clock.now()
        registration.status = RegistrationStatus.attended.rawValue
        registration.attendedAt = now
        try await registration.save(on: req.db)
        if EventKind(rawValue: event.kind)?.trains == .visitor,
           let member = try await UserModel.query(on: req.db).filter(\.$emailIndex == registration.emailIndex).filter(\.$role == Role.visitor.rawValue).first() {
            let profile = try await VisitorProfileModel.query(on: req.db).filter(\.$userID == member.id!).first() ?? VisitorProfileModel(userID: member.id!, updatedAt: now)
            profile.trainedOn = Day(event.startsAt, in: req.amparo.config.timeZone).description
            profile.updatedAt = now
            try await profile.save(on: req.db)
        }
        try await req.audit("event.attended", recordType: "event", recordID: event.id!.uuidString)
        return req.redirect(to: "/events/manage/\(event.id!.uuidString)")
    }

    private func registration(_ req: Request) async throws -> EventRegistrationModel? {
        try await req.linkedRecord(EventRegistrationModel.self, purpose: Self.cancelPurpose)
    }

    private func find(_ req: Request) async throws -> EventModel {
        try await req.record(EventModel.self, "eventID", missing: .events(.noEvents))
    }
}

/// The emails a registration gets, in the language it was made in.
enum EventMail {
    enum Kind { case confirmation, waitlist, promoted, reminder }

    static func send(_ kind: Kind, event: EventModel, registration: EventRegistrationModel, to email: String, services: AmparoServices, on db: any Database) async throws {
        let language = Language(rawValue: registration.language) ?? .es
        let title = language == .en ? event.titleEN : event.titleES
        let when = services.localTime.dateTime(event.startsAt)
        let cancel = "\(services.config.baseURL)/events/cancel/\(CapabilityToken.make(EventRoutes.cancelPurpose, id: registration.id!, key: services.linkKey))"
        let (subject, body): (EventsText, EventsText)
        switch kind {
        case .confirmation: (subject, body) = (.confirmSubject(title), .confirmBody(title: title, when: when, place: event.place, cancel: cancel))
        case .waitlist: (subject, body) = (.confirmSubject(title), .waitlistBody(title: title, cancel: cancel))
        case .promoted: (subject, body) = (.promotedSubject(title), .promotedBody(title: title, when: when, place: event.place))
        case .reminder: (subject, body) = (.reminderSubject(title), .reminderBody(title: title, when: when, place: event.place, cancel: cancel))
        }
        try await Notice.make(channel: .email, to: email, subject: Text.events(subject).in(language), body: Text.events(body).in(language),
                              purpose: "event.\(kind)", recordID: registration.id, services: services).create(on: db)
    }
}

/// Every minute: those with a seat at an event starting within a day get one reminder.
struct EventReminderWatch: Sendable {
    let services: AmparoServices
    let database: @Sendable () -> any Database

    @discardableResult
    func check() async throws -> Int {
        let db = database(), now = services.clock.now()
        let events = try await EventModel.query(on: db).filter(\.$startsAt > now).filter(\.$startsAt <= now.addingTimeInterval(86_400)).all()
        guard !events.isEmpty else { return 0 }
        let due = try await EventRegistrationModel.query(on: db).filter(\.$eventID ~~ events.compactMap(\.id))
            .filter(\.$status == RegistrationStatus.registered.rawValue).filter(\.$remindedAt == nil).all()
        let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.id!, $0) })
        for registration in due {
            guard let event = byID[registration.eventID] else { continue }
            let email = try services.sealer.open(registration.emailSealed, context: SealedColumn.registrationEmail.context(rowID: registration.id!))
            try await db.transaction { db in
                registration.remindedAt = now
                try await registration.save(on: db)
                try await EventMail.send(.reminder, event: event, registration: registration, to: email, services: services, on: db)
            }
        }
        if !due.isEmpty { services.delivery.wake() }
        return due.count
    }
}
