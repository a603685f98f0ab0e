import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// First run: the one-time link printed on the terminal lets the first person create the
/// organization and the first admin, who then enrols a second factor.
struct SetupRoutes: RouteCollection {
    static let linkLifetime: TimeInterval = 24 * 3600

    func boot(routes: any RoutesBuilder) throws {
        routes.get("setup", ":token", use: form).policy(.open)
        routes.post("setup", ":token", use: submit).policy(.open)
    }

    struct SetupForm: Content {
        var organization: String?
        var name: String?
        var email: String?
        var password: String?
        var passwordConfirmation: String?
    }

    func form(req: Request) async throws -> Response {
        _ = try await validInvitation(req)
        return SetupViews.form(req, values: SetupForm(), errors: [:], status: .ok)
    }

    func submit(req: Request) async throws -> Response {
        let invitation = try await validInvitation(req)
        let form = try req.content.decode(SetupForm.self)
        let organization = (form.organization ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let name = form.name ?? ""
        let email = form.email ?? ""
        let password = form.password ?? ""
        var errors: [String: Text] = [:]
        if organization.isEmpty { errors["organization"] = .errorOrganizationMissing }
        if organization.count > 200 { errors["organization"] = .errorNameTooLong }
        for problem in Accounts.validate(email: email, name: name) {
            errors[problem == .invalidEmail ? "email" : "name"] = problem.text
        }
        if let problem = PasswordPolicy.check(password, email: email) { errors["password"] = .passwordProblem(problem) }
        if password != form.passwordConfirmation { errors["passwordConfirmation"] = .errorPasswordsDiffer }
        guard errors.isEmpty else {
            var kept = form
            kept.password = nil
            kept.passwordConfirmation = nil
            return SetupViews.form(req, values: kept, errors: errors, status: .unprocessableEntity)
        }

        guard let hash = try await req.hashPasswordUnlessBusy(password) else {
            var kept = form
            kept.password = nil
            kept.passwordConfirmation = nil
            return SetupViews.form(req, values: kept, errors: ["password": .errorPasswordBusy], status: .ok).busyAnswer()
        }
        let language = req.language
        // Organization, admin and the spent link land together or not at all.
        let user: UserModel = try await req.db.transaction { db in
            guard try await OrganizationModel.query(on: db).count() == 0 else {
                throw UserFacingError(status: .gone, text: .setupAlreadyDone)
            }
            try await OrganizationModel(name: organization, defaultLanguage: language.rawValue).create(on: db)
            invitation.usedAt = req.amparo.clock.now()
            try await invitation.save(on: db)
            let accounts = Accounts(db: db, services: req.amparo)
            let created = try await accounts.create(
                email: email, name: name, role: .admin, passwordHash: hash)
            created.user.language = language.rawValue
            try await created.user.save(on: db)
            return created.user
        }
        try await req.audit("organization.setup", recordType: "user", recordID: user.id!.uuidString, actor: user.id!.uuidString)
        try await req.audit("user.create", recordType: "user", recordID: user.id!.uuidString, actor: user.id!.uuidString)
        let response = req.redirect(to: "/enrol", redirectType: .normal)
        try await Sessions.start(req, user: user, stage: .mustEnrol, replacing: nil, response: response)
        return response
    }

    private func validInvitation(_ req: Request) async throws -> InvitationModel {
        let token = req.parameters.get("token") ?? ""
        guard let invitation = try await InvitationModel.query(on: req.db)
            .filter(\.$tokenDigest == SecretDigest.of(token))
            .filter(\.$purpose == InvitationModel.Purpose.setup.rawValue)
            .first(),
            invitation.usedAt == nil, invitation.expiresAt > req.amparo.clock.now()
        else {
            throw UserFacingError(status: .notFound, text: .setupLinkInvalid)
        }
        return invitation
    }

    /// Called at every start while no organization exists: replaces any earlier link and returns the new one.
    static func issueSetupLinkIfNeeded(_ app: Application) async throws -> String? {
        guard try await OrganizationModel.query(on: app.db).count() == 0 else { return nil }
        let services = app.amparo
        let now = services.clock.now()
        try await InvitationModel.query(on: app.db)
            .filter(\.$purpose == InvitationModel.Purpose.setup.rawValue).delete()
        let token = services.random.token()
        try await InvitationModel(
            tokenDigest: SecretDigest.of(token), purpose: .setup, userID: nil, now: now, expiresAt: now + linkLifetime
        ).create(on: app.db)
        return "\(services.config.baseURL)/setup/\(token)"
    }
}

enum SetupViews {
    static func form(_ req: Request, values: SetupRoutes.SetupForm, errors: [String: Text], status: HTTPResponseStatus) -> Response {
        let l = req.language
        let order = ["organization", "name", "email", "password", "passwordConfirmation"]
        let summary = Form.errorSummary(order.compactMap { errors[$0]?.in(l) }, language: l)
        let body: HTML = """
        <h1>\(Text.setupTitle.in(l))</h1>
        <p>\(Text.setupIntro.in(l))</p>
        \(summary)
        <form method="post" novalidate>
        \(Layout.csrfField(req.visitor))
        \(Form.field("organization", label: Text.organizationName.in(l), value: values.organization ?? "", error: errors["organization"]?.in(l), autocomplete: "organization"))
        \(Form.field("name", label: Text.yourName.in(l), value: values.name ?? "", error: errors["name"]?.in(l), autocomplete: "name"))
        \(Form.field("email", label: Text.email.in(l), type: "email", value: values.email ?? "", error: errors["email"]?.in(l), autocomplete: "username"))
        \(Form.field("password", label: Text.password.in(l), type: "password", hint: Text.passwordHint.in(l), error: errors["password"]?.in(l), autocomplete: "new-password"))
        \(Form.field("passwordConfirmation", label: Text.passwordAgain.in(l), type: "password", error: errors["passwordConfirmation"]?.in(l), autocomplete: "new-password"))
        <button type="submit">\(Text.setupSubmit.in(l))</button>
        </form>
        """
        return htmlResponse(Layout.page(req, title: Text.setupTitle.in(l), body: body), status: status)
    }
}
