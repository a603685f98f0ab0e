import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// Trainings and events: public sign-up with seats and a waiting list, a cancel link that gives
/// the seat to the first in line, a reminder the day before; organizers publish events and mark
/// attendance, and an attended training marks a member trained for the role it prepares. The
/// pages and /api/v1/events serve the same values.
struct EventRoutes: RouteCollection {
    static let cancelPurpose = "event-cancel"

    let clock: any WallClock
    /// The organization's time zone, read as each form is taken (an admin may change it).
    let time: OrganizationTime
    private var timeZone: TimeZone { time.timeZone }
    let sealer: FieldSealer
    let linkKey: SymmetricKey
    let mail: EventMail
    /// Tells the outbox there is mail to send.
    let wakeDelivery: @Sendable () -> Void

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

        let api = routes.grouped("api", "v1", "events")
        api.get { try APIResource.json(try await upcomingPage($0), for: $0, cacheable: true) }.policy(.open)
        api.get(":eventID") { try APIResource.json(try await eventPage($0, try await find($0)), for: $0, cacheable: true) }.policy(.open)
        api.get("manage") { try APIResource.json(try await managePage($0), for: $0, cacheable: false) }.policy(.apiToken(.runCampaigns))
        api.get("manage", ":eventID") { try APIResource.json(try await registrationsPage($0), for: $0, cacheable: false) }.policy(.apiToken(.runCampaigns))
    }

    private func store(_ req: Request) -> EventsStore { EventsStore(req.db, sealer: sealer) }

    // MARK: Page values

    func upcomingPage(_ req: Request) async throws -> EventsPage {
        EventsPage(events: try await store(req).upcoming(from: clock.now(), limit: 100))
    }

    func eventPage(_ req: Request, _ event: Event, form: EventSignUpForm = .init(), refusal: FormRefusal<EventSignUpForm.Field>? = nil,
                   problem: EventPage.Problem? = nil, outcome: EventPage.Outcome? = nil) async throws -> EventPage {
        EventPage(event: event, seatsTaken: try await store(req).seatsTaken(event.id), now: clock.now(), form: form, refusal: refusal,
                  problem: problem, outcome: outcome)
    }

    func managePage(_ req: Request, form: NewEventForm = .init(), refusal: FormRefusal<NewEventForm.Field>? = nil) async throws -> EventsManagePage {
        EventsManagePage(events: try await store(req).all(limit: 200), form: form, refusal: refusal)
    }

    func registrationsPage(_ req: Request) async throws -> EventRegistrationsPage {
        let event = try await find(req)
        return EventRegistrationsPage(event: event, registrations: try await store(req).registrations(event.id))
    }

    // MARK: Public

    func upcoming(req: Request) async throws -> Response {
        htmlResponse(EventRenderer.render(try await upcomingPage(req), req.chrome))
    }

    func show(req: Request) async throws -> Response {
        htmlResponse(EventRenderer.render(try await eventPage(req, try await find(req)), req.chrome))
    }

    func register(req: Request) async throws -> Response {
        let event = try await find(req)
        let form = EventSignUpForm(fields: req.formValues)
        func answer(_ page: EventPage, status: HTTPResponseStatus = .ok) -> Response { htmlResponse(EventRenderer.render(page, req.chrome), status: status) }
        guard let slot = try await req.takePublicSlot("event") else {
            return answer(try await eventPage(req, event, form: form, problem: .tooMany), status: .tooManyRequests)
        }
        guard event.startsAt > clock.now() else {
            await slot.giveBack()
            return answer(try await eventPage(req, event, problem: .closed), status: .unprocessableEntity)
        }
        let person: EventSignUpForm.Valid
        switch form.validated(()) {
        case .failure(let refusal):
            await slot.giveBack()
            return answer(try await eventPage(req, event, form: form, refusal: refusal), status: .unprocessableEntity)
        case .success(let valid): person = valid
        }
        let store = store(req), language = req.language, mail = mail
        if let standing = try await store.standing(of: person.email, at: event.id) {
            // Signing up twice says the same and sends nothing more.
            return answer(try await eventPage(req, event, outcome: standing == .waitlisted ? .waitlisted : .registered))
        }
        let status = try await store.register(event, name: person.name, email: person.email, language: language, at: clock.now()) { id, status in
            try mail.notice(status == .registered ? .confirmation : .waitlist, event: event, registration: id, language: language, to: person.email)
        }
        wakeDelivery()
        return answer(try await eventPage(req, event, outcome: status == .registered ? .registered : .waitlisted))
    }

    func cancelPage(req: Request) async throws -> Response {
        guard let token = req.parameters.get("token"), try await linkedRegistration(req) != nil else {
            return htmlResponse(EventRenderer.cancelOutcome(.linkInvalid, req.chrome), status: .notFound)
        }
        return htmlResponse(EventRenderer.cancel(token: token, req.chrome))
    }

    /// Frees the seat; the first on the waiting list gets it and is told.
    func cancel(req: Request) async throws -> Response {
        let store = store(req), mail = mail
        guard let registration = try await linkedRegistration(req), let event = try await store.event(registration.eventID) else {
            return htmlResponse(EventRenderer.cancelOutcome(.linkInvalid, req.chrome), status: .notFound)
        }
        if registration.status != .cancelled {
            try await store.cancel(registration.id) { next in
                try mail.notice(.promoted, event: event, registration: next.id, language: next.language, to: next.email)
            }
            wakeDelivery()
        }
        return htmlResponse(EventRenderer.cancelOutcome(.cancelled, req.chrome))
    }

    // MARK: Organizers

    func manage(req: Request) async throws -> Response {
        htmlResponse(EventRenderer.render(try await managePage(req), req.chrome))
    }

    func create(req: Request) async throws -> Response {
        let form = NewEventForm(fields: req.formValues)
        switch form.validated(timeZone) {
        case .failure(let refusal):
            return htmlResponse(EventRenderer.render(try await managePage(req, form: form, refusal: refusal), req.chrome), status: .unprocessableEntity)
        case .success(let new):
            let id = try await store(req).create(kind: new.kind, title: new.title, description: new.description, startsAt: new.startsAt,
                                                 place: new.place, capacity: new.capacity, by: try req.member(), at: clock.now())
            try await req.audit("event.create", recordType: "event", recordID: id.rawValue.uuidString)
            return req.redirect(to: SiteURL.eventRegistrations(id).path)
        }
    }

    func registrations(req: Request) async throws -> Response {
        htmlResponse(EventRenderer.render(try await registrationsPage(req), req.chrome))
    }

    /// Attendance; for a training that prepares a role, the member with that email and role is
    /// marked trained (a visitor's training date is what lets them be sent on visits).
    func attended(req: Request) async throws -> Response {
        let event = try await find(req)
        guard let id = req.parameters.get("registrationID", as: UUID.self),
              try await store(req).markAttended(EventRegistrationID(id), at: event, on: Day(event.startsAt, in: timeZone), at: clock.now()) else {
            throw UserFacingError(status: .notFound, text: .events(.noRegistrations))
        }
        try await req.audit("event.attended", recordType: "event", recordID: event.id.rawValue.uuidString)
        return req.redirect(to: SiteURL.eventRegistrations(event.id).path)
    }

    private func linkedRegistration(_ req: Request) async throws -> RegistrationContact? {
        guard let id = req.linkedID(purpose: Self.cancelPurpose, key: linkKey) else { return nil }
        return try await store(req).registration(EventRegistrationID(id))
    }

    private func find(_ req: Request) async throws -> Event {
        try await req.record("eventID", missing: .events(.noEvents), find: store(req).event)
    }
}

