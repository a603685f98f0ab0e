import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The campaigns, letters and stories pages from fixture values, full, empty and refused.
final class CampaignSnapshotTests: XCTestCase {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static let marion = PlaceRecord(id: PlaceID(id(1)), kind: .county, name: "Marion County", stateCode: "OR", fips: "41047", slug: "marion-county", nameKey: "marion county")
    static let campaign = CampaignRecord(id: CampaignID(id(2)), title: "Marion: no more ICE holds <now>", place: marion, goal: .stopHonoringHolds, status: .active, outcome: nil)
    static let won = CampaignRecord(id: CampaignID(id(3)), title: "Oregon sanctuary law", place: nil, goal: .end287g, status: .won, outcome: "The board voted 3-2.")
    static let letter = LetterRecord(id: LetterID(id(4)), campaign: campaign.id, title: "Honor only judicial warrants",
                                     body: "We, the undersigned organizations,\nask the Board…", open: true, signatures: 2)

    func testTheCampaignsList() {
        assertPageSnapshots({ CampaignRenderer.render(CampaignsPage(campaigns: [Self.campaign, Self.won]), $0) }, role: .organizer, path: "/campaigns")
    }

    func testARefusedCampaignKeepsWhatWasTyped() {
        let page = CampaignsPage(campaigns: [], typed: .init(title: "End 287(g)", place: "OR / Atlantis County", goal: "end_287g"), refused: true)
        assertPageSnapshots({ CampaignRenderer.render(page, $0) }, role: .organizer, path: "/campaigns")
    }

    static func page(refused: CampaignPage.Refused? = nil, typed: [String: String] = [:]) -> CampaignPage {
        CampaignPage(campaign: campaign, steps: [CampaignStep(kind: .testimony, onDay: Day(2027, 1, 20), note: "Public comment, 9:00")],
                     decisionMakers: [DecisionMaker(name: "Commissioner Rivera", office: "Board of Commissioners", publicContact: "commissioners@example.gov")],
                     letters: [letter], refused: refused, typed: typed)
    }

    func testACampaignWithItsTimelineAndLetters() {
        assertPageSnapshots({ CampaignRenderer.render(Self.page(), $0) }, role: .organizer, path: "/campaigns/2")
    }

    func testARefusedStepOpensItsFormWithWhatWasTyped() {
        assertPageSnapshots({ CampaignRenderer.render(Self.page(refused: .step, typed: ["kind": "vote", "onDay": "someday", "note": "Board vote <9:00>"]), $0) },
                            role: .organizer, path: "/campaigns/2")
    }

    func testARefusedWonPolicyKeepsWhatWasTyped() {
        let typed = ["status": "won", "outcome": "Voted 3-2", "kind": "detainers", "document": "not a link"]
        assertPageSnapshots({ CampaignRenderer.render(Self.page(refused: .policy, typed: typed), $0) }, role: .organizer, path: "/campaigns/2")
    }

    func testALetterWithSigners() {
        let signers = [LetterSigner(organization: "Iglesia San José", type: .faith, city: "Salem", confirmedAt: SnapshotChrome.importDay),
                       LetterSigner(organization: "SEIU <503>", type: .labor, city: "Portland", confirmedAt: SnapshotChrome.importDay)]
        assertPageSnapshots({ CampaignRenderer.render(LetterPage(letter: Self.letter, signers: signers, checkEmail: true), $0) }, path: "/letters/4")
    }

    func testARefusedSignatureKeepsWhatWasTyped() {
        let page = LetterPage(letter: Self.letter, signers: [], typed: .init(organization: "Iglesia San José", type: "faith", city: "Salem", email: "not-an-email"),
                              problem: .invalid)
        assertPageSnapshots({ CampaignRenderer.render(page, $0) }, path: "/letters/4")
    }

    func testAClosedLetter() {
        let closed = LetterRecord(id: Self.letter.id, campaign: Self.campaign.id, title: Self.letter.title, body: Self.letter.body, open: false, signatures: 0)
        assertPageSnapshots({ CampaignRenderer.render(LetterPage(letter: closed, signers: []), $0) }, path: "/letters/4")
    }

    func testTheLetterConfirmationPages() {
        assertPageSnapshots({ CampaignRenderer.confirm(token: "a-token", organization: "Iglesia <San José>", $0) }, path: "/letters/confirm/a-token")
        assertPageSnapshots({ CampaignRenderer.invalidLink($0) }, path: "/letters/confirm/x", testName: "testTheLetterConfirmationPages-invalid")
    }

    static let facts = StoryFacts(state: "OR", county: "Marion County", happenedIn: "2025-06", agencies: [.sheriff, .ice], outcome: .detained)

    func testPublishedStoriesAndNone() {
        assertPageSnapshots({ StoryRenderer.render(StoriesPage(stories: [PublishedStory(text: "They took my brother <at work>.", name: nil, facts: Self.facts)]), $0) },
                            path: "/stories")
        assertPageSnapshots({ StoryRenderer.render(StoriesPage(stories: []), $0) }, path: "/stories", testName: "testPublishedStoriesAndNone-none")
    }

    func testARefusedStoryKeepsWhatWasTyped() {
        let typed = StoryFormPage.Typed(what: "They took my brother.", state: "", county: "Marion", when: "June", agencies: ["ice"], outcome: "detained",
                                        consent: true, name: "", contact: "")
        assertPageSnapshots({ StoryRenderer.render(StoryFormPage(typed: typed, problem: .invalid), $0) }, path: "/stories/new")
    }

    func testAStorySent() {
        assertPageSnapshots({ StoryRenderer.render(StoryFormPage(thanks: true), $0) }, path: "/stories")
    }

    func testTheReviewQueueAndAStory() {
        let line = StoryLine(id: StoryID(Self.id(5)), receivedAt: SnapshotChrome.importDay, facts: Self.facts, status: .received)
        assertPageSnapshots({ StoryRenderer.render(StoryQueuePage(stories: [line]), $0) }, role: .organizer, path: "/stories/review")
        let story = StoryDetail(id: StoryID(Self.id(5)), facts: Self.facts, status: .received, body: "They took my brother <at work>.", name: "Ana", reach: "ana@example.org",
                                consentToPublish: true, publishedText: nil, publishedName: nil)
        assertPageSnapshots({ StoryRenderer.render(StoryReviewPage(story: story, typed: .init(text: "", name: "Ana R.")), $0) }, role: .organizer,
                            path: "/stories/review/5", testName: "testTheReviewQueueAndAStory-refused")
        let noConsent = StoryDetail(id: StoryID(Self.id(6)), facts: Self.facts, status: .declined, body: "Private.", name: nil, reach: nil,
                                    consentToPublish: false, publishedText: nil, publishedName: nil)
        assertPageSnapshots({ StoryRenderer.render(StoryReviewPage(story: noConsent), $0) }, role: .organizer, path: "/stories/review/6",
                            testName: "testTheReviewQueueAndAStory-noConsent")
    }
}
