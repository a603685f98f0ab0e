import AmparoDomain
import AmparoPersistence
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import SQLKit
import XCTVapor

@testable import AmparoWeb

/// A configured Amparo on a fresh database: SQLite in a temporary folder, or the PostgreSQL server
/// named by AMPARO_TEST_DATABASE_URL (wiped first). Time is a manual clock; logs are captured.
final class TestHarness: @unchecked Sendable {
    let app: Application
    let config: AmparoConfig
    let clock: ManualClock
    let logs: LogCapture

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["AMPARO_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    private init(app: Application, config: AmparoConfig, clock: ManualClock, logs: LogCapture) {
        self.app = app
        self.config = config
        self.clock = clock
        self.logs = logs
    }

    static func make(_ adjust: (inout AmparoConfig) -> Void = { _ in }) async throws -> TestHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amparo-test-\(UUID().uuidString)")
        var config = AmparoConfig(dataDirectory: directory)
        if let url = postgresURL { config.database = .postgres(url: url) }
        let clock = ManualClock(start)
        config.clock = clock
        config.runScheduler = false
        config.runDelivery = false
        config.liveStreamLifetime = 0.5
        // Cost 4 keeps the suite fast; PasswordHashingTests checks that the shipped default is 12.
        config.passwordCost = 4
        adjust(&config)
        let logs = LogCapture()
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config)
            app.logger = Logger(label: "amparo-test") { label in
                RedactingLogHandler(wrapping: logs.handler(label: label), minimumLevel: .info)
            }
            if case .postgres = config.database {
                try await app.db.sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
                try await app.db.sql.raw("CREATE SCHEMA public").run()
            }
            try await app.autoMigrate()
            try await app.amparo.reloadSettings(on: app.db)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return TestHarness(app: app, config: config, clock: clock, logs: logs)
    }

    func shutdown() async throws {
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(at: config.dataDirectory)
    }

    var services: AmparoServices { app.amparo }
    var accounts: Accounts { Accounts(db: app.db, services: app.amparo) }

    func browser() -> Browser { Browser(app: app) }

    /// Creates the organization, as first-run setup would.
    func ensureOrganization() async throws {
        if try await OrganizationModel.query(on: app.db).count() == 0 {
            try await OrganizationModel(name: "Test Defense Network", defaultLanguage: "en").create(on: app.db)
        }
    }

    struct Member {
        let id: UUID
        let email: String
        let name: String
        let phone: String?
        let password: String
        let totpSecret: [UInt8]?
        let roles: RoleSet

        var totp: AmparoDomain.TOTP? { totpSecret.map { AmparoDomain.TOTP(secret: $0) } }
    }

    /// A member with a password and (unless `enrolled` is false) a second factor, created directly.
    func member(
        _ role: Role, email: String? = nil, name: String? = nil, phone: String? = nil, enrolled: Bool = true
    ) async throws -> Member {
        try await member(holding: [role], email: email, name: name, phone: phone, enrolled: enrolled)
    }

    /// A member holding several roles.
    func member(
        holding roles: RoleSet, email: String? = nil, name: String? = nil, phone: String? = nil, enrolled: Bool = true
    ) async throws -> Member {
        try await ensureOrganization()
        let label = roles.map(\.rawValue).joined(separator: "-")
        let email = email ?? "\(label).\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let name = name ?? "Test \(label.capitalized)"
        let password = "correct horse battery \(label)"
        let hash = try await app.password.async.hash(password)
        let (user, _) = try await accounts.create(email: email, name: name, phone: phone, roles: roles, passwordHash: hash)
        var secret: [UInt8]?
        if enrolled {
            let bytes = Array((0..<20).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ email.count) })
            user.totpSecretSealed = try services.sealer.seal(
                Base32.encode(bytes), context: SealedColumn.userTOTPSecret.context(rowID: user.id!))
            user.totpEnabled = true
            try await user.save(on: app.db)
            secret = bytes
        }
        return Member(id: user.id!, email: email, name: name, phone: phone, password: password, totpSecret: secret, roles: roles)
    }

    /// A team (region) made directly.
    func team(_ name: String) async throws -> TeamModel {
        let team = TeamModel(name: name, region: name)
        try await team.create(on: app.db)
        return team
    }

    /// A browser already signed in as `member`, through a session row made directly (the sign-in
    /// flow itself is tested in LoginTests).
    func signedIn(_ member: Member) async throws -> Browser {
        let browser = self.browser()
        let token = services.random.token()
        let now = clock.now()
        try await SessionModel(
            tokenDigest: SecretDigest.of(token), userID: member.id, stage: .active, now: now,
            expiresAt: now + config.sessionAbsoluteTimeout
        ).create(on: app.db)
        browser.cookies[CookieNames(secure: false).session] = token
        return browser
    }

    /// A member of `team` (if any), signed in, who has opened their dashboard (which gives the form token).
    func signedIn(_ role: Role, in team: TeamModel?) async throws -> (Member, Browser) {
        let member = try await self.member(role)
        if let team { try await TeamMembershipModel(userID: member.id, teamID: team.id!).create(on: app.db) }
        let browser = try await signedIn(member)
        try await browser.get("/dashboard")
        return (member, browser)
    }

    /// A case opened directly, as a dispatcher opens one from a report.
    func openCase(team: TeamModel?) async throws -> CaseModel {
        let opener = try await member(.dispatcher)
        let record = CaseModel(reportID: nil, teamID: team?.id, openedBy: opener.id, openedAt: clock.now())
        try await record.create(on: app.db)
        return record
    }

    /// Signs in through the real pages: password, then the current TOTP code.
    func signInThroughPages(_ member: Member, browser: Browser? = nil) async throws -> Browser {
        let browser = browser ?? self.browser()
        try await browser.get("/login")
        let response = try await browser.post("/login", ["email": member.email, "password": member.password])
        guard response.status == .seeOther, response.headers.first(name: "Location") == "/login/2fa" else {
            throw HarnessError("password step answered \(response.status)")
        }
        try await browser.get("/login/2fa")
        let code = member.totp!.code(at: clock.now())
        let second = try await browser.post("/login/2fa", ["code": code])
        guard second.headers.first(name: "Location") == "/dashboard" else {
            throw HarnessError("second factor answered \(second.status)")
        }
        return browser
    }

    /// Every row of every table as text: what someone who stole the database would read.
    func dumpDatabaseText() async throws -> String {
        var text = ""
        let tables = [
            OrganizationModel.schema, TeamModel.schema, UserModel.schema, TeamMembershipModel.schema,
            RecoveryCodeModel.schema, SessionModel.schema, InvitationModel.schema, APITokenModel.schema,
            AuditEntryModel.schema, ReportModel.schema, ReportEventModel.schema, ReportMessageModel.schema,
            SubscriptionModel.schema, AlertModel.schema, Outbox.schema, ShiftModel.schema, ShiftSwapModel.schema,
            BannedNumberModel.schema, CaseModel.schema,
        ]
        for table in tables {
            let rows = try await app.db.sql.raw("SELECT * FROM \(ident: table)").all()
            for row in rows {
                for column in row.allColumns {
                    if let value = try? row.decode(column: column, as: String?.self) { text += (value ?? "") + "\n" }
                }
            }
        }
        return text
    }

    /// A personal API token for the member, valid for an hour.
    func apiToken(for member: Member) async throws -> String {
        let secret = "amp_" + services.random.token()
        let now = clock.now()
        try await APITokenModel(
            userID: member.id, name: "test", tokenDigest: SecretDigest.of(secret), prefix: "amp_", now: now, expiresAt: now + 3600
        ).create(on: app.db)
        return secret
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Collects every log line a test's application writes.
final class LogCapture: @unchecked Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    var all: [String] { lines.withLockedValue { $0 } }
    var text: String { all.joined(separator: "\n") }

    func handler(label: String) -> any LogHandler { Handler(capture: self) }

    struct Handler: LogHandler {
        let capture: LogCapture
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.lines.withLockedValue { $0.append("\(event.level) \(event.message) \(merged)") }
        }
    }
}

extension JSONDecoder {
    /// Reads what the API writes (`APIResource.encoder`: ISO 8601 dates).
    static let api: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
