import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// The member's own pages: dashboard, profile, password, personal API tokens.
struct AccountRoutes: RouteCollection {
    /// The lifetimes a member may give a token, in days; a year unless they choose shorter.
    static let tokenLifetimes = [30, 90, 365]

    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: dashboard).policy(.member(nil))
        routes.get("account", use: account).policy(.member(nil))
        routes.post("account", "password", use: changePassword).policy(.member(nil))
        routes.post("account", "reach", use: saveReach).policy(.member(nil))
        routes.post("account", "tokens", use: createToken).policy(.member(nil))
        routes.post("account", "tokens", ":tokenID", "revoke", use: revokeToken).policy(.member(nil))
    }

    func dashboard(req: Request) async throws -> Response {
        let user = req.visitor.user!
        let l = req.language
        let organization = try await req.amparo.organizationName(on: req.db)
        let teams = try await req.amparo.sessionCache.teams(ofUser: user.id!, on: req.db)
        let role = Role(rawValue: user.role) ?? .analyst
        let teamItems: [HTML] = teams.map { "<li>\($0.name) (\($0.region))</li>" }
        // Whoever works cases sees the holds running first thing (the legal team above all).
        var holds: HTML = .empty
        if role.can(.workCases) {
            let now = req.amparo.clock.now()
            let running = try await CasesStore(req.db, sealer: req.amparo.sealer).runningHolds(teams: try await CaseAccess.teams(req))
            holds = HoldAlarmRenderer.banner(running, now: now, req.chrome)
        }
        let body: HTML = """
        <h1>\(Text.welcome(req.accounts.name(of: user)).in(l))</h1>
        \(holds)
        <p>\(organization ?? "")</p>
        <dl><dt>\(Text.roleLabel.in(l))</dt><dd>\(Text.role(role).in(l))</dd>
        <dt>\(Text.teamsLabel.in(l))</dt><dd>\(teams.isEmpty ? HTML("\(Text.noTeams.in(l))") : HTML("<ul>\(teamItems)</ul>"))</dd></dl>
        <p>\(Text.dashboardIntro.in(l))</p>
        """
        return htmlResponse(Layout.page(req, title: Text.navDashboard.in(l), body: body), status: .ok)
    }

    func account(req: Request) async throws -> Response {
        try await AccountViews.page(req, passwordErrors: [], tokenError: nil, newToken: nil, status: .ok)
    }

    struct PasswordForm: Content {
        var currentPassword: String?
        var newPassword: String?
        var newPasswordConfirmation: String?
    }

    /// A new password ends every other session and API token and starts a fresh session here.
    func changePassword(req: Request) async throws -> Response {
        let user = req.visitor.user!
        let form = try req.content.decode(PasswordForm.self)
        var errors: [Text] = []
        if !(try await req.passwordMatches(form.currentPassword ?? "", hash: user.passwordHash ?? "")) {
            errors.append(.errorCurrentPasswordWrong)
        }
        if let problem = PasswordPolicy.check(form.newPassword ?? "", email: req.accounts.email(of: user)) {
            errors.append(.passwordProblem(problem))
        } else if form.newPassword != form.newPasswordConfirmation {
            errors.append(.errorPasswordsDiffer)
        }
        guard errors.isEmpty, let newPassword = form.newPassword else {
            return try await AccountViews.page(req, passwordErrors: errors, tokenError: nil, newToken: nil, status: .unprocessableEntity)
        }
        guard let hash = try await req.hashPasswordUnlessBusy(newPassword) else {
            return try await AccountViews.page(req, passwordErrors: [.errorPasswordBusy], tokenError: nil, newToken: nil, status: .ok).busyAnswer()
        }
        user.passwordHash = hash
        try await user.save(on: req.db)
        try await req.accounts.endSessions(of: user.id!)
        try await req.accounts.revokeTokens(of: user.id!)
        try await req.audit("user.password_change", recordType: "user", recordID: user.id!.uuidString)
        let response = req.redirect(to: "/account", notice: "passwordChanged")
        try await Sessions.start(req, user: user, stage: .active, replacing: nil, response: response)
        return response
    }

    /// The member's channel for urgent messages; anything but a known channel is refused.
    func saveReach(req: Request) async throws -> Response {
        let user = req.visitor.user!
        guard let choice = req.formFields?["channel"]?.first.flatMap(AlertChannel.init(rawValue:)) else {
            throw UserFacingError(status: .unprocessableEntity, text: .reachInvalid)
        }
        user.reachChannel = choice.rawValue
        try await user.save(on: req.db)
        try await req.audit("user.reach", recordType: "user", recordID: user.id!.uuidString)
        return req.redirect(to: "/account#reach", notice: "saved")
    }

    struct TokenForm: Content {
        var name: String?
        var access: String?
        var days: String?
    }

    func createToken(req: Request) async throws -> Response {
        let user = req.visitor.user!
        let form = try req.content.decode(TokenForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            return try await AccountViews.page(
                req, passwordErrors: [], tokenError: .errorTokenName, newToken: nil, status: .unprocessableEntity)
        }
        // Absent choices keep what a token always was: full access for a year.
        let access = form.access ?? "full", days = form.days.map { Int($0) } ?? 365
        guard ["full", "read"].contains(access), let days, Self.tokenLifetimes.contains(days) else {
            return try await AccountViews.page(
                req, passwordErrors: [], tokenError: .errorTokenChoice, newToken: nil, status: .unprocessableEntity)
        }
        let services = req.amparo
        let secret = "amp_" + services.random.token()
        let now = services.clock.now()
        let token = APITokenModel(
            userID: user.id!, name: name, tokenDigest: SecretDigest.of(secret), prefix: String(secret.prefix(10)),
            now: now, expiresAt: now + TimeInterval(days) * 24 * 3600, readOnly: access == "read")
        try await token.create(on: req.db)
        try await req.audit(access == "read" ? "api_token.create.read_only" : "api_token.create", recordType: "api_token", recordID: token.id!.uuidString)
        return try await AccountViews.page(req, passwordErrors: [], tokenError: nil, newToken: secret, status: .ok)
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = req.visitor.user!
        guard let id = req.parameters.get("tokenID", as: UUID.self),
              let token = try await APITokenModel.query(on: req.db)
                .filter(\.$id == id).filter(\.$user.$id == user.id!).first()
        else { throw Abort(.notFound) }
        token.revokedAt = req.amparo.clock.now()
        try await token.save(on: req.db)
        try await req.audit("api_token.revoke", recordType: "api_token", recordID: id.uuidString)
        return req.redirect(to: "/account", notice: "tokenRevoked")
    }
}

