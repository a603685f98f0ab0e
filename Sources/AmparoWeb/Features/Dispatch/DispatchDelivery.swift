import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

/// The delivery worker's first duty: requests to responders, few and urgent, go before alerts.
extension DeliveryWorker {
    func deliverDispatches() async throws -> Int {
        let db = database()
        let channels = [AlertChannel.sms, .email].filter { senders($0) != nil }.map(\.rawValue)
        let claimed = try await DispatchOutbox.claim(
            limit: 50, now: services.clock.now(), lease: services.config.delivery.leaseSeconds, channels: channels, on: db)
        guard !claimed.isEmpty else { return 0 }
        let dispatches = try await DispatchModel.query(on: db).filter(\.$id ~~ claimed.map(\.id)).all()
        let users = try await UserModel.query(on: db).filter(\.$id ~~ Set(dispatches.map(\.responderID))).all()
        let reports = try await ReportModel.query(on: db).filter(\.$id ~~ Set(dispatches.map(\.reportID))).all()
        let accounts = Accounts(db: db, services: services)
        for dispatch in dispatches {
            let attempts = claimed.first { $0.id == dispatch.id }?.attempts ?? Self.maxAttempts
            do {
                guard let channel = AlertChannel(rawValue: dispatch.channel), let sender = senders(channel),
                      let user = users.first(where: { $0.id == dispatch.responderID }), !user.isDisabled,
                      let report = reports.first(where: { $0.id == dispatch.reportID }) else {
                    throw DeliveryError.permanent("the responder or the report is gone")
                }
                guard let to = (channel == .sms ? accounts.phone(of: user) : accounts.email(of: user)).flatMap(channel.normalize) else {
                    throw DeliveryError.permanent("no contact for this channel")
                }
                let language = Language(rawValue: user.language ?? "") ?? .es
                let link = services.config.baseURL + DispatchLinks.path(for: dispatch.id!, key: services.linkKey)
                try await sender.send(OutgoingMessage(
                    to: to, subject: Text.dispatch(.subject(report.reference)).in(language),
                    body: Text.dispatch(.message(reference: report.reference, link: link)).in(language),
                    idempotencyKey: "amparo-dispatch-\(dispatch.id!.uuidString.lowercased())"))
                try await DispatchOutbox.markSent(dispatch.id!, on: db)
            } catch {
                let permanent: Bool = if case DeliveryError.permanent = error { true } else { false }
                let retry = permanent || attempts >= Self.maxAttempts
                    ? nil : services.clock.now().addingTimeInterval(min(600, 15 * pow(2, Double(attempts - 1))))
                try await DispatchOutbox.markFailed(dispatch.id!, error: "\(error)", retryAt: retry, on: db)
            }
        }
        return claimed.count
    }
}
