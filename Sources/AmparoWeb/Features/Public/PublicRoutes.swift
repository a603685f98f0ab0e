import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// The home page, the language switch, health and the served assets. Public pages store and log
/// nothing about who asked.
struct PublicRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home).policy(.open)
        routes.get("healthz", use: health).policy(.open)
        routes.get("static", "amparo.css", use: stylesheet).policy(.open)
        routes.get("static", "favicon.svg", use: favicon).policy(.open)
        routes.get("static", "field-report.js", use: fieldReportScript).policy(.open)
        routes.get("static", "import-progress.js", use: { _ in
            asset(ImportProgressScript.source, type: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
        }).policy(.open)
        routes.get("static", "report-location.js", use: { _ in
            asset(ReportLocationScript.source, type: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
        }).policy(.open)
        routes.get("static", "live-inbox.js", use: { _ in
            asset(LiveInboxScript.source, type: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
        }).policy(.open)
        routes.post("language", use: switchLanguage).policy(.open)
    }

    func home(req: Request) async throws -> Response {
        if req.visitor.isSignedIn { return req.redirect(to: "/dashboard") }
        let language = req.language
        let configured = try await OrganizationModel.query(on: req.db).first()
        let body: HTML
        if let configured {
            body = """
            <h1>\(configured.name)</h1>
            <p><a class="button" href="/report">\(Text.hotline(.reportTitle).in(language))</a></p>
            <p>\(Text.homeIntro.in(language))</p>
            <p><a href="/places">\(Text.places(.statesTitle).in(language))</a> · <a href="/evidence">\(Text.evidence(.title).in(language))</a> · <a href="/stories">\(Text.stories(.title).in(language))</a> · <a href="/events">\(Text.events(.title).in(language))</a></p>
            <p><a href="/login">\(Text.signIn.in(language))</a></p>
            """
        } else {
            body = """
            <h1>\(Text.notSetUpTitle.in(language))</h1>
            <p>\(Text.notSetUpBody.in(language))</p>
            """
        }
        return htmlResponse(Layout.page(req, title: Text.homeTitle.in(language), body: body), status: .ok)
    }

    /// The bare baseline route: the benchmark compares every page against it.
    func health(req: Request) -> String { "ok" }

    func stylesheet(req: Request) -> Response {
        asset(Assets.stylesheet, type: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
    }

    func favicon(req: Request) -> Response {
        asset(Assets.favicon, type: HTTPMediaType(type: "image", subType: "svg+xml"))
    }

    func fieldReportScript(req: Request) -> Response {
        asset(FieldReportScript.source, type: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
    }

    private func asset(_ body: String, type: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    struct LanguageForm: Content {
        var language: String
        var back: String?
    }

    /// Remembers the choice in a cookie, and in the member's profile when signed in.
    func switchLanguage(req: Request) async throws -> Response {
        let form = try req.content.decode(LanguageForm.self)
        guard let language = Language(rawValue: form.language) else {
            throw UserFacingError(status: .unprocessableEntity, text: .errorLanguageUnknown)
        }
        if req.visitor.isSignedIn, let user = req.visitor.user {
            user.language = language.rawValue
            try await user.save(on: req.db)
        }
        let response = req.redirect(to: Self.safeLocalPath(form.back), redirectType: .normal)
        response.cookies[CookieNames.language] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", isSecure: req.isSecure,
            isHTTPOnly: true, sameSite: .strict)
        return response
    }

    /// Only a path on this site: never an open redirect to somewhere else.
    static func safeLocalPath(_ candidate: String?) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
              candidate.count < 512, !candidate.contains(where: { $0.isNewline })
        else { return "/" }
        return candidate
    }
}
