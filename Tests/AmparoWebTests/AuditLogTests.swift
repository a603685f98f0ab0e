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

        let (checked, problem, _) = try await Operations.verifyAudit(harness.app)
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

    private func appendEvents(_ count: Int, to audit: AuditStore? = nil) async throws {
        for i in 0..<count {
            try await (audit ?? harness.services.audit).append(
                on: harness.app.db, actor: "system", action: "test.event", recordType: "thing", recordID: "r\(i)")
        }
    }

    func testACutTailOrAnEmptiedTableFailsAgainstTheHeadCheckpoint() async throws {
        try await appendEvents(60)
        var result = try await harness.services.audit.verify(on: harness.app.db)
        XCTAssertNil(result.problem)
        XCTAssertEqual(result.checkpoint, 60)

        try await harness.app.db.sql.raw("DELETE FROM audit_log WHERE seq = 60").run()
        result = try await harness.services.audit.verify(on: harness.app.db)
        XCTAssertEqual(result.problem, .cutTail(lastEntry: 59, checkpoint: 60))

        try await harness.app.db.sql.raw("DELETE FROM audit_log WHERE seq > 10").run()
        let (checked, problem, _) = try await Operations.verifyAudit(harness.app)
        XCTAssertEqual(checked, 10)
        XCTAssertEqual(problem, "the log ends at entry 10, but entry 60 was written (the newest entries were deleted)")

        try await harness.app.db.sql.raw("DELETE FROM audit_log").run()
        result = try await harness.services.audit.verify(on: harness.app.db)
        XCTAssertEqual(result.problem, .cutTail(lastEntry: 0, checkpoint: 60))
        XCTAssertEqual(result.problem?.description, "the log is empty, but entry 60 was written (the newest entries were deleted)")
    }

    func testTheCheckpointIsSignedAndALowerBoundForOtherServers() async throws {
        try await appendEvents(5)
        let head = try String(contentsOf: harness.config.auditHeadURL, encoding: .utf8)
        XCTAssertTrue(head.contains("\"sequence\":5"), head)
        let attributes = try FileManager.default.attributesOfItem(atPath: harness.config.auditHeadURL.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)

        // Another app server (its own data folder, the same key file) appends after this one.
        let elsewhere = harness.config.dataDirectory.appendingPathComponent("other.audit-head")
        let other = AuditStore(
            key: harness.services.sealer.keys.derivedKey(purpose: "audit-chain"), clock: harness.clock,
            headFile: AuditHeadFile(url: elsewhere, key: harness.services.sealer.keys.derivedKey(purpose: "audit-head")))
        try await appendEvents(3, to: other)
        var result = try await harness.services.audit.verify(on: harness.app.db)
        XCTAssertNil(result.problem, "entries after this server's head are fine")
        XCTAssertEqual(result.entriesChecked, 8)
        XCTAssertEqual(result.checkpoint, 5)

        // A checkpoint moved back by hand, or signed under another key file, is refused.
        let edited = head.replacingOccurrences(of: "\"sequence\":5", with: "\"sequence\":2")
        try edited.write(to: harness.config.auditHeadURL, atomically: true, encoding: .utf8)
        result = try await harness.services.audit.verify(on: harness.app.db)
        XCTAssertEqual(result.problem, .checkpointNotAuthentic)

        // No checkpoint at all (an install from before them): the chain is checked, the head is not.
        try FileManager.default.removeItem(at: harness.config.auditHeadURL)
        result = try await harness.services.audit.verify(on: harness.app.db)
        XCTAssertNil(result.problem)
        XCTAssertNil(result.checkpoint)
        try await appendEvents(1)
        result = try await harness.services.audit.verify(on: harness.app.db)
        XCTAssertEqual(result.checkpoint, 9, "the next audited action writes one")
    }
}
