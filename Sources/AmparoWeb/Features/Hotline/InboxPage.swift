import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /hotline: one page of reports (open ones unless all are asked for), new ones first, with the
/// bulk actions a dispatcher may take and, after one, what it changed.
struct InboxPage: Sendable, Equatable, Codable {
    enum Show: String, Sendable, Equatable, Codable, CaseIterable { case open, all }
    enum Banner: Sendable, Equatable, Codable {
        case nothingSelected
        case bulkResult(changed: Int, skipped: Int)
    }
    enum BulkAction: String, Sendable, Equatable, Codable, CaseIterable {
        case claim
        case falseAlarm = "false_alarm"
    }

    let reports: [InboxReport]
    let show: Show
    /// Where the next page starts (an opaque token), when there is one.
    let nextCursor: String?
    let bulkActions: [BulkAction]
    var banner: Banner?

    /// This page's own address (a bulk action's answer comes from another).
    var path: String { show == .all ? "/hotline?show=all" : "/hotline" }
}

/// A position in the inbox as an opaque token: the received time and id of the last report shown.
enum InboxCursor {
    static func encode(_ position: InboxQuery.Position) -> String {
        Base64URL.encode(Array("\(position.receivedAt.timeIntervalSince1970)|\(position.id.rawValue.uuidString)".utf8))
    }

    static func decode(_ token: String) -> InboxQuery.Position? {
        guard let bytes = Base64URL.decode(token), let text = String(bytes: bytes, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|")
        guard parts.count == 2, let seconds = Double(parts[0]), seconds.isFinite, let id = ReportID(string: String(parts[1])) else { return nil }
        return InboxQuery.Position(receivedAt: Date(timeIntervalSince1970: seconds), id: id)
    }
}

enum InboxRenderer {
    static func render(_ page: InboxPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        let rows: [HTML] = page.reports.map { report in
            """
            <tr class="status-\(report.status.rawValue)"><td data-label="\(t(.reference))"><input type="checkbox" name="reports[]" value="\(report.id.rawValue.uuidString)" aria-label="\(t(.selectReport(report.reference)))">
            <a href="/hotline/reports/\(report.id.rawValue.uuidString)">\(report.reference)</a></td>
            <td data-label="\(t(.description))">\(report.summary ?? "—")</td>
            <td data-label="\(t(.received))">\(chrome.dateTime(report.receivedAt))</td><td data-label="\(Text.statusLabel.in(l))">\(t(.status(report.status)))</td>
            <td data-label="\(t(.urgencyLabel))">\(t(.urgency(report.urgency)))</td>
            <td data-label="\(t(.place))">\(report.place ?? t(.purged))</td><td data-label="\(t(.agencyShort))">\(t(.agency(report.agency)))</td>
            <td data-label="\(t(.claimedBy))">\(report.claimedBy ?? "—")</td></tr>
            """
        }
        let actions = page.bulkActions.map { (value: $0.rawValue, label: t($0 == .claim ? .bulkClaim : .bulkFalseAlarm)) }
        let table: HTML = page.reports.isEmpty ? "<p>\(t(.inboxEmpty))</p>" : """
            <form method="post" action="/hotline/bulk">\(chrome.csrfField)
            <table class="cards"><thead><tr><th>\(t(.reference))</th><th>\(t(.description))</th><th>\(t(.received))</th><th>\(Text.statusLabel.in(l))</th>
            <th>\(t(.urgencyLabel))</th><th>\(t(.place))</th><th>\(t(.agencyShort))</th><th>\(t(.claimedBy))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <fieldset><legend>\(t(.bulkLegend))</legend>
            \(Form.select("action", label: t(.bulkLegend), options: actions, selected: InboxPage.BulkAction.claim.rawValue))
            \(Form.field("reason", label: t(.reasonLabel), hint: t(.reasonHint), required: false, extra: " maxlength=\"1000\""))
            <button type="submit">\(t(.apply))</button></fieldset>
            </form>
            """
        let banner: HTML? = page.banner.map { banner in
            switch banner {
            case .nothingSelected: "<p class=\"notice\" role=\"status\">\(t(.bulkNothingSelected))</p>"
            case .bulkResult(let changed, let skipped): "<p class=\"notice\" role=\"status\">\(t(.bulkResult(changed: changed, skipped: skipped)))</p>"
            }
        }
        let more: HTML = page.nextCursor.map {
            HTML("<p><a href=\"/hotline?show=\(page.show.rawValue)&amp;cursor=\($0)\" rel=\"next\">\(t(.olderReports))</a></p>")
        } ?? .empty
        let body: HTML = """
        <h1>\(t(.inboxTitle))</h1>
        <p>\(t(.inboxIntro)) \(t(.liveUpdates))</p>
        \(banner)
        <p>\(page.show == .all ? HTML("<a href=\"/hotline\">\(t(.showOpen))</a>") : HTML("<a href=\"/hotline?show=all\">\(t(.showAll))</a>")) · <a href="\(page.path)">\(t(.refresh))</a> · <a href="/hotline/alerts">\(Text.alerts(.alertsLink).in(l))</a></p>
        \(LiveRegion.open(chrome, page: page.path, report: nil))
        \(table)
        \(more)
        </div>
        """
        return Layout.page(chrome, title: t(.inboxTitle), body: body, script: LiveRegion.script)
    }
}

/// The part of a hotline page that the live script swaps in place, with the texts the script shows.
enum LiveRegion {
    static let script = "/static/live-inbox.js"

    /// `page`: where the script fetches the fresh region from (a form's answer page may have another path).
    static func open(_ chrome: Chrome, page: String, report: ReportID?) -> HTML {
        let l = chrome.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        return """
        <div id="live" data-live-events="/hotline/events" data-page="\(page)"\(report.map { HTML(" data-report=\"\($0.description)\"") }) data-sound-on="\(t(.soundOn))" \
        data-sound-is-on="\(t(.soundIsOn))" data-changed="\(t(report == nil ? .liveInboxChanged : .liveChanged))" data-reload="\(t(.liveReload))">
        """
    }
}
