import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import XCTVapor

@testable import AmparoWeb

final class AuditLogTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func testReadsChangesAndLoginsAreRecordedWithoutPersonalData() async throws {
        let admin = try await harness.member(.admin, name: "Audra Admin")
        let member = try await harness.member(.responder, name: "Rafael Responder", phone: "5035550123")
        let browser = try await harness.signInThroughPages(admin)
        try await browser.get("/admin/users/\(member.id.uuidString)")
        try await browser.post("/admin/users/\(member.id.uuidString)/reset-2fa")
        let entries = try await AuditEntryModel.query(on: harness.app.db).sort(\.$sequence).all()
        XCTAssertEqual(entries.map(\.action), ["login.password_ok", "login.success", "user.read", "user.reset_2fa"])
        XCTAssertEqual(entries[2].actor, admin.id.uuidString)
        XCTAssertEqual(entries[2].recordID, member.id.uuidString)
        let text = try await harness.dumpDatabaseText()
        for needle in ["Rafael", "Responder", "5035550123", member.email] { XCTAssertFalse(text.contains(needle)) }
    }

    func testVerifyDetectsAnEditedRowAndADeletedRow() async throws {
        for i in 0..<12 {
            try await harness.services.audit.append(
                on: harness.app.db, actor: "system", action: "test.event", recordType: "thing", recordID: "r\(i)")
        }
        var result = try await harness.services.audit.verify(on: harness.app.db, batchSize: 5)
        XCTAssertNil(result.problem)
        XCTAssertEqual(result.entriesChecked, 12)

        try await harness.app.db.sql.raw("UPDATE audit_log SET record_id = 'r999' WHERE seq = 7").run()
        result = try await harness.services.audit.verify(on: harness.app.db, batchSize: 5)
        XCTAssertEqual(result.problem, .alteredEntry(sequence: 7))
        XCTAssertEqual(result.entriesChecked, 6)

        try await harness.app.db.sql.raw("UPDATE audit_log SET record_id = 'r6' WHERE seq = 7").run()
        try await harness.app.db.sql.raw("DELETE FROM audit_log WHERE seq = 4").run()
        result = try await harness.services.audit.verify(on: harness.app.db)
        XCTAssertEqual(result.problem, .gap(expected: 4, found: 5))

        let (checked, problem) = try await Operations.verifyAudit(harness.app)
        XCTAssertEqual(checked, 3)
        XCTAssertNotNil(problem)
    }

    func testConcurrentAppendsNeverForkTheChain() async throws {
        let app = harness.app
        let audit = harness.services.audit
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<40 {
                group.addTask {
                    try await audit.append(on: app.db, actor: "system", action: "test.concurrent", recordType: "thing", recordID: "\(i)")
                }
            }
            try await group.waitForAll()
        }
        let result = try await audit.verify(on: app.db)
        XCTAssertNil(result.problem)
        XCTAssertEqual(result.entriesChecked, 40)
    }

    func testAuditPageShowsTheChainCheck() async throws {
        let admin = try await harness.member(.admin)
        let browser = try await harness.signedIn(admin)
        let page = try await browser.get("/admin/audit?verify=1")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("The chain is intact"))
    }
}
