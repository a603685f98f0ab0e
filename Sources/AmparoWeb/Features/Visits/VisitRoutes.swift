import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// The visitation program. Case workers plan visits from the case; a visitor sees only their own
/// visits: the person's name and language, the facility and its rules, and a form to report. No
/// timeline, no family contacts, no phone, no A-number.
struct VisitRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("cases", ":caseID", "visits")
        cases.post(use: schedule).policy(.member(.workCases))
        cases.post(":visitID", "cancel", use: cancel).policy(.member(.workCases))
        let visits = routes.grouped("visits")
        visits.get(use: mine).policy(.member(.visit))
        visits.get(":visitID", use: show).policy(.member(.visit))
        visits.post(":visitID", "report", use: report).policy(.member(.visit))
    }

    func schedule(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let fields = req.formValues
        guard let facilityID = fields["facility"].flatMap(UUID.init(uuidString:)), try await FacilityModel.find(facilityID, on: req.db) != nil else {
            return try await CaseViews.page(req, record: record, problem: .support(.errorFacility), status: .unprocessableEntity)
        }
        guard let visitorID = fields["visitor"].flatMap(UUID.init(uuidString:)),
              try await Visitors.trained(on: req.db).contains(where: { $0.user.id == visitorID }) else {
            return try await CaseViews.page(req, record: record, problem: .support(.errorVisitor), status: .unprocessableEntity)
        }
        guard let when = fields["when"].flatMap({ LocalDateTime.parse($0, timeZone: req.amparo.config.timeZone) }) else {
            return try await CaseViews.page(req, record: record, problem: .cases(.errorWhen), status: .unprocessableEntity)
        }
        let visit = VisitModel(caseID: record.id!, facilityID: facilityID, visitorID: visitorID, scheduledAt: when,
                               createdBy: req.visitor.user!.id!, createdAt: req.amparo.clock.now())
        try await visit.create(on: req.db)
        try await req.audit("case.visit.schedule", recordType: "case", recordID: record.id!.uuidString)
        return req.redirect(to: "/cases/\(record.id!.uuidString)")
    }

    func cancel(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let visit = try await CaseAccess.part(VisitModel.self, "visitID", of: record, req)
        if visit.status == VisitStatus.scheduled.rawValue {
            visit.status = VisitStatus.cancelled.rawValue
            try await visit.save(on: req.db)
            try await req.audit("case.visit.cancel", recordType: "case", recordID: record.id!.uuidString)
        }
        return req.redirect(to: "/cases/\(record.id!.uuidString)")
    }

    func mine(req: Request) async throws -> Response {
        let visits = try await VisitModel.query(on: req.db).filter(\.$visitorID == req.visitor.user!.id!)
            .sort(\.$scheduledAt, .descending).limit(200).all()
        let cases = try await CaseModel.query(on: req.db).filter(\.$id ~~ Set(visits.map(\.caseID))).all()
        let facilities = try await FacilityModel.query(on: req.db).filter(\.$id ~~ Set(visits.map(\.facilityID))).all()
        try await req.audit("visit.list", recordType: "visit", recordID: "mine")
        return VisitViews.mine(req, visits: visits, cases: cases, facilities: facilities)
    }

    func show(req: Request) async throws -> Response {
        let visit = try await ownVisit(req)
        try await req.audit("visit.read", recordType: "visit", recordID: visit.id!.uuidString)
        return try await VisitViews.page(req, visit: visit, problem: nil)
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
            return try await VisitViews.page(req, visit: visit, problem: .support(.errorNote), status: .unprocessableEntity)
        }
        visit.status = outcome.rawValue
        visit.reportSealed = try text.map { try req.amparo.sealer.seal($0, context: SealedColumn.visitReport.context(rowID: visit.id!)) }
        visit.sharedWithFamily = fields["sharedWithFamily"] == "yes"
        visit.reportedAt = req.amparo.clock.now()
        try await visit.save(on: req.db)
        try await req.audit("visit.report", recordType: "visit", recordID: visit.id!.uuidString)
        return req.redirect(to: "/visits/\(visit.id!.uuidString)")
    }

    /// The visit in the path if it is this visitor's; 404 otherwise, as if absent.
    private func ownVisit(_ req: Request) async throws -> VisitModel {
        guard let id = req.parameters.get("visitID", as: UUID.self), let visit = try await VisitModel.find(id, on: req.db),
              visit.visitorID == req.visitor.user?.id else { throw UserFacingError(status: .notFound, text: .cases(.caseNotFound)) }
        return visit
    }
}

/// Members with the visitor role and their profiles.
enum Visitors {
    struct Entry { let user: UserModel; let profile: VisitorProfileModel? }

    static func all(on db: any Database) async throws -> [Entry] {
        let users = try await UserModel.query(on: db).filter(\.$role == Role.visitor.rawValue).filter(\.$disabledAt == nil).all()
        let profiles = try await VisitorProfileModel.query(on: db).filter(\.$userID ~~ users.compactMap(\.id)).all()
        let byUser = Dictionary(uniqueKeysWithValues: profiles.map { ($0.userID, $0) })
        return users.map { Entry(user: $0, profile: byUser[$0.id!]) }
    }

    /// Only trained visitors are sent on a visit.
    static func trained(on db: any Database) async throws -> [Entry] {
        try await all(on: db).filter { $0.profile?.trainedOn != nil }
    }
}
