import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// Reports by Signal: the inbox fetches from a server speaking signal-cli-rest-api's receive API,
/// answers through its send API, threads a sender's texts, honours STOP, and dispatchers reply.
final class SignalIntakeTests: XCTestCase {
    var harness: TestHarness!
    var providers: ProviderSink!

    override func setUp() async throws {
        providers = try await ProviderSink()
        let providerURL = providers.baseURL
        harness = try await TestHarness.make { config in
            config.publicBaseURL = "https://amparo.example"
            config.delivery.signalBaseURL = providerURL
            config.delivery.signalNumber = "+15035550101"
        }
    }

    override func tearDown() async throws {
        try await harness.shutdown()
        try await providers.stop()
    }

    /// An envelope as signal-cli-rest-api returns it for a text message.
    func arrive(_ text: String, number: String?, uuid: String = UUID().uuidString.lowercased(), at timestamp: Int) {
        let source = number.map { "\"source\":\"\($0)\",\"sourceNumber\":\"\($0)\"," } ?? "\"source\":\"\(uuid)\",\"sourceNumber\":null,"
        let envelope = """
        {"envelope":{\(source)"sourceUuid":"\(uuid)","sourceName":"Vecina","sourceDevice":1,"timestamp":\(timestamp),\
        "dataMessage":{"timestamp":\(timestamp),"message":\(String(data: try! JSONEncoder().encode(text), encoding: .utf8)!),"expiresInSeconds":0,"viewOnce":false}},\
        "account":"+15035550101"}
        """
        providers.inbox.withLockedValue { $0.append(envelope) }
    }

    func sent() -> [SignalSender.Payload] {
        providers.requests.filter { $0.path == "/v2/send" }.compactMap { try? JSONDecoder().decode(SignalSender.Payload.self, from: Data($0.body.utf8)) }
    }

    func testTextsBecomeThreadedReportsAnsweredOverSignal() async throws {
        let inbox = try XCTUnwrap(signalInbox(harness.app))
        arrive("La migra está en la parada del bus 12", number: "+15035550133", at: 1_790_000_000_000)
        // A typing notice or a receipt has no dataMessage: skipped.
        providers.inbox.withLockedValue { $0.append(#"{"envelope":{"sourceNumber":"+15035550133","sourceUuid":"x","timestamp":1,"typingMessage":{"action":"STARTED"}},"account":"+15035550101"}"#) }
        let handled = try await inbox.pollOnce()
        XCTAssertEqual(handled, 1)
        let first = try await ReportModel.query(on: harness.app.db).first()
        let report = try XCTUnwrap(first)
        XCTAssertEqual(report.channel, "signal")
        let answer = try XCTUnwrap(sent().first)
        XCTAssertEqual(answer.recipients, ["+15035550133"])
        XCTAssertEqual(answer.number, "+15035550101")
        XCTAssertTrue(answer.message.contains(report.reference), answer.message)

        arrive("Son tres camionetas blancas", number: "+15035550133", at: 1_790_000_060_000)
        let threaded = try await inbox.pollOnce()
        XCTAssertEqual(threaded, 1)
        let reports = try await ReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(reports, 1, "the second text joins the open report")
        XCTAssertEqual(sent().count, 1, "no second answer")
        let nothing = try await inbox.pollOnce()
        XCTAssertEqual(nothing, 0)

        // A sender who hides their number is answered through their Signal account id.
        let hidden = UUID().uuidString.lowercased()
        arrive("Retén en la calle Alder", number: nil, uuid: hidden, at: 1_790_000_120_000)
        try await inbox.pollOnce()
        XCTAssertEqual(sent().last?.recipients, [hidden])
        let count = try await ReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(count, 2)

        // The dispatcher reads the thread and answers over Signal.
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        let path = "/hotline/reports/\(report.id!.uuidString)"
        let page = try await dispatcher.get(path).body.string
        XCTAssertTrue(page.contains("Son tres camionetas blancas") && page.contains("La migra está en la parada"))
        let replied = try await dispatcher.post(path + "/reply", ["body": "Vamos para allá. Manténgase a salvo."])
        XCTAssertEqual(replied.status, .seeOther)
        XCTAssertEqual(sent().last?.recipients, ["+15035550133"])
        XCTAssertEqual(sent().last?.message, "Vamos para allá. Manténgase a salvo.")
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("parada del bus") || dump.contains("5550133"), "texts and numbers are sealed")
    }

    func testStopEndsSignalAlertsForThatNumberOnly() async throws {
        let inbox = try XCTUnwrap(signalInbox(harness.app))
        for contact in ["+1 503 555 0144", "+1 503 555 0155"] {
            let browser = harness.browser()
            try await browser.get("/alerts/subscribe")
            let subscribed = try await browser.post("/alerts/subscribe", ["channel": "signal", "contact": contact, "language": "es", "region": "", "consent": "yes"])
            XCTAssertEqual(subscribed.status, .ok)
        }
        arrive("ALTO", number: "+15035550144", at: 1_790_000_000_000)
        try await inbox.pollOnce()
        let active = try await SubscriptionModel.query(on: harness.app.db).filter(\.$unsubscribedAt == nil).count()
        XCTAssertEqual(active, 1)
        XCTAssertTrue(sent().last?.message.contains("No recibirá más alertas") == true)
        let reports = try await ReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(reports, 0, "a keyword is not a report")
    }
}
