import AmparoDomain
import Foundation

/// What every page's frame needs to know about the viewer, taken from the request once: the
/// language, the CSRF token for its forms, the path (the language switch comes back to it), the
/// signed-in member's role (nil for the public) and the organization's clock.
public struct Chrome: Sendable, Equatable {
    public var language: Language
    public var csrfToken: String
    public var path: String
    public var role: Role?
    public var time: LocalTime

    public init(language: Language, csrfToken: String, path: String, role: Role?, time: LocalTime) {
        self.language = language
        self.csrfToken = csrfToken
        self.path = path
        self.role = role
        self.time = time
    }

    public var timeZone: TimeZone { time.timeZone }

    /// The hidden field that carries the CSRF token in a form.
    public var csrfField: HTML { "<input type=\"hidden\" name=\"\(CSRFField.name)\" value=\"\(csrfToken)\">" }

    /// The organization's local day and time of an instant, as the pages print it.
    public func dateTime(_ date: Date) -> String { time.dateTime(date) }
    public func day(_ date: Date) -> String { time.day(date) }
}

public enum CSRFField {
    public static let name = "_csrf"
}

/// The one page layout every HTML page goes through: header, navigation for the member's role,
/// the language switch (a plain form, works without JavaScript), main content, footer.
public enum Layout {
    /// `script`: a same-origin script for progressive enhancement; every page works without it.
    /// `offline`: the page belongs to the installable app (its manifest, and the service worker that
    /// keeps its forms when there is no connection).
    public static func page(_ chrome: Chrome, title: String, body: HTML, notice: HTML? = nil, script: String? = nil, offline: Bool = false) -> HTML {
        let language = chrome.language
        return """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Amparo</title>
        <link rel="stylesheet" href="/static/amparo.css">
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
        \(script.map { HTML("<script src=\"\($0)\" defer></script>") })\(offline ? HTML("\n<link rel=\"manifest\" href=\"/manifest.webmanifest\">\n<script src=\"/static/offline.js\" defer></script>") : .empty)
        </head>
        <body>
        <a class="skip" href="#main">\(Text.skipToContent.in(language))</a>
        <header class="top">
        <a class="brand" href="/">Amparo</a>
        \(navigation(chrome))
        \(languageSwitch(chrome))
        </header>
        <main id="main">
        \(notice.map { HTML("<p class=\"notice\" role=\"status\">\($0)</p>") })
        \(body)
        </main>
        <footer><p>\(Text.footer.in(language))</p></footer>
        </body>
        </html>
        """
    }

    private static func navigation(_ chrome: Chrome) -> HTML {
        guard let role = chrome.role else { return .empty }
        let language = chrome.language
        var links: [HTML] = ["<li><a href=\"/dashboard\">\(Text.navDashboard.in(language))</a></li>"]
        if role.can(.workHotline) { links.append("<li><a href=\"/hotline\">\(Text.hotline(.navHotline).in(language))</a></li>") }
        if role.can(.workCases) { links.append("<li><a href=\"/cases\">\(Text.cases(.navCases).in(language))</a></li>") }
        if role.can(.visit) { links.append("<li><a href=\"/visits\">\(Text.support(.navVisits).in(language))</a></li>") }
        if role.can(.viewCaseCounts) { links.append("<li><a href=\"/cases/counts\">\(Text.cases(.navCounts).in(language))</a></li>") }
        if role.can(.runCampaigns) {
            links.append("<li><a href=\"/campaigns\">\(Text.campaigns(.navCampaigns).in(language))</a></li>")
            links.append("<li><a href=\"/stories/review\">\(Text.stories(.navStories).in(language))</a></li>")
            links.append("<li><a href=\"/events/manage\">\(Text.events(.navEvents).in(language))</a></li>")
        }
        if role.can(.workRecords) { links.append("<li><a href=\"/records\">\(Text.records(.navRecords).in(language))</a></li>") }
        if role.can(.managePlaces) { links.append("<li><a href=\"/places/imports\">\(Text.places(.navPlaces).in(language))</a></li>") }
        if role.can(.managePlaces) { links.append("<li><a href=\"/evidence/imports\">\(Text.evidence(.navEvidence).in(language))</a></li>") }
        if role.can(.answerDispatches) { links.append("<li><a href=\"/respond\">\(Text.dispatch(.navMyRequests).in(language))</a></li>") }
        if role.can(.viewShifts) { links.append("<li><a href=\"/shifts\">\(Text.hotline(.navShifts).in(language))</a></li>") }
        if role.can(.manageUsers) { links.append("<li><a href=\"/admin/users\">\(Text.navUsers.in(language))</a></li>") }
        if role.can(.manageTeams) { links.append("<li><a href=\"/admin/teams\">\(Text.navTeams.in(language))</a></li>") }
        if role.can(.viewAuditLog) { links.append("<li><a href=\"/admin/audit\">\(Text.navAudit.in(language))</a></li>") }
        links.append("<li><a href=\"/account\">\(Text.navAccount.in(language))</a></li>")
        return """
        <nav aria-label="\(Text.navLabel.in(language))"><ul>\(links)
        <li><form method="post" action="/logout">\(chrome.csrfField)<button type="submit" class="link">\(Text.signOut.in(language))</button></form></li>
        </ul></nav>
        """
    }

    private static func languageSwitch(_ chrome: Chrome) -> HTML {
        let other: Language = chrome.language == .en ? .es : .en
        return """
        <form method="post" action="/language" class="lang">
        \(chrome.csrfField)
        <input type="hidden" name="language" value="\(other.rawValue)">
        <input type="hidden" name="back" value="\(chrome.path)">
        <button type="submit" lang="\(other.rawValue)">\(other.nativeName)</button>
        </form>
        """
    }
}
