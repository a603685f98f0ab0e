import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The case list with cases from a report and opened directly, empty, and with a refused new case.
final class CaseListSnapshotTests: XCTestCase {
    static let north = TeamLine(id: TeamID(UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!), name: "North", region: "North")

    func testCasesFromAReportAndOpenedDirectly() {
        let opened = SnapshotChrome.importDay
        let cases = [
            CaseLine(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000CA")!, name: "José Ramírez <hermano>", status: .open, openedAt: opened,
                     report: nil),
            CaseLine(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000CB")!, name: nil, status: .closed, openedAt: opened.addingTimeInterval(-86400),
                     report: .init(id: ReportID(UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!), reference: "K7QM-3X4P")),
        ]
        let page = CaseListPage(cases: cases, teams: [Self.north])
        assertPageSnapshots({ CaseListRenderer.render(page, $0) }, role: .caseWorker, path: "/cases")
    }

    func testNoCasesAndARefusedNewCase() {
        var form = NewCaseForm(values: [.name: "José", .consent: "", .team: Self.north.id.rawValue.uuidString])
        XCTAssertNil(form.validate(teams: [Self.north]))
        XCTAssertEqual(form.problems, [.consent: .consent])
        let page = CaseListPage(cases: [], teams: [Self.north], newCase: form)
        assertPageSnapshots({ CaseListRenderer.render(page, $0) }, role: .legal, path: "/cases")
    }
}
