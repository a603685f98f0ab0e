import Fluent
import SQLKit

/// The start of a case: opened when a verified incident detained someone. The cases module adds the
/// person, the custody timeline and the rest in its own migrations.
struct CreateCases: AsyncMigration {
    var name: String { "0007_cases" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CaseModel.schema)
            .id()
            .field("report_id", .uuid, .references(ReportModel.schema, "id"))
            .field("team_id", .uuid, .references(TeamModel.schema, "id"))
            .field("status", .string, .required)
            .field("opened_by", .uuid, .required, .references(UserModel.schema, "id"))
            .field("opened_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "cases_report").on(CaseModel.schema).column("report_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseModel.schema).delete()
    }
}
