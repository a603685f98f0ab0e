import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// A coordinator turns a verified report into an alert: writes it (one language is enough),
/// previews who gets what, and publishes. The alert and one outbox message per subscriber are
/// written in one transaction: either everyone is queued or nobody is. A refused form comes back
/// with what was typed and what to fix.
struct PublishAlertRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let report = routes.grouped("hotline", "reports", ":reportID", "alert")
        report.get(use: compose).policy(.member(.publishAlerts))
        report.post("preview", use: preview).policy(.member(.publishAlerts))
        report.post(use: publish).policy(.member(.publishAlerts))
        routes.get("hotline", "alerts", use: list).policy(.member(.workHotline))
        routes.get("api", "v1", "hotline", "alerts", use: listJSON).policy(.apiToken(.workHotline))
    }

    func compose(req: Request) async throws -> Response {
        let page = try await Self.composePage(req, report: try await verifiedReport(req), values: AlertFormValues())
        return htmlResponse(AlertComposeRenderer.render(page, req.chrome), status: .ok)
    }

    func preview(req: Request) async throws -> Response {
        let report = try await verifiedReport(req)
        var page = try await Self.composePage(req, report: report, values: AlertFormValues(fields: try formFields(req)))
        switch try await validate(req, &page) {
        case .refused:
            return htmlResponse(AlertComposeRenderer.render(page, req.chrome), status: .unprocessableEntity)
        case .valid(let alert, let region):
            page.preview = try await Self.preview(req, alert: alert, region: region)
            return htmlResponse(AlertComposeRenderer.render(page, req.chrome), status: .ok)
        }
    }

    func publish(req: Request) async throws -> Response {
        let report = try await verifiedReport(req)
        var page = try await Self.composePage(req, report: report, values: AlertFormValues(fields: try formFields(req)))
        guard case .valid(let valid, let region) = try await validate(req, &page) else {
            return htmlResponse(AlertComposeRenderer.render(page, req.chrome), status: .unprocessableEntity)
        }
        let now = req.amparo.clock.now()
        let alert = AlertModel(
            id: UUID(), reportID: report.id!, teamID: region?.rawValue, place: valid.place,
            messageEN: valid.text.english ?? "", messageES: valid.text.spanish ?? "",
            expiresAt: now.addingTimeInterval(Double(valid.hours) * 3600), publishedBy: req.visitor.user!.id!, publishedAt: now)
        let queued = try await AlertPublishing.publish(alert, on: req.db)
        try await req.audit("alert.publish", recordType: "alert", recordID: alert.id!.uuidString)
        req.amparo.delivery.wake()
        return req.redirect(to: "/hotline/reports/\(report.id!.uuidString)?published=\(queued)")
    }

    func list(req: Request) async throws -> Response {
        htmlResponse(AlertsRenderer.render(try await Self.alertsPage(req), req.chrome), status: .ok)
    }

    func listJSON(req: Request) async throws -> Response {
        try APIResource.json(try await Self.alertsPage(req), for: req, cacheable: false)
    }

    static func alertsPage(_ req: Request, report: ReportID? = nil) async throws -> AlertsPage {
        let configured = AlertChannel.allCases.filter { req.amparo.delivery.senders($0) != nil }
        let alerts = try await AlertsStore(req.db, sealer: req.amparo.sealer).sent(report: report, configured: Set(configured))
        return AlertsPage(alerts: alerts, configured: configured)
    }

    static func composePage(_ req: Request, report: ReportModel, values: AlertFormValues) async throws -> AlertComposePage {
        var values = values
        if values.region.isEmpty, values.place.isEmpty, let team = report.teamID { values.region = team.uuidString }
        return AlertComposePage(reportID: ReportID(try report.requireID()), reference: report.reference,
                                regions: try await MembersStore(req.db, sealer: req.amparo.sealer).teams(), values: values)
    }

    private enum Checked {
        case valid(AlertFormValues.Valid, region: TeamID?)
        case refused
    }

    /// The form's problems go onto the page; a region must be one of the page's.
    private func validate(_ req: Request, _ page: inout AlertComposePage) async throws -> Checked {
        var region: TeamID?
        if !page.values.region.isEmpty {
            region = page.regions.first { $0.id.rawValue.uuidString == page.values.region }?.id
            if region == nil { page.problems[.region] = .region }
        }
        switch page.values.validate() {
        case .refused(let problems):
            page.problems.merge(problems) { a, _ in a }
            return .refused
        case .valid(let valid):
            return page.problems.isEmpty ? .valid(valid, region: region) : .refused
        }
    }

    /// Who would receive the alert, and the exact message for each channel and language among them.
    static func preview(_ req: Request, alert: AlertFormValues.Valid, region: TeamID?) async throws -> AlertComposePage.Preview {
        let audience = try await AlertsStore(req.db, sealer: req.amparo.sealer).audience(region: region)
        let organization = try await req.amparo.organizationName(on: req.db) ?? "Amparo"
        let stop = req.amparo.config.baseURL + "/alerts/unsubscribe/" + Text.alerts(.personalStopLink).in(req.language)
        let messages = audience.compactMap { line -> AlertComposePage.Preview.Message? in
            AlertMessage.compose(organization: organization, place: alert.place, text: alert.text, language: line.language, stopLink: stop)
                .map { AlertComposePage.Preview.Message(channel: line.channel, language: line.language, message: $0) }
        }
        let notConfigured = Array(Set(audience.map(\.channel))).filter { req.amparo.delivery.senders($0) == nil }.sorted { $0.rawValue < $1.rawValue }
        return AlertComposePage.Preview(audience: audience, notConfigured: notConfigured, messages: messages)
    }

    private func verifiedReport(_ req: Request) async throws -> ReportModel {
        guard let reportID = req.parameters.get("reportID", as: UUID.self), let report = try await ReportModel.find(reportID, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .hotline(.reportNotFound))
        }
        guard report.outcome == ReportStatus.verified.rawValue else {
            throw UserFacingError(status: .unprocessableEntity, text: .alerts(.notVerified))
        }
        return report
    }

    private func formFields(_ req: Request) throws -> [String: String] {
        guard let fields = req.formFields else { throw Abort(.badRequest, reason: "Send the alert form's fields as a form (application/x-www-form-urlencoded).") }
        return fields.compactMapValues(\.first)
    }
}
