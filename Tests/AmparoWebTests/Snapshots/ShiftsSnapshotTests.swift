import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The shifts page from fixture values: a coordinator's (with the forms), a responder's, an empty
/// schedule, a refused shift keeping what was typed, and after taking a swap.
final class ShiftsSnapshotTests: XCTestCase {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static func span(_ weekday: Int, _ date: String, _ start: Int, _ end: Int) -> ShiftsPage.Span {
        try! JSONDecoder().decode(ShiftsPage.Span.self, from: Data(#"{"weekday":\#(weekday),"date":"\#(date)","startMinute":\#(start),"endMinute":\#(end)}"#.utf8))
    }

    static let east = TeamLine(id: TeamID(id(1)), name: "Eastside Rapid Response", region: "Eastside")
    static let valley = TeamLine(id: TeamID(id(2)), name: "Valley Visitation", region: "")
    static let members = [
        ShiftMember(id: UserID(id(11)), name: "Dana Dispatch", roles: [.dispatcher]),
        ShiftMember(id: UserID(id(12)), name: "Rosa Responder", roles: [.responder]),
    ]

    static func page(manage: ShiftsPage.Manage?, problem: ShiftsPage.Problem? = nil, notice: ShiftsPage.Notice? = nil) -> ShiftsPage {
        ShiftsPage(
            timeZone: "America/Chicago",
            onCall: [.init(team: "Eastside Rapid Response", duty: .dispatcher, member: "Dana Dispatch", span: span(5, "2027-01-15", 360, 840)),
                     .init(team: "Eastside Rapid Response", duty: .responder, member: "Rosa Responder", span: span(4, "2027-01-14", 1320, 540))],
            mine: [.init(shiftID: id(21), span: span(4, "2027-01-21", 1320, 540), duty: .responder, team: "Eastside Rapid Response", offered: false),
                   .init(shiftID: id(21), span: span(4, "2027-01-28", 1320, 540), duty: .responder, team: "Eastside Rapid Response", offered: true)],
            offers: [.init(swapID: id(31), span: span(6, "2027-01-16", 600, 1080), duty: .responder, team: "Eastside Rapid Response", offeredBy: "Tomás <Ibarra>")],
            schedule: [.init(shiftID: id(22), weekday: 5, startMinute: 360, endMinute: 840, duty: .dispatcher, team: "Eastside Rapid Response", member: "Dana Dispatch"),
                       .init(shiftID: id(21), weekday: 4, startMinute: 1320, endMinute: 540, duty: .responder, team: "Eastside Rapid Response", member: "Rosa Responder")],
            manage: manage, problem: problem, notice: notice)
    }

    static let manage = ShiftsPage.Manage(teams: [east, valley], members: members, fallbackTeam: east.id, typed: .init())

    func testACoordinatorsPage() {
        assertPageSnapshots({ ShiftsRenderer.render(Self.page(manage: Self.manage), $0, savedNotice: .notice("saved")) }, role: .coordinator, path: "/shifts")
    }

    func testARespondersPageAfterTakingASwap() {
        assertPageSnapshots({ ShiftsRenderer.render(Self.page(manage: nil, notice: .swapTaken), $0) }, role: .responder, path: "/shifts/swaps")
    }

    func testARefusedSwapForAResponder() {
        assertPageSnapshots({ ShiftsRenderer.render(Self.page(manage: nil, problem: .swapGone), $0) }, role: .responder, path: "/shifts/swaps")
    }

    func testARefusedShiftKeepsWhatWasTyped() {
        var manage = Self.manage
        manage.typed = .init(team: Self.east.id.rawValue.uuidString, member: Self.members[1].id.rawValue.uuidString, duty: "dispatcher",
                             weekday: "5", starts: "06:00", ends: "14:00")
        assertPageSnapshots({ ShiftsRenderer.render(Self.page(manage: manage, problem: .memberCannot), $0) }, role: .coordinator, path: "/shifts")
    }

    func testAnEmptySchedule() {
        let empty = ShiftsPage(timeZone: "UTC", onCall: [], mine: [], offers: [], schedule: [],
                               manage: .init(teams: [], members: [], fallbackTeam: nil, typed: .init()), problem: nil, notice: nil)
        assertPageSnapshots({ ShiftsRenderer.render(empty, $0) }, role: .coordinator, path: "/shifts")
    }
}
