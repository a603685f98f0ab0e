import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Sign-in (password, then second factor), invitation links and sign-out.
struct LoginRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: loginForm).policy(.open)
        routes.post("login", use: login).policy(.open)
        routes.get("login", "2fa", use: secondFactorForm).policy(.awaitingSecondFactor)
        routes.post("login", "2fa", use: secondFactor).policy(.awaitingSecondFactor)
        routes.post("logout", use: logout).policy(.open)
        routes.get("invite", ":token", use: invitationForm).policy(.open)
        routes.post("invite", ":token", use: acceptInvitation).policy(.open)
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
    }

    func loginForm(req: Request) async throws -> Response {
        if req.visitor.isSignedIn { return req.redirect(to: "/dashboard") }
        let notice = req.query[String.self, at: "notice"].flatMap(Text.notice)
        return LoginViews.login(req, email: "", error: nil, notice: notice, status: .ok)
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces)
        let password = form.password ?? ""
        let services = req.amparo
        let limits = services.config.signInLimits
        let account = services.sealer.blindIndex(email, kind: .email)
        // Counted before the password is checked, so concurrent guesses cannot all pass the limit.
        guard let attempt = try await limits.admit(account: account, source: req.sourceKey, on: services.limiter, at: services.clock.now()) else {
            return LoginViews.login(req, email: email, error: .errorTooManyAttempts, notice: nil, status: .tooManyRequests)
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
            return LoginViews.busy(req, email: email)
        } catch {
            try await services.limiter.release(attempt)
            throw error
        }
        guard let user, matches, user.passwordHash != nil, !user.isDisabled else {
            try await req.audit("login.failure", recordType: "user", recordID: user?.id?.uuidString ?? "unknown", actor: "anonymous")
            return LoginViews.login(req, email: email, error: .errorSignInFailed, notice: nil, status: .unauthorized)
        }
        try await services.limiter.release(attempt)
        let stage = Sessions.stageAfterPassword(for: user)
        let response = req.redirect(to: Sessions.path(for: stage), redirectType: .normal)
        try await Sessions.start(req, user: user, stage: stage, replacing: req.visitor.session, response: response)
        let userID = try user.requireID().uuidString
        try await req.audit(stage == .active ? "login.success" : "login.password_ok", recordType: "user", recordID: userID, actor: userID)
        return response
    }

    func secondFactorForm(req: Request) async throws -> Response {
        LoginViews.secondFactor(req, error: nil, status: .ok)
    }

    struct CodeForm: Content {
        var code: String?
    }

    func secondFactor(req: Request) async throws -> Response {
        guard let user = req.visitor.user, let secretSealed = user.totpSecretSealed else {
            return req.redirect(to: "/login")
        }
        let services = req.amparo
        let code = (try req.content.decode(CodeForm.self).code ?? "").trimmingCharacters(in: .whitespaces)
        let key = services.config.signInLimits.secondFactorKey(member: user.id!.uuidString)
        guard let attempt = try await services.limiter.reserve([key], at: services.clock.now()) else {
            return LoginViews.secondFactor(req, error: .errorTooManyAttempts, status: .tooManyRequests)
        }
        let secret = try services.sealer.open(secretSealed, context: SealedColumn.userTOTPSecret.context(rowID: user.id!))
        let totp = TOTP(secret: Base32.decode(secret) ?? [])
        var method = "totp"
        if let step = totp.verify(code, at: services.clock.now(), lastUsedStep: user.totpLastStep) {
            user.totpLastStep = step
            try await user.save(on: req.db)
        } else if let recovery = try await RecoveryCodeModel.query(on: req.db)
            .filter(\.$user.$id == user.id!)
            .filter(\.$digest == RecoveryCodes.digest(code))
            .filter(\.$usedAt == nil)
            .first()
        {
            recovery.usedAt = services.clock.now()
            try await recovery.save(on: req.db)
            method = "recovery_code"
        } else {
            try await req.audit("login.second_factor_failure", recordType: "user", recordID: user.id!.uuidString)
            return LoginViews.secondFactor(req, error: .errorCodeWrong, status: .unauthorized)
        }
        try await services.limiter.release(attempt)
        let response = req.redirect(to: "/dashboard", redirectType: .normal)
        try await Sessions.start(req, user: user, stage: .active, replacing: req.visitor.session, response: response)
        try await req.audit("login.success", recordType: "user", recordID: user.id!.uuidString)
        if method == "recovery_code" {
            try await req.audit("login.recovery_code_used", recordType: "user", recordID: user.id!.uuidString)
        }
        return response
    }

    func logout(req: Request) async throws -> Response {
        let response = req.redirect(to: "/login", notice: "signedOut")
        if let user = req.visitor.user {
            try await req.audit("logout", recordType: "user", recordID: user.id!.uuidString)
        }
        try await Sessions.end(req, response: response)
        return response
    }

    struct InvitationForm: Content {
        var password: String?
        var passwordConfirmation: String?
    }

    func invitationForm(req: Request) async throws -> Response {
        let (_, user) = try await validInvitation(req)
        return LoginViews.invitation(req, name: req.accounts.name(of: user), error: nil, status: .ok)
    }

    func acceptInvitation(req: Request) async throws -> Response {
        let (invitation, user) = try await validInvitation(req)
        let form = try req.content.decode(InvitationForm.self)
        let password = form.password ?? ""
        var problem: Text?
        if let policyProblem = PasswordPolicy.check(password, email: req.accounts.email(of: user)) {
            problem = .passwordProblem(policyProblem)
        } else if password != form.passwordConfirmation {
            problem = .errorPasswordsDiffer
        }
        if let problem {
            return LoginViews.invitation(req, name: req.accounts.name(of: user), error: problem, status: .unprocessableEntity)
        }
        guard let hash = try await req.hashPasswordUnlessBusy(password) else {
            return LoginViews.invitation(req, name: req.accounts.name(of: user), error: .errorPasswordBusy, status: .ok).busyAnswer()
        }
        user.passwordHash = hash
        // The language they accepted in is the one their emails (hold alerts, reminders) come in.
        if user.language == nil { user.language = req.language.rawValue }
        invitation.usedAt = req.amparo.clock.now()
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await invitation.save(on: db)
        }
        try await req.accounts.endSessions(of: user.id!)
        try await req.audit("user.invitation_accepted", recordType: "user", recordID: user.id!.uuidString, actor: user.id!.uuidString)
        let stage = Sessions.stageAfterPassword(for: user)
        let response = req.redirect(to: Sessions.path(for: stage), redirectType: .normal)
        try await Sessions.start(req, user: user, stage: stage, replacing: nil, response: response)
        return response
    }

    private func validInvitation(_ req: Request) async throws -> (InvitationModel, UserModel) {
        let token = req.parameters.get("token") ?? ""
        guard let invitation = try await InvitationModel.query(on: req.db)
            .filter(\.$tokenDigest == SecretDigest.of(token))
            .filter(\.$purpose == InvitationModel.Purpose.invite.rawValue)
            .with(\.$user)
            .first(),
            invitation.usedAt == nil, invitation.expiresAt > req.amparo.clock.now(),
            let user = invitation.user, !user.isDisabled
        else {
            throw UserFacingError(status: .notFound, text: .invitationInvalid)
        }
        return (invitation, user)
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

enum LoginViews {
    static func login(_ req: Request, email: String, error: Text?, notice: Text?, status: HTTPResponseStatus) -> Response {
        let l = req.language
        let body: HTML = """
        <h1>\(Text.signIn.in(l))</h1>
        \(error.map { Form.errorSummary([$0.in(l)], language: l) })
        <form method="post" action="/login">
        \(Layout.csrfField(req.visitor))
        \(Form.field("email", label: Text.email.in(l), type: "email", value: email, autocomplete: "username"))
        \(Form.field("password", label: Text.password.in(l), type: "password", autocomplete: "current-password"))
        <button type="submit">\(Text.signIn.in(l))</button>
        </form>
        """
        return htmlResponse(
            Layout.page(req, title: Text.signIn.in(l), body: body, notice: notice.map { HTML("\($0.in(l))") }), status: status)
    }

    /// The password threads' queue is full: nothing was checked or counted, come back in a moment.
    static func busy(_ req: Request, email: String) -> Response {
        login(req, email: email, error: PasswordWork.busy.text, notice: nil, status: .ok).busyAnswer()
    }

    static func secondFactor(_ req: Request, error: Text?, status: HTTPResponseStatus) -> Response {
        let l = req.language
        let body: HTML = """
        <h1>\(Text.secondFactorTitle.in(l))</h1>
        <p>\(Text.secondFactorIntro.in(l))</p>
        \(error.map { Form.errorSummary([$0.in(l)], language: l) })
        <form method="post" action="/login/2fa">
        \(Layout.csrfField(req.visitor))
        \(Form.field("code", label: Text.codeLabel.in(l), hint: Text.codeHint.in(l), autocomplete: "one-time-code", extra: " inputmode=\"numeric\""))
        <button type="submit">\(Text.verify.in(l))</button>
        </form>
        """
        return htmlResponse(Layout.page(req, title: Text.secondFactorTitle.in(l), body: body), status: status)
    }

    static func invitation(_ req: Request, name: String, error: Text?, status: HTTPResponseStatus) -> Response {
        let l = req.language
        let body: HTML = """
        <h1>\(Text.invitationTitle(name).in(l))</h1>
        <p>\(Text.invitationIntro.in(l))</p>
        \(error.map { Form.errorSummary([$0.in(l)], language: l) })
        <form method="post">
        \(Layout.csrfField(req.visitor))
        \(Form.field("password", label: Text.password.in(l), type: "password", hint: Text.passwordHint.in(l), autocomplete: "new-password"))
        \(Form.field("passwordConfirmation", label: Text.passwordAgain.in(l), type: "password", autocomplete: "new-password"))
        <button type="submit">\(Text.invitationSubmit.in(l))</button>
        </form>
        """
        return htmlResponse(Layout.page(req, title: Text.invitationTitle(name).in(l), body: body), status: status)
    }
}
