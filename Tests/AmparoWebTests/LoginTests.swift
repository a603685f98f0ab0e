import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

final class LoginTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func testPasswordThenSecondFactorWithNewSessionAtEachStep() async throws {
        let member = try await harness.member(.dispatcher)
        let browser = harness.browser()
        try await browser.get("/login")
        let response = try await browser.post("/login", ["email": member.email, "password": member.password])
        XCTAssertEqual(response.headers.first(name: .location), "/login/2fa")
        let pending = try XCTUnwrap(browser.cookies["amparo_session"])
        // Half signed in: no member page yet.
        let awaited1 = try await browser.get("/dashboard").headers.first(name: .location)
        XCTAssertEqual(awaited1, "/login")

        try await browser.get("/login/2fa")
        let done = try await browser.post("/login/2fa", ["code": member.totp!.code(at: harness.clock.now())])
        XCTAssertEqual(done.headers.first(name: .location), "/dashboard")
        let active = try XCTUnwrap(browser.cookies["amparo_session"])
        XCTAssertNotEqual(pending, active, "a new session id after the second factor")
        let cookieHeader = try XCTUnwrap(done.headers[.setCookie].first { $0.hasPrefix("amparo_session=") })
        XCTAssertTrue(cookieHeader.contains("HttpOnly"))
        XCTAssertTrue(cookieHeader.contains("SameSite=Strict"))
        let awaited2 = try await browser.get("/dashboard").status
        XCTAssertEqual(awaited2, .ok)
        // The database holds only the digest of the session token.
        let stored = try await SessionModel.query(on: harness.app.db).all().map(\.tokenDigest)
        XCTAssertFalse(stored.contains(active))
        XCTAssertTrue(stored.contains(SecretDigest.of(active)))
    }

    func testSameAnswerForUnknownAccountAndWrongPassword() async throws {
        let member = try await harness.member(.responder)
        let browser = harness.browser()
        try await browser.get("/login")
        let wrong = try await browser.post("/login", ["email": member.email, "password": "not the password at all"])
        let unknown = try await browser.post("/login", ["email": "nobody@example.org", "password": "not the password at all"])
        XCTAssertEqual(wrong.status, .unauthorized)
        XCTAssertEqual(unknown.status, .unauthorized)
        func message(_ body: String) -> String? { Browser.firstMatch(#"<li>([^<]+)</li>"#, in: body) }
        XCTAssertEqual(message(wrong.body.string), message(unknown.body.string))
        XCTAssertNotNil(message(wrong.body.string))
    }

    func testUsedTOTPCodeCannotBeReplayed() async throws {
        let member = try await harness.member(.caseWorker)
        _ = try await harness.signInThroughPages(member)
        // Same 30-second window, same code, in another browser: refused.
        let browser = harness.browser()
        try await browser.get("/login")
        try await browser.post("/login", ["email": member.email, "password": member.password])
        try await browser.get("/login/2fa")
        let replay = try await browser.post("/login/2fa", ["code": member.totp!.code(at: harness.clock.now())])
        XCTAssertEqual(replay.status, .unauthorized)
        harness.clock.advance(by: 30)
        let next = try await browser.post("/login/2fa", ["code": member.totp!.code(at: harness.clock.now())])
        XCTAssertEqual(next.headers.first(name: .location), "/dashboard")
    }

    func testRecoveryCodeWorksOnce() async throws {
        let member = try await harness.member(.legal)
        let code = "abcde-fghij"
        try await RecoveryCodeModel(userID: member.id, digest: RecoveryCodes.digest(code)).create(on: harness.app.db)
        for expected in [HTTPStatus.seeOther, .unauthorized] {
            let browser = harness.browser()
            try await browser.get("/login")
            try await browser.post("/login", ["email": member.email, "password": member.password])
            try await browser.get("/login/2fa")
            let awaited3 = try await browser.post("/login/2fa", ["code": "ABCDE-FGHIJ"]).status
            XCTAssertEqual(awaited3, expected)
        }
    }

    func testThrottleIsPerAccountAndSourceNotGlobal() async throws {
        try await harness.shutdown()
        harness = try await TestHarness.make { $0.trustedProxies = .loopback }
        let victim = try await harness.member(.responder)
        let bystander = try await harness.member(.responder)
        let attacker = harness.browser()
        attacker.headers.replaceOrAdd(name: "X-Forwarded-For", value: "198.51.100.7")
        try await attacker.get("/login")
        for _ in 0..<5 {
            let awaited4 = try await attacker.post("/login", ["email": victim.email, "password": "guess guess guess"]).status
            XCTAssertEqual(awaited4, .unauthorized)
        }
        // The attacker is now stopped for this account, even with the right password...
        let awaited5 = try await attacker.post("/login", ["email": victim.email, "password": victim.password]).status
        XCTAssertEqual(awaited5, .tooManyRequests)
        // ...but another account from the same source still works,
        let awaited6 = try await attacker.post("/login", ["email": bystander.email, "password": bystander.password]).status
        XCTAssertEqual(awaited6, .seeOther)
        // and the victim can still sign in from elsewhere.
        let victimBrowser = harness.browser()
        victimBrowser.headers.replaceOrAdd(name: "X-Forwarded-For", value: "203.0.113.20")
        try await victimBrowser.get("/login")
        let awaited7 = try await victimBrowser.post("/login", ["email": victim.email, "password": victim.password]).status
        XCTAssertEqual(awaited7, .seeOther)
    }

    /// The hostile test's lockout: four sources with six wrong passwords each for the coordinator's
    /// email. Her own address has never failed, so her right password still signs her in.
    func testFailuresFromOtherSourcesDoNotLockTheMemberOut() async throws {
        try await harness.shutdown()
        harness = try await TestHarness.make { $0.trustedProxies = .loopback }
        let coordinator = try await harness.member(.coordinator)
        for source in ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"] {
            let attacker = harness.browser()
            attacker.headers.replaceOrAdd(name: "X-Forwarded-For", value: source)
            try await attacker.get("/login")
            var statuses: [HTTPStatus] = []
            for _ in 0..<6 { statuses.append(try await attacker.post("/login", ["email": coordinator.email, "password": "wrong wrong"]).status) }
            XCTAssertEqual(statuses, Array(repeating: .unauthorized, count: 5) + [.tooManyRequests])
        }
        let her = harness.browser()
        her.headers.replaceOrAdd(name: "X-Forwarded-For", value: "203.0.113.9")
        try await her.get("/login")
        let signIn = try await her.post("/login", ["email": coordinator.email, "password": coordinator.password])
        XCTAssertEqual(signIn.status, .seeOther)
    }

    /// 60 sign-ins at once for one account from one source: five passwords are checked, the rest are
    /// refused before any work, and nothing answers 500.
    func testAConcurrentLoginFloodChecksOnlyTheLimitAndNeverFails() async throws {
        let member = try await harness.member(.organizer)
        let browsers = (0..<60).map { _ in harness.browser() }
        for browser in browsers { try await browser.get("/login") }
        let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for (index, browser) in browsers.enumerated() {
                let password = index == 30 ? member.password : "a wrong password"
                group.addTask { try await browser.post("/login", ["email": member.email, "password": password]).status }
            }
            return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
        }
        XCTAssertFalse(statuses.contains { $0.code >= 500 }, "\(statuses)")
        let checked = statuses.filter { $0 == .unauthorized || $0 == .seeOther }.count
        XCTAssertLessThanOrEqual(checked, 5, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 == .tooManyRequests }.count, 60 - checked)
        let failures = try await AuditEntryModel.query(on: harness.app.db).filter(\.$action == "login.failure").count()
        XCTAssertEqual(failures, statuses.filter { $0 == .unauthorized }.count)
    }

    /// When more sign-ins arrive than the password threads and their queue hold, the rest are told to
    /// come back in a few seconds (429 with Retry-After), the typed email kept; none fails.
    func testPasswordWorkBeyondItsQueueIsAskedToComeBack() async throws {
        try await harness.shutdown()
        harness = try await TestHarness.make {
            $0.trustedProxies = .loopback
            $0.passwordCost = 10
            $0.passwordThreads = 1
            $0.passwordQueue = 2
        }
        let member = try await harness.member(.organizer)
        let browsers = (0..<40).map { index in
            let browser = harness.browser()
            browser.headers.replaceOrAdd(name: "X-Forwarded-For", value: "192.0.2.\(index)")
            browser.headers.replaceOrAdd(name: .acceptLanguage, value: "es")
            return browser
        }
        for browser in browsers { try await browser.get("/login") }
        let answers = try await withThrowingTaskGroup(of: BrowserResponse.self) { group in
            for browser in browsers { group.addTask { try await browser.post("/login", ["email": member.email, "password": member.password]) } }
            return try await group.reduce(into: [BrowserResponse]()) { $0.append($1) }
        }
        XCTAssertTrue(answers.allSatisfy { [.seeOther, .tooManyRequests].contains($0.status) }, "\(answers.map(\.status))")
        let busy = answers.filter { $0.status == .tooManyRequests }
        XCTAssertFalse(busy.isEmpty, "one thread and a queue of two cannot hold 40 at once")
        XCTAssertGreaterThanOrEqual(answers.count - busy.count, 3)
        XCTAssertEqual(busy[0].headers.first(name: .retryAfter), "5")
        XCTAssertTrue(busy[0].body.string.contains("Espere unos segundos"))
        XCTAssertTrue(busy[0].body.string.contains(member.email), "the typed email is kept")
        // A refused sign-in was not counted: the same source signs in once the flood has passed.
        let later = harness.browser()
        later.headers = browsers[0].headers
        try await later.get("/login")
        let again = try await later.post("/login", ["email": member.email, "password": member.password])
        XCTAssertEqual(again.status, .seeOther)
    }

    func testIdleAndAbsoluteTimeouts() async throws {
        let member = try await harness.member(.organizer)
        let browser = try await harness.signInThroughPages(member)
        harness.clock.advance(by: 29 * 60)
        let awaited8 = try await browser.get("/dashboard").status
        XCTAssertEqual(awaited8, .ok)
        harness.clock.advance(by: 31 * 60)
        let awaited9 = try await browser.get("/dashboard").headers.first(name: .location)
        XCTAssertEqual(awaited9, "/login", "idle too long")

        harness.clock.advance(by: 60)
        let again = try await harness.signInThroughPages(member)
        for _ in 0..<25 {  // active every 29 minutes, but past 12 hours in all
            harness.clock.advance(by: 29 * 60)
            _ = try await again.get("/dashboard")
        }
        let awaited10 = try await again.get("/dashboard").headers.first(name: .location)
        XCTAssertEqual(awaited10, "/login", "past the absolute lifetime")
    }

    func testPasswordChangeEndsOtherSessions() async throws {
        let member = try await harness.member(.coordinator)
        let laptop = try await harness.signInThroughPages(member)
        harness.clock.advance(by: 30)
        let phone = try await harness.signInThroughPages(member)
        let token = try await harness.apiToken(for: member)
        let script = harness.browser()
        script.headers.replaceOrAdd(name: .authorization, value: "Bearer \(token)")
        let before = try await script.get("/api/v1/me").status
        XCTAssertEqual(before, .ok)
        try await laptop.get("/account")
        let changed = try await laptop.post("/account/password", [
            "currentPassword": member.password, "newPassword": "a brand new passphrase",
            "newPasswordConfirmation": "a brand new passphrase",
        ])
        XCTAssertEqual(changed.headers.first(name: .location), "/account?notice=passwordChanged")
        let awaited11 = try await laptop.get("/account").status
        XCTAssertEqual(awaited11, .ok, "the session that changed it continues (with a new id)")
        let awaited12 = try await phone.get("/dashboard").headers.first(name: .location)
        XCTAssertEqual(awaited12, "/login")
        let after = try await script.get("/api/v1/me").status
        XCTAssertEqual(after, .unauthorized, "a token made with the old password ends with it")
    }

    func testDisablingEndsSessionsAndRefusesSignIn() async throws {
        let admin = try await harness.member(.admin)
        let member = try await harness.member(.responder)
        let memberBrowser = try await harness.signInThroughPages(member)
        let adminBrowser = try await harness.signedIn(admin)
        try await adminBrowser.get("/admin/users/\(member.id.uuidString)")
        let awaited13 = try await adminBrowser.post("/admin/users/\(member.id.uuidString)/disable").status
        XCTAssertEqual(awaited13, .seeOther)
        let awaited14 = try await memberBrowser.get("/dashboard").headers.first(name: .location)
        XCTAssertEqual(awaited14, "/login")
        let browser = harness.browser()
        try await browser.get("/login")
        let awaited15 = try await browser.post("/login", ["email": member.email, "password": member.password]).status
        XCTAssertEqual(awaited15, .unauthorized)
    }

    func testRoleThatSeesPersonalDataMustEnrol() async throws {
        let member = try await harness.member(.visitor, enrolled: false)
        let browser = harness.browser()
        try await browser.get("/login")
        let response = try await browser.post("/login", ["email": member.email, "password": member.password])
        XCTAssertEqual(response.headers.first(name: .location), "/enrol")
        let awaited16 = try await browser.get("/dashboard").headers.first(name: .location)
        XCTAssertEqual(awaited16, "/login")
        // The analyst role sees only anonymous counts: a second factor is offered, not forced.
        let analyst = try await harness.member(.analyst, enrolled: false)
        let other = harness.browser()
        try await other.get("/login")
        let analystLogin = try await other.post("/login", ["email": analyst.email, "password": analyst.password])
        XCTAssertEqual(analystLogin.headers.first(name: .location), "/dashboard")
    }

    func testInvitationLinkLetsMemberChooseAPassword() async throws {
        let admin = try await harness.member(holding: .all)
        let browser = try await harness.signedIn(admin)
        try await browser.get("/admin/users")
        let created = try await browser.post("/admin/users", ["name": "Beto Invitado", "email": "beto@example.org", "roles[]": "responder"])
        XCTAssertEqual(created.status, .created)
        XCTAssertTrue(created.body.string.contains("Amparo sent nothing: no email or text messages are set up"), "no channel: the page says so")
        let link = try XCTUnwrap(Browser.firstMatch(#"id="invitation-link">([^<]+)<"#, in: created.body.string))
        let path = String(link.dropFirst(harness.config.baseURL.count))
        let invitee = harness.browser()
        let form = try await invitee.get(path)
        XCTAssertTrue(form.body.string.contains("Beto Invitado"))
        let awaited17 = try await invitee.post(path, ["password": "short", "passwordConfirmation": "short"]).status
        XCTAssertEqual(awaited17, .unprocessableEntity)
        let accepted = try await invitee.post(path, ["password": "river stone lantern", "passwordConfirmation": "river stone lantern"])
        XCTAssertEqual(accepted.headers.first(name: .location), "/enrol")
        let awaited18 = try await harness.browser().get(path).status
        XCTAssertEqual(awaited18, .notFound, "the link works once")
    }
}
