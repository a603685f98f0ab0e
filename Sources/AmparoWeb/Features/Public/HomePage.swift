import AmparoDomain
import AmparoWebKit
import Foundation

/// /: the public front door. Before the first run it says only that Amparo is not set up yet.
struct HomePage: Sendable, Equatable, Codable {
    /// Nil until the organization is set up.
    let organization: String?
}

enum HomeRenderer {
    static func render(_ page: HomePage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let body: HTML
        if let organization = page.organization {
            body = """
            <h1>\(organization)</h1>
            <p><a class="button" href="/report">\(Text.hotline(.reportTitle).in(l))</a></p>
            <p>\(Text.homeIntro.in(l))</p>
            <p><a href="/places">\(Text.places(.statesTitle).in(l))</a> · <a href="/evidence">\(Text.evidence(.title).in(l))</a> · <a href="/stories">\(Text.stories(.title).in(l))</a> · <a href="/events">\(Text.events(.title).in(l))</a></p>
            <p><a href="/login">\(Text.signIn.in(l))</a></p>
            """
        } else {
            body = """
            <h1>\(Text.notSetUpTitle.in(l))</h1>
            <p>\(Text.notSetUpBody.in(l))</p>
            """
        }
        return Layout.page(chrome, title: Text.homeTitle.in(l), body: body)
    }
}
