import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The dispatcher's inbox rendered from fixture values: full, empty, after bulk actions, and with
/// older reports to page to, in English and Spanish.
final class InboxSnapshotTests: XCTestCase {
    static func report(_ n: Int, _ status: ReportStatus, _ urgency: ReportUrgency, place: String?, summary: String? = nil,
                       claimedBy: String? = nil) -> InboxReport {
        InboxReport(id: ReportID(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!), reference: "K7Q-\(n)X4-M",
                    receivedAt: Date(timeIntervalSince1970: 1_764_626_000 + Double(n) * 60), status: status, urgency: urgency, place: place,
                    summary: summary, agency: n % 2 == 0 ? .ice : .unknown, claimedBy: claimedBy)
    }

    static let reports = [
        report(3, .new, .emergency, place: "Delancey & 3rd <by the bus stop>",
               summary: InboxReport.firstWords(of: "Two unmarked vans and about ten officers stopping people at the bus stop, they took a man in a red jacket")),
        report(2, .claimed, .urgent, place: "Laundromat on Main", summary: "Agentes afuera de la lavandería", claimedBy: "Dana Dispatcher"),
        report(1, .verifying, .routine, place: nil, claimedBy: "Olu Coordinator"),
    ]

    func page(_ reports: [InboxReport], show: InboxPage.Show = .open, next: String? = nil, banner: InboxPage.Banner? = nil) -> InboxPage {
        InboxPage(reports: reports, show: show, nextCursor: next, bulkActions: InboxPage.BulkAction.allCases, banner: banner)
    }

    func testOpenReports() {
        let page = page(Self.reports)
        assertPageSnapshots({ InboxRenderer.render(page, $0) }, role: .dispatcher, path: "/hotline")
    }

    func testAllReportsWithOlderOnesToPageTo() {
        let page = page(Self.reports, show: .all, next: InboxCursor.encode(.init(receivedAt: Self.reports[2].receivedAt, id: Self.reports[2].id)))
        assertPageSnapshots({ InboxRenderer.render(page, $0) }, role: .coordinator, path: "/hotline")
    }

    func testEmptyInbox() {
        assertPageSnapshots({ InboxRenderer.render(self.page([]), $0) }, role: .dispatcher, path: "/hotline")
    }

    func testAfterABulkAction() {
        let page = page(Array(Self.reports.prefix(1)), banner: .bulkResult(changed: 4, skipped: 1))
        assertPageSnapshots({ InboxRenderer.render(page, $0) }, role: .dispatcher, path: "/hotline/bulk")
    }

    func testABulkActionWithNothingSelected() {
        let page = page(Self.reports, banner: .nothingSelected)
        assertPageSnapshots({ InboxRenderer.render(page, $0) }, role: .dispatcher, path: "/hotline/bulk")
    }

    func testTheCursorRoundTripsAndRefusesWhatItDidNotMake() {
        let position = InboxQuery.Position(receivedAt: Date(timeIntervalSince1970: 1_764_626_123.25), id: Self.reports[0].id)
        XCTAssertEqual(InboxCursor.decode(InboxCursor.encode(position)), position)
        XCTAssertNil(InboxCursor.decode("not-a-cursor"))
        XCTAssertNil(InboxCursor.decode(Base64URL.encode(Array("nan|\(UUID().uuidString)".utf8))))
    }

    func testNewReportsComeFirstThenByUrgencyThenNewest() {
        let shuffled = [Self.reports[1], Self.report(4, .claimed, .urgent, place: "x"), Self.reports[2], Self.reports[0]]
        XCTAssertEqual(shuffled.sorted(by: InboxReport.inboxOrder).map(\.reference), ["K7Q-3X4-M", "K7Q-4X4-M", "K7Q-2X4-M", "K7Q-1X4-M"])
    }
}
