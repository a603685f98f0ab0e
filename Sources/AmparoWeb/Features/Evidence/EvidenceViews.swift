import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Foundation
import Vapor

/// What one evidence page shows: a place's figures beside its state's and the nation's, and where
/// they come from.
struct EvidenceReport {
    let placeName: String
    let scope: EvidenceScope
    let period: EvidencePeriod
    let figures: DetainerFigures
    let state: DetainerFigures?
    let nation: DetainerFigures?
    let sources: [EvidenceQueries.Source]

    /// A place's figures with its state's (for a county or a facility), the nation's and the sources.
    static func load(name: String, scope: EvidenceScope, period: EvidencePeriod, state: String?, on db: any Database) async throws -> EvidenceReport {
        var stateFigures: DetainerFigures?
        if let state { stateFigures = try await EvidenceQueries.figures(.state(state), period, on: db) }
        return EvidenceReport(placeName: name, scope: scope, period: period, figures: try await EvidenceQueries.figures(scope, period, on: db),
                       state: stateFigures,
                       nation: scope == .nation ? nil : try await EvidenceQueries.figures(.nation, period, on: db),
                       sources: try await EvidenceQueries.sources(scope, period, on: db))
    }

    /// The period as the figures cover it ("2023-10" to "2025-06").
    var span: (String, String) {
        let months = figures.months
        return (period.from.map(CalendarMonth.label) ?? months.first.map(CalendarMonth.label) ?? "—",
                period.to.map(CalendarMonth.label) ?? months.last.map(CalendarMonth.label) ?? "—")
    }

    /// One line per figure: the CSV download and `amparo stats` both print these.
    func lines(_ language: Language) -> [(measure: String, key: String, label: String, count: Int, share: String)] {
        func t(_ text: EvidenceText) -> String { Text.evidence(text).in(language) }
        let f = figures
        var lines: [(String, String, String, Int, String)] = [("lodged", "all", t(.lodged), f.lodged, "")]
        lines.append(("without_conviction", "all", t(.withoutConviction), f.withoutConviction, share(f.withoutConviction)))
        for c in Criminality.allCases { lines.append(("criminality", c.label, t(.criminality(c)), f.byCriminality[c] ?? 0, share(f.byCriminality[c] ?? 0))) }
        for level in ThreatLevel.allCases { lines.append(("threat_level", level.label, t(.threat(level)), f.byThreat[level] ?? 0, share(f.byThreat[level] ?? 0))) }
        for o in DetainerOutcome.allCases { lines.append(("outcome", o.label, t(.outcome(o)), f.byOutcome[o] ?? 0, share(f.byOutcome[o] ?? 0))) }
        for (charge, count) in f.topCharges(10) {
            lines.append(("charge", String(format: "%02d", charge.prefix), language == .es ? charge.name.1 : charge.name.0, count, share(count)))
        }
        for month in f.months { lines.append(("month", CalendarMonth.label(month), CalendarMonth.label(month), f.byMonth[month] ?? 0, "")) }
        for policy in WhatIf.allCases { lines.append(("what_if", policy.rawValue, policy.rawValue, policy.fewerHandedOver(f), "")) }
        return lines
    }

    private func share(_ n: Int) -> String { figures.share(n).map { String(format: "%.4f", $0) } ?? "" }
}

enum EvidenceViews {
    private static func t(_ text: EvidenceText, _ req: Request) -> String { Text.evidence(text).in(req.language) }

    static func periodQuery(_ period: EvidencePeriod) -> String {
        var parts: [String] = []
        if let from = period.from { parts.append("from=\(CalendarMonth.label(from))") }
        if let to = period.to { parts.append("to=\(CalendarMonth.label(to))") }
        return parts.joined(separator: "&")
    }

    private static func link(_ path: String, _ period: EvidencePeriod, _ extra: String? = nil) -> String {
        let query = [periodQuery(period), extra ?? ""].filter { !$0.isEmpty }.joined(separator: "&")
        return query.isEmpty ? path : "\(path)?\(query)"
    }

    static func periodForm(_ req: Request, _ period: EvidencePeriod, path: String, problem: Bool) -> HTML {
        """
        <form method="get" action="\(path)" class="no-print">
        \(problem ? Form.errorSummary([t(.badPeriod, req)], language: req.language) : .empty)
        <fieldset><legend>\(t(.period, req))</legend>
        \(Form.field("from", label: t(.from, req), value: period.from.map(CalendarMonth.label) ?? "", required: false, extra: " pattern=\"[0-9]{4}-[0-9]{2}\" inputmode=\"numeric\""))
        \(Form.field("to", label: t(.to, req), value: period.to.map(CalendarMonth.label) ?? "", required: false, extra: " pattern=\"[0-9]{4}-[0-9]{2}\" inputmode=\"numeric\""))
        <button type="submit" class="secondary">\(t(.show, req))</button></fieldset></form>
        """
    }

