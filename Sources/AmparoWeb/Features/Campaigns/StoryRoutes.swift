import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// Stories: a public form (anonymous by default), a review queue for organizers, and a public
/// page of the stories published with their tellers' consent, in a reviewer's edited words.
/// The pages and /api/v1/stories serve the same values.
struct StoryRoutes: RouteCollection {
    let clock: any WallClock
    let sealer: FieldSealer

    func boot(routes: any RoutesBuilder) throws {
        let stories = routes.grouped("stories")
        stories.get(use: published).policy(.open)
        stories.get("new", use: form).policy(.open)
        stories.post(use: submit).policy(.open)
        stories.get("review", use: queue).policy(.member(.runCampaigns))
        stories.get("review", ":storyID", use: review).policy(.member(.runCampaigns))
        stories.post("review", ":storyID", use: decide).policy(.member(.runCampaigns))

        routes.get("api", "v1", "stories") { try APIResource.json(try await publishedPage($0), for: $0, cacheable: true) }.policy(.open)
    }

    private func store(_ req: Request) -> StoriesStore { StoriesStore(req.db, sealer: sealer) }

    func publishedPage(_ req: Request) async throws -> StoriesPage {
        StoriesPage(stories: try await store(req).published(limit: 200))
    }

    func published(req: Request) async throws -> Response {
        htmlResponse(StoryRenderer.render(try await publishedPage(req), req.chrome))
    }

    func form(req: Request) async throws -> Response { htmlResponse(StoryRenderer.render(StoryFormPage(), req.chrome)) }

    func submit(req: Request) async throws -> Response {
        let all = req.formFields ?? [:]
        let fields = all.compactMapValues(\.first)
        let typed = StoryFormPage.Typed(what: fields["what"] ?? "", state: fields["state"] ?? "", county: fields["county"] ?? "", when: fields["when"] ?? "",
                                        agencies: all["agencies"] ?? [], outcome: fields["outcome"] ?? "", consent: fields["consent"] == "yes",
                                        name: fields["name"] ?? "", contact: fields["contact"] ?? "")
        func refuse(_ problem: StoryFormPage.Problem, status: HTTPResponseStatus) -> Response {
            htmlResponse(StoryRenderer.render(StoryFormPage(typed: typed, problem: problem), req.chrome), status: status)
        }
        guard let slot = try await req.takePublicSlot("story") else { return refuse(.tooMany, status: .tooManyRequests) }
        let month = typed.when.trimmingCharacters(in: .whitespaces)
        guard let body = NoteText.validate(typed.what, limit: 6000), let state = USState.find(typed.state),
              month.isEmpty || Day(month + "-01") != nil,
              let county = try? Optional(FormText.field(fields, "county", limit: 120)),
              let name = try? Optional(FormText.field(fields, "name", limit: 120)),
              let reach = try? Optional(FormText.field(fields, "contact", limit: 200)) else {
            await slot.giveBack()
            return refuse(.invalid, status: .unprocessableEntity)
        }
        let facts = StoryFacts(state: state.code, county: county, happenedIn: month.isEmpty ? nil : month,
                               agencies: typed.agencies.compactMap(StoryAgency.init(rawValue:)), outcome: StoryOutcome(rawValue: typed.outcome))
        try await store(req).submit(NewStory(facts: facts, body: body, name: name, reach: reach, consentToPublish: typed.consent, language: req.language),
                                    at: clock.now())
        return htmlResponse(StoryRenderer.render(StoryFormPage(thanks: true), req.chrome))
    }

    func queue(req: Request) async throws -> Response {
        let page = StoryQueuePage(stories: try await store(req).queue(limit: 500))
        try await req.audit("story.list", recordType: "story", recordID: "all")
        return htmlResponse(StoryRenderer.render(page, req.chrome))
    }

    func review(req: Request) async throws -> Response {
        let story = try await find(req)
        try await req.audit("story.read", recordType: "story", recordID: story.id.rawValue.uuidString)
        return htmlResponse(StoryRenderer.render(StoryReviewPage(story: story), req.chrome))
    }

    /// Publish the edited text (only with consent) or decline.
    func decide(req: Request) async throws -> Response {
        let story = try await find(req)
        let fields = req.formValues
        var publish: (text: String, name: String?)?
        if fields["decision"] == "publish" {
            guard story.consentToPublish, let text = NoteText.validate(fields["text"], limit: 6000),
                  let name = try? Optional(FormText.field(fields, "publishedName", limit: 120)) else {
                let page = StoryReviewPage(story: story, typed: .init(text: fields["text"] ?? "", name: fields["publishedName"] ?? ""))
                return htmlResponse(StoryRenderer.render(page, req.chrome), status: .unprocessableEntity)
            }
            publish = (text, name)
        }
        let status = try await store(req).decide(story.id, publish: publish, by: try req.member(), at: clock.now())
        try await req.audit("story.\(status.rawValue)", recordType: "story", recordID: story.id.rawValue.uuidString)
        return req.redirect(to: SiteURL.storyQueue.path)
    }

    private func find(_ req: Request) async throws -> StoryDetail {
        try await req.record("storyID", missing: .stories(.noneToReview), find: store(req).story)
    }
}
