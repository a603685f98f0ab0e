import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import SQLKit
import Vapor

/// The rest of a case record: family and support contacts, closing, and the person's data on
/// request (export everything, erase it keeping only anonymous facts).
struct CaseRecordRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("cases", ":caseID")
        cases.post("contacts", use: addContact).policy(.member(.workCases))
        cases.post("contacts", ":contactID", "remove", use: removeContact).policy(.member(.workCases))
        cases.post("close", use: close).policy(.member(.workCases))
        cases.get("export", use: export).policy(.member(.workCases))
        cases.post("erase", use: erase).policy(.member(.workCases))
    }

    func addContact(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let fields = req.formValues
        func text(_ name: String) throws -> String? { try FormText.field(fields, name, limit: 200, joiningLines: false) }
        let contact = CaseContactModel(caseID: record.id!, createdAt: req.amparo.clock.now())
        let sealer = req.amparo.sealer, id = contact.id!
        contact.nameSealed = try text("contactName").map { try sealer.seal($0, context: SealedColumn.caseContactName.context(rowID: id)) }
        contact.relationshipSealed = try text("relationship").map { try sealer.seal($0, context: SealedColumn.caseContactRelationship.context(rowID: id)) }
        contact.reachSealed = try text("reach").map { try sealer.seal($0, context: SealedColumn.caseContactReach.context(rowID: id)) }
        contact.language = try text("contactLanguage")
        contact.channel = try text("channel")
        guard contact.nameSealed != nil || contact.reachSealed != nil else { throw UserFacingError(status: .unprocessableEntity, text: .cases(.errorText)) }
        try await contact.create(on: req.db)
        try await req.audit("case.contact.add", recordType: "case", recordID: record.id!.uuidString)
        return req.redirect(to: "/cases/\(record.id!.uuidString)")
    }

    func removeContact(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let contact = try await CaseAccess.part(CaseContactModel.self, "contactID", of: record, req)
        try await contact.delete(on: req.db)
        try await req.audit("case.contact.remove", recordType: "case", recordID: record.id!.uuidString)
        return req.redirect(to: "/cases/\(record.id!.uuidString)")
    }

    func close(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        if record.closedAt == nil {
            record.status = "closed"
            record.closedAt = req.amparo.clock.now()
            try await record.save(on: req.db)
            try await req.audit("case.close", recordType: "case", recordID: record.id!.uuidString)
        }
        return req.redirect(to: "/cases/\(record.id!.uuidString)")
    }

    /// Everything about the person, readable (a page to print or save as PDF) or as JSON.
    func export(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let export = try await CaseExport.build(req, record: record)
        try await req.audit("case.export", recordType: "case", recordID: record.id!.uuidString)
        if req.query[String.self, at: "format"] == "json" {
            let response = Response(status: .ok)
            try response.content.encode(export, as: .json)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"case-\(record.id!.uuidString.prefix(8)).json\"")
            return response
        }
        return CaseExport.page(req, export)
    }

    func erase(req: Request) async throws -> Response {
        let record = try await CaseAccess.find(req)
        let confirm = (req.formFields?["confirm"]?.first ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard confirm == "ERASE" || confirm == "BORRAR" else {
            return try await CaseViews.page(req, record: record, problem: .cases(.errorConfirm), status: .unprocessableEntity)
        }
        try await CaseErasure.erase([record.id!], now: req.amparo.clock.now(), on: req.db)
        try await req.audit("case.erase", recordType: "case", recordID: record.id!.uuidString)
        return req.redirect(to: "/cases/\(record.id!.uuidString)")
    }
}

/// Removing what identifies a person and their family, keeping what happened and when (anonymous,
/// for the counts): on request, and when a closed case has been kept long enough.
enum CaseErasure {
    static func erase(_ ids: [UUID], now: Date, on db: any Database) async throws {
        guard !ids.isEmpty else { return }
        try await db.transaction { db in
            for chunk in ids.chunks(of: 500) {
                let list = SQLGroupExpression(SQLList(chunk.map { SQLBind($0) }))
                var update = db.sql.update(CaseModel.schema).set("erased_at", to: SQLBind(now))
                for column in ["person_name_sealed", "birth_date_sealed", "phone_sealed", "a_number_sealed", "language", "consent_sealed"] {
                    update = update.set(SQLIdentifier(column), to: SQLLiteral.null)
                }
                try await update.where("id", .in, list).run()
                try await db.sql.update(CaseEventModel.schema).set("detail_sealed", to: SQLLiteral.null).set("provenance", to: SQLLiteral.null)
                    .where("case_id", .in, list).run()
                try await db.sql.delete(from: CaseContactModel.schema).where("case_id", .in, list).run()
                try await db.sql.delete(from: CaseNoteModel.schema).where("case_id", .in, list).run()
                try await db.sql.delete(from: CaseTaskModel.schema).where("case_id", .in, list).run()
                try await db.sql.update(BondRequestModel.schema).set("note_sealed", to: SQLLiteral.null).where("case_id", .in, list).run()
                try await db.sql.update(VisitModel.schema).set("report_sealed", to: SQLLiteral.null).where("case_id", .in, list).run()
            }
        }
    }
}

/// Closed cases lose their personal data after the retention period (default a year).
struct ClosedCasesRule: PurgeRule {
    let name = "cases.closed"
    let retention: TimeInterval
    let database: @Sendable () -> any Database

    func purge(now: Date) async throws -> Int {
        let ids = try await CaseModel.query(on: database()).filter(\.$closedAt < now.addingTimeInterval(-retention))
            .filter(\.$erasedAt == nil).all().compactMap(\.id)
        try await CaseErasure.erase(ids, now: now, on: database())
        return ids.count
    }
}
