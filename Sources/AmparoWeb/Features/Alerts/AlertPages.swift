import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// What a coordinator typed into the alert form, kept as typed so a refused form loses nothing.
struct AlertFormValues: Sendable, Equatable, Codable {
    var place = ""
    var region = ""
    var messageEN = ""
    var messageES = ""
    var hours = "6"

    init() {}

    init(fields: [String: String]) {
        place = fields["place"] ?? ""
        region = fields["region"] ?? ""
        messageEN = fields["messageEN"] ?? ""
        messageES = fields["messageES"] ?? ""
        hours = fields["hours"] ?? ""
    }

    enum Field: String, Sendable, Equatable, Codable, CaseIterable { case place, region, messageEN, messageES, hours }
    enum Problem: String, Sendable, Equatable, Codable, CaseIterable { case place, messageMissing, messageTooLong, hours, region }

    /// An alert ready to publish, or what is wrong with each field.
    struct Valid: Sendable, Equatable {
        let place: String
        let text: AlertText
        let hours: Int
    }

    enum Outcome: Sendable, Equatable {
        case valid(Valid)
        case refused([Field: Problem])
    }

    func validate() -> Outcome {
        var problems: [Field: Problem] = [:]
        var place = ""
        if case .success(let value) = SingleLineText.validate(self.place, maxLength: 120, required: true) { place = value } else { problems[.place] = .place }
        // Line breaks typed in the text areas become spaces: an SMS is one paragraph.
        func message(_ raw: String, _ field: Field) -> String? {
            switch SingleLineText.validate(SingleLineText.joiningLines(raw), maxLength: 480, required: false) {
            case .success(let value): return value
            case .failure: problems[field] = .messageTooLong; return nil
            }
        }
        let text = AlertText(english: message(messageEN, .messageEN), spanish: message(messageES, .messageES))
        if text.isEmpty, problems[.messageEN] == nil, problems[.messageES] == nil { problems[.messageEN] = .messageMissing }
        let hours = Int(self.hours.trimmingCharacters(in: .whitespaces)).flatMap { (1...72).contains($0) ? $0 : nil }
        if hours == nil { problems[.hours] = .hours }
        guard problems.isEmpty, let hours else { return .refused(problems) }
        return .valid(Valid(place: place, text: text, hours: hours))
    }
}

/// /hotline/reports/{id}/alert: the alert form for a verified report, and after "preview", who
/// would receive it by channel and language and the exact message each would read.
struct AlertComposePage: Sendable, Equatable, Codable {
    struct Preview: Sendable, Equatable, Codable {
        struct Message: Sendable, Equatable, Codable {
            let channel: AlertChannel
            let language: Language
            let message: AlertMessage
        }

        let audience: [AudienceLine]
        /// Channels with subscribers that this server cannot send on yet.
        let notConfigured: [AlertChannel]
        let messages: [Message]

        var total: Int { audience.reduce(0) { $0 + $1.count } }
    }

    let reportID: ReportID
    let reference: String
    let regions: [TeamLine]
    var values: AlertFormValues
    var problems: [AlertFormValues.Field: AlertFormValues.Problem] = [:]
    var preview: Preview?

    var path: String { "/hotline/reports/\(reportID.rawValue.uuidString)/alert" }
}

/// /hotline/alerts: every published alert, newest first, with delivery by channel and status.
struct AlertsPage: Sendable, Equatable, Codable {
    let alerts: [SentAlert]
    /// The channels this server can send on (the others' messages wait).
    let configured: [AlertChannel]

    var inFlight: Bool { alerts.contains(where: \.inFlight) }
}

