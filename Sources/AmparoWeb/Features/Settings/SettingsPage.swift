import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /admin/settings: the organization as the public sees it, and each delivery channel with its
/// form (or the environment variable that sets it), how it is doing, and a test message.
struct SettingsPage: Sendable, Equatable, Codable {
    struct Organization: Sendable, Equatable, Codable {
        var name = ""
        var hotlineNumber = ""
        var defaultLanguage = Language.es
        /// An IANA identifier; what the environment fixes, when it does.
        var timeZone = "UTC"
    }

    /// The mail form as saved or as typed. Never the password: only whether one is saved.
    struct Mail: Sendable, Equatable, Codable {
        var host = ""
        var port = "587"
        var security = SMTPSecurity.starttls
        var username = ""
        var from = ""
        var passwordSaved = false
    }

    struct Twilio: Sendable, Equatable, Codable {
        var accountSID = ""
        var from = ""
        var tokenSaved = false
    }

    struct Signal: Sendable, Equatable, Codable {
        var url = ""
        var number = ""
    }

    struct Channel: Sendable, Equatable, Codable {
        let channel: AlertChannel
        /// The environment variable that sets it, when one does.
        let environmentVariable: String?
        let configured: Bool
        let health: ChannelHealth
        /// Where the test message goes unless the admin types another address.
        var testTo: String
    }

    /// What a refused form or a test came to, shown in its section.
    enum Outcome: Sendable, Equatable, Codable {
        case refused(section: String, problems: [SettingsText])
        case tested(AlertChannel, sentTo: String?, failure: String?)
    }

    var organization: Organization
    /// The environment fixes the time zone (`AMPARO_TIMEZONE`): the page says so instead of asking.
    var timeZoneFixed: Bool
    var mail: Mail
    var twilio: Twilio
    var signal: Signal
    var channels: [Channel]
    var outcome: Outcome?
}

enum SettingsRenderer {
    private static func t(_ text: SettingsText, _ l: Language) -> String { Text.settings(text).in(l) }

    static func render(_ page: SettingsPage, _ chrome: Chrome, notice: Text? = nil) -> HTML {
        let l = chrome.language
        let body: HTML = """
        <h1>\(t(.title, l))</h1>
        \(outcome(page, l))
        <p>\(t(.intro, l))</p>
        \(organization(page, chrome))
        \(page.channels.map { channel(page, $0, chrome) })
        """
        return Layout.page(chrome, title: t(.title, l), body: body, notice: notice.map { HTML("\($0.in(l))") })
    }

    /// A refusal or a test's result, first on the page, with a link down to the section it is about.
    /// The forms' addresses end with its id, so the browser shows it even where it keeps the scroll.
    private static func outcome(_ page: SettingsPage, _ l: Language) -> HTML {
        switch page.outcome {
        case .refused(let section, let problems):
            let anchor = section.replacingOccurrences(of: "-test", with: "")
            let title = AlertChannel(rawValue: anchor).map { t(.channelTitle($0), l) } ?? t(.organizationTitle, l)
            let items: [HTML] = problems.map { "<li>\(t($0, l))</li>" }
            return """
            <div class="error-summary" role="alert" id="refused"><h2>\(Text.fixTheseProblems.in(l))</h2><ul>\(items)</ul>\
            <p><a href="#\(anchor)">\(title)</a></p></div>
            """
        case .tested(let channel, let sentTo, let failure):
            if let failure {
                return "<div class=\"error-summary\" role=\"alert\" id=\"\(channel.rawValue)-test-result\"><p>\(t(.testFailed(failure), l))</p><p><a href=\"#\(channel.rawValue)\">\(t(.channelTitle(channel), l))</a></p></div>"
            }
            return "<p class=\"notice\" role=\"status\" id=\"\(channel.rawValue)-test-result\">\(t(.testSent(sentTo ?? ""), l))</p>"
        case nil:
            return .empty
        }
    }

    private static func organization(_ page: SettingsPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, org = page.organization
        let languages = Language.allCases.map { (value: $0.rawValue, label: $0.nativeName) }
        return """
        <section id="organization"><h2>\(t(.organizationTitle, l))</h2>
        <form method="post" action="\(SiteURL.settingsPart("organization").path)#refused">\(chrome.csrfField)
        \(Form.field("name", label: t(.organizationName, l), value: org.name, autocomplete: "organization"))
        \(Form.field("hotlineNumber", label: t(.hotlineNumber, l), type: "tel", value: org.hotlineNumber, hint: t(.hotlineNumberHint, l), required: false))
        \(Form.select("defaultLanguage", label: t(.defaultLanguage, l), options: languages, selected: org.defaultLanguage.rawValue))
        \(timeZone(page, l))
        <button type="submit">\(Text.save.in(l))</button></form></section>
        """
    }

    /// The zones of the US first; a zone saved or fixed outside that list stays chosen.
    private static func timeZone(_ page: SettingsPage, _ l: Language) -> HTML {
        let zone = page.organization.timeZone
        if page.timeZoneFixed { return "<p><strong>\(t(.timeZone, l)):</strong> \(t(.timeZoneFromEnvironment(zone), l))</p>" }
        var options = CommonTimeZone.allCases.map { (value: $0.rawValue, label: $0.label(l)) }
        if CommonTimeZone(rawValue: zone) == nil { options.insert((value: zone, label: zone), at: 0) }
        return Form.select("timeZone", label: t(.timeZone, l), options: options, selected: zone, hint: t(.timeZoneHint, l))
    }

