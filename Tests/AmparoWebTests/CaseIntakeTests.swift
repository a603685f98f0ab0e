import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// A family calls about a relative in jail: the case worker opens a case from /cases with what the
/// family agreed to, without any hotline report; the list says where each case came from.
final class CaseIntakeTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func testAFamilysCallOpensACaseDirectlyWithConsent() async throws {
        let north = try await harness.team("North")
        let (worker, browser) = try await harness.signedIn(.caseWorker, in: north)
        browser.headers.replaceOrAdd(name: .acceptLanguage, value: "es")
        let list = try await browser.get("/cases")
        XCTAssertTrue(list.body.string.contains("<details id=\"new-case\"><summary>Abrir un caso</summary>"))

        // Refused without consent: what was typed comes back, nothing is written.
        let refused = try await browser.post("/cases", ["name": "José Ramírez <hermano>", "phone": "+1 503 555 0150", "team": north.id!.uuidString, "consent": ""])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.body.string.contains("value=\"José Ramírez &lt;hermano&gt;\""), "the name is kept")
        XCTAssertTrue(refused.body.string.contains("<details id=\"new-case\" open>"))
        XCTAssertTrue(refused.body.string.contains("un caso guarda sus datos solo con consentimiento"))
        let none = try await CaseModel.query(on: harness.app.db).count()
        XCTAssertEqual(none, 0)
        let otherTeam = try await harness.team("South")
        let wrongTeam = try await browser.post("/cases", ["name": "José", "consent": "Su hermana, por teléfono", "team": otherTeam.id!.uuidString])
        XCTAssertEqual(wrongTeam.status, .unprocessableEntity, "only one's own teams")

        let opened = try await browser.post("/cases", ["name": "José Ramírez", "phone": "+1 503 555 0150", "language": "Español",
                                                       "team": north.id!.uuidString, "consent": "Su hermana María, por teléfono: compartir con el equipo legal"])
        XCTAssertEqual(opened.status, .seeOther)
        let path = try XCTUnwrap(opened.headers.first(name: .location))
        let record = try await XCTUnwrapAsync(try await CaseModel.query(on: harness.app.db).first())
        XCTAssertNil(record.reportID)
        XCTAssertEqual(record.teamID, north.id)
        XCTAssertEqual(record.consentBy, worker.id)
        XCTAssertEqual(path, "/cases/\(record.id!.uuidString)")
        let page = try await browser.get(path).body.string
        XCTAssertTrue(page.contains("José Ramírez") && page.contains("Abierto directamente"), page)
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("José Ramírez") || dump.contains("María"), "the person and the consent are sealed")

        let listed = try await browser.get("/cases").body.string
        XCTAssertTrue(listed.contains(">Abierto</td>"), "status in the reader's language")
        XCTAssertTrue(listed.contains("José Ramírez"))
        let audit = try await AuditEntryModel.query(on: harness.app.db).filter(\.$action == "case.open").count()
        XCTAssertEqual(audit, 1)
    }
}
