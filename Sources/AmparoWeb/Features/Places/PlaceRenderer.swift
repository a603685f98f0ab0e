import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// The places pages as HTML: each a pure function of its page value and the chrome.
enum PlaceRenderer {
    private static func t(_ text: PlacesText, _ chrome: Chrome) -> String { Text.places(text).in(chrome.language) }

    private static func downloads(_ chrome: Chrome, _ path: String) -> HTML {
        "<p>\(t(.download, chrome)): <a href=\"\(path)?format=csv\">CSV</a> · <a href=\"\(path)?format=json\">JSON</a></p>"
    }

    static func render(_ page: PlaceStatesPage, _ chrome: Chrome) -> HTML {
        let models = AgreementModel.allCases
        let rows: [HTML] = page.states.map { line in
            let cells: [HTML] = models.map { "<td data-label=\"\(t(.model($0), chrome))\">\(line.agreements[$0])</td>" }
            return "<tr><td data-label=\"\(t(.state, chrome))\"><a href=\"\(SiteURL.state(line.state.code).path)\">\(line.state.name)</a></td>\(cells)<td data-label=\"\(t(.total, chrome))\">\(line.agreements.total)</td></tr>"
        }
        let heads: [HTML] = models.map { "<th scope=\"col\">\(t(.model($0), chrome))</th>" }
        let body: HTML = """
        <h1>\(t(.statesTitle, chrome))</h1><p>\(t(.statesIntro, chrome))</p>
        <p><a href="\(SiteURL.placesMap.path)">\(t(.mapTitle, chrome))</a></p>
        \(downloads(chrome, SiteURL.places.path))
        <table class="cards" id="states"><caption>\(t(.agreements, chrome))</caption><thead><tr><th scope="col">\(t(.state, chrome))</th>\(heads)<th scope="col">\(t(.total, chrome))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
        return Layout.page(chrome, title: t(.statesTitle, chrome), body: body)
    }

    static func render(_ page: PlaceStatePage, _ chrome: Chrome) -> HTML {
        let countyLinks: [HTML] = page.counties.map { county in
            "<li><a href=\"\(SiteURL.county(page.state.code, county.slug).path)\">\(county.name)</a>\(county.fips.map { HTML(" <span class=\"hint\">(\($0))</span>") })</li>"
        }
        let path = SiteURL.state(page.state.code).path
        let body: HTML = """
        <h1>\(page.state.name) <span class="hint">FIPS \(page.state.fips)</span></h1>
        \(problem(page.problem, chrome))
        <p><a id="evidence-link" href="\(SiteURL.evidenceState(page.state.code).path)">\(Text.evidence(.stateRecords).in(chrome.language))</a></p>
        <h2>\(t(.policies, chrome))</h2>\(policyList(page.policies, inherited: [], chrome))
        \(page.mayRecordPolicy ? policyForm(path, chrome) : .empty)
        <h2>\(t(.agreements, chrome))</h2>
        \(downloads(chrome, path))
        \(agreementsTable(page.agreements, chrome))
        <h2>\(t(.counties, chrome))</h2>
        \(countyLinks.isEmpty ? HTML("<p>—</p>") : HTML("<ul class=\"columns\">\(countyLinks)</ul>"))
        """
        return Layout.page(chrome, title: page.state.name, body: body)
    }

    static func render(_ page: PlaceCountyPage, _ chrome: Chrome) -> HTML {
        let language = chrome.language
        let governing: [HTML] = page.governing.map { line in
            let source = line.source == .county ? t(.fromCounty, chrome) : t(.fromState, chrome)
            return "<li><strong>\(t(.policyKind(line.kind), chrome))</strong>: \(t(.position(line.position), chrome)) <span class=\"hint\">(\(source))</span></li>"
        }
        let campaignItems: [HTML] = page.campaigns.map { campaign in
            let signLinks: [HTML] = campaign.openLetters.map { " · <a href=\"\(SiteURL.letter($0.id).path)\">\($0.title)</a>" }
            return "<li><strong>\(campaign.title)</strong> · \(Text.campaigns(.goal(campaign.goal)).in(language)) · \(Text.campaigns(.status(campaign.status)).in(language))\(signLinks)</li>"
        }
        let facilityItems: [HTML] = page.facilities.map { "<li>\($0.name)\($0.city.map { ", \($0)" } ?? "")</li>" }
        let county = page.county, path = SiteURL.county(page.state.code, county.slug).path
        let body: HTML = """
        <h1>\(county.name), \(page.state.name)\(county.fips.map { HTML(" <span class=\"hint\">FIPS \($0)</span>") })</h1>
        \(problem(page.problem, chrome))
        <p><a href="\(SiteURL.state(page.state.code).path)">\(page.state.name)</a> · <a id="evidence-link" href="\(SiteURL.evidenceCounty(page.state.code, county.slug).path)">\(Text.evidence(.countyRecords).in(language))</a></p>
        <h2>\(t(.governing, chrome))</h2>\(governing.isEmpty ? HTML("<p>\(t(.noPolicies, chrome))</p>") : HTML("<ul id=\"governing\">\(governing)</ul>"))
        <h2>\(t(.history, chrome))</h2>\(policyList(page.policies, inherited: page.statePolicies, chrome))
        \(page.mayRecordPolicy ? policyForm(path, chrome) : .empty)
        <h2>\(t(.agreements, chrome))</h2>
        \(downloads(chrome, path))
        \(agreementsTable(page.agreements, chrome))
        \(campaignItems.isEmpty ? HTML.empty : HTML("<h2>\(Text.campaigns(.publicCampaigns).in(language))</h2><ul id=\"campaigns\">\(campaignItems)</ul>"))
        <h2>\(t(.facilities, chrome))</h2>\(facilityItems.isEmpty ? HTML("<p>\(t(.noFacilities, chrome))</p>") : HTML("<ul>\(facilityItems)</ul>"))
        """
        return Layout.page(chrome, title: "\(county.name), \(page.state.code)", body: body)
    }

    static func render(_ page: PlaceImportsPage, _ chrome: Chrome) -> HTML {
        let language = chrome.language
        var message: HTML = .empty
        switch page.message {
        case .refused(let problem)?:
            message = Form.errorSummary([t(.refused(row: problem.row, column: problem.column, value: problem.value, reason: problem.reason), chrome)], language: language)
        case .unreadable?: message = Form.errorSummary([t(.unreadable, chrome)], language: language)
        case .tooLarge(let exceeded)?:
            message = Form.errorSummary([t(.tooLarge(en: exceeded.description, es: exceeded.spanish), chrome)], language: language)
        case .alreadyImported(let earlier)?: message = "<p class=\"notice\" role=\"status\">\(t(.alreadyImported(chrome.dateTime(earlier)), chrome))</p>"
        case nil: break
        }
        let rows: [HTML] = page.imports.map { snapshot in
            """
            <tr><td data-label="\(t(.importedOn, chrome))"><a href="\(SiteURL.placeImport(snapshot.id).path)">\(chrome.dateTime(snapshot.importedAt))</a></td>
            <td data-label="\(t(.importList, chrome))">\(t(.list(snapshot.list), chrome))</td><td data-label="\(t(.rows, chrome))">\(snapshot.rows)</td>
            <td data-label="\(t(.added, chrome))">\(snapshot.added)</td><td data-label="\(t(.removed, chrome))">\(snapshot.removed)</td></tr>
            """
        }
        let lists = AgreementList.allCases.map { (value: $0.rawValue, label: t(.list($0), chrome)) }
        let body: HTML = """
        <h1>\(t(.importsTitle, chrome))</h1><p>\(t(.importsIntro, chrome))</p>
        \(message)
        <form method="post" action="\(chrome.uploadAction(SiteURL.placeImports.path))" enctype="multipart/form-data">
        \(Form.select("list", label: t(.importList, chrome), options: lists, selected: AgreementList.participating.rawValue))
        <div class="field"><label for="file">\(t(.importFile, chrome))</label><input id="file" name="file" type="file" required accept=".xlsx,.csv,text/csv"></div>
        <button type="submit">\(t(.importButton, chrome))</button></form>
        \(page.imports.isEmpty ? HTML("<p>\(t(.noImports, chrome))</p>") : HTML("<table class=\"cards\" id=\"imports\"><thead><tr><th scope=\"col\">\(t(.importedOn, chrome))</th><th scope=\"col\">\(t(.importList, chrome))</th><th scope=\"col\">\(t(.rows, chrome))</th><th scope=\"col\">\(t(.added, chrome))</th><th scope=\"col\">\(t(.removed, chrome))</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return Layout.page(chrome, title: t(.importsTitle, chrome), body: body)
    }

    static func render(_ page: PlaceImportPage, _ chrome: Chrome) -> HTML {
        func list(_ changes: [ChangedAgreement], id: String) -> HTML {
            let items: [HTML] = changes.map { "<li>\($0.agency) (\($0.state)) · \(t(.model($0.model), chrome))</li>" }.sorted { $0.rendered < $1.rendered }
            return items.isEmpty ? "<p>—</p>" : "<ul id=\"\(id)\">\(items)</ul>"
        }
        let warnings: [HTML] = page.warnings.map { "<li>\(t(.warning(row: $0.row, column: $0.column, value: $0.value), chrome))</li>" }
        let snapshot = page.snapshot
        let body: HTML = """
        <h1>\(t(.changesTitle, chrome))</h1>
        <p class="notice" role="status">\(t(.imported(added: snapshot.added, removed: snapshot.removed, unchanged: snapshot.unchanged), chrome))</p>
        \(warnings.isEmpty ? HTML.empty : HTML("<ul class=\"warnings\">\(warnings)</ul>"))
        <p>\(snapshot.fileName) · \(chrome.dateTime(snapshot.importedAt))</p>
        <h2>\(t(.added, chrome)) (\(snapshot.added))</h2>\(list(page.added, id: "added"))
        <h2>\(t(.removed, chrome)) (\(snapshot.removed))</h2>\(list(page.removed, id: "removed"))
        <p><a href="\(SiteURL.placeImports.path)">\(t(.importsTitle, chrome))</a> · <a href="\(SiteURL.places.path)">\(t(.navPlaces, chrome))</a></p>
        """
        return Layout.page(chrome, title: t(.changesTitle, chrome), body: body)
    }

    static func agreementsTable(_ agreements: [AgreementLine], _ chrome: Chrome) -> HTML {
        guard !agreements.isEmpty else { return "<p>\(t(.noAgreements, chrome))</p>" }
        let status = Text.cases(.status).in(chrome.language)
        // A few imports date hundreds of agreements: each day is formatted once.
        var days: [Date: String] = [:]
        for date in Set(agreements.compactMap(\.listedSince)) { days[date] = chrome.day(date) }
        let rows: [HTML] = agreements.map { line in
            let kind = line.agencyKind.map { t(.agencyKind($0), chrome) } ?? "—"
            let link: HTML = line.moaLink.map { HTML("<a href=\"\($0)\" rel=\"noopener noreferrer\">MOA</a>") } ?? "—"
            return """
            <tr><td data-label="\(t(.agency, chrome))">\(line.agency)</td><td data-label="\(t(.kindLabel, chrome))">\(kind)</td>
            <td data-label="\(t(.county, chrome))">\(line.county ?? "—")</td><td data-label="287(g)">\(t(.model(line.model), chrome))</td>
            <td data-label="\(t(.signed, chrome))">\(line.signedOn ?? "—")</td><td data-label="\(status)">\(t(.agreementStatus(line.status), chrome))</td>
            <td data-label="\(t(.since, chrome))">\(line.listedSince.flatMap { days[$0] } ?? "—")</td>
            <td data-label="\(t(.moa, chrome))">\(link)</td></tr>
            """
        }
        return """
        <table class="cards" id="agreements"><caption>\(t(.agreements, chrome))</caption><thead><tr><th scope="col">\(t(.agency, chrome))</th><th scope="col">\(t(.kindLabel, chrome))</th>
        <th scope="col">\(t(.county, chrome))</th><th scope="col">287(g)</th><th scope="col">\(t(.signed, chrome))</th><th scope="col">\(status)</th>
        <th scope="col">\(t(.since, chrome))</th><th scope="col">\(t(.moa, chrome))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    private static func problem(_ problem: PlaceProblem?, _ chrome: Chrome) -> HTML {
        switch problem {
        case .policyRefused?: Form.errorSummary([t(.errorPolicy, chrome)], language: chrome.language)
        case nil: .empty
        }
    }

    private static func policyList(_ policies: [PolicyRecord], inherited: [PolicyRecord], _ chrome: Chrome) -> HTML {
        let all = policies.map { ($0, false) } + inherited.map { ($0, true) }
        guard !all.isEmpty else { return "<p>\(t(.noPolicies, chrome))</p>" }
        let items: [HTML] = all.map { policy, fromState in
            let document: HTML = policy.documentURL.map { HTML(" · <a href=\"\($0)\" rel=\"noopener noreferrer\">\(t(.document, chrome))</a>") } ?? .empty
            return """
            <li><strong>\(t(.policyKind(policy.kind), chrome))</strong>: \(t(.position(policy.position), chrome)) · \(t(.instrument(policy.instrument), chrome)) · \(t(.effective, chrome)) \(policy.effectiveOn)\(document)\(fromState ? HTML(" <span class=\"hint\">(\(t(.fromState, chrome)))</span>") : .empty)\
            \(policy.criteria.map { HTML("<p class=\"note\">\($0)</p>") })</li>
            """
        }
        return "<ul class=\"policies\">\(items)</ul>"
    }

    /// For members who record policies; `path` is the place's page.
    private static func policyForm(_ path: String, _ chrome: Chrome) -> HTML {
        let kinds = PolicyKind.allCases.map { (value: $0.rawValue, label: t(.policyKind($0), chrome)) }
        let positions = PolicyKind.allCases.flatMap { kind in kind.positions.map { (value: $0.rawValue, label: "\(t(.policyKind(kind), chrome)): \(t(.position($0), chrome))") } }
        let instruments = PolicyInstrument.allCases.map { (value: $0.rawValue, label: t(.instrument($0), chrome)) }
        return """
        <details><summary>\(t(.recordPolicy, chrome))</summary><form method="post" action="\(path)/policies">\(chrome.csrfField)
        \(Form.select("kind", label: t(.kindOfPolicy, chrome), options: kinds, selected: nil))
        \(Form.select("position", label: t(.positionLabel, chrome), options: positions, selected: nil))
        \(Form.select("instrument", label: t(.instrumentLabel, chrome), options: instruments, selected: nil))
        \(Form.field("effectiveOn", label: t(.effective, chrome), type: "date"))
        \(Form.field("document", label: t(.document, chrome), type: "url", extra: " maxlength=\"500\""))
        \(Form.textarea("criteria", label: t(.criteria, chrome), value: "", hint: nil, error: nil, maxLength: 2000, required: false))
        <button type="submit">\(t(.savePolicy, chrome))</button></form></details>
        """
    }
}
