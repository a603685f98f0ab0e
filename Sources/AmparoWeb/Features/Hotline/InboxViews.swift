import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

enum InboxViews {
    static func detail(_ req: Request, report: ReportModel, notice: HotlineText?, status: HTTPResponseStatus) async throws -> Response {
        let l = req.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        let sealer = req.amparo.sealer
        let id = report.id!
        let current = ReportStatus(rawValue: report.status) ?? .new
        let events = try await ReportEventModel.query(on: req.db).filter(\.$reportID == id).sort(\.$at).all()
        let names = try await claimerNames(req, events.compactMap(\.actorID) + [report.claimedBy].compactMap { $0 })
        func open(_ value: String?, _ column: SealedColumn) -> String {
            guard value != nil || report.purgedAt != nil else { return "—" }
            return ReportRecords.open(value, column, report: report, sealer: sealer) ?? t(.purged)
        }
        let history: [HTML] = events.map { event in
            let change = [event.fromStatus, event.toStatus].compactMap { $0.flatMap(ReportStatus.init(rawValue:)) }
                .map { t(.status($0)) }.joined(separator: " → ")
            let reason = event.reasonSealed.flatMap {
                try? sealer.open($0, context: SealedColumn.reportEventReason.context(rowID: event.id!))
            }
            return "<li>\(req.amparo.localTime.dateTime(event.at)) · \(event.actorID.flatMap { names[$0] } ?? "—") · \(change.isEmpty ? describe(event.action) : change)\(reason.map { HTML(" · \($0)") })</li>"
        }
        func describe(_ action: String) -> String {
            if action.hasPrefix("duplicate:") { return "\(t(.duplicates)): \(action.dropFirst("duplicate:".count))" }
            if action.hasPrefix("region:") { return t(.regionSet(String(action.dropFirst("region:".count)))) }
            if action.hasPrefix("photos:") { return "\(t(.photosTitle)): \(action.dropFirst("photos:".count))" }
            if action.hasPrefix("cases:"), let n = Int(action.dropFirst("cases:".count)) { return t(.casesOpened(n)) }
            if action.hasPrefix("urgency:"), let urgency = ReportUrgency(rawValue: String(action.dropFirst("urgency:".count))) {
                return "\(t(.urgencyLabel)): \(t(.urgency(urgency)))"
            }
            return DispatchViews.describe(action, language: l) ?? action
        }
        var original: ReportModel?
        if let first = report.duplicateOf { original = try await ReportModel.find(first, on: req.db) }
        let duplicates = try await ReportModel.query(on: req.db).filter(\.$duplicateOf == id).sort(\.$receivedAt).all()
        let links: [HTML] = duplicates.map { "<a href=\"/hotline/reports/\($0.id!.uuidString)\">\($0.reference)</a> " }
        let me = req.visitor.user?.id
        let mayWork = current == .new || report.claimedBy == me || req.visitor.roles?.contains(.coordinator) == true
        let csrf = Layout.csrfField(req.visitor)
        var actions: [HTML] = []
        if current == .new {
            actions.append("<form method=\"post\" action=\"/hotline/reports/\(id.uuidString)/claim\">\(csrf)<button type=\"submit\">\(t(.claim))</button></form>")
        } else if mayWork, !current.next.isEmpty {
            let options = current.next.map { (value: $0.rawValue, label: t(.status($0))) }
            actions.append("""
            <form method="post" action="/hotline/reports/\(id.uuidString)/status">\(csrf)
            <input type="hidden" name="from" value="\(current.rawValue)">
            \(Form.select("to", label: t(.moveTo), options: options, selected: nil))
            \(Form.field("reason", label: t(.reasonLabel), hint: t(.reasonHint), required: false, extra: " maxlength=\"1000\""))
            \(current.next.contains(.duplicate) ? Form.field("duplicateOf", label: t(.duplicateOfLabel), hint: t(.duplicateOfHint), required: false, extra: " maxlength=\"12\" autocapitalize=\"characters\"") : .empty)
            <button type="submit">\(t(.apply))</button></form>
            """)
        }
        let teams = try await TeamModel.query(on: req.db).sort(\.$name).all()
        let regionOptions = Regions.options(teams, none: t(.noRegion))
        actions.append("""
        <form method="post" action="/hotline/reports/\(id.uuidString)/region">\(csrf)
        \(Form.select("team", label: t(.regionLabel), options: regionOptions, selected: report.teamID?.uuidString ?? ""))
        <button type="submit">\(t(.setRegion))</button></form>
        """)
        let urgencyOptions = ReportUrgency.allCases.map { (value: $0.rawValue, label: t(.urgency($0))) }
        actions.append("""
        <form method="post" action="/hotline/reports/\(id.uuidString)/urgency">\(csrf)
        \(Form.select("urgency", label: t(.urgencyLabel), options: urgencyOptions, selected: report.urgency))
        <button type="submit">\(t(.setUrgency))</button></form>
        """)
        let counts = "\(report.officers.map(String.init) ?? "?") / \(report.vehicles.map(String.init) ?? "?")"
        let alertSection = try await AlertViews.section(req, report: report)
        let conversation = try await conversationSection(req, report: report)
        let detained = try await DetainedRoutes.section(req, report: report)
        let dispatch = try await DispatchViews.section(req, report: report, mayWork: mayWork)
        let photos = try await ReportPhotoRoutes.section(req, report: report)
        let body: HTML = """
        <h1>\(t(.reference)) \(report.reference)</h1>
        \(notice.map { HTML("<p class=\"error-summary\" role=\"alert\">\(t($0))</p>") })
        <p>\(t(.liveUpdates)) <a href="/hotline/reports/\(id.uuidString)">\(t(.refresh))</a></p>
        \(LiveRegion.open(req.chrome, page: "/hotline/reports/\(id.uuidString)", report: ReportID(id)))
        <dl>
        <dt>\(Text.statusLabel.in(l))</dt><dd>\(t(.status(current)))</dd>
        <dt>\(t(.urgencyLabel))</dt><dd>\(t(.urgency(ReportUrgency(rawValue: report.urgency) ?? .routine)))</dd>
        \(original.map { HTML("<dt>\(t(.duplicateOf))</dt><dd><a href=\"/hotline/reports/\($0.id!.uuidString)\">\($0.reference)</a></dd>") })
        \(links.isEmpty ? HTML.empty : HTML("<dt>\(t(.duplicates))</dt><dd>\(links)</dd>"))
        <dt>\(t(.claimedBy))</dt><dd>\(report.claimedBy.flatMap { names[$0] } ?? t(.nobody))</dd>
        <dt>\(t(.received))</dt><dd>\(req.amparo.localTime.dateTime(report.receivedAt))</dd>
        <dt>\(t(.occurred))</dt><dd>\(req.amparo.localTime.dateTime(report.occurredAt))</dd>
        <dt>\(t(.place))</dt><dd>\(open(report.placeSealed, .reportPlace))</dd>
        <dt>\(t(.pin))</dt><dd>\(open(report.pinSealed, .reportPin))</dd>
        <dt>\(t(.agencyShort))</dt><dd>\(t(.agency(Agency(rawValue: report.agency) ?? .unknown)))</dd>
        <dt>\(t(.officersAndVehicles))</dt><dd>\(counts)</dd>
        <dt>\(t(.description))</dt><dd class="prose">\(open(report.whatSealed, .reportWhat))</dd>
        <dt>\(t(.callback))</dt><dd>\(open(report.callbackSealed, .reportCallback))</dd>
        </dl>
        \(photos)
        \(conversation)
        \(actions)
        \(dispatch)
        \(detained)
        \(alertSection)
        <h2>\(t(.history))</h2>
        <ul>\(history)</ul>
        </div>
        <p><a href="/hotline">\(t(.inboxTitle))</a></p>
        """
        return htmlResponse(Layout.page(req, title: "\(t(.reference)) \(report.reference)", body: body, script: LiveRegion.script), status: status)
    }

