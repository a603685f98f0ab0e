import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Case workers and the legal team follow a person through the pipeline: who they are (sealed),
/// what they consented to, and the custody timeline with its hold clock. A member sees the cases
/// of their teams and the ones no team has taken; any other case answers 404, as if absent.
struct CaseRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("cases")
        cases.get(use: list).policy(.member(.workCases))
        cases.post(use: open).policy(.member(.workCases))
        cases.get(":caseID", use: show).policy(.member(.workCases))
        cases.post(":caseID", "person", use: savePerson).policy(.member(.workCases))
        cases.post(":caseID", "events", use: addEvent).policy(.member(.workCases))
        cases.post(":caseID", "events", ":eventID", "correct", use: correctEvent).policy(.member(.workCases))
    }

    func list(req: Request) async throws -> Response {
        htmlResponse(CaseListRenderer.render(try await listPage(req), req.chrome), status: .ok)
    }

    /// A case for a person the group learns about directly (a family's call), with their consent.
    func open(req: Request) async throws -> Response {
        var page = try await listPage(req)
        page.newCase = NewCaseForm(fields: req.formValues)
        guard let new = page.newCase.validate(teams: page.teams) else {
            return htmlResponse(CaseListRenderer.render(page, req.chrome), status: .unprocessableEntity)
        }
        let id = try await CasesStore(req.db, sealer: req.amparo.sealer).open(new, by: req.visitor.user!.id!, at: req.amparo.clock.now())
        try await req.audit("case.open", recordType: "case", recordID: id.uuidString)
        return req.redirect(to: "/cases/\(id.uuidString)")
    }

    private func listPage(_ req: Request) async throws -> CaseListPage {
        let teams = try await CaseAccess.teams(req)
        let now = req.amparo.clock.now()
        let cases = try await CasesStore(req.db, sealer: req.amparo.sealer).list(teams: teams, now: now)
        try await req.audit("case.list", recordType: "case", recordID: "mine")
        let mine = try await MembersStore(req.db, sealer: req.amparo.sealer).teams().filter { teams.contains($0.id.rawValue) }
        return CaseListPage(cases: cases, teams: mine, now: now)
    }

    func show(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        try await req.audit("case.read", recordType: "case", recordID: record.id!.uuidString)
        return try await CaseViews.page(req, record: record, status: .ok)
    }

    func savePerson(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let fields = req.formValues
        func text(_ name: String, _ limit: Int = 300) throws -> String? { try FormText.field(fields, name, limit: limit) }
        let sealer = req.amparo.sealer
        let id = record.id!
        func seal(_ value: String?, _ column: SealedColumn) throws -> String? { try value.map { try sealer.seal($0, context: column.context(rowID: id)) } }
        record.personNameSealed = try seal(try text("name"), .casePersonName)
        record.birthDateSealed = try seal(try text("birthDate", 20), .caseBirthDate)
        record.phoneSealed = try seal(try text("phone", 40), .casePhone)
        record.language = try text("language", 40)
        // Only the legal team sees and sets the A-number; anyone else's form leaves it alone.
        if req.visitor.roles?.canRead(.immigrationRecord) == true { record.aNumberSealed = try seal(try text("aNumber", 20), .caseANumber) }
        let consent = try text("consent", 2000)
        let previous = record.consentSealed.flatMap { try? sealer.open($0, context: SealedColumn.caseConsent.context(rowID: id)) }
        if consent != previous {
            record.consentSealed = try seal(consent, .caseConsent)
            record.consentBy = req.visitor.user?.id
            record.consentAt = req.amparo.clock.now()
        }
        if let choice = fields["team"] { record.teamID = try await CaseAccess.team(choice, req) }
        try await record.save(on: req.db)
        try await req.audit("case.person", recordType: "case", recordID: id.uuidString)
        return req.redirect(to: "/cases/\(id.uuidString)")
    }

    func addEvent(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        switch try await CaseEventForm.parse(req) {
        case .invalid(let problem):
            return try await CaseViews.page(req, record: record, problem: .cases(problem), typed: CaseEventForm.typed(req), status: .unprocessableEntity)
        case .valid(let form):
            let event = try form.model(caseID: record.id!, req: req)
            let language = req.language, services = req.amparo
            let notices = try await req.db.transaction { db in
                try await event.create(on: db)
                try await CaseProgressWrites.refresh(case: record.requireID(), on: db)
                return try await CaseEventEffects.apply(event, record: record, language: language, services: services, on: db)
            }
            if notices > 0 { services.delivery.wake() }
            try await req.audit("case.event.add", recordType: "case", recordID: record.id!.uuidString)
            return req.redirect(to: "/cases/\(record.id!.uuidString)#main")
        }
    }

    /// A correction adds the right event and points the wrong one at it: the history keeps both.
    func correctEvent(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let old = try await CaseAccess.part(CaseEventModel.self, "eventID", of: record, req)
        guard old.replacedBy == nil else { throw UserFacingError(status: .notFound, text: .cases(.caseNotFound)) }
        switch try await CaseEventForm.parse(req) {
        case .invalid(let problem):
            return try await CaseViews.page(req, record: record, problem: .cases(problem), status: .unprocessableEntity)
        case .valid(let form):
            let event = try form.model(caseID: record.id!, req: req)
            try await req.db.transaction { db in
                try await event.create(on: db)
                old.replacedBy = event.id
                try await old.save(on: db)
                try await CaseProgressWrites.refresh(case: record.requireID(), on: db)
            }
            try await req.audit("case.event.correct", recordType: "case", recordID: record.id!.uuidString)
            return req.redirect(to: "/cases/\(record.id!.uuidString)#main")
        }
    }
}

