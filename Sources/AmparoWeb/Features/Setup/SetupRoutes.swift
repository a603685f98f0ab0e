import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// First run: the one-time link printed on the terminal lets the first person create the
/// organization and the first admin, who then enrols a second factor.
struct SetupRoutes: RouteCollection {
    static let linkLifetime: TimeInterval = 24 * 3600

    let clock: any WallClock
    let sealer: FieldSealer

    func boot(routes: any RoutesBuilder) throws {
        routes.get("setup", ":token", use: form).policy(.open)
        routes.post("setup", ":token", use: submit).policy(.open)
    }

    private func store(_ req: Request) -> AccountsStore { AccountsStore(req.db, sealer: sealer) }

    func form(req: Request) async throws -> Response {
        _ = try await validLink(req)
        return htmlResponse(SetupRenderer.render(SetupPage(), req.chrome))
    }

    func submit(req: Request) async throws -> Response {
        let link = try await validLink(req)
        let fields = req.formValues
        let typed = SetupPage.Typed(organization: fields["organization"] ?? "", name: fields["name"] ?? "", email: fields["email"] ?? "")
        let organization = typed.organization.trimmingCharacters(in: .whitespacesAndNewlines)
        let password = fields["password"] ?? ""
        var problems: [SetupPage.Problem] = []
        if organization.isEmpty { problems.append(.organizationMissing) }
        if organization.count > 200 { problems.append(.organizationTooLong) }
        problems += Accounts.validate(email: typed.email, name: typed.name).map(SetupPage.Problem.account)
        if let problem = PasswordPolicy.check(password, email: typed.email) { problems.append(.password(problem)) }
        if password != fields["passwordConfirmation"] { problems.append(.passwordsDiffer) }
        guard problems.isEmpty else {
            return htmlResponse(SetupRenderer.render(SetupPage(typed: typed, problems: problems), req.chrome), status: .unprocessableEntity)
        }
        guard let hash = try await req.hashPasswordUnlessBusy(password) else {
            return htmlResponse(SetupRenderer.render(SetupPage(typed: typed, problems: [.busy]), req.chrome)).busyAnswer()
        }
        let services = req.amparo
        let admin: UserModel
        do {
            admin = try await store(req).setUp(organization: organization, language: req.language, spending: link, at: clock.now()) { db in
                try await Accounts(db: db, services: services).create(email: typed.email, name: typed.name, roles: .all, passwordHash: hash).user
            }
        } catch is SetupAlreadyDone {
            throw UserFacingError(status: .gone, text: .setupAlreadyDone)
        }
        let adminID = try admin.requireID().uuidString
        try await req.audit("organization.setup", recordType: "user", recordID: adminID, actor: adminID)
        try await req.audit("user.create", recordType: "user", recordID: adminID, actor: adminID)
        let response = req.redirect(to: "/enrol", redirectType: .normal)
        try await Sessions.start(req, user: admin, stage: .mustEnrol, replacing: nil, response: response)
        return response
    }

    private func validLink(_ req: Request) async throws -> PendingInvitation {
        guard let link = try await store(req).invitation(token: req.parameters.get("token") ?? "", purpose: .setup, at: clock.now()) else {
            throw UserFacingError(status: .notFound, text: .setupLinkInvalid)
        }
        return link
    }

    /// Called at every start while no organization exists: replaces any earlier link and returns the new one.
    static func issueSetupLinkIfNeeded(_ app: Application) async throws -> String? {
        let services = app.amparo
        let store = AccountsStore(app.db, sealer: services.sealer)
        guard try await !store.isSetUp() else { return nil }
        let now = services.clock.now(), token = services.random.token()
        try await store.replaceSetupLink(token: token, at: now, expiresAt: now + linkLifetime)
        return "\(services.config.baseURL)/setup/\(token)"
    }
}
