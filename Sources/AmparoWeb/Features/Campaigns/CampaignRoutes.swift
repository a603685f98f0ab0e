import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// Organizers run campaigns: a target place and goal, the decision makers, a timeline of actions,
/// the outcome, and sign-on letters (public pages in LetterRoutes). The pages and
/// /api/v1/campaigns serve the same values.
struct CampaignRoutes: RouteCollection {
    let clock: any WallClock
    let sealer: FieldSealer

    func boot(routes: any RoutesBuilder) throws {
        let campaigns = routes.grouped("campaigns")
        campaigns.get(use: list).policy(.member(.runCampaigns))
        campaigns.post(use: create).policy(.member(.runCampaigns))
        campaigns.get(":campaignID", use: show).policy(.member(.runCampaigns))
        campaigns.post(":campaignID", "actions", use: addStep).policy(.member(.runCampaigns))
        campaigns.post(":campaignID", "officials", use: addOfficial).policy(.member(.runCampaigns))
        campaigns.post(":campaignID", "status", use: setStatus).policy(.member(.runCampaigns))
        campaigns.post(":campaignID", "letters", use: addLetter).policy(.member(.runCampaigns))
        campaigns.get(":campaignID", "letters", ":letterID", "signatures", use: exportSignatures).policy(.member(.runCampaigns))

        let api = routes.grouped("api", "v1", "campaigns")
        api.get { try APIResource.json(try await listPage($0), for: $0, cacheable: false) }.policy(.apiToken(.runCampaigns))
        api.get(":campaignID") { try APIResource.json(try await campaignPage($0, try await find($0)), for: $0, cacheable: false) }.policy(.apiToken(.runCampaigns))
    }

    private func store(_ req: Request) -> CampaignsStore { CampaignsStore(req.db, sealer: sealer) }

    func listPage(_ req: Request, typed: CampaignsPage.Typed = .init(), refused: Bool = false) async throws -> CampaignsPage {
        CampaignsPage(campaigns: try await store(req).campaigns(), typed: typed, refused: refused)
    }

    func campaignPage(_ req: Request, _ campaign: CampaignRecord, refused: CampaignPage.Refused? = nil) async throws -> CampaignPage {
        let store = store(req)
        return CampaignPage(campaign: campaign, steps: try await store.steps(of: campaign.id), decisionMakers: try await store.decisionMakers(of: campaign.id),
                            letters: try await store.letters(of: campaign.id), refused: refused, typed: refused == nil ? [:] : req.formValues)
    }

    func list(req: Request) async throws -> Response {
        htmlResponse(CampaignRenderer.render(try await listPage(req), req.chrome))
    }

    func create(req: Request) async throws -> Response {
        let fields = req.formValues
        let typed = CampaignsPage.Typed(title: fields["title"] ?? "", place: fields["place"] ?? "", goal: fields["goal"] ?? "")
        guard let title = try? FormText.field(fields, "title", limit: 200), let goal = CampaignGoal(rawValue: typed.goal),
              let place = try await store(req).place(typed: typed.place) else {
            return htmlResponse(CampaignRenderer.render(try await listPage(req, typed: typed, refused: true), req.chrome), status: .unprocessableEntity)
        }
        let id = try await store(req).create(title: title, place: place.id, goal: goal, by: try req.member(), at: clock.now())
        try await req.audit("campaign.create", recordType: "campaign", recordID: id.rawValue.uuidString)
        return req.redirect(to: SiteURL.campaign(id).path)
    }

    func show(req: Request) async throws -> Response {
        htmlResponse(CampaignRenderer.render(try await campaignPage(req, try await find(req)), req.chrome))
    }

    func addStep(req: Request) async throws -> Response {
        let campaign = try await find(req)
        let fields = req.formValues
        guard let kind = fields["kind"].flatMap(CampaignActionKind.init(rawValue:)), let day = fields["onDay"].flatMap(Day.init),
              let note = try? Optional(FormText.field(fields, "note", limit: 1000)) else {
            return try await refuse(req, campaign, .step)
        }
        try await store(req).add(CampaignStep(kind: kind, onDay: day, note: note), to: campaign.id, at: clock.now())
        return req.redirect(to: SiteURL.campaign(campaign.id).path)
    }

    func addOfficial(req: Request) async throws -> Response {
        let campaign = try await find(req)
        let fields = req.formValues
        guard let name = try? FormText.field(fields, "name", limit: 200), let office = try? FormText.field(fields, "office", limit: 200),
              let contact = try? Optional(FormText.field(fields, "publicContact", limit: 300)) else {
            return try await refuse(req, campaign, .official)
        }
        try await store(req).add(DecisionMaker(name: name, office: office, publicContact: contact), to: campaign.id)
        return req.redirect(to: SiteURL.campaign(campaign.id).path)
    }

    func setStatus(req: Request) async throws -> Response {
        let campaign = try await find(req)
        let fields = req.formValues
        guard let status = fields["status"].flatMap(CampaignStatus.init(rawValue:)), let outcome = try? Optional(FormText.field(fields, "outcome", limit: 2000)) else {
            return try await refuse(req, campaign, .status)
        }
        // A won campaign may bring the new policy: it goes into the place's history with its source.
        var policy: NewPolicy?
        if status == .won, !(fields["kind"] ?? "").isEmpty {
            guard let place = campaign.place, let won = PolicyForm.policy(fields) else { return try await refuse(req, campaign, .policy) }
            policy = NewPolicy(place: place.id, policy: won, recordedBy: try req.member(), recordedAt: clock.now())
        }
        try await store(req).setStatus(status, outcome: outcome, of: campaign.id, policy: policy)
        try await req.audit("campaign.status.\(status.rawValue)", recordType: "campaign", recordID: campaign.id.rawValue.uuidString)
        return req.redirect(to: SiteURL.campaign(campaign.id).path)
    }

    func addLetter(req: Request) async throws -> Response {
        let campaign = try await find(req)
        let fields = req.formValues
        guard let title = try? FormText.field(fields, "title", limit: 200), let body = NoteText.validate(fields["body"]) else {
            return try await refuse(req, campaign, .letter)
        }
        try await store(req).addLetter(to: campaign.id, title: title, body: body, at: clock.now())
        try await req.audit("campaign.letter", recordType: "campaign", recordID: campaign.id.rawValue.uuidString)
        return req.redirect(to: SiteURL.campaign(campaign.id).path)
    }

    /// For delivery: the confirmed signers (organization, type, city, date), never their contacts.
    func exportSignatures(req: Request) async throws -> Response {
        let campaign = try await find(req)
        guard let id = req.parameters.get("letterID", as: UUID.self), let letter = try await store(req).letter(LetterID(id)), letter.campaign == campaign.id else {
            throw UserFacingError(status: .notFound, text: .campaigns(.noLetters))
        }
        let signers = try await store(req).signers(of: letter.id)
        return Downloads.csv(["organization", "type", "city", "confirmed_at"], signers.map {
            [$0.organization, $0.type.rawValue, $0.city, $0.confirmedAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""]
        }, name: "signatures")
    }

    private func refuse(_ req: Request, _ campaign: CampaignRecord, _ form: CampaignPage.Refused) async throws -> Response {
        htmlResponse(CampaignRenderer.render(try await campaignPage(req, campaign, refused: form), req.chrome), status: .unprocessableEntity)
    }

    private func find(_ req: Request) async throws -> CampaignRecord {
        try await req.record("campaignID", missing: .campaigns(.noCampaigns), find: store(req).campaign)
    }
}
