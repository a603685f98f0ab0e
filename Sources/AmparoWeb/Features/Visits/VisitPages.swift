import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /facilities: the registry of jails and detention facilities, and the form to add one.
struct FacilitiesPage: Sendable, Equatable, Codable {
    let facilities: [Facility]
    /// The new facility's form, as typed when it was refused.
    var typed = FacilityForm()
    /// The typed facility could not be added: a field to fix, or its name already in the list.
    var refused = false
}

/// /facilities/<id>: one facility's form.
struct FacilityPage: Sendable, Equatable, Codable {
    let id: FacilityID
    /// The name as saved (the page's title).
    let name: String
    var typed: FacilityForm
    var refused = false
}

/// /visitors: members with the visitor role, their training and languages.
struct VisitorsPage: Sendable, Equatable, Codable {
    let visitors: [VisitorLine]
    var refused = false
}

/// /visits: a visitor's own visits.
struct MyVisitsPage: Sendable, Equatable, Codable {
    let visits: [MyVisitLine]
}

/// /visits/<id>: one visit, for its visitor, with the form to report on it.
struct VisitPage: Sendable, Equatable, Codable {
    let visit: VisitDetail
    /// The report as typed, when it could not be kept (too long, or an outcome not offered).
    var refusedReport: String?
}

enum VisitRenderer {
    private static func t(_ text: SupportText, _ l: Language) -> String { Text.support(text).in(l) }

    private static func refusal(_ refused: Bool, _ text: SupportText, _ l: Language) -> HTML {
        refused ? Form.errorSummary([t(text, l)], language: l) : .empty
    }

    static func render(_ page: FacilitiesPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let rows: [HTML] = page.facilities.map { facility in
            let facts = facility.facts
            return """
            <tr><td data-label="\(t(.facilityName, l))"><a href="/facilities/\(facility.id.rawValue.uuidString)">\(facts.name)</a></td>
            <td data-label="\(t(.facilityKind, l))">\(t(.kind(facts.kind), l))</td><td data-label="\(t(.city, l))">\([facts.city, facts.county, facts.state.isEmpty ? nil : facts.state].compactMap { $0 }.joined(separator: ", "))</td>
            <td data-label="\(t(.visitingHours, l))">\(facts.visitingHours ?? "—")</td></tr>
            """
        }
        let body: HTML = """
        <h1>\(t(.facilitiesTitle, l))</h1><p>\(t(.facilitiesIntro, l))</p>
        <p><a href="/visitors">\(t(.visitorsTitle, l))</a></p>
        \(refusal(page.refused, .errorFacilityName, l))
        \(rows.isEmpty ? HTML("<p>\(t(.noFacilities, l))</p>") : HTML("<table class=\"cards\" id=\"facilities\"><thead><tr><th>\(t(.facilityName, l))</th><th>\(t(.facilityKind, l))</th><th>\(t(.city, l))</th><th>\(t(.visitingHours, l))</th></tr></thead><tbody>\(rows)</tbody></table>"))
        <h2>\(t(.addFacility, l))</h2>
        \(facilityForm(page.typed, action: "/facilities", chrome))
        """
        return Layout.page(chrome, title: t(.facilitiesTitle, l), body: body)
    }

    static func render(_ page: FacilityPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let body: HTML = """
        <h1>\(page.name)</h1>
        \(refusal(page.refused, .errorFacilityName, l))
        \(facilityForm(page.typed, action: "/facilities/\(page.id.rawValue.uuidString)", chrome))
        """
        return Layout.page(chrome, title: page.name, body: body)
    }

    private static func facilityForm(_ typed: FacilityForm, action: String, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func field(_ field: FacilityForm.Field, _ label: SupportText, required: Bool = false) -> HTML {
            Form.field(field.rawValue, label: t(label, l), value: typed[field], required: required, extra: HTML(" maxlength=\"\(field.limit)\""))
        }
        let kinds = FacilityKind.allCases.map { (value: $0.rawValue, label: t(.kind($0), l)) }
        return """
        <form method="post" action="\(action)">\(chrome.csrfField)
        \(field(.name, .facilityName, required: true))
        \(Form.select("kind", label: t(.facilityKind, l), options: kinds, selected: typed[.kind].isEmpty ? nil : typed[.kind]))
        \(field(.city, .city))
        \(field(.county, .county))
        \(field(.state, .state, required: true))
        \(field(.visitingHours, .visitingHours))
        \(field(.idRules, .idRules))
        \(field(.dressCode, .dressCode))
        \(field(.approval, .approval))
        \(field(.languages, .facilityLanguages))
        <button type="submit">\(t(.saveFacility, l))</button></form>
        """
    }

