import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Crypto
import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The application's long-lived services, held in `app.storage` (no global state).
public final class AmparoServices: Sendable {
    public let config: AmparoConfig
    /// The organization's time zone, as the environment fixes it or an admin chose it.
    public let organizationTime: OrganizationTime
    /// How every page and message writes a time (the organization's zone, with its abbreviation).
    public var localTime: LocalTime { organizationTime.localTime }
    public var timeZone: TimeZone { organizationTime.timeZone }
    public let sealer: FieldSealer
    public let audit: AuditStore
    /// Public forms' and sign-in's limits.
    let limiter: any AttemptLimiter
    /// Where passwords are hashed and checked, apart from the database's threads.
    let passwordWork: PasswordWork
    public let purge: PurgeScheduler
    /// Binds CSRF tokens to a session or browser.
    let csrfKey: SymmetricKey
    /// Hashes request sources for the limits, so no list of addresses is kept anywhere.
    let sourceKey: SymmetricKey
    let dummyHash = NIOLockedValueBox<String?>(nil)
    let methodIndex = MethodIndex()
    let reportIntake: ReportIntake
    /// What the public report pages promise about an answer, read at most every 30 seconds.
    let hotlineAnswer = TimedCache<HotlineAnswer>(lifetime: 30)
    /// Reports arriving and changing, for open pages and the on-call alarm.
    let liveEvents: LiveEvents
    /// Carries them to and from the other app servers (PostgreSQL only).
    let liveRelay: LiveRelay?
    let sessionCache: SessionCache
    /// Derives the stop link of each subscription.
    let unsubscribeKey: SymmetricKey
    /// Signs capability links (a responder's one-time link, a reporter's photo link).
    let linkKey: SymmetricKey
    /// Connections held through the public listener, and the visitor behind each hop (see `ConnectionGuard`).
    public let connections: ConnectionLedger
    /// The database, for work that arrives from elsewhere (another app server's news).
    private let database: @Sendable () -> any Database
    private let deliveryWorker = NIOLockedValueBox<DeliveryWorker?>(nil)
    /// The outbox worker; set by `configure` once the app's HTTP client and event loops exist.
    var delivery: DeliveryWorker {
        get { deliveryWorker.withLockedValue { $0! } }
        set { deliveryWorker.withLockedValue { $0 = newValue } }
    }

    init(config: AmparoConfig, keys: KeyRing, database: @escaping @Sendable () -> any Database) {
        self.config = config
        self.database = database
        self.organizationTime = OrganizationTime(fixed: config.timeZone)
        self.connections = ConnectionLedger(limits: config.connectionLimits, trustedProxies: config.trustedProxies)
        self.sealer = FieldSealer(keys: keys, random: config.random)
        self.audit = AuditStore(
            key: keys.derivedKey(purpose: "audit-chain"), clock: config.clock,
            headFile: AuditHeadFile(url: config.auditHeadURL, key: keys.derivedKey(purpose: "audit-head")))
        // One server on SQLite counts in memory under a key made fresh at every start. Servers that
        // share PostgreSQL count there, together, so they hash one source alike: a key from the key
        // file. Its buckets live two windows (the README says what they reveal).
        if case .postgres = config.database {
            self.limiter = SQLAttemptLimiter(database: database)
            self.sourceKey = keys.derivedKey(purpose: "request-source")
        } else {
            self.limiter = MemoryAttemptLimiter()
            self.sourceKey = SymmetricKey(data: SystemRandom().bytes(32))
        }
        self.passwordWork = PasswordWork(threads: config.passwordThreads, queueLimit: config.passwordQueue)
        self.purge = PurgeScheduler(clock: config.clock)
        self.csrfKey = keys.derivedKey(purpose: "csrf")
        self.unsubscribeKey = keys.derivedKey(purpose: "unsubscribe")
        self.linkKey = keys.derivedKey(purpose: "capability-links")
        let random = config.random
        // Several app servers share PostgreSQL: events travel between them by NOTIFY.
        var relay: LiveRelay?
        if case .postgres(let url) = config.database { relay = try? LiveRelay(url: url) }
        self.liveRelay = relay
        var tellOthers: (@Sendable () -> Void)?
        if let relay {
            tellOthers = { Task { try? await relay.send(SessionCache.revokedWire, on: database() as! any SQLDatabase) } }
        }
        self.sessionCache = SessionCache(ttl: config.sessionCacheTTL, clock: config.clock, tellOthers: tellOthers)
        var send: (@Sendable (LiveEvent) -> Void)?
        if let relay {
            send = { event in
                guard let wire = event.wire else { return }
                Task { try? await relay.send(wire, on: database() as! any SQLDatabase) }
            }
        }
        let events = LiveEvents(relay: send)
        self.liveEvents = events
        self.reportIntake = ReportIntake(database: database, newReference: { ReferenceCode.make(random: random) },
                                         committed: { events.publish(.received(count: $0)) })
    }

