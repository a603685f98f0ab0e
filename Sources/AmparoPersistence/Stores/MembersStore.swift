import AmparoDomain
import Fluent
import Foundation

/// A team: its name and region.
public struct TeamLine: Sendable, Equatable, Codable {
    public let id: TeamID
    public let name: String
    public let region: String

    public init(id: TeamID, name: String, region: String) {
        self.id = id
        self.name = name
        self.region = region
    }
}

/// Where a member's account stands.
public enum MemberStanding: String, Sendable, Equatable, Codable, CaseIterable {
    case active
    /// Invited; has not set a password yet.
    case invited
    case disabled
}

/// A member as the admins' directory lists them, name unsealed.
public struct MemberLine: Sendable, Equatable, Codable {
    public let id: UserID
    public let name: String
    public let roles: RoleSet
    public let teams: [String]
    public let standing: MemberStanding
    public let twoFactor: Bool

    public init(id: UserID, name: String, roles: RoleSet, teams: [String], standing: MemberStanding, twoFactor: Bool) {
        self.id = id
        self.name = name
        self.roles = roles
        self.teams = teams
        self.standing = standing
        self.twoFactor = twoFactor
    }
}

/// One member as an admin sees them: contact details unsealed, the teams they belong to.
public struct MemberDetail: Sendable, Equatable, Codable {
    public let id: UserID
    public let name: String
    public let email: String
    public let phone: String?
    public let roles: RoleSet
    public let standing: MemberStanding
    public let twoFactor: Bool
    /// Whether they set a password from their invitation (a disabled member may not have).
    public let acceptedInvitation: Bool
    public let teams: [TeamID]

    public init(id: UserID, name: String, email: String, phone: String?, roles: RoleSet, standing: MemberStanding, twoFactor: Bool,
                acceptedInvitation: Bool, teams: [TeamID]) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.roles = roles
        self.standing = standing
        self.twoFactor = twoFactor
        self.acceptedInvitation = acceptedInvitation
        self.teams = teams
    }
}

/// A team with how many members it has.
public struct TeamSize: Sendable, Equatable, Codable {
    public let id: TeamID
    public let name: String
    public let region: String
    public let members: Int

    public init(id: TeamID, name: String, region: String, members: Int) {
        self.id = id
        self.name = name
        self.region = region
        self.members = members
    }
}

/// An audit entry with its actor's name when the actor is a member.
public struct AuditLine: Sendable, Equatable, Codable {
    public let sequence: Int
    public let at: Date
    /// The member's id, "anonymous", "system" or a webhook's name, as recorded.
    public let actor: String
    public let actorName: String?
    public let action: String
    public let recordType: String
    public let recordID: String

    public init(sequence: Int, at: Date, actor: String, actorName: String?, action: String, recordType: String, recordID: String) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.actorName = actorName
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
    }
}

/// Members, teams and the audit log as the admin pages read them; names and contacts unsealed.
public struct MembersStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    /// Every member, by name.
    public func directory() async throws -> [MemberLine] {
        try await UserModel.query(on: db).with(\.$teams).all().map { user in
            MemberLine(id: UserID(try user.requireID()), name: user.name(openedWith: sealer), roles: user.roles,
                       teams: user.teams.map(\.name).sorted(), standing: Self.standing(user), twoFactor: user.totpEnabled)
        }
        .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    public func member(_ id: UserID) async throws -> MemberDetail? {
        guard let user = try await UserModel.find(id.rawValue, on: db) else { return nil }
        let teams = try await TeamMembershipModel.query(on: db).filter(\.$user.$id == id.rawValue).all().map { TeamID($0.$team.id) }
        return MemberDetail(
            id: id, name: user.name(openedWith: sealer),
            email: (try? sealer.open(user.emailSealed, context: SealedColumn.userEmail.context(rowID: id.rawValue))) ?? "—",
            phone: user.phoneSealed.flatMap { try? sealer.open($0, context: SealedColumn.userPhone.context(rowID: id.rawValue)) },
            roles: user.roles, standing: Self.standing(user), twoFactor: user.totpEnabled,
            acceptedInvitation: user.passwordHash != nil, teams: teams)
    }

    /// Every team, by name.
    public func teams() async throws -> [TeamLine] {
        try await TeamModel.query(on: db).sort(\.$name).all().map { TeamLine(id: TeamID(try $0.requireID()), name: $0.name, region: $0.region) }
    }

    /// Every team with its member count, by name.
    public func teamSummaries() async throws -> [TeamSize] {
        try await TeamModel.query(on: db).with(\.$members).sort(\.$name).all().map {
            TeamSize(id: TeamID(try $0.requireID()), name: $0.name, region: $0.region, members: $0.members.count)
        }
    }

    /// Those of these ids that name a team.
    public func existingTeams(_ ids: [UUID]) async throws -> [TeamID] {
        guard !ids.isEmpty else { return [] }
        return try await TeamModel.query(on: db).filter(\.$id ~~ ids).all().map { TeamID(try $0.requireID()) }
    }

    /// Saves a member's roles through the model, so the session cache hears of it. The group always
    /// keeps an admin: false, and nothing saved, when this would take the role from the last active one.
    public func setRoles(_ roles: RoleSet, of id: UserID) async throws -> Bool {
        try await db.transaction { db in
            guard let user = try await UserModel.find(id.rawValue, on: db) else { return true }
            if user.roles.contains(.admin), !roles.contains(.admin),
               try await UserModel.active(holdingAnyOf: [.admin], on: db).allSatisfy({ $0.id == user.id }) {
                return false
            }
            user.roles = roles
            try await user.save(on: db)
            return true
        }
    }

    /// Replaces a member's teams in one transaction.
    public func setTeams(_ teams: [TeamID], of id: UserID) async throws {
        try await db.transaction { db in
            try await TeamMembershipModel.query(on: db).filter(\.$user.$id == id.rawValue).delete()
            for team in teams { try await TeamMembershipModel(userID: id.rawValue, teamID: team.rawValue).create(on: db) }
        }
    }

    /// The newest entries of the audit log, with members' names.
    public func auditLog(limit: Int) async throws -> [AuditLine] {
        let entries = try await AuditEntryModel.query(on: db).sort(\.$sequence, .descending).limit(limit).all()
        let ids = Set(entries.compactMap { UUID(uuidString: $0.actor) })
        let names = try await UserModel.names(of: ids, on: db, sealer: sealer)
        return entries.map { entry in
            AuditLine(sequence: Int(entry.sequence), at: entry.at, actor: entry.actor, actorName: UUID(uuidString: entry.actor).flatMap { names[$0] },
                      action: entry.action, recordType: entry.recordType, recordID: entry.recordID)
        }
    }

    static func standing(_ user: UserModel) -> MemberStanding {
        user.isDisabled ? .disabled : user.passwordHash == nil ? .invited : .active
    }
}
