import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// The admin pages from fixture values: members (after an invitation, a refused invitation
/// keeping what was typed), one member (invited, disabled), teams (with a refused name, none yet)
/// and the audit log (checked intact, found broken).
final class AdminSnapshotTests: XCTestCase {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static let east = TeamLine(id: TeamID(id(1)), name: "Eastside Rapid Response", region: "Eastside")
    static let valley = TeamLine(id: TeamID(id(2)), name: "Valley <Visitation>", region: "")
    static let members = [
        MemberLine(id: UserID(id(11)), name: "Ana Admin", roles: .all, teams: [], standing: .active, twoFactor: true),
        MemberLine(id: UserID(id(12)), name: "Dana Dispatch", roles: [.dispatcher], teams: ["Eastside Rapid Response"], standing: .invited, twoFactor: false),
        MemberLine(id: UserID(id(13)), name: "Rosa <Responder>", roles: [.responder, .visitor], teams: ["Eastside Rapid Response", "Valley <Visitation>"], standing: .disabled, twoFactor: true),
    ]

    func testMembersAfterAnInvitation() {
        let page = MembersPage(members: Self.members, teams: [Self.east, Self.valley], grantable: .all, invitation: "https://amparo.example.org/invite/abc123",
                               sentTo: InvitationDelivery(channel: .email, to: "dana@example.org"))
        assertPageSnapshots({ AdminRenderer.render(page, $0) }, role: .admin, path: "/admin/users")
    }

    func testARefusedInvitationKeepsWhatWasTyped() {
        let typed = MembersPage.Invite(name: "", email: "dana@", phone: "12", roles: [.dispatcher], teams: [Self.east.id.rawValue])
        let page = MembersPage(members: Self.members, teams: [Self.east, Self.valley], grantable: .all, invite: typed, problems: [.invalidPhone, .invalidEmail, .nameMissing])
        assertPageSnapshots({ AdminRenderer.render(page, $0) }, role: .admin, path: "/admin/users")
    }

    func testAPastedListRefusedLineByLine() {
        let many = MembersPage.InviteMany(people: "Ana Pérez, ana@example.org\nJosé Ruiz\nana@example.org, Ana P.", roles: [.responder], teams: [Self.east.id.rawValue])
        let page = MembersPage(members: Self.members, teams: [Self.east, Self.valley], grantable: [.admin, .responder, .visitor], many: many,
                               manyProblems: [.init(line: 2, kind: .noEmail), .init(line: 3, kind: .alsoOnLine(1))])
        assertPageSnapshots({ AdminRenderer.render(page, $0) }, role: .admin, path: "/admin/users")
    }

    func testAPastedListInvitedOneSentOneToPassOn() {
        let page = MembersPage(members: Self.members, teams: [Self.east], grantable: .all, invitedMany: [
            .init(id: UserID(Self.id(21)), name: "Ana <Pérez>", link: "https://amparo.example.org/invite/aaa111",
                  sentTo: InvitationDelivery(channel: .email, to: "ana@example.org")),
            .init(id: UserID(Self.id(22)), name: "José Ruiz", link: "https://amparo.example.org/invite/bbb222", sentTo: nil),
        ])
        assertPageSnapshots({ AdminRenderer.render(page, $0) }, role: .admin, path: "/admin/users")
    }

    static func member(_ standing: MemberStanding, accepted: Bool) -> MemberDetail {
        MemberDetail(id: UserID(id(12)), name: "Dana Dispatch", email: "dana@example.org", phone: standing == .invited ? nil : "+1 503 555 0100",
                     roles: [.dispatcher, .responder], standing: standing, twoFactor: accepted, acceptedInvitation: accepted, teams: [Self.east.id])
    }

    func testAnInvitedMemberWithANewLink() {
        let page = MemberPage(member: Self.member(.invited, accepted: false), teams: [Self.east, Self.valley], grantable: .all, invitation: "https://amparo.example.org/invite/def456")
        assertPageSnapshots({ AdminRenderer.render(page, $0) }, role: .admin, path: "/admin/users/12")
    }

    func testARefusedChangeOfRolesKeepsWhatWasTicked() {
        let refused = RefusedRoles(ticked: [.responder], problem: .cannotDemoteSelf)
        let page = MemberPage(member: Self.member(.active, accepted: true), teams: [Self.east], grantable: .all, refusedRoles: refused)
        assertPageSnapshots({ AdminRenderer.render(page, $0) }, role: .admin, path: "/admin/users/12")
    }

    func testADisabledMemberAfterSaving() {
        let page = MemberPage(member: Self.member(.disabled, accepted: true), teams: [], grantable: [.admin, .dispatcher])
        assertPageSnapshots({ AdminRenderer.render(page, $0, notice: .noticeSaved) }, role: .admin, path: "/admin/users/12")
    }

    func testTeamsWithARefusedName() {
        let page = TeamsPage(teams: [TeamSize(id: Self.east.id, name: Self.east.name, region: "Eastside", members: 4)],
                             typed: .init(name: "Eastside Rapid Response", region: "East <side>"), problem: .nameTaken)
        assertPageSnapshots({ AdminRenderer.render(page, $0) }, role: .coordinator, path: "/admin/teams")
    }

    func testNoTeamsYet() {
        assertPageSnapshots({ AdminRenderer.render(TeamsPage(teams: []), $0, notice: .noticeSaved) }, role: .admin, path: "/admin/teams")
    }

    static let entries = [
        AuditLine(sequence: 3, at: SnapshotChrome.importDay, actor: id(11).uuidString, actorName: "Ana Admin", action: "user.read", recordType: "user", recordID: id(12).uuidString),
        AuditLine(sequence: 2, at: SnapshotChrome.importDay, actor: "anonymous", actorName: nil, action: "login.failure", recordType: "user", recordID: "unknown"),
        AuditLine(sequence: 1, at: SnapshotChrome.importDay, actor: "cli", actorName: nil, action: "report.status.verified", recordType: "report", recordID: id(40).uuidString),
        // A code this version does not know is shown as it is.
        AuditLine(sequence: 0, at: SnapshotChrome.importDay, actor: "system", actorName: nil, action: "future.<thing>", recordType: "organization", recordID: "<org>"),
    ]

    func testTheAuditLogCheckedIntact() {
        assertPageSnapshots({ AdminRenderer.render(AuditPage(entries: Self.entries, verification: .intact(entries: 4)), $0) }, role: .admin, path: "/admin/audit")
    }

    func testTheAuditLogFoundBroken() {
        let page = AuditPage(entries: Self.entries, verification: .broken("Entry 2's hash does not match <its content>."))
        assertPageSnapshots({ AdminRenderer.render(page, $0) }, role: .admin, path: "/admin/audit")
    }
}
