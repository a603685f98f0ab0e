import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// The settings page as an admin uses it, against a mail server that behaves like a provider's
/// (scripts/smtp-tls-sink.py: STARTTLS, then a sign-in).
final class SettingsTests: XCTestCase {
    static let password = "Cl4ve de aplicación 9"
    var sink: SMTPSink!
    var harness: TestHarness!

    override func setUp() async throws {
        sink = try SMTPSink(requiring: .starttls, user: "alertas@riovalley.example", password: Self.password)
        let trust = sink.certificateFile
        harness = try await TestHarness.make { $0.delivery.smtpTrustRootsFile = trust }
    }

    override func tearDown() async throws {
        try await harness.shutdown()
        sink.stop()
    }

    func mailForm(password: String, port: Int? = nil) -> [String: String] {
        ["host": "localhost", "port": "\(port ?? sink.port)", "security": "starttls", "username": "alertas@riovalley.example",
         "password": password, "mailFrom": "alertas@riovalley.example"]
    }

    func testMailIsCheckedBeforeItIsSavedThenWorksAtOnce() async throws {
        let admin = try await harness.member(holding: .all)
        let browser = try await harness.signedIn(admin)
        var page = try await browser.get("/admin/settings")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("Not set up: nothing goes out by this channel."))
        XCTAssertNil(harness.services.delivery.senders(.email))

