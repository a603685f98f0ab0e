import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /campaigns: every campaign, newest first, and the form for a new one (kept when refused).
struct CampaignsPage: Sendable, Equatable, Codable {
    struct Typed: Sendable, Equatable, Codable {
        var title = ""
        var place = ""
        var goal = ""
    }

    let campaigns: [CampaignRecord]
    var typed = Typed()
    var refused = false
}

/// /campaigns/<id>: the target and goal, decision makers, the timeline, letters with their
/// signatures, and the outcome (with the policy a won campaign brings).
struct CampaignPage: Sendable, Equatable, Codable {
    /// Which of the page's forms came back refused; its fields show what was typed.
    enum Refused: String, Sendable, Equatable, Codable, CaseIterable { case step, official, status, policy, letter }

    let campaign: CampaignRecord
    let steps: [CampaignStep]
    let decisionMakers: [DecisionMaker]
    let letters: [LetterRecord]
    var refused: Refused?
    /// What was typed into the refused form, by field name.
    var typed: [String: String] = [:]
}

/// /letters/<id>: a sign-on letter, its confirmed signers and the form for organizations (public).
struct LetterPage: Sendable, Equatable, Codable {
    enum Problem: String, Sendable, Equatable, Codable, CaseIterable { case invalid, closed, tooMany }

    struct Typed: Sendable, Equatable, Codable {
        var organization = ""
        var type = ""
        var city = ""
        var email = ""
    }

    let letter: LetterRecord
    let signers: [LetterSigner]
    var typed = Typed()
    var problem: Problem?
    /// The confirmation link was sent.
    var checkEmail = false
}

enum CampaignRenderer {
    private static func t(_ text: CampaignsText, _ l: Language) -> String { Text.campaigns(text).in(l) }

    static func placeName(_ place: PlaceRecord?) -> String {
        guard let place else { return "—" }
        return place.kind == .county ? "\(place.name), \(place.stateCode)" : place.name
    }

    static func render(_ page: CampaignsPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let rows: [HTML] = page.campaigns.map { campaign in
            """
            <tr><td data-label="\(t(.title, l))"><a href="\(SiteURL.campaign(campaign.id).path)">\(campaign.title)</a></td>
            <td data-label="\(t(.place, l))">\(placeName(campaign.place))</td><td data-label="\(t(.goalLabel, l))">\(t(.goal(campaign.goal), l))</td>
            <td data-label="\(t(.statusLabel, l))">\(t(.status(campaign.status), l))</td></tr>
            """
        }
        let goals = CampaignGoal.allCases.map { (value: $0.rawValue, label: t(.goal($0), l)) }
        let table: HTML = page.campaigns.isEmpty ? "<p>\(t(.noCampaigns, l))</p>" : """
            <table class="cards" id="campaigns"><thead><tr><th scope="col">\(t(.title, l))</th><th scope="col">\(t(.place, l))</th>\
            <th scope="col">\(t(.goalLabel, l))</th><th scope="col">\(t(.statusLabel, l))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
        <h1>\(t(.listTitle, l))</h1><p>\(t(.listIntro, l))</p>
        \(page.refused ? Form.errorSummary([t(.errorCampaign, l)], language: l) : .empty)
        \(table)
        <h2>\(t(.newCampaign, l))</h2>
        <form method="post" action="\(SiteURL.campaigns.path)">\(chrome.csrfField)
        \(Form.field("title", label: t(.title, l), value: page.typed.title, extra: " maxlength=\"200\""))
        \(Form.field("place", label: t(.place, l), value: page.typed.place, hint: t(.placeHint, l), extra: " maxlength=\"200\""))
        \(Form.select("goal", label: t(.goalLabel, l), options: goals, selected: page.typed.goal))
        <button type="submit">\(t(.create, l))</button></form>
        """
        return Layout.page(chrome, title: t(.listTitle, l), body: body)
    }

