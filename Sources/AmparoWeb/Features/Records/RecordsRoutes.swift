import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Public-records requests, MuckRock's way: each request's status, the deadlines its state's law
/// sets (stopped while the agency waits for us), messages both ways, documents received, and a
/// reminder when an agency misses a deadline.
struct RecordsRoutes: RouteCollection {
    static let maxDocument = 20 * 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        let records = routes.grouped("records")
        records.get(use: list).policy(.member(.workRecords))
        records.post(use: create).policy(.member(.workRecords))
        records.get(":requestID", use: show).policy(.member(.workRecords))
        records.post(":requestID", "status", use: changeStatus).policy(.member(.workRecords))
        records.post(":requestID", "messages", use: addMessage).policy(.member(.workRecords))
        records.on(.POST, ":requestID", "documents", body: .collect(maxSize: "21mb"), use: upload).policy(.member(.workRecords))
        records.get(":requestID", "documents", ":documentID", use: download).policy(.member(.workRecords))
    }

    func list(req: Request) async throws -> Response {
        try await RecordsViews.list(req, problem: nil)
    }

    func create(req: Request) async throws -> Response {
        let fields = (req.formFields ?? [:]).compactMapValues(\.first)
        guard let agency = try? FormText.field(fields, "agency", limit: 300), let subject = CaseNoteText.validate(fields["subject"]),
              let state = fields["state"].flatMap(RecordsLaw.law(for:))?.state, let via = fields["via"], RecordsText.channels.contains(via),
              let sent = fields["sentOn"].flatMap(Day.init), sent <= Day(req.amparo.clock.now(), in: req.amparo.config.timeZone) else {
            return try await RecordsViews.list(req, problem: .records(.errorRequest))
        }
        let request = RecordsRequestModel(stateCode: state, agency: agency, subject: subject, sentVia: via, sentOn: sent.description,
                                          createdBy: req.visitor.user!.id!, createdAt: req.amparo.clock.now())
        try await request.create(on: req.db)
        try await req.audit("records.create", recordType: "records_request", recordID: request.id!.uuidString)
        return req.redirect(to: "/records/\(request.id!.uuidString)")
    }

    func show(req: Request) async throws -> Response {
        try await RecordsViews.page(req, try await find(req), problem: nil)
    }

    /// A status change on a day; a fee notice or clarification request stops the clock from that
    /// day until the next change.
    func changeStatus(req: Request) async throws -> Response {
        let request = try await find(req)
        let fields = (req.formFields ?? [:]).compactMapValues(\.first)
        let fee = (fields["fees"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let current = RecordsStatus(rawValue: request.status), let next = fields["status"].flatMap(RecordsStatus.init(rawValue:)),
              current.next.contains(next), let day = fields["onDay"].flatMap(Day.init), day >= Day(request.sentOn)!,
              fee.isEmpty || Cents.parse(fee) != nil, let note = try? Optional(FormText.field(fields, "note", limit: 2000)) else {
            return try await RecordsViews.page(req, request, problem: .records(.errorStatus))
        }
        let event = RecordsEventModel(requestID: request.id!, kind: "status", onDay: day.description, authorID: req.visitor.user!.id!, createdAt: req.amparo.clock.now())
        event.status = next.rawValue
        event.bodySealed = try note.map { try req.amparo.sealer.seal($0, context: SealedColumn.recordsEventBody.context(rowID: event.id!)) }
        request.status = next.rawValue
        if !fee.isEmpty { request.feesCents = Cents.parse(fee) }
        if fields["extended"] == "yes" { request.extended = true }
        try await req.db.transaction { db in
            try await event.create(on: db)
            try await request.save(on: db)
        }
        try await req.audit("records.status.\(next.rawValue)", recordType: "records_request", recordID: request.id!.uuidString)
        return req.redirect(to: "/records/\(request.id!.uuidString)")
    }

    func addMessage(req: Request) async throws -> Response {
        let request = try await find(req)
        let fields = (req.formFields ?? [:]).compactMapValues(\.first)
        guard let body = CaseNoteText.validate(fields["body"]), let direction = fields["direction"], ["sent", "received"].contains(direction),
              let day = fields["onDay"].flatMap(Day.init) else {
            return try await RecordsViews.page(req, request, problem: .records(.errorMessage))
        }
        let event = RecordsEventModel(requestID: request.id!, kind: direction, onDay: day.description, authorID: req.visitor.user!.id!, createdAt: req.amparo.clock.now())
        event.bodySealed = try req.amparo.sealer.seal(body, context: SealedColumn.recordsEventBody.context(rowID: event.id!))
        try await event.create(on: req.db)
        try await req.audit("records.message", recordType: "records_request", recordID: request.id!.uuidString)
        return req.redirect(to: "/records/\(request.id!.uuidString)")
    }

    func upload(req: Request) async throws -> Response {
        let request = try await find(req)
        struct Upload: Content { var file: File?; var receivedOn: String? }
        guard let upload = try? req.content.decode(Upload.self), let file = upload.file, file.data.readableBytes > 0,
              file.data.readableBytes <= Self.maxDocument, let day = upload.receivedOn.flatMap(Day.init) else {
            return try await RecordsViews.page(req, request, problem: .records(.errorFile))
        }
        let name = String(file.filename.filter { !$0.isNewline && $0 != "\"" }.suffix(200))
        let document = RecordsDocumentModel(requestID: request.id!, fileName: name.isEmpty ? "document" : name,
                                            contentType: file.contentType?.serialize() ?? "application/octet-stream",
                                            bytes: Data(buffer: file.data), receivedOn: day.description, createdAt: req.amparo.clock.now())
        try await document.create(on: req.db)
        try await req.audit("records.document", recordType: "records_request", recordID: request.id!.uuidString)
        return req.redirect(to: "/records/\(request.id!.uuidString)")
    }

    /// Downloaded, never shown inline: a document from an agency is not trusted content.
    func download(req: Request) async throws -> Response {
        let request = try await find(req)
        guard let id = req.parameters.get("documentID", as: UUID.self), let document = try await RecordsDocumentModel.find(id, on: req.db),
              document.requestID == request.id else { throw UserFacingError(status: .notFound, text: .records(.noDocuments)) }
        let response = Response(status: .ok, body: .init(data: document.bytes))
        response.headers.contentType = .binary
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(document.fileName)\"")
        return response
    }

    private func find(_ req: Request) async throws -> RecordsRequestModel {
        try await req.record(RecordsRequestModel.self, "requestID", missing: .records(.noRequests))
    }
}

