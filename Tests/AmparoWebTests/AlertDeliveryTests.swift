import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import XCTVapor

@testable import AmparoWeb

/// From a verified report to messages in a real SMTP server and in local servers that speak
/// Twilio's and signal-cli-rest-api's protocols: once per subscriber, in their language, with a stop link.
final class AlertDeliveryTests: DeliveryTestCase {
    /// Signs up through the page and confirms through the link, as the person would; the
    /// confirmation messages are then cleared from the sinks (testASignUpStartsOnlyOnceConfirmed
    /// follows them).
    func subscribe(_ channel: String, _ contact: String, language: String, region: TeamModel?, confirm: Bool = true) async throws -> BrowserResponse {
        let browser = harness.browser()
        browser.headers.replaceOrAdd(name: "X-Forwarded-For", value: "198.51.100.\(Int.random(in: 1...250))")
        try await browser.get("/alerts/subscribe")
        let response = try await browser.post("/alerts/subscribe", ["channel": channel, "contact": contact, "language": language,
                                                                    "region": region?.id?.uuidString ?? "", "consent": "yes"])
        guard confirm, response.status == .ok else { return response }
        for pending in try await SubscriptionModel.query(on: harness.app.db).filter(\.$confirmedAt == nil).filter(\.$unsubscribedAt == nil).all() {
            let token = CapabilityToken.make("subscription-confirm", id: pending.id!, key: harness.services.linkKey)
            let confirmed = try await harness.browser().post("/alerts/confirm/\(token)", csrf: .none)
            XCTAssertEqual(confirmed.status, .ok)
        }
        try await harness.services.delivery.deliverNotices()
        smtp.clear()
        providers.clear()
        return response
    }

    /// With no channel set up, the page says alerts cannot be sent yet instead of "we sent you a
    /// message", and a sign-up posted anyway is refused with nothing stored.
    func testWithNoChannelTheSignUpSaysSoAndKeepsNothing() async throws {
        let bare = try await TestHarness.make()
        do {
            let browser = bare.browser()
            let form = try await browser.get("/alerts/subscribe")
            XCTAssertTrue(form.body.string.contains("id=\"not-set-up\""))
            XCTAssertFalse(form.body.string.contains("name=\"contact\""))
            let posted = try await browser.post("/alerts/subscribe", ["channel": "email", "contact": "rosa@example.org", "language": "es", "region": "", "consent": "yes"])
            XCTAssertEqual(posted.status, .unprocessableEntity)
            XCTAssertFalse(posted.body.string.contains(Text.alerts(.subscribedBody).in(.en)))
            let stored = try await SubscriptionModel.query(on: bare.app.db).count()
            XCTAssertEqual(stored, 0)
        } catch {
            try await bare.shutdown()
            throw error
        }
        try await bare.shutdown()
    }

