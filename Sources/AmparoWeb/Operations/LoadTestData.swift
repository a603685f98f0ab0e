import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import Vapor

/// Fictional data for load tests (scripts/bench-alerts): never on a real deployment.
extension Operations {
    /// Writes `count` subscribers, sealed like real ones, spread over the three channels: emails at
    /// `sub<n>@<emailDomain>`, phones +1 555 0nn nnnn (a range reserved for fiction).
    public static func seedSubscribers(_ app: Application, count: Int, emailDomain: String) async throws {
        let services = app.amparo
        let now = services.clock.now()
        let statement = Text.alerts(.consentStatement).in(.en)
        let channels = AlertChannel.allCases
        for start in stride(from: 0, to: count, by: 1000) {
            try await app.db.transaction { db in
                var insert = db.sql.insert(into: SubscriptionModel.schema).columns(
                    "id", "channel", "contact_sealed", "contact_index", "language", "consent_statement", "consented_at", "confirmed_at", "unsubscribe_digest")
                for n in start..<min(start + 1000, count) {
                    let id = UUID()
                    let channel = channels[n % channels.count]
                    let contact = channel == .email ? "sub\(n)@\(emailDomain)" : "+1555\(String(format: "%07d", n))"
                    insert = insert.values([
                        SQLBind(id), SQLBind(channel.rawValue),
                        SQLBind(try services.sealer.seal(contact, context: SealedColumn.subscriptionContact.context(rowID: id))),
                        SQLBind(services.sealer.blindIndex(contact, kind: channel.indexKind)), SQLBind(n % 2 == 0 ? "es" : "en"),
                        SQLBind(statement), SQLBind(now), SQLBind(now), SQLBind(UnsubscribeLinks.digest(forID: id, key: services.unsubscribeKey)),
                    ])
                }
                try await insert.run()
            }
        }
    }

    /// A verified report and an alert to every subscriber, written as the publish page does; returns
    /// how many messages were queued and how long writing them took.
    public static func publishLoadTestAlert(_ app: Application) async throws -> (queued: Int, seconds: Double) {
        let services = app.amparo
        let now = services.clock.now()
        let coordinator = UserModel(id: UUID(), emailIndex: services.random.token(), emailSealed: "-", nameSealed: "-", roles: [.coordinator])
        try await coordinator.create(on: app.db)
        let report = ReportModel(id: UUID(), reference: ReferenceCode.make(random: services.random), language: "en", agency: "ice",
                                 officers: nil, vehicles: nil, occurredAt: now, receivedAt: now)
        report.status = ReportStatus.verified.rawValue
        report.outcome = ReportStatus.verified.rawValue
        try await report.create(on: app.db)
        // Numbered, so a second alert's texts differ from the first's (the sinks count repeats by text).
        let number = try await AlertModel.query(on: app.db).count() + 1
        let alert = AlertModel(id: UUID(), reportID: report.id!, teamID: nil, place: "Load test", messageEN: "Load test alert \(number)",
                               messageES: "Alerta de prueba de carga \(number)", expiresAt: now.addingTimeInterval(3600),
                               publishedBy: coordinator.id!, publishedAt: now)
        let clock = ContinuousClock()
        let start = clock.now
        let queued = try await AlertPublishing.publish(alert, on: app.db)
        let elapsed = clock.now - start
        return (queued, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Delivers the outbox from this process until nothing is due (`untilEmpty`) or forever.
    public static func runWorker(_ app: Application, untilEmpty: Bool) async throws -> Int {
        let worker = app.amparo.delivery
        if untilEmpty { return try await worker.runOnce() }
        await worker.run(logger: app.logger)
        return 0
    }
}
