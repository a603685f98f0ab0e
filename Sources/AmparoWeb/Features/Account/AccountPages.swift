import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /dashboard: who the member is here, their teams, and for whoever works cases the holds running now.
struct DashboardPage: Sendable, Equatable, Codable {
    let name: String
    let organization: String?
    let roles: RoleSet
    let teams: [TeamLine]
    /// Holds past their alarm, for members who work cases (empty for the others).
    let holds: [CaseLine]
    /// When the holds' hours were counted.
    let asOf: Date

    /// Messages waiting for a channel that is not set up (shown to admins).
    struct Stuck: Sendable, Equatable, Codable {
        let channel: AlertChannel
        let waiting: Int
    }

    var stuck: [Stuck] = []

    /// For admins until every step is done: each step, whether it is, and where it is done.
    struct Step: Sendable, Equatable, Codable {
        let step: SetupStep
        let done: Bool
        let path: String
    }

    var checklist: [Step] = []
}

/// /account: the member's profile, urgent-message channel, password and personal API tokens.
struct AccountPage: Sendable, Equatable, Codable {
    struct Profile: Sendable, Equatable, Codable {
        let name: String
        let email: String
        let phone: String?
        let roles: RoleSet
        let twoFactor: Bool
    }

    /// The channel the member chose and the one an urgent message would really take now.
    struct Reach: Sendable, Equatable, Codable {
        let chosen: AlertChannel
        let actual: AlertChannel
        /// Whether this server can send on the chosen channel.
        let chosenIsSetUp: Bool
    }

    enum PasswordProblem: Sendable, Equatable, Codable {
        case currentWrong, password(PasswordPolicy.Problem), passwordsDiffer, busy

        var text: Text {
            switch self {
            case .currentWrong: .errorCurrentPasswordWrong
            case .password(let problem): .passwordProblem(problem)
            case .passwordsDiffer: .errorPasswordsDiffer
            case .busy: .errorPasswordBusy
            }
        }
    }

    enum TokenProblem: String, Sendable, Codable, CaseIterable { case name, choice }

    /// A new token's form as typed: full access for a year unless chosen otherwise.
    struct TokenTyped: Sendable, Equatable, Codable {
        var name = ""
        var access = "full"
        var days = "365"
    }

    let profile: Profile
    let reach: Reach
    let tokens: [APITokenLine]
    var passwordProblems: [PasswordProblem] = []
    var tokenTyped = TokenTyped()
    var tokenProblem: TokenProblem?
    /// The secret of the token just made: shown this once.
    var newToken: String?
}

enum AccountRenderer {
    /// The lifetimes a member may give a token, in days.
    static let tokenLifetimes = [30, 90, 365]

    private static func checklist(_ steps: [DashboardPage.Step], _ l: Language) -> HTML {
        guard !steps.isEmpty else { return .empty }
        func t(_ text: SettingsText) -> String { Text.settings(text).in(l) }
        let items: [HTML] = steps.map { step in
            let state = step.done ? t(.stepDone) : t(.stepToDo)
            return "<li class=\"\(step.done ? "done" : "todo")\"><span class=\"tick\" aria-hidden=\"true\">\(step.done ? "✓" : "○")</span> <a href=\"\(step.path)\">\(t(.step(step.step)))</a> <span class=\"hint\">(\(state))</span></li>"
        }
        return """
        <section id="checklist" class="notice"><h2>\(t(.checklistTitle))</h2>
        <p>\(t(.checklistIntro(done: steps.filter(\.done).count, of: steps.count)))</p><ol class="plain">\(items)</ol></section>
        """
    }

    static func render(_ page: DashboardPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let teams: [HTML] = page.teams.map { "<li>\($0.name) (\($0.region))</li>" }
        let modules: [HTML] = Layout.memberLinks(page.roles, l).map { "<li><a href=\"\($0.path)\">\($0.label)</a></li>" }
        let body: HTML = """
        <h1>\(Text.welcome(page.name).in(l))</h1>
        \(HoldAlarmRenderer.banner(page.holds, now: page.asOf, chrome))
        \(checklist(page.checklist, l))
        \(page.stuck.map { HTML("<p class=\"warning\" role=\"alert\">\(Text.settings(.stuck($0.waiting, $0.channel)).in(l)) <a href=\"\(SiteURL.settings.path)#\($0.channel.rawValue)\">\(Text.settings(.navSettings).in(l))</a></p>") })
        <p>\(page.organization ?? "")</p>
        <dl><dt>\(Text.rolesLabel.in(l))</dt><dd>\(Text.roleNames(page.roles, l))</dd>
        <dt>\(Text.teamsLabel.in(l))</dt><dd>\(teams.isEmpty ? HTML("\(Text.noTeams.in(l))") : HTML("<ul>\(teams)</ul>"))</dd></dl>
        <h2>\(Text.dashboardModules.in(l))</h2>
        <ul id="modules">\(modules)</ul>
        """
        return Layout.page(chrome, title: Text.navDashboard.in(l), body: body)
    }

