import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import Vapor

/// Writing a notice: one message to one person, sealed, queued for the delivery worker. Written in
/// the transaction of whatever it is about, so the message exists if and only if the record does.
enum Notice {
    static func make(
        channel: AlertChannel, to recipient: String, subject: String, body: String, purpose: String, recordID: UUID?,
        services: AmparoServices
    ) throws -> NoticeModel {
        let notice = NoticeModel(channel: channel.rawValue, purpose: purpose, recordID: recordID, createdAt: services.clock.now())
        let id = notice.id!
        notice.recipientSealed = try services.sealer.seal(recipient, context: SealedColumn.noticeRecipient.context(rowID: id))
        notice.subjectSealed = try services.sealer.seal(subject, context: SealedColumn.noticeSubject.context(rowID: id))
        notice.bodySealed = try services.sealer.seal(body, context: SealedColumn.noticeBody.context(rowID: id))
        return notice
    }
}

/// The delivery worker's first duty: notices (a responder's link, a confirmation) are few and
/// someone is waiting for them, so they go before alerts.
extension DeliveryWorker {
    func deliverNotices() async throws -> Int {
        let db = database()
        let channels = AlertChannel.allCases.filter { senders($0) != nil }.map(\.rawValue)
        let claimed = try await Notices.claim(limit: 50, now: services.clock.now(), lease: services.config.delivery.leaseSeconds, channels: channels, on: db)
        guard !claimed.isEmpty else { return 0 }
        let notices = try await NoticeModel.query(on: db).filter(\.$id ~~ claimed.map(\.id)).all()
        let sealer = services.sealer
        for notice in notices {
            let id = notice.id!
            let claim = claimed.first { $0.id == id }
            let attempts = claim?.attempts ?? Self.maxAttempts
            do {
                guard let channel = AlertChannel(rawValue: notice.channel), let sender = senders(channel),
                      let recipient = notice.recipientSealed.flatMap({ try? sealer.open($0, context: SealedColumn.noticeRecipient.context(rowID: id)) }),
                      let body = notice.bodySealed.flatMap({ try? sealer.open($0, context: SealedColumn.noticeBody.context(rowID: id)) }) else {
                    throw DeliveryError.permanent("the notice cannot be read")
                }
                let subject = notice.subjectSealed.flatMap { try? sealer.open($0, context: SealedColumn.noticeSubject.context(rowID: id)) } ?? ""
                let message = OutgoingMessage(to: recipient, subject: subject, body: body, idempotencyKey: "amparo-notice-\(id.uuidString.lowercased())",
                                              queuedAt: notice.createdAt)
                if claim?.uncertain == true, try await sender.alreadySent(message, since: notice.createdAt) {
                    try await Notices.markSent(id, now: services.clock.now(), on: db)
                    continue
                }
                try await sender.send(message)
                try await Notices.markSent(id, now: services.clock.now(), on: db)
            } catch {
                let permanent = DeliveryError.isPermanent(error)
                let retry = permanent || attempts >= Self.maxAttempts
                    ? nil : services.clock.now().addingTimeInterval(min(600, 15 * pow(2, Double(attempts - 1))))
                try await Notices.markFailed(id, error: "\(error)", retryAt: retry, on: db)
            }
        }
        return claimed.count
    }
}

/// Notices hold links and contacts: a month after they were sent or given up, they are deleted.
struct NoticeRetentionRule: PurgeRule {
    let name = "notices.old"
    let database: @Sendable () -> any Database
    static let retention: TimeInterval = 30 * 86400

    func purge(now: Date) async throws -> Int {
        let rows = try await database().sql.delete(from: NoticeModel.schema)
            .where("status", .in, SQLGroupExpression(SQLList([SQLBind("sent"), SQLBind("failed")])))
            .where("created_at", .lessThan, SQLBind(now.addingTimeInterval(-Self.retention)))
            .returning("id").all()
        return rows.count
    }
}
