import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// The case's support work and the visitation program: structured timeline facts, the bond fund,
/// tasks and their reminders, sealed notes, visits seen only by their visitor, transfer notices,
/// counts by county. The harness clock starts on Friday 2027-01-15 08:00 UTC.
final class CaseSupportTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }


    func facility(_ name: String, county: String) async throws -> FacilityModel {
        let facility = FacilityModel(name: name, kind: "igsa", updatedAt: harness.clock.now())
        facility.state = "OR"
        facility.county = county
        facility.visitingHours = "Sat-Sun 9:00-15:00"
        facility.idRules = "Government photo ID"
        try await facility.create(on: harness.app.db)
        return facility
    }

    func trainedVisitor(languages: String = "Español, Mam") async throws -> (TestHarness.Member, Browser) {
        let (visitor, browser) = try await harness.signedIn(.visitor, in: nil)
        let profile = VisitorProfileModel(userID: visitor.id, updatedAt: harness.clock.now())
        profile.trainedOn = "2026-10-03"
        profile.languages = languages
        try await profile.create(on: harness.app.db)
        return (visitor, browser)
    }

    func testDetainerHearingAndBondFactsAreRecordedAndAHearingMakesATask() async throws {
        let north = try await harness.team("North")
        let record = try await harness.openCase(team: north)
        let path = "/cases/\(record.id!.uuidString)"
        let (_, worker) = try await harness.signedIn(.caseWorker, in: north)
        let jail = try await facility("Marion County Jail", county: "Marion")
        let detainer = try await worker.post(path + "/events", pairs: [
            ("step", "detainer_lodged"), ("when", "2027-01-14T10:00"), ("facility", jail.id!.uuidString), ("agency", "ICE ERO Portland"),
            ("detainerForm", "I-247A"), ("probableCause", "biometric_match"), ("probableCause", "statements"), ("probableCause", "made_up"),
        ])
        XCTAssertEqual(detainer.status, .seeOther)
        let hearing = try await worker.post(path + "/events", ["step": "hearing", "when": "2027-01-25T09:00", "place": "Portland Immigration Court",
                                                                "hearingKind": "master_calendar"])
        XCTAssertEqual(hearing.status, .seeOther)
        let badBond = try await worker.post(path + "/events", ["step": "bond", "when": "2027-01-20T09:00", "bondAmount": "1.500,50"])
        XCTAssertEqual(badBond.status, .unprocessableEntity, "an amount that is not dollars is refused")
        func addition(_ page: String) -> String {
            guard let start = page.range(of: "<section id=\"add-event\">") else { return "" }
            return String(page[start.lowerBound...].components(separatedBy: "</section>")[0])
        }
        let refused = addition(badBond.body.string)
        XCTAssertTrue(refused.contains("<input type=\"hidden\" name=\"step\" value=\"bond\">") && refused.contains("value=\"1.500,50\""),
                      "the refused entry's own form comes back with what was typed")
        XCTAssertFalse(refused.contains("name=\"hearingKind\""), "only the bond's fields, not every kind's")
        // The page offers one kind at a time: a link per step; the chosen one's form alone.
        let chooser = addition(try await worker.get(path).body.string)
        XCTAssertTrue(chooser.contains("?event=hearing#add-event") && !chooser.contains("name=\"bondAmount\""))
        let hearingForm = addition(try await worker.get(path + "?event=hearing").body.string)
        XCTAssertTrue(hearingForm.contains("name=\"hearingKind\"") && !hearingForm.contains("name=\"bondAmount\"") && !hearingForm.contains("name=\"jailResponse\""))
        try await worker.post(path + "/events", ["step": "bond", "when": "2027-01-20T09:00", "bondAmount": "$7,500", "bondStage": "set"])

        let events = try await CaseEventModel.query(on: harness.app.db).sort(\.$occurredAt).all()
        XCTAssertEqual(events.map(\.step), ["detainer_lodged", "bond", "hearing"])
        XCTAssertEqual(events[0].place, "Marion County Jail")
        XCTAssertEqual(events[0].county, "Marion", "the facility gives the county")
        XCTAssertEqual(events[0].facilityID, jail.id)
        XCTAssertEqual(events[0].probableCause, "biometric_match,statements")
        XCTAssertEqual(events[1].bondCents, 750_000)
        XCTAssertEqual(events[1].bondStage, "set")
        XCTAssertEqual(events[2].hearingKind, "master_calendar")
        XCTAssertNil(events[2].probableCause, "boxes belong to a detainer only")

        let tasks = try await CaseTaskModel.query(on: harness.app.db).all()
        XCTAssertEqual(tasks.count, 1, "a hearing ahead makes a preparation task")
        XCTAssertEqual(tasks[0].dueAt, events[2].occurredAt.addingTimeInterval(-3 * 86_400))
        let page = try await worker.get(path).body.string
        for text in ["Statements to an immigration officer", "Master calendar", "$7,500", "ICE ERO Portland", "Prepare for the hearing on 2027-01-25 09:00"] {
            XCTAssertTrue(page.contains(text), text)
        }
    }

    func testTheBondFundMovesStepByStepAndAPaymentIsOnTheTimeline() async throws {
        let north = try await harness.team("North")
        let record = try await harness.openCase(team: north)
        let path = "/cases/\(record.id!.uuidString)"
        let (_, lawyer) = try await harness.signedIn(.legal, in: north)
        let refused = try await lawyer.post(path + "/bonds", ["amount": "lots"])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.body.string.contains("Enter an amount in dollars"))
        let none = try await BondRequestModel.query(on: harness.app.db).count()
        XCTAssertEqual(none, 0, "nothing half-written")
        try await lawyer.post(path + "/bonds", ["amount": "5000", "note": "Receipt to her brother José"])
        let bond = try await BondRequestModel.query(on: harness.app.db).first()!
        XCTAssertEqual(bond.amountCents, 500_000)
        let bondPath = path + "/bonds/\(bond.id!.uuidString)"
        let skipped = try await lawyer.post(bondPath, ["status": "paid"])
        XCTAssertEqual(skipped.status, .unprocessableEntity, "a request is approved before it is paid")
        try await lawyer.post(bondPath, ["status": "approved"])
        let paid = try await lawyer.post(bondPath, ["status": "paid", "paid": "4,800.00"])
        XCTAssertEqual(paid.status, .seeOther)
        let after = try await BondRequestModel.find(bond.id, on: harness.app.db)
        XCTAssertEqual(after?.status, "paid")
        XCTAssertEqual(after?.paidCents, 480_000)
        let payment = try await CaseEventModel.query(on: harness.app.db).filter(\.$step == "bond").first()
        XCTAssertEqual(payment?.bondStage, "paid_by_fund")
        XCTAssertEqual(payment?.bondCents, 480_000)
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("José"), "the bond note is sealed")
        let page = try await lawyer.get(path).body.string
        XCTAssertTrue(page.contains("Paid by the bond fund") && page.contains("$4,800") && page.contains("Receipt to her brother José"))
    }

    func testTasksAreRemindedOnceToTheirAssigneeAndNotesAreSealed() async throws {
        let north = try await harness.team("North"), south = try await harness.team("South")
        let record = try await harness.openCase(team: north)
        let path = "/cases/\(record.id!.uuidString)"
        let (worker, browser) = try await harness.signedIn(.caseWorker, in: north)
        let (stranger, _) = try await harness.signedIn(.caseWorker, in: south)
        let outsider = try await browser.post(path + "/tasks", ["title": "Check the detainee locator", "due": "2027-01-15T18:00", "assignee": stranger.id.uuidString])
        XCTAssertEqual(outsider.status, .unprocessableEntity, "a task goes to someone who may see the case")
        let noDate = try await browser.post(path + "/tasks", ["title": "Check the detainee locator", "due": "tomorrow"])
        XCTAssertEqual(noDate.status, .unprocessableEntity)
        try await browser.post(path + "/tasks", ["title": "Check the detainee locator", "due": "2027-01-15T18:00", "assignee": worker.id.uuidString])
        try await browser.post(path + "/tasks", ["title": "Call the consulate", "due": "2027-02-15T18:00"])
        let app = harness.app
        let watch = TaskReminderWatch(services: harness.services, database: { app.db })
        let first = try await watch.check()
        XCTAssertEqual(first, 1, "only the task due within a day")
        let again = try await watch.check()
        XCTAssertEqual(again, 0, "once")
        let notice = try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == "case.task").first()!
        let to = try harness.services.sealer.open(notice.recipientSealed!, context: SealedColumn.noticeRecipient.context(rowID: notice.id!))
        XCTAssertEqual(to, worker.email)
        let task = try await CaseTaskModel.query(on: harness.app.db).sort(\.$dueAt).first()!
        try await browser.post(path + "/tasks/\(task.id!.uuidString)/done", [:])
        let done = try await CaseTaskModel.find(task.id, on: harness.app.db)
        XCTAssertNotNil(done?.doneAt)

        let note = try await browser.post(path + "/notes", ["body": "Su hija Lupita pregunta por él.\nLlamar el martes."])
        XCTAssertEqual(note.status, .seeOther)
        let control = try await browser.post(path + "/notes", ["body": "bad\u{7}bell"])
        XCTAssertEqual(control.status, .unprocessableEntity)
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("Lupita") || dump.contains("detainee locator"), "notes and task titles are sealed")
        let page = try await browser.get(path).body.string
        XCTAssertTrue(page.contains("Su hija Lupita pregunta por él.\nLlamar el martes."))
    }

    func testAVisitorSeesOnlyTheirVisitAndNeverTheFamilysPhone() async throws {
        let north = try await harness.team("North")
        let record = try await harness.openCase(team: north)
        let path = "/cases/\(record.id!.uuidString)"
        let (_, worker) = try await harness.signedIn(.caseWorker, in: north)
        try await worker.post(path + "/person", ["name": "Rosa Méndez", "phone": "+1 503 555 0177", "language": "Mam", "team": north.id!.uuidString])
        try await worker.post(path + "/contacts", ["contactName": "Tomás Méndez", "relationship": "hermano", "reach": "+1 503 555 0188"])
        let center = try await facility("Northwest ICE Processing Center", county: "Pierce")
        let (visitor, asVisitor) = try await trainedVisitor()
        let (untrained, _) = try await harness.signedIn(.visitor, in: nil)
        let refused = try await worker.post(path + "/visits", ["facility": center.id!.uuidString, "visitor": untrained.id.uuidString, "when": "2027-01-16T10:00"])
        XCTAssertEqual(refused.status, .unprocessableEntity, "an untrained visitor is not sent")
        let planned = try await worker.post(path + "/visits", ["facility": center.id!.uuidString, "visitor": visitor.id.uuidString, "when": "2027-01-16T10:00"])
        XCTAssertEqual(planned.status, .seeOther)
        let visit = try await VisitModel.query(on: harness.app.db).first()!

        let mine = try await asVisitor.get("/visits").body.string
        XCTAssertTrue(mine.contains("Rosa Méndez") && mine.contains("Northwest ICE Processing Center"))
        let page = try await asVisitor.get("/visits/\(visit.id!.uuidString)").body.string
        XCTAssertTrue(page.contains("Rosa Méndez") && page.contains("Mam") && page.contains("Government photo ID") && page.contains("Sat-Sun 9:00-15:00"))
        for secret in ["555 0177", "555 0188", "Tomás", "hermano"] { XCTAssertFalse(page.contains(secret), secret) }
        let casePage = try await asVisitor.get(path)
        XCTAssertEqual(casePage.status, .forbidden, "a visitor has no case pages")
        let export = try await asVisitor.get(path + "/export")
        XCTAssertEqual(export.status, .forbidden)

        let (_, other) = try await trainedVisitor()
        for request in [try await other.get("/visits/\(visit.id!.uuidString)"),
                        try await other.post("/visits/\(visit.id!.uuidString)/report", ["outcome": "done", "report": "x"])] {
            XCTAssertEqual(request.status, .notFound, "another visitor's visit does not exist for them")
        }
        let reported = try await asVisitor.post("/visits/\(visit.id!.uuidString)/report", [
            "outcome": "done", "report": "Está bien de ánimo; necesita sus lentes y dinero para llamadas.", "sharedWithFamily": "yes",
        ])
        XCTAssertEqual(reported.status, .seeOther)
        let after = try await VisitModel.find(visit.id, on: harness.app.db)
        XCTAssertEqual(after?.status, "done")
        XCTAssertEqual(after?.sharedWithFamily, true)
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("lentes"), "the report is sealed")
        let seen = try await worker.get(path).body.string
        XCTAssertTrue(seen.contains("necesita sus lentes"))
    }

    func testATransferMarksPlannedVisitsAndTellsTheVisitationTeam() async throws {
        let north = try await harness.team("North")
        let record = try await harness.openCase(team: north)
        let path = "/cases/\(record.id!.uuidString)"
        let (_, worker) = try await harness.signedIn(.caseWorker, in: north)
        let tacoma = try await facility("Northwest ICE Processing Center", county: "Pierce")
        let jail = try await facility("Marion County Jail", county: "Marion")
        let (visitor, _) = try await trainedVisitor()
        let (teamVisitor, _) = try await harness.signedIn(.visitor, in: north)
        let (elsewhere, _) = try await harness.signedIn(.visitor, in: nil)
        let booked = try await worker.post(path + "/events", ["step": "booked", "when": "2027-01-10T10:00", "facility": jail.id!.uuidString])
        XCTAssertEqual(booked.status, .seeOther, booked.body.string)
        try await worker.post(path + "/visits", ["facility": jail.id!.uuidString, "visitor": visitor.id.uuidString, "when": "2027-01-17T10:00"])
        let quiet = try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == "case.transfer").count()
        XCTAssertEqual(quiet, 0, "the first place is not a move")
        let moved = try await worker.post(path + "/events", ["step": "transferred_to_ice", "when": "2027-01-15T07:00", "facility": tacoma.id!.uuidString])
        XCTAssertEqual(moved.status, .seeOther, moved.body.string)
        let visit = try await VisitModel.query(on: harness.app.db).first()
        XCTAssertEqual(visit?.status, "moved")
        let notices = try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == "case.transfer").all()
        let sealer = harness.services.sealer
        let to = Set(try notices.map { try sealer.open($0.recipientSealed!, context: SealedColumn.noticeRecipient.context(rowID: $0.id!)) })
        XCTAssertEqual(to, [visitor.email, teamVisitor.email], "the person's visitor and the team's visitors, no one else")
        XCTAssertFalse(to.contains(elsewhere.email))
        guard let first = notices.first else { return }
        let body = try sealer.open(first.bodySealed!, context: SealedColumn.noticeBody.context(rowID: first.id!))
        XCTAssertTrue(body.contains("Northwest ICE Processing Center") && body.contains(path))
        // Recording an older place afterwards moves no one today.
        try await worker.post(path + "/events", ["step": "booked", "when": "2027-01-09T10:00", "place": "Salem Police"])
        let still = try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == "case.transfer").count()
        XCTAssertEqual(still, notices.count)
    }

    func testCountsByCountyIncludeHoldsPastReleaseAndErasureKeepsThem() async throws {
        let north = try await harness.team("North")
        let (_, worker) = try await harness.signedIn(.caseWorker, in: north)
        var jails: [String: UUID] = [:]
        for county in ["Marion", "Polk"] {
            let jail = FacilityModel(name: "\(county) County Jail", kind: "county_jail", updatedAt: harness.clock.now())
            jail.county = county
            try await jail.create(on: harness.app.db)
            jails[county] = jail.id
        }
        var ids: [UUID] = []
        for index in 0..<6 {
            let record = try await harness.openCase(team: north)
            ids.append(record.id!)
            let path = "/cases/\(record.id!.uuidString)"
            let county = index < 5 ? "Marion" : "Polk", jail = jails[county]!.uuidString
            try await worker.post(path + "/events", ["step": "detainer_lodged", "when": "2027-01-0\(index + 1)T10:00", "detainerForm": index == 4 ? "I-247N" : "I-247A", "facility": jail])
            try await worker.post(path + "/events", ["step": "local_custody_ended", "when": "2027-01-0\(index + 2)T10:00", "facility": jail])
            try await worker.post(path + "/notes", ["body": "Nota privada \(index)"])
        }
        let rows = try await CaseCountRoutes.rows(year: 2027, county: "Marion", on: harness.app.db)
        XCTAssertEqual(Set(rows.map(\.county)), ["Marion"])
        XCTAssertTrue(rows.contains(.init(county: "Marion", place: "Marion County Jail", month: "2027-01", step: "detainer_lodged", people: "5")), "\(rows)")
        XCTAssertTrue(rows.contains(.init(county: "Marion", place: "Marion County Jail", month: "2027-01", step: CaseCounts.heldPastRelease, people: "<5")),
                      "4 held past release (an I-247N asks for no hold): suppressed")
        try await CaseErasure.erase(ids, now: harness.clock.now(), on: harness.app.db)
        let notes = try await CaseNoteModel.query(on: harness.app.db).count()
        XCTAssertEqual(notes, 0, "erasure removes notes")
        // The team's own members see their exact numbers inside Amparo.
        let exact = try await worker.get("/cases/counts?year=2027&county=Marion&scope=teams&format=json")
        let teamRows = try JSONDecoder().decode([CaseCountRoutes.Row].self, from: Data(exact.body.readableBytesView))
        XCTAssertTrue(teamRows.contains(.init(county: "Marion", place: "Marion County Jail", month: "2027-01", step: CaseCounts.heldPastRelease, people: "4")), "\(teamRows)")
        let (_, otherTeam) = try await harness.signedIn(.caseWorker, in: try await harness.team("South"))
        let theirs = try await otherTeam.get("/cases/counts?year=2027&scope=teams&format=json")
        XCTAssertEqual(theirs.body.string, "[]", "another team's exact counts are not theirs to see")
        let kept = try await CaseCountRoutes.rows(year: 2027, county: "Marion", on: harness.app.db)
        XCTAssertEqual(kept, rows, "the counts stay")
        let (_, analyst) = try await harness.signedIn(.analyst, in: nil)
        let page = try await analyst.get("/cases/counts?year=2027&county=Polk").body.string
        XCTAssertTrue(page.contains("Polk County Jail") && !page.contains("Marion County Jail"))
    }
}

