import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// The member's own pages: dashboard, profile, password, personal API tokens.
struct AccountRoutes: RouteCollection {
    let clock: any WallClock
    let sealer: FieldSealer

    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: dashboard).policy(.member(nil))
        routes.get("account", use: account).policy(.member(nil))
        routes.post("account", "password", use: changePassword).policy(.member(nil))
        routes.post("account", "reach", use: saveReach).policy(.member(nil))
        routes.post("account", "tokens", use: createToken).policy(.member(nil))
        routes.post("account", "tokens", ":tokenID", "revoke", use: revokeToken).policy(.member(nil))
    }

    private func store(_ req: Request) -> AccountsStore { AccountsStore(req.db, sealer: sealer) }

    func dashboard(req: Request) async throws -> Response {
        let user = req.visitor.user!
        let roles = user.roles
        let teams = try await req.amparo.sessionCache.teams(ofUser: try user.requireID(), on: req.db)
        // Whoever works cases sees the holds running first thing (the legal team above all).
        let holds = roles.can(.workCases) ? try await CasesStore(req.db, sealer: sealer).runningHolds(teams: try await CaseAccess.teams(req)) : []
        // Whoever sets the channels up hears of messages no channel can carry.
        var stuck: [DashboardPage.Stuck] = []
        if roles.can(.manageOrganization) {
            let waiting = try await SettingsStore(req.db, sealer: sealer).waitingByChannel()
            for channel in AlertChannel.allCases where req.amparo.delivery.senders(channel) == nil {
                if let count = waiting[channel.rawValue], count > 0 { stuck.append(.init(channel: channel, waiting: count)) }
            }
        }
        var page = DashboardPage(name: req.accounts.name(of: user), organization: try await req.amparo.organizationName(on: req.db), roles: roles,
                                 teams: teams.map { TeamLine(id: TeamID($0.id), name: $0.name, region: $0.region) }, holds: holds, asOf: clock.now(),
                                 stuck: stuck)
        if roles.can(.manageOrganization) { page.checklist = try await checklist(req) }
        return htmlResponse(AccountRenderer.render(page, req.chrome))
    }

    /// The setup checklist, while a step is left: each ticks itself from what exists.
    private func checklist(_ req: Request) async throws -> [DashboardPage.Step] {
        let counts = try await SettingsStore(req.db, sealer: sealer).setupCounts()
        let channel = AlertChannel.allCases.contains { req.amparo.delivery.senders($0) != nil }
        let steps: [DashboardPage.Step] = [
            .init(step: .organization, done: counts.organizationSaved, path: SiteURL.settings.path + "#organization"),
            .init(step: .channel, done: channel, path: SiteURL.settings.path + "#email"),
            .init(step: .teams, done: counts.teams > 0, path: SiteURL.teams.path),
            .init(step: .members, done: counts.members > 1, path: SiteURL.members.path + "#invite"),
            .init(step: .shifts, done: counts.shifts > 0, path: "/shifts"),
            .init(step: .agreements, done: counts.agreementImports > 0, path: SiteURL.placeImports.path),
            .init(step: .signUp, done: counts.subscriptions > 0, path: "/alerts/subscribe"),
        ]
        return steps.allSatisfy(\.done) ? [] : steps
    }

    /// The account page for the signed-in member, with what a refused form needs shown again.
    private func accountPage(_ req: Request, change: (inout AccountPage) -> Void = { _ in }) async throws -> AccountPage {
        let user = req.visitor.user!
        let services = req.amparo, accounts = req.accounts
        let chosen = user.reachChannel.flatMap(AlertChannel.init(rawValue:)) ?? .sms
        var page = AccountPage(
            profile: .init(name: accounts.name(of: user), email: accounts.email(of: user), phone: accounts.phone(of: user),
                           roles: user.roles, twoFactor: user.totpEnabled),
            reach: .init(chosen: chosen, actual: MemberReach.urgent(user, accounts: accounts, services: services).channel,
                         chosenIsSetUp: services.delivery.senders(chosen) != nil),
            tokens: try await store(req).tokens(of: try req.member()))
        change(&page)
        return page
    }

    func account(req: Request) async throws -> Response {
        let notice = req.query[String.self, at: "notice"].flatMap(Text.notice)
        return htmlResponse(AccountRenderer.render(try await accountPage(req), req.chrome, notice: notice))
    }

    /// A new password ends every other session and API token and starts a fresh session here.
    func changePassword(req: Request) async throws -> Response {
        let user = req.visitor.user!
        let fields = req.formValues
        let newPassword = fields["newPassword"] ?? ""
        var problems: [AccountPage.PasswordProblem] = []
        if !(try await req.passwordMatches(fields["currentPassword"] ?? "", hash: user.passwordHash ?? "")) {
            problems.append(.currentWrong)
        }
        if let problem = PasswordPolicy.check(newPassword, email: req.accounts.email(of: user)) {
            problems.append(.password(problem))
        } else if newPassword != fields["newPasswordConfirmation"] {
            problems.append(.passwordsDiffer)
        }
        guard problems.isEmpty else {
            let page = try await accountPage(req) { $0.passwordProblems = problems }
            return htmlResponse(AccountRenderer.render(page, req.chrome), status: .unprocessableEntity)
        }
        guard let hash = try await req.hashPasswordUnlessBusy(newPassword) else {
            let page = try await accountPage(req) { $0.passwordProblems = [.busy] }
            return htmlResponse(AccountRenderer.render(page, req.chrome)).busyAnswer()
        }
        let member = try req.member()
        try await store(req).setPasswordHash(hash, of: member)
        try await req.accounts.endSessions(of: member.rawValue)
        try await req.accounts.revokeTokens(of: member.rawValue)
        try await req.audit("user.password_change", recordType: "user", recordID: member.rawValue.uuidString)
        let response = req.redirect(to: "/account", notice: "passwordChanged")
        try await Sessions.start(req, user: user, stage: .active, replacing: nil, response: response)
        return response
    }

    /// The member's channel for urgent messages; anything but a known channel is refused.
    func saveReach(req: Request) async throws -> Response {
        guard let choice = req.formValues["channel"].flatMap(AlertChannel.init(rawValue:)) else {
            throw UserFacingError(status: .unprocessableEntity, text: .reachInvalid)
        }
        let member = try req.member()
        try await store(req).setReach(choice, of: member)
        try await req.audit("user.reach", recordType: "user", recordID: member.rawValue.uuidString)
        return req.redirect(to: "/account#reach", notice: "saved")
    }

    func createToken(req: Request) async throws -> Response {
        let fields = req.formValues
        let typed = AccountPage.TokenTyped(name: fields["name"] ?? "", access: fields["access"] ?? "full", days: fields["days"] ?? "365")
        func refuse(_ problem: AccountPage.TokenProblem) async throws -> Response {
            let page = try await accountPage(req) { $0.tokenTyped = typed; $0.tokenProblem = problem }
            return htmlResponse(AccountRenderer.render(page, req.chrome), status: .unprocessableEntity)
        }
        let name = typed.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else { return try await refuse(.name) }
        // Absent choices keep what a token always was: full access for a year.
        guard ["full", "read"].contains(typed.access), let days = Int(typed.days), AccountRenderer.tokenLifetimes.contains(days) else {
            return try await refuse(.choice)
        }
        let secret = "amp_" + req.amparo.random.token()
        let now = clock.now(), readOnly = typed.access == "read"
        let token = try await store(req).createToken(secret: secret, name: name, readOnly: readOnly, for: try req.member(),
                                                     at: now, expiresAt: now + TimeInterval(days) * 24 * 3600)
        try await req.audit(readOnly ? "api_token.create.read_only" : "api_token.create", recordType: "api_token", recordID: token.rawValue.uuidString)
        return htmlResponse(AccountRenderer.render(try await accountPage(req) { $0.newToken = secret }, req.chrome))
    }

    func revokeToken(req: Request) async throws -> Response {
        guard let id = req.parameters.get("tokenID", as: UUID.self),
              try await store(req).revokeToken(APITokenID(id), of: try req.member(), at: clock.now())
        else { throw Abort(.notFound) }
        try await req.audit("api_token.revoke", recordType: "api_token", recordID: id.uuidString)
        return req.redirect(to: "/account", notice: "tokenRevoked")
    }
}