/// The emails a registration gets, in the language it was made in.
struct EventMail: Sendable {
    enum Kind: String { case confirmation, waitlist, promoted, reminder }

    let services: AmparoServices

    func notice(_ kind: Kind, event: Event, registration: EventRegistrationID, language: Language, to email: String) throws -> NoticeModel {
        let title = event.title.in(language)
        let when = services.localTime.dateTime(event.startsAt)
        let cancel = services.config.baseURL
            + SiteURL.eventCancel(CapabilityToken.make(EventRoutes.cancelPurpose, id: registration.rawValue, key: services.linkKey)).path
        let (subject, body): (EventsText, EventsText)
        switch kind {
        case .confirmation: (subject, body) = (.confirmSubject(title), .confirmBody(title: title, when: when, place: event.place, cancel: cancel))
        case .waitlist: (subject, body) = (.confirmSubject(title), .waitlistBody(title: title, cancel: cancel))
        case .promoted: (subject, body) = (.promotedSubject(title), .promotedBody(title: title, when: when, place: event.place))
        case .reminder: (subject, body) = (.reminderSubject(title), .reminderBody(title: title, when: when, place: event.place, cancel: cancel))
        }
        return try Notice.make(channel: .email, to: email, subject: Text.events(subject).in(language), body: Text.events(body).in(language),
                               purpose: "event.\(kind.rawValue)", recordID: registration.rawValue, services: services)
    }
}
