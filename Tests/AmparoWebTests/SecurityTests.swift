import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// Checks every route the router knows (not a hand-written list): CSRF on every mutating form route,
/// the role-by-route matrix, and security headers.
final class SecurityTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    enum Access: Equatable {
        case everyone
        /// Only in the middle of signing in (second factor, enrolment).
        case signInStep
        case roles(Set<Role>)
    }

    static let allRoles = Set(Role.allCases)

    /// The expected matrix, written independently of the code's policies. A new route must be added here.
    static let expected: [String: Access] = [
        "GET /": .everyone, "GET /healthz": .everyone, "GET /static/amparo.css": .everyone,
        "GET /static/favicon.svg": .everyone, "GET /static/field-report.js": .everyone, "GET /static/import-progress.js": .everyone,
        "GET /static/live-inbox.js": .everyone, "GET /static/print.js": .everyone, "GET /static/report-location.js": .everyone,
        "GET /report/status": .everyone, "POST /report/status": .everyone,
        "GET /sw.js": .everyone, "GET /static/offline.js": .everyone, "GET /manifest.webmanifest": .everyone, "GET /report/kept": .everyone, "GET /hotline/events": .roles([.dispatcher, .coordinator]), "POST /language": .everyone,
        "GET /setup/:token": .everyone, "POST /setup/:token": .everyone,
        "GET /login": .everyone, "POST /login": .everyone, "POST /logout": .everyone,
        "GET /invite/:token": .everyone, "POST /invite/:token": .everyone,
        "GET /login/2fa": .signInStep, "POST /login/2fa": .signInStep,
        "GET /enrol": .signInStep, "POST /enrol": .signInStep,
        "GET /dashboard": .roles(allRoles), "GET /account": .roles(allRoles),
        "POST /account/password": .roles(allRoles), "POST /account/reach": .roles(allRoles), "POST /account/tokens": .roles(allRoles),
        "POST /account/tokens/:tokenID/revoke": .roles(allRoles),
        "GET /admin/users": .roles([.admin]), "POST /admin/users": .roles([.admin]), "POST /admin/users/invite-many": .roles([.admin]),
        "GET /admin/users/:userID": .roles([.admin]), "POST /admin/users/:userID/roles": .roles([.admin]),
        "POST /admin/users/:userID/teams": .roles([.admin]), "POST /admin/users/:userID/disable": .roles([.admin]),
        "POST /admin/users/:userID/enable": .roles([.admin]), "POST /admin/users/:userID/reset-2fa": .roles([.admin]),
        "POST /admin/users/:userID/invitation": .roles([.admin]),
        "GET /admin/teams": .roles([.admin, .coordinator]), "POST /admin/teams": .roles([.admin, .coordinator]),
        "GET /admin/audit": .roles([.admin]),
        "GET /admin/settings": .roles([.admin]), "POST /admin/settings/organization": .roles([.admin]),
        "POST /admin/settings/:channel": .roles([.admin]), "POST /admin/settings/:channel/test": .roles([.admin]),
        "GET /shifts": .roles([.dispatcher, .responder, .coordinator]), "POST /shifts": .roles([.coordinator]),
        "POST /shifts/:shiftID/remove": .roles([.coordinator]),
        "POST /shifts/:shiftID/offer": .roles([.dispatcher, .responder, .coordinator]),
        "POST /shifts/swaps/:swapID/take": .roles([.dispatcher, .responder, .coordinator]),
        "POST /shifts/fallback": .roles([.coordinator]),
        "GET /cases/counts": .roles([.caseWorker, .legal, .organizer, .analyst]),
        "GET /cases": .roles([.caseWorker, .legal]), "GET /cases/:caseID": .roles([.caseWorker, .legal]),
        "POST /cases/:caseID/person": .roles([.caseWorker, .legal]), "POST /cases/:caseID/events": .roles([.caseWorker, .legal]),
        "POST /cases/:caseID/events/:eventID/correct": .roles([.caseWorker, .legal]),
        "POST /cases/:caseID/contacts": .roles([.caseWorker, .legal]), "POST /cases/:caseID/contacts/:contactID/remove": .roles([.caseWorker, .legal]),
        "POST /cases/:caseID/close": .roles([.caseWorker, .legal]), "GET /cases/:caseID/export": .roles([.caseWorker, .legal]),
        "POST /cases/:caseID/erase": .roles([.caseWorker, .legal]),
        "POST /cases/:caseID/referral": .roles([.caseWorker, .legal]), "POST /cases/:caseID/bonds": .roles([.caseWorker, .legal]),
        "POST /cases/:caseID/bonds/:bondID": .roles([.caseWorker, .legal]), "POST /cases/:caseID/tasks": .roles([.caseWorker, .legal]),
        "POST /cases/:caseID/tasks/:taskID/done": .roles([.caseWorker, .legal]), "POST /cases/:caseID/notes": .roles([.caseWorker, .legal]),
        "POST /cases/:caseID/visits": .roles([.caseWorker, .legal]), "POST /cases/:caseID/visits/:visitID/cancel": .roles([.caseWorker, .legal]),
        // A visitor's own visits; case workers plan them from the case.
        "GET /visits": .roles([.visitor]), "GET /visits/:visitID": .roles([.visitor]), "POST /visits/:visitID/report": .roles([.visitor]),
        "GET /facilities": .roles([.caseWorker, .legal]), "POST /facilities": .roles([.caseWorker, .legal]),
        "GET /facilities/:facilityID": .roles([.caseWorker, .legal]), "POST /facilities/:facilityID": .roles([.caseWorker, .legal]),
        "GET /visitors": .roles([.caseWorker, .legal]), "POST /visitors/:userID": .roles([.caseWorker, .legal]),
        // Places are public; organizers and analysts import ICE's lists and record policies.
        "GET /places": .everyone, "GET /places/map": .everyone, "GET /places/:state": .everyone, "GET /places/:state/:county": .everyone,
        "GET /places/imports": .roles([.organizer, .analyst]), "POST /places/imports": .roles([.organizer, .analyst]),
        "GET /places/imports/:importID": .roles([.organizer, .analyst]), "POST /places/:state/policies": .roles([.organizer, .analyst]),
        "POST /places/:state/:county/policies": .roles([.organizer, .analyst]),
        // Evidence pages are public; organizers and analysts import ICE's records and place each jail in its county.
        "GET /evidence": .everyone, "GET /evidence/:state": .everyone, "GET /evidence/:state/:county": .everyone,
        "GET /evidence/:state/:county/fact-sheet": .everyone, "GET /evidence/facility/:facilityID": .everyone,
        "GET /evidence/imports": .roles([.organizer, .analyst]), "POST /evidence/imports": .roles([.organizer, .analyst]),
        "GET /evidence/imports/:importID": .roles([.organizer, .analyst]), "GET /evidence/facilities": .roles([.organizer, .analyst]),
        "POST /evidence/facilities/:facilityID": .roles([.organizer, .analyst]),
        "GET /records": .roles([.organizer, .legal]), "POST /records": .roles([.organizer, .legal]),
        "GET /records/:requestID": .roles([.organizer, .legal]), "POST /records/:requestID/status": .roles([.organizer, .legal]),
        "POST /records/:requestID/messages": .roles([.organizer, .legal]), "POST /records/:requestID/documents": .roles([.organizer, .legal]),
        "GET /records/:requestID/documents/:documentID": .roles([.organizer, .legal]),
        "GET /campaigns": .roles([.organizer]), "POST /campaigns": .roles([.organizer]), "GET /campaigns/:campaignID": .roles([.organizer]),
        "POST /campaigns/:campaignID/actions": .roles([.organizer]), "POST /campaigns/:campaignID/officials": .roles([.organizer]),
        "POST /campaigns/:campaignID/status": .roles([.organizer]), "POST /campaigns/:campaignID/letters": .roles([.organizer]),
        "GET /campaigns/:campaignID/letters/:letterID/signatures": .roles([.organizer]),
        // A letter is public; its confirmation link is the credential.
        "GET /letters/:letterID": .everyone, "POST /letters/:letterID": .everyone,
        "GET /letters/confirm/:token": .everyone, "POST /letters/confirm/:token": .everyone,
        "GET /stories": .everyone, "GET /stories/new": .everyone, "POST /stories": .everyone,
        "GET /stories/review": .roles([.organizer]), "GET /stories/review/:storyID": .roles([.organizer]),
        "POST /stories/review/:storyID": .roles([.organizer]),
        "GET /events": .everyone, "GET /events/:eventID": .everyone, "POST /events/:eventID": .everyone,
        "GET /events/cancel/:token": .everyone, "POST /events/cancel/:token": .everyone,
        "GET /events/manage": .roles([.organizer]), "POST /events/manage": .roles([.organizer]),
        "GET /events/manage/:eventID": .roles([.organizer]), "POST /events/manage/:eventID/attended/:registrationID": .roles([.organizer]),
        "GET /alerts/subscribe": .everyone, "POST /alerts/subscribe": .everyone,
        "GET /alerts/unsubscribe/:token": .everyone, "POST /alerts/unsubscribe/:token": .everyone,
        "GET /alerts/confirm/:token": .everyone, "POST /alerts/confirm/:token": .everyone,
        "POST /report/photos/:token": .everyone, "GET /hotline/reports/:reportID/photos/:photoID": .roles([.dispatcher, .coordinator]),
        "POST /hotline/reports/:reportID/alert": .roles([.coordinator]),
        "GET /hotline/reports/:reportID/alert": .roles([.coordinator]), "POST /hotline/reports/:reportID/alert/preview": .roles([.coordinator]),
        "GET /hotline/alerts": .roles([.dispatcher, .coordinator]), "GET /respond": .roles([.responder]),
        "POST /cases": .roles([.caseWorker, .legal]), "GET /api/v1/hotline/alerts": .roles([.dispatcher, .coordinator]),
        "POST /hotline/reports/:reportID/reply": .roles([.dispatcher, .coordinator]),
        // Signed by Twilio or refused: no session or role opens it.
        "POST /hooks/twilio/sms": .roles([]), "POST /hooks/twilio/voice": .roles([]),
        "POST /hooks/twilio/voice/language": .roles([]), "POST /hooks/twilio/voice/after-dial": .roles([]),
        "POST /hooks/twilio/voice/voicemail": .roles([]),
        "POST /hotline/reports/:reportID/ban": .roles([.dispatcher, .coordinator]),
        "POST /hotline/reports/:reportID/detained": .roles([.dispatcher, .coordinator]),
        "POST /hotline/reports/:reportID/region": .roles([.dispatcher, .coordinator]),
        "POST /hotline/reports/:reportID/dispatch": .roles([.dispatcher, .coordinator]),
        // The one-time link is the credential: no session needed, nothing opens without it.
        "GET /respond/:token": .everyone, "POST /respond/:token/accept": .everyone,
        "POST /respond/:token/decline": .everyone, "POST /respond/:token/report": .everyone,
        "GET /report": .everyone, "POST /report": .everyone,
        "GET /hotline": .roles([.dispatcher, .coordinator]), "POST /hotline/bulk": .roles([.dispatcher, .coordinator]), "GET /hotline/reports/:reportID": .roles([.dispatcher, .coordinator]),
        "POST /hotline/reports/:reportID/claim": .roles([.dispatcher, .coordinator]),
        "POST /hotline/reports/:reportID/status": .roles([.dispatcher, .coordinator]),
        "POST /hotline/reports/:reportID/urgency": .roles([.dispatcher, .coordinator]),
        "GET /api/v1/openapi.json": .everyone, "GET /api/v1/health": .everyone,
        "GET /api/v1/me": .roles(allRoles), "GET /api/v1/teams": .roles(allRoles.subtracting([.analyst])),
        "GET /api/v1/teams/:teamID": .roles(allRoles.subtracting([.analyst])),
        "POST /api/v1/teams": .roles([.admin, .coordinator]), "GET /api/v1/users": .roles([.admin]),
        "GET /api/v1/users/:userID": .roles([.admin]), "GET /api/v1/audit/verify": .roles([.admin]),
        "GET /api/v1/hotline/reports": .roles([.dispatcher, .coordinator]),
        "GET /api/v1/hotline/shifts": .roles([.dispatcher, .responder, .coordinator]),
        "GET /api/v1/records": .roles([.organizer, .legal]), "GET /api/v1/records/:requestID": .roles([.organizer, .legal]),
        "GET /api/v1/events": .everyone, "GET /api/v1/events/:eventID": .everyone,
        "GET /api/v1/campaigns": .roles([.organizer]), "GET /api/v1/campaigns/:campaignID": .roles([.organizer]),
        "GET /api/v1/letters/:letterID": .everyone, "GET /api/v1/stories": .everyone,
        "GET /api/v1/events/manage": .roles([.organizer]), "GET /api/v1/events/manage/:eventID": .roles([.organizer]),
        "GET /api/v1/evidence": .everyone, "GET /api/v1/evidence/:state": .everyone, "GET /api/v1/evidence/:state/:county": .everyone,
        "GET /api/v1/places": .everyone, "GET /api/v1/places/:state": .everyone, "GET /api/v1/places/:state/:county": .everyone,
        "GET /api/v1/places/imports": .roles([.organizer, .analyst]), "GET /api/v1/places/imports/:importID": .roles([.organizer, .analyst]),
    ]

    var routes: [(key: String, route: Route)] {
        harness.app.routes.all.map { ("\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))", $0) }
    }

    func concretePath(_ route: Route, userID: UUID) -> String {
        "/" + route.path.map { component -> String in
            switch component.description {
            case ":userID": userID.uuidString
            case ":tokenID", ":teamID", ":reportID", ":shiftID", ":swapID", ":photoID", ":caseID", ":eventID", ":contactID", ":bondID", ":taskID", ":visitID",
                 ":facilityID", ":requestID", ":documentID", ":campaignID",
                 ":letterID", ":storyID", ":eventID", ":registrationID": UUID().uuidString
            case ":token": "not-a-real-token"
            case ":state": "or"
            case ":channel": "signal"
            case ":county": "marion-county"
            case ":importID": UUID().uuidString
            default: component.description
            }
        }.joined(separator: "/")
    }

    func testEveryRouteIsInTheMatrixAndHasAPolicy() {
        for (key, route) in routes {
            XCTAssertNotNil(Self.expected[key], "\(key) is not in the expected matrix")
            XCTAssertNotNil(route.policy, "\(key) has no access policy")
        }
        XCTAssertEqual(Set(routes.map(\.key)), Set(Self.expected.keys), "the matrix lists a route that does not exist")
    }

    func testRoleByRouteMatrix() async throws {
        var members: [Role: TestHarness.Member] = [:]
        for role in Role.allCases { members[role] = try await harness.member(role) }
        let pairRoles: Set<Role> = [.dispatcher, .organizer]
        let pair = try await harness.member(holding: RoleSet(pairRoles))
        for (key, route) in routes {
            let access = try XCTUnwrap(Self.expected[key])
            for role in Role.allCases {
                let target = try await harness.member(.responder)
                let status = try await request(route, as: members[role]!, target: target.id)
                let allowed: Bool = switch access {
                case .everyone: true
                case .signInStep: false
                case .roles(let roles): roles.contains(role)
                }
                let refused = status.code == 403 || status.code == 401 || status.location == "/login"
                    || (access == .signInStep && status.location == "/dashboard")
                if access == .everyone {
                    // Open routes may still answer 401 to wrong credentials; they never refuse by role.
                    XCTAssertNotEqual(status.code, 403, "\(key) as \(role) should be open, got \(status.code)")
                } else if allowed {
                    XCTAssertFalse(refused, "\(key) as \(role) should be allowed, got \(status.code)")
                } else {
                    XCTAssertTrue(refused, "\(key) as \(role) should be refused, got \(status.code)")
                }
                XCTAssertLessThan(status.code, 500, "\(key) as \(role)")
            }
            // Several roles open exactly what each of them opens.
            if case .roles(let roles) = access {
                let status = try await request(route, as: pair, target: try await harness.member(.responder).id)
                let refused = status.code == 403 || status.code == 401 || status.location == "/login"
                XCTAssertEqual(refused, roles.isDisjoint(with: pairRoles), "\(key) as \(pairRoles.map(\.rawValue))")
            }
            // Nobody signed in: only what is open to everyone.
            let anonymous = try await request(route, as: nil, target: UUID())
            if access != .everyone {
                XCTAssertTrue(
                    [401, 403].contains(anonymous.code) || anonymous.location == "/login", "\(key) anonymously should be refused, got \(anonymous.code)")
            }
        }
    }

    struct Outcome { let code: UInt; let location: String? }

    private func request(_ route: Route, as member: TestHarness.Member?, target: UUID) async throws -> Outcome {
        let path = concretePath(route, userID: target)
        if path.hasPrefix("/api/") {
            var headers = HTTPHeaders()
            if let member { headers.bearerAuthorization = .init(token: try await apiToken(for: member)) }
            headers.contentType = .json
            var body = ByteBuffer()
            body.writeString(#"{"name":"Team \#(UUID().uuidString.prefix(6))","region":"North"}"#)
            let response = try await harness.browser().send(route.method, path, headers: headers, body: route.method == .POST ? body : nil)
            return Outcome(code: response.status.code, location: response.headers.first(name: .location))
        }
        let browser = member == nil ? harness.browser() : try await harness.signedIn(member!)
        try await browser.get("/account")  // any page, for the CSRF token
        let response = route.method == .GET ? try await browser.get(path) : try await browser.post(path)
        return Outcome(code: response.status.code, location: response.headers.first(name: .location))
    }

    private func apiToken(for member: TestHarness.Member) async throws -> String { try await harness.apiToken(for: member) }

    func testEveryMutatingFormRouteRejectsMissingOrWrongCSRFToken() async throws {
        let admin = try await harness.member(.admin)
        let target = try await harness.member(.responder)
        let mutating = routes.filter { $0.route.method != .GET && $0.route.policy?.checksCSRF == true }
        XCTAssertGreaterThan(mutating.count, 15)
        for (key, route) in mutating {
            let path = concretePath(route, userID: target.id)
            for choice in [Browser.CSRFChoice.none, .value("forged-token"), .value("")] {
                let browser = try await harness.signedIn(admin)
                try await browser.get("/account")
                let response = try await browser.post(path, ["name": "x", "role": "admin", "language": "es"], csrf: choice)
                XCTAssertEqual(response.status, .forbidden, "\(key) accepted \(choice)")
            }
            // A token from another session does not work either.
            let other = try await harness.signedIn(admin)
            try await other.get("/account")
            let browser = try await harness.signedIn(admin)
            let response = try await browser.post(path, ["language": "es"], csrf: .value(other.csrfToken!))
            XCTAssertEqual(response.status, .forbidden, "\(key) accepted another session's token")
        }
        let unchanged = try await UserModel.find(target.id, on: harness.app.db)
        XCTAssertNil(unchanged?.disabledAt, "nothing was changed by a rejected request")
    }

    func testSecurityHeadersOn200And404And500() async throws {
        struct Boom: Error {}
        harness.app.get("test-only-explode") { _ -> String in throw Boom() }.policy(.open)
        for (path, status) in [("/", HTTPStatus.ok), ("/no-such-page", .notFound), ("/test-only-explode", .internalServerError), ("/api/v1/me", .unauthorized)] {
            let response = try await harness.browser().get(path)
            XCTAssertEqual(response.status, status, path)
            let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
            XCTAssertTrue(csp.contains("default-src 'none'"), path)
            XCTAssertTrue(csp.contains("frame-ancestors 'none'"), path)
            XCTAssertFalse(csp.contains("unsafe-inline"), path)
            XCTAssertEqual(response.headers.first(name: "Referrer-Policy"), "no-referrer", path)
            XCTAssertEqual(response.headers.first(name: "X-Content-Type-Options"), "nosniff", path)
            XCTAssertEqual(response.headers.first(name: "X-Frame-Options"), "DENY", path)
            XCTAssertNil(response.headers.first(name: "Strict-Transport-Security"), "no HSTS over plain HTTP")
        }
        let error = try await harness.browser().get("/test-only-explode")
        XCTAssertFalse(error.body.string.contains("Boom"), "no internals on the error page")
    }

    func testPubliclyCacheableFilesCarryNoCookie() async throws {
        for path in ["/static/amparo.css", "/static/favicon.svg", "/static/field-report.js", "/static/offline.js", "/static/print.js"] {
            let response = try await harness.browser().get(path)
            XCTAssertEqual(response.status, .ok, path)
            XCTAssertTrue(response.headers.first(name: .cacheControl)?.contains("public") == true, path)
            XCTAssertTrue(response.headers[.setCookie].isEmpty, "\(path): \(response.headers[.setCookie])")
        }
        let page = try await harness.browser().get("/report")
        XCTAssertFalse(page.headers[.setCookie].isEmpty, "a page with a form still binds its CSRF token to a browser cookie")
    }

    func testBehindTLSProxyCookiesAreHostPrefixedAndSecureWithHSTS() async throws {
        try await harness.shutdown()
        harness = try await TestHarness.make { $0.trustedProxies = .loopback }
        let browser = harness.browser()
        browser.headers.replaceOrAdd(name: "X-Forwarded-Proto", value: "https")
        let response = try await browser.get("/login")
        XCTAssertNotNil(response.headers.first(name: "Strict-Transport-Security"))
        let cookie = try XCTUnwrap(response.headers[.setCookie].first)
        XCTAssertTrue(cookie.hasPrefix("__Host-amparo_browser="), cookie)
        XCTAssertTrue(cookie.contains("Secure"))
        XCTAssertTrue(cookie.contains("Path=/"))
        XCTAssertFalse(cookie.lowercased().contains("domain="))
        let member = try await harness.member(.responder)
        let login = try await browser.post("/login", ["email": member.email, "password": member.password])
        XCTAssertEqual(login.status, .seeOther)
        XCTAssertTrue(login.headers[.setCookie].contains { $0.hasPrefix("__Host-amparo_session=") && $0.contains("Secure") })
    }

    func testBcryptCostIsTwelveByDefault() async throws {
        XCTAssertEqual(AmparoConfig(dataDirectory: URL(fileURLWithPath: "/tmp")).passwordCost, 12)
        try await harness.shutdown()
        harness = try await TestHarness.make { $0.passwordCost = 12 }
        let hash = try await harness.app.password.async.hash("sunflower tortilla harbor")
        XCTAssertTrue(hash.hasPrefix("$2b$12$"), hash)
    }

    func testOpenRedirectIsRefused() {
        XCTAssertEqual(PublicRoutes.safeLocalPath("https://evil.example"), "/")
        XCTAssertEqual(PublicRoutes.safeLocalPath("//evil.example"), "/")
        XCTAssertEqual(PublicRoutes.safeLocalPath("/\\evil.example"), "/")
        XCTAssertEqual(PublicRoutes.safeLocalPath("/account"), "/account")
    }
}

private extension SecurityTests.Outcome {
    var status: Self { self }
}
