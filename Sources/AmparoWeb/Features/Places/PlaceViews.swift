import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

enum PlaceViews {
    private static func t(_ text: PlacesText, _ req: Request) -> String { Text.places(text).in(req.language) }

    static func path(_ place: JurisdictionModel) -> String {
        place.kind == "county" ? "/places/\(place.stateCode.lowercased())/\(place.slug)" : "/places/\(place.stateCode.lowercased())"
    }

    private static func downloads(_ req: Request, _ path: String) -> HTML {
        "<p>\(t(.download, req)): <a href=\"\(path)?format=csv\">CSV</a> · <a href=\"\(path)?format=json\">JSON</a></p>"
    }

    static func states(_ req: Request, counts: [String: [AgreementModel: Int]]) -> Response {
        let models = AgreementModel.allCases
        let rows: [HTML] = USState.all.map { state in
            let byModel = counts[state.code] ?? [:]
            let cells: [HTML] = models.map { "<td data-label=\"\(t(.model($0), req))\">\(byModel[$0] ?? 0)</td>" }
            return "<tr><td data-label=\"\(t(.state, req))\"><a href=\"/places/\(state.code.lowercased())\">\(state.name)</a></td>\(cells)<td data-label=\"\(t(.total, req))\">\(byModel.values.reduce(0, +))</td></tr>"
        }
        let heads: [HTML] = models.map { "<th scope=\"col\">\(t(.model($0), req))</th>" }
        let body: HTML = """
        <h1>\(t(.statesTitle, req))</h1><p>\(t(.statesIntro, req))</p>
        <p><a href="/places/map">\(t(.mapTitle, req))</a></p>
        \(downloads(req, "/places"))
        <table class="cards" id="states"><caption>\(t(.agreements, req))</caption><thead><tr><th scope="col">\(t(.state, req))</th>\(heads)<th scope="col">\(t(.total, req))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
        return htmlResponse(Layout.page(req, title: t(.statesTitle, req), body: body), status: .ok)
    }

    static func agreementsTable(_ req: Request, _ agreements: [PlaceQueries.AgreementLine]) -> HTML {
        guard !agreements.isEmpty else { return "<p>\(t(.noAgreements, req))</p>" }
        let zone = req.amparo.config.timeZone
        // A few imports date hundreds of agreements: each day is formatted once.
        var days: [Date: String] = [:]
        for date in Set(agreements.compactMap(\.listedSince)) { days[date] = String(LocalDateTime.format(date, timeZone: zone).prefix(10)) }
        let rows: [HTML] = agreements.map { line in
            let model = AgreementModel(rawValue: line.model).map { t(.model($0), req) } ?? line.model
            let status = AgreementStatus(rawValue: line.status).map { t(.agreementStatus($0), req) } ?? line.status
            let kind = line.agencyKind.flatMap(AgencyKind.init(rawValue:)).map { t(.agencyKind($0), req) } ?? "—"
            let link: HTML = line.moaLink.map { HTML("<a href=\"\($0)\" rel=\"noopener noreferrer\">MOA</a>") } ?? "—"
            return """
            <tr><td data-label="\(t(.agency, req))">\(line.agency)</td><td data-label="\(t(.kindLabel, req))">\(kind)</td>
            <td data-label="\(t(.county, req))">\(line.county ?? "—")</td><td data-label="287(g)">\(model)</td>
            <td data-label="\(t(.signed, req))">\(line.signedOn ?? "—")</td><td data-label="\(Text.cases(.status).in(req.language))">\(status)</td>
            <td data-label="\(t(.since, req))">\(line.listedSince.flatMap { days[$0] } ?? "—")</td>
            <td data-label="\(t(.moa, req))">\(link)</td></tr>
            """
        }
        return """
        <table class="cards" id="agreements"><caption>\(t(.agreements, req))</caption><thead><tr><th scope="col">\(t(.agency, req))</th><th scope="col">\(t(.kindLabel, req))</th>
        <th scope="col">\(t(.county, req))</th><th scope="col">287(g)</th><th scope="col">\(t(.signed, req))</th><th scope="col">\(Text.cases(.status).in(req.language))</th>
        <th scope="col">\(t(.since, req))</th><th scope="col">\(t(.moa, req))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    static func state(_ req: Request, state: USState, place: JurisdictionModel, agreements: [PlaceQueries.AgreementLine],
                      counties: [JurisdictionModel], problem: Text? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let policies = try await PlaceQueries.policies(of: place, on: req.db)
        let countyLinks: [HTML] = counties.map { "<li><a href=\"\(path($0))\">\($0.name)</a>\($0.fips.map { " <span class=\"hint\">(\($0))</span>" } ?? "")</li>" }
        let body: HTML = """
        <h1>\(state.name) <span class="hint">FIPS \(state.fips)</span></h1>
        \(problem.map { Form.errorSummary([$0.in(req.language)], language: req.language) })
        <h2>\(t(.policies, req))</h2>\(policyList(req, policies, inherited: []))
        \(policyForm(req, place))
        <h2>\(t(.agreements, req))</h2>
        \(downloads(req, path(place)))
        \(agreementsTable(req, agreements))
        <h2>\(t(.counties, req))</h2>
        \(countyLinks.isEmpty ? HTML("<p>—</p>") : HTML("<ul class=\"columns\">\(countyLinks)</ul>"))
        """
        return htmlResponse(Layout.page(req, title: state.name, body: body), status: status)
    }

