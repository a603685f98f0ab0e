import Fluent
import SQLKit

/// Numbers that abused the hotline: their calls are rejected and their texts ignored.
struct CreateBanList: AsyncMigration {
    var name: String { "0006_ban_list" }

    func prepare(on database: any Database) async throws {
        try await database.schema(BannedNumberModel.schema)
            .id()
            .field("number_index", .string, .required)
            .field("report_id", .uuid, .references(ReportModel.schema, "id"))
            .field("banned_by", .uuid, .required, .references(UserModel.schema, "id"))
            .field("banned_at", .datetime, .required)
            .unique(on: "number_index")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BannedNumberModel.schema).delete()
    }
}
