import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Teams and regions, which later modules use to scope who sees which records.
struct AdminTeamRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "teams", use: list).policy(.member(.manageTeams))
        routes.post("admin", "teams", use: create).policy(.member(.manageTeams))
    }

    struct TeamForm: Content {
        var name: String?
        var region: String?
    }

    enum Problem: String, Error, Sendable, Codable, CaseIterable { case nameMissing, nameTaken, tooLong, controlCharacter }

    /// Shared with the API: validates and creates a team, or names what is wrong.
    static func createTeam(_ form: TeamForm, on req: Request) async throws -> Result<TeamModel, Problem> {
        let name: String, region: String
        switch (SingleLineText.validate(form.name, maxLength: 120, required: true),
                SingleLineText.validate(form.region, maxLength: 120, required: false)) {
        case (.success(let n), .success(let r)): (name, region) = (n, r)
        case (.failure(.empty), _): return .failure(.nameMissing)
        case (.failure(.tooLong), _), (_, .failure(.tooLong)): return .failure(.tooLong)
        case (.failure, _), (_, .failure): return .failure(.controlCharacter)
        }
        if try await TeamModel.query(on: req.db).filter(\.$name == name).count() > 0 { return .failure(.nameTaken) }
        let team = TeamModel(name: name, region: region)
        try await team.create(on: req.db)
        try await req.audit("team.create", recordType: "team", recordID: team.id!.uuidString)
        return .success(team)
    }

    func list(req: Request) async throws -> Response {
        try await view(req, typed: .init(), problem: nil, status: .ok)
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(TeamForm.self)
        switch try await Self.createTeam(form, on: req) {
        case .success: return req.redirect(to: SiteURL.teams.path, notice: "saved")
        case .failure(let problem):
            return try await view(req, typed: .init(name: form.name ?? "", region: form.region ?? ""), problem: problem,
                                  status: problem == .nameTaken ? .conflict : .unprocessableEntity)
        }
    }

    private func view(_ req: Request, typed: TeamsPage.Typed, problem: Problem?, status: HTTPResponseStatus) async throws -> Response {
        let page = TeamsPage(teams: try await MembersStore(req.db, sealer: req.amparo.sealer).teamSummaries(), typed: typed, problem: problem)
        return htmlResponse(AdminRenderer.render(page, req.chrome, notice: req.query[String.self, at: "notice"].flatMap(Text.notice)), status: status)
    }
}

extension AdminTeamRoutes.Problem {
    var text: Text {
        switch self {
        case .nameMissing: .errorTeamNameMissing
        case .nameTaken: .errorTeamNameTaken
        case .tooLong: .errorTeamFieldTooLong
        case .controlCharacter: .errorControlCharacter
        }
    }
}
