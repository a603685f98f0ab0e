import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

enum AlertViews {
    /// On a report's page: its alerts with their delivery, and for a coordinator on a verified
    /// report, the form that previews one.
    static func section(_ req: Request, report: ReportModel) async throws -> HTML {
        let l = req.language
        func t(_ text: AlertsText) -> String { Text.alerts(text).in(l) }
        let alerts = try await PublishAlertRoutes.alertsPage(req, report: ReportID(try report.requireID())).alerts
        let items: [HTML] = alerts.reversed().map { alert in
            func count(_ statuses: DeliveryStatus...) -> Int { alert.delivery.filter { statuses.contains($0.status) }.reduce(0) { $0 + $1.count } }
            let delivery = t(.delivery(sent: count(.sent), pending: count(.queued, .sending, .waiting), failed: count(.failed)))
            let text = alert.text.text(for: l)?.text ?? ""
            return "<li>\(req.amparo.localTime.dateTime(alert.publishedAt)) · \(alert.place): \(text) · \(delivery)</li>"
        }
        var html: HTML = items.isEmpty ? .empty
            : "<h2>\(t(.alertsSent))</h2><ul id=\"alerts\">\(items)</ul><p><a href=\"/hotline/alerts\">\(t(.alertsLink))</a></p>"
        if let queued = req.query[Int.self, at: "published"] {
            html = "<p class=\"notice\" role=\"status\">\(t(.published(queued)))</p>\(html)"
        }
        guard report.outcome == ReportStatus.verified.rawValue, req.visitor.roles?.can(.publishAlerts) == true else { return html }
        let page = try await PublishAlertRoutes.composePage(req, report: report, values: AlertFormValues())
        return "\(html)\(AlertComposeRenderer.form(page, req.chrome))"
    }
}
