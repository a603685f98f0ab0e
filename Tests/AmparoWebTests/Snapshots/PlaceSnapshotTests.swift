import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// Every places page rendered from fixture values, full and empty, in English and Spanish.
final class PlaceSnapshotTests: XCTestCase {
    static let texas = USState.find("TX")!
    static let texasPlace = PlaceRecord(id: PlaceID(UUID(uuidString: "00000000-0000-0000-0000-000000000048")!), kind: .state, name: "Texas",
                                        stateCode: "TX", fips: "48", slug: "tx", nameKey: "TX")
    static let harris = PlaceRecord(id: PlaceID(UUID(uuidString: "00000000-0000-0000-0000-000000048201")!), kind: .county, name: "Harris County",
                                    stateCode: "TX", fips: "48201", slug: "harris-county", nameKey: "HARRIS COUNTY")

    static let agreements = [
        AgreementLine(state: "TX", agency: "Harris County Sheriff's Office", agencyKind: .county, county: "Harris County", model: .jailEnforcement,
                      list: .participating, status: .active, signedOn: "2025-02-20", moaLink: "https://www.ice.gov/doclib/287gMOA/harris.pdf",
                      listedSince: SnapshotChrome.importDay),
        AgreementLine(state: "TX", agency: "Harris County Constable Precinct 4", agencyKind: .county, county: "Harris County", model: .warrantServiceOfficer,
                      list: .participating, status: .ended, signedOn: nil, moaLink: nil, listedSince: SnapshotChrome.importDay),
        AgreementLine(state: "TX", agency: "Texas Department of Public Safety", agencyKind: .stateAgency, county: nil, model: .taskForce,
                      list: .pending, status: .pending, signedOn: "2025-04-01", moaLink: nil, listedSince: nil),
    ]

    static let stateLaw = PolicyRecord(kind: .detainers, position: .stateLawRequires, instrument: .stateLaw, effectiveOn: "2017-09-01",
                                       criteria: "SB 4 requires jails to honor detainers <and> cooperate.", documentURL: "https://capitol.texas.gov/sb4")
    static let countyPolicy = PolicyRecord(kind: .releaseNotification, position: .doesNotNotify, instrument: .sheriffPolicy, effectiveOn: "2024-03-15",
                                           criteria: nil, documentURL: "https://example.org/harris-release-policy.pdf")

    func testStatesPage() {
        let page = PlaceStatesPage(counts: ["TX": [.jailEnforcement: 40, .taskForce: 30, .warrantServiceOfficer: 16], "FL": [.taskForce: 255]])
        assertPageSnapshots({ PlaceRenderer.render(page, $0) }, path: "/places")
    }

    func testStatesPageBeforeAnyImport() {
        assertPageSnapshots({ PlaceRenderer.render(PlaceStatesPage(counts: [:]), $0) }, path: "/places")
    }

    func testStatePageForAnOrganizer() {
        let page = PlaceStatePage(
            state: Self.texas, place: Self.texasPlace, policies: [Self.stateLaw], agreements: Self.agreements,
            counties: [.init(name: "Harris County", slug: "harris-county", fips: "48201"), .init(name: "Lampass", slug: "lampass", fips: nil)],
            mayRecordPolicy: true, problem: nil)
        assertPageSnapshots({ PlaceRenderer.render(page, $0) }, role: .organizer, path: "/places/tx")
    }

    func testStatePageWithARefusedPolicy() {
        let page = PlaceStatePage(state: Self.texas, place: Self.texasPlace, policies: [], agreements: [], counties: [],
                                  mayRecordPolicy: true, problem: .policyRefused)
        assertPageSnapshots({ PlaceRenderer.render(page, $0) }, role: .analyst, path: "/places/tx/policies")
    }

    func testEmptyStatePageForThePublic() {
        let page = PlaceStatePage(state: Self.texas, place: Self.texasPlace, policies: [], agreements: [], counties: [], mayRecordPolicy: false, problem: nil)
        assertPageSnapshots({ PlaceRenderer.render(page, $0) }, path: "/places/tx")
    }