    static func render(_ page: CampaignPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, csrf = chrome.csrfField, campaign = page.campaign, id = campaign.id
        /// What was typed into `form`'s field when that form came back refused.
        func typed(_ forms: CampaignPage.Refused..., field name: String) -> String { forms.contains { $0 == page.refused } ? page.typed[name] ?? "" : "" }
        func open(_ form: CampaignPage.Refused) -> HTML { page.refused == form ? " open" : .empty }
        let steps: [HTML] = page.steps.map { "<li><strong>\($0.onDay.description)</strong> · \(t(.actionKind($0.kind), l))\($0.note.map { " · \($0)" } ?? "")</li>" }
        let officials: [HTML] = page.decisionMakers.map { "<li>\($0.name) · \($0.office)\($0.publicContact.map { " · \($0)" } ?? "")</li>" }
        let letters: [HTML] = page.letters.map { letter in
            """
            <li><a href="\(SiteURL.letter(letter.id).path)">\(letter.title)</a> · \(t(.signatures(letter.signatures), l)) · \
            <a href="\(SiteURL.letterSignatures(id, letter.id).path)">\(t(.exportSignatures, l))</a></li>
            """
        }
        let problem: Text?
        switch page.refused {
        case .step: problem = .campaigns(.errorAction)
        case .official: problem = .campaigns(.errorOfficial)
        case .status: problem = .campaigns(.errorStatus)
        case .policy: problem = .places(.errorPolicy)
        case .letter: problem = .campaigns(.errorLetter)
        case nil: problem = nil
        }
        let statuses = CampaignStatus.allCases.map { (value: $0.rawValue, label: t(.status($0), l)) }
        let kinds = CampaignActionKind.allCases.map { (value: $0.rawValue, label: t(.actionKind($0), l)) }
        let wonStatus = page.refused == .status || page.refused == .policy ? page.typed["status"] ?? campaign.status.rawValue : campaign.status.rawValue
        let outcome = page.refused == .status || page.refused == .policy ? page.typed["outcome"] ?? "" : campaign.outcome ?? ""
        let body: HTML = """
        <h1>\(campaign.title)</h1>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        <p>\(campaign.place.map { HTML("<a href=\"\(SiteURL.place($0).path)\">\(placeName($0))</a>") } ?? "—") · \(t(.goal(campaign.goal), l)) · <strong id="campaign-status">\(t(.status(campaign.status), l))</strong></p>
        \(campaign.outcome.map { HTML("<p class=\"note\">\($0)</p>") })
        <h2>\(t(.officials, l))</h2>\(officials.isEmpty ? HTML("<p>\(t(.noOfficials, l))</p>") : HTML("<ul id=\"officials\">\(officials)</ul>"))
        <details\(open(.official))><summary>\(t(.addOfficial, l))</summary><form method="post" action="\(SiteURL.campaignPart(id, .officials).path)">\(csrf)
        \(Form.field("name", label: t(.officialName, l), value: typed(.official, field: "name"), extra: " maxlength=\"200\""))
        \(Form.field("office", label: t(.office, l), value: typed(.official, field: "office"), extra: " maxlength=\"200\""))
        \(Form.field("publicContact", label: t(.publicContact, l), value: typed(.official, field: "publicContact"), required: false, extra: " maxlength=\"300\""))
        <button type="submit">\(t(.addOfficial, l))</button></form></details>
        <h2>\(t(.actions, l))</h2>\(steps.isEmpty ? HTML("<p>\(t(.noActions, l))</p>") : HTML("<ol id=\"actions\">\(steps)</ol>"))
        <details\(open(.step))><summary>\(t(.addAction, l))</summary><form method="post" action="\(SiteURL.campaignPart(id, .actions).path)">\(csrf)
        \(Form.select("kind", label: t(.actionKindLabel, l), options: kinds, selected: typed(.step, field: "kind")))
        \(Form.field("onDay", label: t(.onDay, l), type: "date", value: typed(.step, field: "onDay")))
        \(Form.field("note", label: t(.note, l), value: typed(.step, field: "note"), required: false, extra: " maxlength=\"1000\""))
        <button type="submit">\(t(.addAction, l))</button></form></details>
        <h2>\(t(.letters, l))</h2>\(letters.isEmpty ? HTML("<p>\(t(.noLetters, l))</p>") : HTML("<ul id=\"letters\">\(letters)</ul>"))
        <details\(open(.letter))><summary>\(t(.newLetter, l))</summary><form method="post" action="\(SiteURL.campaignPart(id, .letters).path)">\(csrf)
        \(Form.field("title", label: t(.letterTitle, l), value: typed(.letter, field: "title"), extra: " maxlength=\"200\""))
        \(Form.textarea("body", label: t(.letterBody, l), value: typed(.letter, field: "body"), hint: nil, error: nil, maxLength: 4000))
        <button type="submit">\(t(.createLetter, l))</button></form></details>
        <h2>\(t(.outcome, l))</h2>
        <form method="post" action="\(SiteURL.campaignPart(id, .status).path)">\(csrf)
        \(Form.select("status", label: t(.statusLabel, l), options: statuses, selected: wonStatus))
        \(Form.textarea("outcome", label: t(.outcome, l), value: outcome, hint: nil, error: nil, maxLength: 2000, required: false))
        <fieldset><legend>\(t(.wonPolicy, l))</legend><p class="hint">\(t(.wonPolicyHint, l))</p>
        \(Form.select("kind", label: Text.places(.kindOfPolicy).in(l), options: [(value: "", label: "—")] + PolicyKind.allCases.map { (value: $0.rawValue, label: Text.places(.policyKind($0)).in(l)) }, selected: typed(.status, .policy, field: "kind"), id: "won-kind"))
        \(Form.select("position", label: Text.places(.positionLabel).in(l), options: PolicyKind.allCases.flatMap { kind in kind.positions.map { (value: $0.rawValue, label: "\(Text.places(.policyKind(kind)).in(l)): \(Text.places(.position($0)).in(l))") } }, selected: typed(.status, .policy, field: "position")))
        \(Form.select("instrument", label: Text.places(.instrumentLabel).in(l), options: PolicyInstrument.allCases.map { (value: $0.rawValue, label: Text.places(.instrument($0)).in(l)) }, selected: typed(.status, .policy, field: "instrument")))
        \(Form.field("effectiveOn", label: Text.places(.effective).in(l), type: "date", value: typed(.status, .policy, field: "effectiveOn"), required: false))
        \(Form.field("document", label: Text.places(.document).in(l), type: "url", value: typed(.status, .policy, field: "document"), required: false, extra: " maxlength=\"500\""))
        </fieldset>
        <button type="submit">\(t(.saveStatus, l))</button></form>
        """
        return Layout.page(chrome, title: campaign.title, body: body)
    }

