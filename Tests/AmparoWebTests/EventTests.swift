import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// A visitor training with two seats: the third to sign up waits; a cancellation gives the seat to
/// the first in line, who is told; a reminder the day before, once; attending marks the member
/// trained, which is what lets them be sent on a visit. The harness clock: 2027-01-15 08:00 UTC.
final class EventTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func notices(_ purpose: String) async throws -> [(to: String, body: String)] {
        let sealer = harness.services.sealer
        return try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == purpose).sort(\.$createdAt).all().map {
            (try sealer.open($0.recipientSealed!, context: SealedColumn.noticeRecipient.context(rowID: $0.id!)),
             try sealer.open($0.bodySealed!, context: SealedColumn.noticeBody.context(rowID: $0.id!)))
        }
    }

    func testSeatsWaitingListRemindersAndAttendance() async throws {
        let (_, planner) = try await harness.signedIn(.organizer, in: nil)
        try await planner.get("/events/manage")
        let bad = try await planner.post("/events/manage", ["kind": "visitor_training", "titleEN": "Visitor training", "titleES": "", "startsAt": "2027-01-16T10:00",
                                                              "place": "Casa", "capacity": "2"])
        XCTAssertEqual(bad.status, .unprocessableEntity, "both languages")
        let created = try await planner.post("/events/manage", ["kind": "visitor_training", "titleEN": "Detention visitor training",
                                                                  "titleES": "Capacitación para visitas", "startsAt": "2027-01-16T10:00",
                                                                  "place": "Casa Comunitaria, 12 Main St", "capacity": "2"])
        let manage = try XCTUnwrap(created.headers.first(name: .location))
        let event = try await EventModel.query(on: harness.app.db).first()!
        let path = "/events/\(event.id!.uuidString)"
        let visitor = try await harness.member(.visitor, email: "vera@example.org")

        let people = [("Vera", "vera@example.org"), ("Ana", "ana@example.org"), ("Beto", "beto@example.org")]
        var pages: [String] = []
        for (name, email) in people {
            let browser = harness.browser()
            try await browser.get(path)
            pages.append(try await browser.post(path, ["name": name, "email": email]).body.string)
        }
        XCTAssertTrue(pages[0].contains("You are signed up") && pages[1].contains("You are signed up") && pages[2].contains("waiting list"))
        let again = harness.browser()
        try await again.get(path)
        try await again.post(path, ["name": "Ana", "email": "ANA@example.org"])
        let count = try await EventRegistrationModel.query(on: harness.app.db).count()
        XCTAssertEqual(count, 3, "signing up twice adds nothing")
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("beto@example.org"), "sealed")

        // Ana cancels through her link (a GET shows a button; the POST cancels): Beto gets her seat and is told.
        let confirmation = try await notices("event.confirmation").first { $0.to == "ana@example.org" }!
        let link = try XCTUnwrap(Browser.firstMatch(#"(/events/cancel/\S+)"#, in: confirmation.body))
        let ana = harness.browser()
        try await ana.get(link)
        let stillSeated = try await EventRegistrationModel.query(on: harness.app.db).filter(\.$status == "cancelled").count()
        XCTAssertEqual(stillSeated, 0)
        let cancelled = try await ana.post(link, [:], csrf: .none)
        XCTAssertTrue(cancelled.body.string.contains("Cancelled"))
        let promoted = try await notices("event.promoted")
        XCTAssertEqual(promoted.map(\.to), ["beto@example.org"])

        let app = harness.app
        let early = try await EventReminderWatch(services: harness.services, database: { app.db }).check()
        XCTAssertEqual(early, 0, "26 hours before: not yet")
        harness.clock.advance(by: 3 * 3600)
        let watch = EventReminderWatch(services: harness.services, database: { app.db })
        let reminded = try await watch.check()
        let again2 = try await watch.check()
        XCTAssertEqual([reminded, again2], [2, 0], "Vera and Beto, once; not Ana")

        // Hours later: a fresh session (the first one has gone idle).
        let (_, organizer) = try await harness.signedIn(.organizer, in: nil)
        try await organizer.get(manage)
        let vera = try await EventRegistrationModel.query(on: harness.app.db).all().first {
            (try? harness.services.sealer.open($0.emailSealed, context: SealedColumn.registrationEmail.context(rowID: $0.id!))) == "vera@example.org"
        }!
        try await organizer.post(manage + "/attended/\(vera.id!.uuidString)", [:])
        let profile = try await VisitorProfileModel.query(on: harness.app.db).filter(\.$userID == visitor.id).first()
        XCTAssertEqual(profile?.trainedOn, "2027-01-16", "the training makes the visitor trained")
        let list = try await organizer.get(manage).body.string
        XCTAssertTrue(list.contains("Attended") && list.contains("Beto"))
    }

    func testTheAPIServesThePagesValuesAndARefusedSignUpKeepsWhatWasTyped() async throws {
        let (organizer, planner) = try await harness.signedIn(.organizer, in: nil)
        try await planner.get("/events/manage")
        let refused = try await planner.post("/events/manage", ["kind": "webinar", "titleEN": "Know your rights", "titleES": "Conozca sus derechos",
                                                                  "startsAt": "tomorrow", "place": "Online", "capacity": "40",
                                                                  "descriptionEN": "Two paragraphs.\n\nThe second one."])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.body.string.contains("Give the day and time it starts") && refused.body.string.contains("value=\"Know your rights\""))
        XCTAssertTrue(refused.body.string.contains("Two paragraphs.\n\nThe second one.</textarea>"), "a description keeps its paragraphs")
        try await planner.post("/events/manage", ["kind": "webinar", "titleEN": "Know your rights", "titleES": "Conozca sus derechos",
                                                    "startsAt": "2027-01-20T18:00", "place": "Online", "capacity": "40",
                                                    "descriptionEN": "Two paragraphs.\n\nThe second one."])
        let event = try await EventModel.query(on: harness.app.db).first()!
        XCTAssertEqual(event.descriptionEN, "Two paragraphs.\n\nThe second one.")

        let visitor = harness.browser()
        try await visitor.get("/events/\(event.id!.uuidString)")
        let badEmail = try await visitor.post("/events/\(event.id!.uuidString)", ["name": "Ana Ruiz", "email": "ana at example"])
        XCTAssertEqual(badEmail.status, .unprocessableEntity)
        XCTAssertTrue(badEmail.body.string.contains("value=\"Ana Ruiz\"") && badEmail.body.string.contains("value=\"ana at example\""))
        try await visitor.post("/events/\(event.id!.uuidString)", ["name": "Ana Ruiz", "email": "ana@example.org"])

        let list = try await harness.browser().get("/api/v1/events")
        XCTAssertEqual(list.status, .ok)
        let tag = try XCTUnwrap(list.headers.first(name: .eTag))
        let upcoming = try JSONDecoder.api.decode(EventsPage.self, from: Data(list.body.readableBytesView))
        XCTAssertEqual(upcoming.events.map(\.title.es), ["Conozca sus derechos"])
        let unchanged = harness.browser()
        unchanged.headers.replaceOrAdd(name: .ifNoneMatch, value: tag)
        let notModified = try await unchanged.get("/api/v1/events")
        XCTAssertEqual(notModified.status, .notModified)
        let one = try JSONDecoder.api.decode(EventPage.self, from: Data(try await harness.browser().get("/api/v1/events/\(event.id!.uuidString)").body.readableBytesView))
        XCTAssertEqual([one.seatsLeft], [39])
        XCTAssertTrue(one.open)

        let api = harness.browser()
        api.headers.bearerAuthorization = .init(token: try await harness.apiToken(for: organizer))
        let registrations = try JSONDecoder.api.decode(EventRegistrationsPage.self,
                                                       from: Data(try await api.get("/api/v1/events/manage/\(event.id!.uuidString)").body.readableBytesView))
        XCTAssertEqual(registrations.registrations.map(\.name), ["Ana Ruiz"], "names unsealed, for organizers only")
        let anonymous = try await harness.browser().get("/api/v1/events/manage/\(event.id!.uuidString)")
        XCTAssertEqual(anonymous.status, .unauthorized)
    }
}
