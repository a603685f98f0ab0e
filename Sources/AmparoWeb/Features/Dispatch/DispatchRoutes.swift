import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Crypto
import Fluent
import SQLKit
import Vapor

/// A dispatcher sends a report to the responders on call for its region. Each request is written
/// with the notice carrying its one-time link, in one transaction; the delivery worker sends it.
struct DispatchRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("hotline", "reports", ":reportID", "dispatch", use: dispatch).policy(.member(.workHotline))
    }

    /// How long a link works: a verification is a matter of hours.
    static let linkLifetime: TimeInterval = 12 * 3600

    struct DispatchForm: Content {
        var responders: [UUID]?
        var note: String?
    }

    func dispatch(req: Request) async throws -> Response {
        guard let reportID = req.parameters.get("reportID", as: UUID.self), let report = try await ReportModel.find(reportID, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .hotline(.reportNotFound))
        }
        let status = ReportStatus(rawValue: report.status) ?? .closed
        guard status == .claimed || status == .verifying else {
            throw UserFacingError(status: .unprocessableEntity, text: .dispatch(.errorNotOpen))
        }
        let me = req.visitor.user!.id!
        guard report.claimedBy == me || req.visitor.roles?.contains(.coordinator) == true else {
            throw UserFacingError(status: .conflict, text: .hotline(.claimedByOther))
        }
        let form = (try? req.content.decode(DispatchForm.self)) ?? DispatchForm()
        guard case .success(let note) = SingleLineText.validate(form.note.map(SingleLineText.joiningLines), maxLength: 500, required: false) else {
            throw UserFacingError(status: .unprocessableEntity, text: .errorControlCharacter)
        }
        // Only responders on call now for the report's region can be chosen, whatever the form says.
        let onCall = try await Self.respondersOnCall(req, report: report)
        let chosen = onCall.filter { (form.responders ?? []).contains($0.id!) }
        guard !chosen.isEmpty else { throw UserFacingError(status: .unprocessableEntity, text: .dispatch(.errorNoneChosen)) }

        let now = req.amparo.clock.now()
        let services = req.amparo
        let accounts = req.accounts
        var dispatches: [DispatchModel] = []
        var notices: [NoticeModel] = []
        for responder in chosen {
            let reach = MemberReach.urgent(responder, accounts: accounts, services: services)
            let channel = reach.channel
            let dispatch = DispatchModel(reportID: reportID, responderID: responder.id!, sentBy: me, channel: channel.rawValue,
                                         createdAt: now, expiresAt: now.addingTimeInterval(Self.linkLifetime))
            if !note.isEmpty { dispatch.noteSealed = try services.sealer.seal(note, context: SealedColumn.dispatchNote.context(rowID: dispatch.id!)) }
            let language = Language(rawValue: responder.language ?? "") ?? .es
            let link = services.config.baseURL + DispatchLinks.path(for: dispatch.id!, key: services.linkKey)
            notices.append(try Notice.make(
                channel: channel, to: reach.to, subject: Text.dispatch(.subject(report.reference)).in(language),
                body: Text.dispatch(.message(reference: report.reference, link: link)).in(language), purpose: "dispatch",
                recordID: dispatch.id, services: services))
            dispatches.append(dispatch)
        }
        let written = (dispatches, notices)
        try await req.db.transaction { db in
            let (dispatches, notices) = written
            for dispatch in dispatches { try await dispatch.create(on: db) }
            for notice in notices { try await notice.create(on: db) }
            if status == .claimed {
                try await db.sql.update(ReportModel.schema).set("status", to: SQLBind(ReportStatus.verifying.rawValue))
                    .set("updated_at", to: SQLBind(now))
                    .where("id", .equal, SQLBind(reportID)).where("status", .equal, SQLBind(status.rawValue)).run()
                try await ReportEventModel(id: UUID(), reportID: reportID, actorID: me, action: "status",
                                           from: status.rawValue, to: ReportStatus.verifying.rawValue, at: now).create(on: db)
            }
            try await ReportEventModel(id: UUID(), reportID: reportID, actorID: me, action: "dispatch:\(dispatches.count)",
                                       from: nil, to: nil, at: now).create(on: db)
        }
        for dispatch in dispatches { try await req.audit("dispatch.send", recordType: "dispatch", recordID: dispatch.id!.uuidString) }
        req.amparo.delivery.wake()
        return req.redirect(to: "/hotline/reports/\(reportID.uuidString)")
    }

    /// Responders on call now whose shift is in the report's region (any region when it has none).
    static func respondersOnCall(_ req: Request, report: ReportModel) async throws -> [UserModel] {
        let calendar = ShiftCalendar(timeZone: req.amparo.timeZone)
        let onCall = try await OnCallSchedule.now(on: req.db, calendar: calendar, at: req.amparo.clock.now())
            .filter { $0.shift.duty == .responder && (report.teamID == nil || $0.shift.teamID == report.teamID) }
        let ids = Set(onCall.map(\.memberID))
        guard !ids.isEmpty else { return [] }
        return try await UserModel.query(on: req.db).filter(\.$id ~~ ids).filter(\.$disabledAt == nil).all()
            .filter { $0.roles.contains(.responder) }
    }
}

/// The one-time link in a dispatch message.
enum DispatchLinks {
    static func path(for id: UUID, key: SymmetricKey) -> String { "/respond/\(CapabilityToken.make("dispatch", id: id, key: key))" }

    static func verify(_ token: String, key: SymmetricKey) -> UUID? { CapabilityToken.verify("dispatch", token: token, key: key) }
}
