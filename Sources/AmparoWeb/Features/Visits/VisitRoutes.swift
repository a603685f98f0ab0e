import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// The visitation program. Case workers plan visits from the case; a visitor sees only their own
/// visits: the person's name and language, the facility and its rules, and a form to report. No
/// timeline, no family contacts, no phone, no A-number.
struct VisitRoutes: RouteCollection {
    let clock: any WallClock
    /// The organization's time zone, read as each form is taken (an admin may change it).
    let time: OrganizationTime
    private var timeZone: TimeZone { time.timeZone }
    let sealer: FieldSealer

    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("cases", ":caseID", "visits")
        cases.post(use: schedule).policy(.member(.workCases))
        cases.post(":visitID", "cancel", use: cancel).policy(.member(.workCases))
        let visits = routes.grouped("visits")
        visits.get(use: mine).policy(.member(.visit))
        visits.get(":visitID", use: show).policy(.member(.visit))
        visits.post(":visitID", "report", use: report).policy(.member(.visit))
    }

    private func store(_ req: Request) -> VisitsStore { VisitsStore(req.db, sealer: sealer) }

    func schedule(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let caseID = try record.requireID()
        let fields = req.formValues
        func refuse(_ problem: SupportText) async throws -> Response {
            try await CaseViews.page(req, record: record, problem: .support(problem), status: .unprocessableEntity)
        }
        guard let facility = fields["facility"].flatMap(UUID.init(uuidString:)).map(FacilityID.init) else { return try await refuse(.errorFacility) }
        guard let visitor = fields["visitor"].flatMap(UUID.init(uuidString:)).map(UserID.init) else { return try await refuse(.errorVisitor) }
        guard let when = fields["when"].flatMap({ LocalDateTime.parse($0, timeZone: timeZone) }) else {
            return try await CaseViews.page(req, record: record, problem: .cases(.errorWhen), status: .unprocessableEntity)
        }
        switch try await store(req).schedule(case: caseID, facility: facility, visitor: visitor, at: when, by: try req.member(), now: clock.now()) {
        case .planned: break
        case .noSuchFacility: return try await refuse(.errorFacility)
        case .notATrainedVisitor: return try await refuse(.errorVisitor)
        }
        try await req.audit("case.visit.schedule", recordType: "case", recordID: caseID.uuidString)
        return req.redirect(to: "/cases/\(caseID.uuidString)")
    }

    func cancel(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let caseID = try record.requireID()
        let visit = try await CaseAccess.part(VisitModel.self, "visitID", of: record, req)
        if try await store(req).cancel(VisitID(try visit.requireID()), of: caseID) {
            try await req.audit("case.visit.cancel", recordType: "case", recordID: caseID.uuidString)
        }
        return req.redirect(to: "/cases/\(caseID.uuidString)")
    }

    func mine(req: Request) async throws -> Response {
        let page = MyVisitsPage(visits: try await store(req).visits(of: try req.member(), limit: 200))
        try await req.audit("visit.list", recordType: "visit", recordID: "mine")
        return htmlResponse(VisitRenderer.render(page, req.chrome))
    }

    func show(req: Request) async throws -> Response {
        let visit = try await ownVisit(req)
        try await req.audit("visit.read", recordType: "visit", recordID: visit.id.rawValue.uuidString)
        return htmlResponse(VisitRenderer.render(VisitPage(visit: visit), req.chrome))
    }

    /// After the visit: how it went, how the person is and what they need (only what they agreed
    /// to share), and whether the family may hear it.
    func report(req: Request) async throws -> Response {
        let visit = try await ownVisit(req)
        let fields = req.formValues
        let raw = fields["report"] ?? ""
        let blank = raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let text = blank ? nil : NoteText.validate(raw)
        guard let outcome = fields["outcome"].flatMap(VisitStatus.init(rawValue:)), [.done, .denied].contains(outcome), blank || text != nil else {
            return htmlResponse(VisitRenderer.render(VisitPage(visit: visit, refusedReport: raw), req.chrome), status: .unprocessableEntity)
        }
        try await store(req).report(visit.id, outcome: outcome, text: text, sharedWithFamily: fields["sharedWithFamily"] == "yes", at: clock.now())
        try await req.audit("visit.report", recordType: "visit", recordID: visit.id.rawValue.uuidString)
        return req.redirect(to: "/visits/\(visit.id.rawValue.uuidString)")
    }

    /// The visit in the path if it is this visitor's; 404 otherwise, as if absent.
    private func ownVisit(_ req: Request) async throws -> VisitDetail {
        let member = try req.member()
        return try await req.record("visitID", missing: .cases(.caseNotFound)) { try await store(req).visit($0, of: member) }
    }
}
