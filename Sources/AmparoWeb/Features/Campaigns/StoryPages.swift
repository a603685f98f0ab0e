import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /stories: stories published with their tellers' consent (public).
struct StoriesPage: Sendable, Equatable, Codable {
    let stories: [PublishedStory]
}

/// /stories/new: the public form, anonymous by default; after sending, a thank-you.
struct StoryFormPage: Sendable, Equatable, Codable {
    enum Problem: String, Sendable, Equatable, Codable, CaseIterable { case invalid, tooMany }

    /// As typed (kept when refused; emptied once sent).
    struct Typed: Sendable, Equatable, Codable {
        var what = ""
        var state = ""
        var county = ""
        var when = ""
        var agencies: [String] = []
        var outcome = ""
        var consent = false
        var name = ""
        var contact = ""
    }

    var typed = Typed()
    var problem: Problem?
    var thanks = false
}

/// /stories/review: every story, newest first (organizers).
struct StoryQueuePage: Sendable, Equatable, Codable {
    let stories: [StoryLine]
}

/// /stories/review/<id>: a story as told, and the text to publish (only with consent).
struct StoryReviewPage: Sendable, Equatable, Codable {
    /// The text and name as the reviewer typed them, when publishing was refused.
    struct Typed: Sendable, Equatable, Codable {
        var text: String
        var name: String
    }

    let story: StoryDetail
    var typed: Typed?
}

enum StoryRenderer {
    private static func t(_ text: StoriesText, _ l: Language) -> String { Text.stories(text).in(l) }

    static func facts(_ facts: StoryFacts, _ l: Language) -> String {
        let place = [facts.county, USState.find(facts.state)?.name].compactMap { $0 }.joined(separator: ", ")
        return ([place, facts.happenedIn].compactMap { $0 } + facts.agencies.map { t(.agency($0), l) } + [facts.outcome.map { t(.outcome($0), l) }].compactMap { $0 })
            .joined(separator: " · ")
    }

    static func render(_ page: StoriesPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let items: [HTML] = page.stories.map { "<li><p class=\"note\">\($0.text)</p><p class=\"hint\">\($0.name ?? t(.anonymous, l)) · \(facts($0.facts, l))</p></li>" }
        let body: HTML = """
        <h1>\(t(.title, l))</h1><p>\(t(.intro, l))</p>
        <p><a class="button" href="\(SiteURL.newStory.path)">\(t(.tell, l))</a></p>
        \(items.isEmpty ? HTML("<p>\(t(.noStories, l))</p>") : HTML("<ul class=\"plain\" id=\"stories\">\(items)</ul>"))
        """
        return Layout.page(chrome, title: t(.title, l), body: body)
    }

