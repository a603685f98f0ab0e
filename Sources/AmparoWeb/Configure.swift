import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Everything that varies between a developer's laptop, a production server and a test.
public struct AmparoConfig: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        /// The embedded default: one file in the data folder, WAL mode.
        case sqlite(path: String)
        /// `DATABASE_URL=postgres://...`: several app servers can share it.
        case postgres(url: String)
    }

    public var dataDirectory: URL
    public var database: DatabaseLocation
    public var hostname = "127.0.0.1"
    public var port = 8080
    /// The address people use to reach Amparo, for links printed on the terminal.
    public var publicBaseURL: String?
    /// Reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed, when the
    /// connection comes from one of them (`AMPARO_TRUSTED_PROXIES`, or `AMPARO_TRUST_PROXY=1` for
    /// one on this machine).
    public var trustedProxies = TrustedProxies.none
    /// Connections held at once, per address and in all, and the first request's header deadline.
    public var connectionLimits = ConnectionLimits()
    public var passwordCost = 12
    /// Password hashes at once (one per core) and how many sign-ins may wait for one before the
    /// rest are told to come back (429).
    public var passwordThreads = System.coreCount
    public var passwordQueue = 4 * System.coreCount
    public var signInLimits = SignInLimits()
    public var sessionIdleTimeout: TimeInterval = 30 * 60
    public var sessionAbsoluteTimeout: TimeInterval = 12 * 3600
    /// How long a session read may be reused (see SessionCache); 0 turns the cache off.
    public var sessionCacheTTL: TimeInterval = 2
    public var clock: any WallClock = SystemClock()
    public var random: any RandomSource = SystemRandom()
    /// Public reports accepted per source (a keyed hash of the address, in memory only) per window.
    /// A limit of 0 turns it off, for load tests.
    public var reportLimit = LimitRule(limit: 20, window: 600)
    /// The organization's time zone when fixed where the server starts (`AMPARO_TIMEZONE`, e.g.
    /// America/Chicago); otherwise admins choose it on the settings page (see `OrganizationTime`).
    public var timeZone: TimeZone?
    /// How long unconfirmed, false-alarm and duplicate reports keep their personal data.
    public var reportRetention: TimeInterval = 30 * 86400
    /// How long a closed case keeps the person's data (`AMPARO_CASE_RETENTION_DAYS`, 365).
    public var caseRetention: TimeInterval = 365 * 86400
    /// Hours on a detainer alone at which the legal team is told (`AMPARO_HOLD_ALERT_HOURS`, "24,36,48").
    public var holdAlertHours = [24, 36, 48]
    /// How often the hold clock, task reminders and records deadlines are checked (`AMPARO_WATCH_SECONDS`, 60).
    public var watchInterval: Int = 60
    /// Where alerts go out: SMTP, Twilio, signal-cli-rest-api.
    public var delivery = DeliveryConfig()
    /// Deliver the outbox in-process (off in tests, which call the worker directly).
    public var runDelivery = true
    /// Run retention rules in-process on a timer (off in tests, which call them directly).
    public var runScheduler = true
    /// How long one live-inbox stream stays open before the browser reconnects (and its session is
    /// checked again). Tests shorten it so a stream read in memory ends.
    public var liveStreamLifetime: TimeInterval = 300
    public var logLevel: Logger.Level = .info

    public init(dataDirectory: URL, database: DatabaseLocation? = nil) {
        self.dataDirectory = dataDirectory
        self.database = database ?? .sqlite(path: dataDirectory.appendingPathComponent("amparo.sqlite").path)
    }

    /// Reads `AMPARO_DATA`, `DATABASE_URL`, `AMPARO_HOST`, `AMPARO_PORT`, `AMPARO_PUBLIC_URL`, `AMPARO_TRUST_PROXY`, `AMPARO_TRUSTED_PROXIES`,
    /// `AMPARO_REPORT_LIMIT` (reports per source per 10 minutes; 0 = no limit), `AMPARO_REPORT_RETENTION_DAYS`,
    /// `AMPARO_TIMEZONE`, `AMPARO_HOLD_ALERT_HOURS`, `AMPARO_WATCH_SECONDS`, `AMPARO_CASE_RETENTION_DAYS`,
    /// `AMPARO_MAX_CONNECTIONS`, `AMPARO_MAX_CONNECTIONS_PER_SOURCE`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AmparoConfig {
        let dir = URL(fileURLWithPath: env["AMPARO_DATA"] ?? "amparo-data", isDirectory: true)
        var config = AmparoConfig(dataDirectory: dir)
        if let url = env["DATABASE_URL"], !url.isEmpty { config.database = .postgres(url: url) }
        if let host = env["AMPARO_HOST"] { config.hostname = host }
        if let port = env["AMPARO_PORT"].flatMap(Int.init) { config.port = port }
        config.publicBaseURL = env["AMPARO_PUBLIC_URL"]
        if let list = env["AMPARO_TRUSTED_PROXIES"], !list.isEmpty {
            config.trustedProxies = try TrustedProxies(parsing: list)
        } else if env["AMPARO_TRUST_PROXY"] == "1" {
            config.trustedProxies = .loopback
        }
        if let total = env["AMPARO_MAX_CONNECTIONS"].flatMap(Int.init), total > 0 { config.connectionLimits.total = total }
        if let each = env["AMPARO_MAX_CONNECTIONS_PER_SOURCE"].flatMap(Int.init), each > 0 { config.connectionLimits.perSource = each }
        if let limit = env["AMPARO_REPORT_LIMIT"].flatMap(Int.init), limit >= 0 {
            config.reportLimit = LimitRule(limit: limit, window: 600)
        }
        config.delivery = DeliveryConfig.fromEnvironment(env)
        if let zone = env["AMPARO_TIMEZONE"].flatMap(TimeZone.init(identifier:)) { config.timeZone = zone }
        if let days = env["AMPARO_REPORT_RETENTION_DAYS"].flatMap(Double.init), days > 0 {
            config.reportRetention = days * 86400
        }
        if let days = env["AMPARO_CASE_RETENTION_DAYS"].flatMap(Double.init), days > 0 { config.caseRetention = days * 86400 }
        if let seconds = env["AMPARO_WATCH_SECONDS"].flatMap(Int.init), seconds > 0 { config.watchInterval = seconds }
        if let hours = env["AMPARO_HOLD_ALERT_HOURS"] {
            let list = hours.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
            if !list.isEmpty { config.holdAlertHours = list.sorted() }
        }
        return config
    }

    public var keyFileURL: URL { dataDirectory.appendingPathComponent("amparo.keys") }
    /// The audit log's head checkpoint, outside the database (see `AuditHead`).
    public var auditHeadURL: URL { dataDirectory.appendingPathComponent("amparo.audit-head") }

    public var baseURL: String { publicBaseURL ?? "http://\(hostname):\(port)" }
}

