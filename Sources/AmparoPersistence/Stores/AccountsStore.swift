import AmparoDomain
import Fluent
import Foundation

/// A personal API token as its owner sees it in the list: never the secret, only its first characters.
public struct APITokenLine: Sendable, Equatable, Codable {
    public let id: APITokenID
    public let name: String
    public let prefix: String
    public let createdAt: Date
    public let lastUsedAt: Date?
    public let expiresAt: Date
    public let readOnly: Bool

    public init(id: APITokenID, name: String, prefix: String, createdAt: Date, lastUsedAt: Date?, expiresAt: Date, readOnly: Bool) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.expiresAt = expiresAt
        self.readOnly = readOnly
    }
}

/// An unused, unexpired one-time link: the first-run setup link (no member) or a member's invitation.
public struct PendingInvitation: Sendable, Equatable {
    public let id: UUID
    public let member: UserID?
}

/// The first run's organization and admin could not be written: another person finished setup first.
public struct SetupAlreadyDone: Error {}

/// The member's own account, sign-in and the first run: the organization, one-time links, passwords,
/// second factors, recovery codes and API tokens. Every write to a member goes through the model so
/// the session cache hears of it.
public struct AccountsStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    // MARK: First run

    public func isSetUp() async throws -> Bool {
        try await OrganizationModel.query(on: db).count() > 0
    }

    /// Replaces any earlier setup link with this one.
    public func replaceSetupLink(token: String, at now: Date, expiresAt: Date) async throws {
        try await db.transaction { db in
            try await InvitationModel.query(on: db).filter(\.$purpose == InvitationModel.Purpose.setup.rawValue).delete()
            try await InvitationModel(tokenDigest: SecretDigest.of(token), purpose: .setup, userID: nil, now: now, expiresAt: expiresAt)
                .create(on: db)
        }
    }

    /// The organization, the spent setup link and its first admin land together or not at all.
    /// `create` makes the admin inside the same transaction.
    public func setUp(organization: String, language: Language, spending link: PendingInvitation, at now: Date,
                      admin create: @escaping @Sendable (any Database) async throws -> UserModel) async throws -> UserModel {
        try await db.transaction { db in
            guard try await OrganizationModel.query(on: db).count() == 0,
                  let invitation = try await InvitationModel.find(link.id, on: db), invitation.usedAt == nil
            else { throw SetupAlreadyDone() }
            try await OrganizationModel(name: organization, defaultLanguage: language.rawValue).create(on: db)
            invitation.usedAt = now
            try await invitation.save(on: db)
            let admin = try await create(db)
            admin.language = language.rawValue
            try await admin.save(on: db)
            return admin
        }
    }

    // MARK: One-time links

    public func invitation(token: String, purpose: InvitationModel.Purpose, at now: Date) async throws -> PendingInvitation? {
        guard let invitation = try await InvitationModel.query(on: db)
            .filter(\.$tokenDigest == SecretDigest.of(token)).filter(\.$purpose == purpose.rawValue).first(),
            invitation.usedAt == nil, invitation.expiresAt > now
        else { return nil }
        return PendingInvitation(id: try invitation.requireID(), member: invitation.$user.id.map(UserID.init))
    }

    /// The member's chosen password and the spent link, together; the language they accepted in is
    /// the one their emails come in unless they had one.
    public func acceptInvitation(_ link: PendingInvitation, passwordHash: String, language: Language, at now: Date) async throws {
        guard let member = link.member else { return }
        try await db.transaction { db in
            guard let invitation = try await InvitationModel.find(link.id, on: db), invitation.usedAt == nil,
                  let user = try await UserModel.find(member.rawValue, on: db) else { return }
            user.passwordHash = passwordHash
            if user.language == nil { user.language = language.rawValue }
            invitation.usedAt = now
            try await user.save(on: db)
            try await invitation.save(on: db)
        }
    }

    // MARK: The member's own settings

    public func member(_ id: UserID) async throws -> UserModel? {
        try await UserModel.find(id.rawValue, on: db)
    }

    private func update(_ id: UserID, _ change: (UserModel) -> Void) async throws {
        guard let user = try await member(id) else { return }
        change(user)
        try await user.save(on: db)
    }

    public func setPasswordHash(_ hash: String, of id: UserID) async throws { try await update(id) { $0.passwordHash = hash } }
    public func setReach(_ channel: AlertChannel, of id: UserID) async throws { try await update(id) { $0.reachChannel = channel.rawValue } }
    public func setLanguage(_ language: Language, of id: UserID) async throws { try await update(id) { $0.language = language.rawValue } }

    // MARK: Second factor

    /// The secret being enrolled: made once and kept (sealed) until confirmed, so reloading the
    /// enrolment page shows the same QR code.
    public func enrolmentSecret(of user: UserModel, orNew make: () -> String) async throws -> String {
        let context = SealedColumn.userTOTPSecret.context(rowID: try user.requireID())
        if let sealed = user.totpSecretSealed { return try sealer.open(sealed, context: context) }
        let secret = make()
        user.totpSecretSealed = try sealer.seal(secret, context: context)
        try await user.save(on: db)
        return secret
    }

    public func secondFactorSecret(of user: UserModel) throws -> String? {
        try user.totpSecretSealed.map { try sealer.open($0, context: SealedColumn.userTOTPSecret.context(rowID: try user.requireID())) }
    }

    /// The second factor on, its first code's step spent, and a fresh set of recovery codes (only
    /// their digests) in place of any earlier ones.
    public func enableSecondFactor(of id: UserID, step: Int64, recoveryCodes: [String]) async throws {
        try await db.transaction { db in
            guard let user = try await UserModel.find(id.rawValue, on: db) else { return }
            user.totpEnabled = true
            user.totpLastStep = step
            try await user.save(on: db)
            try await RecoveryCodeModel.query(on: db).filter(\.$user.$id == id.rawValue).delete()
            for code in recoveryCodes {
                try await RecoveryCodeModel(userID: id.rawValue, digest: RecoveryCodes.digest(code)).create(on: db)
            }
        }
    }

    /// A code's step is spent: the same code cannot sign in twice.
    public func spendSecondFactorStep(_ step: Int64, of id: UserID) async throws { try await update(id) { $0.totpLastStep = step } }

    /// True when the code was one of the member's unused recovery codes, now spent.
    public func spendRecoveryCode(_ code: String, of id: UserID, at now: Date) async throws -> Bool {
        guard let recovery = try await RecoveryCodeModel.query(on: db)
            .filter(\.$user.$id == id.rawValue).filter(\.$digest == RecoveryCodes.digest(code)).filter(\.$usedAt == nil).first()
        else { return false }
        recovery.usedAt = now
        try await recovery.save(on: db)
        return true
    }

    // MARK: API tokens

    /// The member's live tokens, newest first.
    public func tokens(of id: UserID) async throws -> [APITokenLine] {
        try await APITokenModel.query(on: db).filter(\.$user.$id == id.rawValue).filter(\.$revokedAt == nil)
            .sort(\.$createdAt, .descending).all()
            .map { APITokenLine(id: APITokenID(try $0.requireID()), name: $0.name, prefix: $0.prefix, createdAt: $0.createdAt,
                                lastUsedAt: $0.lastUsedAt, expiresAt: $0.expiresAt, readOnly: $0.readOnly) }
    }

    /// Stores only the secret's digest and its first ten characters (to tell tokens apart).
    public func createToken(secret: String, name: String, readOnly: Bool, for id: UserID, at now: Date, expiresAt: Date) async throws -> APITokenID {
        let token = APITokenModel(userID: id.rawValue, name: name, tokenDigest: SecretDigest.of(secret), prefix: String(secret.prefix(10)),
                                  now: now, expiresAt: expiresAt, readOnly: readOnly)
        try await token.create(on: db)
        return APITokenID(try token.requireID())
    }

    /// False when the member holds no such token.
    public func revokeToken(_ token: APITokenID, of id: UserID, at now: Date) async throws -> Bool {
        guard let token = try await APITokenModel.query(on: db)
            .filter(\.$id == token.rawValue).filter(\.$user.$id == id.rawValue).first()
        else { return false }
        token.revokedAt = now
        try await token.save(on: db)
        return true
    }
}
