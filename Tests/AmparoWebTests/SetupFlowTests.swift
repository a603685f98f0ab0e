import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

final class SetupFlowTests: XCTestCase {
    func testFirstRunSetupEnrolmentAndDashboard() async throws {
        let harness = try await TestHarness.make()
        defer { Task { try? await harness.shutdown() } }
        let link = try await XCTUnwrapAsync(try await Operations.setupLinkIfNeeded(harness.app))
        let path = String(link.dropFirst(harness.config.baseURL.count))
        let browser = harness.browser()

        var page = try await browser.get("/")
        XCTAssertTrue(page.body.string.contains("not set up yet"))

        page = try await browser.get(path)
        XCTAssertEqual(page.status, .ok)
        // A weak password is refused with a message and nothing is created.
        page = try await browser.post(path, [
            "organization": "Río Valley Defense", "name": "Ana Admin", "email": "ana@example.org",
            "password": "short", "passwordConfirmation": "short",
        ])
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("at least 12 characters"))
        XCTAssertTrue(page.body.string.contains("Río Valley Defense"), "what the person typed is kept")
        let organizations = try await OrganizationModel.query(on: harness.app.db).count()
        XCTAssertEqual(organizations, 0)

        page = try await browser.post(path, [
            "organization": "Río Valley Defense", "name": "Ana Admin", "email": "ana@example.org",
            "password": "sunflower tortilla harbor", "passwordConfirmation": "sunflower tortilla harbor",
        ])
        XCTAssertEqual(page.status, .seeOther)
        XCTAssertEqual(page.headers.first(name: .location), "/enrol")

        // Admins see personal data: the dashboard waits until the second factor is enrolled.
        page = try await browser.get("/dashboard")
        XCTAssertEqual(page.headers.first(name: .location), "/login")

        page = try await browser.get("/enrol")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("<svg"), "QR code drawn on the server")
        XCTAssertTrue(page.body.string.contains(#"id="otpauth-link" href="otpauth://totp/Amparo:"#), "on the phone itself, a link opens the key in the app")
        let shown = try XCTUnwrap(Browser.firstMatch(#"id="totp-secret">(.*?)</p>"#, in: page.body.string))
            .replacingOccurrences(of: "<span>", with: "").replacingOccurrences(of: "</span>", with: "")
        let totp = AmparoDomain.TOTP(secret: try XCTUnwrap(Base32.decode(shown)))

        page = try await browser.post("/enrol", ["code": "000000"])
        XCTAssertEqual(page.status, .unprocessableEntity)
        page = try await browser.post("/enrol", ["code": totp.code(at: harness.clock.now())])
        XCTAssertEqual(page.status, .ok)
        let codes = page.body.string.components(separatedBy: "<li>").dropFirst().compactMap { $0.components(separatedBy: "</li>").first }
            .filter { $0.count == 11 && $0.contains("-") }
        XCTAssertEqual(codes.count, 10)
        let download = try XCTUnwrap(Browser.firstMatch(#"id="recovery-download" download="amparo-recovery-codes.txt" href="data:text/plain;charset=utf-8,([^"]+)""#,
                                                        in: page.body.string)?.removingPercentEncoding)
        XCTAssertEqual(download.split(separator: "\n").suffix(10).map(String.init), codes, "the download holds the same ten codes")

        page = try await browser.get("/dashboard")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("Welcome, Ana Admin"))
        let dashboard = page.body.string

        // The link is spent, and a second setup is impossible.
        page = try await harness.browser().get(path)
        XCTAssertEqual(page.status, .notFound)
        let again = try await Operations.setupLinkIfNeeded(harness.app)
        XCTAssertNil(again)
        let actions = try await AuditEntryModel.query(on: harness.app.db).sort(\.$sequence).all().map(\.action)
        XCTAssertEqual(actions, ["organization.setup", "user.create", "user.enrol_2fa", "login.success"])

        // Whoever sets the group up runs it at first: she holds every role and every module opens.
        let found = try await UserModel.query(on: harness.app.db).first()
        let first = try XCTUnwrap(found)
        XCTAssertEqual(first.roles, .all)
        for path in ["/hotline", "/shifts", "/cases", "/campaigns", "/evidence/imports", "/places/imports", "/admin/users"] {
            let status = try await browser.get(path).status
            XCTAssertEqual(status, .ok, path)
            XCTAssertTrue(dashboard.contains("href=\"\(path)\""), "the dashboard lists \(path)")
        }
    }

    func testWhenPasswordWorkIsBusySetupComesBackWithWhatWasTyped() async throws {
        let harness = try await TestHarness.make {
            $0.passwordCost = 10
            $0.passwordThreads = 1
            $0.passwordQueue = 1
        }
        defer { Task { try? await harness.shutdown() } }
        let link = try await XCTUnwrapAsync(try await Operations.setupLinkIfNeeded(harness.app))
        let path = String(link.dropFirst(harness.config.baseURL.count))
        let browsers = (0..<12).map { _ in
            let browser = harness.browser()
            browser.headers.replaceOrAdd(name: .acceptLanguage, value: "es")
            return browser
        }
        for browser in browsers { try await browser.get(path) }
        let fields = ["organization": "Red de Defensa del Valle", "name": "Ana Admin", "email": "ana@example.org",
                      "password": "sunflower tortilla harbor", "passwordConfirmation": "sunflower tortilla harbor"]
        let answers = try await withThrowingTaskGroup(of: BrowserResponse.self) { group in
            for browser in browsers { group.addTask { try await browser.post(path, fields) } }
            return try await group.reduce(into: [BrowserResponse]()) { $0.append($1) }
        }
        XCTAssertTrue(answers.allSatisfy { [.seeOther, .gone, .tooManyRequests].contains($0.status) }, "\(answers.map(\.status))")
        XCTAssertEqual(answers.filter { $0.status == .seeOther }.count, 1, "one organization is set up")
        let busy = try XCTUnwrap(answers.first { $0.status == .tooManyRequests }, "one thread and a queue of one cannot take 12 at once")
        XCTAssertEqual(busy.headers.first(name: .retryAfter), "5")
        XCTAssertTrue(busy.body.string.contains("Amparo está ocupado revisando contraseñas"), busy.body.string)
        XCTAssertTrue(busy.body.string.contains("Red de Defensa del Valle"), "what the person typed is kept")
        XCTAssertFalse(busy.body.string.contains("sunflower tortilla harbor"), "but not the password")
        let organizations = try await OrganizationModel.query(on: harness.app.db).count()
        XCTAssertEqual(organizations, 1)
    }

    func testUnknownSetupLinkIsRefused() async throws {
        let harness = try await TestHarness.make()
        defer { Task { try? await harness.shutdown() } }
        _ = try await Operations.setupLinkIfNeeded(harness.app)
        let page = try await harness.browser().get("/setup/not-the-token")
        XCTAssertEqual(page.status, .notFound)
        XCTAssertTrue(page.body.string.contains("Restart Amparo to get a new one"))
    }
}

func XCTUnwrapAsync<T>(_ value: @autoclosure () async throws -> T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    let resolved = try await value()
    return try XCTUnwrap(resolved, file: file, line: line)
}