/// Every route that names a case, tried by a case worker of another team on a case that has one of
/// everything (event, contact, bond, task, visit), and on her own case with the other case's parts:
/// each answers 404 and changes nothing.
final class CaseAccessTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func testNoCaseRouteOpensAnotherTeamsCaseOrItsParts() async throws {
        let north = try await harness.team("North"), south = try await harness.team("South")
        let owner = try await harness.member(.caseWorker), intruder = try await harness.member(.legal)
        try await TeamMembershipModel(userID: owner.id, teamID: south.id!).create(on: harness.app.db)
        try await TeamMembershipModel(userID: intruder.id, teamID: north.id!).create(on: harness.app.db)
        let db = harness.app.db, now = harness.clock.now()
        let theirs = CaseModel(reportID: nil, teamID: south.id, openedBy: owner.id, openedAt: now)
        let mine = CaseModel(reportID: nil, teamID: north.id, openedBy: intruder.id, openedAt: now)
        try await theirs.create(on: db)
        try await mine.create(on: db)
        let event = CaseEventModel(caseID: theirs.id!, step: "booked", occurredAt: now, recordedBy: owner.id, recordedAt: now)
        try await event.create(on: db)
        let contact = CaseContactModel(caseID: theirs.id!, createdAt: now)
        try await contact.create(on: db)
        let bond = BondRequestModel(caseID: theirs.id!, amountCents: 100_000, requestedBy: owner.id, requestedAt: now)
        try await bond.create(on: db)
        let task = CaseTaskModel(caseID: theirs.id!, dueAt: now, createdBy: owner.id, createdAt: now)
        try await task.create(on: db)
        let facility = FacilityModel(name: "Tacoma", kind: "private", updatedAt: now)
        try await facility.create(on: db)
        let visitor = try await harness.member(.visitor)
        let visit = VisitModel(caseID: theirs.id!, facilityID: facility.id!, visitorID: visitor.id, scheduledAt: now, createdBy: owner.id, createdAt: now)
        try await visit.create(on: db)
        let parts = [":eventID": event.id!, ":contactID": contact.id!, ":bondID": bond.id!, ":taskID": task.id!, ":visitID": visit.id!]

