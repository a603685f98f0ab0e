import Fluent
import SQLKit

/// Family and support contacts of a case, every field about them sealed.
struct CreateCaseContacts: AsyncMigration {
    var name: String { "0015_case_contacts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CaseContactModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("name_sealed", .string)
            .field("relationship_sealed", .string)
            .field("reach_sealed", .string)
            .field("language", .string)
            .field("channel", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "case_contacts_case").on(CaseContactModel.schema).column("case_id").run()
        try await database.schema(CaseModel.schema).field("erased_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseModel.schema).deleteField("erased_at").update()
        try await database.schema(CaseContactModel.schema).delete()
    }
}
