import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// A member chooses how urgent messages reach them, and the on-call alarm uses it: Signal to a
/// server that speaks signal-cli-rest-api's protocol, email to the SMTP server, a text by default.
final class MemberReachTests: DeliveryTestCase {
    func testTheAlarmGoesByTheChannelTheMemberChose() async throws {
        let dana = try await harness.member(.coordinator, email: "dana@example.org", name: "Dana", phone: "+1 503 555 0188")
        let browser = try await harness.signedIn(dana)
        let account = try await browser.get("/account").body.string
        XCTAssertTrue(account.contains("id=\"reach\"") && account.contains("→ Text message (SMS)"), "a text by default, said so")
        let app = harness.app
        let alarm = OnCallAlarm(services: harness.services, database: { app.db })
        func alarmOnce() async throws {
            harness.clock.advance(by: OnCallAlarm.quietPeriod)
            let told = try await alarm.handle(.received(count: 1))
            XCTAssertEqual(told, 1)
            try await harness.services.delivery.deliverNotices()
        }

        try await alarmOnce()
        XCTAssertEqual(providers.requests.filter { $0.path.hasSuffix("Messages.json") }.count, 1, "a text by default")

        let chose = try await browser.post("/account/reach", ["channel": "signal"])
        XCTAssertEqual(chose.status, .seeOther)
        providers.clear()
        try await alarmOnce()
        let signal = try XCTUnwrap(providers.requests.first { $0.path == "/v2/send" }, "\(providers.requests.map(\.path))")
        XCTAssertTrue(signal.body.contains("+15035550188"))
        XCTAssertFalse(providers.requests.contains { $0.path.hasSuffix("Messages.json") }, "Signal instead of the text, not as well")

        try await browser.post("/account/reach", ["channel": "email"])
        providers.clear()
        try await alarmOnce()
        XCTAssertTrue(providers.requests.isEmpty)
        XCTAssertEqual(smtp.messages().filter { $0.contains("dana@example.org") }.count, 1)

        let refused = try await browser.post("/account/reach", ["channel": "carrier pigeon"])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.body.string.contains("Choose text message, Signal or email."))
        let audit = try await AuditEntryModel.query(on: harness.app.db).filter(\.$action == "user.reach").count()
        XCTAssertEqual(audit, 2)
    }
}
