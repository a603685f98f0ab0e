import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import XCTVapor

@testable import AmparoWeb

/// A dispatcher asks the responders on call to verify; the one-time link goes out by SMS through a
/// server speaking Twilio's API; the responder accepts on the phone and files a SALUTE field report.
/// The harness clock starts on Friday 2027-01-15 08:00 UTC.
final class DispatchTests: DeliveryTestCase {
    struct Scene {
        let report: ReportModel
        let path: String
        let dispatcher: Browser
        let rosa: TestHarness.Member
        let olga: TestHarness.Member
        let ana: TestHarness.Member
    }

    /// A claimed report in Eastside; Rosa (phone) and Ana (no phone) are on call there now, Olga is
    /// a responder in another region.
    func scene() async throws -> Scene {
        let east = TeamModel(name: "Eastside", region: "Eastside"), west = TeamModel(name: "Westside", region: "Westside")
        try await east.create(on: harness.app.db)
        try await west.create(on: harness.app.db)
        let rosa = try await harness.member(.responder, name: "Rosa Responder", phone: "+1 503 555 0177")
        let ana = try await harness.member(.responder, name: "Ana Andante")
        let olga = try await harness.member(.responder, name: "Olga Oeste", phone: "+1 503 555 0188")
        for (member, team) in [(rosa, east), (ana, east), (olga, west)] {
            try await ShiftModel(teamID: team.id!, userID: member.id, duty: "responder", weekday: 5, startMinute: 6 * 60,
                                 durationMinutes: 8 * 60, createdAt: harness.clock.now()).create(on: harness.app.db)
        }
        let reporter = harness.browser()
        try await reporter.get("/report")
        let filed = try await reporter.post("/report", ["what": "ICE vans at the clinic", "place": "Clinic on 5th and Alder"])
        let code = try XCTUnwrap(Browser.firstMatch(#"id="reference">([2-9A-Z-]{9})<"#, in: filed.body.string))
        let report = try await ReportModel.query(on: harness.app.db).filter(\.$reference == code).first()!
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        let path = "/hotline/reports/\(report.id!.uuidString)"
        try await dispatcher.get(path)
        try await dispatcher.post(path + "/claim")
        try await dispatcher.get(path)
        try await dispatcher.post(path + "/region", ["team": east.id!.uuidString])
        return Scene(report: report, path: path, dispatcher: dispatcher, rosa: rosa, olga: olga, ana: ana)
    }

    /// On a server with no way to send messages the request is not said to be "waiting to be
    /// sent" for ever: the dispatcher reads that it was not sent and what to do.
    func testWithNoChannelTheDispatcherIsToldTheRequestWasNotSent() async throws {
        try await harness.shutdown()
        harness = try await TestHarness.make()
        let scene = try await scene()
        let sent = try await scene.dispatcher.post(scene.path + "/dispatch", pairs: [("responders[]", scene.rosa.id.uuidString)])
        XCTAssertEqual(sent.status, .seeOther)
        let page = try await scene.dispatcher.get(scene.path).body.string
        XCTAssertTrue(page.contains(Text.dispatch(.cannotBeSent).in(.en)), page)
        XCTAssertFalse(page.contains(Text.dispatch(.delivery("pending")).in(.en)))
    }

    func testAResponderAcceptsOnThePhoneAndFilesAFieldReportTheDispatcherReads() async throws {
        let scene = try await scene()
        let page = try await scene.dispatcher.get(scene.path).body.string
        XCTAssertTrue(page.contains("Rosa Responder") && page.contains("Ana Andante"), "the responders on call in the region")
        XCTAssertFalse(page.contains("Olga Oeste"), "a responder of another region is not offered")

        let none = try await scene.dispatcher.post(scene.path + "/dispatch", ["note": "Stand across the street"])
        XCTAssertEqual(none.status, .unprocessableEntity)
        XCTAssertTrue(none.body.string.contains("Choose at least one responder on call"))
        try await scene.dispatcher.get(scene.path)
        // Olga's id slipped into the form is ignored: only responders on call for the region are asked.
        let sent = try await scene.dispatcher.post(scene.path + "/dispatch", ["note": "Stand across the street"], pairs: [
            ("responders[]", scene.rosa.id.uuidString), ("responders[]", scene.ana.id.uuidString), ("responders[]", scene.olga.id.uuidString),
        ])
        XCTAssertEqual(sent.status, .seeOther)
        let dispatches = try await DispatchModel.query(on: harness.app.db).all()
        XCTAssertEqual(Set(dispatches.map(\.responderID)), [scene.rosa.id, scene.ana.id])
        XCTAssertEqual(dispatches.first { $0.responderID == scene.rosa.id }?.channel, "sms")
        XCTAssertEqual(dispatches.first { $0.responderID == scene.ana.id }?.channel, "email", "no phone: by email")
        let verifying = try await ReportModel.find(scene.report.id, on: harness.app.db)?.status
        XCTAssertEqual(verifying, "verifying", "sending responders starts the verification")

        let tried = try await harness.services.delivery.runOnce()
        XCTAssertEqual(tried, 2)
        let again = try await harness.services.delivery.runOnce()
        XCTAssertEqual(again, 0, "each link goes out once")
        let sms = try XCTUnwrap(providers.requests.first)
        let fields = FormBody.parse(Array(sms.body.utf8))
        XCTAssertEqual(fields["To"], ["+15035550177"])
        let text = try XCTUnwrap(fields["Body"]?.first)
        XCTAssertTrue(text.contains(scene.report.reference), text)
        let link = try XCTUnwrap(Browser.firstMatch(#"https://amparo\.example(/respond/[0-9a-f-]{36}\.[A-Za-z0-9_-]+)"#, in: text))
        let mail = try XCTUnwrap(smtp.messages().first)
        XCTAssertTrue(mail.contains("Message-ID: <amparo-notice-"), "Ana's link by email")
        XCTAssertFalse(mail.contains("List-Unsubscribe"), "not an alert")
        let states = try await DispatchModel.query(on: harness.app.db).all().map(\.state)
        XCTAssertEqual(states, ["waiting", "waiting"])
        let delivered = try await Notices.status(of: dispatches.compactMap(\.id), on: harness.app.db)
        XCTAssertEqual(Set(delivered.values), ["sent"])
        let list = try await scene.dispatcher.get(scene.path).body.string
        XCTAssertTrue(list.contains("sent, no answer yet"))

        // Rosa's phone: the request, then "I am going" binds the link to this device.
        let phone = harness.browser()
        let request = try await phone.get(link)
        XCTAssertEqual(request.status, .ok)
        XCTAssertTrue(request.body.string.contains("Clinic on 5th and Alder") && request.body.string.contains("Stand across the street"))
        let accepted = try await phone.post(link + "/accept")
        XCTAssertEqual(accepted.status, .seeOther)
        let form = try await phone.get(link)
        XCTAssertTrue(form.body.string.contains("id=\"field-report\""))
        let submission = try XCTUnwrap(Browser.firstMatch(#"name="submission" value="([A-Za-z0-9_-]+)""#, in: form.body.string))

        // The same link elsewhere (forwarded, leaked) opens nothing now.
        let elsewhere = harness.browser()
        let refused = try await elsewhere.get(link)
        XCTAssertEqual(refused.status, .forbidden)
        XCTAssertFalse(refused.body.string.contains("Clinic on 5th"))
        let tampered = try await elsewhere.get(String(link.dropLast(3)) + "AAA")
        XCTAssertEqual(tampered.status, .notFound)

        // A refused report says every problem and stores nothing.
        let bad = try await phone.post(link + "/report", ["submission": submission, "detained": "lots", "time": "2pm", "warrant": "maybe"])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        for message in ["Say what you found.", "Enter a number from 0 to 200.", "hours and minutes", "Choose one of the listed options."] {
            XCTAssertTrue(bad.body.string.contains(message), message)
        }
        let stored0 = try await FieldReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(stored0, 0)

        let report: [String: String] = [
            "submission": submission, "finding": "confirmed", "size": "6 officers, 3 unmarked SUVs",
            "activity": "Arrested a man leaving the clinic", "location": "Parking lot, 5th and Alder", "unit": "Vests reading POLICE ICE",
            "time": "08:40", "equipment": "Plates 7ABC123", "warrant": "administrative", "consent": "refused", "detained": "1",
            "takenTo": "Northern Oregon Regional Correctional Facility", "witnesses": "Marta from the bakery, 503 555 0123",
            "media": "Two videos on Rosa's phone",
        ]
        let filed = try await phone.post(link + "/report", report)
        XCTAssertEqual(filed.status, .seeOther)
        XCTAssertEqual(filed.headers.first(name: .location), link + "?sent=1")
        // The copy saved on the phone is sent again when the connection returns: stored once.
        var json = HTTPHeaders()
        json.replaceOrAdd(name: .accept, value: "application/json")
        let resent = try await phone.post(link + "/report", report, headers: json)
        XCTAssertEqual(resent.status, .ok)
        XCTAssertTrue(resent.body.string.contains("sent=1"))
        let stored = try await FieldReportModel.query(on: harness.app.db).all()
        XCTAssertEqual(stored.count, 1)
        XCTAssertEqual(stored.first?.warrant, "administrative")
        XCTAssertEqual(stored.first?.detained, 1)
        let state = try await DispatchModel.query(on: harness.app.db).filter(\.$responderID == scene.rosa.id).first()?.state
        XCTAssertEqual(state, "filed")
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("Marta from the bakery") || dump.contains("7ABC123") || dump.contains("Stand across the street"),
                       "the field report and the note are sealed")

        // The dispatcher reads it on the report, with the history, and verifies.
        let detail = try await scene.dispatcher.get(scene.path).body.string
        for expected in ["Filed by Rosa Responder", "Yes, an ICE form I-200 or I-205 (administrative)", "Marta from the bakery",
                         "Entry was refused and they stayed out", "field report filed", "Field report: Enforcement is happening or happened here"] {
            XCTAssertTrue(detail.contains(expected), expected)
        }
        let verified = try await scene.dispatcher.post(scene.path + "/status", ["from": "verifying", "to": "verified", "reason": "Field report"])
        XCTAssertEqual(verified.status, .seeOther)
        let actions = try await AuditEntryModel.query(on: harness.app.db).all().map(\.action)
        XCTAssertTrue(actions.contains("dispatch.send") && actions.contains("dispatch.accepted") && actions.contains("field_report.confirmed"))
    }

    func testALinkWorksOnlyWhileValidAndADeclineIsFinal() async throws {
        let scene = try await scene()
        try await scene.dispatcher.get(scene.path)
        try await scene.dispatcher.post(scene.path + "/dispatch", pairs: [("responders[]", scene.rosa.id.uuidString), ("responders[]", scene.ana.id.uuidString)])
        let dispatches = try await DispatchModel.query(on: harness.app.db).all()
        let key = harness.services.linkKey
        let rosaLink = DispatchLinks.path(for: dispatches.first { $0.responderID == scene.rosa.id }!.id!, key: key)
        let anaLink = DispatchLinks.path(for: dispatches.first { $0.responderID == scene.ana.id }!.id!, key: key)

        let phone = harness.browser()
        try await phone.get(rosaLink)
        let declined = try await phone.post(rosaLink + "/decline")
        XCTAssertEqual(declined.status, .seeOther)
        try await phone.post(rosaLink + "/accept")
        let after = try await phone.get(rosaLink)
        XCTAssertTrue(after.body.string.contains("The dispatcher will ask someone else"), "a decline stays a decline")
        let forged = try await phone.post(rosaLink + "/report", ["submission": "abcdefghijklmnopqrstuvwx", "finding": "confirmed"])
        XCTAssertEqual(forged.status, .forbidden)

        // Someone else's link with no accepting device cannot file, and a link past its 12 hours opens nothing.
        let stranger = harness.browser()
        try await stranger.get(anaLink)
        let notAccepted = try await stranger.post(anaLink + "/report", ["submission": "abcdefghijklmnopqrstuvwx", "finding": "confirmed"])
        XCTAssertEqual(notAccepted.status, .forbidden)
        harness.clock.advance(by: 13 * 3600)
        let expired = try await stranger.get(anaLink)
        XCTAssertEqual(expired.status, .notFound)
        XCTAssertTrue(expired.body.string.contains("not valid or has expired"))
        let count = try await FieldReportModel.query(on: harness.app.db).count()
        XCTAssertEqual(count, 0)
    }

    func testOnlyAReportBeingWorkedGoesToResponders() async throws {
        let reporter = harness.browser()
        try await reporter.get("/report")
        let filed = try await reporter.post("/report", ["what": "Checkpoint", "place": "Highway 26 exit 3"])
        let code = try XCTUnwrap(Browser.firstMatch(#"id="reference">([2-9A-Z-]{9})<"#, in: filed.body.string))
        let report = try await ReportModel.query(on: harness.app.db).filter(\.$reference == code).first()!
        let rosa = try await harness.member(.responder)
        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        let path = "/hotline/reports/\(report.id!.uuidString)"
        let page = try await dispatcher.get(path).body.string
        XCTAssertFalse(page.contains("/dispatch\""), "a new report has no dispatch form until claimed")
        let refused = try await dispatcher.post(path + "/dispatch", pairs: [("responders[]", rosa.id.uuidString)])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.body.string.contains("Claim it first"))
        try await dispatcher.post(path + "/claim")
        let claimed = try await dispatcher.get(path).body.string
        XCTAssertTrue(claimed.contains("No responder is on call for this region now"))
        let count = try await DispatchModel.query(on: harness.app.db).count()
        XCTAssertEqual(count, 0)
    }

    func testAFalseAlarmLosesItsFieldReportsAfterRetention() async throws {
        let scene = try await scene()
        try await scene.dispatcher.get(scene.path)
        try await scene.dispatcher.post(scene.path + "/dispatch", ["note": "Look for a white van"], pairs: [("responders[]", scene.rosa.id.uuidString)])
        let dispatch = try await DispatchModel.query(on: harness.app.db).first()!
        let link = DispatchLinks.path(for: dispatch.id!, key: harness.services.linkKey)
        let phone = harness.browser()
        try await phone.get(link)
        try await phone.post(link + "/accept")
        let form = try await phone.get(link).body.string
        let submission = try XCTUnwrap(Browser.firstMatch(#"name="submission" value="([A-Za-z0-9_-]+)""#, in: form))
        try await phone.post(link + "/report", ["submission": submission, "finding": "not_found", "witnesses": "The shop owner"])
        try await scene.dispatcher.get(scene.path)
        try await scene.dispatcher.post(scene.path + "/status", ["from": "verifying", "to": "false_alarm", "reason": "Nothing there"])

        harness.clock.advance(by: 31 * 86400)
        _ = await harness.services.purge.runAll(logger: harness.app.logger)
        let fieldReport = try await FieldReportModel.query(on: harness.app.db).first()
        XCTAssertNil(fieldReport?.bodySealed, "what the responder wrote is gone")
        XCTAssertEqual(fieldReport?.finding, "not_found", "the bare answer stays for counts")
        let note = try await DispatchModel.find(dispatch.id, on: harness.app.db)?.noteSealed
        XCTAssertNil(note)
    }

    func testAResponderFindsHerRequestsInAmparoAndAnswersThereWhileTheDispatcherHearsIt() async throws {
        let scene = try await scene()
        let rosa = try await harness.signedIn(scene.rosa)
        let empty = try await rosa.get("/respond")
        XCTAssertEqual(empty.status, .ok)
        XCTAssertTrue(empty.body.string.contains("No open request for you right now."))
        XCTAssertTrue(empty.body.string.contains("href=\"/respond\""), "in her navigation")

        try await scene.dispatcher.post(scene.path + "/dispatch", ["note": "Stand across the street"], pairs: [("responders[]", scene.rosa.id.uuidString)])
        let page = try await rosa.get("/respond").body.string
        XCTAssertTrue(page.contains(scene.report.reference) && page.contains("Stand across the street"), page)
        let path = try XCTUnwrap(Browser.firstMatch(#"href="(/respond/[0-9a-f-]{36}\.[A-Za-z0-9_-]+)""#, in: page))
        let request = try await rosa.get(path)
        XCTAssertEqual(request.status, .ok)
        XCTAssertTrue(request.body.string.contains("I am going"))

        let heard = try XCTUnwrap(harness.services.liveEvents.listen())
        let accepted = try await rosa.post(path + "/accept")
        XCTAssertEqual(accepted.status, .seeOther)
        heard.end()
        var events: [LiveEvent] = []
        for await event in heard.events { events.append(event) }
        XCTAssertEqual(events, [.changed(ReportID(scene.report.id!))], "the dispatcher's open report page hears the answer")
        let report = try await scene.dispatcher.get(scene.path).body.string
        XCTAssertTrue(report.contains("on the way"), "and shows it")

        let others = try await harness.signedIn(scene.ana).get("/respond").body.string
        XCTAssertFalse(others.contains(scene.report.reference), "another responder sees only her own requests")
        let dispatcherPage = try await scene.dispatcher.get("/respond")
        XCTAssertEqual(dispatcherPage.status, .forbidden)
    }
}
