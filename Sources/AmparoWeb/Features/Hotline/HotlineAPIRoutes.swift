import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// The inbox and the shifts page as JSON resources of /api/v1, from the same page values and at
/// the same permissions: a coalition's script lists today's verified reports with
/// `reports?status=verified&since=2026-12-01`, a phone app shows who is on call with `shifts`.
struct HotlineAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let hotline = routes.grouped("api", "v1", "hotline")
        hotline.get("reports", use: reports).policy(.apiToken(.workHotline))
        hotline.get("shifts", use: shifts).policy(.apiToken(.viewShifts))
    }

    func shifts(req: Request) async throws -> Response {
        try APIResource.json(try await ShiftRoutes.shiftsPage(req), for: req, cacheable: false)
    }

    /// `status`: open (default), all, or one status; `since`: a day (YYYY-MM-DD, UTC) or an instant
    /// (RFC 3339); `limit`: 1 to 100; `cursor`: the `nextCursor` of the page before.
    func reports(req: Request) async throws -> Response {
        let statuses: InboxQuery.Statuses
        switch req.query[String.self, at: "status"] ?? "open" {
        case "open": statuses = .open
        case "all": statuses = .all
        case let raw:
            guard let status = ReportStatus(rawValue: raw) else {
                throw Abort(.badRequest, reason: "status must be open, all or one of: \(ReportStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            statuses = .only(status)
        }
        var since: Date?
        if let raw = req.query[String.self, at: "since"] {
            guard let date = Self.instant(raw) else { throw Abort(.badRequest, reason: "since must be a day (2026-12-01) or an instant (2026-12-01T08:00:00Z).") }
            since = date
        }
        var limit = InboxRoutes.pageSize
        if let raw = req.query[String.self, at: "limit"] {
            guard let value = Int(raw), (1...InboxRoutes.pageSize).contains(value) else {
                throw Abort(.badRequest, reason: "limit must be a whole number from 1 to \(InboxRoutes.pageSize).")
            }
            limit = value
        }
        let query = InboxQuery(statuses: statuses, receivedSince: since, before: try InboxRoutes.cursor(req), limit: limit)
        return try APIResource.json(try await InboxRoutes.inboxPage(req, query), for: req, cacheable: false)
    }

    static func instant(_ raw: String) -> Date? {
        if let day = Day(raw) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        }
        return ISO8601DateFormatter().date(from: raw)
    }
}
