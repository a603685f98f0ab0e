import AmparoDomain
import AmparoPersistence
import Vapor

struct HealthDTO: Content {
    let status: String
}

struct TeamDTO: Content {
    let id: UUID
    let name: String
    let region: String

    init(_ team: TeamModel) {
        id = team.id!
        name = team.name
        region = team.region
    }
}

struct MeDTO: Content {
    let id: UUID
    let name: String
    let email: String
    let phone: String?
    /// Every role held, in the catalog's order.
    let roles: [Role]
    let language: String?
    let teams: [TeamDTO]
}

struct UserDTO: Content {
    let id: UUID
    let name: String
    /// Every role held, in the catalog's order.
    let roles: [Role]
    let status: String
    let twoFactor: Bool
    let teams: [TeamDTO]

    /// `user.teams` must be eager-loaded.
    init(_ user: UserModel, accounts: Accounts) {
        id = user.id!
        name = accounts.name(of: user)
        roles = user.roles.ordered
        status = user.isDisabled ? "disabled" : user.passwordHash == nil ? "invited" : "active"
        twoFactor = user.totpEnabled
        teams = user.teams.map(TeamDTO.init)
    }
}

struct AuditVerificationDTO: Content {
    let intact: Bool
    let entriesChecked: Int64
    let problem: String?
}
