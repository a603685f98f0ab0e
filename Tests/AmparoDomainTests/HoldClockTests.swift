import Foundation
import XCTest

@testable import AmparoDomain

/// The 48-hour hold clock over a custody timeline.
final class HoldClockTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(_ hours: Double) -> Date { t0.addingTimeInterval(hours * 3600) }

    func testTheClockStartsWhenLocalCustodyEndsWithAHoldingDetainer() throws {
        let events = [
            CustodyEvent(step: .booked, at: at(0)),
            CustodyEvent(step: .detainerLodged, at: at(5), detainerForm: .i247A),
            CustodyEvent(step: .jailResponse, at: at(6), jailResponse: .honored),
            CustodyEvent(step: .localCustodyEnded, at: at(30)),
        ]
        let clock = try XCTUnwrap(HoldClock.from(events.shuffled()))
        XCTAssertEqual(clock.startedAt, at(30))
        XCTAssertTrue(clock.isRunning)
        XCTAssertEqual(clock.hours(at: at(80)), 50, accuracy: 0.001)
        XCTAssertEqual(clock.crossed([48, 24, 36], at: at(80)), [24, 36, 48])
        XCTAssertEqual(clock.crossed([24, 36, 48], at: at(50)), [])
        XCTAssertFalse(clock.judicialWarrant)
    }

    func testATransferOrAReleaseStopsIt() throws {
        let events = [
            CustodyEvent(step: .detainerLodged, at: at(0), detainerForm: .i247A),
            CustodyEvent(step: .localCustodyEnded, at: at(10)),
            CustodyEvent(step: .transferredToICE, at: at(40)),
        ]
        let clock = try XCTUnwrap(HoldClock.from(events))
        XCTAssertFalse(clock.isRunning)
        XCTAssertEqual(clock.hours(at: at(500)), 30, accuracy: 0.001)
        XCTAssertEqual(clock.crossed([24, 48], at: at(500)), [24])
    }

    func testADetainerLodgedAfterReleaseFromLocalCustodyStartsTheClockAtTheDetainer() throws {
        let events = [CustodyEvent(step: .localCustodyEnded, at: at(0)), CustodyEvent(step: .detainerLodged, at: at(3), detainerForm: .other)]
        XCTAssertEqual(HoldClock.from(events)?.startedAt, at(3))
    }

    func testNoClockWithoutAHold() {
        XCTAssertNil(HoldClock.from([CustodyEvent(step: .booked, at: at(0)), CustodyEvent(step: .localCustodyEnded, at: at(5))]), "no detainer")
        XCTAssertNil(HoldClock.from([CustodyEvent(step: .detainerLodged, at: at(0), detainerForm: .i247A)]), "still in local custody")
        XCTAssertNil(HoldClock.from([
            CustodyEvent(step: .detainerLodged, at: at(0), detainerForm: .i247N), CustodyEvent(step: .localCustodyEnded, at: at(5)),
        ]), "a notification request asks for no hold")
        XCTAssertNil(HoldClock.from([
            CustodyEvent(step: .detainerLodged, at: at(0), detainerForm: .i247A), CustodyEvent(step: .jailResponse, at: at(1), jailResponse: .declined),
            CustodyEvent(step: .localCustodyEnded, at: at(5)),
        ]), "the jail declined the detainer")
    }

    func testAJudicialWarrantIsShown() {
        let clock = HoldClock.from([
            CustodyEvent(step: .detainerLodged, at: at(0), detainerForm: .i247A, judicialWarrant: true), CustodyEvent(step: .localCustodyEnded, at: at(5)),
        ])
        XCTAssertEqual(clock?.judicialWarrant, true)
    }
}
