import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

enum AlertViews {

    /// On a report's page: its alerts with their delivery, and for a coordinator on a verified
    /// report, the form that sends one.
    static func section(_ req: Request, report: ReportModel) async throws -> HTML {
        let l = req.language
        func t(_ text: AlertsText) -> String { Text.alerts(text).in(l) }
        let alerts = try await AlertModel.query(on: req.db).filter(\.$reportID == report.id!).sort(\.$publishedAt).all()
        var items: [HTML] = []
        for alert in alerts {
            let counts = try await Outbox.counts(alertID: alert.id!, on: req.db)
            let delivery = t(.delivery(sent: counts["sent"] ?? 0, pending: (counts["pending"] ?? 0) + (counts["sending"] ?? 0), failed: counts["failed"] ?? 0))
            items.append("<li>\(req.amparo.localTime.dateTime(alert.publishedAt)) · \(alert.place): \(l == .es ? alert.messageES : alert.messageEN) · \(delivery)</li>")
        }
        var html: HTML = items.isEmpty ? .empty : "<h2>\(t(.alertsSent))</h2><ul id=\"alerts\">\(items)</ul>"
        if let queued = req.query[Int.self, at: "published"] {
            html = "<p class=\"notice\" role=\"status\">\(t(.published(queued)))</p>\(html)"
        }
        guard report.outcome == ReportStatus.verified.rawValue, req.visitor.role?.can(.publishAlerts) == true else { return html }
        let teams = try await TeamModel.query(on: req.db).sort(\.$name).all()
        let regions = Regions.options(teams, none: t(.allRegions))
        return """
        \(html)
        <h2>\(t(.publishTitle))</h2>
        <form method="post" action="/hotline/reports/\(report.id!.uuidString)/alert">\(Layout.csrfField(req.visitor))
        \(Form.field("place", label: t(.coarsePlaceLabel), hint: t(.coarsePlaceHint), extra: " maxlength=\"120\""))
        \(Form.select("region", label: t(.regionLabel), options: regions, selected: report.teamID?.uuidString ?? ""))
        \(Form.textarea("messageEN", label: t(.messageENLabel), value: "", hint: t(.messageHint), error: nil, maxLength: 480))
        \(Form.textarea("messageES", label: t(.messageESLabel), value: "", hint: nil, error: nil, maxLength: 480))
        \(Form.field("hours", label: t(.hoursLabel), type: "number", value: "6", extra: " min=\"1\" max=\"72\""))
        <button type="submit">\(t(.publishButton))</button>
        </form>
        """
    }
}
