import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /: the group's public face: report, alerts, letters open for signing, and the public pages
/// (in the menu). Before the first run it says only that Amparo is not set up yet.
struct HomePage: Sendable, Equatable, Codable {
    /// Nil until the organization is set up.
    let organization: String?
    var letters: [LetterRecord] = []
    /// The public hotline number, as the settings page keeps it (nil: none given).
    var hotlineNumber: String?
}

enum HomeRenderer {
    static func render(_ page: HomePage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        let body: HTML
        if let organization = page.organization {
            let letters: [HTML] = page.letters.map { "<li><a href=\"\(SiteURL.letter($0.id).path)\">\($0.title)</a></li>" }
            body = """
            <h1>\(organization)</h1>
            <p>\(Text.homeIntro.in(l))</p>
            <p><a class="button" href="/report">\(Text.hotline(.reportTitle).in(l))</a></p>
            \(page.hotlineNumber.map { number in
                HTML("<p id=\"hotline-number\">\(Text.homeCallHotline.in(l)) <a href=\"tel:\(AlertChannel.sms.normalize(number) ?? number)\">\(number)</a></p>")
            })
            <p><a href="/alerts/subscribe">\(Text.alerts(.subscribeTitle).in(l))</a></p>
            \(letters.isEmpty ? HTML.empty : HTML("<h2>\(Text.homeLetters.in(l))</h2><ul id=\"open-letters\">\(letters)</ul>"))
            <ul class="plain">
            <li><a href="/places">\(Text.places(.statesTitle).in(l))</a></li>
            <li><a href="/evidence">\(Text.evidence(.title).in(l))</a></li>
            <li><a href="/stories">\(Text.stories(.title).in(l))</a></li>
            <li><a href="/events">\(Text.events(.title).in(l))</a></li>
            </ul>
            <p class="hint">\(Text.homeMembers.in(l)) <a href="/login">\(Text.signIn.in(l))</a></p>
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
