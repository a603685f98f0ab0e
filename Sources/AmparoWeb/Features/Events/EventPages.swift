import AmparoDomain
import AmparoWebKit
import Foundation

/// /events: what is coming, soonest first (public).
struct EventsPage: Sendable, Equatable, Codable {
    let events: [Event]
}

/// /events/<id>: an event and its sign-up form (public).
struct EventPage: Sendable, Equatable, Codable {
    enum Outcome: String, Sendable, Equatable, Codable, CaseIterable { case registered, waitlisted }
    enum Problem: String, Sendable, Equatable, Codable, CaseIterable {
        /// Too many sign-ups from this connection.
        case tooMany
        /// The event has begun.
        case closed
    }

    let event: Event
    let seatsLeft: Int
    /// Whether sign-up is still open (the event has not begun).
    let open: Bool
    var form: EventSignUpForm
    var refusal: FormRefusal<EventSignUpForm.Field>?
    var problem: Problem?
    var outcome: Outcome?

    init(event: Event, seatsTaken: Int, now: Date, form: EventSignUpForm = .init(), refusal: FormRefusal<EventSignUpForm.Field>? = nil,
         problem: Problem? = nil, outcome: Outcome? = nil) {
        self.event = event
        seatsLeft = max(0, event.capacity - seatsTaken)
        open = event.startsAt > now
        self.form = form
        self.refusal = refusal
        self.problem = problem
        self.outcome = outcome
    }
}

/// /events/manage: every event, latest first, and the form for a new one (organizers).
struct EventsManagePage: Sendable, Equatable, Codable {
    let events: [Event]
    var form: NewEventForm
    var refusal: FormRefusal<NewEventForm.Field>?
}

/// /events/manage/<id>: who signed up and who came (organizers).
struct EventRegistrationsPage: Sendable, Equatable, Codable {
    let event: Event
    let registrations: [EventRegistration]
}

enum EventRenderer {
    private static func t(_ text: EventsText, _ l: Language) -> String { Text.events(text).in(l) }

    static func render(_ page: EventsPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let items: [HTML] = page.events.map { event in
            "<li><a href=\"\(SiteURL.event(event.id).path)\">\(event.title.in(l))</a> · \(t(.kind(event.kind), l)) · \(chrome.dateTime(event.startsAt)) · \(event.place)</li>"
        }
        let body: HTML = """
        <h1>\(t(.title, l))</h1><p>\(t(.intro, l))</p>
        \(items.isEmpty ? HTML("<p>\(t(.noEvents, l))</p>") : HTML("<ul id=\"events\">\(items)</ul>"))
        """
        return Layout.page(chrome, title: t(.title, l), body: body)
    }

    static func render(_ page: EventPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, event = page.event, form = page.form
        func error(_ field: EventSignUpForm.Field) -> String? { page.refusal?.contains(field) == true ? t(problem(field), l) : nil }
        var problems = page.refusal?.fields.map { t(problem($0), l) } ?? []
        switch page.problem {
        case .tooMany: problems.append(Text.alerts(.tooMany).in(l))
        case .closed: problems.append(t(.signUpClosed, l))
        case nil: break
        }
        let outcome: HTML = page.outcome.map { "<p class=\"notice\" role=\"status\">\(t($0 == .registered ? .registered : .waitlisted, l))</p>" } ?? .empty
        let signUp: HTML = page.open ? """
            <form method="post" action="\(SiteURL.event(event.id).path)">\(chrome.csrfField)
            \(Form.field("name", label: t(.name, l), value: form.name, error: error(.name), autocomplete: "name", extra: " maxlength=\"120\""))
            \(Form.field("email", label: t(.email, l), type: "email", value: form.email, hint: t(.emailHint, l), error: error(.email), autocomplete: "email", extra: " maxlength=\"254\""))
            <button type="submit">\(t(.register, l))</button></form>
            """ : page.problem == .closed ? .empty : "<p>\(t(.signUpClosed, l))</p>"
        let body: HTML = """
        <h1>\(event.title.in(l))</h1>
        \(Form.errorSummary(problems, language: l))
        \(outcome)
        <dl class="facts"><dt>\(t(.kindLabel, l))</dt><dd>\(t(.kind(event.kind), l))</dd>
        <dt>\(t(.when, l))</dt><dd>\(chrome.dateTime(event.startsAt))</dd><dt>\(t(.place, l))</dt><dd>\(event.place)</dd>
        <dt>\(t(.capacity, l))</dt><dd id="seats">\(page.seatsLeft > 0 ? t(.seatsLeft(page.seatsLeft), l) : t(.full, l))</dd></dl>
        \(event.description.in(l).isEmpty ? HTML.empty : HTML("<p class=\"note\">\(event.description.in(l))</p>"))
        \(signUp)
        """
        return Layout.page(chrome, title: event.title.in(l), body: body)
    }

