import Fluent
import SQLKit

/// Reports that arrive by text message: the channel, the sender's blind index (to thread their next
/// messages into the same report) and the conversation.
struct CreateReportMessages: AsyncMigration {
    var name: String { "0005_report_messages" }

    func prepare(on database: any Database) async throws {
        // Existing reports came from the web page: a default fills them in.
        try await database.sql.raw("ALTER TABLE reports ADD COLUMN channel TEXT NOT NULL DEFAULT 'web'").run()
        try await database.schema(ReportModel.schema)
            .field("callback_index", .string)
            .update()
        try await database.sql.create(index: "reports_callback_index").on(ReportModel.schema)
            .column("callback_index").column("received_at").run()
        try await database.schema(ReportMessageModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("direction", .string, .required)
            .field("channel", .string, .required)
            .field("body_sealed", .string)
            .field("actor_id", .uuid, .references(UserModel.schema, "id"))
            .field("at", .datetime, .required)
            .create()
        try await database.sql.create(index: "report_messages_report").on(ReportMessageModel.schema)
            .column("report_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportMessageModel.schema).delete()
    }
}
