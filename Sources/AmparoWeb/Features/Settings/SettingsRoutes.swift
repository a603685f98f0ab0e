import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// Admins set the organization and the delivery channels here, without touching the server.
/// A channel is checked before it is saved (the mail server is asked to take the sign-in), its
/// secrets are sealed and never shown back, and a channel the environment sets is left alone.
struct SettingsRoutes: RouteCollection {
    let clock: any WallClock
    let sealer: FieldSealer
    let channels: LiveChannels

    func boot(routes: any RoutesBuilder) throws {
        let settings = routes.grouped("admin", "settings")
        settings.get(use: show).policy(.member(.manageOrganization))
        settings.post("organization", use: saveOrganization).policy(.member(.manageOrganization))
        settings.post(":channel", use: saveChannel).policy(.member(.manageOrganization))
        settings.post(":channel", "test", use: sendTest).policy(.member(.manageOrganization))
    }

    private func store(_ req: Request) -> SettingsStore { SettingsStore(req.db, sealer: sealer) }

    /// The page as saved, with `change` applied (what a refused form typed, a test's outcome).
    private func page(_ req: Request, change: (inout SettingsPage) -> Void = { _ in }) async throws -> SettingsPage {
        let stored = try await store(req).load()
        let organization = try await store(req).organization()
        let me = req.visitor.user!, accounts = req.accounts
        var states: [SettingsPage.Channel] = []
        for channel in AlertChannel.allCases {
            states.append(SettingsPage.Channel(
                channel: channel, environmentVariable: channels.setByEnvironment(channel) ? Self.variable(channel) : nil,
                configured: channels.sender(channel) != nil, health: try await store(req).health(of: channel.rawValue),
                testTo: channel == .email ? accounts.email(of: me) : accounts.phone(of: me) ?? ""))
        }
        var page = SettingsPage(
            organization: .init(name: organization?.name ?? "", hotlineNumber: stored.hotlineNumber ?? "",
                                defaultLanguage: organization.flatMap { Language(rawValue: $0.defaultLanguage) } ?? .es,
                                timeZone: req.amparo.organizationTime.identifier),
            timeZoneFixed: req.amparo.organizationTime.fixed != nil,
            mail: stored.mail.map { .init(host: $0.host, port: "\($0.port)", security: $0.security,
                                          username: $0.username ?? "", from: $0.from, passwordSaved: $0.password != nil) } ?? .init(),
            twilio: stored.twilio.map { .init(accountSID: $0.accountSID, from: $0.from, tokenSaved: true) } ?? .init(),
            signal: stored.signal.map { .init(url: $0.url, number: $0.number) } ?? .init(),
            channels: states)
        change(&page)
        return page
    }

    /// Any zone the server knows: the list offers the US ones, and one saved before stays valid.
    static func isKnownZone(_ identifier: String) -> Bool {
        (identifier == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(identifier)) && TimeZone(identifier: identifier) != nil
    }

    static func variable(_ channel: AlertChannel) -> String {
        switch channel {
        case .email: "AMPARO_SMTP"
        case .sms: "AMPARO_TWILIO_SID"
        case .signal: "AMPARO_SIGNAL_URL"
        }
    }

    func show(req: Request) async throws -> Response {
        htmlResponse(SettingsRenderer.render(try await page(req), req.chrome, notice: req.query[String.self, at: "notice"].flatMap(Text.notice)))
    }

    private func refuse(_ req: Request, _ section: String, _ problems: [SettingsText], status: HTTPResponseStatus = .unprocessableEntity,
                        typed: (inout SettingsPage) -> Void = { _ in }) async throws -> Response {
        let page = try await page(req) { page in
            typed(&page)
            page.outcome = .refused(section: section, problems: problems)
        }
        return htmlResponse(SettingsRenderer.render(page, req.chrome), status: status)
    }

    private func saved(_ req: Request, _ action: String) async throws -> Response {
        try await req.audit(action, recordType: "settings", recordID: "settings")
        return req.redirect(to: SiteURL.settings.path, notice: "saved")
    }