        let browser = try await harness.signedIn(intruder)
        try await browser.get("/dashboard")
        let routes = harness.app.routes.all.filter { $0.path.contains { $0.description == ":caseID" } }
        XCTAssertGreaterThanOrEqual(routes.count, 17)
        let fields = ["status": "approved", "confirm": "ERASE", "name": "x", "step": "released", "when": "2027-01-15T08:00", "amount": "10",
                      "title": "x", "due": "2027-01-16T08:00", "body": "x", "contactName": "x", "facility": facility.id!.uuidString,
                      "visitor": visitor.id.uuidString]
        for route in routes {
            for target in [theirs.id!, mine.id!] {
                let path = "/" + route.path.map { component -> String in
                    let name = component.description
                    if name == ":caseID" { return target.uuidString }
                    return parts[name]?.uuidString ?? name
                }.joined(separator: "/")
                // On her own case, a route without another part is hers to use: only the cross-case ones count.
                if target == mine.id, !route.path.contains(where: { parts.keys.contains($0.description) }) { continue }
                let response = route.method == .GET ? try await browser.get(path) : try await browser.post(path, fields)
                XCTAssertEqual(response.status, .notFound, "\(route.method) \(path)")
            }
        }
        let untouched = try await CaseModel.find(theirs.id, on: db)
        XCTAssertNil(untouched?.erasedAt)
        let bondAfter = try await BondRequestModel.find(bond.id, on: db), taskAfter = try await CaseTaskModel.find(task.id, on: db)
        let visitAfter = try await VisitModel.find(visit.id, on: db), contactAfter = try await CaseContactModel.find(contact.id, on: db)
        let eventAfter = try await CaseEventModel.find(event.id, on: db)
        XCTAssertEqual(bondAfter?.status, "requested")
        XCTAssertNil(taskAfter?.doneAt)
        XCTAssertEqual(visitAfter?.status, "scheduled")
        XCTAssertNotNil(contactAfter)
        XCTAssertNil(eventAfter?.replacedBy)
        let written = try await CaseEventModel.query(on: db).count() + (try await CaseNoteModel.query(on: db).count())
        XCTAssertEqual(written, 1, "no event or note was added to either case")
    }
}
