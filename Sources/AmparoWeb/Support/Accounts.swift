import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

/// Account operations shared by the web pages, the API and the CLI.
struct Accounts {
    let db: any Database
    let services: AmparoServices

    static let invitationLifetime: TimeInterval = 72 * 3600

    enum Problem: String, Error, Equatable, Codable, Sendable, CaseIterable {
        case invalidEmail, nameMissing, nameTooLong, emailTaken, unknownRole, noRole, roleNotHeld, cannotDemoteSelf, lastAdmin, invalidPhone

        var text: Text {
            switch self {
            case .invalidEmail: .errorEmailInvalid
            case .nameMissing: .errorNameMissing
            case .nameTooLong: .errorNameTooLong
            case .emailTaken: .errorEmailTaken
            case .unknownRole: .errorRoleUnknown
            case .noRole: .errorNoRole
            case .roleNotHeld: .errorRoleNotHeld
            case .cannotDemoteSelf: .errorCannotDemoteSelf
            case .lastAdmin: .errorLastAdmin
            case .invalidPhone: .errorPhoneInvalid
            }
        }
    }

    private var sealer: FieldSealer { services.sealer }
    private var now: Date { services.clock.now() }

    static func validate(email: String, name: String, phone: String? = nil) -> [Problem] {
        var problems: [Problem] = []
        if let phone, !phone.isEmpty, !(7...15).contains(BlindIndexKind.phone.normalize(phone).count) {
            problems.append(.invalidPhone)
        }
        if !EmailAddress.isValid(email) { problems.append(.invalidEmail) }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { problems.append(.nameMissing) }
        if trimmed.count > 200 { problems.append(.nameTooLong) }
        return problems
    }

    func find(email: String) async throws -> UserModel? {
        try await UserModel.query(on: db)
            .filter(\.$emailIndex == sealer.blindIndex(email, kind: .email))
            .first()
    }

    /// Creates a member without a password and returns the one-time invitation link's token: the
    /// person chooses their own password and enrols their second factor. No default passwords.
    /// The caller records the audit entry once its own transaction has committed.
    func create(
        email: String, name: String, phone: String? = nil, roles: RoleSet, teamIDs: [UUID] = [], passwordHash: String? = nil
    ) async throws -> (user: UserModel, invitationToken: String?) {
        if let problem = Self.validate(email: email, name: name, phone: phone).first { throw problem }
        if try await find(email: email) != nil { throw Problem.emailTaken }
        let id = UUID()
        let user = UserModel(
            id: id,
            emailIndex: sealer.blindIndex(email, kind: .email),
            emailSealed: try sealer.seal(
                BlindIndexKind.email.normalize(email), context: SealedColumn.userEmail.context(rowID: id)),
            nameSealed: try sealer.seal(
                name.trimmingCharacters(in: .whitespacesAndNewlines), context: SealedColumn.userName.context(rowID: id)),
            roles: roles)
        user.passwordHash = passwordHash
        if let phone, !phone.isEmpty {
            user.phoneSealed = try sealer.seal(phone.trimmingCharacters(in: .whitespaces), context: SealedColumn.userPhone.context(rowID: id))
            user.phoneIndex = sealer.blindIndex(phone, kind: .phone)
        }
        let services = services
        let token: String? = try await db.transaction { db in
            try await user.create(on: db)
            for teamID in teamIDs {
                try await TeamMembershipModel(userID: id, teamID: teamID).create(on: db)
            }
            guard passwordHash == nil else { return nil }
            return try await Self.issueInvitation(for: id, on: db, services: services)
        }
        return (user, token)
    }

    /// A fresh invitation link; older unused ones for the same person stop working.
    static func issueInvitation(for userID: UUID, on db: any Database, services: AmparoServices) async throws -> String {
        let now = services.clock.now()
        try await InvitationModel.query(on: db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).delete()
        let token = services.random.token()
        try await InvitationModel(
            tokenDigest: SecretDigest.of(token), purpose: .invite, userID: userID, now: now,
            expiresAt: now + invitationLifetime
        ).create(on: db)
        return token
    }

    func name(of user: UserModel) -> String {
        user.name(openedWith: sealer)
    }

    func phone(of user: UserModel) -> String? {
        user.phoneSealed.flatMap { try? sealer.open($0, context: SealedColumn.userPhone.context(rowID: user.id!)) }
    }

    /// Members with this phone number, found through the blind index without decrypting anything.
    func find(phone: String) async throws -> [UserModel] {
        try await UserModel.query(on: db).filter(\.$phoneIndex == sealer.blindIndex(phone, kind: .phone)).all()
    }

    func email(of user: UserModel) -> String {
        (try? sealer.open(user.emailSealed, context: SealedColumn.userEmail.context(rowID: user.id!))) ?? "—"
    }

    /// Ends every session of a member: on password change, disable, second-factor reset.
    func endSessions(of userID: UUID, except keep: UUID? = nil) async throws {
        var query = SessionModel.query(on: db).filter(\.$user.$id == userID)
        if let keep { query = query.filter(\.$id != keep) }
        try await query.delete()
        services.sessionCache.revoke()  // a bulk delete passes no model middleware
    }

    /// Revokes every API token a member holds: on disable and on password change, when whoever
    /// learned the old password may also have made a token with it.
    func revokeTokens(of userID: UUID) async throws {
        try await APITokenModel.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    /// The member with this id; a 404 when there is none.
    func user(_ id: UserID) async throws -> UserModel {
        guard let user = try await UserModel.find(id.rawValue, on: db) else { throw Abort(.notFound) }
        return user
    }

    func setDisabled(_ user: UserModel, _ disabled: Bool, actor: String) async throws {
        user.disabledAt = disabled ? now : nil
        try await user.save(on: db)
        if disabled {
            try await endSessions(of: user.id!)
            try await revokeTokens(of: user.id!)
        }
        try await services.audit.append(
            on: db, actor: actor, action: disabled ? "user.disable" : "user.enable", recordType: "user",
            recordID: user.id!.uuidString)
    }

    /// Clears the second factor and recovery codes; the member enrols again at next sign-in.
    func resetSecondFactor(_ user: UserModel, actor: String) async throws {
        user.totpSecretSealed = nil
        user.totpEnabled = false
        user.totpLastStep = nil
        try await db.transaction { db in
            try await user.save(on: db)
            try await RecoveryCodeModel.query(on: db).filter(\.$user.$id == user.id!).delete()
        }
        try await endSessions(of: user.id!)
        try await services.audit.append(
            on: db, actor: actor, action: "user.reset_2fa", recordType: "user", recordID: user.id!.uuidString)
    }

    func teams(of user: UserModel) async throws -> [TeamModel] {
        try await HotPathQueries.teams(ofUser: user.id!, on: db)
    }
}

extension Accounts.Problem: AbortError {
    var status: HTTPResponseStatus { self == .emailTaken ? .conflict : .unprocessableEntity }
    var reason: String { text.in(.en) }
}

extension Request {
    var accounts: Accounts { Accounts(db: db, services: amparo) }
}
