import Fluent
import SQLKit

/// One-off messages to one person (a responder's link, a subscription's confirmation), delivered by
/// the same worker as alerts; and the confirmation that turns a subscription on (double opt-in).
struct CreateNotices: AsyncMigration {
    var name: String { "0011_notices" }

    func prepare(on database: any Database) async throws {
        try await database.schema(NoticeModel.schema)
            .id()
            .field("channel", .string, .required)
            .field("purpose", .string, .required)
            .field("record_id", .uuid)
            .field("recipient_sealed", .string)
            .field("subject_sealed", .string)
            .field("body_sealed", .string)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        try await database.sql.create(index: "notices_due").on(NoticeModel.schema).column("status").column("next_attempt_at").run()
        try await database.sql.create(index: "notices_record").on(NoticeModel.schema).column("record_id").run()

        try await database.schema(SubscriptionModel.schema).field("confirmed_at", .datetime).update()
        // Subscriptions made before confirmation existed stay on.
        try await database.sql.update(SubscriptionModel.schema).set("confirmed_at", to: SQLColumn("consented_at")).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SubscriptionModel.schema).deleteField("confirmed_at").update()
        try await database.schema(NoticeModel.schema).delete()
    }
}
