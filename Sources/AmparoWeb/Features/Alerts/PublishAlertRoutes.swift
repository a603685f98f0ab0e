import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// A coordinator turns a verified report into an alert. The alert and one outbox message per
/// subscriber are written in one transaction: either everyone is queued or nobody is.
struct PublishAlertRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("hotline", "reports", ":reportID", "alert", use: publish).policy(.member(.publishAlerts))
    }

    struct AlertForm: Content {
        var place: String?
        var messageEN: String?
        var messageES: String?
        var hours: String?
        var region: String?
    }

    func publish(req: Request) async throws -> Response {
        guard let reportID = req.parameters.get("reportID", as: UUID.self), let report = try await ReportModel.find(reportID, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .hotline(.reportNotFound))
        }
        guard report.outcome == ReportStatus.verified.rawValue else {
            throw UserFacingError(status: .unprocessableEntity, text: .alerts(.notVerified))
        }
        var form = (try? req.content.decode(AlertForm.self)) ?? AlertForm()
        // Line breaks typed in the text areas become spaces: an SMS is one paragraph.
        form.messageEN = form.messageEN.map(SingleLineText.joiningLines)
        form.messageES = form.messageES.map(SingleLineText.joiningLines)
        guard case .success(let place) = SingleLineText.validate(form.place, maxLength: 120, required: true) else {
            throw UserFacingError(status: .unprocessableEntity, text: .alerts(.errorPlace))
        }
        guard case .success(let english) = SingleLineText.validate(form.messageEN, maxLength: 480, required: true),
              case .success(let spanish) = SingleLineText.validate(form.messageES, maxLength: 480, required: true) else {
            throw UserFacingError(status: .unprocessableEntity, text: .alerts(.errorMessage))
        }
        guard let hours = form.hours.flatMap(Int.init), (1...72).contains(hours) else {
            throw UserFacingError(status: .unprocessableEntity, text: .alerts(.errorHours))
        }
        let teamID = try await Regions.team(fromChoice: form.region, on: req.db)?.id
        let now = req.amparo.clock.now()
        let alert = AlertModel(
            id: UUID(), reportID: reportID, teamID: teamID, place: place, messageEN: english, messageES: spanish,
            expiresAt: now.addingTimeInterval(Double(hours) * 3600), publishedBy: req.visitor.user!.id!, publishedAt: now)
        let queued = try await AlertPublishing.publish(alert, on: req.db)
        try await req.audit("alert.publish", recordType: "alert", recordID: alert.id!.uuidString)
        req.amparo.delivery.wake()
        return req.redirect(to: "/hotline/reports/\(reportID.uuidString)?published=\(queued)")
    }
}