    static func county(_ req: Request, state: USState, statePlace: JurisdictionModel, county: JurisdictionModel,
                       agreements: [PlaceQueries.AgreementLine], problem: Text? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let own = try await PlaceQueries.policies(of: county, on: req.db)
        let stateLaws = try await PlaceQueries.policies(of: statePlace, on: req.db)
        let facilities = try await FacilityModel.query(on: req.db).filter(\.$state == state.code).sort(\.$name).all()
            .filter { Normalized.words($0.county ?? "") == county.nameKey || Normalized.words(($0.county ?? "") + " County") == county.nameKey }
        // What governs now, kind by kind: the county's own policy unless a state law is more protective or requires cooperation.
        let governing: [HTML] = PolicyKind.allCases.compactMap { kind in
            let local = own.first { $0.kind == kind.rawValue }, fromState = stateLaws.first { $0.kind == kind.rawValue }
            guard let resolved = GoverningPolicy.resolve(kind: kind, local: local.flatMap { PolicyPosition(rawValue: $0.position) },
                                                         state: fromState.flatMap { PolicyPosition(rawValue: $0.position) }) else { return nil }
            let source = resolved.source == .local ? t(.fromCounty, req) : t(.fromState, req)
            return "<li><strong>\(t(.policyKind(kind), req))</strong>: \(t(.position(resolved.position), req)) <span class=\"hint\">(\(source))</span></li>"
        }
        let campaigns = try await CampaignModel.query(on: req.db).filter(\.$jurisdictionID == county.id!).sort(\.$createdAt, .descending).all()
        let letters = Dictionary(grouping: try await LetterModel.query(on: req.db).filter(\.$campaignID ~~ campaigns.compactMap(\.id)).filter(\.$open == true).all(), by: \.campaignID)
        let campaignItems: [HTML] = campaigns.map { campaign in
            let goal = CampaignGoal(rawValue: campaign.goal).map { Text.campaigns(.goal($0)).in(req.language) } ?? campaign.goal
            let status = CampaignStatus(rawValue: campaign.status).map { Text.campaigns(.status($0)).in(req.language) } ?? campaign.status
            let signLinks: [HTML] = (letters[campaign.id!] ?? []).map { " · <a href=\"/letters/\($0.id!.uuidString)\">\($0.title)</a>" }
            return "<li><strong>\(campaign.title)</strong> · \(goal) · \(status)\(signLinks)</li>"
        }
        let facilityItems: [HTML] = facilities.map { "<li>\($0.name)\($0.city.map { ", \($0)" } ?? "")</li>" }
        let body: HTML = """
        <h1>\(county.name), \(state.name)\(county.fips.map { HTML(" <span class=\"hint\">FIPS \($0)</span>") })</h1>
        \(problem.map { Form.errorSummary([$0.in(req.language)], language: req.language) })
        <p><a href="\(path(statePlace))">\(state.name)</a></p>
        <h2>\(t(.governing, req))</h2>\(governing.isEmpty ? HTML("<p>\(t(.noPolicies, req))</p>") : HTML("<ul id=\"governing\">\(governing)</ul>"))
        <h2>\(t(.history, req))</h2>\(policyList(req, own, inherited: stateLaws))
        \(policyForm(req, county))
        <h2>\(t(.agreements, req))</h2>
        \(downloads(req, path(county)))
        \(agreementsTable(req, agreements))
        \(campaignItems.isEmpty ? HTML.empty : HTML("<h2>\(Text.campaigns(.publicCampaigns).in(req.language))</h2><ul id=\"campaigns\">\(campaignItems)</ul>"))
        <h2>\(t(.facilities, req))</h2>\(facilityItems.isEmpty ? HTML("<p>\(t(.noFacilities, req))</p>") : HTML("<ul>\(facilityItems)</ul>"))
        """
        return htmlResponse(Layout.page(req, title: "\(county.name), \(state.code)", body: body), status: status)
    }

