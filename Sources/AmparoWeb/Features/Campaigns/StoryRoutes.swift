import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Stories: a public form (anonymous by default), a review queue for organizers, and a public
/// page of the stories published with their tellers' consent, in a reviewer's edited words.
struct StoryRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let stories = routes.grouped("stories")
        stories.get(use: published).policy(.open)
        stories.get("new", use: form).policy(.open)
        stories.post(use: submit).policy(.open)
        stories.get("review", use: queue).policy(.member(.runCampaigns))
        stories.get("review", ":storyID", use: review).policy(.member(.runCampaigns))
        stories.post("review", ":storyID", use: decide).policy(.member(.runCampaigns))
    }

    func published(req: Request) async throws -> Response {
        let stories = try await StoryModel.query(on: req.db).filter(\.$status == StoryStatus.published.rawValue).sort(\.$reviewedAt, .descending).limit(200).all()
        return StoryViews.published(req, stories)
    }

    func form(req: Request) async throws -> Response { StoryViews.form(req, problem: nil, thanks: false) }

    func submit(req: Request) async throws -> Response {
        guard let slot = try await req.takePublicSlot("story") else { return StoryViews.form(req, problem: .alerts(.tooMany), thanks: false, status: .tooManyRequests) }
        let all = req.formFields ?? [:]
        let fields = all.compactMapValues(\.first)
        let month = (fields["when"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let body = NoteText.validate(fields["what"], limit: 6000), let state = fields["state"].flatMap(USState.find),
              month.isEmpty || Day(month + "-01") != nil,
              let county = try? Optional(FormText.field(fields, "county", limit: 120)),
              let name = try? Optional(FormText.field(fields, "name", limit: 120)),
              let reach = try? Optional(FormText.field(fields, "contact", limit: 200)) else {
            await slot.giveBack()
            return StoryViews.form(req, problem: .stories(.error), thanks: false)
        }
        let sealer = req.amparo.sealer, id = UUID()
        let agencies = (all["agencies"] ?? []).compactMap(StoryAgency.init(rawValue:)).map(\.rawValue)
        let story = StoryModel(id: id, stateCode: state.code, agencies: Array(Set(agencies)).sorted().joined(separator: ","),
                               bodySealed: try sealer.seal(body, context: SealedColumn.storyBody.context(rowID: id)),
                               consentToPublish: fields["consent"] == "yes", language: req.language.rawValue, receivedAt: req.amparo.clock.now())
        story.county = county
        story.happenedIn = month.isEmpty ? nil : month
        story.outcome = fields["outcome"].flatMap(StoryOutcome.init(rawValue:))?.rawValue
        story.displayNameSealed = try name.map { try sealer.seal($0, context: SealedColumn.storyName.context(rowID: id)) }
        story.reachSealed = try reach.map { try sealer.seal($0, context: SealedColumn.storyReach.context(rowID: id)) }
        try await story.create(on: req.db)
        return StoryViews.form(req, problem: nil, thanks: true)
    }

    func queue(req: Request) async throws -> Response {
        let stories = try await StoryModel.query(on: req.db).sort(\.$receivedAt, .descending).limit(500).all()
        try await req.audit("story.list", recordType: "story", recordID: "all")
        return StoryViews.queue(req, stories)
    }

    func review(req: Request) async throws -> Response {
        let story = try await find(req)
        try await req.audit("story.read", recordType: "story", recordID: story.id!.uuidString)
        return StoryViews.review(req, story, problem: nil)
    }

    /// Publish the edited text (only with consent) or decline.
    func decide(req: Request) async throws -> Response {
        let story = try await find(req)
        let fields = req.formValues
        if fields["decision"] == "publish" {
            guard story.consentToPublish, let text = NoteText.validate(fields["text"], limit: 6000),
                  let name = try? Optional(FormText.field(fields, "publishedName", limit: 120)) else {
                return StoryViews.review(req, story, problem: .stories(.errorPublish))
            }
            story.status = StoryStatus.published.rawValue
            story.publishedText = text
            story.publishedName = name
        } else {
            story.status = StoryStatus.declined.rawValue
            story.publishedText = nil
            story.publishedName = nil
        }
        story.reviewedBy = req.visitor.user?.id
        story.reviewedAt = req.amparo.clock.now()
        try await story.save(on: req.db)
        try await req.audit("story.\(story.status)", recordType: "story", recordID: story.id!.uuidString)
        return req.redirect(to: "/stories/review")
    }

    private func find(_ req: Request) async throws -> StoryModel {
        try await req.record(StoryModel.self, "storyID", missing: .stories(.noneToReview))
    }
}
