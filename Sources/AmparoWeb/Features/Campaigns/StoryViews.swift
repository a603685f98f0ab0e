import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

enum StoryViews {
    private static func t(_ text: StoriesText, _ req: Request) -> String { Text.stories(text).in(req.language) }

    private static func facts(_ req: Request, _ story: StoryModel) -> String {
        let codes = Set(story.agencies.split(separator: ",").map(String.init))
        let agencies = StoryAgency.allCases.filter { codes.contains($0.rawValue) }.map { t(.agency($0), req) }
        let place = [story.county, USState.find(story.stateCode)?.name].compactMap { $0 }.joined(separator: ", ")
        return ([place, story.happenedIn].compactMap { $0 } + agencies + [story.outcome.flatMap(StoryOutcome.init(rawValue:)).map { t(.outcome($0), req) }].compactMap { $0 })
            .joined(separator: " · ")
    }

    static func published(_ req: Request, _ stories: [StoryModel]) -> Response {
        let items: [HTML] = stories.map { story in
            "<li><p class=\"note\">\(story.publishedText ?? "")</p><p class=\"hint\">\(story.publishedName ?? t(.anonymous, req)) · \(facts(req, story))</p></li>"
        }
        let body: HTML = """
        <h1>\(t(.title, req))</h1><p>\(t(.intro, req))</p>
        <p><a class="button" href="/stories/new">\(t(.tell, req))</a></p>
        \(items.isEmpty ? HTML("<p>\(t(.noStories, req))</p>") : HTML("<ul class=\"plain\" id=\"stories\">\(items)</ul>"))
        """
        return htmlResponse(Layout.page(req, title: t(.title, req), body: body), status: .ok)
    }

    static func form(_ req: Request, problem: Text?, thanks: Bool, status: HTTPResponseStatus? = nil) -> Response {
        let l = req.language
        let states = [(value: "", label: "—")] + USState.all.map { (value: $0.code, label: $0.name) }
        let agencies: [HTML] = StoryAgency.allCases.map { agency in
            "<div class=\"check\"><input type=\"checkbox\" id=\"agency-\(agency.rawValue)\" name=\"agencies\" value=\"\(agency.rawValue)\"><label for=\"agency-\(agency.rawValue)\">\(t(.agency(agency), req))</label></div>"
        }
        let outcomes = [(value: "", label: "—")] + StoryOutcome.allCases.map { (value: $0.rawValue, label: t(.outcome($0), req)) }
        let body: HTML = """
        <h1>\(t(.tellTitle, req))</h1><p>\(t(.tellIntro, req))</p>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(thanks ? HTML("<p class=\"notice\" role=\"status\">\(t(.thanks, req))</p>") : .empty)
        <form method="post" action="/stories">\(Layout.csrfField(req.visitor))
        \(Form.textarea("what", label: t(.what, req), value: "", hint: t(.whatHint, req), error: nil, maxLength: 6000))
        \(Form.select("state", label: t(.state, req), options: states, selected: ""))
        \(Form.field("county", label: t(.county, req), required: false, extra: " maxlength=\"120\""))
        \(Form.field("when", label: t(.when, req), hint: t(.whenHint, req), required: false, extra: " maxlength=\"7\" inputmode=\"numeric\""))
        <fieldset><legend>\(t(.agencies, req))</legend>\(agencies)</fieldset>
        \(Form.select("outcome", label: t(.outcomeLabel, req), options: outcomes, selected: ""))
        <div class="check"><input type="checkbox" id="consent" name="consent" value="yes" aria-describedby="consent-hint"><label for="consent">\(t(.consent, req))</label></div>
        <p class="hint" id="consent-hint">\(t(.consentHint, req))</p>
        \(Form.field("name", label: t(.name, req), hint: t(.nameHint, req), required: false, autocomplete: "off", extra: " maxlength=\"120\""))
        \(Form.field("contact", label: t(.contact, req), hint: t(.contactHint, req), required: false, autocomplete: "off", extra: " maxlength=\"200\""))
        <button type="submit">\(t(.send, req))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.tellTitle, req), body: body), status: status ?? (problem == nil ? .ok : .unprocessableEntity))
    }

    static func queue(_ req: Request, _ stories: [StoryModel]) -> Response {
        let time = req.amparo.localTime
        let rows: [HTML] = stories.map { story in
            let status = StoryStatus(rawValue: story.status).map { t(.status($0), req) } ?? story.status
            return """
            <tr><td data-label="\(t(.received, req))"><a href="/stories/review/\(story.id!.uuidString)">\(time.dateTime(story.receivedAt))</a></td>
            <td data-label="\(t(.state, req))">\(facts(req, story))</td><td data-label="\(Text.cases(.status).in(req.language))">\(status)</td></tr>
            """
        }
        let body: HTML = """
        <h1>\(t(.reviewTitle, req))</h1><p>\(t(.reviewIntro, req))</p>
        \(stories.isEmpty ? HTML("<p>\(t(.noneToReview, req))</p>") : HTML("<table class=\"cards\" id=\"stories\"><thead><tr><th scope=\"col\">\(t(.received, req))</th><th scope=\"col\">\(t(.state, req))</th><th scope=\"col\">\(Text.cases(.status).in(req.language))</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return htmlResponse(Layout.page(req, title: t(.reviewTitle, req), body: body), status: .ok)
    }

    static func review(_ req: Request, _ story: StoryModel, problem: Text?) -> Response {
        let l = req.language, sealer = req.amparo.sealer, id = story.id!
        let body = (try? sealer.open(story.bodySealed, context: SealedColumn.storyBody.context(rowID: id))) ?? ""
        let name = story.displayNameSealed.flatMap { try? sealer.open($0, context: SealedColumn.storyName.context(rowID: id)) }
        let reach = story.reachSealed.flatMap { try? sealer.open($0, context: SealedColumn.storyReach.context(rowID: id)) }
        let page: HTML = """
        <h1>\(t(.reviewTitle, req))</h1>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        <p class="hint">\(facts(req, story)) · \(StoryStatus(rawValue: story.status).map { t(.status($0), req) } ?? story.status)</p>
        <div class="note" id="story-body">\(body)</div>
        \([name, reach].compactMap { $0 }.isEmpty ? HTML.empty : HTML("<p>\([name, reach].compactMap { $0 }.joined(separator: " · "))</p>"))
        \(story.consentToPublish ? HTML("""
        <form method="post" action="/stories/review/\(id.uuidString)">\(Layout.csrfField(req.visitor))
        <input type="hidden" name="decision" value="publish">
        \(Form.textarea("text", label: t(.publishedText, req), value: story.publishedText ?? body, hint: t(.publishedHint, req), error: nil, maxLength: 6000))
        \(Form.field("publishedName", label: t(.name, req), value: story.publishedName ?? name ?? "", hint: t(.nameHint, req), required: false, extra: " maxlength=\"120\""))
        <button type="submit">\(t(.publish, req))</button></form>
        """) : HTML("<p class=\"notice\">\(t(.noConsent, req))</p>"))
        <form method="post" action="/stories/review/\(id.uuidString)">\(Layout.csrfField(req.visitor))<input type="hidden" name="decision" value="decline">\
        <button type="submit" class="secondary">\(t(.decline, req))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.reviewTitle, req), body: page), status: problem == nil ? .ok : .unprocessableEntity)
    }
}
