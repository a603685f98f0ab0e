import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import SQLKit
import Vapor

/// The dispatcher's inbox: open reports, new ones first; claim one so nobody works it twice; move
/// it through the status machine with a reason. Every read and change is in the audit log, every
/// change also in the report's own history.
struct InboxRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let hotline = routes.grouped("hotline")
        hotline.get(use: inbox).policy(.member(.workHotline))
        hotline.post("bulk", use: bulk).policy(.member(.workHotline))
        hotline.get("reports", ":reportID", use: show).policy(.member(.workHotline))
        hotline.post("reports", ":reportID", "claim", use: claim).policy(.member(.workHotline))
        hotline.post("reports", ":reportID", "status", use: changeStatus).policy(.member(.workHotline))
        hotline.post("reports", ":reportID", "urgency", use: setUrgency).policy(.member(.workHotline))
        hotline.post("reports", ":reportID", "region", use: setRegion).policy(.member(.workHotline))
    }

    static let pageSize = 100

    func inbox(req: Request) async throws -> Response {
        let statuses: InboxQuery.Statuses = req.query[String.self, at: "show"] == "all" ? .all : .open
        let page = try await Self.inboxPage(req, InboxQuery(statuses: statuses, before: try Self.cursor(req), limit: Self.pageSize))
        return htmlResponse(InboxRenderer.render(page, req.chrome), status: .ok)
    }

    /// The position a `cursor` parameter names (a 400 when it is not one of ours).
    static func cursor(_ req: Request) throws -> InboxQuery.Position? {
        guard let token = req.query[String.self, at: "cursor"] else { return nil }
        guard let position = InboxCursor.decode(token) else { throw Abort(.badRequest, reason: "The cursor is not one this inbox gave out.") }
        return position
    }

    /// The inbox page for a query, read (and audited) the same way for the page and the API.
    static func inboxPage(_ req: Request, _ query: InboxQuery, banner: InboxPage.Banner? = nil) async throws -> InboxPage {
        let (reports, more) = try await HotlineStore(req.db, sealer: req.amparo.sealer).inbox(query)
        let scope = switch query.statuses { case .open: "open"; case .all: "all"; case .only(let status): status.rawValue }
        try await req.audit("report.list", recordType: "report", recordID: scope)
        let next = more ? reports.last.map { InboxCursor.encode(.init(receivedAt: $0.receivedAt, id: $0.id)) } : nil
        let show: InboxPage.Show = query.statuses == .open ? .open : .all
        return InboxPage(reports: reports.sorted(by: InboxReport.inboxOrder), show: show, nextCursor: next,
                         bulkActions: InboxPage.BulkAction.allCases, banner: banner)
    }

    private func bulkResultPage(_ req: Request, _ banner: InboxPage.Banner, status: HTTPResponseStatus) async throws -> Response {
        let page = try await Self.inboxPage(req, InboxQuery(statuses: .open, limit: Self.pageSize), banner: banner)
        return htmlResponse(InboxRenderer.render(page, req.chrome), status: status)
    }

    func show(req: Request) async throws -> Response {
        let report = try await find(req)
        try await req.audit("report.read", recordType: "report", recordID: report.id!.uuidString)
        return try await InboxViews.detail(req, report: report, notice: nil, status: .ok)
    }

    func claim(req: Request) async throws -> Response {
        let report = try await find(req)
        let changed = try await transition(req, report: report, from: .new, to: .claimed, reason: nil)
        return changed ? req.redirect(to: path(report)) : try await conflict(req, report)
    }

    struct StatusForm: Content {
        var from: String?
        var to: String?
        var reason: String?
        var duplicateOf: String?
    }

    func changeStatus(req: Request) async throws -> Response {
        let report = try await find(req)
        let form = try req.content.decode(StatusForm.self)
        guard let from = form.from.flatMap(ReportStatus.init(rawValue:)),
              let to = form.to.flatMap(ReportStatus.init(rawValue:)) else {
            throw Abort(.badRequest, reason: "Choose a status from the list.")
        }
        guard from.canMove(to: to) else { throw UserFacingError(status: .unprocessableEntity, text: .hotline(.notAllowed(from, to))) }
        guard case .success(let reason) = Self.reason(form.reason) else {
            throw UserFacingError(status: .unprocessableEntity, text: .errorControlCharacter)
        }
        // Only whoever claimed it (or a coordinator) works a claimed report.
        let me = req.visitor.user!.id!
        if from != .new, report.claimedBy != me, req.visitor.roles?.contains(.coordinator) != true {
            return try await conflict(req, report)
        }
        var original: ReportModel?
        if to == .duplicate {
            guard let code = form.duplicateOf.flatMap(ReferenceCode.normalize) else {
                throw UserFacingError(status: .unprocessableEntity, text: .hotline(.duplicateOfMissing))
            }
            guard var found = try await ReportModel.query(on: req.db).filter(\.$reference == code).first(), found.id != report.id else {
                throw UserFacingError(status: .unprocessableEntity, text: .hotline(.duplicateOfUnknown))
            }
            // Point at the first report of the incident, never at another duplicate.
            if let first = found.duplicateOf, let earlier = try await ReportModel.find(first, on: req.db) { found = earlier }
            guard found.id != report.id else { throw UserFacingError(status: .unprocessableEntity, text: .hotline(.duplicateOfUnknown)) }
            original = found
        }
        let changed = try await transition(
            req, report: report, from: from, to: to, reason: reason.isEmpty ? nil : reason, duplicateOf: original)
        return changed ? req.redirect(to: path(report)) : try await conflict(req, report)
    }

    struct BulkForm: Content {
        var reports: [UUID]?
        var action: String?
        var reason: String?
    }

    /// Many reports at once, e.g. after a flood of junk: each goes through the same compare-and-set
    /// as one by one, and a report someone else holds is left alone.
    func bulk(req: Request) async throws -> Response {
        guard let form = try? req.content.decode(BulkForm.self), let action = form.action, ["claim", "false_alarm"].contains(action) else {
            throw Abort(.badRequest, reason: "Choose an action from the list.")
        }
        let ids = Array(Set(form.reports ?? [])).prefix(Self.pageSize)
        guard !ids.isEmpty else {
            return try await bulkResultPage(req, .nothingSelected, status: .unprocessableEntity)
        }
        guard case .success(let reason) = Self.reason(form.reason) else {
            throw UserFacingError(status: .unprocessableEntity, text: .errorControlCharacter)
        }
        let me = req.visitor.user!.id!
        var changed = 0
        for report in try await ReportModel.query(on: req.db).filter(\.$id ~~ Array(ids)).all() {
            var status = ReportStatus(rawValue: report.status) ?? .closed
            if status == .new, try await transition(req, report: report, from: .new, to: .claimed, reason: nil) {
                status = .claimed
                report.claimedBy = me
                if action == "claim" { changed += 1; continue }
            }
            if action == "false_alarm", status == .claimed, report.claimedBy == me || req.visitor.roles?.contains(.coordinator) == true,
               try await transition(req, report: report, from: .claimed, to: .falseAlarm, reason: reason.isEmpty ? nil : reason) {
                changed += 1
            }
        }
        return try await bulkResultPage(req, .bulkResult(changed: changed, skipped: ids.count - changed), status: .ok)
    }

    struct UrgencyForm: Content { var urgency: String? }

    func setUrgency(req: Request) async throws -> Response {
        let report = try await find(req)
        guard let urgency = try req.content.decode(UrgencyForm.self).urgency.flatMap(ReportUrgency.init(rawValue:)) else {
            throw Abort(.badRequest, reason: "Choose an urgency from the list.")
        }
        let now = req.amparo.clock.now()
        let escalated = urgency == .emergency && report.urgency != urgency.rawValue
        try await req.db.transaction { db in
            report.urgency = urgency.rawValue
            report.updatedAt = now
            try await report.save(on: db)
            try await ReportEventModel(id: UUID(), reportID: report.id!, actorID: req.visitor.user?.id, action: "urgency:\(urgency.rawValue)",
                                       from: nil, to: nil, at: now).create(on: db)
        }
        try await req.audit("report.urgency", recordType: "report", recordID: report.id!.uuidString)
        req.amparo.liveEvents.publish(escalated ? .escalated(ReportID(report.id!)) : .changed(ReportID(report.id!)))
        return req.redirect(to: path(report))
    }

    struct RegionForm: Content { var team: String? }

    func setRegion(req: Request) async throws -> Response {
        let report = try await find(req)
        let team = try await Regions.team(fromChoice: try req.content.decode(RegionForm.self).team, on: req.db)
        let now = req.amparo.clock.now()
        let (teamID, teamName) = (team?.id, team?.name ?? "-")
        try await req.db.transaction { db in
            report.teamID = teamID
            report.updatedAt = now
            try await report.save(on: db)
            try await ReportEventModel(id: UUID(), reportID: report.id!, actorID: req.visitor.user?.id,
                                       action: "region:\(teamName)", from: nil, to: nil, at: now).create(on: db)
        }
        try await req.audit("report.region", recordType: "report", recordID: report.id!.uuidString)
        req.amparo.liveEvents.publish(.changed(ReportID(report.id!)))
        return req.redirect(to: path(report))
    }

    static func reason(_ raw: String?) -> Result<String, SingleLineText.Problem> {
        SingleLineText.validate(raw?.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "),
                                maxLength: 1000, required: false)
    }

    /// Compare-and-set on the status, so two dispatchers acting at once cannot both win.
    private func transition(
        _ req: Request, report: ReportModel, from: ReportStatus, to: ReportStatus, reason: String?, duplicateOf: ReportModel? = nil
    ) async throws -> Bool {
        let id = report.id!
        let now = req.amparo.clock.now()
        let me = req.visitor.user!.id!
        let sealer = req.amparo.sealer
        let changed = try await req.db.transaction { db -> Bool in
            var update = db.sql.update(ReportModel.schema)
                .set("status", to: SQLBind(to.rawValue))
                .set("updated_at", to: SQLBind(now))
            switch to {
            case .claimed: update = update.set("claimed_by", to: SQLBind(me)).set("claimed_at", to: SQLBind(now))
            case .new: update = update.set("claimed_by", to: SQLLiteral.null).set("claimed_at", to: SQLLiteral.null)
            default: break
            }
            if to.isOutcome {
                update = update.set("outcome", to: SQLBind(to.rawValue)).set("outcome_at", to: SQLBind(now))
            }
            if let duplicateOf { update = update.set("duplicate_of", to: SQLBind(duplicateOf.id!)) }
            let rows = try await update
                .where("id", .equal, SQLBind(id))
                .where("status", .equal, SQLBind(from.rawValue))
                .returning("id")
                .all()
            guard !rows.isEmpty else { return false }
            let eventID = UUID()
            let event = ReportEventModel(id: eventID, reportID: id, actorID: me, action: "status", from: from.rawValue, to: to.rawValue, at: now)
            event.reasonSealed = try reason.map { try sealer.seal($0, context: SealedColumn.reportEventReason.context(rowID: eventID)) }
            try await event.create(on: db)
            if let duplicateOf {
                try await ReportEventModel(id: UUID(), reportID: duplicateOf.id!, actorID: me, action: "duplicate:\(report.reference)",
                                           from: nil, to: nil, at: now).create(on: db)
            }
            return true
        }
        if changed {
            try await req.audit("report.status.\(to.rawValue)", recordType: "report", recordID: id.uuidString)
            req.amparo.liveEvents.publish(.changed(ReportID(id)))
        }
        return changed
    }

    private func find(_ req: Request) async throws -> ReportModel {
        guard let id = req.parameters.get("reportID", as: UUID.self),
              let report = try await ReportModel.find(id, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .hotline(.reportNotFound))
        }
        return report
    }

    private func conflict(_ req: Request, _ report: ReportModel) async throws -> Response {
        let fresh = try await ReportModel.find(report.id!, on: req.db) ?? report
        return try await InboxViews.detail(req, report: fresh, notice: .claimedByOther, status: .conflict)
    }

    private func path(_ report: ReportModel) -> String { "/hotline/reports/\(report.id!.uuidString)" }
}
