import Fluent
import SQLKit

/// The organization's time zone, chosen on the settings page (the environment's still wins).
struct AddSettingsTimeZone: AsyncMigration {
    var name: String { "0031_settings_time_zone" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE \(ident: SettingsModel.schema) ADD COLUMN time_zone VARCHAR(64)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SettingsModel.schema).deleteField("time_zone").update()
    }
}
