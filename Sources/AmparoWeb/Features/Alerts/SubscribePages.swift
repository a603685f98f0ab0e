import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /alerts/subscribe: the public sign-up. It offers only the channels this server can send on,
/// and with none it says so instead of taking a contact it could never write to.
struct SubscribePage: Sendable, Equatable, Codable {
    enum Problem: Sendable, Equatable, Codable {
        case choice, contact(AlertChannel), consent, tooMany, channelNotSetUp

        var text: AlertsText {
            switch self {
            case .choice: .errorChoice
            case .contact(let channel): .errorContact(channel)
            case .consent: .errorConsent
            case .tooMany: .tooMany
            case .channelNotSetUp: .errorChannelNotSetUp
            }
        }
    }

    /// As typed (kept when refused).
    struct Typed: Sendable, Equatable, Codable {
        var channel = ""
        var contact = ""
        var region = ""
        var language = ""
    }

    /// The channels this server can send on, in the form's order.
    let channels: [AlertChannel]
    let regions: [TeamLine]
    var typed = Typed()
    var problem: Problem?
}

enum SubscribeRenderer {
    static func render(_ page: SubscribePage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: AlertsText) -> String { Text.alerts(text).in(l) }
        guard !page.channels.isEmpty else {
            let body: HTML = "<h1>\(t(.subscribeTitle))</h1><p class=\"notice\" id=\"not-set-up\">\(t(.channelsNotSetUp))</p>"
            return Layout.page(chrome, title: t(.subscribeTitle), body: body)
        }
        let typed = page.typed
        let regions = [(value: "", label: t(.allRegions))] + page.regions.map { (value: $0.id.rawValue.uuidString, label: $0.region.isEmpty ? $0.name : $0.region) }
        let channel = page.channels.map(\.rawValue).contains(typed.channel) ? typed.channel : page.channels[0].rawValue
        let body: HTML = """
        <h1>\(t(.subscribeTitle))</h1>
        <p>\(t(.subscribeIntro))</p>
        \(page.problem.map { Form.errorSummary([t($0.text)], language: l) })
        <form method="post" action="/alerts/subscribe">\(chrome.csrfField)
        \(Form.select("channel", label: t(.channelLabel), options: page.channels.map { ($0.rawValue, t(.channel($0))) }, selected: channel))
        \(Form.field("contact", label: t(.contactLabel), value: typed.contact, hint: t(.contactHint), autocomplete: "tel", extra: " maxlength=\"254\""))
        \(Form.select("region", label: t(.regionLabel), options: regions, selected: typed.region))
        \(Form.select("language", label: t(.languageLabel), options: [("es", "Español"), ("en", "English")], selected: typed.language.isEmpty ? l.rawValue : typed.language))
        <fieldset><legend>\(t(.consentLabel))</legend>
        <div class="check"><input type="checkbox" id="consent" name="consent" value="yes" required><label for="consent">\(t(.consentStatement))</label></div>
        </fieldset>
        <button type="submit">\(t(.subscribeButton))</button>
        </form>
        """
        return Layout.page(chrome, title: t(.subscribeTitle), body: body)
    }
}
