import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

enum RecordsViews {
    private static func t(_ text: RecordsText, _ req: Request) -> String { Text.records(text).in(req.language) }

    static func list(_ req: Request, problem: Text?) async throws -> Response {
        let l = req.language
        let requests = try await RecordsRequestModel.query(on: req.db).sort(\.$createdAt, .descending).limit(500).all()
        let events = try await RecordsEventModel.query(on: req.db).filter(\.$requestID ~~ requests.compactMap(\.id)).filter(\.$kind == "status").all()
        let byRequest = Dictionary(grouping: events, by: \.requestID)
        let today = Day(req.amparo.clock.now(), in: req.amparo.config.timeZone)
        let rows: [HTML] = requests.map { request in
            let status = RecordsStatus(rawValue: request.status) ?? .submitted
            let history = byRequest[request.id!] ?? []
            let unmet = RecordsSchedule.deadlines(request, events: history).first { $0.kind != .mayClose && !RecordsSchedule.met($0, events: history) }
            let due: HTML
            switch (status.isClosed, unmet) {
            case (true, _): due = "\(t(.closed, req))"
            case (false, nil): due = "—"
            case (false, let deadline?):
                if let day = deadline.due {
                    due = day < today ? "\(day.description) · <strong>\(t(.overdue, req))</strong>" : "\(day.description)"
                } else {
                    due = "\(t(.paused, req))"
                }
            }
            return """
            <tr><td data-label="\(t(.agency, req))"><a href="/records/\(request.id!.uuidString)">\(request.agency)</a></td>
            <td data-label="\(t(.subject, req))">\(String(request.subject.prefix(120)))</td><td data-label="\(t(.statusLabel, req))">\(t(.status(status), req))</td>
            <td data-label="\(t(.nextDue, req))">\(due)</td></tr>
            """
        }
        let states = RecordsLaw.all.map { (value: $0.state, label: USState.find($0.state)?.name ?? $0.state) }
        let channels = RecordsText.channels.map { (value: $0, label: t(.via($0), req)) }
        let body: HTML = """
        <h1>\(t(.listTitle, req))</h1><p>\(t(.listIntro, req))</p>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(requests.isEmpty ? HTML("<p>\(t(.noRequests, req))</p>") : HTML("<table class=\"cards\" id=\"requests\"><thead><tr><th scope=\"col\">\(t(.agency, req))</th><th scope=\"col\">\(t(.subject, req))</th><th scope=\"col\">\(t(.statusLabel, req))</th><th scope=\"col\">\(t(.nextDue, req))</th></tr></thead><tbody>\(rows)</tbody></table>"))
        <h2>\(t(.newRequest, req))</h2>
        <form method="post" action="/records">\(Layout.csrfField(req.visitor))
        \(Form.field("agency", label: t(.agency, req), extra: " maxlength=\"300\""))
        \(Form.textarea("subject", label: t(.subject, req), value: "", hint: t(.subjectHint, req), error: nil, maxLength: 4000))
        \(Form.select("state", label: t(.state, req), options: states, selected: "OR"))
        \(Form.select("via", label: t(.sentVia, req), options: channels, selected: "email"))
        \(Form.field("sentOn", label: t(.sentOn, req), type: "date"))
        <button type="submit">\(t(.create, req))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.listTitle, req), body: body), status: problem == nil ? .ok : .unprocessableEntity)
    }

    static func page(_ req: Request, _ request: RecordsRequestModel, problem: Text?) async throws -> Response {
        let l = req.language, csrf = Layout.csrfField(req.visitor), id = request.id!.uuidString
        let events = try await RecordsEventModel.query(on: req.db).filter(\.$requestID == request.id!).sort(\.$onDay).sort(\.$createdAt).all()
        let documents = try await RecordsDocumentModel.query(on: req.db).filter(\.$requestID == request.id!).field(\.$id).field(\.$fileName)
            .field(\.$size).field(\.$receivedOn).field(\.$requestID).field(\.$contentType).field(\.$createdAt).sort(\.$receivedOn).all()
        let status = RecordsStatus(rawValue: request.status) ?? .submitted
        let today = Day(req.amparo.clock.now(), in: req.amparo.config.timeZone)
        let law = RecordsLaw.law(for: request.stateCode)
        let deadlines: [HTML] = RecordsSchedule.deadlines(request, events: events).map { deadline in
            let met = RecordsSchedule.met(deadline, events: events)
            let due: HTML = deadline.due.map { day in
                met ? HTML("\(t(.due(day.description), req)) · \(t(.met, req))")
                    : day < today && !status.isClosed && deadline.kind != .mayClose ? HTML("\(t(.due(day.description), req)) · <strong>\(t(.overdue, req))</strong>") : HTML("\(t(.due(day.description), req))")
            } ?? HTML("\(t(.paused, req))")
            return "<li><strong>\(t(.deadline(deadline.kind), req))</strong>: <span class=\"due\">\(due)</span> <span class=\"hint\">(\(deadline.citation))</span></li>"
        }
        let names = try await UserModel.query(on: req.db).filter(\.$id ~~ Set(events.map(\.authorID))).all()
        let who = Dictionary(uniqueKeysWithValues: names.map { ($0.id!, req.accounts.name(of: $0)) })
        let history: [HTML] = events.map { event in
            let body = event.bodySealed.flatMap { try? req.amparo.sealer.open($0, context: SealedColumn.recordsEventBody.context(rowID: event.id!)) }
            let what: String
            switch event.kind {
            case "status": what = event.status.flatMap(RecordsStatus.init(rawValue:)).map { t(.status($0), req) } ?? "—"
            case "sent": what = t(.messageOut, req)
            default: what = t(.messageIn, req)
            }
            return "<li><strong>\(event.onDay)</strong> · \(what) <span class=\"hint\">(\(who[event.authorID] ?? "—"))</span>\(body.map { HTML("<p class=\"note\">\($0)</p>") })</li>"
        }
        let docs: [HTML] = documents.map { "<li><a href=\"/records/\(id)/documents/\($0.id!.uuidString)\">\($0.fileName)</a> · \($0.receivedOn) · \($0.size / 1024) KB</li>" }
        let nextSteps = status.next.map { (value: $0.rawValue, label: t(.status($0), req)) }
        let body: HTML = """
        <h1>\(t(.requestTitle, req)): \(request.agency)</h1>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        <p class="note">\(request.subject)</p>
        <p>\(t(.statusLabel, req)): <strong id="request-status">\(t(.status(status), req))</strong> · \(t(.sentOn, req)) \(request.sentOn) · \(t(.via(request.sentVia), req))\
        \(request.feesCents.map { HTML(" · \(t(.fees, req)): \(Cents.format($0))") })</p>
        <h2>\(t(.deadlines, req))</h2>
        <ul id="deadlines">\(deadlines)</ul>
        \(law.map { HTML("<p class=\"hint\">\(t(.law(name: $0.name, verified: $0.verifiedOn.description), req)) \($0.holidays.citation).</p>") })
        \(nextSteps.isEmpty ? HTML.empty : HTML("""
        <h2>\(t(.changeStatus, req))</h2>
        <form method="post" action="/records/\(id)/status">\(csrf)
        \(Form.select("status", label: t(.statusLabel, req), options: nextSteps, selected: nil))
        \(Form.field("onDay", label: t(.onDay, req), type: "date", value: today.description))
        \(Form.field("fees", label: t(.fees, req), required: false, extra: " maxlength=\"20\" inputmode=\"decimal\""))
        <div class="check"><input type="checkbox" id="extended" name="extended" value="yes"\(request.extended ? HTML(" checked") : .empty)><label for="extended">\(t(.extended, req))</label></div>
        \(Form.field("note", label: t(.note, req), required: false, extra: " maxlength=\"2000\""))
        <button type="submit">\(t(.saveStatus, req))</button></form>
        """))
        <h2>\(t(.history, req))</h2><ol id="history">\(history)</ol>
        <details><summary>\(t(.addMessage, req))</summary><form method="post" action="/records/\(id)/messages">\(csrf)
        \(Form.select("direction", label: t(.message, req), options: [("received", t(.messageIn, req)), ("sent", t(.messageOut, req))], selected: "received"))
        <div class="field"><label for="message-on">\(t(.onDay, req))</label><input id="message-on" name="onDay" type="date" value="\(today.description)" required></div>
        \(Form.textarea("body", label: t(.message, req), value: "", hint: nil, error: nil, maxLength: 4000))
        <button type="submit">\(t(.addMessage, req))</button></form></details>
        <h2>\(t(.documents, req))</h2>\(docs.isEmpty ? HTML("<p>\(t(.noDocuments, req))</p>") : HTML("<ul id=\"documents\">\(docs)</ul>"))
        <details><summary>\(t(.upload, req))</summary><form method="post" action="/records/\(id)/documents" enctype="multipart/form-data">\(csrf)
        <div class="field"><label for="document-file">\(t(.file, req))</label><input id="document-file" name="file" type="file" required></div>
        \(Form.field("receivedOn", label: t(.onDay, req), type: "date", value: today.description))
        <button type="submit">\(t(.upload, req))</button></form></details>
        """
        return htmlResponse(Layout.page(req, title: t(.requestTitle, req), body: body), status: problem == nil ? .ok : .unprocessableEntity)
    }
}
