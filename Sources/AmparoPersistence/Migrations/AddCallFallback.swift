import Fluent
import SQLKit

/// The team whose members' phones ring when no dispatcher is on call (unset: the coordinators).
struct AddCallFallback: AsyncMigration {
    var name: String { "0012_call_fallback" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganizationModel.schema)
            .field("call_fallback_team_id", .uuid, .references(TeamModel.schema, "id"))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganizationModel.schema).deleteField("call_fallback_team_id").update()
    }
}
