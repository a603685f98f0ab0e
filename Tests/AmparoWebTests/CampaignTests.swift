import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// A campaign on a county, its timeline and decision makers, and a public sign-on letter whose
/// signatures count once confirmed by email (the contact sealed, never shown or exported).
final class CampaignTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func testALetterCollectsConfirmedSignaturesOnly() async throws {
        let marion = JurisdictionModel(kind: "county", name: "Marion County", stateCode: "OR", fips: "41047", createdAt: harness.clock.now())
        try await marion.create(on: harness.app.db)
        let (_, organizer) = try await harness.signedIn(.organizer, in: nil)
        try await organizer.get("/campaigns")
        let nowhere = try await organizer.post("/campaigns", ["title": "End 287(g)", "place": "OR / Atlantis County", "goal": "end_287g"])
        XCTAssertEqual(nowhere.status, .unprocessableEntity)
        let created = try await organizer.post("/campaigns", ["title": "Marion: no more ICE holds", "place": "or / marion county", "goal": "stop_honoring_holds"])
        let path = try XCTUnwrap(created.headers.first(name: .location))
        try await organizer.get(path)
        try await organizer.post(path + "/officials", ["name": "Commissioner Rivera", "office": "Marion County Board of Commissioners", "publicContact": "commissioners@example.gov"])
        try await organizer.post(path + "/actions", ["kind": "testimony", "onDay": "2027-01-20", "note": "Public comment, 9:00"])
        try await organizer.post(path + "/letters", ["title": "Marion County: honor only judicial warrants", "body": "We, the undersigned organizations,\nask the Board…"])
        let letter = try await LetterModel.query(on: harness.app.db).first()!
        let letterPath = "/letters/\(letter.id!.uuidString)"

        let public1 = harness.browser()
        try await public1.get(letterPath)
        let bad = try await public1.post(letterPath, ["organization": "Iglesia San José", "type": "faith", "city": "Salem", "email": "not-an-email"])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        let signed = try await public1.post(letterPath, ["organization": "Iglesia San José", "type": "faith", "city": "Salem", "email": "pastora@iglesia.example"])
        XCTAssertTrue(signed.body.string.contains("Check the contact email"))
        XCTAssertTrue(signed.body.string.contains("No confirmed signatures yet"), "not listed before it is confirmed")
        try await public1.post(letterPath, ["organization": "Iglesia San José", "type": "faith", "city": "Salem", "email": "Pastora@Iglesia.example"])
        let rows = try await LetterSignatureModel.query(on: harness.app.db).count()
        XCTAssertEqual(rows, 1, "one signature per contact")

        let notice = try await NoticeModel.query(on: harness.app.db).filter(\.$purpose == "letter.confirm").sort(\.$createdAt).first()!
        let body = try harness.services.sealer.open(notice.bodySealed!, context: SealedColumn.noticeBody.context(rowID: notice.id!))
        let link = try XCTUnwrap(Browser.firstMatch(#"(/letters/confirm/[^ ]+)"#, in: body))
        let scanner = harness.browser()
        let shown = try await scanner.get(link)
        XCTAssertEqual(shown.status, .ok)
        let stillNone = try await LetterSignatureModel.query(on: harness.app.db).filter(\.$confirmedAt != nil).count()
        XCTAssertEqual(stillNone, 0, "opening the link confirms nothing (mail scanners open links)")
        let forged = try await scanner.post(link.replacingOccurrences(of: ".", with: ".x"), [:], csrf: .none)
        XCTAssertEqual(forged.status, .notFound)
        let confirmed = try await scanner.post(link, [:], csrf: .none)
        XCTAssertEqual(confirmed.status, .seeOther)
        let page = try await harness.browser().get(letterPath).body.string
        XCTAssertTrue(page.contains("Iglesia San José · Faith community · Salem"))
        XCTAssertFalse(page.contains("pastora@"), "the contact is never shown")

        let export = try await organizer.get(path + "/letters/\(letter.id!.uuidString)/signatures")
        XCTAssertTrue(export.body.string.hasPrefix("organization,type,city,confirmed_at\r\nIglesia San José,faith,Salem,"))
        XCTAssertFalse(export.body.string.contains("pastora"))
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("pastora@iglesia.example"), "sealed at rest")

        let county = try await harness.browser().get("/places/or/marion-county").body.string
        XCTAssertTrue(county.contains("Marion: no more ICE holds") && county.contains(letterPath), "the county page shows the campaign and its letter")
        let sourceless = try await organizer.post(path + "/status", ["status": "won", "outcome": "Voted.", "kind": "detainers", "position": "judicial_warrant_only",
                                                                     "instrument": "resolution", "effectiveOn": "2027-02-10", "document": ""])
        XCTAssertEqual(sourceless.status, .unprocessableEntity, "a won policy needs its source")
        let unchanged = try await CampaignModel.query(on: harness.app.db).first()
        XCTAssertEqual(unchanged?.status, "active", "and nothing is half-written")
        try await organizer.post(path + "/status", ["status": "won", "outcome": "The Board voted 3-0 on 2027-02-10.", "kind": "detainers",
                                                    "position": "judicial_warrant_only", "instrument": "resolution", "effectiveOn": "2027-02-10",
                                                    "document": "https://example.gov/marion-resolution-2027-14.pdf"])
        let history = try await harness.browser().get("/places/or/marion-county").body.string
        XCTAssertTrue(history.contains("Only with a judicial warrant") && history.contains("https://example.gov/marion-resolution-2027-14.pdf"),
                      "the won policy is in the place's history with its source")

        // An unconfirmed signature goes after 14 days.
        try await public1.post(letterPath, ["organization": "Nobody", "type": "other", "city": "Salem", "email": "nobody@example.org"])
        harness.clock.advance(by: 15 * 86_400)
        let purged = try await UnconfirmedSignaturesRule(database: { [app = harness.app] in app.db }, sealer: harness.services.sealer).purge(now: harness.clock.now())
        XCTAssertEqual(purged, 1)
    }

