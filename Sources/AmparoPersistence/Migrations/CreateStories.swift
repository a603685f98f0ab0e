import Fluent
import SQLKit

/// Stories told through the public form: what happened sealed until a reviewer publishes an
/// edited text (public by then), and only with the teller's consent.
struct CreateStories: AsyncMigration {
    var name: String { "0022_stories" }

    func prepare(on database: any Database) async throws {
        try await database.schema(StoryModel.schema)
            .id()
            .field("state_code", .string, .required)
            .field("county", .string)
            .field("happened_in", .string)
            .field("agencies", .string, .required)
            .field("outcome", .string)
            .field("body_sealed", .string, .required)
            .field("consent_to_publish", .bool, .required)
            .field("display_name_sealed", .string)
            .field("reach_sealed", .string)
            .field("language", .string, .required)
            .field("status", .string, .required)
            .field("published_text", .string)
            .field("published_name", .string)
            .field("received_at", .datetime, .required)
            .field("reviewed_by", .uuid)
            .field("reviewed_at", .datetime)
            .create()
        try await database.sql.create(index: "stories_status").on(StoryModel.schema).column("status").column("received_at").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(StoryModel.schema).delete() }
}
