import Fluent
import SQLKit

/// Photos sent with a public report, metadata already stripped, sealed like every personal field.
struct CreateReportPhotos: AsyncMigration {
    var name: String { "0010_report_photos" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ReportPhotoModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data_sealed", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "report_photos_report").on(ReportPhotoModel.schema).column("report_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportPhotoModel.schema).delete()
    }
}
