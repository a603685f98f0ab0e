import AmparoDomain
import AmparoWebKit
import Foundation

/// /login: email and password. A refused sign-in keeps the email, never the password.
struct SignInPage: Sendable, Equatable, Codable {
    enum Problem: String, Sendable, Codable, CaseIterable {
        case signInFailed, tooManyAttempts, busy

        var text: Text {
            switch self {
            case .signInFailed: .errorSignInFailed
            case .tooManyAttempts: .errorTooManyAttempts
            case .busy: .errorSignInBusy
            }
        }
    }

    var email = ""
    var problem: Problem?
}

/// /login/2fa: the code from the authenticator, or a recovery code.
struct SecondFactorPage: Sendable, Equatable, Codable {
    enum Problem: String, Sendable, Codable, CaseIterable { case codeWrong, tooManyAttempts }

    var problem: Problem?
}

/// /invite/<link>: an invited member chooses their password.
struct InvitationPage: Sendable, Equatable, Codable {
    enum Problem: Sendable, Equatable, Codable {
        case password(PasswordPolicy.Problem), passwordsDiffer, busy

        var text: Text {
            switch self {
            case .password(let problem): .passwordProblem(problem)
            case .passwordsDiffer: .errorPasswordsDiffer
            case .busy: .errorPasswordBusy
            }
        }
    }

    let name: String
    var problem: Problem?
}

/// /enrol: the second factor's secret as a QR code and as text, confirmed with a first code.
struct EnrolmentPage: Sendable, Equatable, Codable {
    /// The account the authenticator app lists it under (the member's email).
    let account: String
    /// Base32, as the authenticator takes it.
    let secret: String
    var codeWrong = false
}

/// After enrolment: the ten recovery codes, shown once, to write down, download or print.
struct RecoveryCodesPage: Sendable, Equatable, Codable {
    /// Whose codes they are (the member's email), written in the downloaded file.
    let account: String
    let codes: [String]
}

enum AuthRenderer {
    private static func problem(_ text: Text?, _ l: Language) -> HTML {
        text.map { Form.errorSummary([$0.in(l)], language: l) } ?? .empty
    }

    private static func codeField(_ l: Language) -> HTML {
        Form.field("code", label: Text.codeLabel.in(l), hint: Text.codeHint.in(l), autocomplete: "one-time-code", extra: " inputmode=\"numeric\"")
    }

    static func render(_ page: SignInPage, _ chrome: Chrome, notice: Text? = nil) -> HTML {
        let l = chrome.language
        let body: HTML = """
        <h1>\(Text.signIn.in(l))</h1>
        \(problem(page.problem?.text, l))
        <form method="post" action="/login">
        \(chrome.csrfField)
        \(Form.field("email", label: Text.email.in(l), type: "email", value: page.email, autocomplete: "username"))
        \(Form.field("password", label: Text.password.in(l), type: "password", autocomplete: "current-password"))
        <button type="submit">\(Text.signIn.in(l))</button>
        </form>
        """
        return Layout.page(chrome, title: Text.signIn.in(l), body: body, notice: notice.map { HTML("\($0.in(l))") })
    }

    static func render(_ page: SecondFactorPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let text: Text? = page.problem.map { $0 == .codeWrong ? .errorCodeWrong : .errorTooManyAttempts }
        let body: HTML = """
        <h1>\(Text.secondFactorTitle.in(l))</h1>
        <p>\(Text.secondFactorIntro.in(l))</p>
        \(problem(text, l))
        <form method="post" action="/login/2fa">
        \(chrome.csrfField)
        \(codeField(l))
        <button type="submit">\(Text.verify.in(l))</button>
        </form>
        """
        return Layout.page(chrome, title: Text.secondFactorTitle.in(l), body: body)
    }

    static func render(_ page: InvitationPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let body: HTML = """
        <h1>\(Text.invitationTitle(page.name).in(l))</h1>
        <p>\(Text.invitationIntro.in(l))</p>
        \(problem(page.problem?.text, l))
        <form method="post">
        \(chrome.csrfField)
        \(Form.field("password", label: Text.password.in(l), type: "password", hint: Text.passwordHint.in(l), autocomplete: "new-password"))
        \(Form.field("passwordConfirmation", label: Text.passwordAgain.in(l), type: "password", autocomplete: "new-password"))
        <button type="submit">\(Text.invitationSubmit.in(l))</button>
        </form>
        """
        return Layout.page(chrome, title: Text.invitationTitle(page.name).in(l), body: body)
    }

    static func render(_ page: EnrolmentPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let uri = TOTP(secret: Base32.decode(page.secret) ?? []).provisioningURI(issuer: "Amparo", account: page.account)
        // A provisioning URI is far below a QR code's capacity; were it not, the text below still enrols.
        let qr = (try? QRCode.encode(uri, correction: .medium).svg(moduleSize: 4, border: 4, title: Text.qrTitle.in(l))) ?? ""
        let body: HTML = """
        <h1>\(Text.enrolTitle.in(l))</h1>
        <p>\(Text.enrolIntro.in(l))</p>
        <div class="qr">\(HTML(unsafeRaw: qr))</div>
        <p><a class="button secondary" id="otpauth-link" href="\(uri)">\(Text.enrolOpenApp.in(l))</a></p>
        <p>\(Text.enrolManual.in(l))</p>
        <p class="secret key" id="totp-secret">\(grouped(page.secret))</p>
        \(problem(page.codeWrong ? .errorCodeWrong : nil, l))
        <form method="post" action="/enrol">
        \(chrome.csrfField)
        \(codeField(l))
        <button type="submit">\(Text.enrolSubmit.in(l))</button>
        </form>
        """
        return Layout.page(chrome, title: Text.enrolTitle.in(l), body: body)
    }

    /// "ABCD EFGH …": easier to type from one screen into another; a line breaks between groups, never inside one.
    static func grouped(_ secret: String) -> HTML {
        let spans: [HTML] = groups(secret).map { "<span>\($0)</span>" }
        return HTML(unsafeRaw: spans.map(\.rendered).joined(separator: " "))
    }

    static func groups(_ secret: String) -> [String] {
        stride(from: 0, to: secret.count, by: 4).map { String(secret.dropFirst($0).prefix(4)) }
    }

    static func render(_ page: RecoveryCodesPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let items: [HTML] = page.codes.map { "<li>\($0)</li>" }
        let body: HTML = """
        <h1>\(Text.recoveryTitle.in(l))</h1>
        <p>\(Text.recoveryIntro.in(l))</p>
        <ul class="codes" id="recovery-codes">\(items)</ul>
        <p class="no-print"><a class="button secondary" id="recovery-download" download="amparo-recovery-codes.txt" href="\(download(page, l))">\(Text.recoveryDownload.in(l))</a>
        <button type="button" class="secondary" data-print hidden>\(Text.recoveryPrint.in(l))</button></p>
        <p class="no-print"><a class="button" href="/dashboard">\(Text.recoveryDone.in(l))</a></p>
        """
        return Layout.page(chrome, title: Text.recoveryTitle.in(l), body: body, script: "/static/print.js")
    }

    /// The codes as a text file, inside the link itself: they exist only on this page (the
    /// server keeps their digests), so the download cannot be fetched again.
    static func download(_ page: RecoveryCodesPage, _ l: Language) -> String {
        let text = ([Text.recoveryFile(account: page.account).in(l), ""] + page.codes).joined(separator: "\n") + "\n"
        return "data:text/plain;charset=utf-8," + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? "")
    }
}
