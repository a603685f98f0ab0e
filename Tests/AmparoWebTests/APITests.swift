import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

final class APITests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    /// Creates a token through the account page, as a member would.
    func token(for member: TestHarness.Member) async throws -> (Browser, String) {
        let browser = try await harness.signedIn(member)
        try await browser.get("/account")
        let page = try await browser.post("/account/tokens", ["name": "script"])
        XCTAssertEqual(page.status, .ok)
        return (browser, try XCTUnwrap(Browser.firstMatch(#"id="new-token">([^<]+)<"#, in: page.body.string)))
    }

    func call(_ method: HTTPMethod, _ path: String, token: String?, json: String? = nil, contentType: HTTPMediaType = .json) async throws -> BrowserResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = contentType
            body = ByteBuffer(string: json)
        }
        return try await harness.browser().send(method, path, headers: headers, body: body)
    }

    func testTokenActsWithItsOwnersRoleAndIsStoredHashed() async throws {
        let member = try await harness.member(.coordinator, name: "Coral Coordinator", phone: "5035550111")
        let (_, token) = try await token(for: member)
        let me = try await call(.GET, "/api/v1/me", token: token)
        XCTAssertEqual(me.status, .ok)
        let dto = try me.content.decode(MeDTO.self)
        XCTAssertEqual(dto.name, "Coral Coordinator")
        XCTAssertEqual(dto.roles, [.coordinator])
        let awaited1 = try await call(.GET, "/api/v1/users", token: token).status
        XCTAssertEqual(awaited1, .forbidden)
        let awaited2 = try await call(.POST, "/api/v1/teams", token: token, json: #"{"name":"North","region":"North County"}"#).status
        XCTAssertEqual(awaited2, .created)
        let digests = try await APITokenModel.query(on: harness.app.db).all()
        XCTAssertFalse(digests.contains { $0.tokenDigest == token })
        XCTAssertEqual(digests.first?.tokenDigest, SecretDigest.of(token))
    }

    func testAReadOnlyTokenReadsWhatItsRoleReadsChangesNothingAndExpiresWhenChosen() async throws {
        let member = try await harness.member(.coordinator, name: "Coral Coordinator")
        let browser = try await harness.signedIn(member)
        try await browser.get("/account")
        let refused = try await browser.post("/account/tokens", ["name": "weekly counts", "access": "everything", "days": "30"])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.body.string.contains("Choose what the token may do"), refused.body.string)
        XCTAssertTrue(refused.body.string.contains(#"value="weekly counts""#), "the name typed is kept")
        let tokensAfterRefusal = try await APITokenModel.query(on: harness.app.db).count()
        XCTAssertEqual(tokensAfterRefusal, 0, "nothing half-made")

        try await browser.get("/account")
        let page = try await browser.post("/account/tokens", ["name": "weekly counts", "access": "read", "days": "30"])
        XCTAssertEqual(page.status, .ok)
        let token = try XCTUnwrap(Browser.firstMatch(#"id="new-token">([^<]+)<"#, in: page.body.string))
        XCTAssertTrue(page.body.string.contains("Read only"), "the list says what the token may do")
        let stored = try await APITokenModel.query(on: harness.app.db).first()
        XCTAssertEqual(stored?.readOnly, true)
        XCTAssertEqual(stored.map { $0.expiresAt.timeIntervalSince($0.createdAt) }, 30 * 24 * 3600)

        let reads = try await call(.GET, "/api/v1/teams", token: token)
        XCTAssertEqual(reads.status, .ok)
        let writes = try await call(.POST, "/api/v1/teams", token: token, json: #"{"name":"North","region":"North County"}"#)
        XCTAssertEqual(writes.status, .forbidden)
        XCTAssertTrue(writes.body.string.contains("read-only"), writes.body.string)
        let teams = try await TeamModel.query(on: harness.app.db).count()
        XCTAssertEqual(teams, 0)

        harness.clock.advance(by: 31 * 24 * 3600)
        let expired = try await call(.GET, "/api/v1/teams", token: token)
        XCTAssertEqual(expired.status, .unauthorized, "past the 30 days chosen")
    }

    func testMissingUnknownAndRevokedTokensAre401WithJSON() async throws {
        let member = try await harness.member(.admin)
        let (browser, token) = try await token(for: member)
        let missing = try await call(.GET, "/api/v1/me", token: nil)
        XCTAssertEqual(missing.status, .unauthorized)
        XCTAssertEqual(missing.headers.first(name: "WWW-Authenticate"), "Bearer realm=\"amparo\"")
        XCTAssertNotNil(try? missing.content.decode(APIErrorBody.self))
        let awaited3 = try await call(.GET, "/api/v1/me", token: "amp_wrong").status
        XCTAssertEqual(awaited3, .unauthorized)
        // Cookies do not authenticate the API (no CSRF there).
        let withCookie = try await browser.send(.GET, "/api/v1/me", headers: [:], body: nil)
        XCTAssertEqual(withCookie.status, .unauthorized)

        let tokenID = try await APITokenModel.query(on: harness.app.db).first()!.id!
        try await browser.get("/account")
        try await browser.post("/account/tokens/\(tokenID.uuidString)/revoke")
        let awaited4 = try await call(.GET, "/api/v1/me", token: token).status
        XCTAssertEqual(awaited4, .unauthorized)
    }

    func testDisabledOwnersTokensStopWorking() async throws {
        let admin = try await harness.member(.admin)
        let member = try await harness.member(.responder)
        let (_, token) = try await token(for: member)
        let awaited5 = try await call(.GET, "/api/v1/me", token: token).status
        XCTAssertEqual(awaited5, .ok)
        try await harness.accounts.setDisabled(try await UserModel.find(member.id, on: harness.app.db)!, true, actor: admin.id.uuidString)
        let awaited6 = try await call(.GET, "/api/v1/me", token: token).status
        XCTAssertEqual(awaited6, .unauthorized)
    }

    func testBadInputGetsA4xxWithAMessageAndWritesNothing() async throws {
        let admin = try await harness.member(.admin)
        let (_, token) = try await token(for: admin)
        let cases: [(String?, HTTPMediaType, HTTPStatus)] = [
            (#"{"name":""}"#, .json, .unprocessableEntity),
            (#"{"region":"x"}"#, .json, .unprocessableEntity),
            (#"{"name": 42}"#, .json, .badRequest),
            (#"not json"#, .json, .badRequest),
            ("name=x", .urlEncodedForm, .unsupportedMediaType),
            (#"{"name":"\#(String(repeating: "x", count: 121))"}"#, .json, .unprocessableEntity),
            // 119 letters plus two spaces: 121 code points, as the OpenAPI maxLength counts them.
            (#"{"name":" \#(String(repeating: "x", count: 119)) "}"#, .json, .unprocessableEntity),
            (#"{"name":"e\u0301\#(String(repeating: "x", count: 119))"}"#, .json, .unprocessableEntity),
            (#"{"name":"North\u0000"}"#, .json, .unprocessableEntity),
            (#"{"name":"North","region":"a\tb"}"#, .json, .unprocessableEntity),
            (#"{"name":"   "}"#, .json, .unprocessableEntity),
        ]
        for (body, type, status) in cases {
            let response = try await call(.POST, "/api/v1/teams", token: token, json: body, contentType: type)
            XCTAssertEqual(response.status, status, body ?? "")
            let error = try response.content.decode(APIErrorBody.self)
            XCTAssertFalse(error.error.message.isEmpty)
        }
        let awaited7 = try await TeamModel.query(on: harness.app.db).count()
        XCTAssertEqual(awaited7, 0)
        let created = try await call(.POST, "/api/v1/teams", token: token, json: #"{"name":" South "}"#)
        XCTAssertEqual(created.status, .created)
        let location = try XCTUnwrap(created.headers.first(name: .location))
        let fetched = try await call(.GET, location, token: token)
        XCTAssertEqual(fetched.status, .ok)
        XCTAssertEqual(try fetched.content.decode(TeamDTO.self).name, "South", "spaces around the name are trimmed")
        let awaitedNoTeam = try await call(.GET, "/api/v1/teams/\(UUID().uuidString)", token: token).status
        XCTAssertEqual(awaitedNoTeam, .notFound)
        let awaited9 = try await call(.POST, "/api/v1/teams", token: token, json: #"{"name":"South"}"#).status
        XCTAssertEqual(awaited9, .conflict)
        let awaited10 = try await call(.GET, "/api/v1/users/not-a-uuid", token: token).status
        XCTAssertEqual(awaited10, .badRequest)
        let awaited11 = try await call(.GET, "/api/v1/users/\(UUID().uuidString)", token: token).status
        XCTAssertEqual(awaited11, .notFound)
        let spanish = try await harness.browser().send(.GET, "/api/v1/me", headers: ["Accept-Language": "es"], body: nil)
        XCTAssertTrue(try spanish.content.decode(APIErrorBody.self).error.message.contains("sesión") || spanish.body.string.contains("token"))
    }

    func testOpenAPIDocumentDescribesEveryAPIRoute() throws {
        let json = try JSONSerialization.jsonObject(with: try APIOperations.document()) as! [String: Any]
        XCTAssertEqual(json["openapi"] as? String, "3.1.0")
        let paths = json["paths"] as! [String: [String: Any]]
        for route in harness.app.routes.all where route.path.first?.description == "api" {
            let path = "/" + route.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }
                .joined(separator: "/")
            if path == "/api/v1/openapi.json" { continue }
            XCTAssertNotNil(paths[path]?[route.method.rawValue.lowercased()], "\(route.method) \(path) is not in the OpenAPI document")
        }
    }

    func testEveryOperationInTheDocumentHasARouteWithTheAccessItDeclares() throws {
        let routes = Dictionary(harness.app.routes.all.map { ("\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))", $0) }) { a, _ in a }
        for operation in APIOperations.all {
            let key = "\(operation.method.uppercased()) \(operation.routerPath)"
            let route = try XCTUnwrap(routes[key], "\(operation.id): \(key) has no route")
            let policy = try XCTUnwrap(route.policy, key)
            switch (operation.access, policy) {
            case (.open, .apiOpen), (.open, .open), (.token, .apiToken): break
            default: XCTFail("\(operation.id) is declared \(operation.access) but its route's policy is \(policy)")
            }
        }
        XCTAssertEqual(Set(APIOperations.all.map(\.id)).count, APIOperations.all.count, "operation ids are unique")
    }

    func testTheDocumentsSchemasNameWhatThePageValuesWrite() throws {
        let json = try JSONSerialization.jsonObject(with: try APIOperations.document()) as! [String: Any]
        let schemas = (json["components"] as! [String: Any])["schemas"] as! [String: [String: Any]]
        let records = try XCTUnwrap(schemas["RecordsRequestPage"])
        XCTAssertEqual(Set(records["required"] as! [String]), ["request", "deadlines", "history", "documents", "nextSteps", "today", "statusForm", "messageForm"])
        let properties = records["properties"] as! [String: [String: Any]]
        XCTAssertNotNil(properties["law"], "an optional property is described")
        XCTAssertEqual((properties["today"]?["format"]) as? String, "date", "a Day is a date")
        let request = properties["request"]!["properties"] as! [String: [String: Any]]
        XCTAssertEqual(request["status"]?["enum"] as? [String], RecordsStatus.allCases.map(\.rawValue), "an enum lists its cases")
        XCTAssertEqual(request["id"]?["format"] as? String, "uuid")
    }
}
