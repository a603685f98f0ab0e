import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// On a report's page: who was asked to verify, how each request stands, what came back, and the
/// form that asks the responders on call.
enum DispatchViews {
    static func section(_ req: Request, report: ReportModel, mayWork: Bool) async throws -> HTML {
        let l = req.language
        func t(_ text: DispatchText) -> String { Text.dispatch(text).in(l) }
        let id = report.id!
        let dispatches = try await DispatchModel.query(on: req.db).filter(\.$reportID == id).sort(\.$createdAt).all()
        let filed = try await FieldReportModel.query(on: req.db).filter(\.$reportID == id).sort(\.$filedAt).all()
        let status = ReportStatus(rawValue: report.status) ?? .closed
        var form: HTML?
        if mayWork, status == .claimed || status == .verifying {
            let onCall = try await DispatchRoutes.respondersOnCall(req, report: report)
            let asked = Set(dispatches.map(\.responderID))
            let boxes: [HTML] = onCall.map { responder in
                let rid = responder.id!.uuidString
                return "<div class=\"check\"><input type=\"checkbox\" id=\"responder-\(rid)\" name=\"responders[]\" value=\"\(rid)\"\(asked.contains(responder.id!) ? HTML.empty : HTML(" checked"))><label for=\"responder-\(rid)\">\(req.accounts.name(of: responder))</label></div>"
            }
            form = onCall.isEmpty ? "<p id=\"nobody-on-call\">\(t(.nobodyOnCall))</p>" : """
            <form method="post" action="/hotline/reports/\(id.uuidString)/dispatch">\(Layout.csrfField(req.visitor))
            <fieldset><legend>\(t(.respondersLabel))</legend>\(boxes)</fieldset>
            \(Form.field("note", label: t(.noteLabel), hint: t(.noteHint), required: false, extra: " maxlength=\"500\""))
            <button type="submit">\(t(.send))</button></form>
            """
        }
        guard form != nil || !dispatches.isEmpty else { return .empty }
        let people = try await UserModel.query(on: req.db).filter(\.$id ~~ Set(dispatches.map(\.responderID))).all()
        let names = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, req.accounts.name(of: $0)) })
        let delivery = try await Notices.delivery(of: dispatches.compactMap(\.id), on: req.db)
        let senders = req.amparo.delivery
        let requests: [HTML] = dispatches.map { dispatch in
            let state = DispatchState(rawValue: dispatch.state) ?? .waiting
            let notice = delivery[dispatch.id!]
            // A message waiting on a channel this server has no sender for would wait for ever: say so.
            let stuck = notice.map { $0.status == "pending" && ($0.channel.map { senders.senders($0) == nil } ?? true) } ?? false
            let shown = state != .waiting ? t(.state(state)) : stuck ? t(.cannotBeSent) : t(.delivery(notice?.status ?? "pending"))
            return "<li>\(names[dispatch.responderID] ?? "—") · \(shown) · \(req.amparo.localTime.dateTime(dispatch.createdAt))</li>"
        }
        let reports: [HTML] = filed.map { fieldReport(req, $0, by: names[$0.responderID] ?? "—") }
        return """
        <h2>\(t(.legend))</h2>
        <p>\(t(.intro))</p>
        \(form)
        \(requests.isEmpty ? HTML.empty : HTML("<h3>\(t(.requests))</h3><ul id=\"dispatches\">\(requests)</ul>"))
        \(dispatches.isEmpty ? HTML.empty : HTML("<h3>\(t(.fieldReports))</h3>\(reports.isEmpty ? HTML("<p>\(t(.nothingFiled))</p>") : HTML("\(reports)"))"))
        """
    }

    /// A history line for the dispatch steps recorded on the report.
    static func describe(_ action: String, language l: Language) -> String? {
        func t(_ text: DispatchText) -> String { Text.dispatch(text).in(l) }
        let parts = action.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch (parts[0], parts[1]) {
        case ("dispatch", "accepted"): return "\(t(.requestTitle)): \(t(.state(.accepted)))"
        case ("dispatch", "declined"): return "\(t(.requestTitle)): \(t(.state(.declined)))"
        case ("dispatch", let count): return Int(count).map { t(.sent($0)) }
        case ("field_report", let finding): return FieldReport.Finding(rawValue: finding).map { "\(t(.formTitle)): \(t(.finding($0)))" }
        default: return nil
        }
    }

    private static func fieldReport(_ req: Request, _ model: FieldReportModel, by name: String) -> HTML {
        let l = req.language
        func t(_ text: DispatchText) -> String { Text.dispatch(text).in(l) }
        let opened = model.bodySealed
            .flatMap { try? req.amparo.sealer.open($0, context: SealedColumn.fieldReportBody.context(rowID: model.id!)) }
            .flatMap { try? JSONDecoder().decode(FieldReport.self, from: Data($0.utf8)) }
        guard let report = opened else {
            return "<p>\(t(.filedBy(name))) · \(req.amparo.localTime.dateTime(model.filedAt)) · \(Text.hotline(.purged).in(l))</p>"
        }
        let rows: [(FieldReport.Field, String)] = [
            (.finding, t(.finding(report.finding))), (.size, report.size), (.activity, report.activity), (.location, report.location),
            (.unit, report.unit), (.time, report.time), (.equipment, report.equipment), (.warrant, t(.warrant(report.warrant))),
            (.consent, t(.consent(report.consent))), (.detained, String(report.detained)), (.takenTo, report.takenTo),
            (.witnesses, report.witnesses), (.media, report.media),
        ]
        let items: [HTML] = rows.filter { !$0.1.isEmpty }.map { "<dt>\(t(.label($0.0)))</dt><dd>\($0.1)</dd>" }
        return """
        <article class="field-report"><p><strong>\(t(.filedBy(name)))</strong> · \(req.amparo.localTime.dateTime(model.filedAt))</p><dl>\(items)</dl></article>
        """
    }
}
