import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The alert form (empty, refused with what was typed, previewed, previewed with nobody to reach)
/// and the alerts page (empty, with delivery under way and failures), in English and Spanish.
final class AlertSnapshotTests: XCTestCase {
    static let reportID = ReportID(UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!)
    static let east = TeamLine(id: TeamID(UUID(uuidString: "00000000-0000-0000-0000-0000000000E1")!), name: "Eastside Rapid Response", region: "Eastside")

    func page(_ values: AlertFormValues = AlertFormValues(), problems: [AlertFormValues.Field: AlertFormValues.Problem] = [:],
              preview: AlertComposePage.Preview? = nil) -> AlertComposePage {
        AlertComposePage(reportID: Self.reportID, reference: "K7QM-3X4P", regions: [Self.east], values: values, problems: problems, preview: preview)
    }

    static var typed: AlertFormValues {
        var values = AlertFormValues()
        values.place = "Eastside"
        values.region = east.id.rawValue.uuidString
        values.messageES = "Agentes de ICE cerca de la clínica <en la 5>. Quédese adentro."
        return values
    }

    func testAnEmptyForm() {
        let page = page()
        assertPageSnapshots({ AlertComposeRenderer.render(page, $0) }, role: .coordinator, path: page.path)
    }

    func testARefusedFormKeepsWhatWasTyped() {
        var values = Self.typed
        values.place = ""
        values.hours = "99"
        let page = page(values, problems: [.place: .place, .hours: .hours])
        assertPageSnapshots({ AlertComposeRenderer.render(page, $0) }, role: .coordinator, path: page.path)
    }

    func testAPreviewWithItsAudienceAndMessages() {
        let text = AlertText(english: nil, spanish: Self.typed.messageES)
        let audience = [AudienceLine(channel: .email, language: .es, count: 12), AudienceLine(channel: .signal, language: .es, count: 3),
                        AudienceLine(channel: .sms, language: .en, count: 40)]
        let messages = audience.map { line in
            AlertComposePage.Preview.Message(channel: line.channel, language: line.language, message: AlertMessage.compose(
                organization: "Rio Valley Defense", place: "Eastside", text: text, language: line.language,
                stopLink: "https://amparo.example/alerts/unsubscribe/(each person's own stop link)")!)
        }
        let page = page(Self.typed, preview: .init(audience: audience, notConfigured: [.signal], messages: messages))
        assertPageSnapshots({ AlertComposeRenderer.render(page, $0) }, role: .coordinator, path: page.path)
    }

    func testAPreviewThatReachesNobody() {
        let page = page(Self.typed, preview: .init(audience: [], notConfigured: [], messages: []))
        assertPageSnapshots({ AlertComposeRenderer.render(page, $0) }, role: .coordinator, path: page.path)
    }

    func testNoAlertsYet() {
        assertPageSnapshots({ AlertsRenderer.render(AlertsPage(alerts: [], configured: [.email]), $0) }, role: .dispatcher, path: "/hotline/alerts")
    }

    func testAlertsWithDeliveryUnderWayAndFailures() {
        let published = SnapshotChrome.importDay
        let alert = SentAlert(
            id: AlertID(UUID(uuidString: "00000000-0000-0000-0000-0000000000B1")!), reportID: Self.reportID, reference: "K7QM-3X4P",
            place: "Eastside", region: "Eastside Rapid Response", text: AlertText(english: "ICE near the clinic on 5th.", spanish: "ICE cerca de la clínica."),
            publishedAt: published, expiresAt: published.addingTimeInterval(6 * 3600), publishedBy: "Olu Coordinadora", recipients: 55,
            delivery: [DeliveryCount(channel: .email, status: .sent, count: 12), DeliveryCount(channel: .signal, status: .waiting, count: 3),
                       DeliveryCount(channel: .sms, status: .queued, count: 30), DeliveryCount(channel: .sms, status: .sent, count: 8),
                       DeliveryCount(channel: .sms, status: .failed, count: 2)],
            failures: [FailureCount(reason: "permanent(\"The 'To' number … is not a valid phone number.\")", count: 2)])
        let page = AlertsPage(alerts: [alert], configured: [.email, .sms])
        XCTAssertTrue(page.inFlight)
        assertPageSnapshots({ AlertsRenderer.render(page, $0) }, role: .coordinator, path: "/hotline/alerts")
    }

    func testTheSignUpOffersOnlyChannelsThatCanSend() {
        let page = SubscribePage(channels: [.sms, .email], regions: [Self.east],
                                 typed: .init(channel: "signal", contact: "503-555-01", region: Self.east.id.rawValue.uuidString, language: "es"),
                                 problem: .contact(.sms))
        let html = SubscribeRenderer.render(page, SnapshotChrome.make(.en, role: nil, path: "/alerts/subscribe")).rendered
        XCTAssertFalse(html.contains("value=\"signal\""), "a channel this server lacks is not offered")
        XCTAssertTrue(html.contains("<option value=\"sms\" selected>"), "a typed channel no longer offered falls back to the first one")
        assertPageSnapshots({ SubscribeRenderer.render(page, $0) }, path: "/alerts/subscribe")
    }

    func testTheSignUpWithNoWayToSend() {
        let html = SubscribeRenderer.render(SubscribePage(channels: [], regions: [Self.east]), SnapshotChrome.make(.es, role: nil, path: "/alerts/subscribe")).rendered
        XCTAssertFalse(html.contains("<form method=\"post\" action=\"/alerts/subscribe\""), "no form takes a contact that could never be written to")
        assertPageSnapshots({ SubscribeRenderer.render(SubscribePage(channels: [], regions: []), $0) }, path: "/alerts/subscribe")
    }
}
