import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// The places pages as JSON resources of /api/v1, from the same page values and at the same
/// permissions: states, a state, a county (public), imports with what each added and ended
/// (organizers and analysts, with a token).
struct PlaceAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let places = routes.grouped("api", "v1", "places")
        places.get(use: states).policy(.apiOpen)
        places.get("imports", use: imports).policy(.apiToken(.managePlaces))
        places.get("imports", ":importID", use: importDetail).policy(.apiToken(.managePlaces))
        places.get(":state", use: state).policy(.apiOpen)
        places.get(":state", ":county", use: county).policy(.apiOpen)
    }

    func states(req: Request) async throws -> Response {
        try APIResource.json(PlaceStatesPage(counts: try await PlacesStore(req.db).countsByState()), for: req, cacheable: true)
    }

    func state(req: Request) async throws -> Response {
        try APIResource.json(try await PlaceRoutes.statePage(req), for: req, cacheable: true)
    }

    func county(req: Request) async throws -> Response {
        try APIResource.json(try await PlaceRoutes.countyPage(req), for: req, cacheable: true)
    }

    func imports(req: Request) async throws -> Response {
        try APIResource.json(try await PlaceRoutes.importsPage(req, message: nil), for: req, cacheable: false)
    }

    func importDetail(req: Request) async throws -> Response {
        try APIResource.json(try await PlaceRoutes.importPage(req, PlaceRoutes.snapshot(req), warnings: []), for: req, cacheable: false)
    }
}
