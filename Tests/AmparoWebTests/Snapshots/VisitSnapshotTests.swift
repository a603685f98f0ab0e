import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The visitation pages from fixture values: the facilities' registry with a refused new facility,
/// one facility, the visitors, a visitor's own visits and one visit with a refused report.
final class VisitSnapshotTests: XCTestCase {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    static let harris = FacilityFacts(name: "Harris County Jail <Annex>", kind: .countyJail, city: "Houston", county: "Harris", state: "TX",
                                      visitingHours: "Sat–Sun 8–11", idRules: "Photo ID", dressCode: nil, approval: "Form 48 h ahead", languages: "Spanish")

    func testTheRegistryWithARefusedFacility() {
        let typed = FacilityForm(fields: ["name": "Montgomery Processing Center", "state": "Texas", "kind": "private", "city": "Conroe"])
        guard case .failure(let refusal) = typed.validated(()) else { return XCTFail("a state must be two letters") }
        XCTAssertEqual(refusal.fields, [.state])
        let page = FacilitiesPage(facilities: [Facility(id: FacilityID(Self.id(1)), facts: Self.harris)], typed: typed, refused: true)
        assertPageSnapshots({ VisitRenderer.render(page, $0) }, role: .caseWorker, path: "/facilities")
    }

    func testOneFacilityAndNoneYet() {
        let page = FacilityPage(id: FacilityID(Self.id(1)), name: Self.harris.name, typed: FacilityForm(Self.harris))
        XCTAssertEqual(try FacilityForm(Self.harris).validated(()).get(), Self.harris, "a saved facility's form checks back into the same facts")
        assertPageSnapshots({ VisitRenderer.render(page, $0) }, role: .caseWorker, path: "/facilities/1")
        assertPageSnapshots({ VisitRenderer.render(FacilitiesPage(facilities: []), $0) }, role: .legal, path: "/facilities", testName: "testNoFacilitiesYet")
    }

    func testVisitorsTrainedAndNot() {
        let page = VisitorsPage(visitors: [VisitorLine(id: UserID(Self.id(21)), name: "Vera <Visitor>", trainedOn: "2026-10-03", languages: "Spanish, Mam"),
                                           VisitorLine(id: UserID(Self.id(22)), name: "Víctor", trainedOn: nil, languages: nil)], refused: true)
        assertPageSnapshots({ VisitRenderer.render(page, $0) }, role: .caseWorker, path: "/visitors")
    }

    func testAVisitorsOwnVisits() {
        let at = SnapshotChrome.importDay
        let page = MyVisitsPage(visits: [MyVisitLine(id: VisitID(Self.id(31)), scheduledAt: at, person: "Ana Pérez", facility: "Harris County Jail", status: .scheduled),
                                         MyVisitLine(id: VisitID(Self.id(32)), scheduledAt: at.addingTimeInterval(-7 * 86400), person: nil, facility: nil, status: .denied)])
        assertPageSnapshots({ VisitRenderer.render(page, $0) }, role: .visitor, path: "/visits")
    }

    func testAVisitWithARefusedReport() {
        let visit = VisitDetail(id: VisitID(Self.id(31)), scheduledAt: SnapshotChrome.importDay, status: .scheduled, person: "Ana Pérez", personLanguage: "Mam",
                                whereNow: "Montgomery Processing Center", facility: Self.harris, report: nil, sharedWithFamily: true)
        assertPageSnapshots({ VisitRenderer.render(VisitPage(visit: visit, refusedReport: "Está bien <pero> necesita"), $0) }, role: .visitor, path: "/visits/31")
    }
}