    func testStoriesArePrivateUntilPublishedWithConsentInReviewedWords() async throws {
        let teller = harness.browser()
        try await teller.get("/stories/new")
        let bad = try await teller.post("/stories", ["what": "", "state": "OR"])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        let badMonth = try await teller.post("/stories", ["what": "x", "state": "OR", "when": "March"])
        XCTAssertEqual(badMonth.status, .unprocessableEntity)
        try await teller.post("/stories", pairs: [("what", "A deputy stopped my brother Luis on Route 22 and called ICE."), ("state", "OR"), ("county", "Marion County"),
                                                  ("when", "2025-03"), ("agencies", "sheriff"), ("agencies", "ice"), ("outcome", "detained"), ("consent", "yes"),
                                                  ("contact", "+1 503 555 0199")])
        try await teller.post("/stories", ["what": "Private: my cousin Marta's case.", "state": "OR"])
        let stored = try await StoryModel.query(on: harness.app.db).sort(\.$receivedAt).all()
        XCTAssertEqual(stored.count, 2)
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("Luis") || dump.contains("Marta") || dump.contains("555 0199"), "stories and contacts are sealed")
        let empty = try await harness.browser().get("/stories").body.string
        XCTAssertTrue(empty.contains("No stories published yet"))

        let (_, organizer) = try await harness.signedIn(.organizer, in: nil)
        let withConsent = try XCTUnwrap(stored.first { $0.consentToPublish }), without = try XCTUnwrap(stored.first { !$0.consentToPublish })
        let page = try await organizer.get("/stories/review/\(without.id!.uuidString)").body.string
        XCTAssertTrue(page.contains("Marta") && page.contains("did not consent"))
        let refused = try await organizer.post("/stories/review/\(without.id!.uuidString)", ["decision": "publish", "text": "x"])
        XCTAssertEqual(refused.status, .unprocessableEntity, "no consent, no publication")
        try await organizer.get("/stories/review/\(withConsent.id!.uuidString)")
        try await organizer.post("/stories/review/\(withConsent.id!.uuidString)", ["decision": "publish", "text": "A deputy stopped my brother on a county road and called ICE."])
        let published = try await harness.browser().get("/stories").body.string
        XCTAssertTrue(published.contains("A deputy stopped my brother on a county road") && published.contains("Anonymous"))
        XCTAssertTrue(published.contains("Marion County, Oregon · 2025-03 · Sheriff · ICE · Detained by ICE"))
        XCTAssertFalse(published.contains("Luis") || published.contains("Route 22") || published.contains("Marta"))
    }

    func testPublicFormsAreLimitedPerConnection() async throws {
        try await harness.shutdown()
        harness = try await TestHarness.make { $0.reportLimit = .init(limit: 2, window: 600); $0.trustedProxies = .loopback }
        let flood = harness.browser()
        try await flood.get("/stories/new")
        var statuses: [HTTPStatus] = []
        for _ in 0..<3 { statuses.append(try await flood.post("/stories", ["what": "Spam", "state": "TX"]).status) }
        XCTAssertEqual(statuses, [.ok, .ok, .tooManyRequests])
        let kept = try await StoryModel.query(on: harness.app.db).count()
        XCTAssertEqual(kept, 2)

        // 60 at once from another source: still two.
        let burst = (0..<60).map { _ in harness.browser() }
        for browser in burst {
            browser.headers.replaceOrAdd(name: "X-Forwarded-For", value: "203.0.113.60")
            try await browser.get("/stories/new")
        }
        let answers = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for browser in burst { group.addTask { try await browser.post("/stories", ["what": "Spam", "state": "TX"]).status } }
            return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
        }
        XCTAssertEqual(answers.filter { $0 == .ok }.count, 2, "\(answers)")
        let total = try await StoryModel.query(on: harness.app.db).count()
        XCTAssertEqual(total, 4)
    }

    func testARefusedCampaignKeepsWhatWasTypedAndTheAPIServesThePagesValues() async throws {
        try await JurisdictionModel(kind: "county", name: "Marion County", stateCode: "OR", fips: "41047", createdAt: harness.clock.now()).create(on: harness.app.db)
        let (organizer, browser) = try await harness.signedIn(.organizer, in: nil)
        try await browser.get("/campaigns")
        let nowhere = try await browser.post("/campaigns", ["title": "End 287(g) <now>", "place": "OR / Atlantis County", "goal": "end_287g"])
        XCTAssertEqual(nowhere.status, .unprocessableEntity)
        XCTAssertTrue(nowhere.body.string.contains("value=\"End 287(g) &lt;now&gt;\"") && nowhere.body.string.contains("value=\"OR / Atlantis County\""))
        let created = try await browser.post("/campaigns", ["title": "Marion: no more ICE holds", "place": "or / marion county", "goal": "stop_honoring_holds"])
        let path = try XCTUnwrap(created.headers.first(name: .location))
        try await browser.get(path)
        let badStep = try await browser.post(path + "/actions", ["kind": "testimony", "onDay": "someday", "note": "Public comment, 9:00"])
        XCTAssertEqual(badStep.status, .unprocessableEntity)
        XCTAssertTrue(badStep.body.string.contains("value=\"Public comment, 9:00\"") && badStep.body.string.contains("<details open>"), "the refused form is open with its note")
        try await browser.post(path + "/letters", ["title": "Honor only judicial warrants", "body": "We ask the Board…"])

        let api = harness.browser()
        api.headers.bearerAuthorization = .init(token: try await harness.apiToken(for: organizer))
        let list = try JSONDecoder.api.decode(CampaignsPage.self, from: Data(try await api.get("/api/v1/campaigns").body.readableBytesView))
        XCTAssertEqual(list.campaigns.map(\.title), ["Marion: no more ICE holds"])
        XCTAssertEqual(list.campaigns.first?.place?.name, "Marion County")
        let id = try XCTUnwrap(list.campaigns.first?.id)
        let campaign = try JSONDecoder.api.decode(CampaignPage.self, from: Data(try await api.get("/api/v1/campaigns/\(id)").body.readableBytesView))
        XCTAssertEqual(campaign.letters.map(\.title), ["Honor only judicial warrants"])
        let letter = try XCTUnwrap(campaign.letters.first)

        let visitor = harness.browser()
        try await visitor.get("/letters/\(letter.id)")
        try await visitor.post("/letters/\(letter.id)", ["organization": "Iglesia San José", "type": "faith", "city": "Salem", "email": "pastora@iglesia.example"])
        let resource = try await harness.browser().get("/api/v1/letters/\(letter.id)")
        XCTAssertEqual(resource.status, .ok)
        XCTAssertNotNil(resource.headers.first(name: .eTag))
        XCTAssertFalse(resource.body.string.contains("pastora@"), "a signer's contact never leaves the store")
        let shown = try JSONDecoder.api.decode(LetterPage.self, from: Data(resource.body.readableBytesView))
        XCTAssertEqual(shown.signers, [], "not listed before it is confirmed")
        let stories = try await harness.browser().get("/api/v1/stories")
        XCTAssertEqual(try JSONDecoder.api.decode(StoriesPage.self, from: Data(stories.body.readableBytesView)).stories, [])
    }
}