    /// The state or county page again, with a problem to show (a policy form that did not validate).
    static func page(_ req: Request, place: JurisdictionModel, state: USState, statePlace: JurisdictionModel, problem: Text) async throws -> Response {
        if place.kind == "county" {
            let agreements = try await PlaceQueries.agreements(state: state.code, county: place, includeEnded: true, on: req.db)
            return try await county(req, state: state, statePlace: statePlace, county: place, agreements: agreements, problem: problem, status: .unprocessableEntity)
        }
        let agreements = try await PlaceQueries.agreements(state: state.code, on: req.db)
        let counties = try await JurisdictionModel.query(on: req.db).filter(\.$kind == "county").filter(\.$stateCode == state.code).sort(\.$name).all()
        return try await self.state(req, state: state, place: place, agreements: agreements, counties: counties, problem: problem, status: .unprocessableEntity)
    }

    private static func policyList(_ req: Request, _ policies: [PolicyModel], inherited: [PolicyModel]) -> HTML {
        let all = policies.map { ($0, false) } + inherited.map { ($0, true) }
        guard !all.isEmpty else { return "<p>\(t(.noPolicies, req))</p>" }
        let items: [HTML] = all.map { policy, fromState in
            let kind = PolicyKind(rawValue: policy.kind).map { t(.policyKind($0), req) } ?? policy.kind
            let position = PolicyPosition(rawValue: policy.position).map { t(.position($0), req) } ?? policy.position
            let instrument = PolicyInstrument(rawValue: policy.instrument).map { t(.instrument($0), req) } ?? policy.instrument
            let document: HTML = policy.documentURL.map { HTML(" · <a href=\"\($0)\" rel=\"noopener noreferrer\">\(t(.document, req))</a>") } ?? .empty
            return """
            <li><strong>\(kind)</strong>: \(position) · \(instrument) · \(t(.effective, req)) \(policy.effectiveOn)\(document)\(fromState ? HTML(" <span class=\"hint\">(\(t(.fromState, req)))</span>") : .empty)\
            \(policy.criteria.map { HTML("<p class=\"note\">\($0)</p>") })</li>
            """
        }
        return "<ul class=\"policies\">\(items)</ul>"
    }

    /// For members who record policies; nothing for the public.
    private static func policyForm(_ req: Request, _ place: JurisdictionModel) -> HTML {
        guard req.visitor.isSignedIn, req.visitor.role?.can(.managePlaces) == true else { return .empty }
        let kinds = PolicyKind.allCases.map { (value: $0.rawValue, label: t(.policyKind($0), req)) }
        let positions = PolicyKind.allCases.flatMap { kind in kind.positions.map { (value: $0.rawValue, label: "\(t(.policyKind(kind), req)): \(t(.position($0), req))") } }
        let instruments = PolicyInstrument.allCases.map { (value: $0.rawValue, label: t(.instrument($0), req)) }
        return """
        <details><summary>\(t(.recordPolicy, req))</summary><form method="post" action="\(path(place))/policies">\(Layout.csrfField(req.visitor))
        \(Form.select("kind", label: t(.kindOfPolicy, req), options: kinds, selected: nil))
        \(Form.select("position", label: t(.positionLabel, req), options: positions, selected: nil))
        \(Form.select("instrument", label: t(.instrumentLabel, req), options: instruments, selected: nil))
        \(Form.field("effectiveOn", label: t(.effective, req), type: "date"))
        \(Form.field("document", label: t(.document, req), type: "url", extra: " maxlength=\"500\""))
        \(Form.textarea("criteria", label: t(.criteria, req), value: "", hint: nil, error: nil, maxLength: 2000, required: false))
        <button type="submit">\(t(.savePolicy, req))</button></form></details>
        """
    }

