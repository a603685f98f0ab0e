import Fluent
import SQLKit

/// Requests to on-call responders and the field reports they send back. The message carrying each
/// request's link is a notice (0011).
struct CreateDispatches: AsyncMigration {
    var name: String { "0009_dispatches" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DispatchModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("responder_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("sent_by", .uuid, .required, .references(UserModel.schema, "id"))
            .field("channel", .string, .required)
            .field("state", .string, .required)
            .field("note_sealed", .string)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("answered_at", .datetime)
            .field("device_digest", .string)
            .create()
        try await database.sql.create(index: "dispatches_report").on(DispatchModel.schema).column("report_id").run()

        try await database.schema(FieldReportModel.schema)
            .id()
            .field("dispatch_id", .uuid, .required, .references(DispatchModel.schema, "id"))
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("responder_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("submission_key", .string, .required)
            .field("finding", .string, .required)
            .field("warrant", .string, .required)
            .field("consent", .string, .required)
            .field("detained", .int, .required)
            .field("body_sealed", .string)
            .field("filed_at", .datetime, .required)
            // A report sent twice (a retry after a lost answer, the phone's saved copy) is stored once.
            .unique(on: "dispatch_id", "submission_key")
            .create()
        try await database.sql.create(index: "field_reports_report").on(FieldReportModel.schema).column("report_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FieldReportModel.schema).delete()
        try await database.schema(DispatchModel.schema).delete()
    }
}
