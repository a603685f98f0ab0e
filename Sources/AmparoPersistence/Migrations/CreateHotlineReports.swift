import Fluent
import SQLKit

/// Public reports and their history.
struct CreateHotlineReports: AsyncMigration {
    var name: String { "0002_hotline_reports" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ReportModel.schema)
            .id()
            .field("reference", .string, .required)
            .field("status", .string, .required)
            .field("outcome", .string)
            .field("outcome_at", .datetime)
            .field("urgency", .string, .required)
            .field("language", .string, .required)
            .field("agency", .string, .required)
            .field("officers", .int)
            .field("vehicles", .int)
            .field("occurred_at", .datetime, .required)
            .field("received_at", .datetime, .required)
            .field("what_sealed", .string)
            .field("place_sealed", .string)
            .field("pin_sealed", .string)
            .field("callback_sealed", .string)
            .field("claimed_by", .uuid, .references(UserModel.schema, "id"))
            .field("claimed_at", .datetime)
            .field("duplicate_of", .uuid, .references(ReportModel.schema, "id"))
            .field("purged_at", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "reference")
            .create()
        // The inbox reads open reports newest first; retention reads outcomes by age.
        try await database.sql.create(index: "reports_status_received").on(ReportModel.schema)
            .column("status").column("received_at").run()
        try await database.sql.create(index: "reports_outcome_at").on(ReportModel.schema)
            .column("outcome").column("outcome_at").run()

        try await database.schema(ReportEventModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("actor_id", .uuid, .references(UserModel.schema, "id"))
            .field("action", .string, .required)
            .field("from_status", .string)
            .field("to_status", .string)
            .field("reason_sealed", .string)
            .field("at", .datetime, .required)
            .create()
        try await database.sql.create(index: "report_events_report").on(ReportEventModel.schema)
            .column("report_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportEventModel.schema).delete()
        try await database.schema(ReportModel.schema).delete()
    }
}
