import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The first hour's pages from fixture values: the front door before and after setup, the setup
/// form refused, sign-in, the second factor, an invitation, enrolment, recovery codes, the
/// dashboard with a hold running and the account page in its states.
final class AccountSnapshotTests: XCTestCase {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    func testTheFrontDoorBeforeAndAfterSetup() {
        assertPageSnapshots({ HomeRenderer.render(HomePage(organization: nil), $0) }, testName: "testTheFrontDoorBeforeSetup")
        let letter = LetterRecord(id: LetterID(Self.id(7)), campaign: CampaignID(Self.id(8)), title: "End 287(g) in Harris County", body: "…", open: true, signatures: 12)
        assertPageSnapshots({ HomeRenderer.render(HomePage(organization: "Red de Respuesta <Valle>", letters: [letter], hotlineNumber: "(503) 555-0100"), $0) }, testName: "testTheFrontDoorAfterSetup")
    }

    func testSetupRefusedKeepsWhatWasTypedButNotThePasswords() {
        let page = SetupPage(typed: .init(organization: "", name: "Ana <Admin>", email: "ana@"),
                             problems: [.passwordsDiffer, .account(.invalidEmail), .organizationMissing, .password(.tooShort)])
        let html = SetupRenderer.render(page, SnapshotChrome.make(.es, role: nil, path: "/setup/abc")).rendered
        XCTAssertTrue(html.contains("value=\"ana@\""), "the email is kept")
        XCTAssertTrue(html.range(of: "Escriba el nombre de su organización")!.lowerBound < html.range(of: "correo")!.lowerBound,
                      "the summary lists the fields in the form's order")
        assertPageSnapshots({ SetupRenderer.render(page, $0) }, path: "/setup/abc")
    }

    func testSignInAfterSigningOutAndRefused() {
        assertPageSnapshots({ AuthRenderer.render(SignInPage(), $0, notice: .noticeSignedOut) }, path: "/login", testName: "testSignInAfterSigningOut")
        assertPageSnapshots({ AuthRenderer.render(SignInPage(email: "ana@example.org", problem: .tooManyAttempts), $0) }, path: "/login", testName: "testSignInRefused")
    }

    func testASecondFactorCodeRefused() {
        assertPageSnapshots({ AuthRenderer.render(SecondFactorPage(problem: .codeWrong), $0) }, path: "/login/2fa")
    }

    func testAnInvitationWithAPasswordTooCommon() {
        assertPageSnapshots({ AuthRenderer.render(InvitationPage(name: "Dana <Dispatch>", problem: .password(.tooCommon)), $0) }, path: "/invite/abc")
    }

    func testEnrolmentAfterAWrongCodeAndTheRecoveryCodes() {
        let page = EnrolmentPage(account: "ana@example.org", secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", codeWrong: true)
        XCTAssertEqual(AuthRenderer.groups("JBSWY3DPEHPK3PXPJB"), ["JBSW", "Y3DP", "EHPK", "3PXP", "JB"])
        assertPageSnapshots({ AuthRenderer.render(page, $0) }, path: "/enrol", testName: "testEnrolmentAfterAWrongCode")
        assertPageSnapshots({ AuthRenderer.render(RecoveryCodesPage(account: "ana@example.org", codes: ["abcde-fghij", "klmno-pqrst"]), $0) }, path: "/enrol",
                            testName: "testTheRecoveryCodes")
    }

    func testTheRecoveryCodesDownloadAsText() throws {
        let page = RecoveryCodesPage(account: "ana@example.org", codes: ["abcde-fghij", "klmno-pqrst"])
        let link = AuthRenderer.download(page, .es)
        XCTAssertTrue(link.hasPrefix("data:text/plain;charset=utf-8,"))
        let text = try XCTUnwrap(link.dropFirst("data:text/plain;charset=utf-8,".count).removingPercentEncoding)
        XCTAssertEqual(text, "Códigos de recuperación de Amparo para ana@example.org. Cada uno le permite entrar una vez, sin su teléfono.\n\nabcde-fghij\nklmno-pqrst\n")
    }

    func testTheDashboardWithAHoldRunning() {
        let now = SnapshotChrome.importDay
        let hold = CaseLine(id: Self.id(9), name: "Ana Pérez", status: .open, openedAt: now.addingTimeInterval(-86400), report: nil,
                            hold: HoldClock(startedAt: now.addingTimeInterval(-40 * 3600), endedAt: nil, judicialWarrant: false))
        let page = DashboardPage(name: "Luz Legal", organization: "Red de Respuesta", roles: [.legal, .caseWorker],
                                 teams: [TeamLine(id: TeamID(Self.id(1)), name: "Eastside", region: "East")], holds: [hold], asOf: now)
        assertPageSnapshots({ AccountRenderer.render(page, $0) }, role: .legal, path: "/dashboard")
    }

    func testAnAdminsDashboardWithMessagesNoChannelCanCarry() {
        let page = DashboardPage(name: "Ana Admin", organization: "Red de Respuesta", roles: .all, teams: [], holds: [], asOf: SnapshotChrome.importDay,
                                 stuck: [.init(channel: .email, waiting: 3), .init(channel: .signal, waiting: 1)],
                                 checklist: SetupStep.allCases.enumerated().map { .init(step: $1, done: $0 < 3, path: "/step/\($1.rawValue)") })
        assertPageSnapshots({ AccountRenderer.render(page, $0) }, role: .admin, path: "/dashboard")
    }

    static let profile = AccountPage.Profile(name: "Dana Dispatch", email: "dana@example.org", phone: nil, roles: [.dispatcher], twoFactor: true)

    func testAnAccountWithTokensAndARefusedToken() {
        let at = SnapshotChrome.importDay
        let tokens = [APITokenLine(id: APITokenID(Self.id(5)), name: "Coalition <script>", prefix: "amp_abcdef", createdAt: at, lastUsedAt: nil,
                                   expiresAt: at.addingTimeInterval(365 * 86400), readOnly: true)]
        // Chose Signal with no phone on a server without Signal: both are said, and email is what happens.
        let page = AccountPage(profile: Self.profile, reach: .init(chosen: .signal, actual: .email, chosenIsSetUp: false), tokens: tokens,
                               tokenTyped: .init(name: "", access: "read", days: "90"), tokenProblem: .name)
        assertPageSnapshots({ AccountRenderer.render(page, $0) }, role: .dispatcher, path: "/account")
    }

    func testAnAccountAfterARefusedPasswordAndANewToken() {
        let reach = AccountPage.Reach(chosen: .sms, actual: .email, chosenIsSetUp: true)
        let refused = AccountPage(profile: Self.profile, reach: reach, tokens: [], passwordProblems: [.currentWrong, .password(.containsEmail)])
        assertPageSnapshots({ AccountRenderer.render(refused, $0) }, role: .dispatcher, path: "/account", testName: "testAnAccountAfterARefusedPassword")
        let made = AccountPage(profile: Self.profile, reach: reach, tokens: [], newToken: "amp_secret-shown-once")
        assertPageSnapshots({ AccountRenderer.render(made, $0, notice: .noticeSaved) }, role: .dispatcher, path: "/account", testName: "testAnAccountWithANewToken")
    }
}