/// Sets up an application: database, migrations, keys, middleware and routes. The server, every CLI
/// command and every test go through here.
public func configure(_ app: Application, _ config: AmparoConfig) async throws {
    try FileManager.default.createDirectory(
        at: config.dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    app.logger = Logger(label: "amparo") { label in
        RedactingLogHandler(wrapping: StreamLogHandler.standardError(label: label), minimumLevel: config.logLevel)
    }
    app.logger.logLevel = config.logLevel

    switch config.database {
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        postgres.searchPath = nil
        app.databases.use(.postgres(configuration: postgres, sqlLogLevel: .trace), as: .psql)
    }
    app.migrations.add(AmparoMigrations.all)
    app.passwords.use(.bcrypt(cost: config.passwordCost))

    let keys = try KeyFile.loadOrCreate(at: config.keyFileURL, random: config.random, clock: config.clock)
    let services = AmparoServices(config: config, keys: keys, database: { app.db })
    app.amparo = services
    app.databases.middleware.use(SessionCacheInvalidation<UserModel>(cache: services.sessionCache))
    app.databases.middleware.use(SessionCacheInvalidation<SessionModel>(cache: services.sessionCache))
    app.databases.middleware.use(SessionCacheInvalidation<TeamMembershipModel>(cache: services.sessionCache))

    if case .sqlite = config.database {
        // WAL lets readers go on while one writer writes; it is a property of the file, set once.
        try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").run()
    }

    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    app.http.server.configuration.serverName = nil
    // A connection that sends and receives nothing for a minute is closed (the live inbox pings
    // every 15 s). One that trickles its first headers is closed by `ConnectionGuard` (`amparo
    // serve`), which also caps how many connections each address holds, so a trickled body ties up
    // at most that address's share.
    app.http.server.configuration.idleTimeout = .seconds(60)
    app.routes.defaultMaxBodySize = "256kb"

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware(trustedProxies: config.trustedProxies))
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(VisitorMiddleware())
    app.middleware.use(AccessPolicyMiddleware())

    // Before the routes: the settings page changes its channels.
    services.delivery = DeliveryWorker(services: services, database: { app.db },
                                       channels: LiveChannels(environment: config.delivery) { makeSender(app, $0, $1) })
    try registerRoutes(app)
    services.purge.register(coreRetentionRules(app) + hotlineRetentionRules(app) + [
        NoticeRetentionRule(database: { app.db }), UnconfirmedSubscriptionsRule(database: { app.db }), UnconfirmedSignaturesRule(database: { app.db }, sealer: services.sealer),
        ClosedCasesRule(retention: config.caseRetention, database: { app.db }),
    ])
    if config.runDelivery {
        let worker = services.delivery, logger = app.logger
        app.lifecycle.use(BackgroundTask(interrupt: { worker.wake() }) { await worker.run(logger: logger) })
        let alarm = OnCallAlarm(services: services, database: { app.db })
        app.lifecycle.use(BackgroundTask { await alarm.run(logger: logger) })
        let watch = HoldClockWatch(services: services, database: { app.db })
        let reminders = TaskReminderWatch(services: services, database: { app.db })
        let records = RecordsDeadlineWatch(services: services, database: { app.db })
        let events = EventReminderWatch(services: services, database: { app.db })
        app.lifecycle.use(BackgroundTask.every(TimeInterval(config.watchInterval)) {
            do { try await watch.check() } catch { logger.error("hold clock: \(String(reflecting: type(of: error)))") }
            do { try await reminders.check() } catch { logger.error("task reminders: \(String(reflecting: type(of: error)))") }
            do { try await records.check() } catch { logger.error("records deadlines: \(String(reflecting: type(of: error)))") }
            do { try await events.check() } catch { logger.error("event reminders: \(String(reflecting: type(of: error)))") }
        })
        if let inbox = signalInbox(app) {
            app.lifecycle.use(BackgroundTask.every(2) {
                do { try await inbox.pollOnce() } catch { logger.warning("signal inbox: \(String(reflecting: type(of: error)))") }
            })
        }
    }
    app.lifecycle.use(LiveEventsShutdown(events: services.liveEvents))
    app.lifecycle.use(PasswordWorkShutdown(work: services.passwordWork))
    if let relay = services.liveRelay {
        let logger = app.logger, receive = services.receiveFromElsewhere
        app.lifecycle.use(BackgroundTask { await relay.listen(logger: logger, receive) })
    }
    if config.runScheduler {
        let purge = services.purge, logger = app.logger
        app.lifecycle.use(BackgroundTask.every(3600) { _ = await purge.runAll(logger: logger) })
    }
}