    func saveOrganization(req: Request) async throws -> Response {
        let form = req.formValues
        var typed = SettingsPage.Organization(name: (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                              hotlineNumber: (form["hotlineNumber"] ?? "").trimmingCharacters(in: .whitespaces),
                                              defaultLanguage: Language(rawValue: form["defaultLanguage"] ?? "") ?? .es,
                                              timeZone: form["timeZone"] ?? req.amparo.organizationTime.identifier)
        var problems: [SettingsText] = []
        if case .failure = SingleLineText.validate(form["name"], maxLength: 200, required: true) { problems.append(.errorName) }
        let fixed = req.amparo.organizationTime.fixed != nil
        // A zone the environment fixes is saved too: it is what the organization's step asks for.
        let zone = fixed ? req.amparo.organizationTime.identifier : Self.isKnownZone(typed.timeZone) ? typed.timeZone : nil
        if zone == nil {
            problems.append(.errorTimeZone)
            typed.timeZone = req.amparo.organizationTime.identifier
        }
        let hotline = typed.hotlineNumber.isEmpty ? nil : AlertChannel.sms.normalize(typed.hotlineNumber)
        if !typed.hotlineNumber.isEmpty, hotline == nil { problems.append(.errorHotline) }
        guard problems.isEmpty, let zone else { return try await refuse(req, "organization", problems) { $0.organization = typed } }
        try await store(req).saveOrganization(name: typed.name, defaultLanguage: typed.defaultLanguage.rawValue, hotlineNumber: typed.hotlineNumber.isEmpty ? nil : typed.hotlineNumber,
                                              timeZone: zone, at: clock.now())
        try await req.amparo.settingsSaved(on: req.db)
        return try await saved(req, "settings.organization")
    }

    func saveChannel(req: Request) async throws -> Response {
        guard let channel = req.parameters.get("channel").flatMap(AlertChannel.init(rawValue:)) else { throw Abort(.notFound) }
        guard !channels.setByEnvironment(channel) else {
            return try await refuse(req, channel.rawValue, [.setByEnvironment(Self.variable(channel))], status: .conflict)
        }
        let form = req.formValues.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let now = clock.now()
        switch channel {
        case .email:
            let typed = SettingsPage.Mail(host: form["host"] ?? "", port: form["port"] ?? "", security: SMTPSecurity(rawValue: form["security"] ?? "") ?? .starttls,
                                          username: form["username"] ?? "", from: form["mailFrom"] ?? "")
            if typed.host.isEmpty {
                try await store(req).saveMail(nil, at: now)
                return try await applied(req)
            }
            let saved = try await store(req).load().mail
            // An empty password keeps the saved one, as long as it is for the same server and user.
            let password = (form["password"] ?? "").isEmpty
                ? saved.flatMap { $0.host == typed.host && $0.username == typed.username ? $0.password : nil } : form["password"]
            var problems: [SettingsText] = []
            if typed.host.contains(where: \.isWhitespace) || typed.host.count > 255 { problems.append(.errorHost) }
            let port = Int(typed.port).flatMap { (1...65535).contains($0) ? $0 : nil }
            if port == nil { problems.append(.errorPort) }
            if !EmailAddress.isValid(typed.from) { problems.append(.errorFrom) }
            if !typed.username.isEmpty, password == nil { problems.append(.errorUserWithoutPassword) }
            func refused(_ problems: [SettingsText]) async throws -> Response {
                try await refuse(req, "email", problems) { page in
                    page.mail = typed
                    page.mail.passwordSaved = password != nil && (form["password"] ?? "").isEmpty
                }
            }
            guard problems.isEmpty, let port else { return try await refused(problems) }
            let server = SMTPServer(host: typed.host, port: port, security: typed.security, username: typed.username.isEmpty ? nil : typed.username,
                                    password: typed.username.isEmpty ? nil : password, from: typed.from,
                                    trustRootsFile: channels.environment.smtpTrustRootsFile)
            // Asked before anything is saved: a wrong password is a message here, not a silent queue.
            do {
                try await SMTPSession.open(server, group: req.application.eventLoopGroup).close()
            } catch {
                let reason = Self.reason(error)
                return try await refused([reason.hasPrefix("SMTP AUTH answered 535") ? .errorSignIn(reason) : .errorServer(reason)])
            }
            try await store(req).saveMail(.init(host: typed.host, port: port, security: typed.security, username: server.username,
                                                password: server.password, from: typed.from), at: now)
        case .sms:
            let sid = form["accountSID"] ?? "", token = form["authToken"] ?? "", from = form["twilioFrom"] ?? ""
            let typed = SettingsPage.Twilio(accountSID: sid, from: from)
            if sid.isEmpty {
                try await store(req).saveTwilio(nil, at: now)
                return try await applied(req)
            }
            let savedToken = try await store(req).load().twilio.flatMap { $0.accountSID == sid ? $0.authToken : nil }
            var problems: [SettingsText] = []
            if !(sid.count == 34 && sid.hasPrefix("AC") && sid.allSatisfy { $0.isLetter || $0.isNumber }) { problems.append(.errorSID) }
            let authToken = token.isEmpty ? savedToken : token
            if authToken == nil || authToken!.count > 200 { problems.append(.errorToken) }
            let number = AlertChannel.sms.normalize(from)
            if number == nil { problems.append(.errorNumber) }
            guard problems.isEmpty, let authToken, let number else {
                return try await refuse(req, "sms", problems) { $0.twilio = typed; $0.twilio.tokenSaved = savedToken != nil }
            }
            try await store(req).saveTwilio(.init(accountSID: sid, authToken: authToken, from: number), at: now)
        case .signal:
            let url = form["signalURL"] ?? "", number = form["signalNumber"] ?? ""
            if url.isEmpty {
                try await store(req).saveSignal(nil, at: now)
                return try await applied(req)
            }
            var problems: [SettingsText] = []
            let parsed = URL(string: url)
            if !(["http", "https"].contains(parsed?.scheme ?? "") && parsed?.host != nil) { problems.append(.errorURL) }
            let normalized = AlertChannel.signal.normalize(number)
            if normalized == nil { problems.append(.errorNumber) }
            guard problems.isEmpty, let normalized else {
                return try await refuse(req, "signal", problems) { $0.signal = .init(url: url, number: number) }
            }
            try await store(req).saveSignal(.init(url: url.hasSuffix("/") ? String(url.dropLast()) : url, number: normalized), at: now)
        }
        return try await applied(req)
    }

    /// The channels take the saved settings at once (on every app server), and the outbox worker looks again.
    private func applied(_ req: Request) async throws -> Response {
        try await req.amparo.settingsSaved(on: req.db)
        return try await saved(req, "settings.channel")
    }

    /// The provider's own words, without our prefixes.
    static func reason(_ error: any Error) -> String {
        let text = (error as? DeliveryError)?.description ?? String(describing: error)
        for prefix in ["permanent: ", "temporary: "] where text.hasPrefix(prefix) { return String(text.dropFirst(prefix.count)) }
        return text
    }

    func sendTest(req: Request) async throws -> Response {
        guard let channel = req.parameters.get("channel").flatMap(AlertChannel.init(rawValue:)) else { throw Abort(.notFound) }
        guard let sender = channels.sender(channel) else {
            return try await refuse(req, "\(channel.rawValue)-test", [.errorNotConfigured(channel)], status: .conflict)
        }
        guard let to = channel.normalize(req.formValues["to"] ?? "") else {
            return try await refuse(req, "\(channel.rawValue)-test", [.errorTestTo(channel)])
        }
        let organization = try await req.amparo.organizationName(on: req.db) ?? "Amparo", l = req.language
        let message = OutgoingMessage(to: to, subject: Text.settings(.testSubject(organization)).in(l), body: Text.settings(.testBody(organization)).in(l),
                                      idempotencyKey: "amparo-test-\(req.amparo.random.token())")
        var failure: String?
        do { try await sender.send(message) } catch { failure = Self.reason(error) }
        try await req.audit("settings.test", recordType: "settings", recordID: "settings")
        let page = try await page(req) { $0.outcome = .tested(channel, sentTo: failure == nil ? to : nil, failure: failure) }
        return htmlResponse(SettingsRenderer.render(page, req.chrome), status: failure == nil ? .ok : .badGateway)
    }
}
