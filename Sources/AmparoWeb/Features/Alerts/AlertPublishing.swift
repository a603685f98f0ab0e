import AmparoPersistence
import Fluent

/// Writing an alert and its outbox messages: all in one transaction.
enum AlertPublishing {
    static func publish(_ alert: AlertModel, on db: any Database) async throws -> Int {
        try await db.transaction { db -> Int in
            try await alert.create(on: db)
            let count = try await Outbox.enqueue(alertID: alert.id!, teamID: alert.teamID, now: alert.publishedAt, on: db)
            alert.recipients = count
            try await alert.save(on: db)
            return count
        }
    }
}