func registerRoutes(_ app: Application) throws {
    let services = app.amparo
    try PublicRoutes(sealer: services.sealer).boot(routes: app.routes)
    try OfflineRoutes().boot(routes: app.routes)
    try SetupRoutes(clock: services.clock, sealer: services.sealer).boot(routes: app.routes)
    try LoginRoutes(clock: services.clock, sealer: services.sealer).boot(routes: app.routes)
    try EnrolmentRoutes(clock: services.clock, sealer: services.sealer).boot(routes: app.routes)
    try AccountRoutes(clock: services.clock, sealer: services.sealer).boot(routes: app.routes)
    try SettingsRoutes(clock: services.clock, sealer: services.sealer, channels: services.delivery.channels).boot(routes: app.routes)
    try AdminUserRoutes(sealer: services.sealer, baseURL: services.config.baseURL).boot(routes: app.routes)
    try AdminTeamRoutes().boot(routes: app.routes)
    try AuditRoutes(sealer: services.sealer).boot(routes: app.routes)
    try PublicReportRoutes().boot(routes: app.routes)
    try ReportPhotoRoutes().boot(routes: app.routes)
    try InboxRoutes().boot(routes: app.routes)
    try LiveInboxRoutes().boot(routes: app.routes)
    try HotlineAPIRoutes().boot(routes: app.routes)
    try ShiftRoutes().boot(routes: app.routes)
    try SubscribeRoutes().boot(routes: app.routes)
    try PublishAlertRoutes().boot(routes: app.routes)
    try SMSWebhookRoutes().boot(routes: app.routes)
    try VoiceWebhookRoutes().boot(routes: app.routes)
    try DetainedRoutes().boot(routes: app.routes)
    try DispatchRoutes().boot(routes: app.routes)
    try RespondRoutes().boot(routes: app.routes)
    try CaseCountRoutes().boot(routes: app.routes)
    try CaseRoutes().boot(routes: app.routes)
    try CaseRecordRoutes().boot(routes: app.routes)
    try CaseSupportRoutes().boot(routes: app.routes)
    try VisitRoutes(clock: services.clock, time: services.organizationTime, sealer: services.sealer).boot(routes: app.routes)
    try FacilityRoutes(clock: services.clock, sealer: services.sealer).boot(routes: app.routes)
    try PlaceRoutes().boot(routes: app.routes)
    try PlaceAPIRoutes().boot(routes: app.routes)
    try EvidenceRoutes().boot(routes: app.routes)
    try EvidenceAPIRoutes().boot(routes: app.routes)
    try RecordsRoutes(clock: services.clock, time: services.organizationTime, sealer: services.sealer).boot(routes: app.routes)
    try CampaignRoutes(clock: services.clock, sealer: services.sealer).boot(routes: app.routes)
    try LetterRoutes(clock: services.clock, sealer: services.sealer, linkKey: services.linkKey, services: services).boot(routes: app.routes)
    try StoryRoutes(clock: services.clock, sealer: services.sealer).boot(routes: app.routes)
    try EventRoutes(clock: services.clock, time: services.organizationTime, sealer: services.sealer, linkKey: services.linkKey,
                    mail: EventMail(services: services), wakeDelivery: { services.delivery.wake() }).boot(routes: app.routes)
    try APIRoutes().boot(routes: app.routes)
}

