import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import NIOConcurrencyHelpers
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

    func testOnPostgreSQLAMemberDisabledOnAnotherServerIsSignedOutHereAtOnce() async throws {
        guard case .postgres(let url) = harness.config.database, let relay = harness.services.liveRelay else {
            throw XCTSkip("several app servers share PostgreSQL only")
        }
        let logger = Logger(label: "relay-test"), receive = harness.services.receiveFromElsewhere
        // This server listens as a running server does.
        let here = Task { await relay.listen(logger: logger, receive) }
        defer { here.cancel() }
        try await Task.sleep(nanoseconds: 500_000_000)
        let member = try await harness.member(.dispatcher)
        let browser = try await harness.signedIn(member)
        let first = try await browser.get("/dashboard")
        XCTAssertEqual(first.status, .ok)

        // Another server disables her: its write never passes this server's Fluent, and the
        // manual clock never lets the cached session expire, so only the notification can tell.
        try await harness.app.db.sql.update(UserModel.schema)
            .set("disabled_at", to: SQLBind(harness.clock.now()))
            .where("id", .equal, SQLBind(member.id))
            .run()
        let other = try LiveRelay(url: url)
        try await other.send(SessionCache.revokedWire, on: harness.app.db.sql)
        var signedOut = false
        for _ in 0..<40 where !signedOut {
            try await Task.sleep(nanoseconds: 50_000_000)
            signedOut = try await browser.get("/dashboard").headers.first(name: .location) == "/login"
        }
        XCTAssertTrue(signedOut, "signed out here within two seconds of the other server's change")
    }

    func testOnlyWritesThatTakeAccessAwayAreTold() async throws {
        let told = NIOLockedValueBox(0)
        let cache = SessionCache(ttl: 2, clock: harness.clock, tellOthers: { told.withLockedValue { $0 += 1 } })
        let sessions = SessionCacheInvalidation<SessionModel>(cache: cache), users = SessionCacheInvalidation<UserModel>(cache: cache)
        XCTAssertFalse(sessions.takesAccess)
        XCTAssertTrue(users.takesAccess)
        cache.revoke()
        XCTAssertEqual(told.withLockedValue { $0 }, 1)
        cache.removeAll()
        XCTAssertEqual(told.withLockedValue { $0 }, 1, "forgetting here alone tells nobody")
    }
}
