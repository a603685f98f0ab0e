import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import NIOConcurrencyHelpers
import Vapor

/// Sign-in (password, then second factor), invitation links and sign-out.
struct LoginRoutes: RouteCollection {
    let clock: any WallClock
    let sealer: FieldSealer

    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: loginForm).policy(.open)
        routes.post("login", use: login).policy(.open)
        routes.get("login", "2fa", use: secondFactorForm).policy(.awaitingSecondFactor)
        routes.post("login", "2fa", use: secondFactor).policy(.awaitingSecondFactor)
        routes.post("logout", use: logout).policy(.open)
        routes.get("invite", ":token", use: invitationForm).policy(.open)
        routes.post("invite", ":token", use: acceptInvitation).policy(.open)
    }

    private func store(_ req: Request) -> AccountsStore { AccountsStore(req.db, sealer: sealer) }

    private func signIn(_ page: SignInPage, _ req: Request, status: HTTPResponseStatus, notice: Text? = nil) -> Response {
        htmlResponse(AuthRenderer.render(page, req.chrome, notice: notice), status: status)
    }

    func loginForm(req: Request) async throws -> Response {
        if req.visitor.isSignedIn { return req.redirect(to: "/dashboard") }
        return signIn(SignInPage(), req, status: .ok, notice: req.query[String.self, at: "notice"].flatMap(Text.notice))
    }

    func login(req: Request) async throws -> Response {
        let fields = req.formValues
        let email = (fields["email"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = fields["password"] ?? ""
        let services = req.amparo
        let limits = services.config.signInLimits
        let account = sealer.blindIndex(email, kind: .email)
        // Counted before the password is checked, so concurrent guesses cannot all pass the limit.
        guard let attempt = try await limits.admit(account: account, source: req.sourceKey, on: services.limiter, at: clock.now()) else {
            return signIn(SignInPage(email: email, problem: .tooManyAttempts), req, status: .tooManyRequests)
        }
        let user: UserModel?, matches: Bool
        do {
            user = try await req.accounts.find(email: email)
            // Unknown accounts cost the same bcrypt work as known ones: the same answer, similar timing.
            var hash = user?.passwordHash ?? ""
            if hash.isEmpty { hash = try await services.dummyPasswordHash(req) }
            matches = try await req.passwordMatches(password, hash: hash)
        } catch where PasswordWork.isBusy(error) {
            try await services.limiter.release(attempt)
            return signIn(SignInPage(email: email, problem: .busy), req, status: .ok).busyAnswer()
        } catch {
            try await services.limiter.release(attempt)
            throw error
        }
        guard let user, matches, user.passwordHash != nil, !user.isDisabled else {
            try await req.audit("login.failure", recordType: "user", recordID: user?.id?.uuidString ?? "unknown", actor: "anonymous")
            return signIn(SignInPage(email: email, problem: .signInFailed), req, status: .unauthorized)
        }
        try await services.limiter.release(attempt)
        let stage = Sessions.stageAfterPassword(for: user)
        let response = req.redirect(to: Sessions.path(for: stage), redirectType: .normal)
        try await Sessions.start(req, user: user, stage: stage, replacing: req.visitor.session, response: response)
        let userID = try user.requireID().uuidString
        try await req.audit(stage == .active ? "login.success" : "login.password_ok", recordType: "user", recordID: userID, actor: userID)
        return response
    }

    private func secondFactorPage(_ problem: SecondFactorPage.Problem?, _ req: Request, status: HTTPResponseStatus) -> Response {
        htmlResponse(AuthRenderer.render(SecondFactorPage(problem: problem), req.chrome), status: status)
    }

    func secondFactorForm(req: Request) async throws -> Response { secondFactorPage(nil, req, status: .ok) }

    func secondFactor(req: Request) async throws -> Response {
        guard let user = req.visitor.user, let secret = try store(req).secondFactorSecret(of: user) else {
            return req.redirect(to: "/login")
        }
        let services = req.amparo, member = UserID(try user.requireID())
        let code = (req.formValues["code"] ?? "").trimmingCharacters(in: .whitespaces)
        let key = services.config.signInLimits.secondFactorKey(member: member.rawValue.uuidString)
        guard let attempt = try await services.limiter.reserve([key], at: clock.now()) else {
            return secondFactorPage(.tooManyAttempts, req, status: .tooManyRequests)
        }
        let auditID = member.rawValue.uuidString
        var usedRecoveryCode = false
        if let step = TOTP(secret: Base32.decode(secret) ?? []).verify(code, at: clock.now(), lastUsedStep: user.totpLastStep) {
            try await store(req).spendSecondFactorStep(step, of: member)
        } else if try await store(req).spendRecoveryCode(code, of: member, at: clock.now()) {
            usedRecoveryCode = true
        } else {
            try await req.audit("login.second_factor_failure", recordType: "user", recordID: auditID)
            return secondFactorPage(.codeWrong, req, status: .unauthorized)
        }
        try await services.limiter.release(attempt)
        let response = req.redirect(to: "/dashboard", redirectType: .normal)
        try await Sessions.start(req, user: user, stage: .active, replacing: req.visitor.session, response: response)
        try await req.audit("login.success", recordType: "user", recordID: auditID)
        if usedRecoveryCode {
            try await req.audit("login.recovery_code_used", recordType: "user", recordID: auditID)
        }
        return response
    }

    func logout(req: Request) async throws -> Response {
        let response = req.redirect(to: "/login", notice: "signedOut")
        if let user = req.visitor.user {
            try await req.audit("logout", recordType: "user", recordID: try user.requireID().uuidString)
        }
        try await Sessions.end(req, response: response)
        return response
    }

    private func invitationPage(_ user: UserModel, _ problem: InvitationPage.Problem?, _ req: Request, status: HTTPResponseStatus) -> Response {
        htmlResponse(AuthRenderer.render(InvitationPage(name: req.accounts.name(of: user), problem: problem), req.chrome), status: status)
    }

    func invitationForm(req: Request) async throws -> Response {
        let (_, user) = try await validInvitation(req)
        return invitationPage(user, nil, req, status: .ok)
    }

    func acceptInvitation(req: Request) async throws -> Response {
        let (link, user) = try await validInvitation(req)
        let fields = req.formValues
        let password = fields["password"] ?? ""
        var problem: InvitationPage.Problem?
        if let policyProblem = PasswordPolicy.check(password, email: req.accounts.email(of: user)) {
            problem = .password(policyProblem)
        } else if password != fields["passwordConfirmation"] {
            problem = .passwordsDiffer
        }
        if let problem { return invitationPage(user, problem, req, status: .unprocessableEntity) }
        guard let hash = try await req.hashPasswordUnlessBusy(password) else {
            return invitationPage(user, .busy, req, status: .ok).busyAnswer()
        }
        try await store(req).acceptInvitation(link, passwordHash: hash, language: req.language, at: clock.now())
        let member = try user.requireID()
        try await req.accounts.endSessions(of: member)
        try await req.audit("user.invitation_accepted", recordType: "user", recordID: member.uuidString, actor: member.uuidString)
        let stage = Sessions.stageAfterPassword(for: user)
        let response = req.redirect(to: Sessions.path(for: stage), redirectType: .normal)
        try await Sessions.start(req, user: user, stage: stage, replacing: nil, response: response)
        return response
    }

    /// The link and its member, who must not have been disabled since.
    private func validInvitation(_ req: Request) async throws -> (PendingInvitation, UserModel) {
        guard let link = try await store(req).invitation(token: req.parameters.get("token") ?? "", purpose: .invite, at: clock.now()),
              let member = link.member, let user = try await store(req).member(member), !user.isDisabled
        else {
            throw UserFacingError(status: .notFound, text: .invitationInvalid)
        }
        return (link, user)
    }
}

extension AmparoServices {
    /// A bcrypt hash of a random secret, for answering unknown accounts with the same work.
    func dummyPasswordHash(_ req: Request) async throws -> String {
        if let hash = dummyHash.withLockedValue({ $0 }) { return hash }
        let hash = try await req.hashPassword(random.token())
        dummyHash.withLockedValue { $0 = hash }
        return hash
    }
}
