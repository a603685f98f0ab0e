import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

enum VisitViews {
    private static func t(_ text: SupportText, _ req: Request) -> String { Text.support(text).in(req.language) }

    static func mine(_ req: Request, visits: [VisitModel], cases: [CaseModel], facilities: [FacilityModel]) -> Response {
        let time = req.amparo.localTime
        let people = Dictionary(uniqueKeysWithValues: cases.map { ($0.id!, CaseViews.name(req, $0)) })
        let places = Dictionary(uniqueKeysWithValues: facilities.map { ($0.id!, $0.name) })
        let rows: [HTML] = visits.map { visit in
            let status = VisitStatus(rawValue: visit.status).map { t(.visitStatus($0), req) } ?? visit.status
            return """
            <tr><td data-label="\(t(.visitWhen, req))"><a href="/visits/\(visit.id!.uuidString)">\(time.dateTime(visit.scheduledAt))</a></td>
            <td data-label="\(Text.cases(.name).in(req.language))">\(people[visit.caseID] ?? "—")</td>
            <td data-label="\(t(.facility, req))">\(places[visit.facilityID] ?? "—")</td><td data-label="\(Text.cases(.status).in(req.language))">\(status)</td></tr>
            """
        }
        let body: HTML = """
        <h1>\(t(.myVisitsTitle, req))</h1><p>\(t(.myVisitsIntro, req))</p>
        \(visits.isEmpty ? HTML("<p>\(t(.noVisits, req))</p>") : HTML("<table class=\"cards\" id=\"visits\"><thead><tr><th>\(t(.visitWhen, req))</th><th>\(Text.cases(.name).in(req.language))</th><th>\(t(.facility, req))</th><th>\(Text.cases(.status).in(req.language))</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return htmlResponse(Layout.page(req, title: t(.myVisitsTitle, req), body: body), status: .ok)
    }

    /// What a visitor needs for one visit, and nothing more about the case.
    static func page(_ req: Request, visit: VisitModel, problem: Text?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let l = req.language, time = req.amparo.localTime
        guard let record = try await CaseModel.find(visit.caseID, on: req.db), let facility = try await FacilityModel.find(visit.facilityID, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .cases(.caseNotFound))
        }
        // Where the person is now, if the timeline has moved them since the visit was planned.
        let placing = try await CaseEventModel.query(on: req.db).filter(\.$caseID == record.id!).filter(\.$replacedBy == nil)
            .filter(\.$step ~~ CustodyLocation.placing.map(\.rawValue)).sort(\.$occurredAt, .descending).first()
        let visitStatus = VisitStatus(rawValue: visit.status) ?? .scheduled
        let report = visit.reportSealed.flatMap { try? req.amparo.sealer.open($0, context: SealedColumn.visitReport.context(rowID: visit.id!)) } ?? ""
        let outcomes: [(value: String, label: String)] = [VisitStatus.done, .denied].map { ($0.rawValue, t(.visitStatus($0), req)) }
        let body: HTML = """
        <h1>\(t(.visitTitle, req)): \(CaseViews.name(req, record))</h1>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        <dl class="facts">
        <dt>\(t(.visitWhen, req))</dt><dd>\(time.dateTime(visit.scheduledAt))</dd>
        <dt>\(t(.facility, req))</dt><dd>\(facility.name)\(facility.city.map { ", \($0)" } ?? "")\(facility.state.map { ", \($0)" } ?? "")</dd>
        <dt>\(Text.cases(.status).in(l))</dt><dd id="visit-status">\(t(.visitStatus(visitStatus), req))</dd>
        <dt>\(t(.personLanguage, req))</dt><dd>\(record.language ?? "—")</dd>
        \(placing?.place.map { HTML("<dt>\(t(.whereNow, req))</dt><dd>\($0)</dd>") })
        </dl>
        <h2>\(t(.visitRules, req))</h2>
        \(rules(req, facility))
        <h2>\(t(.reportVisit, req))</h2>
        <form method="post" action="/visits/\(visit.id!.uuidString)/report">\(Layout.csrfField(req.visitor))
        \(Form.select("outcome", label: t(.outcome, req), options: outcomes, selected: visitStatus == .denied ? "denied" : "done"))
        \(Form.textarea("report", label: t(.visitReport, req), value: report, hint: t(.visitReportHint, req), error: nil, maxLength: 4000, required: false))
        <div class="check"><input type="checkbox" id="sharedWithFamily" name="sharedWithFamily" value="yes"\(visit.sharedWithFamily ? HTML(" checked") : .empty)><label for="sharedWithFamily">\(t(.sharedWithFamily, req))</label></div>
        <button type="submit">\(t(.saveReport, req))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.visitTitle, req), body: body), status: status)
    }

    static func rules(_ req: Request, _ facility: FacilityModel) -> HTML {
        let items: [(SupportText, String?)] = [(.visitingHours, facility.visitingHours), (.idRules, facility.idRules), (.dressCode, facility.dressCode),
                                               (.approval, facility.approval), (.facilityLanguages, facility.languages)]
        let rows: [HTML] = items.map { "<dt>\(t($0.0, req))</dt><dd>\($0.1 ?? "—")</dd>" }
        return "<dl class=\"facts\" id=\"rules\">\(rows)</dl>"
    }

    static func facilities(_ req: Request, problem: Text?, status: HTTPResponseStatus) async throws -> Response {
        let l = req.language
        let all = try await FacilityModel.query(on: req.db).sort(\.$state).sort(\.$name).all()
        let rows: [HTML] = all.map { facility in
            let kind = FacilityKind(rawValue: facility.kind).map { t(.kind($0), req) } ?? facility.kind
            return """
            <tr><td data-label="\(t(.facilityName, req))"><a href="/facilities/\(facility.id!.uuidString)">\(facility.name)</a></td>
            <td data-label="\(t(.facilityKind, req))">\(kind)</td><td data-label="\(t(.city, req))">\([facility.city, facility.county, facility.state].compactMap { $0 }.joined(separator: ", "))</td>
            <td data-label="\(t(.visitingHours, req))">\(facility.visitingHours ?? "—")</td></tr>
            """
        }
        let body: HTML = """
        <h1>\(t(.facilitiesTitle, req))</h1><p>\(t(.facilitiesIntro, req))</p>
        <p><a href="/visitors">\(t(.visitorsTitle, req))</a></p>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(all.isEmpty ? HTML("<p>\(t(.noFacilities, req))</p>") : HTML("<table class=\"cards\" id=\"facilities\"><thead><tr><th>\(t(.facilityName, req))</th><th>\(t(.facilityKind, req))</th><th>\(t(.city, req))</th><th>\(t(.visitingHours, req))</th></tr></thead><tbody>\(rows)</tbody></table>"))
        <h2>\(t(.addFacility, req))</h2>
        \(facilityForm(req, nil))
        """
        return htmlResponse(Layout.page(req, title: t(.facilitiesTitle, req), body: body), status: status)
    }

    static func facility(_ req: Request, _ facility: FacilityModel, problem: Text?, status: HTTPResponseStatus) -> Response {
        let l = req.language
        let body: HTML = """
        <h1>\(facility.name)</h1>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(facilityForm(req, facility))
        """
        return htmlResponse(Layout.page(req, title: facility.name, body: body), status: status)
    }

    private static func facilityForm(_ req: Request, _ facility: FacilityModel?) -> HTML {
        func field(_ name: String, _ label: SupportText, _ value: String?, required: Bool = false, limit: Int = 300) -> HTML {
            Form.field(name, label: t(label, req), value: value ?? "", required: required, extra: HTML(" maxlength=\"\(limit)\""))
        }
        let kinds = FacilityKind.allCases.map { (value: $0.rawValue, label: t(.kind($0), req)) }
        return """
        <form method="post" action="/facilities\(facility.map { "/\($0.id!.uuidString)" } ?? "")">\(Layout.csrfField(req.visitor))
        \(field("name", .facilityName, facility?.name, required: true))
        \(Form.select("kind", label: t(.facilityKind, req), options: kinds, selected: facility?.kind))
        \(field("city", .city, facility?.city))
        \(field("county", .county, facility?.county, limit: 120))
        \(field("state", .state, facility?.state, required: true, limit: 2))
        \(field("visitingHours", .visitingHours, facility?.visitingHours))
        \(field("idRules", .idRules, facility?.idRules))
        \(field("dressCode", .dressCode, facility?.dressCode))
        \(field("approval", .approval, facility?.approval))
        \(field("languages", .facilityLanguages, facility?.languages))
        <button type="submit">\(t(.saveFacility, req))</button></form>
        """
    }

    static func visitors(_ req: Request, _ entries: [Visitors.Entry], problem: Text?, status: HTTPResponseStatus) -> Response {
        let l = req.language
        let items: [HTML] = entries.map { entry in
            let id = entry.user.id!.uuidString, prefix = "v-\(id.prefix(8))"
            return """
            <li><h2>\(req.accounts.name(of: entry.user))</h2>
            <form method="post" action="/visitors/\(id)">\(Layout.csrfField(req.visitor))
            <div class="field"><label for="\(prefix)-trained">\(t(.trainedOn, req))</label><p class="hint">\(t(.trainedOnHint, req))</p>\
            <input id="\(prefix)-trained" name="trainedOn" type="date" value="\(entry.profile?.trainedOn ?? "")"></div>
            <div class="field"><label for="\(prefix)-languages">\(t(.languages, req))</label>\
            <input id="\(prefix)-languages" name="languages" type="text" maxlength="200" value="\(entry.profile?.languages ?? "")"></div>
            <button type="submit">\(t(.saveVisitor, req))</button></form></li>
            """
        }
        let body: HTML = """
        <h1>\(t(.visitorsTitle, req))</h1><p>\(t(.visitorsIntro, req))</p>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(entries.isEmpty ? HTML("<p>\(t(.noVisitors, req))</p>") : HTML("<ul class=\"plain\" id=\"visitors\">\(items)</ul>"))
        """
        return htmlResponse(Layout.page(req, title: t(.visitorsTitle, req), body: body), status: status)
    }
}
