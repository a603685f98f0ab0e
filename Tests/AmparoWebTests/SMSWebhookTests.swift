import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// Reports by text message through Twilio's webhook, STOP handling, and dispatcher replies.
final class SMSWebhookTests: XCTestCase {
    var harness: TestHarness!
    var providers: ProviderSink!
    var smtp: SMTPSink!
    static let token = "twilio-auth-token-for-tests"

    override func setUp() async throws {
        providers = try await ProviderSink()
        smtp = try SMTPSink()
        let providerURL = providers.baseURL, smtpPort = smtp.port
        harness = try await TestHarness.make { config in
            // Mail as well: a sign-up is taken only for a channel this server can send on.
            config.delivery.smtpHost = "127.0.0.1"
            config.delivery.smtpPort = smtpPort
            config.delivery.mailFrom = "alerts@amparo.example"
            config.publicBaseURL = "https://amparo.example"
            config.delivery.twilioBaseURL = providerURL
            config.delivery.twilioAccountSID = "AC00000000000000000000000000000002"
            config.delivery.twilioAuthToken = Self.token
            config.delivery.twilioFrom = "+15035550100"
        }
    }

    override func tearDown() async throws {
        try await harness.shutdown()
        try await providers.stop()
        smtp.stop()
    }

    /// Posts what Twilio posts, signed unless told otherwise.
    func sms(from: String, body: String, signature: String? = nil) async throws -> BrowserResponse {
        let fields = ["From": from, "To": "+15035550100", "Body": body, "MessageSid": "SM\(UUID().uuidString.prefix(8))", "AccountSid": "AC00000000000000000000000000000002"]
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        headers.add(name: "X-Twilio-Signature", value: signature ?? TwilioSignature.compute(authToken: Self.token, url: "https://amparo.example/hooks/twilio/sms", parameters: fields))
        let body = Browser.formEncode(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        return try await harness.browser().send(.POST, "/hooks/twilio/sms", headers: headers, body: ByteBuffer(string: body))
    }

    func testUnsignedOrTamperedMessagesAreRefusedAndStoreNothing() async throws {
        let unsigned = try await sms(from: "+15035550123", body: "ICE at the school", signature: "")
        XCTAssertEqual(unsigned.status, .forbidden)
        let forged = try await sms(from: "+15035550123", body: "ICE at the school",
                                   signature: TwilioSignature.compute(authToken: "wrong", url: "https://amparo.example/hooks/twilio/sms", parameters: [:]))
        XCTAssertEqual(forged.status, .forbidden)
        let count = try await ReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(count, 0)
    }

    func testATextBecomesAReportAndLaterTextsThreadIntoIt() async throws {
        let first = try await sms(from: "(503) 555-0123", body: "Dos camionetas de ICE en la escuela Lincoln")
        XCTAssertEqual(first.status, .ok)
        XCTAssertEqual(first.headers.contentType, .xml)
        let code = try XCTUnwrap(Browser.firstMatch(#"código ([2-9A-Z]{4}-[2-9A-Z]{4})"#, in: first.body.string))
        XCTAssertTrue(first.body.string.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>"#))
        let second = try await sms(from: "+1 503 555 0123", body: "Ya se fueron hacia el norte")
        XCTAssertEqual(second.body.string, #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#, "threaded, no second receipt")
        var reports = try await ReportModel.query(on: harness.app.db).all()
        XCTAssertEqual(reports.count, 1)
        let report = try XCTUnwrap(reports.first)
        XCTAssertEqual(report.reference, code)
        XCTAssertEqual(report.channel, "sms")
        let messages = try await ReportMessageModel.query(on: harness.app.db).filter(\.$reportID == report.id!).count()
        XCTAssertEqual(messages, 2)

        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("5550123") || dump.contains("escuela Lincoln") || dump.contains("hacia el norte"))

        // The dispatcher reads the thread and answers over SMS.
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        let page = try await dispatcher.get("/hotline/reports/\(report.id!.uuidString)")
        XCTAssertTrue(page.body.string.contains("Ya se fueron hacia el norte"))
        let replied = try await dispatcher.post("/hotline/reports/\(report.id!.uuidString)/reply", ["body": "Gracias. ¿Cuántos agentes?"])
        XCTAssertEqual(replied.status, .seeOther)
        let sent = try XCTUnwrap(providers.requests.first)
        let fields = FormBody.parse(Array(sent.body.utf8))
        XCTAssertEqual(fields["To"], ["+15035550123"])
        XCTAssertEqual(fields["Body"], ["Gracias. ¿Cuántos agentes?"])

        // Three hours later, a new text is a new report.
        harness.clock.advance(by: 3 * 3600)
        let later = try await sms(from: "+15035550123", body: "Otra vez en la escuela")
        XCTAssertNotNil(Browser.firstMatch(#"código ([2-9A-Z]{4}-[2-9A-Z]{4})"#, in: later.body.string))
        reports = try await ReportModel.query(on: harness.app.db).all()
        XCTAssertEqual(reports.count, 2)
    }

    func testStopEndsThatNumbersSMSAlertsAndHelpAnswers() async throws {
        let browser = harness.browser()
        try await browser.get("/alerts/subscribe")
        for (channel, contact) in [("sms", "+1 503 555 0177"), ("email", "rosa@example.org")] {
            let response = try await browser.post("/alerts/subscribe", ["channel": channel, "contact": contact, "language": "es", "region": "", "consent": "yes"])
            XCTAssertEqual(response.status, .ok)
        }
        let stop = try await sms(from: "+15035550177", body: "ALTO")
        XCTAssertTrue(stop.body.string.contains("No recibirá más alertas"))
        let active = try await SubscriptionModel.query(on: harness.app.db).filter(\.$unsubscribedAt == nil).all()
        XCTAssertEqual(active.map(\.channel), ["email"], "the email subscription is another channel: untouched")
        let help = try await sms(from: "+15035550177", body: "help")
        XCTAssertTrue(help.body.string.contains("https://amparo.example/alerts/subscribe"))
        let reports = try await ReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(reports, 0, "commands are not reports")
    }
}
