import AmparoDomain
import AmparoWebKit
import Foundation

/// /setup/<link>: the first run's one form, the organization and its first admin. A refused form
/// keeps what was typed, never the passwords.
struct SetupPage: Sendable, Equatable, Codable {
    enum Field: String, Sendable, Codable, CaseIterable { case organization, name, email, password, passwordConfirmation }

    enum Problem: Sendable, Equatable, Codable {
        case organizationMissing, organizationTooLong, account(Accounts.Problem), password(PasswordPolicy.Problem), passwordsDiffer, busy

        var field: Field {
            switch self {
            case .organizationMissing, .organizationTooLong: .organization
            case .account(let problem): problem == .invalidEmail ? .email : .name
            case .password, .busy: .password
            case .passwordsDiffer: .passwordConfirmation
            }
        }

        var text: Text {
            switch self {
            case .organizationMissing: .errorOrganizationMissing
            case .organizationTooLong: .errorNameTooLong
            case .account(let problem): problem.text
            case .password(let problem): .passwordProblem(problem)
            case .passwordsDiffer: .errorPasswordsDiffer
            case .busy: .errorPasswordBusy
            }
        }
    }

    struct Typed: Sendable, Equatable, Codable {
        var organization = ""
        var name = ""
        var email = ""
    }

    var typed = Typed()
    var problems: [Problem] = []
}

enum SetupRenderer {
    static func render(_ page: SetupPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let ordered = SetupPage.Field.allCases.compactMap { field in page.problems.first { $0.field == field } }
        func error(_ field: SetupPage.Field) -> String? { ordered.first { $0.field == field }?.text.in(l) }
        let typed = page.typed
        let body: HTML = """
        <h1>\(Text.setupTitle.in(l))</h1>
        <p>\(Text.setupIntro.in(l))</p>
        \(Form.errorSummary(ordered.map { $0.text.in(l) }, language: l))
        <form method="post" novalidate>
        \(chrome.csrfField)
        \(Form.field("organization", label: Text.organizationName.in(l), value: typed.organization, error: error(.organization), autocomplete: "organization"))
        \(Form.field("name", label: Text.yourName.in(l), value: typed.name, error: error(.name), autocomplete: "name"))
        \(Form.field("email", label: Text.email.in(l), type: "email", value: typed.email, error: error(.email), autocomplete: "username"))
        \(Form.field("password", label: Text.password.in(l), type: "password", hint: Text.passwordHint.in(l), error: error(.password), autocomplete: "new-password"))
        \(Form.field("passwordConfirmation", label: Text.passwordAgain.in(l), type: "password", error: error(.passwordConfirmation), autocomplete: "new-password"))
        <button type="submit">\(Text.setupSubmit.in(l))</button>
        </form>
        """
        return Layout.page(chrome, title: Text.setupTitle.in(l), body: body)
    }
}
