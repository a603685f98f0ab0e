import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// Public-records requests, MuckRock's way: each request's status, the deadlines its state's law
/// sets (stopped while the agency waits for us), messages both ways, documents received, and a
/// reminder when an agency misses a deadline. The pages and /api/v1/records serve the same values.
struct RecordsRoutes: RouteCollection {
    static let maxDocument = 20 * 1024 * 1024
    /// The list shows the newest requests up to this many.
    static let listLimit = 500

    let clock: any WallClock
    /// The organization's time zone, read as each form is taken (an admin may change it).
    let time: OrganizationTime
    private var timeZone: TimeZone { time.timeZone }
    let sealer: FieldSealer

    func boot(routes: any RoutesBuilder) throws {
        let records = routes.grouped("records")
        records.get(use: list).policy(.member(.workRecords))
        records.post(use: create).policy(.member(.workRecords))
        records.get(":requestID", use: show).policy(.member(.workRecords))
        records.post(":requestID", "status", use: changeStatus).policy(.member(.workRecords))
        records.post(":requestID", "messages", use: addMessage).policy(.member(.workRecords))
        records.on(.POST, ":requestID", "documents", body: .collect(maxSize: "21mb"), use: upload).policy(.member(.workRecords))
        records.get(":requestID", "documents", ":documentID", use: download).policy(.member(.workRecords))

        let api = routes.grouped("api", "v1", "records")
        api.get(use: listResource).policy(.apiToken(.workRecords))
        api.get(":requestID", use: requestResource).policy(.apiToken(.workRecords))
    }

    private var today: Day { Day(clock.now(), in: timeZone) }
    private func store(_ req: Request) -> RecordsStore { RecordsStore(req.db, sealer: sealer) }

    // MARK: Pages

    func list(req: Request) async throws -> Response {
        htmlResponse(RecordsRenderer.render(try await listPage(req), req.chrome))
    }

    func show(req: Request) async throws -> Response {
        htmlResponse(RecordsRenderer.render(try await requestPage(req, try await find(req)), req.chrome))
    }

    func listResource(req: Request) async throws -> Response {
        try APIResource.json(try await listPage(req), for: req, cacheable: false)
    }

    func requestResource(req: Request) async throws -> Response {
        try APIResource.json(try await requestPage(req, try await find(req)), for: req, cacheable: false)
    }

    func listPage(_ req: Request, form: NewRecordsRequestForm = .init(), refusal: FormRefusal<NewRecordsRequestForm.Field>? = nil) async throws -> RecordsListPage {
        RecordsListPage(requests: try await store(req).list(limit: Self.listLimit), today: today, form: form, refusal: refusal)
    }

    func requestPage(_ req: Request, _ request: RecordsRequest, statusForm: RecordsStatusForm? = nil, messageForm: RecordsMessageForm? = nil,
                     refused: RecordsRequestPage.Refused? = nil) async throws -> RecordsRequestPage {
        let store = store(req)
        let history = try await store.history(of: request.id)
        return RecordsRequestPage(request: request, history: history, names: try await store.memberNames(Set(history.map(\.authorID))),
                                  documents: try await store.documents(of: request.id), today: today,
                                  statusForm: statusForm, messageForm: messageForm, refused: refused)
    }

    // MARK: Changes

    func create(req: Request) async throws -> Response {
        let form = NewRecordsRequestForm(fields: req.formValues)
        switch form.validated(today) {
        case .failure(let refusal):
            return htmlResponse(RecordsRenderer.render(try await listPage(req, form: form, refusal: refusal), req.chrome), status: .unprocessableEntity)
        case .success(let new):
            let id = try await store(req).create(state: new.state, agency: new.agency, subject: new.subject, via: new.via, sentOn: new.sentOn,
                                                 by: try req.member(), at: clock.now())
            try await req.audit("records.create", recordType: "records_request", recordID: id.rawValue.uuidString)
            return req.redirect(to: SiteURL.recordsRequest(id).path)
        }
    }

    /// A status change on a day; a fee notice or clarification request stops the clock from that
    /// day until the next change.
    func changeStatus(req: Request) async throws -> Response {
        let request = try await find(req)
        let form = RecordsStatusForm(fields: req.formValues)
        switch form.validated(request) {
        case .failure(let refusal):
            return try await refuse(req, request, statusForm: form, refused: .status(refusal))
        case .success(let step):
            try await store(req).changeStatus(request.id, to: step.status, on: step.day, note: step.note, feesCents: step.feesCents,
                                              extended: step.extended, by: try req.member(), at: clock.now())
            try await req.audit("records.status.\(step.status.rawValue)", recordType: "records_request", recordID: request.id.rawValue.uuidString)
            return req.redirect(to: SiteURL.recordsRequest(request.id).path)
        }
    }

    func addMessage(req: Request) async throws -> Response {
        let request = try await find(req)
        let form = RecordsMessageForm(fields: req.formValues)
        switch form.validated(request) {
        case .failure(let refusal):
            return try await refuse(req, request, messageForm: form, refused: .message(refusal))
        case .success(let message):
            try await store(req).addMessage(request.id, received: message.received, on: message.day, body: message.body, by: try req.member(), at: clock.now())
            try await req.audit("records.message", recordType: "records_request", recordID: request.id.rawValue.uuidString)
            return req.redirect(to: SiteURL.recordsRequest(request.id).path)
        }
    }

    func upload(req: Request) async throws -> Response {
        let request = try await find(req)
        struct Upload: Content { var file: File?; var receivedOn: String? }
        guard let upload = try? req.content.decode(Upload.self), let file = upload.file, file.data.readableBytes > 0,
              file.data.readableBytes <= Self.maxDocument, let day = upload.receivedOn.flatMap(Day.init) else {
            return try await refuse(req, request, refused: .document)
        }
        let name = String(file.filename.filter { !$0.isNewline && $0 != "\"" }.suffix(200))
        try await store(req).addDocument(request.id, fileName: name.isEmpty ? "document" : name,
                                         contentType: file.contentType?.serialize() ?? "application/octet-stream",
                                         bytes: Data(buffer: file.data), receivedOn: day, at: clock.now())
        try await req.audit("records.document", recordType: "records_request", recordID: request.id.rawValue.uuidString)
        return req.redirect(to: SiteURL.recordsRequest(request.id).path)
    }

    /// Downloaded, never shown inline: a document from an agency is not trusted content.
    func download(req: Request) async throws -> Response {
        let request = try await find(req)
        guard let id = req.parameters.get("documentID", as: UUID.self),
              let document = try await store(req).document(RecordsDocumentID(id), of: request.id) else {
            throw UserFacingError(status: .notFound, text: .records(.noDocuments))
        }
        let response = Response(status: .ok, body: .init(data: document.bytes))
        response.headers.contentType = .binary
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(document.fileName)\"")
        return response
    }

    private func refuse(_ req: Request, _ request: RecordsRequest, statusForm: RecordsStatusForm? = nil, messageForm: RecordsMessageForm? = nil,
                        refused: RecordsRequestPage.Refused) async throws -> Response {
        let page = try await requestPage(req, request, statusForm: statusForm, messageForm: messageForm, refused: refused)
        return htmlResponse(RecordsRenderer.render(page, req.chrome), status: .unprocessableEntity)
    }

    private func find(_ req: Request) async throws -> RecordsRequest {
        try await req.record("requestID", missing: .records(.noRequests), find: store(req).request)
    }
}
