import Fluent
import SQLKit

/// The region (team) a dispatcher assigns a report to: where alerts and responders come from.
struct AddReportRegion: AsyncMigration {
    var name: String { "0008_report_region" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ReportModel.schema)
            .field("team_id", .uuid, .references(TeamModel.schema, "id"))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportModel.schema).deleteField("team_id").update()
    }
}
