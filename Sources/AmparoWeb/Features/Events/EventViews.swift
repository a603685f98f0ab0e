import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

enum EventViews {
    private static func t(_ text: EventsText, _ req: Request) -> String { Text.events(text).in(req.language) }
    private static func title(_ event: EventModel, _ req: Request) -> String { req.language == .en ? event.titleEN : event.titleES }

    static func upcoming(_ req: Request, _ events: [EventModel]) -> Response {
        let time = req.amparo.localTime
        let items: [HTML] = events.map { event in
            let kind = EventKind(rawValue: event.kind).map { t(.kind($0), req) } ?? event.kind
            return "<li><a href=\"/events/\(event.id!.uuidString)\">\(title(event, req))</a> · \(kind) · \(time.dateTime(event.startsAt)) · \(event.place)</li>"
        }
        let body: HTML = """
        <h1>\(t(.title, req))</h1><p>\(t(.intro, req))</p>
        \(items.isEmpty ? HTML("<p>\(t(.noEvents, req))</p>") : HTML("<ul id=\"events\">\(items)</ul>"))
        """
        return htmlResponse(Layout.page(req, title: t(.title, req), body: body), status: .ok)
    }

    static func page(_ req: Request, _ event: EventModel, notice: Text?, problem: Text?) async throws -> Response {
        let l = req.language, time = req.amparo.localTime
        let taken = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == event.id!)
            .filter(\.$status ~~ [RegistrationStatus.registered.rawValue, RegistrationStatus.attended.rawValue]).count()
        let left = max(0, event.capacity - taken)
        let description = l == .en ? event.descriptionEN : event.descriptionES
        let body: HTML = """
        <h1>\(title(event, req))</h1>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(notice.map { HTML("<p class=\"notice\" role=\"status\">\($0.in(l))</p>") })
        <dl class="facts"><dt>\(t(.kindLabel, req))</dt><dd>\(EventKind(rawValue: event.kind).map { t(.kind($0), req) } ?? event.kind)</dd>
        <dt>\(t(.when, req))</dt><dd>\(time.dateTime(event.startsAt))</dd><dt>\(t(.place, req))</dt><dd>\(event.place)</dd>
        <dt>\(t(.capacity, req))</dt><dd id="seats">\(left > 0 ? t(.seatsLeft(left), req) : t(.full, req))</dd></dl>
        \(description.map { HTML("<p class=\"note\">\($0)</p>") })
        <form method="post" action="/events/\(event.id!.uuidString)">\(Layout.csrfField(req.visitor))
        \(Form.field("name", label: t(.name, req), autocomplete: "name", extra: " maxlength=\"120\""))
        \(Form.field("email", label: t(.email, req), type: "email", hint: t(.emailHint, req), autocomplete: "email", extra: " maxlength=\"254\""))
        <button type="submit">\(t(.register, req))</button></form>
        """
        return htmlResponse(Layout.page(req, title: title(event, req), body: body), status: problem == nil ? .ok : .unprocessableEntity)
    }

    static func cancelPage(_ req: Request, token: String) -> Response {
        let body: HTML = """
        <h1>\(t(.cancelTitle, req))</h1>
        <form method="post" action="/events/cancel/\(token)"><button type="submit" class="danger">\(t(.cancelButton, req))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.cancelTitle, req), body: body), status: .ok)
    }

    static func message(_ req: Request, _ text: Text, status: HTTPResponseStatus) -> Response {
        htmlResponse(Layout.page(req, title: t(.cancelTitle, req), body: "<h1>\(t(.cancelTitle, req))</h1><p>\(text.in(req.language))</p>"), status: status)
    }

    static func manage(_ req: Request, problem: Text?) async throws -> Response {
        let l = req.language, time = req.amparo.localTime
        let events = try await EventModel.query(on: req.db).sort(\.$startsAt, .descending).limit(200).all()
        let items: [HTML] = events.map { "<li><a href=\"/events/manage/\($0.id!.uuidString)\">\(title($0, req))</a> · \(time.dateTime($0.startsAt))</li>" }
        let kinds = EventKind.allCases.map { (value: $0.rawValue, label: t(.kind($0), req)) }
        let body: HTML = """
        <h1>\(t(.manageTitle, req))</h1>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(items.isEmpty ? HTML("<p>\(t(.noEvents, req))</p>") : HTML("<ul id=\"managed-events\">\(items)</ul>"))
        <h2>\(t(.newEvent, req))</h2>
        <form method="post" action="/events/manage">\(Layout.csrfField(req.visitor))
        \(Form.select("kind", label: t(.kindLabel, req), options: kinds, selected: nil))
        \(Form.field("titleEN", label: t(.titleEN, req), extra: " maxlength=\"200\" lang=\"en\""))
        \(Form.field("titleES", label: t(.titleES, req), extra: " maxlength=\"200\" lang=\"es\""))
        \(Form.field("startsAt", label: t(.startsAt, req), type: "datetime-local"))
        \(Form.field("place", label: t(.place, req), extra: " maxlength=\"300\""))
        \(Form.field("capacity", label: t(.capacity, req), type: "number", extra: " min=\"1\" max=\"10000\""))
        \(Form.textarea("descriptionEN", label: t(.descriptionEN, req), value: "", hint: nil, error: nil, maxLength: 2000, required: false))
        \(Form.textarea("descriptionES", label: t(.descriptionES, req), value: "", hint: nil, error: nil, maxLength: 2000, required: false))
        <button type="submit">\(t(.create, req))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.manageTitle, req), body: body), status: problem == nil ? .ok : .unprocessableEntity)
    }

    static func registrations(_ req: Request, _ event: EventModel) async throws -> Response {
        let sealer = req.amparo.sealer, csrf = Layout.csrfField(req.visitor), id = event.id!.uuidString
        let registrations = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == event.id!).sort(\.$registeredAt).all()
        let rows: [HTML] = registrations.map { registration in
            let name = (try? sealer.open(registration.nameSealed, context: SealedColumn.registrationName.context(rowID: registration.id!))) ?? "—"
            let status = RegistrationStatus(rawValue: registration.status) ?? .registered
            let action: HTML = status == .registered || status == .waitlisted
                ? "<form method=\"post\" action=\"/events/manage/\(id)/attended/\(registration.id!.uuidString)\" class=\"inline\">\(csrf)<button type=\"submit\" class=\"secondary\">\(t(.markAttended, req))</button></form>"
                : .empty
            return "<tr><td data-label=\"\(t(.name, req))\">\(name)</td><td data-label=\"\(Text.cases(.status).in(req.language))\">\(t(.status(status), req))</td><td>\(action)</td></tr>"
        }
        let trains = EventKind(rawValue: event.kind)?.trains
        let body: HTML = """
        <h1>\(title(event, req))</h1>
        <p><a href="/events/\(id)">\(t(.publicPage, req))</a></p>
        \(trains.map { HTML("<p class=\"hint\">\(t(.trainedFor($0.rawValue), req))</p>") })
        <h2>\(t(.registrations, req))</h2>
        \(rows.isEmpty ? HTML("<p>\(t(.noRegistrations, req))</p>") : HTML("<table class=\"cards\" id=\"registrations\"><thead><tr><th scope=\"col\">\(t(.name, req))</th><th scope=\"col\">\(Text.cases(.status).in(req.language))</th><th scope=\"col\"><span class=\"visually-hidden\">\(t(.markAttended, req))</span></th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return htmlResponse(Layout.page(req, title: title(event, req), body: body), status: .ok)
    }
}
