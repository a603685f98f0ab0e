import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// The phone hotline, through Twilio's voice webhooks: a language menu, then every dispatcher on
/// call now rings at once (Twilio's <Dial> with several numbers: the first to answer gets the call),
/// the fallback group when nobody is on call, and a voicemail that becomes a report when nobody answers.
/// Banned numbers are rejected before anything rings.
struct VoiceWebhookRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let voice = routes.grouped("hooks", "twilio", "voice")
        voice.post(use: answer).policy(.webhook)
        voice.post("language", use: language).policy(.webhook)
        voice.post("after-dial", use: afterDial).policy(.webhook)
        voice.post("voicemail", use: voicemail).policy(.webhook)
        routes.post("hotline", "reports", ":reportID", "ban", use: ban).policy(.member(.workHotline))
    }

    func answer(req: Request) async throws -> Response {
        let fields = try TwilioWebhook.verifiedFields(req)
        if let from = fields["From"].flatMap(AlertChannel.sms.normalize),
           try await TwilioWebhook.isBanned(req.amparo.sealer.blindIndex(from, kind: .phone), on: req.db) {
            return TwiML.xml(#"<Reject reason="rejected"/>"#)
        }
        // No key pressed: Spanish, the language most of our callers need.
        return TwiML.xml("""
            <Gather numDigits="1" action="/hooks/twilio/voice/language" method="POST" timeout="6">\
            \(TwiML.say(Text.hotline(.voiceMenu).in(.en), .en))\(TwiML.say(Text.hotline(.voiceMenu).in(.es), .es))</Gather>\
            <Redirect method="POST">/hooks/twilio/voice/language?lang=es</Redirect>
            """)
    }

    func language(req: Request) async throws -> Response {
        let fields = try TwilioWebhook.verifiedFields(req)
        let language: Language = fields["Digits"] == "1" || req.query[String.self, at: "lang"] == "en" ? .en : .es
        let numbers = try await phonesToRing(req)
        guard !numbers.isEmpty else { return voicemailPrompt(language) }
        let callerID = req.amparo.delivery.channels.config.twilioFrom.map { " callerId=\"\(HTML.escape($0))\"" } ?? ""
        let dial = numbers.map { "<Number>\(HTML.escape($0))</Number>" }.joined()
        return TwiML.xml("""
            \(TwiML.say(Text.hotline(.voiceConnecting).in(language), language))\
            <Dial timeout="25" action="/hooks/twilio/voice/after-dial?lang=\(language.rawValue)" method="POST"\(callerID)>\(dial)</Dial>
            """)
    }

    func afterDial(req: Request) async throws -> Response {
        let fields = try TwilioWebhook.verifiedFields(req)
        let language: Language = req.query[String.self, at: "lang"] == "en" ? .en : .es
        if fields["DialCallStatus"] == "completed" { return TwiML.xml("<Hangup/>") }
        return voicemailPrompt(language)
    }

    func voicemail(req: Request) async throws -> Response {
        let fields = try TwilioWebhook.verifiedFields(req)
        let language: Language = req.query[String.self, at: "lang"] == "en" ? .en : .es
        guard let recording = fields["RecordingUrl"], recording.hasPrefix("https://") || recording.hasPrefix("http://") else {
            throw Abort(.badRequest, reason: "RecordingUrl is missing.")
        }
        let seconds = fields["RecordingDuration"].flatMap(Int.init) ?? 0
        let from = fields["From"].flatMap(AlertChannel.sms.normalize)
        _ = try await ReportRecords.storeFromPhone(
            what: Text.hotline(.voicemailReport(seconds, recording)).in(language), from: from, channel: "voice", language: language,
            services: req.amparo)
        return TwiML.xml("\(TwiML.say(Text.hotline(.voiceThanks).in(language), language))<Hangup/>")
    }

    private func voicemailPrompt(_ language: Language) -> Response {
        TwiML.xml("""
            \(TwiML.say(Text.hotline(.voiceVoicemail).in(language), language))\
            <Record maxLength="180" playBeep="true" action="/hooks/twilio/voice/voicemail?lang=\(language.rawValue)" method="POST"/>
            """)
    }

    /// The phones of the dispatchers on call now; when there are none, of the fallback group (the
    /// team set on the shifts page, or else the coordinators). Members without a phone on their
    /// account cannot be rung.
    private func phonesToRing(_ req: Request) async throws -> [String] {
        let services = req.amparo
        let onCall = try await OnCallSchedule.now(on: req.db, calendar: ShiftCalendar(timeZone: services.timeZone), at: services.clock.now())
            .filter { $0.shift.duty == .dispatcher }.map(\.memberID)
        var users = try await UserModel.query(on: req.db).filter(\.$id ~~ Set(onCall)).filter(\.$disabledAt == nil).all()
        if users.isEmpty {
            users = try await CallFallback.members(on: req.db)
        }
        let accounts = req.accounts
        return Array(Set(users.compactMap { accounts.phone(of: $0).flatMap(AlertChannel.sms.normalize) })).sorted()
    }

    /// Bans the number a report came from (by text or voicemail).
    func ban(req: Request) async throws -> Response {
        guard let id = req.parameters.get("reportID", as: UUID.self), let report = try await ReportModel.find(id, on: req.db) else {
            throw UserFacingError(status: .notFound, text: .hotline(.reportNotFound))
        }
        guard let index = report.callbackIndex else { throw UserFacingError(status: .unprocessableEntity, text: .hotline(.replyNotConfigured)) }
        if try await !TwilioWebhook.isBanned(index, on: req.db) {
            try await BannedNumberModel(numberIndex: index, reportID: id, bannedBy: req.visitor.user!.id!, bannedAt: req.amparo.clock.now())
                .create(on: req.db)
        }
        try await req.audit("number.ban", recordType: "report", recordID: id.uuidString)
        return req.redirect(to: "/hotline/reports/\(id.uuidString)")
    }
}