/// A request's clock from its history.
enum RecordsSchedule {
    /// The pauses: from each step to fee-asked or clarification-asked, until the next step.
    static func pauses(_ events: [RecordsEventModel]) -> [RecordsClock.Pause] {
        let steps = events.filter { $0.kind == "status" }.sorted { ($0.onDay, $0.createdAt) < ($1.onDay, $1.createdAt) }
        var pauses: [RecordsClock.Pause] = []
        for (index, step) in steps.enumerated() where step.status.flatMap(RecordsStatus.init(rawValue:))?.waitsForRequester == true {
            let resumed = steps.dropFirst(index + 1).first.flatMap { Day($0.onDay) }
            pauses.append(.init(from: Day(step.onDay)!, until: resumed))
        }
        return pauses
    }

    static func deadlines(_ request: RecordsRequestModel, events: [RecordsEventModel]) -> [RecordsClock.Deadline] {
        guard let law = RecordsLaw.law(for: request.stateCode), let sent = Day(request.sentOn) else { return [] }
        return RecordsClock(law: law).deadlines(sent: sent, pauses: pauses(events), extended: request.extended)
    }

    /// Whether the agency did, by the due day, what the deadline asks: any answer acknowledges; a
    /// written status (a message from the agency) or an answer on the records meets the others (a
    /// fee notice does not: it stops the clock).
    static func met(_ deadline: RecordsClock.Deadline, events: [RecordsEventModel]) -> Bool {
        guard let due = deadline.due, deadline.kind != .mayClose else { return false }
        let answers: Set<RecordsStatus> = deadline.kind == .acknowledge
            ? [.acknowledged, .processing, .fixNeeded, .paymentNeeded, .partial, .done, .rejected, .noDocuments]
            : [.partial, .done, .rejected, .noDocuments]
        return events.contains { event in
            guard let day = Day(event.onDay), day <= due else { return false }
            return event.kind == "received" || (event.kind == "status" && event.status.flatMap(RecordsStatus.init(rawValue:)).map(answers.contains) == true)
        }
    }
}
