import Fluent
import SQLKit

/// Subscriptions, alerts and the delivery outbox.
struct CreateAlerts: AsyncMigration {
    var name: String { "0004_alerts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SubscriptionModel.schema)
            .id()
            .field("channel", .string, .required)
            .field("contact_sealed", .string)
            .field("contact_index", .string)
            .field("language", .string, .required)
            .field("team_id", .uuid, .references(TeamModel.schema, "id"))
            .field("consent_statement", .string, .required)
            .field("consented_at", .datetime, .required)
            .field("unsubscribe_digest", .string, .required)
            .field("unsubscribed_at", .datetime)
            .unique(on: "unsubscribe_digest")
            .create()
        try await database.sql.create(index: "subscriptions_contact").on(SubscriptionModel.schema)
            .column("channel").column("contact_index").run()

        try await database.schema(AlertModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("team_id", .uuid, .references(TeamModel.schema, "id"))
            .field("place", .string, .required)
            .field("message_en", .string, .required)
            .field("message_es", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("published_by", .uuid, .required, .references(UserModel.schema, "id"))
            .field("published_at", .datetime, .required)
            .field("recipients", .int, .required)
            .create()

        // One row per recipient of an alert; (alert, subscription) is the message's identity and its
        // idempotency key, so a message can be written only once.
        try await database.schema(Outbox.schema)
            .field("alert_id", .uuid, .required, .references(AlertModel.schema, "id"))
            .field("subscription_id", .uuid, .required, .references(SubscriptionModel.schema, "id"))
            .field("channel", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("last_error", .string)
            .field("sent_at", .datetime)
            .compositeIdentifier(over: "alert_id", "subscription_id")
            .create()
        try await database.sql.create(index: "outbox_due").on(Outbox.schema)
            .column("status").column("next_attempt_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Outbox.schema).delete()
        try await database.schema(AlertModel.schema).delete()
        try await database.schema(SubscriptionModel.schema).delete()
    }
}
