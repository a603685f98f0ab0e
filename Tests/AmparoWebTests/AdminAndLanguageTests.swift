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
        let admin = try await harness.member(holding: .all)
        let browser = try await harness.signedIn(admin)
        try await browser.get("/admin/users")
        let before = try await UserModel.query(on: harness.app.db).count()
        var page = try await browser.post("/admin/users", ["name": "Nadia Nueva", "email": "not-an-email", "roles[]": "responder", "phone": "12"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("Enter an email address like name@example.org."))
        XCTAssertTrue(page.body.string.contains("Enter a phone number with 7 to 15 digits"), "every problem at once")
        XCTAssertTrue(page.body.string.contains("value=\"Nadia Nueva\""))
        XCTAssertTrue(page.body.string.contains("value=\"responder\" checked"), "the roles ticked stay ticked")
        page = try await browser.post("/admin/users", ["name": "Nadia Nueva", "email": "nadia@example.org", "roles[]": "sheriff"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("Choose one of the listed roles."))
        page = try await browser.post("/admin/users", ["name": "Nadia Nueva", "email": "nadia@example.org"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("Choose at least one role."))
        page = try await browser.post("/admin/users", ["name": "Nadia Nueva", "email": admin.email, "roles[]": "responder"])
        XCTAssertEqual(page.status, .conflict)
        let after = try await UserModel.query(on: harness.app.db).count()
        XCTAssertEqual(before, after, "no half-written member")
    }

    func testAPastedListInvitesEveryoneOrNobodyAndSaysWhichLinesToFix() async throws {
        let admin = try await harness.member(holding: .all)
        let browser = try await harness.signedIn(admin)
        try await browser.get("/admin/users")
        let before = try await UserModel.query(on: harness.app.db).count()
        let flawed = "Ana Pérez, ana@example.org, (503) 555-0100\nJosé Ruiz\n\(admin.email), Admin Again\nana@example.org; Ana P.\nLuis, luis@\n"
        var page = try await browser.post("/admin/users/invite-many", ["people": flawed, "roles[]": "responder"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        let html = page.body.string
        for said in ["Line 2: no email address on this line.", "Line 3: Someone already has an account with this email address.",
                     "Line 4: this email is also on line 1.", "Line 5: Enter an email address like name@example.org."] {
            XCTAssertTrue(html.contains(said), said)
        }
        XCTAssertTrue(html.contains("José Ruiz\n"), "the list stays as pasted")
        XCTAssertTrue(html.contains("<details id=\"invite-many\" open>"), "the refused list is open")
        var after = try await UserModel.query(on: harness.app.db).count()
        XCTAssertEqual(after, before, "nobody is invited while a line is wrong")

        page = try await browser.post("/admin/users/invite-many", ["people": "\n\n", "roles[]": "responder"])
        XCTAssertTrue(page.body.string.contains("Paste at least one person"), page.body.string)

        let list = "Nombre, Correo\nAna Pérez, ana@example.org, (503) 555-0100\nJosé\tRuiz\tjose@example.org\n\nluis@example.org, Luis Ortiz\n"
        page = try await browser.post("/admin/users/invite-many", ["people": list, "roles[]": "visitor"])
        XCTAssertEqual(page.status, .created, page.body.string)
        after = try await UserModel.query(on: harness.app.db).count()
        XCTAssertEqual(after, before + 3)
        XCTAssertTrue(page.body.string.contains("3 invitations made."), "no channel is set up, so none went out")
        XCTAssertEqual(page.body.string.components(separatedBy: "Not sent: pass on the link").count - 1, 3)
        let links = page.body.string.matches(of: /\/invite\/([A-Za-z0-9_-]+)</).map { String($0.output.1) }
        XCTAssertEqual(links.count, 3)
        let jose = try await harness.accounts.find(email: "jose@example.org")
        XCTAssertEqual(jose?.roles, [.visitor])
        let audited = try await AuditEntryModel.query(on: harness.app.db).filter(\.$action == "user.create").count()
        XCTAssertEqual(audited, 3)
        let invited = try await harness.browser().get("/invite/\(links[1])")
        XCTAssertEqual(invited.status, .ok, "each link opens its invitation")
    }

    func testTeamsRolesAndSelfProtection() async throws {
        let admin = try await harness.member(holding: .all)
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
        try await browser.post("/admin/users/\(member.id.uuidString)/roles", pairs: [("roles[]", "dispatcher"), ("roles[]", "responder")])
        let updated = try await UserModel.query(on: harness.app.db).filter(\.$id == member.id).with(\.$teams).first()!
        XCTAssertEqual(updated.roles, [.dispatcher, .responder])
        XCTAssertEqual(updated.storedRoles, "dispatcher,responder")
        XCTAssertEqual(updated.teams.map(\.name), ["Eastside"])

        // The first admin can drop any role of her own but admin.
        let dropped = try await browser.post("/admin/users/\(admin.id.uuidString)/roles", pairs: [("roles[]", "admin"), ("roles[]", "legal")])
        XCTAssertEqual(dropped.status, .seeOther)
        let refused = try await browser.post("/admin/users/\(admin.id.uuidString)/roles", ["roles[]": "legal"])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.body.string.contains("You cannot take the admin role from yourself."))
        XCTAssertFalse(refused.body.string.contains("value=\"admin\" checked"), "the refused form keeps what was ticked")
        let kept = try await UserModel.find(admin.id, on: harness.app.db)!
        XCTAssertEqual(kept.roles, [.admin, .legal])
        let awaited5 = try await browser.post("/admin/users/\(admin.id.uuidString)/disable").status
        XCTAssertEqual(awaited5, .unprocessableEntity)
        let awaited6 = try await browser.get("/admin/users/\(UUID().uuidString)").status
        XCTAssertEqual(awaited6, .notFound)
    }

    func testNobodyGivesARoleTheyDoNotHold() async throws {
        let admin = try await harness.member(.admin)
        let lawyer = try await harness.member(.legal)
        let browser = try await harness.signedIn(admin)
        var page = try await browser.get("/admin/users")
        XCTAssertTrue(page.body.string.contains("value=\"coordinator\" disabled"), "a role the admin lacks cannot be ticked")
        XCTAssertTrue(page.body.string.contains("id=\"roles-guide\""), "the page says what each role opens")
        page = try await browser.post("/admin/users", ["name": "Nadia Nueva", "email": "nadia@example.org", "roles[]": "coordinator"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("You can only give roles you hold yourself."))
        let none = try await UserModel.query(on: harness.app.db).count()
        XCTAssertEqual(none, 2, "nobody was invited")

        // Roles the admin does not hold stay as they were: neither given nor taken by her.
        page = try await browser.post("/admin/users/\(lawyer.id.uuidString)/roles", ["roles[]": "dispatcher"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        page = try await browser.post("/admin/users/\(lawyer.id.uuidString)/roles", ["roles[]": "admin"])
        XCTAssertEqual(page.status, .seeOther)
        let promoted = try await UserModel.find(lawyer.id, on: harness.app.db)!
        XCTAssertEqual(promoted.roles, [.admin, .legal], "legal was kept although its box could not be sent")
    }

    func testTheLastAdminKeepsTheRole() async throws {
        let admin = try await harness.member(holding: [.admin, .coordinator])
        let store = MembersStore(harness.app.db, sealer: harness.services.sealer)
        let refused = try await store.setRoles([.coordinator], of: UserID(admin.id))
        XCTAssertFalse(refused)
        let unchanged = try await UserModel.find(admin.id, on: harness.app.db)!.roles
        XCTAssertEqual(unchanged, [.admin, .coordinator])
        let second = try await harness.member(.admin)
        let allowed = try await store.setRoles([.coordinator], of: UserID(admin.id))
        XCTAssertTrue(allowed, "with another admin, she may step down")
        let secondStays = try await store.setRoles([.legal], of: UserID(second.id))
        XCTAssertFalse(secondStays, "and now the other is the last")
    }

    func testSeveralRolesOpenTheUnionAndNothingMore() async throws {
        let member = try await harness.member(holding: [.dispatcher, .caseWorker])
        let browser = try await harness.signedIn(member)
        for path in ["/hotline", "/cases", "/shifts"] {
            let status = try await browser.get(path).status
            XCTAssertEqual(status, .ok, path)
        }
        for path in ["/campaigns", "/admin/users", "/visits", "/places/imports"] {
            let status = try await browser.get(path).status
            XCTAssertEqual(status, .forbidden, path)
        }
        let dashboard = try await browser.get("/dashboard").body.string
        XCTAssertTrue(dashboard.contains("href=\"/hotline\"") && dashboard.contains("href=\"/cases\""))
        XCTAssertFalse(dashboard.contains("href=\"/campaigns\""))
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
        XCTAssertEqual(Set(first.flatMap(\.roles)), Set(Role.allCases))
        XCTAssertEqual(first.first?.roles, .all, "the demo's admin holds every role, like a real group's first")
        let second = try await Operations.loadDemo(harness.app)
        XCTAssertTrue(second.allSatisfy { $0.link == nil }, "running it twice changes nothing")
        let withPasswords = try await UserModel.query(on: harness.app.db).filter(\.$passwordHash != nil).count()
        XCTAssertEqual(withPasswords, 0)
        let awaited10 = try await TeamModel.query(on: harness.app.db).count()
        XCTAssertEqual(awaited10, 4)
    }
}
