import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import Vapor

/// Reports by text message, whatever carried them (SMS through Twilio's webhook, Signal through
/// signal-cli-rest-api). Messages from the same sender within two hours thread into one open
/// report; STOP/ALTO ends that sender's alerts on this channel; START and HELP answer with links.
/// Answers the text to send back, if any.
struct TextIntake {
    static let threadWindow: TimeInterval = 2 * 3600

    let services: AmparoServices
    let db: any Database

    func receive(from: String, body rawBody: String, channel: AlertChannel) async throws -> String? {
        let body = String(rawBody.prefix(1600))
        let index = services.sealer.blindIndex(from, kind: .phone)
        if try await TwilioWebhook.isBanned(index, on: db) { return nil }
        let subscribe = "\(services.config.baseURL)/alerts/subscribe"
        switch SMSKeyword.classify(body) {
        case .stop:
            try await db.sql.update(SubscriptionModel.schema)
                .set("unsubscribed_at", to: SQLBind(services.clock.now()))
                .set("contact_sealed", to: SQLLiteral.null).set("contact_index", to: SQLLiteral.null)
                .where("contact_index", .equal, SQLBind(index)).where("channel", .equal, SQLBind(channel.rawValue))
                .where("unsubscribed_at", .is, SQLLiteral.null)
                .run()
            try await services.audit.append(on: db, actor: "anonymous", action: "subscription.stop_by_\(channel.rawValue)",
                                            recordType: "subscription", recordID: "by-number")
            return Text.hotline(.smsStopped).in(.es)
        case .start:
            // YES to a confirmation: the pending sign-up of this number on this channel starts.
            let confirmed = try await db.sql.update(SubscriptionModel.schema)
                .set("confirmed_at", to: SQLBind(services.clock.now()))
                .where("contact_index", .equal, SQLBind(index)).where("channel", .equal, SQLBind(channel.rawValue))
                .where("unsubscribed_at", .is, SQLLiteral.null).where("confirmed_at", .is, SQLLiteral.null)
                .returning("id", "language").all()
            if let first = confirmed.first {
                try await services.audit.append(on: db, actor: "anonymous", action: "subscription.confirm_by_\(channel.rawValue)",
                                                recordType: "subscription", recordID: try first.decode(column: "id", as: UUID.self).uuidString)
                let language = Language(rawValue: (try? first.decode(column: "language", as: String.self)) ?? "") ?? .es
                return Text.alerts(.confirmedByText).in(language)
            }
            return Text.hotline(.smsStart(subscribe)).in(.es)
        case .help:
            return Text.hotline(.smsHelp(subscribe)).in(.es)
        case .message:
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            if let open = try await openThread(index: index) {
                try await record(body, direction: .inbound, report: open.id!, channel: channel, actor: nil)
                return nil
            }
            let (reportID, reference) = try await ReportRecords.storeFromPhone(
                what: body, from: from, channel: channel.rawValue, language: .es, services: services)
            try await record(body, direction: .inbound, report: reportID, channel: channel, actor: nil)
            return Text.hotline(.smsReceived(reference)).in(.es)
        }
    }

    /// The sender's open report, if their last message came within the window.
    private func openThread(index: String) async throws -> ReportModel? {
        let since = services.clock.now().addingTimeInterval(-Self.threadWindow)
        guard let report = try await ReportModel.query(on: db)
            .filter(\.$callbackIndex == index).filter(\.$status ~~ ReportStatus.allCases.filter(\.isOpen).map(\.rawValue))
            .sort(\.$receivedAt, .descending).first() else { return nil }
        let last = try await ReportMessageModel.query(on: db).filter(\.$reportID == report.id!).sort(\.$at, .descending).first()
        return (last?.at ?? report.receivedAt) >= since ? report : nil
    }

    func record(_ body: String, direction: ReportMessageModel.Direction, report: UUID, channel: AlertChannel, actor: UUID?) async throws {
        let id = UUID()
        let message = ReportMessageModel(id: id, reportID: report, direction: direction, channel: channel.rawValue, actorID: actor, at: services.clock.now())
        message.bodySealed = try services.sealer.seal(body, context: SealedColumn.reportMessageBody.context(rowID: id))
        try await message.create(on: db)
        services.liveEvents.publish(.changed(ReportID(report)))
    }
}