enum AlertComposeRenderer {
    static func render(_ page: AlertComposePage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: AlertsText) -> String { Text.alerts(text).in(l) }
        let title = t(.composeTitle(page.reference))
        let body: HTML = """
        <h1>\(title)</h1>
        \(preview(page, chrome))
        \(form(page, chrome))
        <p><a href="/hotline/reports/\(page.reportID.rawValue.uuidString)">\(t(.backToReport))</a> · <a href="/hotline/alerts">\(t(.alertsLink))</a></p>
        """
        return Layout.page(chrome, title: title, body: body)
    }

    static func problemText(_ problem: AlertFormValues.Problem) -> AlertsText {
        switch problem {
        case .place: .errorPlace
        case .messageMissing: .errorMessageMissing
        case .messageTooLong: .errorMessageTooLong
        case .hours: .errorHours
        case .region: .errorChoice
        }
    }

    /// The form, also shown on the report's page. Without a preview its one button previews; with
    /// one, it also sends.
    static func form(_ page: AlertComposePage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: AlertsText) -> String { Text.alerts(text).in(l) }
        func error(_ field: AlertFormValues.Field) -> String? { page.problems[field].map { t(problemText($0)) } }
        let v = page.values
        let regions = [(value: "", label: t(.allRegions))] + page.regions.map { (value: $0.id.rawValue.uuidString, label: $0.region.isEmpty ? $0.name : $0.region) }
        let summary = AlertFormValues.Field.allCases.compactMap(error)
        // Preview comes first: it is the button Enter presses. Send appears once there is a preview.
        let send: HTML = page.preview == nil ? .empty : " <button type=\"submit\">\(t(.publishButton))</button>"
        return """
        <h2>\(t(.publishTitle))</h2>
        \(Form.errorSummary(summary, language: l))
        <form method="post" action="\(page.path)">\(chrome.csrfField)
        \(Form.field("place", label: t(.coarsePlaceLabel), value: v.place, hint: t(.coarsePlaceHint), error: error(.place), extra: " maxlength=\"120\""))
        \(Form.select("region", label: t(.regionLabel), options: regions, selected: v.region))
        <p class="hint">\(t(.oneLanguageHint))</p>
        \(Form.textarea("messageES", label: t(.messageESLabel), value: v.messageES, hint: t(.messageHint), error: error(.messageES), maxLength: 480, required: false))
        \(Form.textarea("messageEN", label: t(.messageENLabel), value: v.messageEN, hint: nil, error: error(.messageEN), maxLength: 480, required: false))
        \(Form.field("hours", label: t(.hoursLabel), type: "number", value: v.hours, error: error(.hours), extra: " min=\"1\" max=\"72\""))
        \(page.preview == nil ? HTML.empty : HTML("<p class=\"hint\">\(t(.editHint))</p>"))
        <button type="submit" formaction="\(page.path)/preview"\(page.preview == nil ? HTML.empty : HTML(" class=\"secondary\""))>\(t(.previewButton))</button>\(send)
        </form>
        """
    }

    static func preview(_ page: AlertComposePage, _ chrome: Chrome) -> HTML {
        guard let preview = page.preview else { return .empty }
        let l = chrome.language
        func t(_ text: AlertsText) -> String { Text.alerts(text).in(l) }
        let audience: HTML = preview.audience.isEmpty ? "<p class=\"error-summary\" role=\"alert\">\(t(.audienceNobody))</p>" : """
            <ul id="audience">\(preview.audience.map { HTML("<li>\(t(.audienceLine(count: $0.count, channel: $0.channel, language: $0.language)))</li>") })</ul>
            """
        let waiting: [HTML] = preview.notConfigured.map { "<p class=\"notice\">\(t(.channelNotConfigured($0)))</p>" }
        let messages: [HTML] = preview.messages.map { item in
            """
            <article class="message-preview"><h3>\(t(.messageFor(item.channel, item.language)))</h3>
            \(item.channel == .email ? HTML("<p><strong>\(item.message.subject)</strong></p>") : .empty)
            <pre>\(item.message.body)</pre></article>
            """
        }
        return """
        <section id="preview" aria-labelledby="preview-title">
        <h2 id="preview-title">\(t(.previewTitle))</h2>
        <p>\(t(.previewIntro))</p>
        <h3>\(t(.audienceTitle)): \(preview.total)</h3>
        \(audience)
        \(waiting)
        \(messages)
        </section>
        """
    }
}

enum AlertsRenderer {
    static func render(_ page: AlertsPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: AlertsText) -> String { Text.alerts(text).in(l) }
        let items: [HTML] = page.alerts.map { alert in
            let channels = Array(Set(alert.delivery.map(\.channel))).sorted { $0.rawValue < $1.rawValue }
            let rows: [HTML] = channels.map { channel in
                let cells: [HTML] = DeliveryStatus.allCases.map { status in
                    let n = alert.delivery.filter { $0.channel == channel && $0.status == status }.reduce(0) { $0 + $1.count }
                    return "<td data-label=\"\(t(.status(status)))\">\(n)</td>"
                }
                return "<tr><th scope=\"row\">\(t(.channel(channel)))</th>\(cells)</tr>"
            }
            let table: HTML = rows.isEmpty ? .empty : """
                <table class="cards"><caption>\(t(.deliveryHeading))</caption><thead><tr><th scope="col">\(t(.channelLabel))</th>\
                \(DeliveryStatus.allCases.map { HTML("<th scope=\"col\">\(t(.status($0)))</th>") })</tr></thead><tbody>\(rows)</tbody></table>
                """
            let failures: HTML = alert.failures.isEmpty ? .empty : """
                <p>\(t(.failureReasons)):</p><ul>\(alert.failures.map { HTML("<li>\($0.count) · <code>\($0.reason)</code></li>") })</ul>
                """
            let text = [alert.text.spanish, alert.text.english].compactMap { $0 }
            return """
            <li class="alert-sent"><h2>\(alert.place) · \(chrome.dateTime(alert.publishedAt))</h2>
            <dl><dt>\(t(.fromReport))</dt><dd><a href="/hotline/reports/\(alert.reportID.rawValue.uuidString)">\(alert.reference)</a></dd>
            <dt>\(t(.regionLabel))</dt><dd>\(alert.region ?? t(.regionAll))</dd>
            <dt>\(t(.publishedBy))</dt><dd>\(alert.publishedBy)</dd>
            <dt>\(t(.expires))</dt><dd>\(chrome.dateTime(alert.expiresAt))</dd>
            <dt>\(t(.audience))</dt><dd>\(alert.recipients)</dd></dl>
            \(text.map { HTML("<p class=\"prose\">\($0)</p>") })
            \(table)
            \(failures)</li>
            """
        }
        let list: HTML = page.alerts.isEmpty ? "<p>\(t(.alertsNone))</p>" : "<ol class=\"alerts-sent\">\(items)</ol>"
        let body: HTML = """
        <h1>\(t(.alertsTitle))</h1>
        <p>\(t(.alertsIntro)) <a href="/hotline/alerts">\(Text.hotline(.refresh).in(l))</a></p>
        <div id="live" data-page="/hotline/alerts"\(page.inFlight ? HTML(" data-poll=\"2\"") : .empty)>
        \(list)
        </div>
        """
        return Layout.page(chrome, title: t(.alertsTitle), body: body, script: page.inFlight ? LiveRegion.script : nil)
    }
}