/// The Signal number's inbox, when Signal is configured.
func signalInbox(_ app: Application) -> SignalInbox? {
    let config = app.amparo.delivery.channels.config
    guard let url = config.signalBaseURL, let number = config.signalNumber, let sender = app.amparo.delivery.senders(.signal) else { return nil }
    return SignalInbox(services: app.amparo, database: { app.db }, client: app.http.client.shared, baseURL: url, number: number, sender: sender)
}

/// The sender for one channel, when the configuration sets it.
func makeSender(_ app: Application, _ channel: AlertChannel, _ config: DeliveryConfig) -> (any ChannelSender)? {
    let client = app.http.client.shared
    switch channel {
    case .email:
        // One SMTP sender per mail server: it keeps its sessions open between messages.
        return config.smtpServer.map { SMTPSender(server: $0, group: app.eventLoopGroup) }
    case .sms:
        guard let sid = config.twilioAccountSID, let token = config.twilioAuthToken, let from = config.twilioFrom else { return nil }
        return TwilioSender(client: client, baseURL: config.twilioBaseURL, accountSID: sid, authToken: token, from: from)
    case .signal:
        guard let url = config.signalBaseURL, let number = config.signalNumber else { return nil }
        return SignalSender(client: client, baseURL: url, number: number)
    }
}