    private static func channel(_ page: SettingsPage, _ state: SettingsPage.Channel, _ chrome: Chrome) -> HTML {
        let l = chrome.language, channel = state.channel
        let form: HTML = state.environmentVariable.map { HTML("<p class=\"notice\">\(t(.setByEnvironment($0), l))</p>") } ?? """
            <form method="post" action="\(SiteURL.settingsPart(channel.rawValue).path)#refused">\(chrome.csrfField)
            \(fields(page, channel, l))
            <p class="hint">\(t(.turnOffHint, l))</p>
            <button type="submit">\(t(.saveChannel, l))</button></form>
            """
        return """
        <section id="\(channel.rawValue)"><h2>\(t(.channelTitle(channel), l))</h2>
        <p>\(t(.channelIntro(channel), l))</p>
        \(health(state, chrome))
        \(form)
        \(test(page, state, chrome))
        </section>
        """
    }

    private static func fields(_ page: SettingsPage, _ channel: AlertChannel, _ l: Language) -> HTML {
        switch channel {
        case .email:
            let mail = page.mail
            let securities = SMTPSecurity.allCases.map { (value: $0.rawValue, label: t(.security($0), l)) }
            return """
            \(Form.field("host", label: t(.mailHost, l), value: mail.host, hint: t(.mailHostHint, l), required: false, autocomplete: "off"))
            \(Form.field("port", label: t(.mailPort, l), type: "number", value: mail.port, required: false, extra: " inputmode=\"numeric\" min=\"1\" max=\"65535\""))
            \(Form.select("security", label: t(.mailSecurity, l), options: securities, selected: mail.security.rawValue))
            \(Form.field("username", label: t(.mailUsername, l), value: mail.username, required: false, autocomplete: "off"))
            \(Form.field("password", label: t(.mailPassword, l), type: "password", hint: mail.passwordSaved ? t(.passwordSaved, l) : t(.passwordHint, l),
                         required: false, autocomplete: "new-password"))
            \(Form.field("mailFrom", label: t(.mailFrom, l), type: "email", value: mail.from, hint: t(.mailFromHint, l), required: false))
            """
        case .sms:
            let twilio = page.twilio
            return """
            \(Form.field("accountSID", label: t(.twilioSID, l), value: twilio.accountSID, required: false, autocomplete: "off"))
            \(Form.field("authToken", label: t(.twilioToken, l), type: "password", hint: twilio.tokenSaved ? t(.tokenSaved, l) : nil,
                         required: false, autocomplete: "new-password"))
            \(Form.field("twilioFrom", label: t(.twilioFrom, l), type: "tel", value: twilio.from, hint: t(.twilioFromHint, l), required: false))
            """
        case .signal:
            return """
            \(Form.field("signalURL", label: t(.signalURL, l), type: "url", value: page.signal.url, hint: t(.signalURLHint, l), required: false))
            \(Form.field("signalNumber", label: t(.signalNumber, l), type: "tel", value: page.signal.number, hint: t(.twilioFromHint, l), required: false))
            """
        }
    }

    /// Configured or not, messages waiting, the last one sent, the latest problem in the provider's words.
    private static func health(_ state: SettingsPage.Channel, _ chrome: Chrome) -> HTML {
        let l = chrome.language, health = state.health
        var lines: [String] = [state.configured ? t(.configured, l) : t(.notConfigured, l)]
        if health.waiting > 0 || state.configured { lines.append(t(.waiting(health.waiting), l)) }
        lines.append(health.lastSent.map { t(.lastSent(chrome.dateTime($0)), l) } ?? t(.neverSent, l))
        if let problem = health.lastProblem { lines.append(t(.lastProblem(at: chrome.dateTime(problem.at), reason: problem.reason), l)) }
        let items: [HTML] = lines.map { "<li>\($0)</li>" }
        let status = state.configured ? (health.lastProblem == nil ? "ok" : "warn") : "off"
        return "<div class=\"health \(status)\" id=\"\(state.channel.rawValue)-health\"><h3>\(t(.healthTitle, l))</h3><ul>\(items)</ul></div>"
    }

    private static func test(_ page: SettingsPage, _ state: SettingsPage.Channel, _ chrome: Chrome) -> HTML {
        guard state.configured else { return .empty }
        let l = chrome.language, channel = state.channel
        let id = "\(channel.rawValue)-test-to"
        return """
        <h3>\(t(.testTitle, l))</h3>
        <form method="post" action="\(SiteURL.settingsTest(channel).path)#\(channel.rawValue)-test-result">\(chrome.csrfField)
        <div class="field"><label for="\(id)">\(t(.testTo, l))</label>\
        <input id="\(id)" name="to" type="\(channel == .email ? "email" : "tel")" value="\(state.testTo)" required></div>
        <button type="submit" class="secondary">\(t(.testButton, l))</button></form>
        """
    }
}
