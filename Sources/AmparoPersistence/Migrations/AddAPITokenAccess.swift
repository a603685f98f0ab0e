import Fluent
import SQLKit

/// A personal API token may be read-only: it reads what its owner's role reads and changes nothing.
struct AddAPITokenAccess: AsyncMigration {
    var name: String { "0026_api_token_access" }

    func prepare(on database: any Database) async throws {
        // Existing tokens keep full access: the default says so in the same statement.
        try await database.sql.raw("ALTER TABLE \(ident: APITokenModel.schema) ADD COLUMN read_only BOOLEAN NOT NULL DEFAULT FALSE").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema).deleteField("read_only").update()
    }
}
