import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import SQLKit
import Vapor

/// The responder's side, on a phone, without signing in: the link in the message shows the request;
/// "I am going" binds it to this device (a secret cookie whose digest the request keeps), so a
/// forwarded or leaked link opens nothing once accepted. The field report form posts from that device
/// only, and a resent report (a retry, the copy saved offline) is stored once.
struct RespondRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("respond", use: myRequests).policy(.member(.answerDispatches))
        let respond = routes.grouped("respond", ":token")
        respond.get(use: show).policy(.open)
        respond.post("accept", use: accept).policy(.open)
        respond.post("decline", use: decline).policy(.open)
        respond.post("report", use: file).policy(.open)
    }

    struct Context {
        let token: String
        let dispatch: DispatchModel
        let report: ReportModel
        var path: String { "/respond/\(token)" }
    }

    /// A signed-in responder's open requests, so a lost text or email does not lose the request.
    func myRequests(req: Request) async throws -> Response {
        let me = UserID(req.visitor.user!.id!)
        let key = req.amparo.linkKey
        let requests = try await DispatchStore(req.db, sealer: req.amparo.sealer).openRequests(for: me, now: req.amparo.clock.now())
        let page = MyRequestsPage(requests: requests.map { .init(request: $0, path: DispatchLinks.path(for: $0.dispatchID, key: key)) })
        return htmlResponse(MyRequestsRenderer.render(page, req.chrome), status: .ok)
    }

    func show(req: Request) async throws -> Response {
        let context = try await load(req)
        let state = DispatchState(rawValue: context.dispatch.state) ?? .declined
        switch state {
        case .waiting:
            return try await RespondViews.request(req, context)
        case .declined:
            return RespondViews.message(req, .declined, status: .ok)
        case .accepted, .filed:
            guard isAcceptingDevice(req, context.dispatch) else { return RespondViews.message(req, .acceptedElsewhere, status: .forbidden) }
            if context.report.status == ReportStatus.closed.rawValue { return RespondViews.message(req, .closedReport, status: .ok) }
            let notice: DispatchText? = req.query[String.self, at: "sent"] == "1" ? .thanks : nil
            return try await RespondViews.form(req, context, values: [:], problems: [:], notice: notice, status: .ok)
        }
    }

    func accept(req: Request) async throws -> Response {
        let context = try await load(req)
        let secret = Base64URL.encode(req.amparo.random.bytes(32))
        let moved = try await move(req, context.dispatch.id!, from: .waiting, to: .accepted, deviceDigest: SecretDigest.of(secret), on: req.db)
        guard moved else { return req.redirect(to: context.path) }
        try await record(req, context, action: "dispatch:accepted")
        let response = req.redirect(to: context.path)
        let lifetime = Int(max(60, context.dispatch.expiresAt.timeIntervalSince(req.amparo.clock.now())))
        // Lax, not Strict: the link is opened from a mail or messaging app, a cross-site navigation.
        response.cookies[Self.cookieName(context.dispatch.id!)] = HTTPCookies.Value(
            string: secret, maxAge: lifetime, path: "/respond/", isSecure: req.isSecure, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    func decline(req: Request) async throws -> Response {
        let context = try await load(req)
        if try await move(req, context.dispatch.id!, from: .waiting, to: .declined, on: req.db) {
            try await record(req, context, action: "dispatch:declined")
        }
        return req.redirect(to: context.path)
    }

    func file(req: Request) async throws -> Response {
        let context = try await load(req)
        let wantsJSON = req.asksForJSON
        guard [DispatchState.accepted.rawValue, DispatchState.filed.rawValue].contains(context.dispatch.state),
              isAcceptingDevice(req, context.dispatch) else {
            throw UserFacingError(status: .forbidden, text: .dispatch(.acceptedElsewhere))
        }
        guard context.report.status != ReportStatus.closed.rawValue else {
            throw UserFacingError(status: .unprocessableEntity, text: .dispatch(.closedReport))
        }
        let values = req.formValues
        guard let key = values["submission"], key.count >= 16, key.count <= 64,
              key.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }) else {
            throw Abort(.badRequest, reason: "The form is incomplete; reload the page and send it again.")
        }
        let report: FieldReport
        switch FieldReport.validate(values) {
        case .valid(let valid): report = valid
        case .invalid(let problems):
            if wantsJSON {
                let messages = Dictionary(uniqueKeysWithValues: problems.map { ($0.key.rawValue, Text.dispatch(.problem($0.key, $0.value)).in(req.language)) })
                let response = Response(status: .unprocessableEntity)
                try response.content.encode(["errors": messages])
                return response
            }
            return try await RespondViews.form(req, context, values: values, problems: problems, notice: nil, status: .unprocessableEntity)
        }
        let stored = try await store(req, context, report: report, key: key)
        if stored { try await record(req, context, action: "field_report:\(report.finding.rawValue)") }
        let next = "\(context.path)?sent=1"
        if wantsJSON {
            let response = Response(status: .ok)
            try response.content.encode(["redirect": next])
            return response
        }
        return req.redirect(to: next)
    }

    /// Writes the field report once per submission key and marks the request filed; false when
    /// this submission was already stored (a resend).
    private func store(_ req: Request, _ context: Context, report: FieldReport, key: String) async throws -> Bool {
        let dispatch = context.dispatch
        let existing = try await FieldReportModel.query(on: req.db)
            .filter(\.$dispatchID == dispatch.id!).filter(\.$submissionKey == key).count()
        guard existing == 0 else { return false }
        let now = req.amparo.clock.now()
        let model = FieldReportModel(
            dispatchID: dispatch.id!, reportID: dispatch.reportID, responderID: dispatch.responderID, submissionKey: key,
            finding: report.finding.rawValue, warrant: report.warrant.rawValue, consent: report.consent.rawValue,
            detained: report.detained, filedAt: now)
        let body = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        model.bodySealed = try req.amparo.sealer.seal(body, context: SealedColumn.fieldReportBody.context(rowID: model.id!))
        do {
            try await req.db.transaction { db in
                try await model.create(on: db)
                _ = try await move(req, dispatch.id!, from: .accepted, to: .filed, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false  // the same submission, sent twice at once: the first one won
        }
        return true
    }

    /// Compare-and-set on the request's state: a request answered twice at once moves once.
    private func move(_ req: Request, _ id: UUID, from: DispatchState, to: DispatchState, deviceDigest: String? = nil,
                      on db: any Database) async throws -> Bool {
        var update = db.sql.update(DispatchModel.schema).set("state", to: SQLBind(to.rawValue)).set("answered_at", to: SQLBind(req.amparo.clock.now()))
        if let deviceDigest { update = update.set("device_digest", to: SQLBind(deviceDigest)) }
        return try await !update.where("id", .equal, SQLBind(id)).where("state", .equal, SQLBind(from.rawValue)).returning("id").all().isEmpty
    }

    /// The report's history and the audit log, with the responder as the actor.
    private func record(_ req: Request, _ context: Context, action: String) async throws {
        try await ReportEventModel(id: UUID(), reportID: context.report.id!, actorID: context.dispatch.responderID, action: action,
                                   from: nil, to: nil, at: req.amparo.clock.now()).create(on: req.db)
        try await req.audit(action.replacingOccurrences(of: ":", with: "."), recordType: "dispatch",
                            recordID: context.dispatch.id!.uuidString, actor: context.dispatch.responderID.uuidString)
        req.amparo.liveEvents.publish(.changed(ReportID(context.report.id!)))
    }

    private func load(_ req: Request) async throws -> Context {
        let services = req.amparo
        guard let token = req.parameters.get("token"), let id = DispatchLinks.verify(token, key: services.linkKey),
              let dispatch = try await DispatchModel.find(id, on: req.db), dispatch.expiresAt > services.clock.now(),
              let report = try await ReportModel.find(dispatch.reportID, on: req.db),
              let responder = try await UserModel.find(dispatch.responderID, on: req.db), !responder.isDisabled else {
            throw UserFacingError(status: .notFound, text: .dispatch(.linkInvalid))
        }
        return Context(token: token, dispatch: dispatch, report: report)
    }

    private func isAcceptingDevice(_ req: Request, _ dispatch: DispatchModel) -> Bool {
        guard let expected = dispatch.deviceDigest, let secret = req.cookies[Self.cookieName(dispatch.id!)]?.string else { return false }
        return constantTimeEquals(Array(SecretDigest.of(secret).utf8), Array(expected.utf8))
    }

    static func cookieName(_ id: UUID) -> String { "amparo-respond-\(id.uuidString.prefix(8).lowercased())" }
}
