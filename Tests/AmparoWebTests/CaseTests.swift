import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// Cases: team scoping (no case of another team opens, not even its existence), the person sealed
/// with the A-number for legal only, the custody timeline with corrections, and the hold clock.
/// The harness clock starts on Friday 2027-01-15 08:00 UTC (the organization's zone here is UTC).
final class CaseTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }


    func testAMemberSeesOnlyTheirTeamsCasesAndTheIntakeQueue() async throws {
        let north = try await harness.team("North"), south = try await harness.team("South")
        let northCase = try await harness.openCase(team: north), southCase = try await harness.openCase(team: south), queued = try await harness.openCase(team: nil)
        let (_, ana) = try await harness.signedIn(.caseWorker, in: north)
        let list = try await ana.get("/cases").body.string
        XCTAssertTrue(list.contains(northCase.id!.uuidString) && list.contains(queued.id!.uuidString))
        XCTAssertFalse(list.contains(southCase.id!.uuidString))
        for path in ["/cases/\(southCase.id!.uuidString)"] {
            let page = try await ana.get(path)
            XCTAssertEqual(page.status, .notFound, "another team's case does not exist for her")
        }
        try await ana.get("/cases/\(northCase.id!.uuidString)")
        for (path, fields) in [("/person", ["name": "Intruso"]), ("/events", ["step": "arrested", "when": "2027-01-15T07:00"])] {
            let write = try await ana.post("/cases/\(southCase.id!.uuidString)" + path, fields)
            XCTAssertEqual(write.status, .notFound, path)
        }
        // Nor can she hand a case to a team she is not in.
        let moved = try await ana.post("/cases/\(queued.id!.uuidString)/person", ["team": south.id!.uuidString])
        XCTAssertEqual(moved.status, .unprocessableEntity)
        let events = try await CaseEventModel.query(on: harness.app.db).count()
        XCTAssertEqual(events, 0)
        let untouched = try await CaseModel.find(southCase.id, on: harness.app.db)
        XCTAssertNil(untouched?.personNameSealed)
        // Roles without cases (a dispatcher, an analyst) get no case page at all.
        let (_, dispatcher) = try await harness.signedIn(.dispatcher, in: north)
        let refused = try await dispatcher.get("/cases/\(northCase.id!.uuidString)")
        XCTAssertEqual(refused.status, .forbidden)
    }

    func testThePersonIsSealedAndTheANumberIsForLegalOnly() async throws {
        let north = try await harness.team("North")
        let record = try await harness.openCase(team: north)
        let path = "/cases/\(record.id!.uuidString)"
        let (_, lawyer) = try await harness.signedIn(.legal, in: north)
        try await lawyer.get(path)
        let saved = try await lawyer.post(path + "/person", [
            "name": "María Flores", "birthDate": "1990-04-02", "phone": "+1 503 555 0166", "language": "Mam", "aNumber": "A201-555-123",
            "team": north.id!.uuidString, "consent": "Su hermana acepta compartir con el equipo legal y la visita.",
        ])
        XCTAssertEqual(saved.status, .seeOther)
        let asLegal = try await lawyer.get(path).body.string
        XCTAssertTrue(asLegal.contains("María Flores") && asLegal.contains("A201-555-123") && asLegal.contains("Recorded"))

        let (_, worker) = try await harness.signedIn(.caseWorker, in: north)
        let asWorker = try await worker.get(path).body.string
        XCTAssertTrue(asWorker.contains("María Flores"))
        XCTAssertFalse(asWorker.contains("A201-555-123"), "a case worker does not see the A-number")
        try await worker.post(path + "/person", ["name": "María Flores López", "aNumber": "", "team": north.id!.uuidString,
                                                 "consent": "Su hermana acepta compartir con el equipo legal y la visita."])
        let after = try await CaseModel.find(record.id, on: harness.app.db)
        XCTAssertNotNil(after?.aNumberSealed, "nor can she erase it")
        let dump = try await harness.dumpDatabaseText()
        for secret in ["María Flores", "A201-555-123", "5550166", "Su hermana acepta"] {
            XCTAssertFalse(dump.contains(secret), "\(secret) is in the raw database")
        }
        let actions = try await AuditEntryModel.query(on: harness.app.db).all().map(\.action)
        XCTAssertTrue(actions.contains("case.read") && actions.contains("case.person"))
    }

    func testTheTimelineRunsTheHoldClockAndCorrectionsKeepTheirHistory() async throws {
        let record = try await harness.openCase(team: nil)
        let path = "/cases/\(record.id!.uuidString)"
        let (_, worker) = try await harness.signedIn(.caseWorker, in: nil)
        try await worker.get(path)
        for (step, when, extra) in [
            ("booked", "2027-01-12T10:00", ["place": "Washington County Jail", "source": "jail roster"]),
            ("detainer_lodged", "2027-01-12T20:00", ["detainerForm": "I-247A", "detail": "Boxes: biometric match"]),
            ("jail_response", "2027-01-13T09:00", ["jailResponse": "honored"]),
            ("local_custody_ended", "2027-01-13T06:00", ["detail": "Bail posted by the fund"]),
        ] {
            let added = try await worker.post(path + "/events", ["step": step, "when": when].merging(extra) { a, _ in a })
            XCTAssertEqual(added.status, .seeOther, step)
            try await worker.get(path)
        }
        var page = try await worker.get(path).body.string
        XCTAssertTrue(page.contains("Held on the ICE detainer alone for 50 hours (since 2027-01-13 06:00 UTC)"), page)
        XCTAssertTrue(page.contains("may be an unlawful seizure"))

        // The release date was wrong: corrected, the old entry stays struck through.
        let wrong = try await CaseEventModel.query(on: harness.app.db).filter(\.$step == "local_custody_ended").first()!
        let corrected = try await worker.post(path + "/events/\(wrong.id!.uuidString)/correct",
                                              ["step": "local_custody_ended", "when": "2027-01-14T22:00", "detail": "Bail posted by the fund"])
        XCTAssertEqual(corrected.status, .seeOther)
        page = try await worker.get(path).body.string
        XCTAssertTrue(page.contains("Held on the ICE detainer alone for 10 hours"), page)
        XCTAssertFalse(page.contains("may be an unlawful seizure"))
        XCTAssertTrue(page.contains("replaced by a correction"))
        let again = try await worker.post(path + "/events/\(wrong.id!.uuidString)/correct", ["step": "released", "when": "2027-01-15T01:00"])
        XCTAssertEqual(again.status, .notFound, "a replaced entry cannot be corrected twice")

        // A transfer to ICE stops the clock.
        try await worker.get(path)
        try await worker.post(path + "/events", ["step": "transferred_to_ice", "when": "2027-01-15T02:00", "place": "NWIPC Tacoma"])
        page = try await worker.get(path).body.string
        XCTAssertTrue(page.contains("Was held on the detainer alone for 4 hours"), page)

        for (fields, message) in [(["step": "abducted", "when": "2027-01-15T02:00"], "Choose what happened"),
                                  (["step": "hearing", "when": "tomorrow"], "Enter the date and time")] {
            try await worker.get(path)
            let bad = try await worker.post(path + "/events", fields)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.string.contains(message))
        }
        let count = try await CaseEventModel.query(on: harness.app.db).count()
        XCTAssertEqual(count, 6, "four, a correction, a transfer; nothing from the refused forms")
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("Bail posted by the fund"), "details are sealed")
    }

    func testTheLegalTeamIsToldOnceAtEachThreshold() async throws {
        let north = try await harness.team("North"), south = try await harness.team("South")
        let (lawyer, _) = try await harness.signedIn(.legal, in: north)
        let (other, _) = try await harness.signedIn(.legal, in: south)
        let record = try await harness.openCase(team: north)
        let writer = try await harness.member(.caseWorker)
        let now = harness.clock.now()
        for (step, hoursAgo) in [("detainer_lodged", 40.0), ("local_custody_ended", 30.0)] {
            let event = CaseEventModel(caseID: record.id!, step: step, occurredAt: now.addingTimeInterval(-hoursAgo * 3600),
                                       recordedBy: writer.id, recordedAt: now)
            if step == "detainer_lodged" { event.detainerForm = "I-247A" }
            try await event.create(on: harness.app.db)
        }
        // Written around the pages: the case's progress is kept as the routes keep it.
        try await CaseProgressWrites.refresh(case: record.id!, on: harness.app.db)
        let app = harness.app
        let watch = HoldClockWatch(services: harness.services, database: { app.db })
        let first = try await watch.check()
        XCTAssertEqual(first, 1, "30 hours: the 24-hour threshold, to the case team's lawyer only")
        let again = try await watch.check()
        XCTAssertEqual(again, 0, "told once")
        harness.clock.advance(by: 20 * 3600)
        let later = try await watch.check()
        XCTAssertEqual(later, 1, "50 hours: 36 and 48 crossed, one message")
        let marks = try await HoldAlertModel.query(on: harness.app.db).all().map(\.thresholdHours).sorted()
        XCTAssertEqual(marks, [24, 36, 48])
        let notices = try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == "case.hold").sort(\.$createdAt).all()
        XCTAssertEqual(notices.count, 2)
        let sealer = harness.services.sealer
        let to = try notices.map { try sealer.open($0.recipientSealed!, context: SealedColumn.noticeRecipient.context(rowID: $0.id!)) }
        XCTAssertEqual(Set(to), [lawyer.email])
        XCTAssertFalse(to.contains(other.email))
        let body = try sealer.open(notices[1].bodySealed!, context: SealedColumn.noticeBody.context(rowID: notices[1].id!))
        XCTAssertTrue(body.contains("48") && body.contains("/cases/\(record.id!.uuidString)"), body)

        // A transfer to ICE ends the hold: nothing more is said.
        try await CaseEventModel(caseID: record.id!, step: "transferred_to_ice", occurredAt: harness.clock.now(), recordedBy: writer.id,
                                 recordedAt: harness.clock.now()).create(on: harness.app.db)
        try await CaseProgressWrites.refresh(case: record.id!, on: harness.app.db)
        harness.clock.advance(by: 100 * 3600)
        let after = try await watch.check()
        XCTAssertEqual(after, 0)
    }

    func testThePersonsDataIsExportedAndErasedOnRequestAndAfterRetention() async throws {
        let north = try await harness.team("North"), south = try await harness.team("South")
        let record = try await harness.openCase(team: north)
        let path = "/cases/\(record.id!.uuidString)"
        let (_, lawyer) = try await harness.signedIn(.legal, in: north)
        try await lawyer.get(path)
        try await lawyer.post(path + "/person", ["name": "Rosa Díaz", "aNumber": "A209-000-111", "team": north.id!.uuidString,
                                                 "consent": "Rosa agrees to share with the legal team."])
        try await lawyer.get(path)
        let added = try await lawyer.post(path + "/contacts", ["contactName": "Luis Díaz", "relationship": "brother", "reach": "+1 503 555 0199",
                                                               "contactLanguage": "Spanish", "channel": "WhatsApp"])
        XCTAssertEqual(added.status, .seeOther)
        try await lawyer.get(path)
        try await lawyer.post(path + "/events", ["step": "booked", "when": "2027-01-14T10:00", "place": "Marion County Jail", "detail": "Picked up at work"])
        let withContact = try await lawyer.get(path).body.string
        XCTAssertTrue(withContact.contains("Luis Díaz · brother"))

        // Another team's worker cannot reach any of it.
        let (_, outsider) = try await harness.signedIn(.caseWorker, in: south)
        try await outsider.get("/cases")
        for (method, suffix) in [("GET", "/export"), ("POST", "/erase"), ("POST", "/contacts"), ("POST", "/close")] {
            let response: BrowserResponse
            if method == "GET" { response = try await outsider.get(path + suffix) } else { response = try await outsider.post(path + suffix, ["confirm": "ERASE"]) }
            XCTAssertEqual(response.status, .notFound, suffix)
        }

        let json = try await lawyer.get(path + "/export?format=json")
        XCTAssertEqual(json.status, .ok)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let export = try decoder.decode(CaseExport.self, from: Data(json.body.readableBytesView))
        XCTAssertEqual(export.person.name, "Rosa Díaz")
        XCTAssertEqual(export.person.aNumber, "A209-000-111")
        XCTAssertEqual(export.contacts.first?.reach, "+1 503 555 0199")
        XCTAssertEqual(export.timeline.first?.detail, "Picked up at work")
        let (_, worker) = try await harness.signedIn(.caseWorker, in: north)
        let page = try await worker.get(path + "/export")
        XCTAssertTrue(page.body.string.contains("Rosa Díaz") && page.body.string.contains("Marion County Jail"))
        XCTAssertFalse(page.body.string.contains("A209-000-111"), "the A-number stays with legal")

        try await lawyer.get(path)
        let unconfirmed = try await lawyer.post(path + "/erase", ["confirm": "yes"])
        XCTAssertEqual(unconfirmed.status, .unprocessableEntity)
        let erased = try await lawyer.post(path + "/erase", ["confirm": "borrar"])
        XCTAssertEqual(erased.status, .seeOther)
        let after = try await CaseModel.find(record.id, on: harness.app.db)
        XCTAssertNil(after?.personNameSealed)
        XCTAssertNil(after?.aNumberSealed)
        XCTAssertNil(after?.consentSealed)
        XCTAssertNotNil(after?.erasedAt)
        let contacts = try await CaseContactModel.query(on: harness.app.db).count()
        XCTAssertEqual(contacts, 0)
        let events = try await CaseEventModel.query(on: harness.app.db).filter(\.$caseID == record.id!).all()
        XCTAssertEqual(events.map(\.step), ["booked"], "what happened stays, anonymous, for the counts")
        XCTAssertEqual(events.first?.place, "Marion County Jail")
        XCTAssertNil(events.first?.detailSealed)

        // A closed case keeps the person's data a year, then loses it the same way.
        let other = try await harness.openCase(team: north)
        try await lawyer.get("/cases/\(other.id!.uuidString)")
        try await lawyer.post("/cases/\(other.id!.uuidString)/person", ["name": "Tomás Ruiz", "team": north.id!.uuidString])
        try await lawyer.get("/cases/\(other.id!.uuidString)")
        try await lawyer.post("/cases/\(other.id!.uuidString)/close")
        harness.clock.advance(by: 200 * 86400)
        _ = await harness.services.purge.runAll(logger: harness.app.logger)
        var kept = try await CaseModel.find(other.id, on: harness.app.db)
        XCTAssertNotNil(kept?.personNameSealed)
        harness.clock.advance(by: 200 * 86400)
        _ = await harness.services.purge.runAll(logger: harness.app.logger)
        kept = try await CaseModel.find(other.id, on: harness.app.db)
        XCTAssertNil(kept?.personNameSealed)
    }

    func testCountsAreAnonymousAndSmallNumbersAreSuppressed() async throws {
        let writer = try await harness.member(.caseWorker)
        let january = harness.clock.now().addingTimeInterval(-2 * 86400)  // 2027-01-13
        for (place, people) in [("Marion County Jail", 6), ("Polk County Jail", 2)] {
            let facility = FacilityModel(name: place, kind: "county_jail", updatedAt: january)
            try await facility.create(on: harness.app.db)
            for _ in 0..<people {
                let record = try await harness.openCase(team: nil)
                for step in ["booked", "detainer_lodged"] {
                    let event = CaseEventModel(caseID: record.id!, step: step, occurredAt: january, recordedBy: writer.id, recordedAt: january)
                    event.place = place
                    event.facilityID = facility.id
                    try await event.create(on: harness.app.db)
                }
            }
        }
        // An arrest place typed by hand is an address, not a place to count.
        let typed = try await harness.openCase(team: nil)
        let arrest = CaseEventModel(caseID: typed.id!, step: "arrested", occurredAt: january, recordedBy: writer.id, recordedAt: january)
        arrest.place = "Main St, Eastside"
        try await arrest.create(on: harness.app.db)
        let (_, analyst) = try await harness.signedIn(.analyst, in: nil)
        let json = try await analyst.get("/cases/counts?year=2027&format=json")
        XCTAssertEqual(json.status, .ok)
        let rows = try JSONDecoder().decode([CaseCountRoutes.Row].self, from: Data(json.body.readableBytesView))
        XCTAssertTrue(rows.contains(CaseCountRoutes.Row(county: "—", place: "Marion County Jail", month: "2027-01", step: "booked", people: "6")), "\(rows)")
        XCTAssertTrue(rows.contains(CaseCountRoutes.Row(county: "—", place: "Polk County Jail", month: "2027-01", step: "booked", people: "<5")))
        XCTAssertFalse(json.body.string.contains("Main St"), "typed places never reach the counts")
        XCTAssertTrue(rows.contains(CaseCountRoutes.Row(county: "—", place: "—", month: "2027-01", step: "arrested", people: "<5")), "\(rows)")
        XCTAssertFalse(json.body.string.contains("-4") && json.body.string.range(of: #"[0-9a-f]{8}-[0-9a-f]{4}"#, options: .regularExpression) != nil,
                       "no case ids")
        let page = try await analyst.get("/cases/counts?year=2027")
        XCTAssertTrue(page.body.string.contains("&lt;5"))
        let caseList = try await analyst.get("/cases")
        XCTAssertEqual(caseList.status, .forbidden, "an analyst sees counts, never cases")
    }

    func testAHoldIsNeverToldToNobodyAndTheCasePageShowsItLoudly() async throws {
        let north = try await harness.team("North")
        let record = try await harness.openCase(team: north)
        let (_, worker) = try await harness.signedIn(.caseWorker, in: north)
        let writer = try await harness.member(.caseWorker)
        let now = harness.clock.now()
        for (step, hoursAgo) in [("detainer_lodged", 30.0), ("local_custody_ended", 25.0)] {
            try await CaseEventModel(caseID: record.id!, step: step, occurredAt: now.addingTimeInterval(-hoursAgo * 3600),
                                     recordedBy: writer.id, recordedAt: now).create(on: harness.app.db)
        }
        try await CaseProgressWrites.refresh(case: record.id!, on: harness.app.db)
        let page = try await worker.get("/cases/\(record.id!.uuidString)").body.string
        XCTAssertTrue(page.contains("class=\"hold-alarm\" role=\"alert\""), "a running hold is an alarm")
        XCTAssertTrue(page.contains("23 hours left until 48"), page)

        // No lawyer on North and none anywhere: the coordinators are told.
        let coordinator = try await harness.member(.coordinator, email: "olu@example.org")
        let app = harness.app
        let watch = HoldClockWatch(services: harness.services, database: { app.db })
        let told = try await watch.check()
        XCTAssertEqual(told, 1)
        var recipients = try await holdRecipients()
        XCTAssertEqual(recipients, ["olu@example.org"])
        let named = try await AuditEntryModel.query(on: harness.app.db).filter(\.$action == "case.hold_alert.told").all().map(\.recordID)
        XCTAssertEqual(named, [coordinator.id.uuidString], "the audit log names who was told")

        // A lawyer on no team: she is told at the next threshold, not the coordinators.
        let lawyer = try await harness.member(.legal, email: "lawyer@example.org")
        harness.clock.advance(by: 12 * 3600)
        _ = try await watch.check()
        recipients = try await holdRecipients()
        XCTAssertEqual(recipients, ["olu@example.org", "lawyer@example.org"])
        let opened = try await harness.signedIn(lawyer).get("/cases/\(record.id!.uuidString)")
        XCTAssertEqual(opened.status, .ok, "the lawyer on no team can open the case she was told about")
    }

    func testTheCaseListPutsRunningHoldsFirstAndShowsWhereEachPersonIsAndTheNextHearing() async throws {
        let north = try await harness.team("North")
        let (_, worker) = try await harness.signedIn(.caseWorker, in: north)
        let jail = FacilityModel(name: "Marion County Jail", kind: "county_jail", updatedAt: harness.clock.now())
        try await jail.create(on: harness.app.db)
        let plain = try await harness.openCase(team: north)
        let hearing = try await harness.openCase(team: north)
        let held = try await harness.openCase(team: north)
        func post(_ record: CaseModel, _ fields: [String: String]) async throws {
            let response = try await worker.post("/cases/\(record.id!.uuidString)/events", fields)
            XCTAssertEqual(response.status, .seeOther, response.body.string)
        }
        // Clock: 2027-01-15 08:00 UTC.
        try await post(plain, ["step": "booked", "when": "2027-01-10T10:00", "place": "Salem Police"])
        try await post(hearing, ["step": "detained", "when": "2027-01-11T10:00", "facility": jail.id!.uuidString])
        try await post(hearing, ["step": "hearing", "when": "2027-02-02T09:00", "hearingKind": "bond", "place": "Portland Immigration Court"])
        try await post(held, ["step": "detainer_lodged", "when": "2027-01-14T00:00", "detainerForm": "I-247A", "facility": jail.id!.uuidString])
        try await post(held, ["step": "local_custody_ended", "when": "2027-01-14T20:00", "facility": jail.id!.uuidString])

        let stored = try await CaseModel.find(held.id, on: harness.app.db)
        XCTAssertNotNil(stored?.holdStartedAt, "the hold is kept on the case as the timeline changes")
        let page = try await worker.get("/cases").body.string
        let order = [held, hearing, plain].map { page.range(of: "/cases/\($0.id!.uuidString)\"")?.lowerBound }
        XCTAssertTrue(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "a running hold first, then a hearing ahead, then the rest")
        // The database's ranking is the domain's order.
        let lines = try await CasesStore(harness.app.db, sealer: harness.services.sealer).list(teams: [north.id!], now: harness.clock.now())
        XCTAssertEqual(lines.map(\.id), [held, hearing, plain].map(\.id!))
        XCTAssertEqual(lines.map(\.urgency), lines.map(\.urgency).sorted())
        XCTAssertTrue(page.contains("id=\"holds-now\"") && page.contains("Held 12 h on the detainer alone · 36 h left to 48"), page)
        XCTAssertTrue(page.contains("Marion County Jail") && page.contains("Salem Police"), "where each person is now")
        XCTAssertTrue(page.contains("2027-02-02 09:00 UTC"), "the next hearing")

        // The legal team sees the same alarm first thing.
        let lawyer = try await harness.member(.legal, email: "abogada@example.org")
        let dashboard = try await harness.signedIn(lawyer).get("/dashboard").body.string
        XCTAssertTrue(dashboard.contains("id=\"holds-now\"") && dashboard.contains("/cases/\(held.id!.uuidString)"), dashboard)

        // A transfer to ICE stops the clock; a correction is followed too.
        try await post(held, ["step": "transferred_to_ice", "when": "2027-01-15T07:00", "place": "Tacoma ICE Processing Center"])
        let after = try await worker.get("/cases").body.string
        XCTAssertFalse(after.contains("id=\"holds-now\""))
        XCTAssertTrue(after.contains("Tacoma ICE Processing Center"))
    }

    private func holdRecipients() async throws -> [String] {
        let sealer = harness.services.sealer
        return try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == "case.hold").sort(\.$createdAt).all().map {
            try sealer.open($0.recipientSealed!, context: SealedColumn.noticeRecipient.context(rowID: $0.id!))
        }
    }
}