    static func render(_ page: LetterPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, letter = page.letter, typed = page.typed
        let signers: [HTML] = page.signers.map { "<li>\($0.organization) · \(t(.type($0.type), l)) · \($0.city)</li>" }
        let types = SignerType.allCases.map { (value: $0.rawValue, label: t(.type($0), l)) }
        let problem: Text?
        switch page.problem {
        case .invalid: problem = .campaigns(.errorSign)
        case .closed: problem = .campaigns(.closedLetter)
        case .tooMany: problem = .alerts(.tooMany)
        case nil: problem = nil
        }
        let form: HTML = letter.open ? """
            <h2>\(t(.signTitle, l))</h2><p>\(t(.signIntro, l))</p>
            <form method="post" action="\(SiteURL.letter(letter.id).path)">\(chrome.csrfField)
            \(Form.field("organization", label: t(.organization, l), value: typed.organization, autocomplete: "organization", extra: " maxlength=\"200\""))
            \(Form.select("type", label: t(.signerType, l), options: types, selected: typed.type))
            \(Form.field("city", label: t(.city, l), value: typed.city, autocomplete: "address-level2", extra: " maxlength=\"120\""))
            \(Form.field("email", label: t(.contactEmail, l), type: "email", value: typed.email, hint: t(.contactHint, l), autocomplete: "email", extra: " maxlength=\"254\""))
            <button type="submit">\(t(.sign, l))</button></form>
            """ : "<p>\(t(.closedLetter, l))</p>"
        let body: HTML = """
        <h1>\(letter.title)</h1>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(page.checkEmail ? HTML("<p class=\"notice\" role=\"status\">\(t(.checkEmail, l))</p>") : .empty)
        <div class="note letter">\(letter.body)</div>
        <h2>\(t(.signers, l)) (\(page.signers.count))</h2>
        \(signers.isEmpty ? HTML("<p>\(t(.noSigners, l))</p>") : HTML("<ul id=\"signers\">\(signers)</ul>"))
        \(form)
        """
        return Layout.page(chrome, title: letter.title, body: body)
    }

    /// A confirmation link's page: a button, so that a mail scanner following the link confirms nothing.
    static func confirm(token: String, organization: String, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let body: HTML = """
        <h1>\(t(.confirmTitle, l))</h1><p>\(organization)</p>
        <form method="post" action="\(SiteURL.letterConfirm(token).path)"><button type="submit">\(t(.confirmButton, l))</button></form>
        """
        return Layout.page(chrome, title: t(.confirmTitle, l), body: body)
    }

    static func invalidLink(_ chrome: Chrome) -> HTML {
        let l = chrome.language
        return Layout.page(chrome, title: t(.confirmTitle, l), body: "<h1>\(t(.confirmTitle, l))</h1><p>\(t(.linkInvalid, l))</p>")
    }
}
