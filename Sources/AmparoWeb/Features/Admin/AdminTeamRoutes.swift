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

    enum Problem: Error { case nameMissing, nameTaken, tooLong, controlCharacter }

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
        try await view(req, values: TeamForm(), error: nil, status: .ok)
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(TeamForm.self)
        switch try await Self.createTeam(form, on: req) {
        case .success: return req.redirect(to: "/admin/teams", notice: "saved")
        case .failure(let problem):
            return try await view(req, values: form, error: problem.text, status: problem == .nameTaken ? .conflict : .unprocessableEntity)
        }
    }

    private func view(_ req: Request, values: TeamForm, error: Text?, status: HTTPResponseStatus) async throws -> Response {
        let l = req.language
        let teams = try await TeamModel.query(on: req.db).with(\.$members).sort(\.$name).all()
        let rows: [HTML] = teams.map { "<tr><td>\($0.name)</td><td>\($0.region)</td><td>\($0.members.count)</td></tr>" }
        let notice = req.query[String.self, at: "notice"].flatMap(Text.notice).map { HTML("\($0.in(l))") }
        let body: HTML = """
        <h1>\(Text.navTeams.in(l))</h1>
        \(teams.isEmpty ? HTML("<p>\(Text.noTeams.in(l))</p>") : HTML("<table><thead><tr><th>\(Text.teamName.in(l))</th><th>\(Text.region.in(l))</th><th>\(Text.members.in(l))</th></tr></thead><tbody>\(rows)</tbody></table>"))
        <h2>\(Text.newTeam.in(l))</h2>
        \(error.map { Form.errorSummary([$0.in(l)], language: l) })
        <form method="post" action="/admin/teams">
        \(Layout.csrfField(req.visitor))
        \(Form.field("name", label: Text.teamName.in(l), value: values.name ?? ""))
        \(Form.field("region", label: Text.region.in(l), value: values.region ?? "", hint: Text.regionHint.in(l), required: false))
        <button type="submit">\(Text.newTeam.in(l))</button>
        </form>
        """
        return htmlResponse(Layout.page(req, title: Text.navTeams.in(l), body: body, notice: notice), status: status)
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
