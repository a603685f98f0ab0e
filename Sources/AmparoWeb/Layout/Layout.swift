import AmparoDomain
import Vapor

/// The one page layout every HTML page goes through: header, navigation for the member's role,
/// the language switch (a plain form, works without JavaScript), main content, footer.
enum Layout {
    /// `script`: a same-origin script for progressive enhancement; every page works without it.
    static func page(_ request: Request, title: String, body: HTML, notice: HTML? = nil, script: String? = nil) -> HTML {
        let visitor = request.visitor
        let language = visitor.language
        return """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Amparo</title>
        <link rel="stylesheet" href="/static/amparo.css">
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
        \(script.map { HTML("<script src=\"\($0)\" defer></script>") })
        </head>
        <body>
        <a class="skip" href="#main">\(Text.skipToContent.in(language))</a>
        <header class="top">
        <a class="brand" href="/">Amparo</a>
        \(navigation(visitor))
        \(languageSwitch(request))
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

    private static func navigation(_ visitor: Visitor) -> HTML {
        guard visitor.isSignedIn, let role = visitor.role else { return .empty }
        let language = visitor.language
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
        if role.can(.viewShifts) { links.append("<li><a href=\"/shifts\">\(Text.hotline(.navShifts).in(language))</a></li>") }
        if role.can(.manageUsers) { links.append("<li><a href=\"/admin/users\">\(Text.navUsers.in(language))</a></li>") }
        if role.can(.manageTeams) { links.append("<li><a href=\"/admin/teams\">\(Text.navTeams.in(language))</a></li>") }
        if role.can(.viewAuditLog) { links.append("<li><a href=\"/admin/audit\">\(Text.navAudit.in(language))</a></li>") }
        links.append("<li><a href=\"/account\">\(Text.navAccount.in(language))</a></li>")
        return """
        <nav aria-label="\(Text.navLabel.in(language))"><ul>\(links)
        <li><form method="post" action="/logout">\(csrfField(visitor))<button type="submit" class="link">\(Text.signOut.in(language))</button></form></li>
        </ul></nav>
        """
    }

    private static func languageSwitch(_ request: Request) -> HTML {
        let visitor = request.visitor
        let other: Language = visitor.language == .en ? .es : .en
        return """
        <form method="post" action="/language" class="lang">
        \(csrfField(visitor))
        <input type="hidden" name="language" value="\(other.rawValue)">
        <input type="hidden" name="back" value="\(request.url.path)">
        <button type="submit" lang="\(other.rawValue)">\(other.nativeName)</button>
        </form>
        """
    }

    static func csrfField(_ visitor: Visitor) -> HTML {
        "<input type=\"hidden\" name=\"\(CSRF.fieldName)\" value=\"\(visitor.csrfToken)\">"
    }
}

/// Small form helpers so every field is labelled, described and marked up the same way.
enum Form {
    static func field(
        _ name: String, label: String, type: String = "text", value: String = "", hint: String? = nil,
        error: String? = nil, required: Bool = true, autocomplete: String? = nil, extra: HTML = .empty
    ) -> HTML {
        wrapped(name, label: label, hint: hint, error: error) { attributes in
            "<input id=\"\(name)\" name=\"\(name)\" type=\"\(type)\" value=\"\(value)\"\(required ? HTML(" required") : .empty)\(autocomplete.map { HTML(" autocomplete=\"\($0)\"") })\(attributes)\(extra)>"
        }
    }

    static func textarea(
        _ name: String, label: String, value: String, hint: String?, error: String?, maxLength: Int, required: Bool = true
    ) -> HTML {
        wrapped(name, label: label, hint: hint, error: error) { attributes in
            "<textarea id=\"\(name)\" name=\"\(name)\" rows=\"4\" maxlength=\"\(maxLength)\"\(required ? HTML(" required") : .empty)\(attributes)>\(value)</textarea>"
        }
    }

    /// The label, hint and error around a control, and the ARIA attributes that tie them to it.
    private static func wrapped(_ name: String, label: String, hint: String?, error: String?, control: (HTML) -> HTML) -> HTML {
        let describedBy = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        let attributes: HTML = "\(describedBy.isEmpty ? HTML.empty : HTML(" aria-describedby=\"\(describedBy.joined(separator: " "))\""))\(error == nil ? HTML.empty : HTML(" aria-invalid=\"true\""))"
        return """
        <div class="field\(error == nil ? "" : " has-error")">
        <label for="\(name)">\(label)</label>
        \(hint.map { HTML("<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>") })
        \(error.map { HTML("<p class=\"error\" id=\"\(name)-error\">\($0)</p>") })
        \(control(attributes))
        </div>
        """
    }

    /// `id`: when a page has two forms with a field of the same name (it defaults to the name).
    static func select(_ name: String, label: String, options: [(value: String, label: String)], selected: String?, id: String? = nil) -> HTML {
        let items: [HTML] = options.map { option in
            "<option value=\"\(option.value)\"\(option.value == selected ? HTML(" selected") : .empty)>\(option.label)</option>"
        }
        return """
        <div class="field"><label for="\(id ?? name)">\(label)</label>
        <select id="\(id ?? name)" name="\(name)">\(items)</select></div>
        """
    }

    static func errorSummary(_ errors: [String], language: Language) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let items: [HTML] = errors.map { "<li>\($0)</li>" }
        return """
        <div class="error-summary" role="alert"><h2>\(Text.fixTheseProblems.in(language))</h2><ul>\(items)</ul></div>
        """
    }
}
