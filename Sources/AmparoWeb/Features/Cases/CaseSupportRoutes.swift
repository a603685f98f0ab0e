import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// The case's support work: the legal referral, requests to the bond fund and their payment, tasks
/// with reminders, sealed notes. Same access as the case: its team's case workers and legal.
struct CaseSupportRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("cases", ":caseID")
        cases.post("referral", use: saveReferral).policy(.member(.workCases))
        cases.post("bonds", use: requestBond).policy(.member(.workCases))
        cases.post("bonds", ":bondID", use: moveBond).policy(.member(.workCases))
        cases.post("tasks", use: addTask).policy(.member(.workCases))
        cases.post("tasks", ":taskID", "done", use: finishTask).policy(.member(.workCases))
        cases.post("notes", use: addNote).policy(.member(.workCases))
    }

    func saveReferral(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let fields = req.formValues
        record.referralOrganization = try FormText.field(fields, "organization", limit: 300)
        record.referralAttorney = try FormText.field(fields, "attorney", limit: 300)
        record.referralStatus = fields["referralStatus"].flatMap(ReferralStatus.init(rawValue:))?.rawValue
        try await record.save(on: req.db)
        try await req.audit("case.referral", recordType: "case", recordID: record.id!.uuidString)
        return back(req, record)
    }

    func requestBond(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let fields = req.formValues
        guard let cents = fields["amount"].flatMap(Cents.parse), cents > 0 else {
            return try await CaseViews.page(req, record: record, problem: .support(.errorAmount), status: .unprocessableEntity)
        }
        let bond = BondRequestModel(caseID: record.id!, amountCents: cents, requestedBy: req.visitor.user!.id!, requestedAt: req.amparo.clock.now())
        bond.noteSealed = try sealedNote(fields, req: req, rowID: bond.id!)
        try await bond.create(on: req.db)
        try await req.audit("case.bond.request", recordType: "case", recordID: record.id!.uuidString)
        return back(req, record)
    }

    /// Approve, decline, pay, or record the return. A payment is also a bond event on the timeline.
    func moveBond(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let bond = try await CaseAccess.part(BondRequestModel.self, "bondID", of: record, req)
        let fields = req.formValues
        guard let status = BondRequestStatus(rawValue: bond.status), let next = fields["status"].flatMap(BondRequestStatus.init(rawValue:)),
              status.next.contains(next) else {
            return try await CaseViews.page(req, record: record, problem: .support(.errorBondStep), status: .unprocessableEntity)
        }
        let now = req.amparo.clock.now(), me = req.visitor.user!.id!
        var payment: CaseEventModel?
        if next == .paid {
            let typed = (fields["paid"] ?? "").trimmingCharacters(in: .whitespaces)
            guard let paid = typed.isEmpty ? bond.amountCents : Cents.parse(typed), paid > 0 else {
                return try await CaseViews.page(req, record: record, problem: .support(.errorAmount), status: .unprocessableEntity)
            }
            bond.paidCents = paid
            bond.paidAt = now
            let event = CaseEventModel(caseID: record.id!, step: CustodyStep.bond.rawValue, occurredAt: now, recordedBy: me, recordedAt: now)
            event.bondCents = paid
            event.bondStage = BondStage.paidByFund.rawValue
            payment = event
        } else if next != .returned {
            bond.decidedBy = me
            bond.decidedAt = now
        }
        if let note = try sealedNote(fields, req: req, rowID: bond.id!) { bond.noteSealed = note }
        bond.status = next.rawValue
        let event = payment
        try await req.db.transaction { db in
            try await bond.save(on: db)
            try await event?.create(on: db)
        }
        try await req.audit("case.bond.\(next.rawValue)", recordType: "case", recordID: record.id!.uuidString)
        return back(req, record)
    }

    func addTask(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let fields = req.formValues
        guard let title = try? FormText.field(fields, "title", limit: 300) else {
            return try await CaseViews.page(req, record: record, problem: .support(.errorTask), status: .unprocessableEntity)
        }
        guard let due = fields["due"].flatMap({ LocalDateTime.parse($0, timeZone: req.amparo.timeZone) }) else {
            return try await CaseViews.page(req, record: record, problem: .support(.errorDue), status: .unprocessableEntity)
        }
        let task = CaseTaskModel(caseID: record.id!, dueAt: due, createdBy: req.visitor.user!.id!, createdAt: req.amparo.clock.now())
        task.titleSealed = try req.amparo.sealer.seal(title, context: SealedColumn.caseTaskTitle.context(rowID: task.id!))
        if let choice = fields["assignee"], !choice.isEmpty {
            // Someone who may see the case: a case worker or legal member of its team.
            let allowed = try await CaseTeam.members(of: record, roles: [.caseWorker, .legal], on: req.db).compactMap(\.id)
            guard let id = UUID(uuidString: choice), allowed.contains(id) else {
                return try await CaseViews.page(req, record: record, problem: .support(.errorTask), status: .unprocessableEntity)
            }
            task.assigneeID = id
        }
        try await task.create(on: req.db)
        try await req.audit("case.task.add", recordType: "case", recordID: record.id!.uuidString)
        return back(req, record)
    }

    func finishTask(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let task = try await CaseAccess.part(CaseTaskModel.self, "taskID", of: record, req)
        if task.doneAt == nil {
            task.doneAt = req.amparo.clock.now()
            try await task.save(on: req.db)
            try await req.audit("case.task.done", recordType: "case", recordID: record.id!.uuidString)
        }
        return back(req, record)
    }

    func addNote(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        guard let body = NoteText.validate(req.formFields?["body"]?.first) else {
            return try await CaseViews.page(req, record: record, problem: .support(.errorNote), status: .unprocessableEntity)
        }
        let note = CaseNoteModel(caseID: record.id!, authorID: req.visitor.user!.id!, createdAt: req.amparo.clock.now())
        note.bodySealed = try req.amparo.sealer.seal(body, context: SealedColumn.caseNoteBody.context(rowID: note.id!))
        try await note.create(on: req.db)
        try await req.audit("case.note.add", recordType: "case", recordID: record.id!.uuidString)
        return back(req, record)
    }

    private func sealedNote(_ fields: [String: String], req: Request, rowID: UUID) throws -> String? {
        try FormText.field(fields, "note", limit: 500).map { try req.amparo.sealer.seal($0, context: SealedColumn.bondNote.context(rowID: rowID)) }
    }

    private func back(_ req: Request, _ record: CaseModel) -> Response { req.redirect(to: "/cases/\(record.id!.uuidString)") }
}
