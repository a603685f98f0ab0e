import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// What was typed into "open a case", kept as typed when it is refused.
struct NewCaseForm: Sendable, Equatable, Codable {
    enum Field: String, Sendable, Equatable, Codable, CaseIterable { case name, phone, language, consent, team }

    var values: [Field: String] = [:]
    var problems: [Field: CasesText.Problem] = [:]

    init(values: [Field: String] = [:]) { self.values = values }

    init(fields: [String: String]) {
        for field in Field.allCases { values[field] = fields[field.rawValue] ?? "" }
    }

    /// The case to open, or nil with `problems` filled in. `teams`: the ones this member may choose.
    mutating func validate(teams: [TeamLine]) -> NewCase? {
        problems = [:]
        func text(_ field: Field, _ limit: Int, required: Bool, problem: CasesText.Problem) -> String? {
            switch SingleLineText.validate(values[field].map(SingleLineText.joiningLines), maxLength: limit, required: required) {
            case .success(let value): return value.isEmpty ? nil : value
            case .failure: problems[field] = problem; return nil
            }
        }
        let name = text(.name, 300, required: true, problem: .name)
        let phone = text(.phone, 40, required: false, problem: .text)
        let language = text(.language, 40, required: false, problem: .text)
        let consent = text(.consent, 2000, required: true, problem: .consent)
        var team: UUID?
        if let choice = values[.team], !choice.isEmpty {
            team = teams.first { $0.id.rawValue.uuidString == choice }?.id.rawValue
            if team == nil { problems[.team] = .team }
        }
        guard problems.isEmpty, let name, let consent else { return nil }
        return NewCase(name: name, phone: phone, language: language, consent: consent, team: team)
    }
}

/// /cases: the cases of the member's teams and the unassigned ones, and the form that opens one directly.
struct CaseListPage: Sendable, Equatable, Codable {
    let cases: [CaseLine]
    let teams: [TeamLine]
    var newCase = NewCaseForm()
}

enum CaseListRenderer {
    static func render(_ page: CaseListPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: CasesText) -> String { Text.cases(text).in(l) }
        let rows: [HTML] = page.cases.map { line in
            let mayOpenReports = chrome.role?.can(.workHotline) == true
            let source: HTML = line.report.map {
                mayOpenReports ? HTML("<a href=\"/hotline/reports/\($0.id.rawValue.uuidString)\">\(t(.fromReport)) \($0.reference)</a>")
                    : HTML("\(t(.fromReport)) \($0.reference)")
            } ?? HTML("\(t(.direct))")
            return """
            <tr><td data-label="\(t(.name))"><a href="/cases/\(line.id.uuidString)">\(line.name ?? t(.unnamed))</a></td>
            <td data-label="\(t(.status))">\(t(.caseStatus(line.status)))</td><td data-label="\(t(.opened))">\(chrome.dateTime(line.openedAt))</td>
            <td data-label="\(t(.origin))">\(source)</td></tr>
            """
        }
        let table: HTML = page.cases.isEmpty ? "<p>\(t(.noCases))</p>" : """
            <table class="cards" id="cases"><thead><tr><th>\(t(.name))</th><th>\(t(.status))</th><th>\(t(.opened))</th><th>\(t(.origin))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
        <h1>\(t(.listTitle))</h1><p>\(t(.listIntro))</p>
        <p><a href="/facilities">\(Text.support(.navFacilities).in(l))</a> · <a href="/visitors">\(Text.support(.visitorsTitle).in(l))</a></p>
        \(newCaseForm(page, chrome))
        \(table)
        """
        return Layout.page(chrome, title: t(.listTitle), body: body)
    }

    /// Folded away until asked for (a plain `details`, no script), open again when it was refused.
    static func newCaseForm(_ page: CaseListPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: CasesText) -> String { Text.cases(text).in(l) }
        let form = page.newCase
        func value(_ field: NewCaseForm.Field) -> String { form.values[field] ?? "" }
        func error(_ field: NewCaseForm.Field) -> String? { form.problems[field].map { t(.problem($0)) } }
        let teams = [(value: "", label: t(.intakeQueue))] + page.teams.map { (value: $0.id.rawValue.uuidString, label: $0.name) }
        return """
        <details id="new-case"\(form.problems.isEmpty ? HTML.empty : HTML(" open"))><summary>\(t(.newCaseTitle))</summary>
        <p>\(t(.newCaseIntro))</p>
        \(Form.errorSummary(NewCaseForm.Field.allCases.compactMap(error), language: l))
        <form method="post" action="/cases">\(chrome.csrfField)
        \(Form.field("name", label: t(.name), value: value(.name), error: error(.name), extra: " maxlength=\"300\""))
        \(Form.field("phone", label: t(.phone), type: "tel", value: value(.phone), error: error(.phone), required: false, extra: " maxlength=\"40\""))
        \(Form.field("language", label: t(.language), value: value(.language), error: error(.language), required: false, extra: " maxlength=\"40\""))
        \(Form.select("team", label: t(.team), options: teams, selected: value(.team)))
        \(Form.textarea("consent", label: t(.consent), value: value(.consent), hint: t(.consentHint), error: error(.consent), maxLength: 2000))
        <button type="submit">\(t(.openCase))</button>
        </form></details>
        """
    }
}
