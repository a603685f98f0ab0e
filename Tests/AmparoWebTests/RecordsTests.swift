import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// An Oregon records request followed through its statuses: the due dates across Thanksgiving,
/// a fee notice that stops the clock across Christmas, refusals that change nothing, messages
/// sealed, a document kept and downloaded, and one reminder per missed deadline.
/// The harness clock: Friday 2027-01-15.
final class RecordsTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func testAnOregonRequestKeepsItsDeadlinesThroughAFeeNotice() async throws {
        let (organizer, browser) = try await harness.signedIn(.organizer, in: nil)
        try await browser.get("/records")
        let bad = try await browser.post("/records", ["agency": "Marion County Sheriff's Office", "subject": "Detainers", "state": "TX", "via": "email", "sentOn": "2026-11-25"])
        XCTAssertEqual(bad.status, .unprocessableEntity, "a state whose law Amparo does not know")
        let future = try await browser.post("/records", ["agency": "Marion County Sheriff's Office", "subject": "Detainers", "state": "OR", "via": "email", "sentOn": "2027-02-01"])
        XCTAssertEqual(future.status, .unprocessableEntity, "not sent yet")
        let none = try await RecordsRequestModel.query(on: harness.app.db).count()
        XCTAssertEqual(none, 0)
        let created = try await browser.post("/records", ["agency": "Marion County Sheriff's Office", "state": "OR", "via": "portal", "sentOn": "2026-11-25",
                                                          "subject": "All I-247A detainers the jail received in 2025, and its written policy on them."])
        XCTAssertEqual(created.status, .seeOther)
        let path = try XCTUnwrap(created.headers.first(name: .location))
        var page = try await browser.get(path).body.string
        XCTAssertTrue(page.contains("due 2026-12-03") && page.contains("due 2026-12-17") && page.contains("ORS 192.324(2)"), page)

        try await browser.post(path + "/status", ["status": "acknowledged", "onDay": "2026-12-02"])
        let skipped = try await browser.post(path + "/status", ["status": "appealing", "onDay": "2026-12-03"])
        XCTAssertEqual(skipped.status, .unprocessableEntity, "an acknowledged request is not appealed")
        try await browser.post(path + "/status", ["status": "payment_needed", "onDay": "2026-12-08", "fees": "25.00", "note": "Invoice 88-1 to Ana Pérez"])
        page = try await browser.get(path).body.string
        XCTAssertTrue(page.contains("clock stopped") && page.contains("due 2027-02-06"), "stopped, and the agency may close after 60 days")
        try await browser.post(path + "/status", ["status": "processing", "onDay": "2026-12-18"])
        page = try await browser.get(path).body.string
        XCTAssertTrue(page.contains("due 2026-12-03 · met"), "acknowledged in time")
        XCTAssertTrue(page.contains("due 2026-12-31"), "eight business days after the fee was paid, Christmas skipped")
        XCTAssertTrue(page.contains("$25"))

