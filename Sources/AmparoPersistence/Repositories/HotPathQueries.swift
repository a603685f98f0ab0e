import Fluent
import Foundation
import SQLKit

/// The queries every signed-in page makes, written with SQLKit and decoded by hand. Fluent's model
/// decoding walks each model by reflection on every row; on the session lookup that cost more than
/// the rest of a page together (scripts/bench, perf). The models come back marked as loaded, so they
/// save as updates like any Fluent-loaded model.
public enum HotPathQueries {
    /// Written once, not serialized by SQLKit on every request; the same text on SQLite and PostgreSQL.
    private static let sessionSelectList: String = {
        let session = ["id", "stage", "created_at", "last_seen_at", "expires_at"].map { "s.\($0) AS s_\($0)" }
        let user = [
            "id", "email_index", "email_sealed", "name_sealed", "phone_sealed", "phone_index", "password_hash", "role",
            "language", "totp_secret_sealed", "totp_enabled", "totp_last_step", "disabled_at", "created_at", "updated_at",
        ].map { "u.\($0) AS u_\($0)" }
        return (session + user).joined(separator: ", ")
    }()

    /// The session with this token digest and its user, in one query.
    public static func session(tokenDigest: String, on database: any Database) async throws -> SessionRow? {
        let rows = try await database.sql
            .raw("SELECT \(unsafeRaw: sessionSelectList) FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_digest = \(bind: tokenDigest) LIMIT 1")
            .all()
        guard let row = rows.first else { return nil }
        return SessionRow(
            tokenDigest: tokenDigest,
            sessionID: try row.decode(column: "s_id", as: UUID.self),
            stage: try row.decode(column: "s_stage", as: String.self),
            createdAt: try row.decode(column: "s_created_at", as: Date.self),
            lastSeenAt: try row.decode(column: "s_last_seen_at", as: Date.self),
            expiresAt: try row.decode(column: "s_expires_at", as: Date.self),
            userID: try row.decode(column: "u_id", as: UUID.self),
            emailIndex: try row.decode(column: "u_email_index", as: String.self),
            emailSealed: try row.decode(column: "u_email_sealed", as: String.self),
            nameSealed: try row.decode(column: "u_name_sealed", as: String.self),
            phoneSealed: try row.decode(column: "u_phone_sealed", as: String?.self),
            phoneIndex: try row.decode(column: "u_phone_index", as: String?.self),
            passwordHash: try row.decode(column: "u_password_hash", as: String?.self),
            role: try row.decode(column: "u_role", as: String.self),
            language: try row.decode(column: "u_language", as: String?.self),
            totpSecretSealed: try row.decode(column: "u_totp_secret_sealed", as: String?.self),
            totpEnabled: try row.decode(column: "u_totp_enabled", as: Bool.self),
            totpLastStep: try row.decode(column: "u_totp_last_step", as: Int64?.self),
            disabledAt: try row.decode(column: "u_disabled_at", as: Date?.self),
            userCreatedAt: try row.decode(column: "u_created_at", as: Date?.self),
            userUpdatedAt: try row.decode(column: "u_updated_at", as: Date?.self))
    }

    /// A member's teams, by name.
    public static func teams(ofUser userID: UUID, on database: any Database) async throws -> [TeamModel] {
        let rows = try await database.sql
            .raw("SELECT t.id, t.name, t.region FROM teams t JOIN team_memberships m ON m.team_id = t.id WHERE m.user_id = \(bind: userID) ORDER BY t.name")
            .all()
        return try rows.map { row in
            let team = TeamModel(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                region: try row.decode(column: "region", as: String.self))
            team._$idExists = true
            return team
        }
    }

    /// The organization's name, or nil before first-run setup.
    public static func organizationName(on database: any Database) async throws -> String? {
        try await database.sql.raw("SELECT name FROM organizations LIMIT 1").first()?.decode(column: "name", as: String.self)
    }
}

/// A session and its user as read from the database: a value, so it can be cached and shared, and
/// turned into fresh models for each request (models are classes that requests may change).
public struct SessionRow: Sendable {
    public let tokenDigest: String
    public let sessionID: UUID
    public let stage: String
    public let createdAt: Date
    public let lastSeenAt: Date
    public let expiresAt: Date
    public let userID: UUID
    let emailIndex: String
    let emailSealed: String
    let nameSealed: String
    let phoneSealed: String?
    let phoneIndex: String?
    let passwordHash: String?
    let role: String
    let language: String?
    let totpSecretSealed: String?
    let totpEnabled: Bool
    let totpLastStep: Int64?
    let disabledAt: Date?
    let userCreatedAt: Date?
    let userUpdatedAt: Date?

    /// Fresh models, marked as loaded so they save as updates.
    public func makeModel() -> SessionModel {
        let user = UserModel()
        user.id = userID
        user.emailIndex = emailIndex
        user.emailSealed = emailSealed
        user.nameSealed = nameSealed
        user.phoneSealed = phoneSealed
        user.phoneIndex = phoneIndex
        user.passwordHash = passwordHash
        user.storedRoles = role
        user.language = language
        user.totpSecretSealed = totpSecretSealed
        user.totpEnabled = totpEnabled
        user.totpLastStep = totpLastStep
        user.disabledAt = disabledAt
        user.createdAt = userCreatedAt
        user.updatedAt = userUpdatedAt
        user._$idExists = true

        let session = SessionModel()
        session.id = sessionID
        session.tokenDigest = tokenDigest
        session.$user.id = userID
        session.$user.value = user
        session.stage = stage
        session.createdAt = createdAt
        session.lastSeenAt = lastSeenAt
        session.expiresAt = expiresAt
        session._$idExists = true
        return session
    }
}
