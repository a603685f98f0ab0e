import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Jails and detention facilities with their visiting rules, kept by the case team, and the
/// visitors' training and languages. Public facts about places; nothing about the people held.
struct FacilityRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let facilities = routes.grouped("facilities")
        facilities.get(use: list).policy(.member(.workCases))
        facilities.post(use: create).policy(.member(.workCases))
        facilities.get(":facilityID", use: edit).policy(.member(.workCases))
        facilities.post(":facilityID", use: update).policy(.member(.workCases))
        routes.get("visitors", use: visitors).policy(.member(.workCases))
        routes.post("visitors", ":userID", use: saveVisitor).policy(.member(.workCases))
    }

    func list(req: Request) async throws -> Response {
        try await VisitViews.facilities(req, problem: nil, status: .ok)
    }

    func create(req: Request) async throws -> Response {
        let facility = FacilityModel(name: "", kind: FacilityKind.countyJail.rawValue, updatedAt: req.amparo.clock.now())
        guard try await fill(facility, req) else { return try await VisitViews.facilities(req, problem: .support(.errorFacilityName), status: .unprocessableEntity) }
        try await facility.create(on: req.db)
        try await req.audit("facility.create", recordType: "facility", recordID: facility.id!.uuidString)
        return req.redirect(to: "/facilities")
    }

    func edit(req: Request) async throws -> Response {
        VisitViews.facility(req, try await find(req), problem: nil, status: .ok)
    }

    func update(req: Request) async throws -> Response {
        let facility = try await find(req)
        guard try await fill(facility, req) else { return VisitViews.facility(req, facility, problem: .support(.errorFacilityName), status: .unprocessableEntity) }
        facility.updatedAt = req.amparo.clock.now()
        try await facility.save(on: req.db)
        try await req.audit("facility.update", recordType: "facility", recordID: facility.id!.uuidString)
        return req.redirect(to: "/facilities")
    }

    func visitors(req: Request) async throws -> Response {
        VisitViews.visitors(req, try await Visitors.all(on: req.db), problem: nil, status: .ok)
    }

    func saveVisitor(req: Request) async throws -> Response {
        guard let id = req.parameters.get("userID", as: UUID.self),
              let entry = try await Visitors.all(on: req.db).first(where: { $0.user.id == id }) else {
            throw UserFacingError(status: .notFound, text: .cases(.caseNotFound))
        }
        let fields = req.formValues
        let trainedOn = (fields["trainedOn"] ?? "").trimmingCharacters(in: .whitespaces)
        let languages = try? Optional(FormText.field(fields, "languages", limit: 200))
        guard trainedOn.isEmpty || LocalDateTime.parse(trainedOn + " 00:00", timeZone: req.amparo.config.timeZone) != nil, let languages else {
            return VisitViews.visitors(req, try await Visitors.all(on: req.db), problem: .support(.errorTrainedOn), status: .unprocessableEntity)
        }
        let profile = entry.profile ?? VisitorProfileModel(userID: id, updatedAt: req.amparo.clock.now())
        profile.trainedOn = trainedOn.isEmpty ? nil : trainedOn
        profile.languages = languages
        profile.updatedAt = req.amparo.clock.now()
        try await profile.save(on: req.db)
        try await req.audit("visitor.profile", recordType: "user", recordID: id.uuidString)
        return req.redirect(to: "/visitors")
    }

    private func find(_ req: Request) async throws -> FacilityModel {
        try await req.record(FacilityModel.self, "facilityID", missing: .support(.errorFacility))
    }

    /// Copies the form into the facility; false when the name or state is missing, too long, or
    /// the name is already another facility's in that state.
    private func fill(_ facility: FacilityModel, _ req: Request) async throws -> Bool {
        let fields = req.formValues
        func text(_ name: String, _ limit: Int = 300) throws -> String? { try FormText.field(fields, name, limit: limit) }
        do {
            guard let name = try text("name"), let state = try text("state", 2)?.uppercased(), state.count == 2,
                  state.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
            let clash = try await FacilityModel.query(on: req.db).filter(\.$name == name).filter(\.$state == state).first()
            guard clash == nil || clash?.id == facility.id else { return false }
            facility.name = name
            facility.state = state
            facility.kind = fields["kind"].flatMap(FacilityKind.init(rawValue:))?.rawValue ?? FacilityKind.countyJail.rawValue
            facility.city = try text("city")
            facility.county = try text("county", 120)
            facility.visitingHours = try text("visitingHours")
            facility.idRules = try text("idRules")
            facility.dressCode = try text("dressCode")
            facility.approval = try text("approval")
            facility.languages = try text("languages")
            return true
        } catch {
            return false
        }
    }
}
