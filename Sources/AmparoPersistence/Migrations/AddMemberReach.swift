import Fluent

/// A member chooses how urgent messages reach them: a text, Signal or email.
struct AddMemberReach: AsyncMigration {
    var name: String { "0028_member_reach" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("reach_channel", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField("reach_channel").update()
    }
}