    static func render(_ page: EventsManagePage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, form = page.form
        func error(_ field: NewEventForm.Field) -> String? { page.refusal?.contains(field) == true ? t(problem(field), l) : nil }
        let items: [HTML] = page.events.map { "<li><a href=\"\(SiteURL.eventRegistrations($0.id).path)\">\($0.title.in(l))</a> · \(chrome.dateTime($0.startsAt))</li>" }
        let kinds = EventKind.allCases.map { (value: $0.rawValue, label: t(.kind($0), l)) }
        let body: HTML = """
        <h1>\(t(.manageTitle, l))</h1>
        \(Form.errorSummary(page.refusal, language: l) { .events(problem($0)) })
        \(items.isEmpty ? HTML("<p>\(t(.noEvents, l))</p>") : HTML("<ul id=\"managed-events\">\(items)</ul>"))
        <h2>\(t(.newEvent, l))</h2>
        <form method="post" action="\(SiteURL.eventsManage.path)">\(chrome.csrfField)
        \(Form.select("kind", label: t(.kindLabel, l), options: kinds, selected: form.kind))
        \(Form.field("titleEN", label: t(.titleEN, l), value: form.titleEN, error: error(.titleEN), extra: " maxlength=\"200\" lang=\"en\""))
        \(Form.field("titleES", label: t(.titleES, l), value: form.titleES, error: error(.titleES), extra: " maxlength=\"200\" lang=\"es\""))
        \(Form.field("startsAt", label: t(.startsAt, l), type: "datetime-local", value: form.startsAt, error: error(.startsAt)))
        \(Form.field("place", label: t(.place, l), value: form.place, error: error(.place), extra: " maxlength=\"300\""))
        \(Form.field("capacity", label: t(.capacity, l), type: "number", value: form.capacity, error: error(.capacity), extra: " min=\"1\" max=\"10000\""))
        \(Form.textarea("descriptionEN", label: t(.descriptionEN, l), value: form.descriptionEN, hint: nil, error: error(.descriptionEN), maxLength: 2000, required: false))
        \(Form.textarea("descriptionES", label: t(.descriptionES, l), value: form.descriptionES, hint: nil, error: error(.descriptionES), maxLength: 2000, required: false))
        <button type="submit">\(t(.create, l))</button></form>
        """
        return Layout.page(chrome, title: t(.manageTitle, l), body: body)
    }

    static func render(_ page: EventRegistrationsPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, event = page.event
        let rows: [HTML] = page.registrations.map { registration in
            let action: HTML = registration.status == .registered || registration.status == .waitlisted
                ? "<form method=\"post\" action=\"\(SiteURL.eventAttended(event.id, registration.id).path)\" class=\"inline\">\(chrome.csrfField)<button type=\"submit\" class=\"secondary\">\(t(.markAttended, l))</button></form>"
                : .empty
            return "<tr><td data-label=\"\(t(.name, l))\">\(registration.name)</td><td data-label=\"\(Text.cases(.status).in(l))\">\(t(.status(registration.status), l))</td><td>\(action)</td></tr>"
        }
        let table: HTML = rows.isEmpty ? "<p>\(t(.noRegistrations, l))</p>" : """
            <table class="cards" id="registrations"><thead><tr><th scope="col">\(t(.name, l))</th><th scope="col">\(Text.cases(.status).in(l))</th>\
            <th scope="col"><span class="visually-hidden">\(t(.markAttended, l))</span></th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
        <h1>\(event.title.in(l))</h1>
        <p><a href="\(SiteURL.event(event.id).path)">\(t(.publicPage, l))</a></p>
        \(event.kind.trains.map { HTML("<p class=\"hint\">\(t(.trainedFor($0), l))</p>") })
        <h2>\(t(.registrations, l))</h2>
        \(table)
        """
        return Layout.page(chrome, title: event.title.in(l), body: body)
    }

    /// A cancel link's page: a button, so that a mail scanner following the link cancels nothing.
    static func cancel(token: String, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let body: HTML = """
        <h1>\(t(.cancelTitle, l))</h1>
        <form method="post" action="\(SiteURL.eventCancel(token).path)"><button type="submit" class="danger">\(t(.cancelButton, l))</button></form>
        """
        return Layout.page(chrome, title: t(.cancelTitle, l), body: body)
    }

    /// What became of a cancel link: cancelled, or not a link we made.
    static func cancelOutcome(_ text: EventsText, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        return Layout.page(chrome, title: t(.cancelTitle, l), body: "<h1>\(t(.cancelTitle, l))</h1><p>\(t(text, l))</p>")
    }

    static func problem(_ field: EventSignUpForm.Field) -> EventsText {
        switch field {
        case .name: .nameProblem
        case .email: .emailProblem
        }
    }

    static func problem(_ field: NewEventForm.Field) -> EventsText {
        switch field {
        case .kind: .kindProblem
        case .titleEN: .titleENProblem
        case .titleES: .titleESProblem
        case .startsAt: .startsAtProblem
        case .place: .placeProblem
        case .capacity: .capacityProblem
        case .descriptionEN, .descriptionES: .descriptionProblem
        }
    }
}
