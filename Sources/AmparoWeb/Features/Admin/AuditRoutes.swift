import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// The audit log, newest first, and a check of its hash chain.
struct AuditRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "audit", use: list).policy(.member(.viewAuditLog))
    }

    func list(req: Request) async throws -> Response {
        let l = req.language
        let entries = try await AuditEntryModel.query(on: req.db).sort(\.$sequence, .descending).limit(200).all()
        var verification: HTML = .empty
        if req.query[String.self, at: "verify"] != nil {
            let result = try await req.amparo.audit.verify(on: req.db)
            try await req.audit("audit.verify", recordType: "audit_log", recordID: "all")
            verification = result.problem.map {
                HTML("<div class=\"error-summary\" role=\"alert\"><p>\(Text.auditBroken.in(l)) \($0.description)</p></div>")
            } ?? HTML("<p class=\"notice\" role=\"status\">\(Text.auditIntact(Int(result.entriesChecked)).in(l))</p>")
        }
        let rows: [HTML] = entries.map { entry in
            "<tr><td>\(Int(entry.sequence))</td><td>\(req.amparo.localTime.dateTime(entry.at))</td><td><code>\(entry.actor)</code></td><td>\(entry.action)</td><td>\(entry.recordType) <code>\(entry.recordID)</code></td></tr>"
        }
        let body: HTML = """
        <h1>\(Text.navAudit.in(l))</h1>
        <p>\(Text.auditIntro.in(l))</p>
        \(verification)
        <form method="get" action="/admin/audit"><input type="hidden" name="verify" value="1"><button type="submit" class="secondary">\(Text.auditVerify.in(l))</button></form>
        <table><thead><tr><th>#</th><th>\(Text.when.in(l))</th><th>\(Text.who.in(l))</th><th>\(Text.what.in(l))</th><th>\(Text.record.in(l))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
        return htmlResponse(Layout.page(req, title: Text.navAudit.in(l), body: body), status: .ok)
    }
}
