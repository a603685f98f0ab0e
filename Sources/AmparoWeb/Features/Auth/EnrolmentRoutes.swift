import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// Second-factor enrolment: a TOTP secret shown as a QR code (SVG drawn on the server) and as text,
/// confirmed with a first code, then ten recovery codes shown once.
struct EnrolmentRoutes: RouteCollection {
    let clock: any WallClock
    let sealer: FieldSealer

    func boot(routes: any RoutesBuilder) throws {
        routes.get("enrol", use: form).policy(.enrolment)
        routes.post("enrol", use: confirm).policy(.enrolment)
        routes.get("static", "print.js", use: { _ in OfflineRoutes.script(PrintButtonScript.source, cache: "public, max-age=86400") }).policy(.open)
    }

    private func store(_ req: Request) -> AccountsStore { AccountsStore(req.db, sealer: sealer) }

    func form(req: Request) async throws -> Response {
        guard let (user, secret) = try await enrolling(req) else { return req.redirect(to: "/login") }
        return htmlResponse(AuthRenderer.render(EnrolmentPage(account: req.accounts.email(of: user), secret: secret), req.chrome))
    }

    func confirm(req: Request) async throws -> Response {
        guard let (user, secret) = try await enrolling(req) else { return req.redirect(to: "/login") }
        let code = req.formValues["code"] ?? ""
        guard let step = TOTP(secret: Base32.decode(secret) ?? []).verify(code, at: clock.now(), lastUsedStep: nil) else {
            let page = EnrolmentPage(account: req.accounts.email(of: user), secret: secret, codeWrong: true)
            return htmlResponse(AuthRenderer.render(page, req.chrome), status: .unprocessableEntity)
        }
        let member = UserID(try user.requireID())
        let codes = RecoveryCodes.generate(random: req.amparo.random)
        try await store(req).enableSecondFactor(of: member, step: step, recoveryCodes: codes)
        try await req.audit("user.enrol_2fa", recordType: "user", recordID: member.rawValue.uuidString)
        let response = htmlResponse(AuthRenderer.render(RecoveryCodesPage(account: req.accounts.email(of: user), codes: codes), req.chrome))
        try await Sessions.start(req, user: user, stage: .active, replacing: req.visitor.session, response: response)
        try await req.audit("login.success", recordType: "user", recordID: member.rawValue.uuidString)
        return response
    }

    /// The member enrolling and the secret being enrolled (made on the first visit, kept until confirmed).
    private func enrolling(_ req: Request) async throws -> (UserModel, String)? {
        guard let user = req.visitor.user else { return nil }
        let random = req.amparo.random
        return (user, try await store(req).enrolmentSecret(of: user, orNew: { Base32.encode(random.bytes(20)) }))
    }
}

/// A "print" button where JavaScript runs (hidden otherwise: the browser's own print works the
/// same, and the print stylesheet leaves the menus out).
enum PrintButtonScript {
    static let source = """
    (function () {
      "use strict";
      document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
      });
    })();
    """
}
