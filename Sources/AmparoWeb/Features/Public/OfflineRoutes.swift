import AmparoDomain
import AmparoWebKit
import Vapor

/// The installable app: its manifest, its service worker and the page a form kept offline leads to.
struct OfflineRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("sw.js", use: { _ in Self.script(OfflineScripts.worker, cache: "no-cache") }).policy(.open)
        routes.get("static", "offline.js", use: { _ in Self.script(OfflineScripts.page, cache: "public, max-age=86400") }).policy(.open)
        routes.get("manifest.webmanifest", use: manifest).policy(.open)
        routes.get("report", "kept", use: { req in htmlResponse(KeptPageRenderer.render(req.chrome), status: .ok) }).policy(.open)
    }

    static func script(_ source: String, cache: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: cache)
        return Response(status: .ok, headers: headers, body: .init(string: source))
    }

    /// Opens on the report page, in the group's name.
    func manifest(req: Request) async throws -> Response {
        let organization = try await req.amparo.organizationName(on: req.db)
        let manifest = WebAppManifest(
            name: organization.map { "\($0) · Amparo" } ?? "Amparo", short_name: "Amparo", lang: req.language.rawValue,
            start_url: "/report", scope: "/", display: "standalone", background_color: "#ffffff", theme_color: "#1d4e89",
            icons: [.init(src: "/static/favicon.svg", sizes: "any", type: "image/svg+xml")])
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "manifest+json")
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return Response(status: .ok, headers: headers, body: .init(data: try JSONEncoder().encode(manifest)))
    }

    struct WebAppManifest: Encodable {
        struct Icon: Encodable { let src, sizes, type: String }
        let name, short_name, lang, start_url, scope, display, background_color, theme_color: String
        let icons: [Icon]
    }
}

/// "Kept on this phone": what a form sent without a connection leads to; its status line fills in
/// (waiting, sent with the reference code) as the service worker reports.
enum KeptPageRenderer {
    static func render(_ chrome: Chrome) -> HTML {
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(chrome.language) }
        let body: HTML = """
        <h1 id="kept-title">\(t(.keptTitle))</h1>
        <p id="kept-intro">\(t(.keptBody))</p>
        <p id="offline-status" class="notice" role="status" hidden data-waiting="\(t(.keptWaiting))" data-sent="\(t(.keptSent))" \
        data-sent-plain="\(t(.keptSentPlain))" data-refused="\(t(.keptRefused))"></p>
        <p><a href="/report">\(t(.keptNewReport))</a> · <a href="/report/status">\(t(.checkStatusLater))</a></p>
        """
        return Layout.page(chrome, title: t(.keptTitle), body: body, offline: true)
    }
}