enum AccountViews {
    /// The channel choice, saying honestly what will happen when the chosen one cannot be used.
    static func reach(_ req: Request, _ user: UserModel) -> HTML {
        let l = req.language, services = req.amparo
        let chosen = user.reachChannel.flatMap(AlertChannel.init(rawValue:)) ?? .sms
        let options: [(value: String, label: String)] = [AlertChannel.sms, .signal, .email].map { ($0.rawValue, Text.reachChoice($0).in(l)) }
        var hints: [String] = []
        if req.accounts.phone(of: user) == nil, chosen != .email { hints.append(Text.reachNoPhone.in(l)) }
        if services.delivery.senders(chosen) == nil { hints.append(Text.reachNotSetUp(chosen).in(l)) }
        let actual = MemberReach.urgent(user, accounts: req.accounts, services: services).channel
        return """
        <h2 id="reach">\(Text.reachTitle.in(l))</h2>
        <p>\(Text.reachIntro.in(l))</p>
        \(hints.isEmpty ? HTML.empty : HTML("<p class=\"notice\">\(hints.joined(separator: " "))</p>"))
        <form method="post" action="/account/reach">\(Layout.csrfField(req.visitor))
        \(Form.select("channel", label: Text.reachTitle.in(l), options: options, selected: chosen.rawValue))
        <p class="hint" id="reach-now">→ \(Text.reachChoice(actual).in(l))</p>
        <button type="submit">\(Text.reachSave.in(l))</button></form>
        """
    }

