import AmparoDomain
import Fluent
import Foundation
import SQLKit

/// What the settings page keeps, secrets opened. Nil: not set here (the environment may set it).
public struct StoredSettings: Sendable, Equatable {
    public struct Mail: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var security: SMTPSecurity
        public var username: String?
        public var password: String?
        public var from: String

        public init(host: String, port: Int, security: SMTPSecurity, username: String?, password: String?, from: String) {
            self.host = host
            self.port = port
            self.security = security
            self.username = username
            self.password = password
            self.from = from
        }
    }

    public struct Twilio: Sendable, Equatable {
        public var accountSID: String
        public var authToken: String
        public var from: String

        public init(accountSID: String, authToken: String, from: String) {
            self.accountSID = accountSID
            self.authToken = authToken
            self.from = from
        }
    }

    public struct Signal: Sendable, Equatable {
        public var url: String
        public var number: String

        public init(url: String, number: String) {
            self.url = url
            self.number = number
        }
    }

    public var hotlineNumber: String?
    /// An IANA identifier; nil until an admin chooses one.
    public var timeZone: String?
    public var mail: Mail?
    public var twilio: Twilio?
    public var signal: Signal?

    public init(hotlineNumber: String? = nil, timeZone: String? = nil, mail: Mail? = nil, twilio: Twilio? = nil, signal: Signal? = nil) {
        self.hotlineNumber = hotlineNumber
        self.timeZone = timeZone
        self.mail = mail
        self.twilio = twilio
        self.signal = signal
    }
}

/// How a channel is doing, from the messages themselves: how many wait, when one last went out,
/// and the provider's own words about the latest one that did not.
public struct ChannelHealth: Sendable, Equatable, Codable {
    public struct Problem: Sendable, Equatable, Codable {
        /// When the message that met it was queued (a notice) or is next due (an alert).
        public let at: Date
        public let reason: String

        public init(at: Date, reason: String) {
            self.at = at
            self.reason = reason
        }
    }

    public let waiting: Int
    public let lastSent: Date?
    public let lastProblem: Problem?

    public init(waiting: Int, lastSent: Date?, lastProblem: Problem?) {
        self.waiting = waiting
        self.lastSent = lastSent
        self.lastProblem = lastProblem
    }
}

