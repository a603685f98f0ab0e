import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Organizers run campaigns: a target place and goal, the decision makers, a timeline of actions,
/// the outcome, and sign-on letters (public pages in LetterRoutes).
struct CampaignRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let campaigns = routes.grouped("campaigns")
        campaigns.get(use: list).policy(.member(.runCampaigns))
        campaigns.post(use: create).policy(.member(.runCampaigns))
        campaigns.get(":campaignID", use: show).policy(.member(.runCampaigns))
        campaigns.post(":campaignID", "actions", use: addAction).policy(.member(.runCampaigns))
        campaigns.post(":campaignID", "officials", use: addOfficial).policy(.member(.runCampaigns))
        campaigns.post(":campaignID", "status", use: setStatus).policy(.member(.runCampaigns))
        campaigns.post(":campaignID", "letters", use: addLetter).policy(.member(.runCampaigns))
        campaigns.get(":campaignID", "letters", ":letterID", "signatures", use: exportSignatures).policy(.member(.runCampaigns))
    }

    func list(req: Request) async throws -> Response { try await CampaignViews.list(req, problem: nil) }

    func create(req: Request) async throws -> Response {
        let fields = req.formValues
        guard let title = try? FormText.field(fields, "title", limit: 200), let goal = fields["goal"].flatMap(CampaignGoal.init(rawValue:)),
              let place = try await PlaceLookup.find(fields["place"] ?? "", on: req.db) else {
            return try await CampaignViews.list(req, problem: .campaigns(.errorCampaign))
        }
        let campaign = CampaignModel(title: title, jurisdictionID: place.id!, goal: goal.rawValue, createdBy: req.visitor.user!.id!, createdAt: req.amparo.clock.now())
        try await campaign.create(on: req.db)
        try await req.audit("campaign.create", recordType: "campaign", recordID: campaign.id!.uuidString)
        return req.redirect(to: "/campaigns/\(campaign.id!.uuidString)")
    }

    func show(req: Request) async throws -> Response { try await CampaignViews.page(req, try await find(req), problem: nil) }

    func addAction(req: Request) async throws -> Response {
        let campaign = try await find(req)
        let fields = req.formValues
        guard let kind = fields["kind"].flatMap(CampaignActionKind.init(rawValue:)), let day = fields["onDay"].flatMap(Day.init),
              let note = try? Optional(FormText.field(fields, "note", limit: 1000)) else {
            return try await CampaignViews.page(req, campaign, problem: .campaigns(.errorAction))
        }
        try await CampaignActionModel(campaignID: campaign.id!, kind: kind.rawValue, onDay: day.description, note: note, createdAt: req.amparo.clock.now()).create(on: req.db)
        return req.redirect(to: "/campaigns/\(campaign.id!.uuidString)")
    }

    func addOfficial(req: Request) async throws -> Response {
        let campaign = try await find(req)
        let fields = req.formValues
        guard let name = try? FormText.field(fields, "name", limit: 200), let office = try? FormText.field(fields, "office", limit: 200),
              let contact = try? Optional(FormText.field(fields, "publicContact", limit: 300)) else {
            return try await CampaignViews.page(req, campaign, problem: .campaigns(.errorOfficial))
        }
        try await DecisionMakerModel(campaignID: campaign.id!, name: name, office: office, publicContact: contact).create(on: req.db)
        return req.redirect(to: "/campaigns/\(campaign.id!.uuidString)")
    }

    func setStatus(req: Request) async throws -> Response {
        let campaign = try await find(req)
        let fields = req.formValues
        guard let status = fields["status"].flatMap(CampaignStatus.init(rawValue:)), let outcome = try? Optional(FormText.field(fields, "outcome", limit: 2000)) else {
            return try await CampaignViews.page(req, campaign, problem: .campaigns(.errorStatus))
        }
        // A won campaign may bring the new policy: it goes into the place's history with its source.
        var policy: PolicyModel?
        if status == .won, !(fields["kind"] ?? "").isEmpty {
            guard let place = try await JurisdictionModel.find(campaign.jurisdictionID, on: req.db), let won = PolicyForm.policy(fields) else {
                return try await CampaignViews.page(req, campaign, problem: .places(.errorPolicy))
            }
            policy = PolicyModel(NewPolicy(place: PlaceID(try place.requireID()), policy: won,
                                           recordedBy: UserID(try req.visitor.user!.requireID()), recordedAt: req.amparo.clock.now()))
        }
        campaign.status = status.rawValue
        campaign.outcome = outcome
        let newPolicy = policy
        try await req.db.transaction { db in
            try await campaign.save(on: db)
            try await newPolicy?.create(on: db)
        }
        try await req.audit("campaign.status.\(status.rawValue)", recordType: "campaign", recordID: campaign.id!.uuidString)
        return req.redirect(to: "/campaigns/\(campaign.id!.uuidString)")
    }

    func addLetter(req: Request) async throws -> Response {
        let campaign = try await find(req)
        let fields = req.formValues
        guard let title = try? FormText.field(fields, "title", limit: 200), let body = NoteText.validate(fields["body"]) else {
            return try await CampaignViews.page(req, campaign, problem: .campaigns(.errorLetter))
        }
        let letter = LetterModel(campaignID: campaign.id!, title: title, body: body, createdAt: req.amparo.clock.now())
        try await letter.create(on: req.db)
        try await req.audit("campaign.letter", recordType: "campaign", recordID: campaign.id!.uuidString)
        return req.redirect(to: "/campaigns/\(campaign.id!.uuidString)")
    }

    /// For delivery: the confirmed signers (organization, type, city, date), never their contacts.
    func exportSignatures(req: Request) async throws -> Response {
        let campaign = try await find(req)
        guard let id = req.parameters.get("letterID", as: UUID.self), let letter = try await LetterModel.find(id, on: req.db), letter.campaignID == campaign.id else {
            throw UserFacingError(status: .notFound, text: .campaigns(.noLetters))
        }
        let signers = try await LetterSignatureModel.query(on: req.db).filter(\.$letterID == letter.id!).filter(\.$confirmedAt != nil).sort(\.$organization).all()
        return Downloads.csv(["organization", "type", "city", "confirmed_at"], signers.map {
            [$0.organization, $0.signerType, $0.city, ISO8601DateFormatter().string(from: $0.confirmedAt!)]
        }, name: "signatures")
    }

    private func find(_ req: Request) async throws -> CampaignModel {
        try await req.record(CampaignModel.self, "campaignID", missing: .campaigns(.noCampaigns))
    }
}

/// A place typed as on the places pages: "OR" or "OR / Marion County".
enum PlaceLookup {
    static func find(_ text: String, on db: any Database) async throws -> JurisdictionModel? {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, let state = USState.find(first) else { return nil }
        if parts.count == 2 {
            return try await JurisdictionModel.query(on: db).filter(\.$kind == "county").filter(\.$stateCode == state.code)
                .filter(\.$nameKey == Normalized.words(parts[1])).first()
        }
        return try await JurisdictionModel.query(on: db).filter(\.$kind == "state").filter(\.$stateCode == state.code).first()
    }
}
