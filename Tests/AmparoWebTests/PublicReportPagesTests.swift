import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// What the public report pages promise a witness: true at the moment, with the group's name and
/// the hotline's number; and what a reference code tells them later (only a coarse state).
final class PublicReportPagesTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws {
        harness = try await TestHarness.make {
            $0.timeZone = TimeZone(identifier: "America/Chicago")!
            $0.delivery.twilioFrom = "+1 503 555 0100"
        }
        try await harness.ensureOrganization()
    }

    override func tearDown() async throws { try await harness.shutdown() }

    func testWithNobodyOnCallThePageSaysSoWithTheNextShiftAndTheNumber() async throws {
        let witness = harness.browser()
        var page = try await witness.get("/report").body.string
        XCTAssertTrue(page.contains("Test Defense Network"), "the group's name")
        XCTAssertTrue(page.contains("Nobody is on call right this moment"), page)
        XCTAssertTrue(page.contains("the team will see it when they are next on"), "no channel is set up: nobody can be told, so the page does not say so")
        XCTAssertTrue(page.contains("call the hotline: <a href=\"tel:+15035550100\">+15035550100</a>"))
        XCTAssertFalse(page.contains("within minutes"))

        // A dispatcher's shift tonight (Friday 02:00 in Chicago now): named as the next one.
        let east = try await harness.team("Eastside")
        let dana = try await harness.member(.dispatcher, name: "Dana Dispatch")
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        try await coordinator.get("/shifts")
        let shift = try await coordinator.post("/shifts", ["team": east.id!.uuidString, "member": dana.id.uuidString,
                                                          "duty": "dispatcher", "weekday": "5", "starts": "18:00", "ends": "23:00"])
        XCTAssertEqual(shift.status, .seeOther)
        harness.clock.advance(by: 31)  // past the cached answer
        page = try await witness.get("/report").body.string
        XCTAssertTrue(page.contains("The next dispatcher&#39;s shift starts 2027-01-15 18:00 CST"), page)

        harness.clock.advance(by: 17 * 3600)  // 19:00: Dana is on call
        let filed = try await witness.post("/report", ["what": "Vans at the laundromat", "place": "Main St", "agency": "ice"])
        XCTAssertEqual(filed.status, .ok)
        XCTAssertTrue(filed.body.string.contains("A dispatcher is on call now and will look at it within minutes"), filed.body.string)
        XCTAssertTrue(filed.body.string.contains("href=\"/report/status\""))
    }

    func testAReferenceCodeShowsOnlyACoarseState() async throws {
        let witness = harness.browser()
        try await witness.get("/report")
        let filed = try await witness.post("/report", ["what": "Checkpoint by the school", "place": "Elm and 3rd", "agency": "police"])
        let code = try XCTUnwrap(Browser.firstMatch(#"id="reference">([2-9A-Z-]{9})<"#, in: filed.body.string))

        try await witness.get("/report/status")
        var answer = try await witness.post("/report/status", ["code": code.lowercased().replacingOccurrences(of: "-", with: " ")])
        XCTAssertEqual(answer.status, .ok)
        XCTAssertTrue(answer.body.string.contains("Received: nobody has picked it up yet."), answer.body.string)
        XCTAssertFalse(answer.body.string.contains("Checkpoint") || answer.body.string.contains("Elm"), "never what was reported")

        let report = try await XCTUnwrapAsync(try await ReportModel.query(on: harness.app.db).filter(\.$reference == code).first())
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        try await dispatcher.get("/hotline/reports/\(report.id!.uuidString)")
        try await dispatcher.post("/hotline/reports/\(report.id!.uuidString)/claim")
        answer = try await witness.post("/report/status", ["code": code])
        XCTAssertTrue(answer.body.string.contains("Being checked by the team."))

        let unknown = try await witness.post("/report/status", ["code": "ZZZZ-ZZZZ"])
        XCTAssertEqual(unknown.status, .notFound)
        XCTAssertTrue(unknown.body.string.contains("No report has that code"))
        XCTAssertTrue(unknown.body.string.contains("value=\"ZZZZ-ZZZZ\""), "the code typed is kept")
    }

    func testTheLocationScriptBlursUnlessExactIsChosen() async throws {
        let script = try await harness.browser().get("/static/report-location.js")
        XCTAssertEqual(script.status, .ok)
        XCTAssertTrue(script.body.string.contains("exact ? 5 : 2"))
        let page = try await harness.browser().get("/report")
        XCTAssertTrue(page.body.string.contains("<script src=\"/static/report-location.js\" defer></script>"))
        XCTAssertEqual(page.headers.first(name: "Permissions-Policy"), "camera=(), microphone=(), geolocation=(self), interest-cohort=()")
    }
}
