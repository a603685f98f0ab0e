import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

final class SettingsSnapshotTests: XCTestCase {
    static let sent = Date(timeIntervalSince1970: 1_796_300_000)

    static func page(outcome: SettingsPage.Outcome? = nil, timeZoneFixed: Bool = false) -> SettingsPage {
        SettingsPage(
            organization: .init(name: "Red <del> Valle", hotlineNumber: "(503) 555-0100", defaultLanguage: .es, timeZone: "America/Chicago"),
            timeZoneFixed: timeZoneFixed,
            mail: .init(host: "smtp.example.org", port: "587", security: .starttls, username: "alertas@example.org", from: "alertas@example.org", passwordSaved: true),
            twilio: .init(), signal: .init(),
            channels: [
                .init(channel: .email, environmentVariable: nil, configured: true,
                      health: ChannelHealth(waiting: 2, lastSent: sent, lastProblem: .init(at: sent.addingTimeInterval(60), reason: "SMTP RCPT answered 550 <no such user>")),
                      testTo: "ana@example.org"),
                .init(channel: .sms, environmentVariable: "AMPARO_TWILIO_SID", configured: true, health: ChannelHealth(waiting: 0, lastSent: nil, lastProblem: nil),
                      testTo: ""),
                .init(channel: .signal, environmentVariable: nil, configured: false, health: ChannelHealth(waiting: 3, lastSent: nil, lastProblem: nil), testTo: ""),
            ],
            outcome: outcome)
    }

    func testSettingsWithOneChannelSetHereOneByTheServerAndOneOff() {
        assertPageSnapshots({ SettingsRenderer.render(Self.page(), $0) }, role: .admin, path: "/admin/settings")
    }

    func testATimeZoneTheServerFixes() {
        assertPageSnapshots({ SettingsRenderer.render(Self.page(timeZoneFixed: true), $0) }, role: .admin, path: "/admin/settings")
    }

    func testAMailServerThatRefusedTheSignIn() {
        let refused = SettingsPage.Outcome.refused(section: "email", problems: [.errorServer("SMTP AUTH answered 535 5.7.8 Authentication credentials invalid")])
        assertPageSnapshots({ SettingsRenderer.render(Self.page(outcome: refused), $0) }, role: .admin, path: "/admin/settings")
    }

    func testATestMessageThatWentOut() {
        assertPageSnapshots({ SettingsRenderer.render(Self.page(outcome: .tested(.email, sentTo: "ana@example.org", failure: nil)), $0) },
                            role: .admin, path: "/admin/settings")
    }
}
