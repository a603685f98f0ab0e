import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

final class AdminAndLanguageTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func testInviteFormValidatesAndKeepsWhatWasTyped() async throws {
        let admin = try await harness.member(.admin)
        let browser = try await harness.signedIn(admin)
        try await browser.get("/admin/users")
        let before = try await UserModel.query(on: harness.app.db).count()
        var page = try await browser.post("/admin/users", ["name": "Nadia Nueva", "email": "not-an-email", "role": "responder", "phone": "12"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("Enter an email address like name@example.org."))
        XCTAssertTrue(page.body.string.contains("Enter a phone number with 7 to 15 digits"), "every problem at once")
        XCTAssertTrue(page.body.string.contains("value=\"Nadia Nueva\""))
        page = try await browser.post("/admin/users", ["name": "Nadia Nueva", "email": "nadia@example.org", "role": "sheriff"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        page = try await browser.post("/admin/users", ["name": "Nadia Nueva", "email": admin.email, "role": "responder"])
        XCTAssertEqual(page.status, .conflict)
        let after = try await UserModel.query(on: harness.app.db).count()
        XCTAssertEqual(before, after, "no half-written member")
    }

    func testTeamsRolesAndSelfProtection() async throws {
        let admin = try await harness.member(.admin)
        let member = try await harness.member(.responder)
        let browser = try await harness.signedIn(admin)
        try await browser.get("/admin/teams")
        let awaited1 = try await browser.post("/admin/teams", ["name": "", "region": "x"]).status
        XCTAssertEqual(awaited1, .unprocessableEntity)
        let awaited2 = try await browser.post("/admin/teams", ["name": "Eastside", "region": "East"]).status
        XCTAssertEqual(awaited2, .seeOther)
        let awaited3 = try await browser.post("/admin/teams", ["name": "Eastside", "region": "East"]).status
        XCTAssertEqual(awaited3, .conflict)
        let team = try await TeamModel.query(on: harness.app.db).first()!

        try await browser.get("/admin/users/\(member.id.uuidString)")
        try await browser.post("/admin/users/\(member.id.uuidString)/teams", pairs: [("teams[]", team.id!.uuidString)])
        try await browser.post("/admin/users/\(member.id.uuidString)/role", ["role": "dispatcher"])
        let updated = try await UserModel.query(on: harness.app.db).filter(\.$id == member.id).with(\.$teams).first()!
        XCTAssertEqual(updated.role, "dispatcher")
        XCTAssertEqual(updated.teams.map(\.name), ["Eastside"])

        let awaited4 = try await browser.post("/admin/users/\(admin.id.uuidString)/role", ["role": "analyst"]).status
        XCTAssertEqual(awaited4, .unprocessableEntity)
        let awaited5 = try await browser.post("/admin/users/\(admin.id.uuidString)/disable").status
        XCTAssertEqual(awaited5, .unprocessableEntity)
        let awaited6 = try await browser.get("/admin/users/\(UUID().uuidString)").status
        XCTAssertEqual(awaited6, .notFound)
    }

    func testSpanishFromAcceptLanguageCookieAndProfile() async throws {
        let browser = harness.browser()
        try await harness.ensureOrganization()
        var page = try await browser.get("/login", headers: ["Accept-Language": "es-MX,es;q=0.9"])
        XCTAssertTrue(page.body.string.contains("<html lang=\"es\">"))
        XCTAssertTrue(page.body.string.contains("Iniciar sesión"))
        page = try await browser.post("/language", ["language": "en", "back": "/login"])
        XCTAssertEqual(page.headers.first(name: .location), "/login")
        page = try await browser.get("/login", headers: ["Accept-Language": "es"])
        XCTAssertTrue(page.body.string.contains("<html lang=\"en\">"), "the explicit choice beats the browser's header")
        let awaited7 = try await browser.post("/language", ["language": "fr"]).status
        XCTAssertEqual(awaited7, .unprocessableEntity)
        let awaited8 = try await browser.post("/language", ["language": "es", "back": "https://evil.example/"]).headers.first(name: .location)
        XCTAssertEqual(awaited8, "/")

        let member = try await harness.member(.organizer)
        let signedIn = try await harness.signedIn(member)
        try await signedIn.get("/dashboard")
        try await signedIn.post("/language", ["language": "es", "back": "/dashboard"])
        let user = try await UserModel.find(member.id, on: harness.app.db)
        XCTAssertEqual(user?.language, "es")
        let other = try await harness.signedIn(member)
        page = try await other.get("/dashboard", headers: ["Accept-Language": "en"])
        XCTAssertTrue(page.body.string.contains("Hola, "), "the profile's language follows the member")
    }

    func testErrorPagesAreInTheVisitorsLanguage() async throws {
        let page = try await harness.browser().get("/nothing-here", headers: ["Accept-Language": "es"])
        XCTAssertEqual(page.status, .notFound)
        XCTAssertTrue(page.body.string.contains("No hay nada en esta dirección"))
        let method = try await harness.browser().send(.DELETE, "/login", headers: [:], body: nil)
        XCTAssertEqual(method.status, .methodNotAllowed)
        XCTAssertEqual(method.headers.first(name: "Allow"), "GET, POST")
    }

    func testPurgeRemovesExpiredSessionsAndSpentInvitations() async throws {
        let member = try await harness.member(.responder)
        _ = try await harness.signedIn(member)
        _ = try await Accounts.issueInvitation(for: member.id, on: harness.app.db, services: harness.services)
        XCTAssertEqual(Set(harness.services.purge.registeredNames),
                       ["sessions.expired", "invitations.expired", "reports.unconfirmed", "notices.old", "subscriptions.unconfirmed", "letters.unconfirmed",
                        "cases.closed"])
        var results = await Operations.purge(harness.app)
        XCTAssertEqual(results.map(\.removed), [0, 0, 0, 0, 0, 0, 0])
        harness.clock.advance(by: 80 * 3600)
        results = await Operations.purge(harness.app)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0.removed) }),
                       ["sessions.expired": 1, "invitations.expired": 1, "reports.unconfirmed": 0, "notices.old": 0, "subscriptions.unconfirmed": 0, "letters.unconfirmed": 0,
                        "cases.closed": 0])
        let awaited9 = try await SessionModel.query(on: harness.app.db).count()
        XCTAssertEqual(awaited9, 0)
    }

    func testDemoDataLoadsOnceWithInvitationLinksAndNoPasswords() async throws {
        let first = try await Operations.loadDemo(harness.app)
        XCTAssertEqual(first.count, Operations.demoMembers.count + 1, "the members and an admin")
        XCTAssertTrue(first.allSatisfy { $0.link?.contains("/invite/") == true })
        XCTAssertEqual(Set(first.map(\.role)), Set(Role.allCases))
        let second = try await Operations.loadDemo(harness.app)
        XCTAssertTrue(second.allSatisfy { $0.link == nil }, "running it twice changes nothing")
        let withPasswords = try await UserModel.query(on: harness.app.db).filter(\.$passwordHash != nil).count()
        XCTAssertEqual(withPasswords, 0)
        let awaited10 = try await TeamModel.query(on: harness.app.db).count()
        XCTAssertEqual(awaited10, 4)
    }
}