        // Nothing from the agency by 31 December: one reminder to the member who sent it, once.
        let app = harness.app
        let watch = RecordsDeadlineWatch(services: harness.services, database: { app.db })
        let first = try await watch.check()
        let again = try await watch.check()
        XCTAssertEqual([first, again], [1, 0])
        let notice = try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == "records.deadline").first()!
        let to = try harness.services.sealer.open(notice.recipientSealed!, context: SealedColumn.noticeRecipient.context(rowID: notice.id!))
        XCTAssertEqual(to, organizer.email)

        try await browser.post(path + "/messages", ["direction": "received", "onDay": "2027-01-05", "body": "We will send the records by 20 January."])
        let document = Array("%PDF-1.4 fake detainer log".utf8)
        try await browser.get(path)
        let uploaded = try await browser.upload(path + "/documents", ["receivedOn": "2027-01-14"], files: [("file", "detainers-2025.pdf", document)])
        XCTAssertEqual(uploaded.status, .seeOther)
        page = try await browser.get(path).body.string
        let link = try XCTUnwrap(Browser.firstMatch(#"href="(/records/[^"]+/documents/[^"]+)""#, in: page))
        let download = try await browser.get(link)
        XCTAssertEqual(Array(download.body.readableBytesView), document)
        XCTAssertTrue(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("Ana Pérez") || dump.contains("by 20 January"), "notes and messages are sealed")
        let list = try await browser.get("/records").body.string
        XCTAssertTrue(list.contains("Marion County Sheriff"))
    }

    func testARefusedFormKeepsWhatWasTypedAndTheAPIServesThePagesValues() async throws {
        let (organizer, browser) = try await harness.signedIn(.organizer, in: nil)
        try await browser.get("/records")
        let refused = try await browser.post("/records", ["agency": "Harris County <Sheriff>", "subject": "Detainers", "state": "TX", "via": "fax", "sentOn": "2027-02-01"])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        let form = refused.body.string
        XCTAssertTrue(form.contains("value=\"Harris County &lt;Sheriff&gt;\""), "the agency typed is kept, escaped")
        XCTAssertTrue(form.contains("<option value=\"fax\" selected>"), "the channel chosen is kept")
        XCTAssertTrue(form.contains("Amparo knows the deadlines of Oregon and California") && form.contains("today or earlier"), "both fields to fix are named")
        XCTAssertFalse(form.contains("Name the agency"), "the agency was fine")

        let created = try await browser.post("/records", ["agency": "Marion County Sheriff's Office", "subject": "Detainers in 2025", "state": "OR", "via": "email", "sentOn": "2026-11-25"])
        let path = try XCTUnwrap(created.headers.first(name: .location))
        try await browser.get(path)
        let badFee = try await browser.post(path + "/status", ["status": "payment_needed", "onDay": "2026-12-08", "fees": "twenty", "note": "Invoice 88-1"])
        XCTAssertEqual(badFee.status, .unprocessableEntity)
        XCTAssertTrue(badFee.body.string.contains("value=\"Invoice 88-1\"") && badFee.body.string.contains("value=\"twenty\""), "the note and the fee typed are kept")
        XCTAssertTrue(badFee.body.string.contains("<option value=\"payment_needed\" selected>"))
        try await browser.post(path + "/status", ["status": "acknowledged", "onDay": "2026-12-02", "note": "Ticket 7"])

        // A coalition's script reads the same values with the organizer's token.
        let api = harness.browser()
        api.headers.bearerAuthorization = .init(token: try await harness.apiToken(for: organizer))
        let list = try await api.get("/api/v1/records")
        XCTAssertEqual(list.status, .ok)
        let listed = try JSONDecoder().decode(RecordsListPage.self, from: Data(list.body.readableBytesView))
        XCTAssertEqual(listed.requests.map(\.agency), ["Marion County Sheriff's Office"])
        XCTAssertEqual(listed.requests.first?.standing, .overdue, "acknowledged in time, but nothing since by 2027-01-15")
        XCTAssertEqual(listed.requests.first?.nextDue, Day(2026, 12, 17))
        let id = try XCTUnwrap(listed.requests.first?.id)
        let one = try await api.get("/api/v1/records/\(id)")
        let page = try JSONDecoder().decode(RecordsRequestPage.self, from: Data(one.body.readableBytesView))
        XCTAssertEqual(page.history.map(\.status), [.acknowledged])
        XCTAssertEqual(page.history.first?.body, "Ticket 7", "the note comes out unsealed")
        XCTAssertEqual(page.deadlines.map(\.standing), [.met, .overdue])
        XCTAssertTrue(String(decoding: Data(one.body.readableBytesView), as: UTF8.self).contains("\"sentOn\":\"2026-11-25\""), "days are written as people write them")
        let missing = try await api.get("/api/v1/records/\(UUID())")
        XCTAssertEqual(missing.status, .notFound)

        let dispatcher = try await harness.member(.dispatcher)
        let other = harness.browser()
        other.headers.bearerAuthorization = .init(token: try await harness.apiToken(for: dispatcher))
        let forbidden = try await other.get("/api/v1/records")
        XCTAssertEqual(forbidden.status, .forbidden)
    }
}
