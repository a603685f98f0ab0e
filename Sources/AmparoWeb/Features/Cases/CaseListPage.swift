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

/// /cases: the cases of the member's teams and the unassigned ones, the most urgent first, and the
/// form that opens one directly. `now`: when the page was built, for the hours on the hold clocks.
struct CaseListPage: Sendable, Equatable, Codable {
    let cases: [CaseLine]
    let teams: [TeamLine]
    let now: Date
    var newCase = NewCaseForm()

    /// The holds running on a detainer alone, for the red banner above the list.
    var alarms: [CaseLine] { cases.filter { $0.hold?.isAlarm == true && $0.status == .open } }
}

/// The loud hold clock of the case list and the dashboard: one red banner naming every person held
/// on a detainer alone, with the hours held and the hours left to 48.
enum HoldAlarmRenderer {
    static func banner(_ holds: [CaseLine], now: Date, _ chrome: Chrome) -> HTML {
        guard !holds.isEmpty else { return .empty }
        let l = chrome.language
        func t(_ text: CasesText) -> String { Text.cases(text).in(l) }
        let items: [HTML] = holds.map { line in
            "<li><a href=\"/cases/\(line.id.uuidString)\">\(line.name ?? t(.unnamed))</a>: \(line.hold.map { hours($0, now: now, l) } ?? "")</li>"
        }
        return "<div class=\"hold-alarm\" role=\"alert\" id=\"holds-now\"><p><strong>\(t(.holdsNowTitle))</strong></p><p>\(t(.holdsNowIntro))</p><ul>\(items)</ul></div>"
    }

    /// "Held 31 h on the detainer alone · 17 h left to 48".
    static func hours(_ hold: HoldClock, now: Date, _ l: Language) -> String {
        let held = Int(hold.hours(at: now))
        return Text.cases(held >= 48 ? .holdOverdue(hours: held) : .holdShort(hours: held, left: 48 - held)).in(l)
    }
}

enum CaseListRenderer {
    static func render(_ page: CaseListPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: CasesText) -> String { Text.cases(text).in(l) }
        let mayOpenReports = chrome.roles?.can(.workHotline) == true
        let rows: [HTML] = page.cases.map { line in
            let source: HTML = line.report.map {
                mayOpenReports ? HTML("<a href=\"/hotline/reports/\($0.id.rawValue.uuidString)\">\(t(.fromReport)) \($0.reference)</a>")
                    : HTML("\(t(.fromReport)) \($0.reference)")
            } ?? HTML("\(t(.direct))")
            let alarm = line.status == .open && line.hold?.isAlarm == true
            let hold: HTML = alarm ? HTML("<br><strong class=\"hold-chip\">\(line.hold.map { HoldAlarmRenderer.hours($0, now: page.now, l) } ?? "")</strong>") : .empty
            // Released or removed says so; otherwise the place, or the step when no place was written.
            let whereNow = line.whereabouts.map { $0.step.endsCustody ? t(.step($0.step)) : $0.place ?? t(.step($0.step)) } ?? t(.unknownPlace)
            return """
            <tr\(alarm ? HTML(" class=\"hold-row\"") : .empty)><td data-label="\(t(.name))"><a href="/cases/\(line.id.uuidString)">\(line.name ?? t(.unnamed))</a>\(hold)</td>
            <td data-label="\(t(.status))">\(t(.caseStatus(line.status)))</td><td data-label="\(t(.whereNow))">\(whereNow)</td>
            <td data-label="\(t(.nextHearing))">\(line.nextHearing.map(chrome.dateTime) ?? t(.noHearing))</td>
            <td data-label="\(t(.opened))">\(chrome.day(line.openedAt))</td><td data-label="\(t(.origin))">\(source)</td></tr>
            """
        }
        let table: HTML = page.cases.isEmpty ? "<p>\(t(.noCases))</p>" : """
            <table class="cards" id="cases"><thead><tr><th>\(t(.name))</th><th>\(t(.status))</th><th>\(t(.whereNow))</th><th>\(t(.nextHearing))</th>\
            <th>\(t(.opened))</th><th>\(t(.origin))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
        <h1>\(t(.listTitle))</h1>
        \(HoldAlarmRenderer.banner(page.alarms, now: page.now, chrome))
        <p>\(t(.listIntro))</p>
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
