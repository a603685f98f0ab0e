import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import SQLKit
import Vapor

/// Reports by text message through Twilio's incoming-message webhook: the signature is checked, the
/// answer is TwiML; `TextIntake` does the rest. Dispatchers answer a texted report from its page.
struct SMSWebhookRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("hooks", "twilio", "sms", use: incoming).policy(.webhook)
        routes.post("hotline", "reports", ":reportID", "reply", use: reply).policy(.member(.workHotline))
    }

    func incoming(req: Request) async throws -> Response {
        let fields = try TwilioWebhook.verifiedFields(req)
        guard let from = fields["From"].flatMap(AlertChannel.sms.normalize) else {
            throw Abort(.badRequest, reason: "From must be a phone number.")
        }
        let answer = try await TextIntake(services: req.amparo, db: req.db).receive(from: from, body: fields["Body"] ?? "", channel: .sms)
        return answer.map(TwiML.message) ?? TwiML.empty
    }

    struct ReplyForm: Content { var body: String? }

    /// A dispatcher answers over the same channel the report came in on.
    func reply(req: Request) async throws -> Response {
        guard let id = req.parameters.get("reportID", as: UUID.self), let report = try await ReportModel.find(id, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .hotline(.reportNotFound))
        }
        let text = SingleLineText.validate(try req.content.decode(ReplyForm.self).body.map(SingleLineText.joiningLines), maxLength: 480, required: true)
        guard case .success(let body) = text else { throw UserFacingError(status: .unprocessableEntity, text: .alerts(.errorMessage)) }
        guard let channel = AlertChannel(rawValue: report.channel), channel != .email,
              let to = ReportRecords.open(report.callbackSealed, .reportCallback, report: report, sealer: req.amparo.sealer),
              let sender = req.amparo.delivery.senders(channel) else {
            throw UserFacingError(status: .serviceUnavailable, text: .hotline(.replyNotConfigured))
        }
        let messageID = UUID()
        try await sender.send(OutgoingMessage(to: to, subject: "", body: body, idempotencyKey: "amparo-reply-\(messageID.uuidString.lowercased())"))
        try await TextIntake(services: req.amparo, db: req.db).record(body, direction: .outbound, report: id, channel: channel, actor: req.visitor.user?.id)
        try await req.audit("report.reply", recordType: "report", recordID: id.uuidString)
        return req.redirect(to: "/hotline/reports/\(id.uuidString)")
    }
}

