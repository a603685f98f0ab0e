import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import Vapor

/// A sign-up nobody confirmed in a week loses its contact: we never send to it, so we do not keep it.
struct UnconfirmedSubscriptionsRule: PurgeRule {
    let name = "subscriptions.unconfirmed"
    let database: @Sendable () -> any Database
    static let retention: TimeInterval = 7 * 86400

    func purge(now: Date) async throws -> Int {
        let rows = try await database().sql.update(SubscriptionModel.schema)
            .set("unsubscribed_at", to: SQLBind(now))
            .set("contact_sealed", to: SQLLiteral.null).set("contact_index", to: SQLLiteral.null)
            .where("confirmed_at", .is, SQLLiteral.null).where("unsubscribed_at", .is, SQLLiteral.null)
            .where("consented_at", .lessThan, SQLBind(now.addingTimeInterval(-Self.retention)))
            .returning("id").all()
        return rows.count
    }
}
