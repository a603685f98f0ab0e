import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// The dispatcher's side: claim, verify with reasons, history, audit, races and retention.
final class HotlineInboxTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    /// Files a report through the public page, as a reporter would, and returns it.
    func fileReport(what: String = "Officers at the bus stop on Delancey", language: String = "en") async throws -> ReportModel {
        let browser = harness.browser()
        browser.headers.replaceOrAdd(name: .acceptLanguage, value: language)
        try await browser.get("/report")
        let response = try await browser.post("/report", ["what": what, "place": "Delancey and 3rd", "agency": "ice"])
        XCTAssertEqual(response.status, .ok)
        let code = try XCTUnwrap(Browser.firstMatch(#"id="reference">([2-9A-Z-]{9})<"#, in: response.body.string))
        let found = try await ReportModel.query(on: harness.app.db).filter(\.$reference == code).first()
        return try XCTUnwrap(found)
    }

    func path(_ report: ReportModel, _ action: String = "") -> String {
        "/hotline/reports/\(report.id!.uuidString)" + (action.isEmpty ? "" : "/\(action)")
    }

    func reload(_ report: ReportModel) async throws -> ReportModel {
        let found = try await ReportModel.find(report.id!, on: harness.app.db)
        return try XCTUnwrap(found)
    }

    func testAScriptWithATokenListsTodaysVerifiedReportsAsTheInboxShowsThem() async throws {
        let yesterday = try await fileReport(what: "Yesterday's checkpoint")
        harness.clock.advance(by: 86_400)
        let today = try await fileReport(what: "Vans at the laundromat")
        harness.clock.advance(by: 60)
        let unverified = try await fileReport(what: "Maybe a van")
        let member = try await harness.member(.dispatcher, name: "Dana Dispatcher")
        let dispatcher = try await harness.signedIn(member)
        for report in [yesterday, today] {
            try await dispatcher.get(path(report))
            try await dispatcher.post(path(report, "claim"))
            try await dispatcher.get(path(report))
            let verified = try await dispatcher.post(path(report, "status"), ["from": "claimed", "to": "verified", "reason": "Seen by a responder"])
            XCTAssertEqual(verified.status, .seeOther)
        }

        let script = harness.browser()
        script.headers.bearerAuthorization = .init(token: try await harness.apiToken(for: member))
        let day = String(ISO8601DateFormatter().string(from: harness.clock.now()).prefix(10))
        let response = try await script.get("/api/v1/hotline/reports?status=verified&since=\(day)")
        XCTAssertEqual(response.status, .ok, response.body.string)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let page = try decoder.decode(InboxPage.self, from: Data(response.body.readableBytesView))
        XCTAssertEqual(page.reports.map(\.reference), [today.reference], "today's verified report only")
        XCTAssertEqual(page.reports.first?.place, "Delancey and 3rd", "unsealed, as the page shows it")
        XCTAssertEqual(page.reports.first?.claimedBy, "Dana Dispatcher")
        XCTAssertNil(page.nextCursor)
        let html = try await dispatcher.get("/hotline?show=all").body.string
        XCTAssertTrue(html.contains(today.reference) && html.contains("Dana Dispatcher"))
        let audited = try await AuditEntryModel.query(on: harness.app.db).filter(\.$action == "report.list").filter(\.$recordID == "verified").count()
        XCTAssertEqual(audited, 1, "the API's read is audited like the page's")

        // One report a page: the cursors walk every report once.
        var seen: [String] = [], cursor: String?
        repeat {
            let next = try await script.get("/api/v1/hotline/reports?status=all&limit=1" + (cursor.map { "&cursor=\($0)" } ?? ""))
            let page = try decoder.decode(InboxPage.self, from: Data(next.body.readableBytesView))
            seen += page.reports.map(\.reference)
            cursor = page.nextCursor
        } while cursor != nil && seen.count < 10
        XCTAssertEqual(seen, [unverified.reference, today.reference, yesterday.reference])

        for bad in ["status=lost", "since=yesterday", "limit=0", "limit=500", "cursor=garbage"] {
            let refused = try await script.get("/api/v1/hotline/reports?\(bad)")
            XCTAssertEqual(refused.status, .badRequest, bad)
            XCTAssertTrue(refused.body.string.contains("message"), refused.body.string)
        }
        let responder = harness.browser()
        responder.headers.bearerAuthorization = .init(token: try await harness.apiToken(for: try await harness.member(.responder)))
        let forbidden = try await responder.get("/api/v1/hotline/reports")
        XCTAssertEqual(forbidden.status, .forbidden)
    }

    func testADispatcherClaimsVerifiesAndClosesAReportWithHistoryAndAudit() async throws {
        let older = try await fileReport(what: "Earlier report")
        harness.clock.advance(by: 60)
        let report = try await fileReport(what: "Vans at the laundromat")
        let member = try await harness.member(.dispatcher, name: "Dana Dispatcher")
        let dispatcher = try await harness.signedIn(member)

        let inbox = try await dispatcher.get("/hotline")
        XCTAssertEqual(inbox.status, .ok)
        let body = inbox.body.string
        let newer = try XCTUnwrap(body.range(of: report.reference)), earlier = try XCTUnwrap(body.range(of: older.reference))
        XCTAssertLessThan(newer.lowerBound, earlier.lowerBound, "newest first among new reports")
        XCTAssertTrue(body.contains("Delancey and 3rd"), "the dispatcher reads the place")

        let detail = try await dispatcher.get(path(report))
        XCTAssertTrue(detail.body.string.contains("Vans at the laundromat"))
        let status1 = try await dispatcher.post(path(report, "claim")).status
        XCTAssertEqual(status1, .seeOther)
        var stored = try await reload(report)
        XCTAssertEqual(stored.status, "claimed")
        XCTAssertEqual(stored.claimedBy, member.id)

        try await dispatcher.get(path(report))
        let status2 = try await dispatcher.post(path(report, "status"), ["from": "claimed", "to": "verifying", "reason": "Called the reporter back"]).status
        XCTAssertEqual(status2, .seeOther)
        try await dispatcher.get(path(report))
        let status3 = try await dispatcher.post(path(report, "status"), ["from": "verifying", "to": "verified", "reason": "Responder saw two ICE vans"]).status
        XCTAssertEqual(status3, .seeOther)
        try await dispatcher.get(path(report))
        let status4 = try await dispatcher.post(path(report, "urgency"), ["urgency": "emergency"]).status
        XCTAssertEqual(status4, .seeOther)
        try await dispatcher.get(path(report))
        let status5 = try await dispatcher.post(path(report, "status"), ["from": "verified", "to": "closed"]).status
        XCTAssertEqual(status5, .seeOther)

        stored = try await reload(report)
        XCTAssertEqual(stored.status, "closed")
        XCTAssertEqual(stored.outcome, "verified", "the verdict survives closing")
        XCTAssertEqual(stored.urgency, "emergency")
        let page = try await dispatcher.get(path(report)).body.string
        XCTAssertTrue(page.contains("Dana Dispatcher"))
        XCTAssertTrue(page.contains("Claimed → Verifying · Called the reporter back"))
        XCTAssertTrue(page.contains("Verifying → Verified · Responder saw two ICE vans"))

        let events = try await ReportEventModel.query(on: harness.app.db).filter(\.$reportID == report.id!).all()
        XCTAssertEqual(events.count, 5)
        XCTAssertTrue(events.allSatisfy { $0.actorID == member.id })
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("Called the reporter back"), "reasons are sealed")

        let audit = try await AuditEntryModel.query(on: harness.app.db).filter(\.$recordID == report.id!.uuidString).sort(\.$sequence).all()
        XCTAssertEqual(audit.map(\.action), [
            "report.read", "report.status.claimed", "report.read", "report.status.verifying", "report.read",
            "report.status.verified", "report.read", "report.urgency", "report.read", "report.status.closed", "report.read",
        ])
        XCTAssertTrue(audit.allSatisfy { $0.actor == member.id.uuidString })
    }

    func testTwoDispatchersNeverWorkTheSameReport() async throws {
        let report = try await fileReport()
        let first = try await harness.signedIn(try await harness.member(.dispatcher))
        let second = try await harness.signedIn(try await harness.member(.dispatcher))
        try await first.get(path(report))
        try await second.get(path(report))
        let status6 = try await first.post(path(report, "claim")).status
        XCTAssertEqual(status6, .seeOther)
        let late = try await second.post(path(report, "claim"))
        XCTAssertEqual(late.status, .conflict)
        XCTAssertTrue(late.body.string.contains("Someone else changed this report first"))
        let meddling = try await second.post(path(report, "status"), ["from": "claimed", "to": "false_alarm"])
        XCTAssertEqual(meddling.status, .conflict, "only the one who claimed it decides")
        let stored = try await reload(report)
        XCTAssertEqual(stored.status, "claimed")

        // A coordinator may take over a claimed report.
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        try await coordinator.get(path(report))
        let status7 = try await coordinator.post(path(report, "status"), ["from": "claimed", "to": "new", "reason": "Dispatcher went off shift"]).status
        XCTAssertEqual(status7, .seeOther)
        let released = try await reload(report)
        XCTAssertEqual(released.status, "new")
        XCTAssertNil(released.claimedBy)
    }

    func testSimultaneousClaimsHaveExactlyOneWinner() async throws {
        let report = try await fileReport()
        var browsers: [Browser] = []
        for _ in 0..<8 {
            let browser = try await harness.signedIn(try await harness.member(.dispatcher))
            try await browser.get(path(report))
            browsers.append(browser)
        }
        let claimPath = path(report, "claim")
        let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for browser in browsers { group.addTask { try await browser.post(claimPath).status } }
            return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
        }
        XCTAssertEqual(statuses.filter { $0 == .seeOther }.count, 1)
        XCTAssertEqual(statuses.filter { $0 == .conflict }.count, 7)
        let events = try await ReportEventModel.query(on: harness.app.db).filter(\.$reportID == report.id!).count()
        XCTAssertEqual(events, 1)
    }

    func testImpossibleMovesAndBadValuesAreRefusedAndChangeNothing() async throws {
        let report = try await fileReport()
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        try await dispatcher.get(path(report))
        try await dispatcher.post(path(report, "claim"))
        try await dispatcher.get(path(report))
        let skip = try await dispatcher.post(path(report, "status"), ["from": "claimed", "to": "closed"])
        XCTAssertEqual(skip.status, .unprocessableEntity)
        XCTAssertTrue(skip.body.string.contains("A report cannot go from Claimed to Closed"))
        let nonsense = try await dispatcher.post(path(report, "status"), ["from": "claimed", "to": "deported"])
        XCTAssertEqual(nonsense.status, .badRequest)
        let stale = try await dispatcher.post(path(report, "status"), ["from": "verifying", "to": "verified"])
        XCTAssertEqual(stale.status, .conflict, "the page was out of date: compare-and-set refuses")
        let urgency = try await dispatcher.post(path(report, "urgency"), ["urgency": "apocalyptic"])
        XCTAssertEqual(urgency.status, .badRequest)
        let missing = try await dispatcher.get("/hotline/reports/\(UUID().uuidString)")
        XCTAssertEqual(missing.status, .notFound)
        let stored = try await reload(report)
        XCTAssertEqual(stored.status, "claimed")
        XCTAssertEqual(stored.urgency, "routine")
        let events = try await ReportEventModel.query(on: harness.app.db).filter(\.$reportID == report.id!).count()
        XCTAssertEqual(events, 1)
    }

    func testUnconfirmedReportsLosePersonalDataAfterThirtyDaysAndVerifiedOnesKeepIt() async throws {
        let falseAlarm = try await fileReport(what: "Man in a vest, maybe a delivery driver")
        let verified = try await fileReport(what: "ICE van confirmed at the clinic")
        let member = try await harness.member(.dispatcher)
        let dispatcher = try await harness.signedIn(member)
        for (report, outcome) in [(falseAlarm, "false_alarm"), (verified, "verified")] {
            try await dispatcher.get(path(report))
            try await dispatcher.post(path(report, "claim"))
            try await dispatcher.get(path(report))
            try await dispatcher.post(path(report, "status"), ["from": "claimed", "to": outcome, "reason": "checked with caller 555-0199"])
        }
        XCTAssertTrue(harness.services.purge.registeredNames.contains("reports.unconfirmed"))
        harness.clock.advance(by: 29 * 86400)
        _ = await harness.services.purge.runAll(logger: harness.app.logger)
        let notYet = try await reload(falseAlarm)
        XCTAssertNotNil(notYet.whatSealed, "not yet")

        harness.clock.advance(by: 2 * 86400)
        let results = await harness.services.purge.runAll(logger: harness.app.logger)
        let purged = results.first { $0.name == "reports.unconfirmed" }.map { try? $0.result.get() }
        XCTAssertEqual(purged, 1)
        let gone = try await reload(falseAlarm)
        XCTAssertNil(gone.whatSealed)
        XCTAssertNil(gone.placeSealed)
        XCTAssertNil(gone.callbackSealed)
        XCTAssertNotNil(gone.purgedAt)
        XCTAssertEqual(gone.agency, "ice", "the bare facts stay for counts")
        let reasons = try await ReportEventModel.query(on: harness.app.db).filter(\.$reportID == falseAlarm.id!).all().compactMap(\.reasonSealed)
        XCTAssertTrue(reasons.isEmpty)
        let kept = try await reload(verified)
        XCTAssertNotNil(kept.whatSealed)
        let page = try await harness.signedIn(member).get(path(falseAlarm)).body.string  // a month later: a new session
        XCTAssertTrue(page.contains("Deleted after the retention period"), "the page says the data was deleted")
    }

    func testADuplicateIsLinkedToTheFirstReportOfTheIncident() async throws {
        let first = try await fileReport(what: "Vans at the school")
        let second = try await fileReport(what: "Same vans, school gate")
        let third = try await fileReport(what: "Officers by the school again")
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        for report in [second, third] {
            try await dispatcher.get(path(report))
            try await dispatcher.post(path(report, "claim"))
            try await dispatcher.get(path(report))
        }
        let missing = try await dispatcher.post(path(second, "status"), ["from": "claimed", "to": "duplicate"])
        XCTAssertEqual(missing.status, .unprocessableEntity)
        XCTAssertTrue(missing.body.string.contains("Give the reference code"))
        let unknown = try await dispatcher.post(path(second, "status"), ["from": "claimed", "to": "duplicate", "duplicateOf": "2222-2222"])
        XCTAssertEqual(unknown.status, .unprocessableEntity)
        let itself = try await dispatcher.post(path(second, "status"), ["from": "claimed", "to": "duplicate", "duplicateOf": second.reference])
        XCTAssertEqual(itself.status, .unprocessableEntity)

        // Typed in lower case without the dash, as people do.
        let typed = first.reference.lowercased().replacingOccurrences(of: "-", with: "")
        let merged = try await dispatcher.post(path(second, "status"), ["from": "claimed", "to": "duplicate", "duplicateOf": typed])
        XCTAssertEqual(merged.status, .seeOther)
        // A duplicate of a duplicate points at the first report.
        try await dispatcher.get(path(third))
        let chained = try await dispatcher.post(path(third, "status"), ["from": "claimed", "to": "duplicate", "duplicateOf": second.reference])
        XCTAssertEqual(chained.status, .seeOther)

        let storedSecond = try await reload(second), storedThird = try await reload(third)
        XCTAssertEqual(storedSecond.duplicateOf, first.id)
        XCTAssertEqual(storedThird.duplicateOf, first.id)
        XCTAssertEqual(storedSecond.outcome, "duplicate")
        let page = try await dispatcher.get(path(first)).body.string
        XCTAssertTrue(page.contains(second.reference) && page.contains(third.reference), "the first report lists its duplicates")
        XCTAssertTrue(page.contains("Duplicates: \(second.reference)"), "and its history says so")
    }

    func testBulkActionsSkipReportsSomeoneElseHolds() async throws {
        var reports: [ReportModel] = []
        for i in 0..<4 { reports.append(try await fileReport(what: "Junk report \(i)")) }
        let other = try await harness.signedIn(try await harness.member(.dispatcher))
        try await other.get(path(reports[3]))
        try await other.post(path(reports[3], "claim"))

        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        try await dispatcher.get("/hotline")
        let none = try await dispatcher.post("/hotline/bulk", ["action": "false_alarm"])
        XCTAssertEqual(none.status, .unprocessableEntity)
        XCTAssertTrue(none.body.string.contains("Select at least one report"))
        let bad = try await dispatcher.post("/hotline/bulk", pairs: [("reports[]", reports[0].id!.uuidString), ("action", "delete")])
        XCTAssertEqual(bad.status, .badRequest)

        let pairs = reports.map { ("reports[]", $0.id!.uuidString) } + [("action", "false_alarm"), ("reason", "Spam flood")]
        let result = try await dispatcher.post("/hotline/bulk", pairs: pairs)
        XCTAssertEqual(result.status, .ok)
        XCTAssertTrue(result.body.string.contains("3 changed, 1 left alone"), result.body.string)
        for report in reports.prefix(3) {
            let stored = try await reload(report)
            XCTAssertEqual(stored.status, "false_alarm")
            let events = try await ReportEventModel.query(on: harness.app.db).filter(\.$reportID == report.id!).count()
            XCTAssertEqual(events, 2, "claimed, then closed as a false alarm: both in the history")
        }
        let held = try await reload(reports[3])
        XCTAssertEqual(held.status, "claimed", "another dispatcher's report is left alone")
    }

    func testPersonDetainedOnAVerifiedIncidentOpensCasesLinkedToIt() async throws {
        let report = try await fileReport(what: "Two people taken from the bus stop")
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        try await dispatcher.get(path(report))
        let early = try await dispatcher.post(path(report, "detained"), ["count": "2"])
        XCTAssertEqual(early.status, .unprocessableEntity, "not before it is verified")
        try await dispatcher.post(path(report, "claim"))
        try await dispatcher.get(path(report))
        try await dispatcher.post(path(report, "status"), ["from": "claimed", "to": "verified", "reason": "Witnessed"])
        try await dispatcher.get(path(report))
        let bad = try await dispatcher.post(path(report, "detained"), ["count": "0"])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("from 1 to 20"))
        let opened = try await dispatcher.post(path(report, "detained"), ["count": "2"])
        XCTAssertEqual(opened.status, .seeOther)
        let cases = try await CaseModel.query(on: harness.app.db).filter(\.$reportID == report.id!).all()
        XCTAssertEqual(cases.count, 2)
        XCTAssertTrue(cases.allSatisfy { $0.status == "open" })
        let page = try await dispatcher.get(path(report)).body.string
        XCTAssertTrue(page.contains("Cases opened from this report: 2"))
        let audit = try await AuditEntryModel.query(on: harness.app.db).filter(\.$action == "case.open").count()
        XCTAssertEqual(audit, 2)
    }

    func testADispatcherPutsAReportInARegionAndTheAlertFormFollowsIt() async throws {
        let east = TeamModel(name: "Eastside Rapid Response", region: "Eastside")
        try await east.create(on: harness.app.db)
        let report = try await fileReport()
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        try await coordinator.get(path(report))
        let unknown = try await coordinator.post(path(report, "region"), ["team": UUID().uuidString])
        XCTAssertEqual(unknown.status, .unprocessableEntity)
        let set = try await coordinator.post(path(report, "region"), ["team": east.id!.uuidString])
        XCTAssertEqual(set.status, .seeOther)
        let stored = try await reload(report)
        XCTAssertEqual(stored.teamID, east.id)
        try await coordinator.get(path(report))
        try await coordinator.post(path(report, "claim"))
        try await coordinator.get(path(report))
        try await coordinator.post(path(report, "status"), ["from": "claimed", "to": "verified"])
        let page = try await coordinator.get(path(report)).body.string
        XCTAssertTrue(page.contains("Region: Eastside Rapid Response"), "in the history")
        let alertForm = try XCTUnwrap(page.range(of: "/alert\"")).upperBound
        XCTAssertTrue(page[alertForm...].contains(#"<option value="\#(east.id!.uuidString)" selected>Eastside</option>"#),
                      "the alert goes to the report's region by default")
    }
}
