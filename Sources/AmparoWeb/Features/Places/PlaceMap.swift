import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import SQLKit
import Vapor

/// The US map of counties, server-rendered SVG (no tiles, no script), colored by the strongest
/// 287(g) model in force in the county or by the detainer policy that governs it.
enum PlaceMap {
    enum Layer: String { case agreements = "287g", detainers }

    static func page(_ req: Request) async throws -> Response {
        let layer = req.query[String.self, at: "by"].flatMap(Layer.init(rawValue:)) ?? .agreements
        let shapes = try await req.db.sql.raw("SELECT fips, name, path FROM county_shapes ORDER BY fips").all()
        let shade = try await layer == .agreements ? agreementShades(on: req.db) : detainerShades(on: req.db)
        let l = req.language
        func t(_ text: PlacesText) -> String { Text.places(text).in(l) }
        var svg = "<svg viewBox=\"0 0 960 600\" role=\"img\" aria-labelledby=\"map-title\" class=\"map\"><title id=\"map-title\">\(HTML.escape(t(.mapTitle)))</title>"
        for row in shapes {
            let fips = try row.decode(column: "fips", as: String.self)
            let name = try row.decode(column: "name", as: String.self), path = try row.decode(column: "path", as: String.self)
            let state = USState.find(String(fips.prefix(2)))?.code ?? ""
            svg += "<path class=\"\(shade[fips] ?? (layer == .agreements ? "m0" : "n"))\" d=\"\(path)\"><title>\(HTML.escape(name)), \(state)</title></path>"
        }
        svg += "</svg>"
        let legend: [(String, String)] = layer == .agreements
            ? [("m3", t(.model(.jailEnforcement))), ("m2", t(.model(.taskForce))), ("m1", t(.model(.warrantServiceOfficer))), ("m0", t(.noAgreementShort))]
            : [("p0", t(.position(.declinesAll)) + " / " + t(.position(.judicialWarrantOnly))), ("p1", t(.position(.stateLawLimits))),
               ("p2", t(.position(.honorsWithCriteria))), ("p3", t(.position(.honorsAll)) + " / " + t(.position(.stateLawRequires))), ("n", t(.noPolicies))]
        let items: [HTML] = legend.map { "<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" class=\"\($0.0)\"/></svg> \($0.1)</li>" }
        let body: HTML = """
        <h1>\(t(.mapTitle))</h1>
        <p><a href="/places/map?by=287g">\(t(.agreements))</a> · <a href="/places/map?by=detainers">\(t(.policyKind(.detainers)))</a> · <a href="/places">\(t(.statesTitle))</a></p>
        \(shapes.isEmpty ? HTML("<p>\(t(.noMap))</p>") : HTML(unsafeRaw: svg))
        <ul class="legend">\(items)</ul>
        <p>\(t(.download)): <a href="/places?format=csv">CSV</a> · <a href="/places?format=json">JSON</a></p>
        """
        return htmlResponse(Layout.page(req, title: t(.mapTitle), body: body), status: .ok)
    }

    /// The strongest model in force in each county (jail enforcement, then task force, then WSO).
    static func agreementShades(on db: any Database) async throws -> [String: String] {
        let rows = try await db.sql.raw("""
            SELECT j.fips, g.model FROM agreements g JOIN agencies a ON a.id = g.agency_id JOIN jurisdictions j ON j.id = a.county_id
            WHERE g.status = \(bind: AgreementStatus.active.rawValue) AND j.fips IS NOT NULL
            """).all()
        let rank: [String: Int] = [AgreementModel.warrantServiceOfficer.rawValue: 1, AgreementModel.taskForce.rawValue: 2, AgreementModel.jailEnforcement.rawValue: 3]
        var strongest: [String: Int] = [:]
        for row in rows {
            let fips = try row.decode(column: "fips", as: String.self), level = rank[try row.decode(column: "model", as: String.self)] ?? 0
            strongest[fips] = max(strongest[fips] ?? 0, level)
        }
        return strongest.mapValues { "m\($0)" }
    }

    /// The detainer policy governing each county: its own, or the state's where that governs.
    /// Read without model decoding: there are three thousand counties.
    static func detainerShades(on db: any Database) async throws -> [String: String] {
        let places = try await db.sql.raw("SELECT id, kind, state_code, fips FROM jurisdictions").all()
        let policies = try await db.sql.raw("""
            SELECT jurisdiction_id, position FROM policies WHERE kind = \(bind: PolicyKind.detainers.rawValue) ORDER BY effective_on DESC, recorded_at DESC
            """).all()
        var latest: [UUID: PolicyPosition] = [:]
        for row in policies {
            let id = try row.decode(column: "jurisdiction_id", as: UUID.self)
            if latest[id] == nil { latest[id] = PolicyPosition(rawValue: try row.decode(column: "position", as: String.self)) }
        }
        var stateLaw: [String: PolicyPosition] = [:]
        var counties: [(id: UUID, state: String, fips: String)] = []
        for row in places {
            let id = try row.decode(column: "id", as: UUID.self), state = try row.decode(column: "state_code", as: String.self)
            if try row.decode(column: "kind", as: String.self) == "state" {
                stateLaw[state] = latest[id]
            } else if let fips = try row.decode(column: "fips", as: String?.self) {
                counties.append((id, state, fips))
            }
        }
        let shade: [PolicyPosition: String] = [.declinesAll: "p0", .judicialWarrantOnly: "p0", .stateLawLimits: "p1", .honorsWithCriteria: "p2", .honorsAll: "p3", .stateLawRequires: "p3"]
        var result: [String: String] = [:]
        for county in counties {
            guard let governing = GoverningPolicy.resolve(kind: .detainers, local: latest[county.id], state: stateLaw[county.state]) else { continue }
            result[county.fips] = shade[governing.position]
        }
        return result
    }
}
