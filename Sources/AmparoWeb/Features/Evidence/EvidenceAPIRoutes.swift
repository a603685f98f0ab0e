import AmparoDomain
import AmparoWebKit
import Vapor

/// The public figures as JSON resources of /api/v1, the same value as the pages' JSON download:
/// the nation, a state, a county, over `from`/`to` (YYYY-MM). Unlike the page, which shows all
/// months and says why, a period that is not one is a 400.
struct EvidenceAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let evidence = routes.grouped("api", "v1", "evidence")
        evidence.get(use: nation).policy(.apiOpen)
        evidence.get(":state", use: state).policy(.apiOpen)
        evidence.get(":state", ":county", use: county).policy(.apiOpen)
    }

    /// A month exactly as the API documents it (the pages are more forgiving of what people type).
    static func isMonth(_ text: String) -> Bool { text.wholeMatch(of: #/(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])/#) != nil }

    private func resource(_ req: Request, name: String, scope: EvidenceScope, state: String?) async throws -> Response {
        let refusal = "from and to must be months written YYYY-MM, the first not after the last."
        for key in ["from", "to"] {
            if let raw = req.query[String.self, at: key], !Self.isMonth(raw) { throw Abort(.badRequest, reason: refusal) }
        }
        let (report, badPeriod) = try await EvidenceRoutes.report(req, name: name, scope: scope, state: state)
        if badPeriod { throw Abort(.badRequest, reason: refusal) }
        return try APIResource.json(EvidenceResource(report), for: req, cacheable: true, encoder: EvidenceResource.encoder)
    }

    func nation(req: Request) async throws -> Response {
        try await resource(req, name: Text.evidence(.nation).in(req.language), scope: .nation, state: nil)
    }

    func state(req: Request) async throws -> Response {
        guard let state = req.parameters.get("state").flatMap(USState.find) else { throw UserFacingError(status: .notFound, text: .evidence(.noData)) }
        return try await resource(req, name: state.name, scope: .state(state.code), state: nil)
    }

    func county(req: Request) async throws -> Response {
        let (state, county) = try await EvidenceRoutes.countyPlace(req)
        return try await resource(req, name: "\(county.name), \(state.name)", scope: .county(try county.requireID()), state: state.code)
    }
}