    static func render(_ page: StoryFormPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, typed = page.typed
        let states = [(value: "", label: "—")] + USState.all.map { (value: $0.code, label: $0.name) }
        let agencies: [HTML] = StoryAgency.allCases.map { agency in
            let checked: HTML = typed.agencies.contains(agency.rawValue) ? " checked" : .empty
            return "<div class=\"check\"><input type=\"checkbox\" id=\"agency-\(agency.rawValue)\" name=\"agencies\" value=\"\(agency.rawValue)\"\(checked)><label for=\"agency-\(agency.rawValue)\">\(t(.agency(agency), l))</label></div>"
        }
        let outcomes = [(value: "", label: "—")] + StoryOutcome.allCases.map { (value: $0.rawValue, label: t(.outcome($0), l)) }
        let problem: Text? = page.problem.map { $0 == .tooMany ? .alerts(.tooMany) : .stories(.error) }
        let body: HTML = """
        <h1>\(t(.tellTitle, l))</h1><p>\(t(.tellIntro, l))</p>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(page.thanks ? HTML("<p class=\"notice\" role=\"status\">\(t(.thanks, l))</p>") : .empty)
        <form method="post" action="\(SiteURL.stories.path)">\(chrome.csrfField)
        \(Form.textarea("what", label: t(.what, l), value: typed.what, hint: t(.whatHint, l), error: nil, maxLength: 6000))
        \(Form.select("state", label: t(.state, l), options: states, selected: typed.state))
        \(Form.field("county", label: t(.county, l), value: typed.county, required: false, extra: " maxlength=\"120\""))
        \(Form.field("when", label: t(.when, l), value: typed.when, hint: t(.whenHint, l), required: false, extra: " maxlength=\"7\" inputmode=\"numeric\""))
        <fieldset><legend>\(t(.agencies, l))</legend>\(agencies)</fieldset>
        \(Form.select("outcome", label: t(.outcomeLabel, l), options: outcomes, selected: typed.outcome))
        <div class="check"><input type="checkbox" id="consent" name="consent" value="yes" aria-describedby="consent-hint"\(typed.consent ? HTML(" checked") : .empty)><label for="consent">\(t(.consent, l))</label></div>
        <p class="hint" id="consent-hint">\(t(.consentHint, l))</p>
        \(Form.field("name", label: t(.name, l), value: typed.name, hint: t(.nameHint, l), required: false, autocomplete: "off", extra: " maxlength=\"120\""))
        \(Form.field("contact", label: t(.contact, l), value: typed.contact, hint: t(.contactHint, l), required: false, autocomplete: "off", extra: " maxlength=\"200\""))
        <button type="submit">\(t(.send, l))</button></form>
        """
        return Layout.page(chrome, title: t(.tellTitle, l), body: body)
    }

    static func render(_ page: StoryQueuePage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let rows: [HTML] = page.stories.map { story in
            """
            <tr><td data-label="\(t(.received, l))"><a href="\(SiteURL.storyReview(story.id).path)">\(chrome.dateTime(story.receivedAt))</a></td>
            <td data-label="\(t(.state, l))">\(facts(story.facts, l))</td><td data-label="\(Text.cases(.status).in(l))">\(t(.status(story.status), l))</td></tr>
            """
        }
        let table: HTML = page.stories.isEmpty ? "<p>\(t(.noneToReview, l))</p>" : """
            <table class="cards" id="stories"><thead><tr><th scope="col">\(t(.received, l))</th><th scope="col">\(t(.state, l))</th>\
            <th scope="col">\(Text.cases(.status).in(l))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
        <h1>\(t(.reviewTitle, l))</h1><p>\(t(.reviewIntro, l))</p>
        \(table)
        """
        return Layout.page(chrome, title: t(.reviewTitle, l), body: body)
    }

    static func render(_ page: StoryReviewPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, story = page.story, action = SiteURL.storyReview(story.id).path
        let who = [story.name, story.reach].compactMap { $0 }
        let publish: HTML = story.consentToPublish ? """
            <form method="post" action="\(action)">\(chrome.csrfField)
            <input type="hidden" name="decision" value="publish">
            \(Form.textarea("text", label: t(.publishedText, l), value: page.typed?.text ?? story.publishedText ?? story.body, hint: t(.publishedHint, l), error: nil, maxLength: 6000))
            \(Form.field("publishedName", label: t(.name, l), value: page.typed?.name ?? story.publishedName ?? story.name ?? "", hint: t(.nameHint, l), required: false, extra: " maxlength=\"120\""))
            <button type="submit">\(t(.publish, l))</button></form>
            """ : "<p class=\"notice\">\(t(.noConsent, l))</p>"
        let body: HTML = """
        <h1>\(t(.reviewTitle, l))</h1>
        \(page.typed == nil ? HTML.empty : Form.errorSummary([t(.errorPublish, l)], language: l))
        <p class="hint">\(facts(story.facts, l)) · \(t(.status(story.status), l))</p>
        <div class="note" id="story-body">\(story.body)</div>
        \(who.isEmpty ? HTML.empty : HTML("<p>\(who.joined(separator: " · "))</p>"))
        \(publish)
        <form method="post" action="\(action)">\(chrome.csrfField)<input type="hidden" name="decision" value="decline">\
        <button type="submit" class="secondary">\(t(.decline, l))</button></form>
        """
        return Layout.page(chrome, title: t(.reviewTitle, l), body: body)
    }
}
