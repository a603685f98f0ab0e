import Fluent
import SQLKit

/// On-call shifts and swaps.
struct CreateShifts: AsyncMigration {
    var name: String { "0003_shifts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ShiftModel.schema)
            .id()
            .field("team_id", .uuid, .required, .references(TeamModel.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("duty", .string, .required)
            .field("weekday", .int, .required)
            .field("start_minute", .int, .required)
            .field("duration_minutes", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(ShiftSwapModel.schema)
            .id()
            .field("shift_id", .uuid, .required, .references(ShiftModel.schema, "id", onDelete: .cascade))
            .field("occurrence_date", .string, .required)
            .field("from_user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("to_user_id", .uuid, .references(UserModel.schema, "id"))
            .field("offered_at", .datetime, .required)
            .field("taken_at", .datetime)
            .unique(on: "shift_id", "occurrence_date", "from_user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ShiftSwapModel.schema).delete()
        try await database.schema(ShiftModel.schema).delete()
    }
}
