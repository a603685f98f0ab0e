import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// The on-call schedule as coordinators and members use it. The harness clock starts on
/// Friday 2027-01-15 08:00 UTC, and the organization's time zone here is UTC.
final class ShiftTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func testACoordinatorSetsUpShiftsAndEveryoneSeesWhoIsOnCall() async throws {
        let east = try await harness.team("Eastside")
        let dana = try await harness.member(.dispatcher, name: "Dana Dispatch")
        let rosa = try await harness.member(.responder, name: "Rosa Responder")
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        try await coordinator.get("/shifts")

        let wrongRole = try await coordinator.post("/shifts", ["team": east.id!.uuidString, "member": rosa.id.uuidString,
                                                               "duty": "dispatcher", "weekday": "5", "starts": "06:00", "ends": "14:00"])
        XCTAssertEqual(wrongRole.status, .unprocessableEntity)
        XCTAssertTrue(wrongRole.body.string.contains("role cannot take this duty"))
        let badTime = try await coordinator.post("/shifts", ["team": east.id!.uuidString, "member": dana.id.uuidString,
                                                             "duty": "dispatcher", "weekday": "5", "starts": "6pm", "ends": "14:00"])
        XCTAssertEqual(badTime.status, .unprocessableEntity)
        XCTAssertTrue(badTime.body.string.contains("HH:MM"))
        let unknownTeam = try await coordinator.post("/shifts", ["team": UUID().uuidString, "member": dana.id.uuidString,
                                                                 "duty": "dispatcher", "weekday": "5", "starts": "06:00", "ends": "14:00"])
        XCTAssertEqual(unknownTeam.status, .unprocessableEntity)
        let none = try await ShiftModel.query(on: harness.app.db).count()
        XCTAssertEqual(none, 0)

        for (member, duty, starts, ends) in [(dana, "dispatcher", "06:00", "14:00"), (rosa, "responder", "22:00", "09:00")] {
            let created = try await coordinator.post("/shifts", ["team": east.id!.uuidString, "member": member.id.uuidString,
                                                                 "duty": duty, "weekday": duty == "dispatcher" ? "5" : "4",
                                                                 "starts": starts, "ends": ends])
            XCTAssertEqual(created.status, .seeOther)
            try await coordinator.get("/shifts")
        }
        // Friday 08:00: Dana's day shift, and Rosa's overnight shift from Thursday 22:00 until 09:00.
        let page = try await harness.signedIn(rosa).get("/shifts").body.string
        let onCall = try XCTUnwrap(Browser.firstMatch(#"(?s)<ul id="on-call">(.*?)</ul>"#, in: page))
        XCTAssertTrue(onCall.contains("Dana Dispatch") && onCall.contains("Rosa Responder"), onCall)
        XCTAssertTrue(page.contains("Thursday 2027-01-21 22:00–09:00"), "Rosa's next shift is listed")
        let occurrences = try await OnCallSchedule.now(on: harness.app.db, calendar: ShiftCalendar(timeZone: harness.app.amparo.timeZone),
                                                       at: harness.clock.now().addingTimeInterval(2 * 3600))
        XCTAssertEqual(occurrences.map(\.memberID), [dana.id], "at 10:00 only Dana")

        // A phone app asks the API who is on call: the same page value, for Rosa's token.
        let app = harness.browser()
        app.headers.bearerAuthorization = .init(token: try await harness.apiToken(for: rosa))
        let resource = try await app.get("/api/v1/hotline/shifts")
        XCTAssertEqual(resource.status, .ok)
        let shifts = try JSONDecoder().decode(ShiftsPage.self, from: Data(resource.body.readableBytesView))
        XCTAssertEqual(Set(shifts.onCall.map(\.member)), ["Dana Dispatch", "Rosa Responder"])
        XCTAssertEqual(shifts.mine.first.map { "\($0.span.date) \($0.span.startMinute)" }, "2027-01-21 1320")
        XCTAssertNil(shifts.manage, "a responder manages nothing")
    }

    func testASwapMovesOneOccurrenceToTheColleagueWhoTakesItFirst() async throws {
        let east = try await harness.team("Eastside")
        let dana = try await harness.member(.dispatcher, name: "Dana Dispatch")
        let eli = try await harness.member(.dispatcher, name: "Eli Dispatch")
        let fay = try await harness.member(.dispatcher, name: "Fay Dispatch")
        let rosa = try await harness.member(.responder, name: "Rosa Responder")
        let shift = ShiftModel(teamID: east.id!, userID: dana.id, duty: "dispatcher", weekday: 5, startMinute: 6 * 60,
                               durationMinutes: 8 * 60, createdAt: harness.clock.now())
        try await shift.create(on: harness.app.db)

        let danaBrowser = try await harness.signedIn(dana)
        try await danaBrowser.get("/shifts")
        let notMine = try await harness.signedIn(eli)
        try await notMine.get("/shifts")
        let refused = try await notMine.post("/shifts/\(shift.id!.uuidString)/offer", ["date": "2027-01-15"])
        XCTAssertEqual(refused.status, .forbidden, "only the holder offers a shift")
        let offered = try await danaBrowser.post("/shifts/\(shift.id!.uuidString)/offer", ["date": "2027-01-15"])
        XCTAssertEqual(offered.status, .ok)
        XCTAssertTrue(offered.body.string.contains("stays yours until a colleague takes it"))

        let swap = try await ShiftSwapModel.query(on: harness.app.db).first()
        let swapID = try XCTUnwrap(swap?.id).uuidString
        let responder = try await harness.signedIn(rosa)
        try await responder.get("/shifts")
        let wrongDuty = try await responder.post("/shifts/swaps/\(swapID)/take")
        XCTAssertEqual(wrongDuty.status, .forbidden, "a responder cannot take a dispatcher shift")

        let eliPage = try await notMine.get("/shifts").body.string
        XCTAssertTrue(eliPage.contains("offered by Dana Dispatch"))
        let taken = try await notMine.post("/shifts/swaps/\(swapID)/take")
        XCTAssertEqual(taken.status, .ok)
        let late = try await harness.signedIn(fay)
        try await late.get("/shifts")
        let second = try await late.post("/shifts/swaps/\(swapID)/take")
        XCTAssertEqual(second.status, .conflict)

        let calendar = ShiftCalendar(timeZone: harness.app.amparo.timeZone)
        let today = try await OnCallSchedule.now(on: harness.app.db, calendar: calendar, at: harness.clock.now())
        XCTAssertEqual(today.map(\.memberID), [eli.id])
        let nextWeek = try await OnCallSchedule.now(on: harness.app.db, calendar: calendar, at: harness.clock.now().addingTimeInterval(7 * 86400))
        XCTAssertEqual(nextWeek.map(\.memberID), [dana.id], "only that Friday moved")
        let audit = try await AuditEntryModel.query(on: harness.app.db).filter(\.$action ~~ ["shift.offer", "shift.take"]).count()
        XCTAssertEqual(audit, 2)
    }
}
