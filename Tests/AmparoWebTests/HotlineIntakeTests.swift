import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import SQLKit
import XCTVapor

@testable import AmparoWeb

/// The public report page: what a frightened neighbour on a cheap phone goes through.
final class HotlineIntakeTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws {
        harness = try await TestHarness.make { config in
            config.trustedProxies = .loopback
            config.reportLimit = .init(limit: 3, window: 600)
        }
    }
    override func tearDown() async throws { try await harness.shutdown() }

    static let what = "Two unmarked vans outside Lavandería Quetzalcoatl, officers asking for papers"
    static let place = "Calle Ximénez 4417 and Oyelaran Avenue"
    static let callback = "+1 (971) 555-0142"

    func reporter(source: String = "198.51.100.10") -> Browser {
        let browser = harness.browser()
        browser.headers.replaceOrAdd(name: "X-Forwarded-For", value: source)
        browser.headers.replaceOrAdd(name: .acceptLanguage, value: "es-MX,es;q=0.9")
        return browser
    }

    var validReport: [String: String] {
        ["what": Self.what, "place": Self.place, "when": "15", "officers": "4", "vehicles": "2", "agency": "ice",
         "latitude": "45.523064", "longitude": "-122.676483", "pin": "blurred", "callback": Self.callback]
    }

    func testAReportFiledInSpanishIsStoredSealedAndAnsweredWithAReferenceCode() async throws {
        let browser = reporter()
        let page = try await browser.get("/report")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("¿Qué está pasando?"), "Spanish from Accept-Language")
        XCTAssertTrue(page.body.string.contains("<html lang=\"es\">"))
        // Works without JavaScript: the scripts are the same-origin "use my location" button and the
        // offline worker's registration, deferred; the page is installable (its manifest).
        XCTAssertEqual(page.body.string.components(separatedBy: "<script").count - 1, 2)
        XCTAssertTrue(page.body.string.contains("<script src=\"/static/report-location.js\" defer></script>"))
        XCTAssertTrue(page.body.string.contains("<script src=\"/static/offline.js\" defer></script>"))
        XCTAssertTrue(page.body.string.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">"))
        XCTAssertTrue(page.body.string.contains("name=\"latitude\""), "the map point can be typed")
        let css = try await browser.get("/static/amparo.css")
        XCTAssertLessThan(page.body.readableBytes + css.body.readableBytes, 30_000, "page and stylesheet under 30 KB")

        let response = try await browser.post("/report", validReport)
        XCTAssertEqual(response.status, .ok)
        let code = try XCTUnwrap(Browser.firstMatch(#"id="reference">([2-9A-Z]{4}-[2-9A-Z]{4})<"#, in: response.body.string))
        XCTAssertTrue(response.body.string.contains("Su código de referencia es \(code)"))

        let found = try await ReportModel.query(on: harness.app.db).filter(\.$reference == code).first()
        let report = try XCTUnwrap(found)
        XCTAssertEqual(report.status, "new")
        XCTAssertEqual(report.language, "es")
        XCTAssertEqual(report.agency, "ice")
        XCTAssertEqual(report.officers, 4)
        XCTAssertEqual(report.vehicles, 2)
        XCTAssertEqual(report.occurredAt, TestHarness.start.addingTimeInterval(-15 * 60))
        let sealer = harness.services.sealer
        XCTAssertEqual(ReportRecords.open(report.whatSealed, .reportWhat, report: report, sealer: sealer), Self.what)
        XCTAssertEqual(ReportRecords.open(report.placeSealed, .reportPlace, report: report, sealer: sealer), Self.place)
        XCTAssertEqual(ReportRecords.open(report.pinSealed, .reportPin, report: report, sealer: sealer), "45.52,-122.68",
                       "blurred to about 1 km")
        XCTAssertEqual(ReportRecords.open(report.callbackSealed, .reportCallback, report: report, sealer: sealer), Self.callback)

        // What a thief of the database would read: none of it.
        let dump = try await harness.dumpDatabaseText()
        for needle in ["Quetzalcoatl", "Ximénez", "Oyelaran", "555-0142", "45.52", "198.51.100.10"] {
            XCTAssertFalse(dump.contains(needle), "the database holds \(needle) in plaintext")
        }
        if case .sqlite(let path) = harness.config.database {
            var bytes = Data()
            for suffix in ["", "-wal"] { bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data() }
            let raw = String(decoding: bytes, as: UTF8.self)
            for needle in ["Quetzalcoatl", "Oyelaran", "555-0142", "198.51.100.10"] {
                XCTAssertFalse(raw.contains(needle), "the raw SQLite file holds \(needle)")
            }
        }
        // Nor the logs: no address, no agent, no content.
        for needle in ["198.51.100.10", "Quetzalcoatl", "555-0142", "es-MX"] {
            XCTAssertFalse(harness.logs.text.contains(needle), "the log holds \(needle)")
        }
    }

    func testBadInputIsRefusedWithMessagesKeepsWhatWasTypedAndStoresNothing() async throws {
        let browser = reporter()
        try await browser.get("/report")
        let cases: [([String: String], String)] = [
            (["place": Self.place], "Diga qué está pasando."),
            (["what": "   ", "place": Self.place], "Diga qué está pasando."),
            (["what": Self.what], "Diga dónde está pasando."),
            (["what": String(repeating: "x", count: 2001), "place": Self.place], "como máximo 2000"),
            (["what": Self.what, "place": Self.place, "officers": "many"], "número entero de 0 a 500"),
            (["what": Self.what, "place": Self.place, "vehicles": "-1"], "número entero de 0 a 500"),
            (["what": Self.what, "place": Self.place, "agency": "fbi"], "Elija una de las opciones"),
            (["what": Self.what, "place": Self.place, "when": "7"], "Elija una de las opciones"),
            (["what": Self.what, "place": Self.place, "latitude": "45.5"], "latitud y longitud, o ninguna"),
            (["what": Self.what, "place": Self.place, "latitude": "95", "longitude": "10"], "La latitud va de -90 a 90"),
            (["what": Self.what, "place": "a\u{0}b"], "caracteres de control"),
        ]
        for (fields, message) in cases {
            let response = try await browser.post("/report", fields)
            XCTAssertEqual(response.status, .unprocessableEntity, "\(fields)")
            XCTAssertTrue(response.body.string.contains(message), "\(fields) should say \(message)")
            if let what = fields["what"], what.count < 100, what != "   " {
                XCTAssertTrue(response.body.string.contains(HTML.escape(what)), "what was typed is kept")
            }
        }
        let big = try await browser.post("/report", ["what": String(repeating: "x", count: 40_000), "place": "x"])
        XCTAssertEqual(big.status, .payloadTooLarge)
        let notAForm = try await browser.send(.POST, "/report", headers: ["Content-Type": "text/plain", "X-CSRF-Token": browser.csrfToken!],
                                              body: ByteBuffer(string: "vans on 5th street"))
        XCTAssertEqual(notAForm.status, .badRequest)
        let count = try await ReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(count, 0, "no half-written report")
    }

    func testTheHoneypotStoresNothingButLooksLikeSuccess() async throws {
        let browser = reporter()
        try await browser.get("/report")
        var fields = validReport
        fields["website"] = "http://spam.example"
        let response = try await browser.post("/report", fields)
        XCTAssertEqual(response.status, .ok)
        XCTAssertNotNil(Browser.firstMatch(#"id="reference">([2-9A-Z]{4}-[2-9A-Z]{4})<"#, in: response.body.string))
        let count = try await ReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(count, 0)
    }

    func testTheLimitIsPerSourceAndKeepsNoAddress() async throws {
        let flood = reporter(source: "203.0.113.99")
        try await flood.get("/report")
        for _ in 0..<3 {
            let status = try await flood.post("/report", validReport).status
            XCTAssertEqual(status, .ok)
        }
        let refused = try await flood.post("/report", validReport)
        XCTAssertEqual(refused.status, .tooManyRequests)
        XCTAssertTrue(refused.body.string.contains("Demasiados reportes"))
        XCTAssertTrue(refused.body.string.contains(HTML.escape(Self.what)), "the report is still on the page to send later")

        let neighbour = reporter(source: "198.51.100.23")
        try await neighbour.get("/report")
        let status = try await neighbour.post("/report", validReport).status
        XCTAssertEqual(status, .ok, "another source is not blocked")

        let count = try await ReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(count, 4)
        harness.clock.advance(by: 601)
        let later = try await flood.post("/report", validReport).status
        XCTAssertEqual(later, .ok, "the window passes")
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("203.0.113.99"))
    }

    func testConcurrentReportsAreAllStoredOnceWithDistinctCodes() async throws {
        // The limit here is 3 per source, so 120 neighbours each send one, all at once.
        let browsers = (0..<120).map { reporter(source: "10.0.0.\($0)") }
        for browser in browsers { try await browser.get("/report") }
        let fields = validReport
        let codes = try await withThrowingTaskGroup(of: String?.self) { group in
            for browser in browsers {
                group.addTask {
                    let response = try await browser.post("/report", fields)
                    return response.status == .ok ? Browser.firstMatch(#"id="reference">([2-9A-Z-]{9})<"#, in: response.body.string) : nil
                }
            }
            return try await group.reduce(into: [String]()) { if let code = $1 { $0.append(code) } }
        }
        XCTAssertEqual(Set(codes).count, 120)
        let stored = try await ReportModel.query(on: harness.app.db).all().map(\.reference)
        XCTAssertEqual(Set(stored), Set(codes), "every answered report is in the database, and nothing else")
    }

    func testABurstFromOneSourceStopsAtTheLimitAndARefusedFormDoesNotCount() async throws {
        // 100 requests at once from one source, each its own browser, against the limit of 3.
        let browsers = (0..<100).map { _ in reporter(source: "198.51.100.77") }
        for browser in browsers { try await browser.get("/report") }
        let fields = validReport
        let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for browser in browsers { group.addTask { try await browser.post("/report", fields).status } }
            return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
        }
        XCTAssertEqual(statuses.filter { $0 == .ok }.count, 3, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 == .tooManyRequests }.count, 97)
        let stored = try await ReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(stored, 3)

        // A report with a problem to fix gives its slot back: two refusals, then three good reports.
        let careful = reporter(source: "198.51.100.78")
        try await careful.get("/report")
        var missing = fields
        missing["what"] = ""
        for _ in 0..<2 {
            let refused = try await careful.post("/report", missing).status
            XCTAssertEqual(refused, .unprocessableEntity)
        }
        for _ in 0..<3 {
            let accepted = try await careful.post("/report", fields).status
            XCTAssertEqual(accepted, .ok)
        }
        let fourth = try await careful.post("/report", fields).status
        XCTAssertEqual(fourth, .tooManyRequests)
    }

    func testAForwardedForWrittenByTheClientDoesNotMakeANewSource() async throws {
        // The neighbour's own entries come first; the proxy on this machine appends the address it saw.
        let browsers = (1...40).map { reporter(source: "198.51.100.\($0), 127.0.0.1, 203.0.113.50") }
        for browser in browsers { try await browser.get("/report") }
        let fields = validReport
        let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for browser in browsers { group.addTask { try await browser.post("/report", fields).status } }
            return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
        }
        XCTAssertEqual(statuses.filter { $0 == .ok }.count, 3, "one source, the limit of 3: \(statuses)")
        let stored = try await ReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(stored, 3)

        // Without a trusted proxy the header is nobody's word: everyone is the connection's address.
        try await harness.shutdown()
        harness = try await TestHarness.make { $0.reportLimit = .init(limit: 3, window: 600) }
        let direct = (1...10).map { reporter(source: "198.51.100.\($0)") }
        var accepted = 0
        for browser in direct {
            try await browser.get("/report")
            if try await browser.post("/report", fields).status == .ok { accepted += 1 }
        }
        XCTAssertEqual(accepted, 3)
    }
}
