import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The records pages from fixture values: the list (requests due, overdue, paused and closed;
/// empty; a refused new request keeping what was typed) and one request (open with its history
/// and documents, closed with no step left, a refused status and a refused message).
final class RecordsSnapshotTests: XCTestCase {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static let organizer = UserID(id(90))
    static let today = Day(2027, 1, 15)
    static let created = Date(timeIntervalSince1970: 1_796_000_000)

    static func request(_ n: Int, agency: String, state: String = "OR", sentOn: Day = Day(2026, 11, 25), status: RecordsStatus = .submitted,
                        feesCents: Int? = nil) -> RecordsRequest {
        RecordsRequest(id: RecordsRequestID(id(n)), state: state, agency: agency,
                       subject: "All I-247A detainers the jail received in 2025, and its written policy on them.", sentVia: .portal,
                       sentOn: sentOn, status: status, extended: false, feesCents: feesCents, reminded: [], createdBy: organizer, createdAt: created)
    }

    static func step(_ status: RecordsStatus, _ day: Day, note: String? = nil) -> RecordsEvent {
        RecordsEvent(kind: .status(status), onDay: day, body: note, authorID: organizer, createdAt: created)
    }

    static let marion = request(1, agency: "Marion County Sheriff's Office", status: .processing)
    static let marionHistory = [
        step(.acknowledged, Day(2026, 12, 2)),
        step(.paymentNeeded, Day(2026, 12, 8), note: "Invoice 88-1 <for the jail log>"),
        step(.processing, Day(2026, 12, 18)),
        RecordsEvent(kind: .received, onDay: Day(2027, 1, 5), body: "We will send the records by 20 January.", authorID: organizer, createdAt: created),
    ]

    static func listPage(form: NewRecordsRequestForm = .init(), refusal: FormRefusal<NewRecordsRequestForm.Field>? = nil) -> RecordsListPage {
        RecordsListPage(requests: [
            (marion, marionHistory),
            (request(2, agency: "Los Angeles County Sheriff's Department", state: "CA", sentOn: Day(2027, 1, 11)), []),
            (request(3, agency: "Washington County Jail", status: .paymentNeeded), [step(.paymentNeeded, Day(2026, 12, 1))]),
            (request(4, agency: "Multnomah County Sheriff", status: .done), [step(.done, Day(2026, 12, 1))]),
        ], today: today, form: form, refusal: refusal)
    }

    func testTheListWithRequestsDueOverduePausedAndClosed() {
        assertPageSnapshots({ RecordsRenderer.render(Self.listPage(), $0) }, role: .organizer, path: "/records")
    }

    func testAnEmptyList() {
        assertPageSnapshots({ RecordsRenderer.render(RecordsListPage(requests: [], today: Self.today), $0) }, role: .organizer, path: "/records")
    }

    func testARefusedRequestKeepsWhatWasTyped() {
        let form = NewRecordsRequestForm(fields: ["agency": "Harris County <Sheriff>", "subject": "Detainers", "state": "TX", "via": "fax", "sentOn": "2027-02-01"])
        guard case .failure(let refusal) = form.validated(Self.today) else { return XCTFail("a Texas request sent next month is refused") }
        XCTAssertEqual(refusal.fields, [.state, .sentOn])
        assertPageSnapshots({ RecordsRenderer.render(Self.listPage(form: form, refusal: refusal), $0) }, role: .legal, path: "/records")
    }

    static func requestPage(_ request: RecordsRequest = marion, history: [RecordsEvent] = marionHistory, statusForm: RecordsStatusForm? = nil,
                            messageForm: RecordsMessageForm? = nil, refused: RecordsRequestPage.Refused? = nil) -> RecordsRequestPage {
        RecordsRequestPage(request: request, history: history, names: [organizer: "Olga Organizer"],
                           documents: [RecordsDocumentLine(id: RecordsDocumentID(id(20)), fileName: "detainers-2025.pdf", size: 48_213, receivedOn: Day(2027, 1, 14))],
                           today: today, statusForm: statusForm, messageForm: messageForm, refused: refused)
    }

    func testAnOpenRequestWithItsDeadlinesHistoryAndDocuments() {
        assertPageSnapshots({ RecordsRenderer.render(Self.requestPage(), $0) }, role: .organizer, path: "/records/1")
    }

    func testAnAbandonedRequestHasNoStepLeft() {
        let abandoned = Self.request(5, agency: "Yamhill County Jail", status: .abandoned, feesCents: 125_000)
        assertPageSnapshots({
            RecordsRenderer.render(Self.requestPage(abandoned, history: [Self.step(.paymentNeeded, Day(2026, 12, 1)), Self.step(.abandoned, Day(2027, 1, 4))]), $0)
        }, role: .organizer, path: "/records/5")
    }

    func testARefusedStatusKeepsWhatWasTyped() {
        let form = RecordsStatusForm(fields: ["status": "payment_needed", "onDay": "2026-11-01", "fees": "twenty", "note": "Invoice 88-1"])
        guard case .failure(let refusal) = form.validated(Self.marion) else { return XCTFail("a day before the request and a fee in words") }
        XCTAssertEqual(refusal.fields, [.onDay, .fees])
        assertPageSnapshots({ RecordsRenderer.render(Self.requestPage(statusForm: form, refused: .status(refusal)), $0) }, role: .organizer, path: "/records/1")
    }

    func testARefusedMessageOpensItsFormWithWhatWasTyped() {
        let form = RecordsMessageForm(fields: ["direction": "sent", "onDay": "2027-01-10", "body": "   "])
        guard case .failure(let refusal) = form.validated(Self.marion) else { return XCTFail("an empty message") }
        XCTAssertEqual(refusal.fields, [.body])
        assertPageSnapshots({ RecordsRenderer.render(Self.requestPage(messageForm: form, refused: .message(refusal)), $0) }, role: .legal, path: "/records/1")
    }

    func testARefusedDocument() {
        assertPageSnapshots({ RecordsRenderer.render(Self.requestPage(refused: .document), $0) }, role: .organizer, path: "/records/1")
    }
}