    static func render(_ page: VisitorsPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let items: [HTML] = page.visitors.map { visitor in
            let id = visitor.id.rawValue.uuidString, prefix = "v-\(id.prefix(8))"
            return """
            <li><h2>\(visitor.name)</h2>
            <form method="post" action="/visitors/\(id)">\(chrome.csrfField)
            <div class="field"><label for="\(prefix)-trained">\(t(.trainedOn, l))</label><p class="hint">\(t(.trainedOnHint, l))</p>\
            <input id="\(prefix)-trained" name="trainedOn" type="date" value="\(visitor.trainedOn ?? "")"></div>
            <div class="field"><label for="\(prefix)-languages">\(t(.languages, l))</label>\
            <input id="\(prefix)-languages" name="languages" type="text" maxlength="200" value="\(visitor.languages ?? "")"></div>
            <button type="submit">\(t(.saveVisitor, l))</button></form></li>
            """
        }
        let body: HTML = """
        <h1>\(t(.visitorsTitle, l))</h1><p>\(t(.visitorsIntro, l))</p>
        \(refusal(page.refused, .errorTrainedOn, l))
        \(items.isEmpty ? HTML("<p>\(t(.noVisitors, l))</p>") : HTML("<ul class=\"plain\" id=\"visitors\">\(items)</ul>"))
        """
        return Layout.page(chrome, title: t(.visitorsTitle, l), body: body)
    }

    static func render(_ page: MyVisitsPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, name = Text.cases(.name).in(l), status = Text.cases(.status).in(l)
        let rows: [HTML] = page.visits.map { visit in
            """
            <tr><td data-label="\(t(.visitWhen, l))"><a href="/visits/\(visit.id.rawValue.uuidString)">\(chrome.dateTime(visit.scheduledAt))</a></td>
            <td data-label="\(name)">\(visit.person ?? Text.cases(.unnamed).in(l))</td>
            <td data-label="\(t(.facility, l))">\(visit.facility ?? "—")</td><td data-label="\(status)">\(t(.visitStatus(visit.status), l))</td></tr>
            """
        }
        let body: HTML = """
        <h1>\(t(.myVisitsTitle, l))</h1><p>\(t(.myVisitsIntro, l))</p>
        \(rows.isEmpty ? HTML("<p>\(t(.noVisits, l))</p>") : HTML("<table class=\"cards\" id=\"visits\"><thead><tr><th>\(t(.visitWhen, l))</th><th>\(name)</th><th>\(t(.facility, l))</th><th>\(status)</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return Layout.page(chrome, title: t(.myVisitsTitle, l), body: body)
    }

    static func render(_ page: VisitPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, visit = page.visit, facility = visit.facility
        let outcomes: [(value: String, label: String)] = [VisitStatus.done, .denied].map { ($0.rawValue, t(.visitStatus($0), l)) }
        let body: HTML = """
        <h1>\(t(.visitTitle, l)): \(visit.person ?? Text.cases(.unnamed).in(l))</h1>
        \(refusal(page.refusedReport != nil, .errorNote, l))
        <dl class="facts">
        <dt>\(t(.visitWhen, l))</dt><dd>\(chrome.dateTime(visit.scheduledAt))</dd>
        <dt>\(t(.facility, l))</dt><dd>\([facility.name, facility.city, facility.state.isEmpty ? nil : facility.state].compactMap { $0 }.joined(separator: ", "))</dd>
        <dt>\(Text.cases(.status).in(l))</dt><dd id="visit-status">\(t(.visitStatus(visit.status), l))</dd>
        <dt>\(t(.personLanguage, l))</dt><dd>\(visit.personLanguage ?? "—")</dd>
        \(visit.whereNow.map { HTML("<dt>\(t(.whereNow, l))</dt><dd>\($0)</dd>") })
        </dl>
        <h2>\(t(.visitRules, l))</h2>
        \(rules(facility, l))
        <h2>\(t(.reportVisit, l))</h2>
        <form method="post" action="/visits/\(visit.id.rawValue.uuidString)/report">\(chrome.csrfField)
        \(Form.select("outcome", label: t(.outcome, l), options: outcomes, selected: visit.status == .denied ? "denied" : "done"))
        \(Form.textarea("report", label: t(.visitReport, l), value: page.refusedReport ?? visit.report ?? "", hint: t(.visitReportHint, l), error: nil, maxLength: 4000, required: false))
        <div class="check"><input type="checkbox" id="sharedWithFamily" name="sharedWithFamily" value="yes"\(visit.sharedWithFamily ? HTML(" checked") : .empty)><label for="sharedWithFamily">\(t(.sharedWithFamily, l))</label></div>
        <button type="submit">\(t(.saveReport, l))</button></form>
        """
        return Layout.page(chrome, title: t(.visitTitle, l), body: body)
    }

    static func rules(_ facility: FacilityFacts, _ l: Language) -> HTML {
        let items: [(SupportText, String?)] = [(.visitingHours, facility.visitingHours), (.idRules, facility.idRules), (.dressCode, facility.dressCode),
                                               (.approval, facility.approval), (.facilityLanguages, facility.languages)]
        let rows: [HTML] = items.map { "<dt>\(t($0.0, l))</dt><dd>\($0.1 ?? "—")</dd>" }
        return "<dl class=\"facts\" id=\"rules\">\(rows)</dl>"
    }
}