    func testCountyPageForThePublic() {
        let governing = PlaceCountyPage.governing(own: [Self.countyPolicy], state: [Self.stateLaw])
        XCTAssertEqual(governing, [.init(kind: .detainers, position: .stateLawRequires, source: .state),
                                   .init(kind: .releaseNotification, position: .doesNotNotify, source: .county)])
        let letter = PlaceCampaign.Letter(id: LetterID(UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!), title: "Harris County: end 287(g)")
        let page = PlaceCountyPage(
            state: Self.texas, county: Self.harris, governing: governing, policies: [Self.countyPolicy], statePolicies: [Self.stateLaw],
            agreements: Array(Self.agreements.prefix(2)),
            campaigns: [PlaceCampaign(id: CampaignID(UUID(uuidString: "00000000-0000-0000-0000-00000000000c")!), title: "No more 287(g) in Harris",
                                      goal: .end287g, status: .active, openLetters: [letter])],
            facilities: [PlaceFacility(name: "Harris County Jail", city: "Houston"), PlaceFacility(name: "Joe Corley Processing Center", city: nil)],
            mayRecordPolicy: false, problem: nil)
        assertPageSnapshots({ PlaceRenderer.render(page, $0) }, path: "/places/tx/harris-county")
    }

    func testEmptyCountyPageWithARefusedPolicy() {
        let page = PlaceCountyPage(state: Self.texas, county: Self.harris, governing: [], policies: [], statePolicies: [], agreements: [],
                                   campaigns: [], facilities: [], mayRecordPolicy: true, problem: .policyRefused)
        assertPageSnapshots({ PlaceRenderer.render(page, $0) }, role: .organizer, path: "/places/tx/harris-county/policies")
    }

    static let snapshot = AgreementImportRecord(
        id: AgreementImportID(UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")!), list: .participating,
        fileName: "participatingAgencies05162025am.xlsx", importedAt: SnapshotChrome.importDay, rows: 571, added: 2, removed: 1, unchanged: 568)

    func testImportsPageWithEachMessage() {
        let messages: [PlaceImportsPage.Message?] = [
            nil, .unreadable, .alreadyImported(on: SnapshotChrome.importDay),
            .refused(AgreementListParser.Problem(row: 3, column: "C (SUPPORT TYPE)", value: "Jail Model", reason: .unknownModel)),
        ]
        for (index, message) in messages.enumerated() {
            let page = PlaceImportsPage(imports: [Self.snapshot], message: message)
            assertPageSnapshots({ PlaceRenderer.render(page, $0) }, role: .organizer, path: "/places/imports", testName: "testImportsPage\(index)")
        }
    }

    func testImportsPageBeforeAnyImport() {
        assertPageSnapshots({ PlaceRenderer.render(PlaceImportsPage(imports: [], message: nil), $0) }, role: .analyst, path: "/places/imports")
    }

    func testImportResultWithWarnings() {
        let page = PlaceImportPage(
            snapshot: Self.snapshot,
            added: [ChangedAgreement(agency: "Marion County Sheriff's Office", state: "OR", model: .warrantServiceOfficer),
                    ChangedAgreement(agency: "Bay County Sheriff's Office", state: "FL", model: .taskForce)],
            removed: [ChangedAgreement(agency: "Example <Police>", state: "TX", model: .jailEnforcement)],
            warnings: [AgreementListParser.Problem(row: 12, column: "F (SIGNED)", value: "05/082025", reason: .badDate)])
        assertPageSnapshots({ PlaceRenderer.render(page, $0) }, role: .organizer, path: "/places/imports/00000000-0000-0000-0000-0000000000AA")
    }

    func testImportResultThatChangedNothing() {
        let unchanged = AgreementImportRecord(id: Self.snapshot.id, list: .pending, fileName: "pending.csv", importedAt: SnapshotChrome.importDay,
                                              rows: 0, added: 0, removed: 0, unchanged: 0)
        let page = PlaceImportPage(snapshot: unchanged, added: [], removed: [], warnings: [])
        assertPageSnapshots({ PlaceRenderer.render(page, $0) }, role: .organizer, path: "/places/imports/00000000-0000-0000-0000-0000000000AA")
    }

    /// The API serves the same values: what it encodes decodes to the page.
    func testPageValuesRoundTripThroughTheAPIEncoding() throws {
        let page = PlaceStatePage(state: Self.texas, place: Self.texasPlace, policies: [Self.stateLaw], agreements: Self.agreements,
                                  counties: [.init(name: "Harris County", slug: "harris-county", fips: "48201")], mayRecordPolicy: false, problem: nil)
        let data = try APIResource.encoder.encode(page)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        XCTAssertEqual(try decoder.decode(PlaceStatePage.self, from: data), page)
        let json = try XCTUnwrap(String(data: data, encoding: .utf8))
        XCTAssertTrue(json.contains(#""model":"jail_enforcement""#), json)
        let states = try APIResource.encoder.encode(PlaceStatesPage(counts: ["TX": [.taskForce: 3]]))
        XCTAssertTrue(String(decoding: states, as: UTF8.self).contains(#""agreements":{"jail_enforcement":0,"task_force":3,"warrant_service_officer":0}"#))
    }
}
