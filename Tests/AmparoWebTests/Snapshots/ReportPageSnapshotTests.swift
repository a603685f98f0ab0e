import AmparoDomain
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The public report pages from fixture values: the form with someone on call and with nobody,
/// refused with what was typed, the thanks page, and the status page's answers.
final class ReportPageSnapshotTests: XCTestCase {
    static let nobody = HotlineAnswer(onCall: false, nextShift: SnapshotChrome.importDay, phone: "+15035550100", canAlertTeam: true)
    static let onCall = HotlineAnswer(onCall: true, nextShift: nil, phone: "+15035550100", canAlertTeam: true)

    func testTheFormWithADispatcherOnCall() {
        let page = ReportFormPage(organization: "Rio Valley Defense", values: ReportForm(), answer: Self.onCall)
        assertPageSnapshots({ ReportPageRenderer.form(page, $0) }, path: "/report")
    }

    func testARefusedFormWithNobodyOnCallKeepsWhatWasTyped() {
        let typed = ReportForm(what: "Dos camionetas <sin placas>", place: "", officers: "muchos")
        let page = ReportFormPage(organization: nil, values: typed, problems: [.place: .missing, .officers: .notANumber(0...500)],
                                  answer: HotlineAnswer(onCall: false, nextShift: nil, phone: nil, canAlertTeam: false))
        assertPageSnapshots({ ReportPageRenderer.form(page, $0) }, path: "/report")
    }

    func testThanksWithNobodyOnCall() {
        let page = ReportThanksPage(organization: "Rio Valley Defense", reference: "K7QM-3X4P", photoToken: "photo-token", answer: Self.nobody)
        assertPageSnapshots({ ReportPageRenderer.thanks(page, photoNotice: nil, $0) }, path: "/report")
    }

    func testTheStatusPageAnswers() {
        assertPageSnapshots({ ReportPageRenderer.status(ReportStatusPage(code: ""), $0) }, path: "/report/status")
        for (name, result) in [("found", ReportStatusPage.Result.found(.beingChecked)), ("unknown", .unknown)] {
            let page = ReportStatusPage(code: "K7QM-3X4P", result: result)
            assertPageSnapshots({ ReportPageRenderer.status(page, $0) }, path: "/report/status", testName: "testTheStatusPageAnswers-\(name)")
        }
    }
}
