import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The case list with a hold running, a hearing ahead, a case opened directly and a closed one from a
/// report; empty; and with a refused new case.
final class CaseListSnapshotTests: XCTestCase {
    static let north = TeamLine(id: TeamID(UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!), name: "North", region: "North")

    func testCasesFromAReportAndOpenedDirectly() {
        let opened = SnapshotChrome.importDay, now = opened.addingTimeInterval(2 * 86400)
        let cases = [
            CaseLine(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000C9")!, name: "Ana Pérez", status: .open, openedAt: opened, report: nil,
                     hold: HoldClock(startedAt: now.addingTimeInterval(-31 * 3600), endedAt: nil, judicialWarrant: false),
                     whereabouts: .init(step: .booked, place: "Harris County Jail")),
            CaseLine(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000CC")!, name: "Luis Gómez", status: .open, openedAt: opened, report: nil,
                     whereabouts: .init(step: .detained, place: "Montgomery Processing Center"), nextHearing: now.addingTimeInterval(5 * 86400)),
            CaseLine(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000CA")!, name: "José Ramírez <hermano>", status: .open, openedAt: opened,
                     report: nil),
            CaseLine(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000CB")!, name: nil, status: .closed, openedAt: opened.addingTimeInterval(-86400),
                     report: .init(id: ReportID(UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!), reference: "K7QM-3X4P")),
        ]
        XCTAssertEqual(cases.map(\.urgency), cases.map(\.urgency).sorted(), "the fixture is in the list's order")
        let page = CaseListPage(cases: cases, teams: [Self.north], now: now)
        assertPageSnapshots({ CaseListRenderer.render(page, $0) }, role: .caseWorker, path: "/cases")
    }

    func testNoCasesAndARefusedNewCase() {
        var form = NewCaseForm(values: [.name: "José", .consent: "", .team: Self.north.id.rawValue.uuidString])
        XCTAssertNil(form.validate(teams: [Self.north]))
        XCTAssertEqual(form.problems, [.consent: .consent])
        let page = CaseListPage(cases: [], teams: [Self.north], now: SnapshotChrome.importDay, newCase: form)
        assertPageSnapshots({ CaseListRenderer.render(page, $0) }, role: .legal, path: "/cases")
    }
}