    /// The text-message thread of a report that came by SMS, and the reply form.
    static func conversationSection(_ req: Request, report: ReportModel) async throws -> HTML {
        let l = req.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        var banSection: HTML = .empty
        if let index = report.callbackIndex {
            banSection = try await TwilioWebhook.isBanned(index, on: req.db)
                ? "<p>\(t(.banned))</p>"
                : "<form method=\"post\" action=\"/hotline/reports/\(report.id!.uuidString)/ban\">\(Layout.csrfField(req.visitor))<button type=\"submit\" class=\"link\">\(t(.banNumber))</button></form>"
        }
        guard report.channel == AlertChannel.sms.rawValue || report.channel == AlertChannel.signal.rawValue else { return banSection }
        let messages = try await ReportMessageModel.query(on: req.db).filter(\.$reportID == report.id!).sort(\.$at).all()
        let items: [HTML] = messages.map { message in
            let body = message.bodySealed.flatMap { try? req.amparo.sealer.open($0, context: SealedColumn.reportMessageBody.context(rowID: message.id!)) }
            let who = message.direction == ReportMessageModel.Direction.inbound.rawValue ? t(.fromReporter) : t(.fromDispatcher)
            return "<li>\(req.amparo.localTime.dateTime(message.at)) · \(who): \(body ?? t(.purged))</li>"
        }
        return """
        <h2>\(t(.conversation))</h2><ul id="conversation">\(items)</ul>
        <form method="post" action="/hotline/reports/\(report.id!.uuidString)/reply">\(Layout.csrfField(req.visitor))
        \(Form.textarea("body", label: t(.replyLabel), value: "", hint: nil, error: nil, maxLength: 480))
        <button type="submit">\(t(.replyButton))</button></form>
        \(banSection)
        """
    }

    private static func claimerNames(_ req: Request, _ ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let users = try await UserModel.query(on: req.db).filter(\.$id ~~ Set(ids)).all()
        let accounts = req.accounts
        return Dictionary(uniqueKeysWithValues: users.map { ($0.id!, accounts.name(of: $0)) })
    }
}