        // A wrong password is the server's answer on the page; nothing is saved.
        page = try await browser.post("/admin/settings/email", mailForm(password: "not it"))
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("The mail server did not accept the user name or password"), page.body.string)
        XCTAssertTrue(page.body.string.contains("535"))
        XCTAssertTrue(page.body.string.contains("value=\"alertas@riovalley.example\""), "what was typed stays")
        XCTAssertFalse(page.body.string.contains("not it"), "a password is never written back")
        let nothing = try await SettingsStore(harness.app.db, sealer: harness.services.sealer).load().mail
        XCTAssertNil(nothing)

        page = try await browser.post("/admin/settings/email", ["host": "smtp example", "port": "99999", "mailFrom": "nobody"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        for problem in ["without spaces", "between 1 and 65535", "Enter the sender address"] {
            XCTAssertTrue(page.body.string.contains(problem), problem)
        }

        page = try await browser.post("/admin/settings/email", mailForm(password: Self.password))
        XCTAssertEqual(page.status, .seeOther)
        XCTAssertNotNil(harness.services.delivery.senders(.email), "the outbox can send at once, no restart")
        page = try await browser.get("/admin/settings")
        XCTAssertTrue(page.body.string.contains("A password is saved. Leave this empty to keep it."))
        XCTAssertFalse(page.body.string.contains(Self.password))

        // Saved again without typing the password: the saved one is kept.
        page = try await browser.post("/admin/settings/email", mailForm(password: ""))
        XCTAssertEqual(page.status, .seeOther)

        page = try await browser.post("/admin/settings/email/test", ["to": "ana@example.org"])
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("The test message went out to ana@example.org."))
        let mails = sink.messages()
        XCTAssertEqual(mails.count, 1)
        XCTAssertTrue(mails[0].contains("To: <ana@example.org>"))

        // Sealed at rest: neither the database nor the log holds the password.
        let tables = try await harness.dumpDatabaseText()
        XCTAssertFalse(tables.contains(Self.password))
        if case .sqlite(let path) = harness.config.database {
            var bytes = Data()
            for suffix in ["", "-wal"] { bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data() }
            XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains(Self.password))
        }
        XCTAssertFalse(harness.logs.text.contains(Self.password))
        let actions = try await AuditEntryModel.query(on: harness.app.db).all().map(\.action)
        XCTAssertEqual(actions.filter { $0.hasPrefix("settings.") }, ["settings.channel", "settings.channel", "settings.test"])

        // Emptied: mail is off again.
        page = try await browser.post("/admin/settings/email", ["host": ""])
        XCTAssertEqual(page.status, .seeOther)
        XCTAssertNil(harness.services.delivery.senders(.email))
    }

    func testOnceMailIsSetUpInvitationsGoByEmailAndTheirLinkWorks() async throws {
        let admin = try await harness.member(holding: .all)
        let browser = try await harness.signedIn(admin)
        try await browser.get("/admin/settings")
        try await browser.post("/admin/settings/email", mailForm(password: Self.password))
        let created = try await browser.post("/admin/users", ["name": "Beto Invitado", "email": "beto@example.org", "roles[]": "responder"])
        XCTAssertEqual(created.status, .created)
        XCTAssertTrue(created.body.string.contains("The invitation is on its way by email to beto@example.org."))
        let shown = try XCTUnwrap(Browser.firstMatch(#"id="invitation-link">([^<]+)<"#, in: created.body.string))
        try await harness.services.delivery.runOnce()
        let mails = sink.messages()
        XCTAssertEqual(mails.count, 1)
        let mail = try XCTUnwrap(mails.first)
        XCTAssertTrue(mail.contains("To: <beto@example.org>"))
        let body = String(decoding: Data(base64Encoded: mail.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n").dropFirst().joined().filter { !$0.isWhitespace }) ?? Data(), as: UTF8.self)
        XCTAssertTrue(body.contains(shown), "the email carries the same link")
        XCTAssertTrue(body.contains("le invita a su espacio privado") && body.contains("invites you to its private space"), "both languages")
        let invitee = harness.browser()
        let form = try await invitee.get(String(shown.dropFirst(harness.config.baseURL.count)))
        XCTAssertEqual(form.status, .ok)
        XCTAssertTrue(form.body.string.contains("Beto Invitado"))
    }

    func testATestThatFailsSaysWhyAndTheHealthLineShowsWhatWaits() async throws {
        let admin = try await harness.member(holding: .all)
        let browser = try await harness.signedIn(admin)
        try await browser.get("/admin/settings")
        var page = try await browser.post("/admin/settings/sms", ["accountSID": "AC123", "authToken": "", "twilioFrom": "12"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("AC followed by 32 letters and digits"))
        XCTAssertTrue(page.body.string.contains("value=\"AC123\""))
        let sid = "AC" + String(repeating: "0a", count: 16)
        page = try await browser.post("/admin/settings/sms", ["accountSID": sid, "authToken": "twilio-token-secret", "twilioFrom": "+1 503 555 0100"])
        XCTAssertEqual(page.status, .seeOther)
        XCTAssertNotNil(harness.services.delivery.senders(.sms))
        XCTAssertEqual(harness.services.delivery.channels.config.twilioFrom, "+15035550100")

        // Nothing listens at Twilio's address in this test: the failure is shown in words.
        page = try await browser.post("/admin/settings/sms/test", ["to": "+1 503 555 0199"])
        XCTAssertEqual(page.status, .badGateway)
        XCTAssertTrue(page.body.string.contains("The test message did not go out:"))
        // A notice the worker could not send waits with the provider's reason.
        let notice = NoticeModel(channel: "sms", purpose: "dispatch", recordID: nil, createdAt: harness.clock.now())
        notice.attempts = 1
        notice.lastError = "temporary: Twilio answered 401: Authenticate"
        try await notice.create(on: harness.app.db)
        let signal = NoticeModel(channel: "signal", purpose: "dispatch", recordID: nil, createdAt: harness.clock.now())
        try await signal.create(on: harness.app.db)
        let dashboard = try await browser.get("/dashboard").body.string
        XCTAssertTrue(dashboard.contains("1 message waits for Signal, which is not set up"), dashboard)
        XCTAssertFalse(dashboard.contains("waits for Text messages"), "a channel that is set up is not nagged about")
        let health = try await browser.get("/admin/settings").body.string
        XCTAssertTrue(health.contains("1 message waiting."), health)
        XCTAssertTrue(health.contains("Twilio answered 401: Authenticate"))

        page = try await browser.post("/admin/settings/sms/test", ["to": "call me"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("Enter a phone number, with its country code"))
        page = try await browser.post("/admin/settings/signal/test", ["to": "+1 503 555 0199"])
        XCTAssertEqual(page.status, .conflict, "Signal is not set up")

        page = try await browser.post("/admin/settings/organization", ["name": "Red del Valle", "hotlineNumber": "llámenos", "defaultLanguage": "en"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("value=\"Red del Valle\""))
        page = try await browser.post("/admin/settings/organization", ["name": "Red del Valle", "hotlineNumber": "(503) 555-0100", "defaultLanguage": "en"])
        XCTAssertEqual(page.status, .seeOther)
        let name = try await harness.services.organizationName(on: harness.app.db)
        XCTAssertEqual(name, "Red del Valle", "the new name is used at once")
        let home = try await harness.browser().get("/").body.string
        XCTAssertTrue(home.contains("<h1>Red del Valle</h1>"))
        XCTAssertTrue(home.contains("<a href=\"tel:+15035550100\">(503) 555-0100</a>"), "the public can call the hotline")
    }

    func testTheDashboardChecklistTicksItselfAndIsOnlyForAdmins() async throws {
        let admin = try await harness.member(holding: .all)
        let browser = try await harness.signedIn(admin)
        var dashboard = try await browser.get("/dashboard").body.string
        XCTAssertTrue(dashboard.contains("Getting Amparo ready"))
        XCTAssertTrue(dashboard.contains("0 of 7 done."), dashboard)
        try await browser.get("/admin/settings")
        try await browser.post("/admin/settings/organization", ["name": "Red del Valle", "hotlineNumber": "", "defaultLanguage": "es"])
        try await browser.post("/admin/settings/email", mailForm(password: Self.password))
        try await browser.get("/admin/teams")
        try await browser.post("/admin/teams", ["name": "Centro", "region": "Centro"])
        _ = try await harness.member(.responder)
        dashboard = try await browser.get("/dashboard").body.string
        XCTAssertTrue(dashboard.contains("4 of 7 done."), dashboard)
        XCTAssertTrue(dashboard.contains("<li class=\"todo\"><span class=\"tick\" aria-hidden=\"true\">○</span> <a href=\"/shifts\">"))

        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        let theirs = try await coordinator.get("/dashboard").body.string
        XCTAssertFalse(theirs.contains("Getting Amparo ready"), "the checklist is the admin's")
    }

    func testAChannelTheEnvironmentSetsIsShownAndLeftAlone() async throws {
        try await harness.shutdown()
        harness = try await TestHarness.make { $0.delivery.smtpHost = "127.0.0.1" }
        let admin = try await harness.member(holding: .all)
        let browser = try await harness.signedIn(admin)
        let page = try await browser.get("/admin/settings")
        XCTAssertTrue(page.body.string.contains("Set where the server starts (AMPARO_SMTP): change it there."))
        let refused = try await browser.post("/admin/settings/email", mailForm(password: Self.password))
        XCTAssertEqual(refused.status, .conflict)
        let summary = try XCTUnwrap(refused.body.string.components(separatedBy: "role=\"alert\"").dropFirst().first, "the refusal says why")
        XCTAssertTrue(summary.prefix(400).contains("AMPARO_SMTP"), String(summary.prefix(400)))
    }

    func testTheTimeZoneChosenHereIsTheOneEveryPageWritesAtOnceAndAfterARestart() async throws {
        let admin = try await harness.member(holding: .all)
        let browser = try await harness.signedIn(admin)
        try await browser.get("/admin/settings")
        let organization = ["name": "Red del Valle", "hotlineNumber": "", "defaultLanguage": "es"]
        let refused = try await browser.post("/admin/settings/organization", organization.merging(["timeZone": "Mars/Olympus"]) { $1 })
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.body.string.contains("Choose the time zone from the list."), refused.body.string)
        XCTAssertTrue(refused.body.string.contains("value=\"Red del Valle\""), "what was typed stays")
        XCTAssertEqual(harness.app.amparo.organizationTime.identifier, "UTC", "nothing was saved")

        try await browser.post("/admin/settings/organization", organization.merging(["timeZone": "America/Chicago"]) { $1 })
        XCTAssertEqual(harness.app.amparo.timeZone.identifier, "America/Chicago")
        let settings = try await browser.get("/admin/settings").body.string
        XCTAssertTrue(settings.contains("<option value=\"America/Chicago\" selected>"), settings)
        let shifts = try await browser.get("/shifts").body.string
        XCTAssertTrue(shifts.contains("(America/Chicago)"), "the shifts repeat in the zone chosen")
        let noon = Date(timeIntervalSince1970: 1_796_320_800)  // 2026-12-03 18:00 UTC
        XCTAssertEqual(harness.app.amparo.localTime.dateTime(noon), "2026-12-03 12:00 CST")

        harness.app.amparo.organizationTime.use(nil)
        try await harness.app.amparo.reloadSettings(on: harness.app.db)
        XCTAssertEqual(harness.app.amparo.timeZone.identifier, "America/Chicago", "read back from the database at start")
    }

    func testATimeZoneTheEnvironmentFixesIsShownAndLeftAlone() async throws {
        try await harness.shutdown()
        harness = try await TestHarness.make { $0.timeZone = TimeZone(identifier: "America/Denver")! }
        let browser = try await harness.signedIn(try await harness.member(holding: .all))
        let page = try await browser.get("/admin/settings").body.string
        XCTAssertTrue(page.contains("America/Denver, set where the server starts (AMPARO_TIMEZONE)."), page)
        XCTAssertFalse(page.contains("name=\"timeZone\""), "nothing to choose")
        let saved = try await browser.post("/admin/settings/organization",
                                           ["name": "Red del Valle", "hotlineNumber": "", "defaultLanguage": "es", "timeZone": "America/Chicago"])
        XCTAssertEqual(saved.status, .seeOther)
        XCTAssertEqual(harness.app.amparo.timeZone.identifier, "America/Denver")
    }
}
