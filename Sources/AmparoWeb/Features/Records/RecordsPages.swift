import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /records: every request with where it stands and the next day the law gives the agency, and the
/// form for a new one (keeping what was typed when refused).
struct RecordsListPage: Sendable, Equatable, Codable {
    /// Where a request stands against the next deadline its law gives the agency.
    enum Standing: String, Sendable, Equatable, Codable, CaseIterable {
        case closed
        /// Every deadline met.
        case met
        /// The clock is stopped: the agency waits for the requester.
        case paused
        case due, overdue
    }

    struct Row: Sendable, Equatable, Codable {
        let id: RecordsRequestID
        let agency: String
        let subject: String
        let status: RecordsStatus
        let standing: Standing
        /// The next deadline's day, when one is running.
        let nextDue: Day?
    }

    let requests: [Row]
    var form: NewRecordsRequestForm
    var refusal: FormRefusal<NewRecordsRequestForm.Field>?

    init(requests: [(request: RecordsRequest, steps: [RecordsEvent])], today: Day, form: NewRecordsRequestForm = .init(),
         refusal: FormRefusal<NewRecordsRequestForm.Field>? = nil) {
        self.requests = requests.map { request, steps in
            let unmet = RecordsSchedule.deadlines(request, events: steps).first { $0.kind != .mayClose && !RecordsSchedule.met($0, events: steps) }
            let standing: Standing
            switch (request.status.isClosed, unmet?.due) {
            case (true, _): standing = .closed
            case (false, nil): standing = unmet == nil ? .met : .paused
            case (false, let due?): standing = due < today ? .overdue : .due
            }
            return Row(id: request.id, agency: request.agency, subject: request.subject, status: request.status, standing: standing,
                       nextDue: standing == .closed ? nil : unmet?.due)
        }
        self.form = form
        self.refusal = refusal
    }
}

/// /records/<id>: a request, its deadlines under its state's law, what happened, the documents
/// received, and the forms for the next step, a message and a document.
struct RecordsRequestPage: Sendable, Equatable, Codable {
    struct Summary: Sendable, Equatable, Codable {
        let id: RecordsRequestID
        let state: String
        let agency: String
        let subject: String
        let sentVia: RecordsChannel
        let sentOn: Day
        let status: RecordsStatus
        let extended: Bool
        let feesCents: Int?
    }

    struct Deadline: Sendable, Equatable, Codable {
        enum Standing: String, Sendable, Equatable, Codable, CaseIterable { case met, overdue, pending, paused }
        let kind: DeadlineKind
        /// Nil while the clock is stopped.
        let due: Day?
        let citation: String
        let standing: Standing
    }

    struct Law: Sendable, Equatable, Codable {
        let name: String
        let verifiedOn: Day
        let holidays: String
    }

    struct Step: Sendable, Equatable, Codable {
        enum Kind: String, Sendable, Equatable, Codable, CaseIterable { case status, sent, received }
        let kind: Kind
        /// For a status change, the status.
        let status: RecordsStatus?
        let onDay: Day
        let body: String?
        let author: String
    }

    /// Which form came back refused.
    enum Refused: Sendable, Equatable, Codable {
        case status(FormRefusal<RecordsStatusForm.Field>)
        case message(FormRefusal<RecordsMessageForm.Field>)
        case document
    }

    let request: Summary
    let deadlines: [Deadline]
    let law: Law?
    let history: [Step]
    let documents: [RecordsDocumentLine]
    /// The steps that may follow from where the request stands.
    let nextSteps: [RecordsStatus]
    /// The organization's today: what the date fields start at.
    let today: Day
    var statusForm: RecordsStatusForm
    var messageForm: RecordsMessageForm
    var refused: Refused?

    init(request: RecordsRequest, history: [RecordsEvent], names: [UserID: String], documents: [RecordsDocumentLine], today: Day,
         statusForm: RecordsStatusForm? = nil, messageForm: RecordsMessageForm? = nil, refused: Refused? = nil) {
        self.request = Summary(id: request.id, state: request.state, agency: request.agency, subject: request.subject, sentVia: request.sentVia,
                               sentOn: request.sentOn, status: request.status, extended: request.extended, feesCents: request.feesCents)
        deadlines = RecordsSchedule.deadlines(request, events: history).map { deadline in
            let standing: Deadline.Standing
            if let due = deadline.due {
                standing = RecordsSchedule.met(deadline, events: history) ? .met
                    : due < today && !request.status.isClosed && deadline.kind != .mayClose ? .overdue : .pending
            } else {
                standing = .paused
            }
            return Deadline(kind: deadline.kind, due: deadline.due, citation: deadline.citation, standing: standing)
        }
        law = RecordsLaw.law(for: request.state).map { Law(name: $0.name, verifiedOn: $0.verifiedOn, holidays: $0.holidays.citation) }
        self.history = history.map { event in
            let kind: Step.Kind
            switch event.kind {
            case .status: kind = .status
            case .sent: kind = .sent
            case .received: kind = .received
            }
            return Step(kind: kind, status: event.status, onDay: event.onDay, body: event.body, author: names[event.authorID] ?? "—")
        }
        self.documents = documents
        nextSteps = request.status.next
        self.today = today
        self.statusForm = statusForm ?? RecordsStatusForm(onDay: today)
        self.messageForm = messageForm ?? RecordsMessageForm(onDay: today)
        self.refused = refused
    }
}

