import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// The phone hotline through Twilio's voice webhooks. The harness clock is Friday 2027-01-15 08:00 UTC.
final class VoiceWebhookTests: XCTestCase {
    var harness: TestHarness!
    static let token = "twilio-voice-token"

    override func setUp() async throws {
        harness = try await TestHarness.make { config in
            config.publicBaseURL = "https://amparo.example"
            config.delivery.twilioAuthToken = Self.token
            config.delivery.twilioFrom = "+15035550100"
        }
    }
    override func tearDown() async throws { try await harness.shutdown() }

    func call(_ path: String, _ fields: [String: String]) async throws -> String {
        var all = fields
        all["From"] = all["From"] ?? "+15035550188"
        all["CallSid"] = "CA0000000000000000000000000000000a"
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        headers.add(name: "X-Twilio-Signature", value: TwilioSignature.compute(authToken: Self.token, url: "https://amparo.example" + path, parameters: all))
        let response = try await harness.browser().send(.POST, path, headers: headers,
                                                         body: ByteBuffer(string: Browser.formEncode(all.map { ($0.key, $0.value) })))
        XCTAssertEqual(response.status, .ok, response.body.string)
        return response.body.string
    }

    func onCall(_ name: String, phone: String) async throws -> TestHarness.Member {
        let member = try await harness.member(.dispatcher, name: name, phone: phone)
        let team = TeamModel(name: "Team \(name)", region: "")
        try await team.create(on: harness.app.db)
        try await ShiftModel(teamID: team.id!, userID: member.id, duty: "dispatcher", weekday: 5, startMinute: 6 * 60,
                             durationMinutes: 8 * 60, createdAt: harness.clock.now()).create(on: harness.app.db)
        return member
    }

    func testEveryDispatcherOnCallRingsAtOnceAndTheFallbackGroupOtherwise() async throws {
        let menu = try await call("/hooks/twilio/voice", [:])
        XCTAssertTrue(menu.contains(#"<Gather numDigits="1" action="/hooks/twilio/voice/language""#))
        XCTAssertTrue(menu.contains("For English, press 1.") && menu.contains("Para español, oprima 2."))

        // Nobody on call and no coordinator: straight to voicemail.
        let voicemailOnly = try await call("/hooks/twilio/voice/language", ["Digits": "2"])
        XCTAssertTrue(voicemailOnly.contains("<Record maxLength=\"180\""))
        _ = try await harness.member(.coordinator, name: "Coco Coordinator", phone: "+1 503 555 0111")
        let fallback = try await call("/hooks/twilio/voice/language", ["Digits": "1"])
        XCTAssertTrue(fallback.contains("<Number>+15035550111</Number>"), fallback)
        XCTAssertTrue(fallback.contains("Connecting you with a volunteer"))

        // A coordinator makes a night team the fallback group on the shifts page.
        let night = TeamModel(name: "Night line", region: "")
        try await night.create(on: harness.app.db)
        let owl = try await harness.member(.dispatcher, name: "Olivia Owl", phone: "+1 503 555 0131")
        try await TeamMembershipModel(userID: owl.id, teamID: night.id!).create(on: harness.app.db)
        let coordinator = try await harness.signedIn(try await harness.member(.coordinator))
        let page = try await coordinator.get("/shifts").body.string
        XCTAssertTrue(page.contains("When no dispatcher is on call"))
        let saved = try await coordinator.post("/shifts/fallback", ["fallbackTeam": night.id!.uuidString])
        XCTAssertEqual(saved.status, .seeOther)
        let nightRing = try await call("/hooks/twilio/voice/language", ["Digits": "1"])
        XCTAssertTrue(nightRing.contains("<Number>+15035550131</Number>") && !nightRing.contains("+15035550111"), nightRing)
        let reset = try await coordinator.post("/shifts/fallback", ["fallbackTeam": ""])
        XCTAssertEqual(reset.status, .seeOther)

        _ = try await onCall("Dana", phone: "+1 503 555 0121")
        _ = try await onCall("Eli", phone: "(503) 555-0122")
        let ring = try await call("/hooks/twilio/voice/language", ["Digits": "2"])
        XCTAssertTrue(ring.contains("<Number>+15035550121</Number><Number>+15035550122</Number>"), ring)
        XCTAssertFalse(ring.contains("+15035550111"), "the fallback rings only when nobody is on call")
        XCTAssertTrue(ring.contains("Le comunicamos"))
        XCTAssertTrue(ring.contains(#"action="/hooks/twilio/voice/after-dial?lang=es""#))

        let answered = try await call("/hooks/twilio/voice/after-dial?lang=es", ["DialCallStatus": "completed"])
        XCTAssertTrue(answered.contains("<Hangup/>"))
        let missed = try await call("/hooks/twilio/voice/after-dial?lang=es", ["DialCallStatus": "no-answer"])
        XCTAssertTrue(missed.contains("Nadie pudo contestar") && missed.contains("<Record"))
    }

    func testAVoicemailBecomesAReportAndABannedNumberIsRejected() async throws {
        let thanks = try await call("/hooks/twilio/voice/voicemail?lang=es", [
            "RecordingUrl": "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE123", "RecordingDuration": "42",
        ])
        XCTAssertTrue(thanks.contains("Gracias") && thanks.contains("<Hangup/>"))
        let report = try await ReportModel.query(on: harness.app.db).first()
        let stored = try XCTUnwrap(report)
        XCTAssertEqual(stored.channel, "voice")
        XCTAssertEqual(ReportRecords.open(stored.whatSealed, .reportWhat, report: stored, sealer: harness.services.sealer),
                       "Mensaje de voz, 42 s: https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE123")

        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        try await dispatcher.get("/hotline/reports/\(stored.id!.uuidString)")
        let banned = try await dispatcher.post("/hotline/reports/\(stored.id!.uuidString)/ban")
        XCTAssertEqual(banned.status, .seeOther)
        let page = try await dispatcher.get("/hotline/reports/\(stored.id!.uuidString)").body.string
        XCTAssertTrue(page.contains("This number is banned"))
        let rejected = try await call("/hooks/twilio/voice", ["From": "+1 (503) 555-0188"])
        XCTAssertTrue(rejected.contains("<Reject"))
        let otherCaller = try await call("/hooks/twilio/voice", ["From": "+15035550199"])
        XCTAssertTrue(otherCaller.contains("<Gather"))
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("5550188"), "the ban list holds no number")
    }
}
