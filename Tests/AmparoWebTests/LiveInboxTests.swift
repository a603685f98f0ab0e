import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import SQLKit
import XCTVapor

@testable import AmparoWeb

/// The hotline on a busy night: emergencies that stay in view, rows that say what was reported,
/// open pages told when reports arrive, the dispatcher on call told by text or email, and every
/// time in the organization's zone.
final class LiveInboxTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make { $0.timeZone = TimeZone(identifier: "America/Chicago")! } }
    override func tearDown() async throws { try await harness.shutdown() }

    func fileReport(_ what: String) async throws -> ReportModel {
        let browser = harness.browser()
        try await browser.get("/report")
        let response = try await browser.post("/report", ["what": what, "place": "Delancey and 3rd", "agency": "ice"])
        XCTAssertEqual(response.status, .ok)
        let code = try XCTUnwrap(Browser.firstMatch(#"id="reference">([2-9A-Z-]{9})<"#, in: response.body.string))
        return try await XCTUnwrapAsync(try await ReportModel.query(on: harness.app.db).filter(\.$reference == code).first())
    }

    func path(_ report: ReportModel, _ action: String = "") -> String {
        "/hotline/reports/\(report.id!.uuidString)" + (action.isEmpty ? "" : "/\(action)")
    }

    func verify(_ report: ReportModel, by dispatcher: Browser, urgency: String) async throws {
        try await dispatcher.get(path(report))
        try await dispatcher.post(path(report, "claim"))
        try await dispatcher.get(path(report))
        try await dispatcher.post(path(report, "urgency"), ["urgency": urgency])
        try await dispatcher.get(path(report))
        let verified = try await dispatcher.post(path(report, "status"), ["from": "claimed", "to": "verified"])
        XCTAssertEqual(verified.status, .seeOther)
    }

    func testAVerifiedEmergencyStaysInTheDefaultViewUntilClosedAndRowsSayWhatWasReported() async throws {
        let emergency = try await fileReport("Agents are taking people from the bus stop right now, about ten officers")
        let routine = try await fileReport("A parked van with no plates")
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        try await verify(emergency, by: dispatcher, urgency: "emergency")
        try await verify(routine, by: dispatcher, urgency: "routine")

        var inbox = try await dispatcher.get("/hotline").body.string
        XCTAssertTrue(inbox.contains(emergency.reference), "a verified emergency is still in the default view")
        XCTAssertFalse(inbox.contains(routine.reference), "a verified routine report leaves it")
        XCTAssertTrue(inbox.contains("Agents are taking people from the bus stop right now, about ten officers"), "the row says what was reported")
        XCTAssertTrue(inbox.contains("data-live-events=\"/hotline/events\""), "the page listens for reports")

        try await dispatcher.get(path(emergency))
        let closed = try await dispatcher.post(path(emergency, "status"), ["from": "verified", "to": "closed"])
        XCTAssertEqual(closed.status, .seeOther)
        inbox = try await dispatcher.get("/hotline").body.string
        XCTAssertFalse(inbox.contains(emergency.reference), "closed, it leaves the default view")
        let all = try await dispatcher.get("/hotline?show=all").body.string
        XCTAssertTrue(all.contains(emergency.reference))
    }

    func testTimesAreInTheOrganizationsZoneWithItsAbbreviation() async throws {
        let report = try await fileReport("Checkpoint on Main")
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        // The harness starts at 2027-01-15 08:00 UTC: 02:00 in Chicago, standard time.
        let inbox = try await dispatcher.get("/hotline").body.string
        XCTAssertTrue(inbox.contains("2027-01-15 02:00 CST"))
        let page = try await dispatcher.get(path(report)).body.string
        XCTAssertTrue(page.contains("2027-01-15 02:00 CST"), "received, occurred and history")
        XCTAssertFalse(page.contains("UTC"))

        let zones = [("America/Chicago", "CST", "CDT"), ("America/New_York", "EST", "EDT"), ("America/Phoenix", "MST", "MST"), ("UTC", "UTC", "UTC")]
        for (zone, winter, summer) in zones {
            let time = LocalTime(timeZone: TimeZone(identifier: zone)!)
            XCTAssertEqual(time.abbreviation(Date(timeIntervalSince1970: 1_800_000_000)), winter, zone)
            XCTAssertEqual(time.abbreviation(Date(timeIntervalSince1970: 1_800_000_000 + 180 * 86400)), summer, zone)
        }
        XCTAssertEqual(LocalTime(timeZone: TimeZone(identifier: "America/Chicago")!).dateTime(Date(timeIntervalSince1970: 1_800_000_000)),
                       "2027-01-15 02:00 CST")
    }

    func testAnOpenInboxHearsThatAReportArrivedAndWhichOneChanged() async throws {
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        let events = harness.services.liveEvents
        async let stream = dispatcher.get("/hotline/events")
        for _ in 0..<100 where events.listenerCount == 0 { try await Task.sleep(nanoseconds: 5_000_000) }
        XCTAssertEqual(events.listenerCount, 1, "the inbox's stream is listening")
        let report = try await fileReport("Vans at the laundromat")
        events.publish(.changed(ReportID(report.id!)))
        let response = try await stream
        XCTAssertEqual(response.status, .ok)
        XCTAssertEqual(response.headers.contentType?.subType, "event-stream")
        let body = response.body.string
        XCTAssertTrue(body.hasPrefix("retry: 3000\n\n"), body)
        XCTAssertTrue(body.contains("event: report\ndata: {\"kind\":\"received\",\"count\":1}\n\n"), body)
        XCTAssertTrue(body.contains("\"kind\":\"changed\",\"report\":\"\(ReportID(report.id!))\""), body)
        XCTAssertFalse(body.contains("Vans"), "a frame carries no content")
        for _ in 0..<100 where events.listenerCount > 0 { try await Task.sleep(nanoseconds: 5_000_000) }
        XCTAssertEqual(events.listenerCount, 0, "an ended stream stops listening")

        let script = try await dispatcher.get("/static/live-inbox.js")
        XCTAssertEqual(script.status, .ok)
        XCTAssertTrue(script.body.string.contains("EventSource"))
    }

    func testTheHubRefusesListenersPastItsCap() {
        let hub = LiveEvents(maxListeners: 2)
        let first = hub.listen(), second = hub.listen()
        XCTAssertNotNil(first)
        XCTAssertNotNil(second)
        XCTAssertNil(hub.listen(), "a third listener is refused")
        first?.end()
        XCTAssertNotNil(hub.listen(), "an ended one frees its place")
    }

    func testTheDispatcherOnCallIsToldOnceForAFloodAndAgainForAnEscalation() async throws {
        let east = try await harness.team("Eastside")
        let dana = try await harness.member(.dispatcher, email: "dana@example.org", name: "Dana Dispatch")
        let coordinatorMember = try await harness.member(.coordinator, email: "olu@example.org")
        let coordinator = try await harness.signedIn(coordinatorMember)
        let app = harness.app
        let alarm = OnCallAlarm(services: harness.services, database: { app.db })

        // Nobody on call: the fallback group (the coordinators) is told.
        _ = try await fileReport("First report of the night")
        let first = try await alarm.handle(.received(count: 1))
        XCTAssertEqual(first, 1)
        let told = try await recipients()
        XCTAssertEqual(told, ["olu@example.org"])

        // Friday 02:00 in Chicago: Dana's overnight shift.
        try await coordinator.get("/shifts")
        let shift = try await coordinator.post("/shifts", ["team": east.id!.uuidString, "member": dana.id.uuidString,
                                                          "duty": "dispatcher", "weekday": "5", "starts": "00:00", "ends": "08:00"])
        XCTAssertEqual(shift.status, .seeOther)
        harness.clock.advance(by: OnCallAlarm.quietPeriod)
        let onShift = try await alarm.handle(.received(count: 3))
        XCTAssertEqual(onShift, 1)
        let flood = try await alarm.handle(.received(count: 500))
        XCTAssertEqual(flood, 0, "a flood texts nobody twice within the quiet period")
        let allTold = try await recipients()
        XCTAssertEqual(allTold, ["olu@example.org", "dana@example.org"])

        let report = try await fileReport("They are at the school gate")
        let danaBrowser = try await harness.signedIn(dana)
        try await danaBrowser.get(path(report))
        try await danaBrowser.post(path(report, "claim"))
        try await danaBrowser.get(path(report))
        let subscription = try XCTUnwrap(harness.services.liveEvents.listen())
        try await danaBrowser.post(path(report, "urgency"), ["urgency": "emergency"])
        subscription.end()
        var heard: [LiveEvent] = []
        for await event in subscription.events { heard.append(event) }
        XCTAssertEqual(heard, [.escalated(ReportID(report.id!))])
        let escalation = try await alarm.handle(.escalated(ReportID(report.id!)))
        XCTAssertEqual(escalation, 1, "an escalation is always told")

        let notices = try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == "hotline.alarm").sort(\.$createdAt).all()
        let sealer = harness.services.sealer
        let last = try XCTUnwrap(notices.last)
        let body = try sealer.open(last.bodySealed!, context: SealedColumn.noticeBody.context(rowID: last.id!))
        XCTAssertEqual(body, "Amparo: un reporte de la línea es ahora una emergencia. Ábralo: \(harness.config.baseURL)\(path(report))")
        for notice in notices {
            let text = try sealer.open(notice.bodySealed!, context: SealedColumn.noticeBody.context(rowID: notice.id!))
            XCTAssertFalse(text.contains("school") || text.contains(report.reference), "a notice never says what was reported")
        }
    }

    private func recipients() async throws -> [String] {
        let sealer = harness.services.sealer
        return try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == "hotline.alarm").sort(\.$createdAt).all().map {
            try sealer.open($0.recipientSealed!, context: SealedColumn.noticeRecipient.context(rowID: $0.id!))
        }
    }

    func testOnPostgreSQLEventsReachPagesOnTheOtherServerButAlarmOnlyWhereTheyHappened() async throws {
        guard case .postgres(let url) = harness.config.database, let relay = harness.services.liveRelay else {
            throw XCTSkip("several app servers share PostgreSQL only")
        }
        let events = harness.services.liveEvents
        let logger = Logger(label: "relay-test")
        // This server listens as a running server does.
        let here = Task { await relay.listen(logger: logger) { wire in LiveEvent(wire: wire).map(events.receiveFromElsewhere) } }
        // Another server on the same database.
        let other = try LiveRelay(url: url)
        let (heardThere, tellThere) = AsyncStream.makeStream(of: String.self)
        let there = Task { await other.listen(logger: logger) { tellThere.yield($0) } }
        defer { here.cancel(); there.cancel() }
        try await Task.sleep(nanoseconds: 500_000_000)  // both are listening

        let report = ReportID.random()
        events.publish(.escalated(report))
        var iterator = heardThere.makeAsyncIterator()
        let first = await iterator.next()
        XCTAssertEqual(first, "escalated:\(report)", "the other server hears it")

        let page = try XCTUnwrap(events.listen())
        let alarm = try XCTUnwrap(events.listen(hereOnly: true))
        try await other.send("changed:\(report)", on: harness.app.db as! any SQLDatabase)
        var pageEvents = page.events.makeAsyncIterator()
        let heard = await pageEvents.next()
        XCTAssertEqual(heard, .changed(report), "an open page here hears what happened there")
        alarm.end()
        var alarmEvents: [LiveEvent] = []
        for await event in alarm.events { alarmEvents.append(event) }
        XCTAssertEqual(alarmEvents, [], "the alarm here does not act on the other server's events")
        page.end()
        XCTAssertNil(LiveEvent(wire: "changed:not-an-id"))
        XCTAssertNil(LiveEvent(wire: "received:-1"))
    }
}