    static func render(_ page: AccountPage, _ chrome: Chrome, notice: Text? = nil) -> HTML {
        let l = chrome.language, profile = page.profile
        let body: HTML = """
        <h1>\(Text.navAccount.in(l))</h1>
        <dl><dt>\(Text.yourName.in(l))</dt><dd>\(profile.name)</dd>
        <dt>\(Text.email.in(l))</dt><dd>\(profile.email)</dd>
        <dt>\(Text.phone.in(l))</dt><dd>\(profile.phone ?? "—")</dd>
        <dt>\(Text.rolesLabel.in(l))</dt><dd>\(Text.roleNames(profile.roles, l))</dd>
        <dt>\(Text.secondFactorTitle.in(l))</dt><dd>\(profile.twoFactor ? Text.on.in(l) : Text.off.in(l))
        \(profile.twoFactor ? HTML.empty : HTML("<a href=\"/enrol\">\(Text.enrolTitle.in(l))</a>"))</dd></dl>

        \(reach(page, chrome))

        <h2 id="password">\(Text.changePassword.in(l))</h2>
        \(Form.errorSummary(page.passwordProblems.map { $0.text.in(l) }, language: l))
        <form method="post" action="/account/password">
        \(chrome.csrfField)
        \(Form.field("currentPassword", label: Text.currentPassword.in(l), type: "password", autocomplete: "current-password"))
        \(Form.field("newPassword", label: Text.newPassword.in(l), type: "password", hint: Text.passwordHint.in(l), autocomplete: "new-password"))
        \(Form.field("newPasswordConfirmation", label: Text.passwordAgain.in(l), type: "password", autocomplete: "new-password"))
        <button type="submit">\(Text.changePassword.in(l))</button>
        </form>

        \(tokens(page, chrome))
        """
        return Layout.page(chrome, title: Text.navAccount.in(l), body: body, notice: notice.map { HTML("\($0.in(l))") })
    }

    /// The channel choice, saying honestly what will happen when the chosen one cannot be used.
    private static func reach(_ page: AccountPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, reach = page.reach
        let options: [(value: String, label: String)] = [AlertChannel.sms, .signal, .email].map { ($0.rawValue, Text.reachChoice($0).in(l)) }
        var hints: [String] = []
        if page.profile.phone == nil, reach.chosen != .email { hints.append(Text.reachNoPhone.in(l)) }
        if !reach.chosenIsSetUp { hints.append(Text.reachNotSetUp(reach.chosen).in(l)) }
        return """
        <h2 id="reach">\(Text.reachTitle.in(l))</h2>
        <p>\(Text.reachIntro.in(l))</p>
        \(hints.isEmpty ? HTML.empty : HTML("<p class=\"notice\">\(hints.joined(separator: " "))</p>"))
        <form method="post" action="/account/reach">\(chrome.csrfField)
        \(Form.select("channel", label: Text.reachTitle.in(l), options: options, selected: reach.chosen.rawValue))
        <p class="hint" id="reach-now">→ \(Text.reachChoice(reach.actual).in(l))</p>
        <button type="submit">\(Text.reachSave.in(l))</button></form>
        """
    }

    private static func tokens(_ page: AccountPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, typed = page.tokenTyped
        let rows: [HTML] = page.tokens.map { token in
            """
            <tr><td data-label="\(Text.tokenName.in(l))">\(token.name)</td><td data-label="\(Text.tokenPrefix.in(l))"><code>\(token.prefix)…</code></td>
            <td data-label="\(Text.created.in(l))">\(chrome.dateTime(token.createdAt))</td>
            <td data-label="\(Text.tokenAccess.in(l))">\(token.readOnly ? Text.tokenAccessRead.in(l) : Text.tokenAccessFull.in(l))</td>
            <td data-label="\(Text.lastUsed.in(l))">\(token.lastUsedAt.map(chrome.dateTime) ?? "—")</td>
            <td data-label="\(Text.tokenExpires.in(l))">\(chrome.dateTime(token.expiresAt))</td>
            <td><form method="post" action="/account/tokens/\(token.id.rawValue.uuidString)/revoke" class="inline">\(chrome.csrfField)<button class="secondary" type="submit">\(Text.revoke.in(l))</button></form></td></tr>
            """
        }
        let problem: Text? = page.tokenProblem.map { $0 == .name ? .errorTokenName : .errorTokenChoice }
        return """
        <h2 id="tokens">\(Text.apiTokens.in(l))</h2>
        <p>\(Text.apiTokensIntro.in(l))</p>
        \(page.newToken.map { HTML("<p class=\"notice\" role=\"status\">\(Text.tokenCreated.in(l))</p><p class=\"secret\" id=\"new-token\">\($0)</p>") })
        \(rows.isEmpty ? HTML.empty : HTML("<table class=\"cards\" id=\"token-list\"><thead><tr><th>\(Text.tokenName.in(l))</th><th>\(Text.tokenPrefix.in(l))</th><th>\(Text.created.in(l))</th><th>\(Text.tokenAccess.in(l))</th><th>\(Text.lastUsed.in(l))</th><th>\(Text.tokenExpires.in(l))</th><th><span class=\"skip\">\(Text.revoke.in(l))</span></th></tr></thead><tbody>\(rows)</tbody></table>"))
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        <form method="post" action="/account/tokens">
        \(chrome.csrfField)
        \(Form.field("name", label: Text.tokenName.in(l), value: typed.name, hint: Text.tokenNameHint.in(l)))
        \(Form.select("access", label: Text.tokenAccess.in(l), options: [("full", Text.tokenAccessFull.in(l)), ("read", Text.tokenAccessRead.in(l))], selected: typed.access))
        \(Form.select("days", label: Text.tokenLifetime.in(l), options: tokenLifetimes.map { ("\($0)", Text.tokenDays($0).in(l)) }, selected: typed.days))
        <button type="submit">\(Text.createToken.in(l))</button>
        </form>
        """
    }
}