enum RecordsRenderer {
    private static func t(_ text: RecordsText, _ l: Language) -> String { Text.records(text).in(l) }

    static func render(_ page: RecordsListPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let rows: [HTML] = page.requests.map { row in
            let due: HTML
            switch (row.standing, row.nextDue) {
            case (.closed, _): due = "\(t(.closed, l))"
            case (.paused, _): due = "\(t(.paused, l))"
            case (.overdue, let day?): due = "\(day.description) · <strong>\(t(.overdue, l))</strong>"
            case (.due, let day?): due = "\(day.description)"
            default: due = "—"
            }
            return """
            <tr><td data-label="\(t(.agency, l))"><a href="\(SiteURL.recordsRequest(row.id).path)">\(row.agency)</a></td>
            <td data-label="\(t(.subject, l))">\(String(row.subject.prefix(120)))</td><td data-label="\(t(.statusLabel, l))">\(t(.status(row.status), l))</td>
            <td data-label="\(t(.nextDue, l))">\(due)</td></tr>
            """
        }
        let form = page.form, refusal = page.refusal
        func error(_ field: NewRecordsRequestForm.Field) -> String? { refusal?.contains(field) == true ? t(problem(field), l) : nil }
        let states = RecordsLaw.all.map { (value: $0.state, label: USState.find($0.state)?.name ?? $0.state) }
        let channels = RecordsChannel.allCases.map { (value: $0.rawValue, label: t(.via($0), l)) }
        let table: HTML = page.requests.isEmpty ? "<p>\(t(.noRequests, l))</p>" : """
            <table class="cards" id="requests"><thead><tr><th scope="col">\(t(.agency, l))</th><th scope="col">\(t(.subject, l))</th>\
            <th scope="col">\(t(.statusLabel, l))</th><th scope="col">\(t(.nextDue, l))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
        <h1>\(t(.listTitle, l))</h1><p>\(t(.listIntro, l))</p>
        \(Form.errorSummary(refusal, language: l) { .records(problem($0)) })
        \(table)
        <h2>\(t(.newRequest, l))</h2>
        <form method="post" action="\(SiteURL.records.path)">\(chrome.csrfField)
        \(Form.field("agency", label: t(.agency, l), value: form.agency, error: error(.agency), extra: " maxlength=\"300\""))
        \(Form.textarea("subject", label: t(.subject, l), value: form.subject, hint: t(.subjectHint, l), error: error(.subject), maxLength: 4000))
        \(Form.select("state", label: t(.state, l), options: states, selected: form.state))
        \(Form.select("via", label: t(.sentVia, l), options: channels, selected: form.via))
        \(Form.field("sentOn", label: t(.sentOn, l), type: "date", value: form.sentOn, error: error(.sentOn)))
        <button type="submit">\(t(.create, l))</button></form>
        """
        return Layout.page(chrome, title: t(.listTitle, l), body: body)
    }

