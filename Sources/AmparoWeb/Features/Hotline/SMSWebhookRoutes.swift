import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import Vapor

/// Reports by text message, through Twilio's incoming-message webhook: the signature is checked, the
/// answer is TwiML. Messages from the same number within two hours thread into one open report.
/// STOP/ALTO ends that number's SMS alerts, START and HELP answer with links.
struct SMSWebhookRoutes: RouteCollection {
    static let threadWindow: TimeInterval = 2 * 3600

    func boot(routes: any RoutesBuilder) throws {
        routes.post("hooks", "twilio", "sms", use: incoming).policy(.webhook)
        routes.post("hotline", "reports", ":reportID", "reply", use: reply).policy(.member(.workHotline))
    }

    func incoming(req: Request) async throws -> Response {
        let config = req.amparo.config
        let fields = try TwilioWebhook.verifiedFields(req)
        guard let from = fields["From"].flatMap(AlertChannel.sms.normalize) else {
            throw Abort(.badRequest, reason: "From must be a phone number.")
        }
        let body = String((fields["Body"] ?? "").prefix(1600))
        let services = req.amparo
        let index = services.sealer.blindIndex(from, kind: .phone)
        if try await TwilioWebhook.isBanned(index, on: req.db) { return TwiML.empty }
        switch SMSKeyword.classify(body) {
        case .stop:
            try await req.db.sql.update(SubscriptionModel.schema)
                .set("unsubscribed_at", to: SQLBind(services.clock.now()))
                .set("contact_sealed", to: SQLLiteral.null).set("contact_index", to: SQLLiteral.null)
                .where("contact_index", .equal, SQLBind(index)).where("channel", .equal, SQLBind(AlertChannel.sms.rawValue))
                .where("unsubscribed_at", .is, SQLLiteral.null)
                .run()
            try await req.audit("subscription.stop_by_sms", recordType: "subscription", recordID: "by-number")
            return TwiML.message(Text.hotline(.smsStopped).in(.es))
        case .start:
            return TwiML.message(Text.hotline(.smsStart("\(config.baseURL)/alerts/subscribe")).in(.es))
        case .help:
            return TwiML.message(Text.hotline(.smsHelp("\(config.baseURL)/alerts/subscribe")).in(.es))
        case .message:
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return TwiML.empty }
            if let open = try await openThread(index: index, on: req) {
                try await record(body, direction: .inbound, report: open.id!, actor: nil, on: req)
                return TwiML.empty
            }
            let (reportID, reference) = try await ReportRecords.storeFromPhone(what: body, from: from, channel: "sms", language: .es, services: services)
            try await record(body, direction: .inbound, report: reportID, actor: nil, on: req)
            return TwiML.message(Text.hotline(.smsReceived(reference)).in(.es))
        }
    }

    /// The sender's open report, if their last message came within the window.
    private func openThread(index: String, on req: Request) async throws -> ReportModel? {
        let since = req.amparo.clock.now().addingTimeInterval(-Self.threadWindow)
        guard let report = try await ReportModel.query(on: req.db)
            .filter(\.$callbackIndex == index).filter(\.$status ~~ ReportStatus.allCases.filter(\.isOpen).map(\.rawValue))
            .sort(\.$receivedAt, .descending).first() else { return nil }
        let last = try await ReportMessageModel.query(on: req.db).filter(\.$reportID == report.id!).sort(\.$at, .descending).first()
        return (last?.at ?? report.receivedAt) >= since ? report : nil
    }

    func record(_ body: String, direction: ReportMessageModel.Direction, report: UUID, actor: UUID?, on req: Request) async throws {
        let id = UUID()
        let message = ReportMessageModel(id: id, reportID: report, direction: direction, channel: "sms", actorID: actor, at: req.amparo.clock.now())
        message.bodySealed = try req.amparo.sealer.seal(body, context: SealedColumn.reportMessageBody.context(rowID: id))
        try await message.create(on: req.db)
    }

    struct ReplyForm: Content { var body: String? }

    /// A dispatcher answers over the same channel the report came in on.
    func reply(req: Request) async throws -> Response {
        guard let id = req.parameters.get("reportID", as: UUID.self), let report = try await ReportModel.find(id, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .hotline(.reportNotFound))
        }
        let text = SingleLineText.validate(try req.content.decode(ReplyForm.self).body.map(SingleLineText.joiningLines), maxLength: 480, required: true)
        guard case .success(let body) = text else { throw UserFacingError(status: .unprocessableEntity, text: .alerts(.errorMessage)) }
        guard report.channel == "sms", let to = ReportRecords.open(report.callbackSealed, .reportCallback, report: report, sealer: req.amparo.sealer),
              let sender = req.amparo.delivery.senders(.sms) else {
            throw UserFacingError(status: .serviceUnavailable, text: .hotline(.replyNotConfigured))
        }
        let messageID = UUID()
        try await sender.send(OutgoingMessage(to: to, subject: "", body: body, idempotencyKey: "amparo-reply-\(messageID.uuidString.lowercased())"))
        try await record(body, direction: .outbound, report: id, actor: req.visitor.user?.id, on: req)
        try await req.audit("report.reply", recordType: "report", recordID: id.uuidString)
        return req.redirect(to: "/hotline/reports/\(id.uuidString)")
    }
}

