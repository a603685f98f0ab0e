import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Second-factor enrolment: a TOTP secret shown as a QR code (SVG drawn on the server) and as text,
/// confirmed with a first code, then ten recovery codes shown once.
struct EnrolmentRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("enrol", use: form).policy(.enrolment)
        routes.post("enrol", use: confirm).policy(.enrolment)
    }

    func form(req: Request) async throws -> Response {
        guard let user = req.visitor.user else { return req.redirect(to: "/login") }
        let secret = try await pendingSecret(for: user, req)
        return try EnrolmentViews.form(req, user: user, secret: secret, error: nil, status: .ok)
    }

    func confirm(req: Request) async throws -> Response {
        guard let user = req.visitor.user else { return req.redirect(to: "/login") }
        let services = req.amparo
        let secret = try await pendingSecret(for: user, req)
        let code = try req.content.decode(LoginRoutes.CodeForm.self).code ?? ""
        guard let step = TOTP(secret: Base32.decode(secret) ?? []).verify(code, at: services.clock.now(), lastUsedStep: nil) else {
            return try EnrolmentViews.form(req, user: user, secret: secret, error: .errorCodeWrong, status: .unprocessableEntity)
        }
        let codes = RecoveryCodes.generate(random: services.random)
        user.totpEnabled = true
        user.totpLastStep = step
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await RecoveryCodeModel.query(on: db).filter(\.$user.$id == user.id!).delete()
            for code in codes {
                try await RecoveryCodeModel(userID: user.id!, digest: RecoveryCodes.digest(code)).create(on: db)
            }
        }
        try await req.audit("user.enrol_2fa", recordType: "user", recordID: user.id!.uuidString)
        let response = EnrolmentViews.recoveryCodes(req, codes: codes)
        try await Sessions.start(req, user: user, stage: .active, replacing: req.visitor.session, response: response)
        try await req.audit("login.success", recordType: "user", recordID: user.id!.uuidString)
        return response
    }

    /// The secret being enrolled: made once and kept (sealed) until confirmed, so reloading the page
    /// shows the same QR code.
    private func pendingSecret(for user: UserModel, _ req: Request) async throws -> String {
        let sealer = req.amparo.sealer
        let context = SealedColumn.userTOTPSecret.context(rowID: user.id!)
        if let sealed = user.totpSecretSealed { return try sealer.open(sealed, context: context) }
        let secret = Base32.encode(req.amparo.random.bytes(20))
        user.totpSecretSealed = try sealer.seal(secret, context: context)
        try await user.save(on: req.db)
        return secret
    }
}

enum EnrolmentViews {
    static func form(_ req: Request, user: UserModel, secret: String, error: Text?, status: HTTPResponseStatus) throws -> Response {
        let l = req.language
        let account = req.accounts.email(of: user)
        let uri = TOTP(secret: Base32.decode(secret) ?? []).provisioningURI(issuer: "Amparo", account: account)
        let qr = try QRCode.encode(uri, correction: .medium).svg(moduleSize: 4, border: 4, title: Text.qrTitle.in(l))
        let grouped = stride(from: 0, to: secret.count, by: 4).map { offset -> String in
            let start = secret.index(secret.startIndex, offsetBy: offset)
            return String(secret[start..<secret.index(start, offsetBy: min(4, secret.count - offset))])
        }.joined(separator: " ")
        let body: HTML = """
        <h1>\(Text.enrolTitle.in(l))</h1>
        <p>\(Text.enrolIntro.in(l))</p>
        <div class="qr">\(HTML(unsafeRaw: qr))</div>
        <p>\(Text.enrolManual.in(l))</p>
        <p class="secret" id="totp-secret">\(grouped)</p>
        \(error.map { Form.errorSummary([$0.in(l)], language: l) })
        <form method="post" action="/enrol">
        \(Layout.csrfField(req.visitor))
        \(Form.field("code", label: Text.codeLabel.in(l), hint: Text.codeHint.in(l), autocomplete: "one-time-code", extra: " inputmode=\"numeric\""))
        <button type="submit">\(Text.enrolSubmit.in(l))</button>
        </form>
        """
        return htmlResponse(Layout.page(req, title: Text.enrolTitle.in(l), body: body), status: status)
    }

    static func recoveryCodes(_ req: Request, codes: [String]) -> Response {
        let l = req.language
        let items: [HTML] = codes.map { "<li>\($0)</li>" }
        let body: HTML = """
        <h1>\(Text.recoveryTitle.in(l))</h1>
        <p>\(Text.recoveryIntro.in(l))</p>
        <ul class="codes" id="recovery-codes">\(items)</ul>
        <p><a class="button" href="/dashboard">\(Text.recoveryDone.in(l))</a></p>
        """
        return htmlResponse(Layout.page(req, title: Text.recoveryTitle.in(l), body: body), status: .ok)
    }
}
