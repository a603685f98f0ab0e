import AmparoDomain
import Foundation

/// What every page's frame needs to know about the viewer, taken from the request once: the
/// language, the CSRF token for its forms, the path (the language switch comes back to it), the
/// signed-in member's roles (nil for the public) and the organization's clock.
public struct Chrome: Sendable, Equatable {
    public var language: Language
    public var csrfToken: String
    public var path: String
    public var roles: RoleSet?
    public var time: LocalTime

    public init(language: Language, csrfToken: String, path: String, roles: RoleSet?, time: LocalTime) {
        self.language = language
        self.csrfToken = csrfToken
        self.path = path
        self.roles = roles
        self.time = time
    }

    public var timeZone: TimeZone { time.timeZone }

    /// The hidden field that carries the CSRF token in a form.
    public var csrfField: HTML { "<input type=\"hidden\" name=\"\(CSRFField.name)\" value=\"\(csrfToken)\">" }

    /// A file upload's form address, with the CSRF token in it: the token is checked before the
    /// body is read, so a file larger than a form field's 1 MB is not refused for its size.
    public func uploadAction(_ path: String) -> String { "\(path)?\(CSRFField.name)=\(csrfToken)" }

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

    /// A link of the menus: where it goes and what it says.
    public struct MenuLink: Sendable, Equatable {
        public let path: String
        public let label: String
    }

    /// What a member's roles open, in the menu's order, and the public pages every member may want.
    public static func memberLinks(_ roles: RoleSet, _ l: Language) -> [MenuLink] {
        moduleLinks(roles, l) + [MenuLink(path: "/places", label: Text.navPlaces.in(l)), MenuLink(path: "/evidence", label: Text.navEvidence.in(l))]
    }

    /// The modules these roles open, in the menu's order: the members page says from it what each role opens.
    public static func moduleLinks(_ roles: RoleSet, _ l: Language) -> [MenuLink] {
        var links: [MenuLink] = []
        func add(_ permission: Permission, _ path: String, _ label: Text) {
            if roles.can(permission) { links.append(MenuLink(path: path, label: label.in(l))) }
        }
        add(.workHotline, "/hotline", .hotline(.navHotline))
        add(.workCases, "/cases", .cases(.navCases))
        add(.visit, "/visits", .support(.navVisits))
        add(.viewCaseCounts, "/cases/counts", .cases(.navCounts))
        add(.runCampaigns, "/campaigns", .campaigns(.navCampaigns))
        add(.runCampaigns, "/stories/review", .stories(.navStories))
        add(.runCampaigns, "/events/manage", .events(.navEvents))
        add(.workRecords, "/records", .records(.navRecords))
        add(.managePlaces, "/places/imports", .places(.navPlaces))
        add(.managePlaces, "/evidence/imports", .evidence(.navEvidence))
        add(.answerDispatches, "/respond", .dispatch(.navMyRequests))
        add(.viewShifts, "/shifts", .hotline(.navShifts))
        add(.manageUsers, "/admin/users", .navUsers)
        add(.manageTeams, "/admin/teams", .navTeams)
        add(.viewAuditLog, "/admin/audit", .navAudit)
        add(.manageOrganization, "/admin/settings", .settings(.navSettings))
        return links
    }

    /// The public pages, on every page a visitor who is not signed in sees.
    public static func publicLinks(_ l: Language) -> [MenuLink] {
        [("/report", Text.navReport), ("/alerts/subscribe", .navAlerts), ("/places", .navPlaces), ("/evidence", .navEvidence),
         ("/stories", .navStories), ("/events", .navEvents), ("/login", .signIn)].map { MenuLink(path: $0.0, label: $0.1.in(l)) }
    }

    /// The menu twice, one shown by screen width: a row of links on a wide screen, and on a phone
    /// a "Menu" that opens (details and summary: no JavaScript needed) instead of a third of the screen.
    private static func navigation(_ chrome: Chrome) -> HTML {
        let l = chrome.language
        var links = chrome.roles.map { memberLinks($0, l) } ?? publicLinks(l)
        if chrome.roles != nil {
            links.insert(MenuLink(path: "/dashboard", label: Text.navDashboard.in(l)), at: 0)
            links.append(MenuLink(path: "/account", label: Text.navAccount.in(l)))
        }
        let items: [HTML] = links.map { link in
            let current: HTML = link.path == chrome.path ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(link.path)\"\(current)>\(link.label)</a></li>"
        }
        let signOut: HTML = chrome.roles == nil ? .empty : """
            <li><form method="post" action="/logout">\(chrome.csrfField)<button type="submit" class="link">\(Text.signOut.in(l))</button></form></li>
            """
        return """
        <nav class="menu-wide" aria-label="\(Text.navLabel.in(l))"><ul>\(items)\(signOut)</ul></nav>
        <details class="menu-phone"><summary>\(Text.navMenu.in(l))</summary><nav aria-label="\(Text.navLabel.in(l))"><ul>\(items)\(signOut)</ul></nav></details>
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
