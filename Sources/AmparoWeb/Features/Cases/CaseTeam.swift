import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

/// Who follows a case, for the messages the background watches and timeline changes send.
enum CaseTeam {
    /// Active members with one of `roles` who may see the case: its team's, or everyone with the
    /// role while no team has taken it.
    static func members(of record: CaseModel, roles: RoleSet, on db: any Database) async throws -> [UserModel] {
        let users = try await UserModel.active(holdingAnyOf: roles, on: db)
        guard let teamID = record.teamID else { return users }
        let members = Set(try await TeamMembershipModel.query(on: db).filter(\.$team.$id == teamID).all().map { $0.$user.id })
        return users.filter { members.contains($0.id!) }
    }

    /// Who hears about a hold: the case team's legal members; else every legal member; else the
    /// coordinators; else the admins. Never nobody.
    static func holdRecipients(of record: CaseModel, on db: any Database) async throws -> [UserModel] {
        let team = try await members(of: record, roles: [.legal], on: db)
        if !team.isEmpty { return team }
        for roles: RoleSet in [[.legal], [.coordinator], [.admin]] {
            let anyone = try await UserModel.active(holdingAnyOf: roles, on: db)
            if !anyone.isEmpty { return anyone }
        }
        return []
    }

    /// A message to the member's phone (a text, or Signal if they chose it) as well as the email,
    /// where they have a phone and the channel is set up (`MemberReach`).
    static func texts(
        to members: [UserModel], body: (Language) -> String, purpose: String, recordID: UUID?, services: AmparoServices, on db: any Database
    ) throws -> [NoticeModel] {
        let accounts = Accounts(db: db, services: services)
        return try members.compactMap { member in
            guard let phone = MemberReach.phone(member, accounts: accounts, services: services) else { return nil }
            return try Notice.make(channel: phone.channel, to: phone.to, subject: "", body: body(Language(rawValue: member.language ?? "") ?? .es),
                                   purpose: purpose, recordID: recordID, services: services)
        }
    }

    /// One email notice per member, each in the member's language. The text names no one: it links.
    static func emails(
        to members: [UserModel], subject: (Language) -> String, body: (Language) -> String, purpose: String, recordID: UUID?,
        services: AmparoServices, on db: any Database
    ) throws -> [NoticeModel] {
        let accounts = Accounts(db: db, services: services)
        return try members.map { member in
            let language = Language(rawValue: member.language ?? "") ?? .es
            return try Notice.make(channel: .email, to: accounts.email(of: member), subject: subject(language), body: body(language),
                                   purpose: purpose, recordID: recordID, services: services)
        }
    }
}
