import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// "Person detained" on a verified incident opens a case per person for the case team: the link the
/// cases module builds on.
struct DetainedRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("hotline", "reports", ":reportID", "detained", use: openCases).policy(.member(.workHotline))
    }

    struct DetainedForm: Content { var count: String? }

    func openCases(req: Request) async throws -> Response {
        guard let id = req.parameters.get("reportID", as: UUID.self), let report = try await ReportModel.find(id, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .hotline(.reportNotFound))
        }
        guard report.outcome == ReportStatus.verified.rawValue else {
            throw UserFacingError(status: .unprocessableEntity, text: .hotline(.notVerifiedForCase))
        }
        guard let count = try req.content.decode(DetainedForm.self).count.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
              (1...20).contains(count) else {
            throw UserFacingError(status: .unprocessableEntity, text: .hotline(.errorDetainedCount))
        }
        let me = req.visitor.user!.id!
        let now = req.amparo.clock.now()
        let cases = (0..<count).map { _ in CaseModel(reportID: id, teamID: nil, openedBy: me, openedAt: now) }
        try await req.db.transaction { db in
            for item in cases { try await item.create(on: db) }
            try await ReportEventModel(id: UUID(), reportID: id, actorID: me, action: "cases:\(count)", from: nil, to: nil, at: now).create(on: db)
        }
        for item in cases { try await req.audit("case.open", recordType: "case", recordID: item.id!.uuidString) }
        return req.redirect(to: "/hotline/reports/\(id.uuidString)")
    }

    /// On a verified report's page: the cases it opened, and the form to open more.
    static func section(_ req: Request, report: ReportModel) async throws -> HTML {
        guard report.outcome == ReportStatus.verified.rawValue else { return .empty }
        let l = req.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        let opened = try await CaseModel.query(on: req.db).filter(\.$reportID == report.id!).count()
        return """
        <h2>\(t(.detainedLegend))</h2>
        \(opened > 0 ? HTML("<p id=\"cases-opened\">\(t(.casesOpened(opened)))</p>") : .empty)
        <form method="post" action="/hotline/reports/\(report.id!.uuidString)/detained">\(Layout.csrfField(req.visitor))
        \(Form.field("count", label: t(.detainedCount), type: "number", value: "1", hint: t(.detainedHint), extra: " min=\"1\" max=\"20\""))
        <button type="submit">\(t(.openCases))</button></form>
        """
    }
}
