import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

enum CampaignViews {
    private static func t(_ text: CampaignsText, _ req: Request) -> String { Text.campaigns(text).in(req.language) }

    static func placeName(_ place: JurisdictionModel?) -> String {
        guard let place else { return "—" }
        return place.kind == "county" ? "\(place.name), \(place.stateCode)" : place.name
    }

    static func list(_ req: Request, problem: Text?) async throws -> Response {
        let l = req.language
        let campaigns = try await CampaignModel.query(on: req.db).sort(\.$createdAt, .descending).all()
        let places = Dictionary(uniqueKeysWithValues: try await JurisdictionModel.query(on: req.db).filter(\.$id ~~ Set(campaigns.map(\.jurisdictionID))).all().map { ($0.id!, $0) })
        let rows: [HTML] = campaigns.map { campaign in
            let goal = CampaignGoal(rawValue: campaign.goal).map { t(.goal($0), req) } ?? campaign.goal
            let status = CampaignStatus(rawValue: campaign.status).map { t(.status($0), req) } ?? campaign.status
            return """
            <tr><td data-label="\(t(.title, req))"><a href="/campaigns/\(campaign.id!.uuidString)">\(campaign.title)</a></td>
            <td data-label="\(t(.place, req))">\(placeName(places[campaign.jurisdictionID]))</td><td data-label="\(t(.goalLabel, req))">\(goal)</td>
            <td data-label="\(t(.statusLabel, req))">\(status)</td></tr>
            """
        }
        let goals = CampaignGoal.allCases.map { (value: $0.rawValue, label: t(.goal($0), req)) }
        let body: HTML = """
        <h1>\(t(.listTitle, req))</h1><p>\(t(.listIntro, req))</p>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(campaigns.isEmpty ? HTML("<p>\(t(.noCampaigns, req))</p>") : HTML("<table class=\"cards\" id=\"campaigns\"><thead><tr><th scope=\"col\">\(t(.title, req))</th><th scope=\"col\">\(t(.place, req))</th><th scope=\"col\">\(t(.goalLabel, req))</th><th scope=\"col\">\(t(.statusLabel, req))</th></tr></thead><tbody>\(rows)</tbody></table>"))
        <h2>\(t(.newCampaign, req))</h2>
        <form method="post" action="/campaigns">\(Layout.csrfField(req.visitor))
        \(Form.field("title", label: t(.title, req), extra: " maxlength=\"200\""))
        \(Form.field("place", label: t(.place, req), hint: t(.placeHint, req), extra: " maxlength=\"200\""))
        \(Form.select("goal", label: t(.goalLabel, req), options: goals, selected: nil))
        <button type="submit">\(t(.create, req))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.listTitle, req), body: body), status: problem == nil ? .ok : .unprocessableEntity)
    }

    static func page(_ req: Request, _ campaign: CampaignModel, problem: Text?) async throws -> Response {
        let l = req.language, csrf = Layout.csrfField(req.visitor), id = campaign.id!.uuidString
        let place = try await JurisdictionModel.find(campaign.jurisdictionID, on: req.db)
        let actions = try await CampaignActionModel.query(on: req.db).filter(\.$campaignID == campaign.id!).sort(\.$onDay).all()
        let officials = try await DecisionMakerModel.query(on: req.db).filter(\.$campaignID == campaign.id!).sort(\.$name).all()
        let letters = try await LetterModel.query(on: req.db).filter(\.$campaignID == campaign.id!).sort(\.$createdAt).all()
        let counts = try await LetterSignatureModel.query(on: req.db).filter(\.$letterID ~~ letters.compactMap(\.id)).filter(\.$confirmedAt != nil).all()
        let signed = Dictionary(grouping: counts, by: \.letterID).mapValues(\.count)
        let actionItems: [HTML] = actions.map { action in
            let kind = CampaignActionKind(rawValue: action.kind).map { t(.actionKind($0), req) } ?? action.kind
            return "<li><strong>\(action.onDay)</strong> · \(kind)\(action.note.map { " · \($0)" } ?? "")</li>"
        }
        let officialItems: [HTML] = officials.map { "<li>\($0.name) · \($0.office)\($0.publicContact.map { " · \($0)" } ?? "")</li>" }
        let letterItems: [HTML] = letters.map { letter in
            """
            <li><a href="/letters/\(letter.id!.uuidString)">\(letter.title)</a> · \(t(.signatures(signed[letter.id!] ?? 0), req)) · \
            <a href="/campaigns/\(id)/letters/\(letter.id!.uuidString)/signatures">\(t(.exportSignatures, req))</a></li>
            """
        }
        let goal = CampaignGoal(rawValue: campaign.goal).map { t(.goal($0), req) } ?? campaign.goal
        let statuses = CampaignStatus.allCases.map { (value: $0.rawValue, label: t(.status($0), req)) }
        let kinds = CampaignActionKind.allCases.map { (value: $0.rawValue, label: t(.actionKind($0), req)) }
        let body: HTML = """
        <h1>\(campaign.title)</h1>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        <p>\(place.map { HTML("<a href=\"\(SiteURL.place($0).path)\">\(placeName($0))</a>") }) · \(goal) · <strong id="campaign-status">\(CampaignStatus(rawValue: campaign.status).map { t(.status($0), req) } ?? campaign.status)</strong></p>
        \(campaign.outcome.map { HTML("<p class=\"note\">\($0)</p>") })
        <h2>\(t(.officials, req))</h2>\(officialItems.isEmpty ? HTML("<p>\(t(.noOfficials, req))</p>") : HTML("<ul id=\"officials\">\(officialItems)</ul>"))
        <details><summary>\(t(.addOfficial, req))</summary><form method="post" action="/campaigns/\(id)/officials">\(csrf)
        \(Form.field("name", label: t(.officialName, req), extra: " maxlength=\"200\""))
        \(Form.field("office", label: t(.office, req), extra: " maxlength=\"200\""))
        \(Form.field("publicContact", label: t(.publicContact, req), required: false, extra: " maxlength=\"300\""))
        <button type="submit">\(t(.addOfficial, req))</button></form></details>
        <h2>\(t(.actions, req))</h2>\(actionItems.isEmpty ? HTML("<p>\(t(.noActions, req))</p>") : HTML("<ol id=\"actions\">\(actionItems)</ol>"))
        <details><summary>\(t(.addAction, req))</summary><form method="post" action="/campaigns/\(id)/actions">\(csrf)
        \(Form.select("kind", label: t(.actionKindLabel, req), options: kinds, selected: nil))
        \(Form.field("onDay", label: t(.onDay, req), type: "date"))
        \(Form.field("note", label: t(.note, req), required: false, extra: " maxlength=\"1000\""))
        <button type="submit">\(t(.addAction, req))</button></form></details>
        <h2>\(t(.letters, req))</h2>\(letterItems.isEmpty ? HTML("<p>\(t(.noLetters, req))</p>") : HTML("<ul id=\"letters\">\(letterItems)</ul>"))
        <details><summary>\(t(.newLetter, req))</summary><form method="post" action="/campaigns/\(id)/letters">\(csrf)
        \(Form.field("title", label: t(.letterTitle, req), extra: " maxlength=\"200\""))
        \(Form.textarea("body", label: t(.letterBody, req), value: "", hint: nil, error: nil, maxLength: 4000))
        <button type="submit">\(t(.createLetter, req))</button></form></details>
        <h2>\(t(.outcome, req))</h2>
        <form method="post" action="/campaigns/\(id)/status">\(csrf)
        \(Form.select("status", label: t(.statusLabel, req), options: statuses, selected: campaign.status))
        \(Form.textarea("outcome", label: t(.outcome, req), value: campaign.outcome ?? "", hint: nil, error: nil, maxLength: 2000, required: false))
        <fieldset><legend>\(t(.wonPolicy, req))</legend><p class="hint">\(t(.wonPolicyHint, req))</p>
        \(Form.select("kind", label: Text.places(.kindOfPolicy).in(l), options: [(value: "", label: "—")] + PolicyKind.allCases.map { (value: $0.rawValue, label: Text.places(.policyKind($0)).in(l)) }, selected: "", id: "won-kind"))
        \(Form.select("position", label: Text.places(.positionLabel).in(l), options: PolicyKind.allCases.flatMap { kind in kind.positions.map { (value: $0.rawValue, label: "\(Text.places(.policyKind(kind)).in(l)): \(Text.places(.position($0)).in(l))") } }, selected: nil))
        \(Form.select("instrument", label: Text.places(.instrumentLabel).in(l), options: PolicyInstrument.allCases.map { (value: $0.rawValue, label: Text.places(.instrument($0)).in(l)) }, selected: nil))
        \(Form.field("effectiveOn", label: Text.places(.effective).in(l), type: "date", required: false))
        \(Form.field("document", label: Text.places(.document).in(l), type: "url", required: false, extra: " maxlength=\"500\""))
        </fieldset>
        <button type="submit">\(t(.saveStatus, req))</button></form>
        """
        return htmlResponse(Layout.page(req, title: campaign.title, body: body), status: problem == nil ? .ok : .unprocessableEntity)
    }
}
