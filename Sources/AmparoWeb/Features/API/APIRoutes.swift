import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// The JSON API under /api/v1. Personal API tokens (Authorization: Bearer) act with their owner's role.
struct APIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("openapi.json", use: openAPI).policy(.apiOpen)
        api.get("health", use: health).policy(.apiOpen)
        api.get("me", use: me).policy(.apiToken(nil))
        api.get("teams", use: teams).policy(.apiToken(.viewDirectory))
        api.post("teams", use: createTeam).policy(.apiToken(.manageTeams))
        api.get("teams", ":teamID", use: team).policy(.apiToken(.viewDirectory))
        api.get("users", use: users).policy(.apiToken(.manageUsers))
        api.get("users", ":userID", use: user).policy(.apiToken(.manageUsers))
        api.get("audit", "verify", use: verifyAudit).policy(.apiToken(.viewAuditLog))
    }

    /// Built once from `APIOperations` and the page values' types.
    static let document: Result<Data, any Error> = Result { try APIOperations.document() }

    func openAPI(req: Request) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try Self.document.get()))
    }

    func health(req: Request) -> HealthDTO { HealthDTO(status: "ok") }

    func me(req: Request) async throws -> MeDTO {
        let user = req.visitor.user!
        let accounts = req.accounts
        return MeDTO(
            id: user.id!, name: accounts.name(of: user), email: accounts.email(of: user), phone: accounts.phone(of: user), roles: user.roles.ordered,
            language: user.language, teams: try await accounts.teams(of: user).map(TeamDTO.init))
    }

    func teams(req: Request) async throws -> [TeamDTO] {
        try await TeamModel.query(on: req.db).sort(\.$name).all().map(TeamDTO.init)
    }

    func team(req: Request) async throws -> TeamDTO {
        guard let id = req.parameters.get("teamID", as: UUID.self) else {
            throw Abort(.badRequest, reason: "The team id must be a UUID.")
        }
        guard let team = try await TeamModel.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "No team has that id.")
        }
        return TeamDTO(team)
    }

    func createTeam(req: Request) async throws -> Response {
        guard req.headers.contentType == .json else {
            throw Abort(.unsupportedMediaType, reason: "Send the team as JSON: Content-Type: application/json.")
        }
        let form: AdminTeamRoutes.TeamForm
        do {
            form = try req.content.decode(AdminTeamRoutes.TeamForm.self)
        } catch {
            throw Abort(.badRequest, reason: "The body must be a JSON object with a string \"name\" and an optional string \"region\".")
        }
        switch try await AdminTeamRoutes.createTeam(form, on: req) {
        case .success(let team):
            let response = Response(status: .created)
            try response.content.encode(TeamDTO(team), as: .json)
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/teams/\(team.id!.uuidString)")
            return response
        case .failure(let problem):
            throw UserFacingError(status: problem == .nameTaken ? .conflict : .unprocessableEntity, text: problem.text)
        }
    }

    func users(req: Request) async throws -> [UserDTO] {
        let accounts = req.accounts
        return try await UserModel.query(on: req.db).with(\.$teams).all().map { UserDTO($0, accounts: accounts) }
    }

    func user(req: Request) async throws -> UserDTO {
        guard let id = req.parameters.get("userID", as: UUID.self) else {
            throw Abort(.badRequest, reason: "The user id must be a UUID.")
        }
        guard let user = try await UserModel.query(on: req.db).filter(\.$id == id).with(\.$teams).first() else {
            throw Abort(.notFound, reason: "No user has that id.")
        }
        try await req.audit("user.read", recordType: "user", recordID: id.uuidString)
        return UserDTO(user, accounts: req.accounts)
    }

    func verifyAudit(req: Request) async throws -> AuditVerificationDTO {
        let result = try await req.amparo.audit.verify(on: req.db)
        try await req.audit("audit.verify", recordType: "audit_log", recordID: "all")
        return AuditVerificationDTO(
            intact: result.problem == nil, entriesChecked: result.entriesChecked, problem: result.problem?.description)
    }
}
