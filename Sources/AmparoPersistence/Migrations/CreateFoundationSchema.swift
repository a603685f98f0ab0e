import Fluent

/// Organization, teams, users, sessions, invitations, API tokens and the audit log.
struct CreateFoundationSchema: AsyncMigration {
    var name: String { "0001_foundation" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganizationModel.schema)
            .id()
            .field("name", .string, .required)
            .field("default_language", .string, .required)
            .field("created_at", .datetime)
            .create()

        try await database.schema(TeamModel.schema)
            .id()
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()

        try await database.schema(UserModel.schema)
            .id()
            .field("email_index", .string, .required)
            .field("email_sealed", .string, .required)
            .field("name_sealed", .string, .required)
            .field("phone_sealed", .string)
            .field("phone_index", .string)
            .field("password_hash", .string)
            .field("role", .string, .required)
            .field("language", .string)
            .field("totp_secret_sealed", .string)
            .field("totp_enabled", .bool, .required)
            .field("totp_last_step", .int64)
            .field("disabled_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "email_index")
            .create()

        try await database.schema(TeamMembershipModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("team_id", .uuid, .required, .references(TeamModel.schema, .id, onDelete: .cascade))
            .unique(on: "user_id", "team_id")
            .create()

        try await database.schema(RecoveryCodeModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("digest", .string, .required)
            .field("used_at", .datetime)
            .create()

        try await database.schema(SessionModel.schema)
            .id()
            .field("token_digest", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("stage", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_digest")
            .create()

        try await database.schema(InvitationModel.schema)
            .id()
            .field("token_digest", .string, .required)
            .field("purpose", .string, .required)
            .field("user_id", .uuid, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_digest")
            .create()

        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_digest", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_digest")
            .create()

        try await database.schema(AuditEntryModel.schema)
            .id()
            .field("seq", .int64, .required)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            AuditEntryModel.schema, APITokenModel.schema, InvitationModel.schema, SessionModel.schema,
            RecoveryCodeModel.schema, TeamMembershipModel.schema, UserModel.schema, TeamModel.schema,
            OrganizationModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