    /// The figures of a place: headline, charts with their tables, comparison, what-if, method.
    static func figures(_ req: Request, _ report: EvidenceReport, compact: Bool = false) -> HTML {
        let f = report.figures
        guard f.lodged > 0 else { return "<p>\(t(.noData, req))</p>" }
        let levels = f.levels
        let method: HTML = " <a href=\"#method\" class=\"no-print\">(\(t(.method, req)))</a>"
        func bars<T>(_ items: [T], _ label: (T) -> String, _ count: (T) -> Int, title: String, id: String) -> HTML {
            let list = items.map { EvidenceCharts.Bar(label: label($0), value: (1...4).contains(count($0)) ? 0 : count($0),
                                                      shown: "\(EvidenceFormat.count(count($0))) · \(EvidenceFormat.share(count($0), of: f.lodged))") }
            return EvidenceCharts.bars(list, title: title, id: id)
        }
        let criminality = bars(Criminality.allCases, { t(.criminality($0), req) }, { f.byCriminality[$0] ?? 0 }, title: t(.withoutConviction, req), id: "chart-criminality")
        let threat = bars(ThreatLevel.allCases, { t(.threat($0), req) }, { f.byThreat[$0] ?? 0 }, title: t(.threatLevels, req), id: "chart-threat")
        let outcomes = bars(DetainerOutcome.allCases, { t(.outcome($0), req) }, { f.byOutcome[$0] ?? 0 }, title: t(.outcomes, req), id: "chart-outcomes")
        let charges = bars(f.topCharges(compact ? 5 : 10), { req.language == .es ? $0.0.name.1 : $0.0.name.0 }, { $0.1 }, title: t(.charges, req), id: "chart-charges")
        let months = EvidenceCharts.months(f.months.map { ($0, f.byMonth[$0] ?? 0) }, title: t(.monthly, req), id: "chart-months")
        var comparison: HTML = .empty
        if report.state != nil || report.nation != nil {
            func cell(_ figures: DetainerFigures?, _ pick: (DetainerFigures) -> Int) -> HTML {
                guard let figures else { return "<td>—</td>" }
                return "<td>\(EvidenceFormat.share(pick(figures), of: figures.lodged))</td>"
            }
            let measures: [(String, (DetainerFigures) -> Int)] = [
                (t(.withoutConviction, req), { $0.withoutConviction }),
                (t(.threat(.level1), req), { $0.byThreat[.level1] ?? 0 }),
                (t(.outcome(.bookedIntoDetention), req), { $0.byOutcome[.bookedIntoDetention] ?? 0 }),
                (t(.outcome(.declinedByLocalAgency), req), { $0.byOutcome[.declinedByLocalAgency] ?? 0 }),
            ]
            let rows: [HTML] = measures.map { name, pick in
                "<tr><th scope=\"row\">\(name)</th>\(cell(f, pick))\(report.state == nil ? HTML.empty : cell(report.state, pick))\(cell(report.nation, pick))</tr>"
            }
            comparison = """
            <h2>\(t(.comparison, req))\(method)</h2>
            <table id="comparison"><thead><tr><th scope="col"></th><th scope="col">\(t(.thisPlace, req))</th>\(report.state == nil ? HTML.empty : HTML("<th scope=\"col\">\(t(.stateLabel, req))</th>"))<th scope="col">\(t(.nationLabel, req))</th></tr></thead>
            <tbody>\(rows)</tbody></table><p class="hint">\(t(.sharesNote, req))</p>
            """
        }
        let (from, to) = report.span
        let whatIf: [HTML] = WhatIf.allCases.map { "<li>\(t(.whatIf($0, count: EvidenceFormat.count($0.fewerHandedOver(f)), place: report.placeName, from: from, to: to), req))</li>" }
        return """
        <section id="headline"><p class="figure" id="lodged">\(EvidenceFormat.count(f.lodged))</p><p>\(t(.lodged, req)) · \(from) – \(to)\(method)</p>
        <p class="figure" id="without-conviction">\(EvidenceFormat.share(f.withoutConviction, of: f.lodged))</p><p>\(t(.withoutConviction, req)): \(t(.withoutConvictionNote, req))</p>
        <p id="levels">\(t(.levelSummary(Percent.text(levels.nonCriminalOrLowerLevelShare, digits: 2), Percent.text(levels.nonCriminalShare)), req))</p></section>
        <h2>\(t(.withoutConviction, req))\(method)</h2>\(criminality)
        <h2>\(t(.threatLevels, req))\(method)</h2>\(threat)
        <h2>\(t(.outcomes, req))\(method)</h2>\(outcomes)
        <h2>\(t(.charges, req))\(method)</h2>\(charges)
        \(compact ? HTML.empty : HTML("<h2>\(t(.monthly, req))\(method)</h2>\(months)"))
        \(comparison)
        <h2>\(t(.whatIfTitle, req))</h2><ul id="what-if">\(whatIf)</ul><p class="hint">\(t(.whatIfAssumptions, req))</p>
        """
    }

