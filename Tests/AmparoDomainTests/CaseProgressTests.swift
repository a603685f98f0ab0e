import Foundation
import XCTest

@testable import AmparoDomain

/// What the case list knows of a timeline: where the person is now, the hold clock, and its order.
final class CaseProgressTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(_ hours: Double) -> Date { t0.addingTimeInterval(hours * 3600) }
    let jail = UUID(), center = UUID()

    func entry(_ step: CustodyStep, _ hours: Double, facility: UUID? = nil, place: String? = nil, form: DetainerForm? = nil) -> CaseProgress.Entry {
        CaseProgress.Entry(event: CustodyEvent(step: step, at: at(hours), detainerForm: form), facility: facility, place: place)
    }

    func testWhereaboutsFollowTheLatestPlacingEntryWhateverTheOrder() {
        let entries = [
            entry(.booked, 0, facility: jail, place: "County Jail"),
            entry(.hearing, 90, place: "Immigration court"),
            entry(.detained, 50, facility: center, place: "Processing Center"),
            entry(.facilityTransfer, 70, place: nil),
        ]
        let progress = CaseProgress.from(entries.shuffled())
        // A hearing's court is not where the person is held; a transfer with no place says nothing new.
        XCTAssertEqual(progress.whereabouts, .init(step: .detained, facility: center, place: "Processing Center"))
        XCTAssertNil(progress.hold)
    }

    func testAReleaseIsTheLastWord() {
        let progress = CaseProgress.from([entry(.detained, 0, facility: center), entry(.released, 10)])
        XCTAssertEqual(progress.whereabouts?.step, .released)
        XCTAssertEqual(progress.whereabouts?.isOutOfCustody, true)
    }

    func testTheHoldClockComesFromTheSameEntries() throws {
        let progress = CaseProgress.from([entry(.detainerLodged, 0, form: .i247A), entry(.localCustodyEnded, 5)])
        let hold = try XCTUnwrap(progress.hold)
        XCTAssertEqual(hold.startedAt, at(5))
        XCTAssertTrue(hold.isAlarm)
    }

    func testUrgencyPutsRunningHoldsFirstThenHearingsThenTheNewest() {
        let running = HoldClock(startedAt: at(0), endedAt: nil, judicialWarrant: false)
        let longer = HoldClock(startedAt: at(-10), endedAt: nil, judicialWarrant: false)
        let warranted = HoldClock(startedAt: at(-20), endedAt: nil, judicialWarrant: true)
        let stopped = HoldClock(startedAt: at(-20), endedAt: at(-1), judicialWarrant: false)
        let cases: [(String, CaseUrgency)] = [
            ("old open", CaseUrgency(status: .open, hold: stopped, nextHearing: nil, openedAt: at(-100))),
            ("closed with a hold", CaseUrgency(status: .closed, hold: running, nextHearing: nil, openedAt: at(0))),
            ("held", CaseUrgency(status: .open, hold: running, nextHearing: at(5), openedAt: at(-50))),
            ("hearing later", CaseUrgency(status: .open, hold: warranted, nextHearing: at(200), openedAt: at(0))),
            ("held longer", CaseUrgency(status: .open, hold: longer, nextHearing: nil, openedAt: at(-60))),
            ("new open", CaseUrgency(status: .open, hold: nil, nextHearing: nil, openedAt: at(-1))),
            ("hearing soon", CaseUrgency(status: .open, hold: nil, nextHearing: at(20), openedAt: at(-300))),
        ]
        XCTAssertEqual(cases.shuffled().sorted { $0.1 < $1.1 }.map(\.0),
                       ["held longer", "held", "hearing soon", "hearing later", "new open", "old open", "closed with a hold"])
    }
}