    func testASignUpStartsOnlyOnceConfirmed() async throws {
        let byMail = try await subscribe("email", "ana@example.org", language: "es", region: nil, confirm: false)
        XCTAssertEqual(byMail.status, .ok)
        XCTAssertTrue(byMail.body.string.contains("Alerts start once you open its link"))
        let byText = try await subscribe("sms", "+1 503 555 0171", language: "en", region: nil, confirm: false)
        XCTAssertEqual(byText.status, .ok)
        let again = try await subscribe("email", "ana@example.org", language: "es", region: nil, confirm: false)
        XCTAssertEqual(again.status, .ok)
        try await harness.services.delivery.runOnce()
        let mails = smtp.messages()
        XCTAssertEqual(mails.count, 1, "asking twice within the hour sends one confirmation")
        let mailBody = try XCTUnwrap(Self.decodedBody(try XCTUnwrap(mails.first)))
        let link = try XCTUnwrap(Browser.firstMatch(#"https://amparo\.example(/alerts/confirm/[0-9a-f-]{36}\.[A-Za-z0-9_-]+)"#, in: mailBody))
        let text = try XCTUnwrap(providers.requests.first { $0.path.hasSuffix("Messages.json") })
        XCTAssertTrue(FormBody.parse(Array(text.body.utf8))["Body"]?.first?.contains("reply YES") == true)

        // Nobody confirmed yet: an alert reaches nobody.
        let report = try await verifiedReport()
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        let path = "/hotline/reports/\(report.id!.uuidString)"
        try await coordinator.get(path)
        try await coordinator.post(path + "/alert", ["place": "Centro", "hours": "2", "messageEN": "Checkpoint", "messageES": "Retén"])
        let first = try await AlertModel.query(on: harness.app.db).first()
        XCTAssertEqual(first?.recipients, 0)

        // The email link shows a button (mail scanners open links); the button confirms.
        let person = harness.browser()
        let page = try await person.get(link)
        XCTAssertTrue(page.body.string.contains("Sí, envíenme alertas") || page.body.string.contains("Yes, send me alerts"))
        let yes = try await person.post(link, csrf: .none)
        XCTAssertEqual(yes.status, .ok)
        // The phone answers YES by text.
        let fields = ["From": "+15035550171", "To": "+15035550100", "Body": "Sí", "MessageSid": "SM1", "AccountSid": "AC00000000000000000000000000000001"]
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        headers.add(name: "X-Twilio-Signature", value: TwilioSignature.compute(authToken: "test-auth-token", url: "https://amparo.example/hooks/twilio/sms", parameters: fields))
        let reply = try await harness.browser().send(.POST, "/hooks/twilio/sms", headers: headers,
                                                     body: ByteBuffer(string: Browser.formEncode(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })))
        XCTAssertTrue(reply.body.string.contains("Confirmed: you will get verified alerts"), reply.body.string)
        let confirmed = try await SubscriptionModel.query(on: harness.app.db).filter(\.$confirmedAt != nil).count()
        XCTAssertEqual(confirmed, 2)
        try await coordinator.get(path)
        try await coordinator.post(path + "/alert", ["place": "Centro", "hours": "2", "messageEN": "Checkpoint", "messageES": "Retén"])
        let second = try await AlertModel.query(on: harness.app.db).sort(\.$publishedAt, .descending).all().map(\.recipients)
        XCTAssertTrue(second.contains(2), "\(second)")

        // RFC 8058: a mail client stops alerts with one POST, no page, no cookie.
        let unconfirmedThird = try await subscribe("email", "nadie@example.org", language: "en", region: nil, confirm: false)
        XCTAssertEqual(unconfirmedThird.status, .ok)
        let ana = try await SubscriptionModel.query(on: harness.app.db).filter(\.$channel == "email").filter(\.$confirmedAt != nil).first()!
        let stop = "/alerts/unsubscribe/\(UnsubscribeLinks.token(forID: ana.id!, key: harness.services.unsubscribeKey))"
        let oneClick = try await harness.browser().send(.POST, stop, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
        XCTAssertEqual(oneClick.status, .ok)
        let stopped = try await SubscriptionModel.find(ana.id, on: harness.app.db)
        XCTAssertNotNil(stopped?.unsubscribedAt)

        // A sign-up nobody confirms loses its contact after a week.
        harness.clock.advance(by: 8 * 86400)
        _ = await harness.services.purge.runAll(logger: harness.app.logger)
        let nobody = try await SubscriptionModel.query(on: harness.app.db).filter(\.$confirmedAt == nil).all()
        XCTAssertFalse(nobody.isEmpty)
        XCTAssertTrue(nobody.allSatisfy { $0.contactSealed == nil && $0.unsubscribedAt != nil })
    }

    /// A report filed, claimed and verified by a dispatcher.
    func verifiedReport() async throws -> ReportModel {
        let reporter = harness.browser()
        try await reporter.get("/report")
        let filed = try await reporter.post("/report", ["what": "ICE vans at the clinic", "place": "Clinic on 5th"])
        let code = try XCTUnwrap(Browser.firstMatch(#"id="reference">([2-9A-Z-]{9})<"#, in: filed.body.string))
        let report = try await ReportModel.query(on: harness.app.db).filter(\.$reference == code).first()!
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        let path = "/hotline/reports/\(report.id!.uuidString)"
        try await dispatcher.get(path)
        try await dispatcher.post(path + "/claim")
        try await dispatcher.get(path)
        try await dispatcher.post(path + "/status", ["from": "claimed", "to": "verified", "reason": "Responder confirmed"])
        return report
    }

    func testAVerifiedAlertReachesEachSubscriberOnceInTheirLanguage() async throws {
        let east = TeamModel(name: "Eastside", region: "Eastside"), west = TeamModel(name: "Westside", region: "Westside")
        try await east.create(on: harness.app.db)
        try await west.create(on: harness.app.db)
        let bad = try await subscribe("email", "not-an-email", language: "es", region: east)
        XCTAssertEqual(bad.status, .unprocessableEntity)
        let got1 = try await subscribe("email", "lucia@example.org", language: "es", region: east).status
        XCTAssertEqual(got1, .ok)
        let got2 = try await subscribe("email", "lucia@example.org", language: "es", region: east).status
        XCTAssertEqual(got2, .ok, "twice is once")
        let got3 = try await subscribe("sms", "(503) 555-0142", language: "en", region: nil).status
        XCTAssertEqual(got3, .ok)
        let got4 = try await subscribe("signal", "+52 55 5555 0143", language: "es", region: east).status
        XCTAssertEqual(got4, .ok)
        let got5 = try await subscribe("sms", "+1 503 555 0199", language: "en", region: west).status
        XCTAssertEqual(got5, .ok, "another region")
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("lucia@example.org") || dump.contains("5550142"), "contacts are sealed")

        let report = try await verifiedReport()
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        let path = "/hotline/reports/\(report.id!.uuidString)"
        let page = try await coordinator.get(path)
        XCTAssertTrue(page.body.string.contains("Send a verified alert"))
        let refused = try await coordinator.post(path + "/alert", ["place": "", "messageEN": "x", "messageES": "x", "hours": "6"])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        let published = try await coordinator.post(path + "/alert", [
            "place": "Eastside", "region": east.id!.uuidString, "hours": "6",
            "messageEN": "ICE agents near the clinic on 5th.\nStay inside, do not open the door.",
            "messageES": "Agentes de ICE cerca de la clínica en la 5.\nQuédese adentro, no abra la puerta.",
        ])
        XCTAssertEqual(published.status, .seeOther)
        let alert = try await AlertModel.query(on: harness.app.db).first()!
        XCTAssertEqual(alert.recipients, 3, "the Eastside subscribers and the one who wants every area")

        let tried = try await harness.services.delivery.runOnce()
        XCTAssertEqual(tried, 3)
        let got6 = try await harness.services.delivery.runOnce()
        XCTAssertEqual(got6, 0, "nothing is sent twice")
        let counts = try await Outbox.counts(alertID: alert.id!, on: harness.app.db)
        XCTAssertEqual(counts, ["sent": 3])

        let mails = smtp.messages()
        XCTAssertEqual(mails.count, 1)
        let mail = try XCTUnwrap(mails.first)
        XCTAssertTrue(mail.contains("To: <lucia@example.org>"))
        XCTAssertTrue(mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), "RFC 8058 one-click stop")
        XCTAssertTrue(mail.contains("Message-ID: <amparo-\(alert.id!.uuidString.lowercased())-"))
        let body = try XCTUnwrap(Self.decodedBody(mail))
        XCTAssertTrue(body.contains("Eastside: Agentes de ICE cerca de la clínica en la 5. Quédese adentro"), body)
        let stopLink = try XCTUnwrap(Browser.firstMatch(#"(https://amparo\.example/alerts/unsubscribe/[A-Za-z0-9_-]+)"#, in: body))

        let requests = providers.requests
        XCTAssertEqual(requests.count, 2)
        let sms = try XCTUnwrap(requests.first { $0.path.hasSuffix("/Messages.json") })
        XCTAssertEqual(sms.path, "/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json")
        XCTAssertEqual(sms.authorization, "Basic " + Data("AC00000000000000000000000000000001:test-auth-token".utf8).base64EncodedString())
        let smsFields = FormBody.parse(Array(sms.body.utf8))
        XCTAssertEqual(smsFields["To"], ["+15035550142"])
        XCTAssertEqual(smsFields["From"], ["+15035550100"])
        XCTAssertTrue(smsFields["Body"]?.first?.contains("Stay inside, do not open the door.") == true, "English, as asked")
        let signal = try XCTUnwrap(requests.first { $0.path == "/v2/send" })
        let payload = try JSONDecoder().decode(SignalSender.Payload.self, from: Data(signal.body.utf8))
        XCTAssertEqual(payload.recipients, ["+525555550143"])
        XCTAssertEqual(payload.number, "+15035550101")
        XCTAssertTrue(payload.message.contains("Quédese adentro"))
        XCTAssertNotNil(signal.idempotencyKey)

        // The stop link works in one click (and a confirmation page for people who open it).
        let person = harness.browser()
        let confirm = try await person.get(String(stopLink.dropFirst("https://amparo.example".count)))
        XCTAssertEqual(confirm.status, .ok)
        let stopped = try await person.post(String(stopLink.dropFirst("https://amparo.example".count)))
        XCTAssertEqual(stopped.status, .ok)
        let remaining = try await SubscriptionModel.query(on: harness.app.db).filter(\.$unsubscribedAt == nil).count()
        XCTAssertEqual(remaining, 3)
        let gone = try await SubscriptionModel.query(on: harness.app.db).filter(\.$unsubscribedAt != nil).first()
        XCTAssertNil(gone?.contactSealed, "the contact is deleted")
        XCTAssertNotNil(gone?.consentStatement, "the consent record stays")
    }

    func testAProviderFailureIsRetriedWithBackoffAndNothingIsLost() async throws {
        let got7 = try await subscribe("signal", "+1 503 555 0150", language: "es", region: nil).status
        XCTAssertEqual(got7, .ok)
        let report = try await verifiedReport()
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        let path = "/hotline/reports/\(report.id!.uuidString)"
        try await coordinator.get(path)
        providers.failuresLeft.withLockedValue { $0 = 1 }
        try await coordinator.post(path + "/alert", ["place": "Town", "hours": "2", "messageEN": "Checkpoint on Route 9", "messageES": "Retén en la ruta 9"])
        let alert = try await AlertModel.query(on: harness.app.db).first()!

        try await harness.services.delivery.runOnce()
        var counts = try await Outbox.counts(alertID: alert.id!, on: harness.app.db)
        XCTAssertEqual(counts, ["pending": 1], "the 503 puts it back")
        try await harness.services.delivery.runOnce()
        XCTAssertEqual(providers.requests.count, 0, "not before its backoff")
        harness.clock.advance(by: 61)
        try await harness.services.delivery.runOnce()
        counts = try await Outbox.counts(alertID: alert.id!, on: harness.app.db)
        XCTAssertEqual(counts, ["sent": 1])
        XCTAssertEqual(providers.requests.count, 1)

        // A worker that died holding a lease: the message comes due again when the lease runs out.
        try await harness.app.db.sql.raw("""
            UPDATE outbox SET status = 'sending', lease_until = \(bind: harness.clock.now().addingTimeInterval(120)), sent_at = NULL
            """).run()
        let got8 = try await harness.services.delivery.runOnce()
        XCTAssertEqual(got8, 0, "leased: left alone")
        harness.clock.advance(by: 121)
        let got9 = try await harness.services.delivery.runOnce()
        XCTAssertEqual(got9, 1, "lease expired: delivered again, with the same idempotency key")
        let keys = providers.requests.compactMap(\.idempotencyKey)
        XCTAssertEqual(Set(keys).count, 1)
    }

    static func decodedBody(_ mail: String) -> String? {
        guard let range = mail.range(of: "\n\n") ?? mail.range(of: "\r\n\r\n") else { return nil }
        let encoded = mail[range.upperBound...].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(encoded)).flatMap { String(data: $0, encoding: .utf8) }
    }

    func testAnExpiredAlertIsNotSentLateAndAnUnsetChannelWaits() async throws {
        for (channel, contact) in [("signal", "+1 503 555 0160"), ("email", "late@example.org")] {
            let response = try await subscribe(channel, contact, language: "en", region: nil)
            XCTAssertEqual(response.status, .ok)
        }
        let report = try await verifiedReport()
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        let path = "/hotline/reports/\(report.id!.uuidString)"
        try await coordinator.get(path)
        try await coordinator.post(path + "/alert", ["place": "Town", "hours": "1", "messageEN": "Checkpoint", "messageES": "Retén"])
        let alert = try await AlertModel.query(on: harness.app.db).first()!

        // A worker that can only send Signal leaves the email waiting, untouched.
        let claimed = try await Outbox.claim(limit: 10, now: harness.clock.now(), lease: 60, channels: ["signal"], on: harness.app.db)
        XCTAssertEqual(claimed.map(\.channel), ["signal"])
        try await Outbox.markFailed(claimed[0].key, error: "test", retryAt: harness.clock.now(), on: harness.app.db)

        harness.clock.advance(by: 2 * 3600)
        try await harness.services.delivery.runOnce()
        let counts = try await Outbox.counts(alertID: alert.id!, on: harness.app.db)
        XCTAssertEqual(counts, ["failed": 2], "two hours late for a one-hour alert: nobody gets it")
        XCTAssertTrue(providers.requests.isEmpty)
        XCTAssertTrue(smtp.messages().isEmpty)
    }

    /// Messages share SMTP sessions; a session the relay closed while idle (here: the relay restarted)
    /// is noticed at MAIL and the message goes on a new session, once.
    func testMailSessionsAreReusedAndAStaleOneIsReplacedWithoutLosingTheMessage() async throws {
        let sender = SMTPSender(server: SMTPServer(host: "127.0.0.1", port: smtp.port, security: .none, from: "alerts@riovalley.example"), group: harness.app.eventLoopGroup)
        func message(_ n: Int) -> OutgoingMessage {
            OutgoingMessage(to: "n\(n)@example.org", subject: "Test \(n)", body: "Body \(n)", idempotencyKey: "amparo-test-\(n)")
        }
        for n in 1...3 { try await sender.send(message(n)) }
        XCTAssertEqual(smtp.messages().count, 3)
        let port = smtp.port
        smtp.stop()
        smtp = try SMTPSink(port: port)
        try await sender.send(message(4))
        let after = smtp.messages()
        XCTAssertEqual(after.count, 1, "the fourth message arrived once, on a new session")
        XCTAssertTrue(after.first?.contains("Message-ID: <amparo-test-4@amparo>") == true)
    }

    /// Several app servers on one database share the outbox: two workers deliver at once and every
    /// message goes out exactly once (on PostgreSQL they claim with FOR UPDATE SKIP LOCKED; SQLite
    /// has one writer). Runs on both databases.
    func testTwoWorkersShareTheOutboxAndSendEachMessageOnce() async throws {
        try await harness.ensureOrganization()
        try await Operations.seedSubscribers(harness.app, count: 90, emailDomain: "example.org")
        let (queued, _) = try await Operations.publishLoadTestAlert(harness.app)
        XCTAssertEqual(queued, 90)
        let app = harness.app
        let one = harness.services.delivery
        let other = DeliveryWorker(services: harness.services, database: { app.db }, channels: LiveChannels(environment: harness.config.delivery) { makeSender(app, $0, $1) })
        async let first = one.runOnce()
        async let second = other.runOnce()
        let (a, b) = try await (first, second)
        XCTAssertEqual(a + b, 90, "between them the two workers tried each message once")
        let alert = try await AlertModel.query(on: harness.app.db).first()!
        let counts = try await Outbox.counts(alertID: alert.id!, on: harness.app.db)
        XCTAssertEqual(counts, ["sent": 90])
        let keys = providers.requests.compactMap(\.idempotencyKey) + smtp.messages().compactMap {
            Browser.firstMatch(#"Message-ID: <([^>]+)>"#, in: $0)
        }
        XCTAssertEqual(keys.count, 90)
        XCTAssertEqual(Set(keys).count, 90, "no message twice")
    }

    func testASpanishOnlyAlertIsPreviewedWithItsAudienceAndReachesEveryoneMarkedAsSuch() async throws {
        let east = TeamModel(name: "Eastside", region: "Eastside")
        try await east.create(on: harness.app.db)
        _ = try await subscribe("email", "lucia@example.org", language: "es", region: east)
        _ = try await subscribe("sms", "(503) 555-0142", language: "en", region: nil)
        _ = try await subscribe("sms", "+1 503 555 0144", language: "es", region: nil)
        let report = try await verifiedReport()
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator, name: "Olu Coordinadora"))
        let path = "/hotline/reports/\(report.id!.uuidString)"
        try await coordinator.get(path)

        // Refused: the text comes back as typed, with what to fix beside its field.
        let typed = "Agentes de ICE cerca de la clínica <en la 5>."
        let refused = try await coordinator.post(path + "/alert/preview", ["place": "", "region": east.id!.uuidString, "messageES": typed, "hours": "99"])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.body.string.contains("Agentes de ICE cerca de la clínica &lt;en la 5&gt;."), "what was typed is kept")
        XCTAssertTrue(refused.body.string.contains("Name the area in 1 to 120 characters"))
        XCTAssertTrue(refused.body.string.contains("An alert is valid for 1 to 72 hours"))
        let nothing = try await coordinator.post(path + "/alert/preview", ["place": "Eastside", "messageES": " ", "messageEN": "", "hours": "6"])
        XCTAssertEqual(nothing.status, .unprocessableEntity)
        XCTAssertTrue(nothing.body.string.contains("Write the alert in at least one language"))
        let noAlerts = try await AlertModel.query(on: harness.app.db).count()
        XCTAssertEqual(noAlerts, 0, "a refused form writes nothing")

        // The preview: who, by channel and language, and the exact message each reads. Nothing is sent.
        let preview = try await coordinator.post(path + "/alert/preview", ["place": "Eastside", "region": east.id!.uuidString, "messageES": typed, "hours": "6"])
        XCTAssertEqual(preview.status, .ok)
        let page = preview.body.string
        XCTAssertTrue(page.contains("Who will receive it: 3"), page)
        XCTAssertTrue(page.contains("1 by email in Spanish") && page.contains("1 by text message in English") && page.contains("1 by text message in Spanish"), page)
        XCTAssertTrue(page.contains("(Only in Spanish) Eastside: Agentes de ICE cerca de la clínica &lt;en la 5&gt;."), "the English reader's message says so")
        XCTAssertTrue(page.contains("Test Defense Network: verified alert, Eastside") || page.contains("Test Defense Network: alerta verificada, Eastside"))
        XCTAssertTrue(page.contains("— Test Defense Network"), "signed with the group's name")
        XCTAssertTrue(page.contains("<form method=\"post\" action=\"\(path)/alert\">") && page.contains(">Send the alert</button>"),
                      "and a button that sends it")
        let stillNone = try await AlertModel.query(on: harness.app.db).count()
        XCTAssertEqual(stillNone, 0, "a preview publishes nothing")

        let published = try await coordinator.post(path + "/alert", ["place": "Eastside", "region": east.id!.uuidString, "messageES": typed, "hours": "6"])
        XCTAssertEqual(published.status, .seeOther)
        let delivered = try await harness.services.delivery.runOnce()
        XCTAssertEqual(delivered, 3)
        let sms = providers.requests.filter { $0.path.hasSuffix("/Messages.json") }.map { FormBody.parse(Array($0.body.utf8)) }
        let english = try XCTUnwrap(sms.first { $0["To"] == ["+15035550142"] }?["Body"]?.first)
        XCTAssertTrue(english.hasPrefix("(Only in Spanish) Eastside: Agentes de ICE cerca de la clínica"), english)
        XCTAssertTrue(english.contains("— Test Defense Network\nStop these alerts: https://amparo.example/alerts/unsubscribe/"), english)
        let spanish = try XCTUnwrap(sms.first { $0["To"] == ["+15035550144"] }?["Body"]?.first)
        XCTAssertTrue(spanish.hasPrefix("Eastside: Agentes de ICE"), spanish)
        let mail = try XCTUnwrap(smtp.messages().first)
        let subject = Data("Test Defense Network: alerta verificada, Eastside".utf8).base64EncodedString()
        XCTAssertTrue(mail.contains("Subject: =?UTF-8?B?\(subject)?="), mail)

        // The alerts page: every alert with its delivery by channel; the API serves the same value.
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        let list = try await dispatcher.get("/hotline/alerts")
        XCTAssertEqual(list.status, .ok)
        XCTAssertTrue(list.body.string.contains("Olu Coordinadora") && list.body.string.contains(report.reference))
        XCTAssertFalse(list.body.string.contains("data-poll"), "nothing in flight: the page stops asking")
        let token = try await harness.apiToken(for: try await harness.member(.dispatcher))
        let api = harness.browser()
        api.headers.bearerAuthorization = .init(token: token)
        let json = try await api.get("/api/v1/hotline/alerts")
        XCTAssertEqual(json.status, .ok, json.body.string)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let value = try decoder.decode(AlertsPage.self, from: Data(json.body.readableBytesView))
        let alert = try XCTUnwrap(value.alerts.first)
        XCTAssertEqual(alert.text, AlertText(english: nil, spanish: typed))
        XCTAssertEqual(alert.delivery, [DeliveryCount(channel: .email, status: .sent, count: 1), DeliveryCount(channel: .sms, status: .sent, count: 2)])
    }

    func testFailureReasonsNeverShowAPhoneNumberOrAnAddress() {
        XCTAssertEqual(FailureReason.redacted("permanent(\"The 'To' number +1 503 555 0142 is not a valid phone number.\")"),
                       "permanent(\"The 'To' number … is not a valid phone number.\")")
        XCTAssertEqual(FailureReason.redacted("550 5.1.1 <lucia@example.org>: mailbox unavailable"), "550 5.1.1 <…>: mailbox unavailable")
    }

    /// Twilio keeps no idempotency key: after a crash, a text whose lease ran out unmarked is looked
    /// up in Twilio's message list and sent again only if it is not there.
    func testAfterACrashATextGoesOutOnceThoughTheProviderKeepsNoKey() async throws {
        for number in ["+1 503 555 0171", "+1 503 555 0172", "+1 503 555 0173"] {
            let response = try await subscribe("sms", number, language: "en", region: nil)
            XCTAssertEqual(response.status, .ok)
        }
        let report = try await verifiedReport()
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        let path = "/hotline/reports/\(report.id!.uuidString)"
        try await coordinator.get(path)
        try await coordinator.post(path + "/alert", ["place": "Town", "hours": "2", "messageEN": "Checkpoint on Route 9"])
        let sent = try await harness.services.delivery.runOnce()
        XCTAssertEqual(sent, 3)
        XCTAssertEqual(providers.requests.count, 3)

        // The worker died: two rows never got marked; of those, one text had left and one had not.
        try await (harness.app.db as! any SQLDatabase).raw("""
            UPDATE outbox SET status = 'sending', lease_until = \(bind: harness.clock.now().addingTimeInterval(-1))
            WHERE subscription_id IN (SELECT id FROM subscriptions WHERE channel = 'sms') AND sent_at IS NOT NULL
            """).run()
        try await (harness.app.db as! any SQLDatabase).raw("""
            UPDATE outbox SET status = 'sent' WHERE subscription_id = (SELECT subscription_id FROM outbox ORDER BY subscription_id LIMIT 1)
            """).run()
        let unmarked = try await Outbox.counts(alertID: try XCTUnwrapAsync(try await AlertModel.query(on: harness.app.db).first()).id!, on: harness.app.db)
        XCTAssertEqual(unmarked, ["sent": 1, "sending": 2])
        let numbers = providers.requests.compactMap { FormBody.parse(Array($0.body.utf8))["To"]?.first }
        let stillSending = try await (harness.app.db as! any SQLDatabase).raw("SELECT subscription_id FROM outbox WHERE status = 'sending'").all()
        XCTAssertEqual(stillSending.count, 2)
        // Which number belongs to which row does not matter: forget one of the two unmarked ones.
        let unsentNumber = try await unmarkedNumbers().first!
        providers.forget(to: unsentNumber)
        XCTAssertEqual(providers.requests.count, 2)

        harness.clock.advance(by: 1)
        let again = try await harness.services.delivery.runOnce()
        XCTAssertEqual(again, 2)
        XCTAssertEqual(providers.lists.withLockedValue { $0 }, 2, "Twilio was asked about each unmarked text")
        let after = providers.requests.compactMap { FormBody.parse(Array($0.body.utf8))["To"]?.first }
        XCTAssertEqual(after.count, 3, "only the text that had not left goes out")
        XCTAssertEqual(Set(after), Set(numbers), "everyone has it once")
        let counts = try await Outbox.counts(alertID: try XCTUnwrapAsync(try await AlertModel.query(on: harness.app.db).first()).id!, on: harness.app.db)
        XCTAssertEqual(counts, ["sent": 3])
    }

    private func unmarkedNumbers() async throws -> [String] {
        let sealer = harness.services.sealer
        let rows = try await (harness.app.db as! any SQLDatabase).raw("""
            SELECT s.id AS id, s.contact_sealed AS contact FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id WHERE o.status = 'sending'
            """).all()
        return try rows.map { row in
            try sealer.open(try row.decode(column: "contact", as: String.self),
                            context: SealedColumn.subscriptionContact.context(rowID: try row.decode(column: "id", as: UUID.self)))
        }
    }
}