    static func method(_ req: Request, _ report: EvidenceReport, facilities: [String] = []) -> HTML {
        let time = req.amparo.localTime
        let rows: [HTML] = report.sources.map { source in
            """
            <tr><td data-label="\(t(.file, req))">\(source.fileName) <span class="hint">SHA-256 \(String(source.fileDigest.prefix(12)))… · \(source.release ?? "")</span></td>
            <td data-label="\(t(.rowsCounted, req))">\(EvidenceFormat.count(source.rowsCounted))</td><td data-label="\(t(.rowsInFile, req))">\(source.rowsInFile)</td>
            <td data-label="\(t(.rejected, req))">\(source.rowsRejected)</td><td data-label="\(t(.importedOn, req))">\(time.dateTime(source.importedAt))</td></tr>
            """
        }
        let (from, to) = report.span
        let facilityList: HTML = facilities.isEmpty ? .empty : HTML("<p>\(t(.facilities, req)): \(facilities.joined(separator: "; "))</p>")
        return """
        <section id="method"><h2>\(t(.method, req))</h2><p>\(t(.methodText, req))</p>
        <p>\(t(.period, req)): \(from) – \(to).</p>\(facilityList)
        <table class="cards" id="sources"><caption>\(t(.sources, req))</caption><thead><tr><th scope="col">\(t(.file, req))</th><th scope="col">\(t(.rowsCounted, req))</th>
        <th scope="col">\(t(.rowsInFile, req))</th><th scope="col">\(t(.rejected, req))</th><th scope="col">\(t(.importedOn, req))</th></tr></thead><tbody>\(rows)</tbody></table></section>
        """
    }

    static func downloads(_ req: Request, path: String, period: EvidencePeriod) -> HTML {
        "<p class=\"no-print\">\(t(.download, req)): <a href=\"\(link(path, period, "format=csv"))\">CSV</a> · <a href=\"\(link(path, period, "format=json"))\">JSON</a></p>"
    }

    static func place(_ req: Request, title: String, path: String, report: EvidenceReport, before: HTML = .empty, after: HTML = .empty,
                      facilities: [String] = [], factSheet: Bool = false, badPeriod: Bool = false) -> Response {
        let body: HTML = """
        <h1>\(title)</h1><p>\(t(.intro, req))</p>
        \(periodForm(req, report.period, path: path, problem: badPeriod))
        \(factSheet ? HTML("<p class=\"no-print\"><a href=\"\(link(path + "/fact-sheet", report.period))\">\(t(.factSheet, req))</a></p>") : .empty)
        \(downloads(req, path: path, period: report.period))
        \(before)
        \(figures(req, report))
        \(after)
        \(method(req, report, facilities: facilities))
        """
        return htmlResponse(Layout.page(req, title: title, body: body), status: badPeriod ? .badRequest : .ok)
    }

    static func factSheet(_ req: Request, report: EvidenceReport, path: String) -> Response {
        let title = t(.factSheetTitle(report.placeName), req)
        let sources = report.sources.map { "\($0.fileName) (\($0.rowsCounted))" }.joined(separator: "; ")
        let body: HTML = """
        <div class="factsheet"><h1>\(title)</h1>
        <p class="no-print">\(t(.printHint, req)) <a href="\(link(path, report.period))">\(report.placeName)</a></p>
        \(figures(req, report, compact: true))
        <p class="hint">\(t(.methodText, req)) \(t(.sources, req)): \(sources). Amparo · \(req.amparo.config.baseURL)\(link(path, report.period))</p></div>
        """
        return htmlResponse(Layout.page(req, title: title, body: body), status: .ok)
    }
}
