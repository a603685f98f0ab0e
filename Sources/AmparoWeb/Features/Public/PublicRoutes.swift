import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// The home page, the language switch, health and the served assets. Public pages store and log
/// nothing about who asked.
struct PublicRoutes: RouteCollection {
    let sealer: FieldSealer

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
        let organization = try await req.amparo.organizationName(on: req.db)
        let letters = organization == nil ? [] : try await CampaignsStore(req.db, sealer: sealer).openLetters(limit: 5)
        let page = HomePage(organization: organization, letters: letters, hotlineNumber: req.amparo.delivery.channels.hotlineNumber)
        return htmlResponse(HomeRenderer.render(page, req.chrome))
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

    /// Remembers the choice in a cookie, and in the member's profile when signed in.
    func switchLanguage(req: Request) async throws -> Response {
        let fields = req.formValues
        guard let language = fields["language"].flatMap(Language.init(rawValue:)) else {
            throw UserFacingError(status: .unprocessableEntity, text: .errorLanguageUnknown)
        }
        if req.visitor.isSignedIn {
            try await AccountsStore(req.db, sealer: sealer).setLanguage(language, of: try req.member())
        }
        let response = req.redirect(to: Self.safeLocalPath(fields["back"]), redirectType: .normal)
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