    private let cachedOrganizationName = NIOLockedValueBox<String?>(nil)

    /// An admin renamed the organization on the settings page.
    func forgetOrganizationName() { cachedOrganizationName.withLockedValue { $0 = nil } }

    /// The organization's name, read once it exists: set at first-run setup, renamed only in settings.
    func organizationName(on database: any Database) async throws -> String? {
        if let name = cachedOrganizationName.withLockedValue({ $0 }) { return name }
        let name = try await HotPathQueries.organizationName(on: database)
        cachedOrganizationName.withLockedValue { $0 = name }
        return name
    }

    /// Takes what the settings page keeps (at start, and after a save): the channels, the hotline
    /// number and the time zone.
    func reloadSettings(on db: any Database) async throws {
        let stored = try await SettingsStore(db, sealer: sealer).load()
        delivery.channels.apply(stored)
        organizationTime.use(stored.timeZone)
    }

    static let settingsChangedWire = "settings:changed"

    /// An admin saved the settings here: this server takes them at once, and the other app servers
    /// sharing PostgreSQL are told to read them again.
    func settingsSaved(on db: any Database) async throws {
        try await takeSavedSettings(on: db)
        if let liveRelay, let sql = db as? any SQLDatabase { try? await liveRelay.send(Self.settingsChangedWire, on: sql) }
    }

    private func takeSavedSettings(on db: any Database) async throws {
        forgetOrganizationName()
        try await reloadSettings(on: db)
        delivery.wake()
    }

    var clock: any WallClock { config.clock }
    var random: any RandomSource { config.random }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = AmparoServices }

    public var amparo: AmparoServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(app, config) was not called") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var amparo: AmparoServices { application.amparo }

    /// A script asked for JSON by name (a browser's `*/*` is not asking: Vapor's media types
    /// compare wildcards as equal, so `contains(.json)` would answer every form post with JSON).
    var asksForJSON: Bool {
        headers.accept.mediaTypes.contains { $0.type == "application" && $0.subType == "json" }
    }

    /// Records an audit entry for what this request did. The actor is the signed-in user, if any.
    func audit(_ action: String, recordType: String, recordID: String, actor: String? = nil) async throws {
        let who = actor ?? visitor.user?.id?.uuidString ?? "anonymous"
        try await amparo.audit.append(on: db, actor: who, action: action, recordType: recordType, recordID: recordID)
    }
}

/// One value kept for a while: read again once it is older than `lifetime`.
final class TimedCache<Value: Sendable>: Sendable {
    let lifetime: TimeInterval
    private let stored = NIOLockedValueBox<(value: Value, at: Date)?>(nil)

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    func value(now: Date) -> Value? {
        stored.withLockedValue { entry in entry.flatMap { now.timeIntervalSince($0.at) < lifetime && $0.at <= now ? $0.value : nil } }
    }

    func store(_ value: Value, now: Date) { stored.withLockedValue { $0 = (value, now) } }
}

extension AmparoServices {
    /// What another app server said (see `LiveRelay`): a live event for open pages, or that access
    /// was taken away there.
    var receiveFromElsewhere: @Sendable (String) -> Void {
        let events = liveEvents, cache = sessionCache
        return { [weak self] wire in
            switch wire {
            case SessionCache.revokedWire: cache.removeAll()
            case AmparoServices.settingsChangedWire:
                guard let self else { return }
                Task { try? await self.takeSavedSettings(on: self.database()) }
            default: LiveEvent(wire: wire).map(events.receiveFromElsewhere)
            }
        }
    }
}