/// The settings row: read whole, each section saved on its own, secrets sealed.
public struct SettingsStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    public func load() async throws -> StoredSettings {
        guard let row = try await SettingsModel.query(on: db).first(), let id = row.id else { return StoredSettings() }
        func open(_ sealed: String?, _ column: SealedColumn) throws -> String? {
            try sealed.map { try sealer.open($0, context: column.context(rowID: id)) }
        }
        var settings = StoredSettings(hotlineNumber: row.hotlineNumber, timeZone: row.timeZone)
        if let host = row.mailHost, let from = row.mailFrom {
            settings.mail = .init(host: host, port: row.mailPort ?? 587, security: row.mailSecurity.flatMap(SMTPSecurity.init(rawValue:)) ?? .starttls, username: row.mailUsername,
                                  password: try open(row.mailPasswordSealed, .settingsMailPassword), from: from)
        }
        if let sid = row.twilioSID, let token = try open(row.twilioTokenSealed, .settingsTwilioToken), let from = row.twilioFrom {
            settings.twilio = .init(accountSID: sid, authToken: token, from: from)
        }
        if let url = row.signalURL, let number = row.signalNumber { settings.signal = .init(url: url, number: number) }
        return settings
    }

    /// The organization's name and default language (nil before setup).
    public func organization() async throws -> (name: String, defaultLanguage: String)? {
        try await OrganizationModel.query(on: db).first().map { ($0.name, $0.defaultLanguage) }
    }

    /// The name, default language, public hotline number and time zone, in one transaction.
    public func saveOrganization(name: String, defaultLanguage: String, hotlineNumber: String?, timeZone: String,
                                 at now: Date) async throws {
        try await db.transaction { db in
            guard let organization = try await OrganizationModel.query(on: db).first() else { return }
            organization.name = name
            organization.defaultLanguage = defaultLanguage
            try await organization.save(on: db)
            try await SettingsStore(db, sealer: sealer).change(at: now) { row, _ in
                row.hotlineNumber = hotlineNumber
                row.timeZone = timeZone
            }
        }
    }

    /// Nil turns mail off here.
    public func saveMail(_ mail: StoredSettings.Mail?, at now: Date) async throws {
        try await change(at: now) { row, id in
            row.mailHost = mail?.host
            row.mailPort = mail?.port
            row.mailSecurity = mail?.security.rawValue
            row.mailUsername = mail?.username
            row.mailPasswordSealed = try mail?.password.map { try sealer.seal($0, context: SealedColumn.settingsMailPassword.context(rowID: id)) }
            row.mailFrom = mail?.from
        }
    }

    public func saveTwilio(_ twilio: StoredSettings.Twilio?, at now: Date) async throws {
        try await change(at: now) { row, id in
            row.twilioSID = twilio?.accountSID
            row.twilioTokenSealed = try twilio.map { try sealer.seal($0.authToken, context: SealedColumn.settingsTwilioToken.context(rowID: id)) }
            row.twilioFrom = twilio?.from
        }
    }

    public func saveSignal(_ signal: StoredSettings.Signal?, at now: Date) async throws {
        try await change(at: now) { row, _ in
            row.signalURL = signal?.url
            row.signalNumber = signal?.number
        }
    }

    private func change(at now: Date, _ apply: (SettingsModel, UUID) throws -> Void) async throws {
        let row = try await SettingsModel.query(on: db).first() ?? {
            let fresh = SettingsModel()
            fresh.id = UUID()
            return fresh
        }()
        try apply(row, row.id!)
        row.updatedAt = now
        try await row.save(on: db)
    }

    /// How far a new group has come: what exists of each thing the checklist asks for, in one
    /// query (the admin's dashboard asks on every visit). The organization counts as done once an
    /// admin saved it with its time zone (a hotline number is optional).
    public func setupCounts() async throws -> (teams: Int, members: Int, shifts: Int, agreementImports: Int, subscriptions: Int, organizationSaved: Bool) {
        let row = try await db.sql.raw("""
            SELECT (SELECT COUNT(*) FROM \(ident: TeamModel.schema)) AS teams, (SELECT COUNT(*) FROM \(ident: UserModel.schema)) AS members,
                   (SELECT COUNT(*) FROM \(ident: ShiftModel.schema)) AS shifts, (SELECT COUNT(*) FROM \(ident: AgreementImportModel.schema)) AS imports,
                   (SELECT COUNT(*) FROM \(ident: SubscriptionModel.schema)) AS subscriptions,
                   (SELECT COUNT(*) FROM \(ident: SettingsModel.schema) WHERE time_zone IS NOT NULL) AS saved
            """).first()
        func count(_ column: String) throws -> Int { try row?.decode(column: column, as: Int.self) ?? 0 }
        return (try count("teams"), try count("members"), try count("shifts"), try count("imports"), try count("subscriptions"), try count("saved") > 0)
    }

    /// Messages waiting to go out, by channel: alerts (the outbox) and members' notices together.
    public func waitingByChannel() async throws -> [String: Int] {
        var waiting: [String: Int] = [:]
        for row in try await db.sql.raw("""
            SELECT channel, COUNT(*) AS n FROM \(ident: Outbox.schema) WHERE status = 'pending' GROUP BY channel
            UNION ALL SELECT channel, COUNT(*) AS n FROM \(ident: NoticeModel.schema) WHERE status = 'pending' GROUP BY channel
            """).all() {
            waiting[try row.decode(column: "channel", as: String.self), default: 0] += try row.decode(column: "n", as: Int.self)
        }
        return waiting
    }

    /// Alerts (the outbox) and members' notices on one channel, together.
    public func health(of channel: String) async throws -> ChannelHealth {
        let waiting = try await waitingByChannel()[channel] ?? 0
        var lastSent: Date?
        var problem: ChannelHealth.Problem?
        for (table, when) in [(Outbox.schema, "next_attempt_at"), (NoticeModel.schema, "created_at")] {
            if let sent = try await db.sql.raw("""
                SELECT MAX(sent_at) AS at FROM \(ident: table) WHERE channel = \(bind: channel)
                """).first().flatMap({ try $0.decode(column: "at", as: Date?.self) }) {
                lastSent = max(sent, lastSent ?? sent)
            }
            if let row = try await db.sql.raw("""
                SELECT \(ident: when) AS at, last_error FROM \(ident: table)
                WHERE channel = \(bind: channel) AND last_error IS NOT NULL ORDER BY \(ident: when) DESC LIMIT 1
                """).first() {
                let found = ChannelHealth.Problem(at: try row.decode(column: "at", as: Date.self),
                                                  reason: try row.decode(column: "last_error", as: String.self))
                if problem.map({ found.at > $0.at }) ?? true { problem = found }
            }
        }
        return ChannelHealth(waiting: waiting, lastSent: lastSent, lastProblem: problem)
    }
}
