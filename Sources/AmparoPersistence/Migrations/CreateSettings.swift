import Fluent

/// What an admin sets on the settings page: the public hotline number and the delivery channels.
/// One row. The channels' secrets are sealed (`SealedColumn.settingsMailPassword`, `.settingsTwilioToken`).
struct CreateSettings: AsyncMigration {
    var name: String { "0030_settings" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SettingsModel.schema)
            .id()
            .field("hotline_number", .string)
            .field("mail_host", .string)
            .field("mail_port", .int)
            .field("mail_security", .string)
            .field("mail_username", .string)
            .field("mail_password_sealed", .string)
            .field("mail_from", .string)
            .field("twilio_sid", .string)
            .field("twilio_token_sealed", .string)
            .field("twilio_from", .string)
            .field("signal_url", .string)
            .field("signal_number", .string)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SettingsModel.schema).delete()
    }
}
