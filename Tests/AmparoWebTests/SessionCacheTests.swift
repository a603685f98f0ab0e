import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import XCTVapor

@testable import AmparoWeb

/// The short-lived session cache must never let a change made through this server go unseen, and
/// must see a change made elsewhere (the CLI, another app server) within its TTL.
final class SessionCacheTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func testDisablingThroughTheAppSignsOutAtOnce() async throws {
        let member = try await harness.member(.dispatcher)
        let browser = try await harness.signedIn(member)
        let before = try await browser.get("/dashboard")
        XCTAssertEqual(before.status, .ok)
        let user = try await UserModel.find(member.id, on: harness.app.db)!
        try await harness.accounts.setDisabled(user, true, actor: "test")
        let after = try await browser.get("/dashboard")
        XCTAssertEqual(after.headers.first(name: .location), "/login", "no grace period for a change made here")
    }

    func testAChangeMadeOutsideThisServerIsSeenWithinTheTTL() async throws {
        let member = try await harness.member(.dispatcher)
        let browser = try await harness.signedIn(member)
        let first = try await browser.get("/dashboard")
        XCTAssertEqual(first.status, .ok)
        // What `amparo user disable` does from another process: a write this server's Fluent never sees.
        try await harness.app.db.sql.update(UserModel.schema)
            .set("disabled_at", to: SQLBind(harness.clock.now()))
            .where("id", .equal, SQLBind(member.id))
            .run()
        try await harness.app.db.sql.delete(from: SessionModel.schema).where("user_id", .equal, SQLBind(member.id)).run()
        let stale = try await browser.get("/dashboard")
        XCTAssertEqual(stale.status, .ok, "within the TTL the cached session still stands: the documented bound")
        harness.clock.advance(by: harness.config.sessionCacheTTL)
        let later = try await browser.get("/dashboard")
        XCTAssertEqual(later.headers.first(name: .location), "/login")
    }

    func testTeamChangesShowAtOnce() async throws {
        let admin = try await harness.signedIn(try await harness.member(.admin))
        let member = try await harness.member(.responder)
        let browser = try await harness.signedIn(member)
        let team = TeamModel(name: "Eastside Rapid Response", region: "Eastside")
        try await team.create(on: harness.app.db)
        let before = try await browser.get("/dashboard").body.string
        XCTAssertFalse(before.contains("Eastside Rapid Response"))
        try await admin.get("/admin/users/\(member.id.uuidString)")
        let saved = try await admin.post("/admin/users/\(member.id.uuidString)/teams", pairs: [("teams[]", team.id!.uuidString)])
        XCTAssertEqual(saved.status, .seeOther)
        let after = try await browser.get("/dashboard").body.string
        XCTAssertTrue(after.contains("Eastside Rapid Response"))
    }
}
