import AmparoDomain
import Fluent
import Foundation

/// A member of the group with an account. Email and name are sealed; `emailIndex` is the blind index
/// that finds an account by email without decrypting.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email_index") public var emailIndex: String
    @Field(key: "email_sealed") public var emailSealed: String
    @Field(key: "name_sealed") public var nameSealed: String
    /// A mobile number for alerts and dispatch (optional), sealed, with its own blind index.
    @OptionalField(key: "phone_sealed") public var phoneSealed: String?
    @OptionalField(key: "phone_index") public var phoneIndex: String?
    /// Nil until the person sets a password through their invitation link.
    @OptionalField(key: "password_hash") public var passwordHash: String?
    /// The roles held, comma-separated (`RoleSet.stored`): read and written through `roles`.
    @Field(key: "role") public var storedRoles: String
    @OptionalField(key: "language") public var language: String?
    /// The channel the member chose for urgent messages (`AlertChannel`); nil: a text when possible.
    @OptionalField(key: "reach_channel") public var reachChannel: String?
    @OptionalField(key: "totp_secret_sealed") public var totpSecretSealed: String?
    @Field(key: "totp_enabled") public var totpEnabled: Bool
    /// The last accepted TOTP time step: a code for that step or an earlier one is refused (no replay).
    @OptionalField(key: "totp_last_step") public var totpLastStep: Int64?
    @OptionalField(key: "disabled_at") public var disabledAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Siblings(through: TeamMembershipModel.self, from: \.$user, to: \.$team) public var teams: [TeamModel]

    public init() {}

    public init(id: UUID, emailIndex: String, emailSealed: String, nameSealed: String, roles: RoleSet) {
        self.id = id
        self.emailIndex = emailIndex
        self.emailSealed = emailSealed
        self.nameSealed = nameSealed
        self.storedRoles = roles.stored
        self.totpEnabled = false
    }

    public var isDisabled: Bool { disabledAt != nil }

    public var roles: RoleSet {
        get { RoleSet(stored: storedRoles) }
        set { storedRoles = newValue.stored }
    }

    /// Members who are not disabled and hold at least one of these roles. The roles are a list in
    /// one column, so they are matched here rather than in SQL; a group has hundreds of members at most.
    public static func active(holdingAnyOf roles: RoleSet, on db: any Database) async throws -> [UserModel] {
        let enabled = try await UserModel.query(on: db).filter(\.$disabledAt == nil).all()
        return enabled.filter { user in roles.contains { user.roles.contains($0) } }
    }
}

public final class RecoveryCodeModel: Model, @unchecked Sendable {
    public static let schema = "recovery_codes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "digest") public var digest: String
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}

    public init(userID: UUID, digest: String) {
        self.id = UUID()
        self.$user.id = userID
        self.digest = digest
    }
}