/// A record that belongs to one case.
protocol CasePart: Model where IDValue == UUID { var caseID: UUID { get } }
extension CaseEventModel: CasePart {}
extension CaseContactModel: CasePart {}
extension BondRequestModel: CasePart {}
extension CaseTaskModel: CasePart {}
extension VisitModel: CasePart {}

/// Which cases a member may see: their teams' and the intake queue (no team). A lawyer on no team
/// serves the whole group (the hold clock tells her about any case), so she sees every team's.
enum CaseAccess {
    static func teams(_ req: Request) async throws -> [UUID] {
        guard let user = req.visitor.user else { return [] }
        let mine = try await req.accounts.teams(of: user).compactMap(\.id)
        if mine.isEmpty, req.visitor.roles?.contains(.legal) == true { return try await TeamModel.query(on: req.db).all().compactMap(\.id) }
        return mine
    }

    /// The case in the path, if this member may see it; 404 otherwise (no hint that it exists).
    static func find(_ req: Request) async throws -> CaseModel {
        guard let id = req.parameters.get("caseID", as: UUID.self), let record = try await CaseModel.find(id, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .cases(.caseNotFound))
        }
        if let team = record.teamID, try await !teams(req).contains(team) {
            throw UserFacingError(status: .notFound, text: .cases(.caseNotFound))
        }
        return record
    }

    /// A part of `record` (an event, a contact, a bond…) named in the path; 404 when it belongs to
    /// another case, so one's own case cannot reach into someone else's.
    static func part<Part: CasePart>(_ type: Part.Type, _ parameter: String, of record: CaseModel, _ req: Request) async throws -> Part {
        guard let id = req.parameters.get(parameter, as: UUID.self), let part = try await Part.find(id, on: req.db), part.caseID == record.id else {
            throw UserFacingError(status: .notFound, text: .cases(.caseNotFound))
        }
        return part
    }

    /// A team chosen on the form: one of the member's own, or none (the intake queue).
    static func team(_ choice: String, _ req: Request) async throws -> UUID? {
        guard !choice.isEmpty else { return nil }
        guard let id = UUID(uuidString: choice), try await teams(req).contains(id) else {
            throw UserFacingError(status: .unprocessableEntity, text: .cases(.errorText))
        }
        return id
    }
}