    static func imports(_ req: Request, outcome: AgreementImporter.Outcome?, status: HTTPResponseStatus) async throws -> Response {
        let l = req.language, zone = req.amparo.config.timeZone
        let snapshots = try await AgreementImportModel.query(on: req.db).sort(\.$importedAt, .descending).limit(50).all()
        var message: HTML = .empty
        switch outcome {
        case .refused(let problem)?:
            message = Form.errorSummary([t(.refused(row: problem.row, column: problem.column, value: problem.value, reason: problem.reason), req)], language: l)
        case .unreadable?: message = Form.errorSummary([t(.unreadable, req)], language: l)
        case .alreadyImported(let earlier)?: message = "<p class=\"notice\" role=\"status\">\(t(.alreadyImported(LocalDateTime.format(earlier.importedAt, timeZone: zone)), req))</p>"
        case .imported?, nil: break
        }
        let rows: [HTML] = snapshots.map { snapshot in
            let list = AgreementList(rawValue: snapshot.list).map { t(.list($0), req) } ?? snapshot.list
            return """
            <tr><td data-label="\(t(.importedOn, req))"><a href="/places/imports/\(snapshot.id!.uuidString)">\(LocalDateTime.format(snapshot.importedAt, timeZone: zone))</a></td>
            <td data-label="\(t(.importList, req))">\(list)</td><td data-label="\(t(.rows, req))">\(snapshot.rows)</td>
            <td data-label="\(t(.added, req))">\(snapshot.added)</td><td data-label="\(t(.removed, req))">\(snapshot.removed)</td></tr>
            """
        }
        let lists = AgreementList.allCases.map { (value: $0.rawValue, label: t(.list($0), req)) }
        let body: HTML = """
        <h1>\(t(.importsTitle, req))</h1><p>\(t(.importsIntro, req))</p>
        \(message)
        <form method="post" action="/places/imports" enctype="multipart/form-data">\(Layout.csrfField(req.visitor))
        \(Form.select("list", label: t(.importList, req), options: lists, selected: "participating"))
        <div class="field"><label for="file">\(t(.importFile, req))</label><input id="file" name="file" type="file" required accept=".xlsx,.csv,text/csv"></div>
        <button type="submit">\(t(.importButton, req))</button></form>
        \(snapshots.isEmpty ? HTML("<p>\(t(.noImports, req))</p>") : HTML("<table class=\"cards\" id=\"imports\"><thead><tr><th scope=\"col\">\(t(.importedOn, req))</th><th scope=\"col\">\(t(.importList, req))</th><th scope=\"col\">\(t(.rows, req))</th><th scope=\"col\">\(t(.added, req))</th><th scope=\"col\">\(t(.removed, req))</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return htmlResponse(Layout.page(req, title: t(.importsTitle, req), body: body), status: status)
    }

    static func importResult(_ req: Request, snapshot: AgreementImportModel, outcome: AgreementImporter.Outcome?) async throws -> Response {
        let l = req.language
        let changes = try await AgreementChangeModel.query(on: req.db).filter(\.$importID == snapshot.id!).all()
        let agreements = try await AgreementRecordModel.query(on: req.db).filter(\.$id ~~ changes.map(\.agreementID)).all()
        let agencies = Dictionary(uniqueKeysWithValues: try await AgencyModel.query(on: req.db).filter(\.$id ~~ Set(agreements.map(\.agencyID))).all().map { ($0.id!, $0) })
        let byID = Dictionary(uniqueKeysWithValues: agreements.map { ($0.id!, $0) })
        func list(_ change: String) -> HTML {
            let items: [HTML] = changes.filter { $0.change == change }.compactMap { byID[$0.agreementID] }.compactMap { agreement in
                guard let agency = agencies[agreement.agencyID] else { return nil }
                let model = AgreementModel(rawValue: agreement.model).map { t(.model($0), req) } ?? agreement.model
                return "<li>\(agency.name) (\(agency.stateCode)) · \(model)</li>"
            }.sorted { $0.rendered < $1.rendered }
            return items.isEmpty ? "<p>—</p>" : "<ul id=\"\(change)\">\(items)</ul>"
        }
        var warnings: [HTML] = []
        if case .imported(_, let problems)? = outcome {
            warnings = problems.map { "<li>\(t(.warning(row: $0.row, column: $0.column, value: $0.value), req))</li>" }
        }
        let body: HTML = """
        <h1>\(t(.changesTitle, req))</h1>
        <p class="notice" role="status">\(t(.imported(added: snapshot.added, removed: snapshot.removed, unchanged: snapshot.unchanged), req))</p>
        \(warnings.isEmpty ? HTML.empty : HTML("<ul class=\"warnings\">\(warnings)</ul>"))
        <p>\(snapshot.fileName) · \(LocalDateTime.format(snapshot.importedAt, timeZone: req.amparo.config.timeZone))</p>
        <h2>\(t(.added, req)) (\(snapshot.added))</h2>\(list("added"))
        <h2>\(t(.removed, req)) (\(snapshot.removed))</h2>\(list("removed"))
        <p><a href="/places/imports">\(t(.importsTitle, req))</a> · <a href="/places">\(Text.places(.navPlaces).in(l))</a></p>
        """
        return htmlResponse(Layout.page(req, title: t(.changesTitle, req), body: body), status: .ok)
    }
}
