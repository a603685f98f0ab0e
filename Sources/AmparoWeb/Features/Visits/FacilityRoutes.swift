import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// Jails and detention facilities with their visiting rules, kept by the case team, and the
/// visitors' training and languages. Public facts about places; nothing about the people held.
struct FacilityRoutes: RouteCollection {
    let clock: any WallClock
    let sealer: FieldSealer

    func boot(routes: any RoutesBuilder) throws {
        let facilities = routes.grouped("facilities")
        facilities.get(use: list).policy(.member(.workCases))
        facilities.post(use: create).policy(.member(.workCases))
        facilities.get(":facilityID", use: edit).policy(.member(.workCases))
        facilities.post(":facilityID", use: update).policy(.member(.workCases))
        routes.get("visitors", use: visitors).policy(.member(.workCases))
        routes.post("visitors", ":userID", use: saveVisitor).policy(.member(.workCases))
    }

    private func store(_ req: Request) -> VisitsStore { VisitsStore(req.db, sealer: sealer) }

    func list(req: Request) async throws -> Response {
        htmlResponse(VisitRenderer.render(FacilitiesPage(facilities: try await store(req).facilities()), req.chrome))
    }

    func create(req: Request) async throws -> Response {
        let typed = FacilityForm(fields: req.formValues)
        guard case .success(let facts) = typed.validated(()),
              let id = try await store(req).saveFacility(facts, id: nil, at: clock.now()) else {
            let page = FacilitiesPage(facilities: try await store(req).facilities(), typed: typed, refused: true)
            return htmlResponse(VisitRenderer.render(page, req.chrome), status: .unprocessableEntity)
        }
        try await req.audit("facility.create", recordType: "facility", recordID: id.rawValue.uuidString)
        return req.redirect(to: "/facilities")
    }

    func edit(req: Request) async throws -> Response {
        let facility = try await find(req)
        return htmlResponse(VisitRenderer.render(FacilityPage(id: facility.id, name: facility.facts.name, typed: FacilityForm(facility.facts)), req.chrome))
    }

    func update(req: Request) async throws -> Response {
        let facility = try await find(req)
        let typed = FacilityForm(fields: req.formValues)
        guard case .success(let facts) = typed.validated(()),
              try await store(req).saveFacility(facts, id: facility.id, at: clock.now()) != nil else {
            let page = FacilityPage(id: facility.id, name: facility.facts.name, typed: typed, refused: true)
            return htmlResponse(VisitRenderer.render(page, req.chrome), status: .unprocessableEntity)
        }
        try await req.audit("facility.update", recordType: "facility", recordID: facility.id.rawValue.uuidString)
        return req.redirect(to: "/facilities")
    }

    func visitors(req: Request) async throws -> Response {
        htmlResponse(VisitRenderer.render(VisitorsPage(visitors: try await store(req).visitors()), req.chrome))
    }

    func saveVisitor(req: Request) async throws -> Response {
        guard let id = req.parameters.get("userID", as: UUID.self).map(UserID.init) else {
            throw UserFacingError(status: .notFound, text: .cases(.caseNotFound))
        }
        let fields = req.formValues
        let trainedOn = (fields["trainedOn"] ?? "").trimmingCharacters(in: .whitespaces)
        let day = Day(trainedOn)
        guard trainedOn.isEmpty || day != nil, let languages = try? Optional(FormText.field(fields, "languages", limit: 200)) else {
            let page = VisitorsPage(visitors: try await store(req).visitors(), refused: true)
            return htmlResponse(VisitRenderer.render(page, req.chrome), status: .unprocessableEntity)
        }
        guard try await store(req).saveVisitor(id, trainedOn: day, languages: languages, at: clock.now()) else {
            throw UserFacingError(status: .notFound, text: .cases(.caseNotFound))
        }
        try await req.audit("visitor.profile", recordType: "user", recordID: id.rawValue.uuidString)
        return req.redirect(to: "/visitors")
    }

    private func find(_ req: Request) async throws -> Facility {
        try await req.record("facilityID", missing: .support(.errorFacility), find: store(req).facility)
    }
}
