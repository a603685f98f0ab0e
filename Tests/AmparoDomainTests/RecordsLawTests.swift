import AmparoDomain
import XCTest

/// Public-records deadlines, counted by hand against a calendar (late 2026: Thanksgiving on
/// Thursday 26 November, Christmas on a Friday, New Year's Day 2027 on a Friday).
final class RecordsLawTests: XCTestCase {
    let oregon = RecordsClock(law: .oregon), california = RecordsClock(law: .california)

    func testOregonHolidays() {
        let or = HolidayCalendar.oregon
        XCTAssertTrue(or.isHoliday(Day(2026, 11, 26)), "Thanksgiving")
        XCTAssertFalse(or.isHoliday(Day(2026, 11, 27)), "the day after is not a statutory holiday")
        XCTAssertTrue(or.isHoliday(Day(2026, 6, 19)), "Juneteenth")
        XCTAssertTrue(or.isHoliday(Day(2027, 7, 5)), "4 July 2027 is a Sunday: Monday")
        XCTAssertTrue(or.isHoliday(Day(2026, 7, 3)), "4 July 2026 is a Saturday: Friday")
        XCTAssertTrue(or.isHoliday(Day(2021, 12, 31)), "1 January 2022 was a Saturday: the Friday before")
        XCTAssertTrue(or.isHoliday(Day(2027, 1, 18)), "MLK: third Monday")
        XCTAssertTrue(or.isHoliday(Day(2027, 5, 31)), "Memorial Day: last Monday")
    }

    func testAnOregonRequestAcrossThanksgiving() {
        // Sent on Wednesday 25 November: Thursday is Thanksgiving, so five business days end Thursday 3 December.
        let deadlines = oregon.deadlines(sent: Day(2026, 11, 25))
        XCTAssertEqual(deadlines.map(\.due), [Day(2026, 12, 3), Day(2026, 12, 17)])
        XCTAssertEqual(deadlines.map(\.citation), ["ORS 192.324(2)", "ORS 192.329(3)"])
    }

    func testAFeeNoticePausesTheOregonClockAcrossChristmas() {
        // Fee notice Tuesday 8 December, paid Friday 18 December: two business days ran before it (4, 7),
        // eight remain after it: 21, 22, 23, 24, (25 Christmas), 28, 29, 30, 31.
        let paid = oregon.deadlines(sent: Day(2026, 11, 25), pauses: [.init(from: Day(2026, 12, 8), until: Day(2026, 12, 18))])
        XCTAssertEqual(paid.map(\.due), [Day(2026, 12, 3), Day(2026, 12, 31)])
        // Not paid: the clock stays stopped, and the agency may close the request 60 days after its notice.
        let waiting = oregon.deadlines(sent: Day(2026, 11, 25), pauses: [.init(from: Day(2026, 12, 8), until: nil)])
        XCTAssertEqual(waiting.map(\.kind), [.acknowledge, .completeOrStatus, .mayClose])
        XCTAssertEqual(waiting.map(\.due), [Day(2026, 12, 3), nil, Day(2027, 2, 6)])
    }

    func testCaliforniaCountsCalendarDaysAndMovesOffHolidays() {
        // Sent Saturday 21 March 2026: day 10 is Tuesday 31 March, Cesar Chavez Day; the deadline moves to 1 April.
        let deadlines = california.deadlines(sent: Day(2026, 3, 21))
        XCTAssertEqual(deadlines.map(\.due), [Day(2026, 4, 1)])
        let extended = california.deadlines(sent: Day(2026, 3, 21), extended: true)
        XCTAssertEqual(extended.map(\.due), [Day(2026, 4, 1), Day(2026, 4, 15)])
        // A fee notice does not stop California's clock: the statute has no such pause.
        let paused = california.deadlines(sent: Day(2026, 3, 21), pauses: [.init(from: Day(2026, 3, 23), until: nil)])
        XCTAssertEqual(paused.map(\.due), [Day(2026, 4, 1)])
    }

    func testStatusesFollowMuckRocksMachine() {
        XCTAssertTrue(RecordsStatus.submitted.next.contains(.acknowledged))
        XCTAssertEqual(RecordsStatus.paymentNeeded.next, [.processing, .abandoned])
        XCTAssertFalse(RecordsStatus.done.next.contains(.processing))
        XCTAssertTrue(RecordsStatus.fixNeeded.waitsForRequester)
        XCTAssertEqual(RecordsStatus.abandoned.next, [])
    }
}
