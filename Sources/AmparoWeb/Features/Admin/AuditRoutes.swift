import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// The audit log, newest first, and a check of its hash chain.
struct AuditRoutes: RouteCollection {
    let sealer: FieldSealer

    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "audit", use: list).policy(.member(.viewAuditLog))
    }

    func list(req: Request) async throws -> Response {
        var page = AuditPage(entries: try await MembersStore(req.db, sealer: sealer).auditLog(limit: 200))
        if req.query[String.self, at: "verify"] != nil {
            let result = try await req.amparo.audit.verify(on: req.db)
            try await req.audit("audit.verify", recordType: "audit_log", recordID: "all")
            page.verification = result.problem.map { .broken($0.description) } ?? .intact(entries: Int(result.entriesChecked))
        }
        return htmlResponse(AdminRenderer.render(page, req.chrome))
    }
}