    static func render(_ page: RecordsRequestPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, request = page.request, id = request.id
        let deadlines: [HTML] = page.deadlines.map { deadline in
            let due: HTML = deadline.due.map { day in
                switch deadline.standing {
                case .met: "\(t(.due(day.description), l)) · \(t(.met, l))"
                case .overdue: "\(t(.due(day.description), l)) · <strong>\(t(.overdue, l))</strong>"
                case .pending, .paused: "\(t(.due(day.description), l))"
                }
            } ?? "\(t(.paused, l))"
            return "<li><strong>\(t(.deadline(deadline.kind), l))</strong>: <span class=\"due\">\(due)</span> <span class=\"hint\">(\(deadline.citation))</span></li>"
        }
        let history: [HTML] = page.history.map { step in
            let what: String
            switch step.kind {
            case .status: what = step.status.map { t(.status($0), l) } ?? "—"
            case .sent: what = t(.messageOut, l)
            case .received: what = t(.messageIn, l)
            }
            return "<li><strong>\(step.onDay.description)</strong> · \(what) <span class=\"hint\">(\(step.author))</span>\(step.body.map { HTML("<p class=\"note\">\($0)</p>") })</li>"
        }
        let documents: [HTML] = page.documents.map {
            "<li><a href=\"\(SiteURL.recordsDocument(id, $0.id).path)\">\($0.fileName)</a> · \($0.receivedOn.description) · \($0.size / 1024) KB</li>"
        }
        var summary: HTML = .empty
        switch page.refused {
        case .status(let refusal): summary = Form.errorSummary(refusal, language: l) { .records(statusProblem($0)) }
        case .message(let refusal): summary = Form.errorSummary(refusal, language: l) { .records(messageProblem($0)) }
        case .document: summary = Form.errorSummary([t(.errorFile, l)], language: l)
        case nil: break
        }
        let body: HTML = """
        <h1>\(t(.requestTitle, l)): \(request.agency)</h1>
        \(summary)
        <p class="note">\(request.subject)</p>
        <p>\(t(.statusLabel, l)): <strong id="request-status">\(t(.status(request.status), l))</strong> · \(t(.sentOn, l)) \(request.sentOn.description) · \(t(.via(request.sentVia), l))\
        \(request.feesCents.map { HTML(" · \(t(.fees, l)): \(Cents.format($0))") })</p>
        <h2>\(t(.deadlines, l))</h2>
        <ul id="deadlines">\(deadlines)</ul>
        \(page.law.map { HTML("<p class=\"hint\">\(t(.law(name: $0.name, verified: $0.verifiedOn.description), l)) \($0.holidays).</p>") })
        \(statusForm(page, chrome))
        <h2>\(t(.history, l))</h2><ol id="history">\(history)</ol>
        \(messageForm(page, chrome))
        <h2>\(t(.documents, l))</h2>\(documents.isEmpty ? HTML("<p>\(t(.noDocuments, l))</p>") : HTML("<ul id=\"documents\">\(documents)</ul>"))
        <details\(page.refused == .document ? HTML(" open") : .empty)><summary>\(t(.upload, l))</summary>\
        <form method="post" action="\(chrome.uploadAction(SiteURL.recordsDocuments(id).path))" enctype="multipart/form-data">
        <div class="field"><label for="document-file">\(t(.file, l))</label><input id="document-file" name="file" type="file" required></div>
        \(Form.field("receivedOn", label: t(.onDay, l), type: "date", value: page.today.description))
        <button type="submit">\(t(.upload, l))</button></form></details>
        """
        return Layout.page(chrome, title: t(.requestTitle, l), body: body)
    }

    private static func statusForm(_ page: RecordsRequestPage, _ chrome: Chrome) -> HTML {
        guard !page.nextSteps.isEmpty else { return .empty }
        let l = chrome.language, form = page.statusForm
        var refusal: FormRefusal<RecordsStatusForm.Field>?
        if case .status(let refused) = page.refused { refusal = refused }
        func error(_ field: RecordsStatusForm.Field) -> String? { refusal?.contains(field) == true ? t(statusProblem(field), l) : nil }
        let steps = page.nextSteps.map { (value: $0.rawValue, label: t(.status($0), l)) }
        return """
        <h2>\(t(.changeStatus, l))</h2>
        <form method="post" action="\(SiteURL.recordsStatus(page.request.id).path)">\(chrome.csrfField)
        \(Form.select("status", label: t(.statusLabel, l), options: steps, selected: form.status))
        \(Form.field("onDay", label: t(.onDay, l), type: "date", value: form.onDay, error: error(.onDay)))
        \(Form.field("fees", label: t(.fees, l), value: form.fees, error: error(.fees), required: false, extra: " maxlength=\"20\" inputmode=\"decimal\""))
        <div class="check"><input type="checkbox" id="extended" name="extended" value="yes"\(page.request.extended || form.extended ? HTML(" checked") : .empty)>\
        <label for="extended">\(t(.extended, l))</label></div>
        \(Form.field("note", label: t(.note, l), value: form.note, error: error(.note), required: false, extra: " maxlength=\"2000\""))
        <button type="submit">\(t(.saveStatus, l))</button></form>
        """
    }

    private static func messageForm(_ page: RecordsRequestPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, form = page.messageForm
        var refusal: FormRefusal<RecordsMessageForm.Field>?
        if case .message(let refused) = page.refused { refusal = refused }
        func error(_ field: RecordsMessageForm.Field) -> String? { refusal?.contains(field) == true ? t(messageProblem(field), l) : nil }
        return """
        <details\(refusal == nil ? HTML.empty : HTML(" open"))><summary>\(t(.addMessage, l))</summary>\
        <form method="post" action="\(SiteURL.recordsMessages(page.request.id).path)">\(chrome.csrfField)
        \(Form.select("direction", label: t(.message, l), options: [("received", t(.messageIn, l)), ("sent", t(.messageOut, l))], selected: form.direction))
        <div class="field"><label for="message-on">\(t(.onDay, l))</label><input id="message-on" name="onDay" type="date" value="\(form.onDay)" required></div>
        \(Form.textarea("body", label: t(.message, l), value: form.body, hint: nil, error: error(.body), maxLength: 4000))
        <button type="submit">\(t(.addMessage, l))</button></form></details>
        """
    }

    static func problem(_ field: NewRecordsRequestForm.Field) -> RecordsText {
        switch field {
        case .agency: .agencyProblem
        case .subject: .subjectProblem
        case .state: .stateProblem
        case .via: .viaProblem
        case .sentOn: .sentOnProblem
        }
    }

    static func statusProblem(_ field: RecordsStatusForm.Field) -> RecordsText {
        switch field {
        case .status: .stepProblem
        case .onDay: .dayProblem
        case .fees: .feesProblem
        case .note: .noteProblem
        }
    }

    static func messageProblem(_ field: RecordsMessageForm.Field) -> RecordsText {
        switch field {
        case .direction: .directionProblem
        case .onDay: .dayProblem
        case .body: .bodyProblem
        }
    }
}