    static func page(
        _ req: Request, passwordErrors: [Text], tokenError: Text?, newToken: String?, status: HTTPResponseStatus
    ) async throws -> Response {
        let user = req.visitor.user!
        let l = req.language
        let accounts = req.accounts
        let tokens = try await APITokenModel.query(on: req.db)
            .filter(\.$user.$id == user.id!).filter(\.$revokedAt == nil).sort(\.$createdAt, .descending).all()
        let csrf = Layout.csrfField(req.visitor)
        // A refused token form keeps what was typed; a created token clears it.
        let typed = newToken == nil ? (try? req.content.decode(AccountRoutes.TokenForm.self)) : nil
        let typedName = typed?.name ?? "", typedAccess = typed?.access ?? "full", typedDays = typed?.days ?? "365"
        let rows: [HTML] = tokens.map { token in
            """
            <tr><td data-label="\(Text.tokenName.in(l))">\(token.name)</td><td data-label="\(Text.tokenPrefix.in(l))"><code>\(token.prefix)…</code></td>
            <td data-label="\(Text.created.in(l))">\(req.amparo.localTime.dateTime(token.createdAt))</td>
            <td data-label="\(Text.tokenAccess.in(l))">\(token.readOnly ? Text.tokenAccessRead.in(l) : Text.tokenAccessFull.in(l))</td>
            <td data-label="\(Text.lastUsed.in(l))">\(token.lastUsedAt.map { req.amparo.localTime.dateTime($0) } ?? "—")</td>
            <td data-label="\(Text.tokenExpires.in(l))">\(req.amparo.localTime.dateTime(token.expiresAt))</td>
            <td><form method="post" action="/account/tokens/\(token.id!.uuidString)/revoke" class="inline">\(csrf)<button class="secondary" type="submit">\(Text.revoke.in(l))</button></form></td></tr>
            """
        }
        let notice = req.query[String.self, at: "notice"].flatMap(Text.notice).map { HTML("\($0.in(l))") }
        let body: HTML = """
        <h1>\(Text.navAccount.in(l))</h1>
        <dl><dt>\(Text.yourName.in(l))</dt><dd>\(accounts.name(of: user))</dd>
        <dt>\(Text.email.in(l))</dt><dd>\(accounts.email(of: user))</dd>
        <dt>\(Text.phone.in(l))</dt><dd>\(accounts.phone(of: user) ?? "—")</dd>
        <dt>\(Text.roleLabel.in(l))</dt><dd>\(Text.role(Role(rawValue: user.role) ?? .analyst).in(l))</dd>
        <dt>\(Text.secondFactorTitle.in(l))</dt><dd>\(user.totpEnabled ? Text.on.in(l) : Text.off.in(l))
        \(user.totpEnabled ? HTML.empty : HTML("<a href=\"/enrol\">\(Text.enrolTitle.in(l))</a>"))</dd></dl>

        \(reach(req, user))

        <h2 id="password">\(Text.changePassword.in(l))</h2>
        \(Form.errorSummary(passwordErrors.map { $0.in(l) }, language: l))
        <form method="post" action="/account/password">
        \(csrf)
        \(Form.field("currentPassword", label: Text.currentPassword.in(l), type: "password", autocomplete: "current-password"))
        \(Form.field("newPassword", label: Text.newPassword.in(l), type: "password", hint: Text.passwordHint.in(l), autocomplete: "new-password"))
        \(Form.field("newPasswordConfirmation", label: Text.passwordAgain.in(l), type: "password", autocomplete: "new-password"))
        <button type="submit">\(Text.changePassword.in(l))</button>
        </form>

        <h2 id="tokens">\(Text.apiTokens.in(l))</h2>
        <p>\(Text.apiTokensIntro.in(l))</p>
        \(newToken.map { HTML("<p class=\"notice\" role=\"status\">\(Text.tokenCreated.in(l))</p><p class=\"secret\" id=\"new-token\">\($0)</p>") })
        \(tokens.isEmpty ? HTML.empty : HTML("<table class=\"cards\" id=\"token-list\"><thead><tr><th>\(Text.tokenName.in(l))</th><th>\(Text.tokenPrefix.in(l))</th><th>\(Text.created.in(l))</th><th>\(Text.tokenAccess.in(l))</th><th>\(Text.lastUsed.in(l))</th><th>\(Text.tokenExpires.in(l))</th><th><span class=\"skip\">\(Text.revoke.in(l))</span></th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(tokenError.map { Form.errorSummary([$0.in(l)], language: l) })
        <form method="post" action="/account/tokens">
        \(csrf)
        \(Form.field("name", label: Text.tokenName.in(l), value: typedName, hint: Text.tokenNameHint.in(l)))
        \(Form.select("access", label: Text.tokenAccess.in(l), options: [("full", Text.tokenAccessFull.in(l)), ("read", Text.tokenAccessRead.in(l))], selected: typedAccess))
        \(Form.select("days", label: Text.tokenLifetime.in(l), options: AccountRoutes.tokenLifetimes.map { ("\($0)", Text.tokenDays($0).in(l)) }, selected: typedDays))
        <button type="submit">\(Text.createToken.in(l))</button>
        </form>
        """
        return htmlResponse(Layout.page(req, title: Text.navAccount.in(l), body: body, notice: notice), status: status)
    }
}
