import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import XCTVapor

@testable import AmparoWeb

final class DataProtectionTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    static let name = "Zacarías Quetzal Oyelaran"
    static let email = "zacarias.oyelaran@example.org"
    static let phone = "+1 (971) 555-0188"
    static let needles = [name, "Quetzal", "Oyelaran", email, "zacarias.oyelaran", "9715550188", "971) 555-0188", "555-0188"]

    func assertNoPlaintext(_ haystack: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for needle in Self.needles {
            XCTAssertFalse(haystack.localizedCaseInsensitiveContains(needle), "\(what) contains \(needle)", file: file, line: line)
        }
    }

    func testDatabaseBytesHoldNoPlaintextPersonalData() async throws {
        let member = try await harness.member(.caseWorker, email: Self.email, name: Self.name, phone: Self.phone)
        // Use the account, so sessions, audit entries and tokens exist too.
        let browser = try await harness.signInThroughPages(member)
        try await browser.get("/account")
        try await browser.post("/account/tokens", ["name": "reports"])
        let awaited1 = try await browser.get("/account").body.string.contains(Self.name)
        XCTAssertTrue(awaited1, "the owner reads their own data")

        assertNoPlaintext(try await harness.dumpDatabaseText(), "a table")
        if case .sqlite(let path) = harness.config.database {
            var bytes = Data()
            for suffix in ["", "-wal"] { bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data() }
            XCTAssertGreaterThan(bytes.count, 10_000)
            assertNoPlaintext(String(decoding: bytes, as: UTF8.self), "the raw SQLite file")
        }
    }

    func testBackupBytesHoldNoPlaintextAndRestoreWorks() async throws {
        let member = try await harness.member(.legal, email: Self.email, name: Self.name, phone: Self.phone)
        let backup = harness.config.dataDirectory.appendingPathComponent("backup.amparo")
        try await Operations.backup(harness.app, to: backup, passphrase: "correct horse battery staple")
        let bytes = try Data(contentsOf: backup)
        assertNoPlaintext(String(decoding: bytes, as: UTF8.self), "the backup")
        let mode = try FileManager.default.attributesOfItem(atPath: backup.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)

        // Restoring into a new data folder gives the same member, readable with the restored key file.
        guard case .sqlite = harness.config.database else {
            let entries = try BackupArchive.open(bytes, passphrase: "correct horse battery staple")
            XCTAssertEqual(Set(entries.map(\.name)), ["amparo.pgdump", "amparo.keys"])
            return
        }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("amparo-restore-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: target) }
        let restoredConfig = AmparoConfig(dataDirectory: target)
        XCTAssertThrowsError(try Operations.restore(restoredConfig, from: backup, passphrase: "wrong passphrase!!", force: false))
        _ = try Operations.restore(restoredConfig, from: backup, passphrase: "correct horse battery staple", force: false)
        XCTAssertThrowsError(
            try Operations.restore(restoredConfig, from: backup, passphrase: "correct horse battery staple", force: false),
            "refuses to overwrite without --force")
        let name = try await Operations.withApplication(restoredConfig) { app in
            let accounts = Accounts(db: app.db, services: app.amparo)
            return try await accounts.find(email: Self.email).map { accounts.name(of: $0) }
        }
        XCTAssertEqual(name, Self.name)
        _ = member
    }

    func testBlindIndexFindsPhoneWithoutDecrypting() async throws {
        let member = try await harness.member(.responder, phone: Self.phone)
        let found = try await harness.accounts.find(phone: "971-555-0188")
        XCTAssertEqual(found.map(\.id), [member.id])
        let none = try await harness.accounts.find(phone: "971-555-0189")
        XCTAssertTrue(none.isEmpty)
    }

    func testTamperedSealedValueFailsToOpen() async throws {
        let member = try await harness.member(.responder, name: Self.name)
        let other = try await harness.member(.responder, name: "Someone Else")
        // Copy one member's sealed name onto another row: the context binding refuses it.
        let user = try await UserModel.find(member.id, on: harness.app.db)!
        let otherUser = try await UserModel.find(other.id, on: harness.app.db)!
        otherUser.nameSealed = user.nameSealed
        try await otherUser.save(on: harness.app.db)
        XCTAssertThrowsError(
            try harness.services.sealer.open(otherUser.nameSealed, context: SealedColumn.userName.context(rowID: other.id)))
        XCTAssertEqual(harness.accounts.name(of: otherUser), "—", "pages show a placeholder, never garbage")
    }

    func testKeyRotationResealsEverythingAndIsResumable() async throws {
        var members: [TestHarness.Member] = []
        for i in 0..<7 { members.append(try await harness.member(.responder, name: "Rotating Member \(i)", phone: "503555010\(i)")) }
        let newID = try Operations.addDataKey(harness.config)
        XCTAssertEqual(newID.rawValue, "k2")
        // Rotation runs in a fresh application that loaded the new key file, as the CLI does.
        let resealed = try await Operations.withApplication(harness.config) { app in
            try await Operations.resealAll(app, batchSize: 3) { _, _ in }
        }
        XCTAssertEqual(resealed, 7 * 4, "email, name, phone and TOTP secret of each member")
        let users = try await UserModel.query(on: harness.app.db).all()
        for user in users {
            for value in [user.emailSealed, user.nameSealed, user.phoneSealed!, user.totpSecretSealed!] {
                XCTAssertTrue(value.hasPrefix("amp1:k2:"), value)
            }
        }
        let again = try await Operations.withApplication(harness.config) { app in
            (try await Operations.resealAll(app, batchSize: 3) { _, _ in }, Accounts(db: app.db, services: app.amparo).name(of: users[0]))
        }
        XCTAssertEqual(again.0, 0, "a rerun finds nothing left to do")
        XCTAssertTrue(again.1.hasPrefix("Rotating Member"))
    }

    func testNoColumnStoresAddressesOrUserAgents() async throws {
        let columns: [String]
        switch DatabaseKind(harness.app.db) {
        case .postgres:
            columns = try await harness.app.db.sql.raw("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'")
                .all().map { try $0.decode(column: "column_name", as: String.self) }
        case .sqlite:
            var names: [String] = []
            for table in try await harness.app.db.sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all() {
                let name = try table.decode(column: "name", as: String.self)
                names += try await harness.app.db.sql.raw("SELECT name FROM pragma_table_info(\(bind: name))").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            columns = names
        }
        XCTAssertGreaterThan(columns.count, 30)
        let forbidden: Set<Substring> = ["ip", "ipaddr", "addr", "address", "agent", "useragent", "ua", "remote", "forwarded", "source"]
        for column in columns {
            XCTAssertTrue(Set(column.lowercased().split(separator: "_")).isDisjoint(with: forbidden), column)
        }
    }

    func testLogsHoldNoPersonalDataOrAddresses() async throws {
        try await harness.shutdown()
        harness = try await TestHarness.make { $0.trustedProxies = .loopback }
        let link = try await Operations.setupLinkIfNeeded(harness.app)!
        let path = String(link.dropFirst(harness.config.baseURL.count))
        let browser = harness.browser()
        browser.headers.replaceOrAdd(name: "X-Forwarded-For", value: "198.51.100.44")
        browser.headers.replaceOrAdd(name: "User-Agent", value: "Mozilla/5.0 (Linux; Android 9; SM-J260T1) UniqueAgent/77")
        try await browser.get(path)
        try await browser.post(path, [
            "organization": "Log Test", "name": Self.name, "email": Self.email,
            "password": "sunflower tortilla harbor", "passwordConfirmation": "sunflower tortilla harbor",
        ])
        try await browser.get("/login")
        try await browser.post("/login", ["email": Self.email, "password": "wrong wrong wrong"])
        try await browser.get("/invite/\(Self.phone)")
        try await browser.get("/no-such-page?phone=\(Self.phone)")
        // Even a developer's careless log line is scrubbed.
        harness.app.logger.error("debug: \(Self.email) called from 198.51.100.44 with \(Self.phone)")
        let logs = harness.logs.text
        XCTAssertFalse(logs.isEmpty)
        XCTAssertTrue(logs.contains("POST /setup/:token 303"), "requests are logged by route pattern")
        assertNoPlaintext(logs, "the log")
        for secret in ["198.51.100.44", "UniqueAgent", String(path.dropFirst(7))] {
            XCTAssertFalse(logs.contains(secret), "the log contains \(secret)")
        }
    }

    /// The quick first look that lets ordinary lines skip the regular expressions must let through
    /// every shape the expressions catch.
    func testTheRedactorsQuickLookMissesNothingItMustCatch() {
        for line in ["call 503 555 0100 now", "mail ana@example.org", "from 10.0.0.1", "from fe80::1", "(503)555-0100"] {
            XCTAssertTrue(RedactingLogHandler.mightHoldPersonalData(line), line)
            XCTAssertTrue(RedactingLogHandler.redact(line).contains("[redacted]"), line)
        }
        for line in ["POST /report 303 0.4ms", "GET /hotline/reports/:reportID 200 12.5ms", "purge notices.old: 0 removed"] {
            XCTAssertFalse(RedactingLogHandler.mightHoldPersonalData(line), line)
        }
    }
}
