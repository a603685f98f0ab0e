import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /admin/users: every member, and the form to invite one (keeping what was typed when refused);
/// after an invitation, its link to pass on.
struct MembersPage: Sendable, Equatable, Codable {
    /// The invitation form as typed.
    struct Invite: Sendable, Equatable, Codable {
        var name = ""
        var email = ""
        var phone = ""
        var roles: RoleSet = [.responder]
        var teams: [UUID] = []
    }

    let members: [MemberLine]
    let teams: [TeamLine]
    /// The roles the admin looking holds: the only ones they may give.
    let grantable: RoleSet
    var invite = Invite()
    var problems: [Accounts.Problem] = []
    /// The link of the invitation just made.
    var invitation: String?
    /// Where it was sent, if a channel could carry it.
    var sentTo: InvitationDelivery?
    /// The list pasted to invite several people at once, as typed.
    var many = InviteMany()
    /// What is wrong with that list, line by line: nobody was invited.
    var manyProblems: [ManyProblem] = []
    /// The people just invited from a list, each with their link.
    var invitedMany: [InvitedPerson] = []

    struct InviteMany: Sendable, Equatable, Codable {
        var people = ""
        var roles: RoleSet = [.responder]
        var teams: [UUID] = []
    }

    /// One thing to fix in a pasted list, on a line of it or in the form.
    struct ManyProblem: Sendable, Equatable, Codable {
        enum Kind: Sendable, Equatable, Codable {
            case account(Accounts.Problem), noEmail, alsoOnLine(Int), nobodyPasted, tooMany(Int)
        }
        var line: Int?
        let kind: Kind

        var text: Text {
            let said: Text = switch kind {
            case .account(let problem): problem.text
            case .noEmail: .errorNoEmailOnLine
            case .alsoOnLine(let earlier): .errorEmailAlsoOnLine(earlier)
            case .nobodyPasted: .errorNobodyPasted
            case .tooMany(let count): .errorTooManyPasted(count)
            }
            return line.map { .errorLine($0, said) } ?? said
        }
    }

    struct InvitedPerson: Sendable, Equatable, Codable {
        let id: UserID
        let name: String
        let link: String
        let sentTo: InvitationDelivery?
    }
}

/// An invitation queued for the invitee: by which channel, to what address.
struct InvitationDelivery: Sendable, Equatable, Codable {
    let channel: AlertChannel
    let to: String
}

/// /admin/users/<id>: one member's details, roles, teams and access.
struct MemberPage: Sendable, Equatable, Codable {
    let member: MemberDetail
    let teams: [TeamLine]
    /// The roles the admin looking holds: the only ones they may give or take.
    let grantable: RoleSet
    /// A refused change of roles: what was ticked, and why it was refused.
    var refusedRoles: RefusedRoles?
    /// The link of an invitation just made again.
    var invitation: String?
    var sentTo: InvitationDelivery?
}

struct RefusedRoles: Sendable, Equatable, Codable {
    let ticked: RoleSet
    let problem: Accounts.Problem
}

/// /admin/teams: the teams with their regions and sizes, and the form for a new one.
struct TeamsPage: Sendable, Equatable, Codable {
    struct Typed: Sendable, Equatable, Codable {
        var name = ""
        var region = ""
    }

    let teams: [TeamSize]
    var typed = Typed()
    var problem: AdminTeamRoutes.Problem?
}

/// /admin/audit: the newest entries, and the chain's check when asked for.
struct AuditPage: Sendable, Equatable, Codable {
    enum Verification: Sendable, Equatable, Codable {
        case intact(entries: Int)
        case broken(String)
    }

    let entries: [AuditLine]
    var verification: Verification?
}

enum AdminRenderer {
    static func render(_ page: MembersPage, _ chrome: Chrome, notice: Text? = nil) -> HTML {
        let l = chrome.language, invite = page.invite
        let rows: [HTML] = page.members.map { member in
            """
            <tr><td><a href="\(SiteURL.member(member.id).path)">\(member.name)</a></td>
            <td data-label="\(Text.rolesLabel.in(l))">\(Text.roleNames(member.roles, l))</td>
            <td data-label="\(Text.teamsLabel.in(l))">\(member.teams.joined(separator: ", "))</td>
            <td data-label="\(Text.statusLabel.in(l))">\(standing(member.standing).in(l))</td>\
            <td data-label="\(Text.secondFactorShort.in(l))">\(member.twoFactor ? Text.on.in(l) : Text.off.in(l))</td></tr>
            """
        }
        let body: HTML = """
        <h1>\(Text.navUsers.in(l))</h1>
        <table class="cards" id="members"><thead><tr><th>\(Text.yourName.in(l))</th><th>\(Text.rolesLabel.in(l))</th><th>\(Text.teamsLabel.in(l))</th><th>\(Text.statusLabel.in(l))</th><th>\(Text.secondFactorShort.in(l))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        <h2 id="invite">\(Text.inviteMember.in(l))</h2>
        \(invitationNotice(page.invitation, sentTo: page.sentTo, l))
        <p>\(Text.inviteIntro.in(l))</p>
        \(Form.errorSummary(page.problems.map { $0.text.in(l) }, language: l))
        <form method="post" action="\(SiteURL.members.path)#invite">
        \(chrome.csrfField)
        \(Form.field("name", label: Text.memberName.in(l), value: invite.name))
        \(Form.field("email", label: Text.email.in(l), type: "email", value: invite.email))
        \(Form.field("phone", label: Text.phone.in(l), type: "tel", value: invite.phone, hint: Text.phoneHint.in(l), required: false))
        \(roleCheckboxes(checked: invite.roles, grantable: page.grantable, l))
        \(teamCheckboxes(page.teams, checked: Set(invite.teams), l))
        <button type="submit">\(Text.inviteMember.in(l))</button>
        </form>
        \(inviteMany(page, chrome))
        \(rolesGuide(l))
        """
        return Layout.page(chrome, title: Text.navUsers.in(l), body: body, notice: notice.map { HTML("\($0.in(l))") })
    }

    static func render(_ page: MemberPage, _ chrome: Chrome, notice: Text? = nil) -> HTML {
        let l = chrome.language, member = page.member, csrf = chrome.csrfField, id = member.id
        let access: HTML = !member.acceptedInvitation
            ? "<form method=\"post\" action=\"\(SiteURL.memberAction(id, .invitation).path)#invitation-sent\">\(csrf)<button type=\"submit\" class=\"secondary\">\(Text.newInvitationLink.in(l))</button></form>"
            : .empty
        let disabled = member.standing == .disabled
        let body: HTML = """
        <h1>\(member.name)</h1>
        <dl><dt>\(Text.email.in(l))</dt><dd>\(member.email)</dd>
        <dt>\(Text.phone.in(l))</dt><dd>\(member.phone ?? "—")</dd>
        <dt>\(Text.statusLabel.in(l))</dt><dd>\(standing(member.standing).in(l))</dd>
        <dt>\(Text.secondFactorShort.in(l))</dt><dd>\(member.twoFactor ? Text.on.in(l) : Text.off.in(l))</dd></dl>
        \(invitationNotice(page.invitation, sentTo: page.sentTo, l))
        <h2 id="roles">\(Text.rolesLabel.in(l))</h2>
        \(page.refusedRoles.map { Form.errorSummary([$0.problem.text.in(l)], language: l) })
        <form method="post" action="\(SiteURL.memberAction(id, .roles).path)#roles">\(csrf)
        \(roleCheckboxes(checked: page.refusedRoles?.ticked ?? member.roles, grantable: page.grantable, l))
        <button type="submit">\(Text.save.in(l))</button></form>
        <h2>\(Text.teamsLabel.in(l))</h2>
        <form method="post" action="\(SiteURL.memberAction(id, .teams).path)">\(csrf)
        \(page.teams.isEmpty ? HTML("<p>\(Text.noTeams.in(l))</p>") : teamCheckboxes(page.teams, checked: Set(member.teams.map(\.rawValue)), l))
        <button type="submit">\(Text.save.in(l))</button></form>
        <h2>\(Text.accessLabel.in(l))</h2>
        \(access)
        <form method="post" action="\(SiteURL.memberAction(id, .resetSecondFactor).path)">\(csrf)<button type="submit" class="secondary">\(Text.resetSecondFactor.in(l))</button></form>
        <form method="post" action="\(SiteURL.memberAction(id, disabled ? .enable : .disable).path)">\(csrf)<button type="submit" class="\(disabled ? "secondary" : "danger")">\((disabled ? Text.enableMember : Text.disableMember).in(l))</button></form>
        """
        return Layout.page(chrome, title: member.name, body: body, notice: notice.map { HTML("\($0.in(l))") })
    }

    static func render(_ page: TeamsPage, _ chrome: Chrome, notice: Text? = nil) -> HTML {
        let l = chrome.language
        let rows: [HTML] = page.teams.map { "<tr><td>\($0.name)</td><td>\($0.region)</td><td>\($0.members)</td></tr>" }
        let table: HTML = page.teams.isEmpty ? "<p>\(Text.noTeams.in(l))</p>"
            : "<table><thead><tr><th>\(Text.teamName.in(l))</th><th>\(Text.region.in(l))</th><th>\(Text.members.in(l))</th></tr></thead><tbody>\(rows)</tbody></table>"
        let body: HTML = """
        <h1>\(Text.navTeams.in(l))</h1>
        \(table)
        <h2>\(Text.newTeam.in(l))</h2>
        \(page.problem.map { Form.errorSummary([$0.text.in(l)], language: l) })
        <form method="post" action="\(SiteURL.teams.path)">
        \(chrome.csrfField)
        \(Form.field("name", label: Text.teamName.in(l), value: page.typed.name))
        \(Form.field("region", label: Text.region.in(l), value: page.typed.region, hint: Text.regionHint.in(l), required: false))
        <button type="submit">\(Text.newTeam.in(l))</button>
        </form>
        """
        return Layout.page(chrome, title: Text.navTeams.in(l), body: body, notice: notice.map { HTML("\($0.in(l))") })
    }

    static func render(_ page: AuditPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        var verification: HTML = .empty
        switch page.verification {
        case .intact(let entries): verification = "<p class=\"notice\" role=\"status\">\(Text.auditIntact(entries).in(l))</p>"
        case .broken(let problem): verification = "<div class=\"error-summary\" role=\"alert\"><p>\(Text.auditBroken.in(l)) \(problem)</p></div>"
        case nil: break
        }
        let rows: [HTML] = page.entries.map { entry in
            let who: HTML = entry.actorName.map { "\($0)" } ?? Text.auditActor(entry.actor).map { "\($0.in(l))" } ?? "<code>\(entry.actor)</code>"
            let what: HTML = AuditWords.action(entry.action, in: l).map { "<span title=\"\(entry.action)\">\($0)</span>" } ?? "<code>\(entry.action)</code>"
            let kind = AuditWords.record(entry.recordType, in: l) ?? entry.recordType
            let record: HTML = recordLink(entry, chrome).map { "<a href=\"\($0)\">\(kind)</a>" } ?? "\(kind) <code>\(entry.recordID)</code>"
            return """
            <tr><td data-label="#">\(entry.sequence)</td><td data-label="\(Text.when.in(l))">\(chrome.dateTime(entry.at))</td><td data-label="\(Text.who.in(l))">\(who)</td>\
            <td data-label="\(Text.what.in(l))">\(what)</td><td data-label="\(Text.record.in(l))">\(record)</td></tr>
            """
        }
        let body: HTML = """
        <h1>\(Text.navAudit.in(l))</h1>
        <p>\(Text.auditIntro.in(l))</p>
        \(verification)
        <form method="get" action="\(SiteURL.auditLog.path)"><input type="hidden" name="verify" value="1"><button type="submit" class="secondary">\(Text.auditVerify.in(l))</button></form>
        <table class="cards" id="audit-log"><thead><tr><th>#</th><th>\(Text.when.in(l))</th><th>\(Text.who.in(l))</th><th>\(Text.what.in(l))</th><th>\(Text.record.in(l))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
        return Layout.page(chrome, title: Text.navAudit.in(l), body: body)
    }

    /// Where the entry's record opens, when the reader's role may open it.
    static func recordLink(_ entry: AuditLine, _ chrome: Chrome) -> String? {
        guard let role = chrome.roles, let id = UUID(uuidString: entry.recordID) else { return nil }
        switch entry.recordType {
        case "user" where role.can(.manageUsers): return SiteURL.member(UserID(id)).path
        case "case" where role.can(.workCases): return "/cases/\(id.uuidString)"
        case "report" where role.can(.workHotline): return "/hotline/reports/\(id.uuidString)"
        case "campaign" where role.can(.runCampaigns): return SiteURL.campaign(CampaignID(id)).path
        case "story" where role.can(.runCampaigns): return SiteURL.storyReview(StoryID(id)).path
        case "records_request" where role.can(.workRecords): return SiteURL.recordsRequest(RecordsRequestID(id)).path
        case "facility" where role.can(.workCases): return "/facilities/\(id.uuidString)"
        default: return nil
        }
    }

    private static func standing(_ standing: MemberStanding) -> Text {
        switch standing {
        case .active: .statusActive
        case .invited: .statusInvited
        case .disabled: .statusDisabled
        }
    }

    /// The link, and honestly whether Amparo sent it: the admin passes it on when nothing could.
    /// The list form, open when it was just used (refused or done), folded away otherwise.
    private static func inviteMany(_ page: MembersPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language, many = page.many
        let open = !page.manyProblems.isEmpty || !page.invitedMany.isEmpty
        let done: HTML = page.invitedMany.isEmpty ? .empty : {
            let sent = page.invitedMany.filter { $0.sentTo != nil }.count
            let rows: [HTML] = page.invitedMany.map { person in
                let said = person.sentTo.map { Text.invitationSentShort($0.channel, $0.to).in(l) } ?? Text.invitedManyNotSent.in(l)
                return """
                <tr><td><a href="\(SiteURL.member(person.id).path)">\(person.name)</a></td><td data-label="\(Text.statusLabel.in(l))">\(said)</td>\
                <td data-label="\(Text.invitationLinkLabel.in(l))"><span class="secret">\(person.link)</span></td></tr>
                """
            }
            return """
            <div class="notice" role="status" id="invited-many"><p>\(Text.invitedMany(page.invitedMany.count, sent: sent).in(l))</p></div>
            <table class="cards"><thead><tr><th>\(Text.memberName.in(l))</th><th>\(Text.statusLabel.in(l))</th><th>\(Text.invitationLinkLabel.in(l))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        }()
        return """
        <details id="invite-many"\(open ? HTML(" open") : .empty)><summary><h2>\(Text.inviteMany.in(l))</h2></summary>
        \(done)
        <p>\(Text.inviteManyIntro.in(l))</p>
        \(Form.errorSummary(page.manyProblems.map { $0.text.in(l) }, language: l))
        <form method="post" action="\(SiteURL.membersTogether.path)#invite-many">
        \(chrome.csrfField)
        \(Form.textarea("people", label: Text.inviteManyPeople.in(l), value: many.people, hint: Text.inviteManyHint.in(l),
                        error: nil, maxLength: 40_000))
        \(roleCheckboxes(checked: many.roles, grantable: page.grantable, l, idPrefix: "many-"))
        \(teamCheckboxes(page.teams, checked: Set(many.teams), l, idPrefix: "many-"))
        <button type="submit">\(Text.inviteManySubmit.in(l))</button>
        </form></details>
        """
    }

    private static func invitationNotice(_ link: String?, sentTo: InvitationDelivery?, _ l: Language) -> HTML {
        let said: Text = sentTo.map { .invitationSent($0.channel, $0.to) } ?? .invitationNotSent
        return link.map { HTML("<div class=\"notice\" role=\"status\"><p id=\"invitation-sent\">\(said.in(l))</p><p class=\"secret\" id=\"invitation-link\">\($0)</p></div>") } ?? .empty
    }

    /// One box per role. A role the admin does not hold is shown as it stands but cannot be changed
    /// (a disabled box is not sent: the route keeps such roles as they were).
    /// `idPrefix`: for a second form of roles on the page, so ids stay unique.
    private static func roleCheckboxes(checked: RoleSet, grantable: RoleSet, _ l: Language, idPrefix: String = "") -> HTML {
        let boxes: [HTML] = Role.allCases.map { role in
            let id = "\(idPrefix)role-\(role.rawValue)", mine = grantable.contains(role)
            let state: HTML = "\(checked.contains(role) ? " checked" : "")\(mine ? HTML.empty : HTML(" disabled aria-describedby=\"\(id)-hint\""))"
            let hint: HTML = mine ? .empty : " <span class=\"hint\" id=\"\(id)-hint\">\(Text.roleNotYours.in(l))</span>"
            return "<div><input type=\"checkbox\" id=\"\(id)\" name=\"roles[]\" value=\"\(role.rawValue)\"\(state)> <label class=\"inline\" for=\"\(id)\">\(Text.role(role).in(l))</label>\(hint)</div>"
        }
        return "<fieldset><legend>\(Text.rolesLabel.in(l))</legend><p class=\"hint\">\(Text.rolesHint.in(l)) <a href=\"\(SiteURL.members.path)#roles-guide\">\(Text.rolesGuideTitle.in(l))</a></p>\(boxes)</fieldset>"
    }

    /// Each role and the modules it opens, read from the menu itself so the two never disagree.
    static func rolesGuide(_ l: Language) -> HTML {
        let rows: [HTML] = Role.allCases.map { role in
            let opens = Layout.moduleLinks([role], l).map(\.label)
            return "<tr><th scope=\"row\">\(Text.role(role).in(l))</th><td>\(opens.isEmpty ? Text.roleOpensNothing.in(l) : opens.joined(separator: ", "))</td></tr>"
        }
        return """
        <h2 id="roles-guide">\(Text.rolesGuideTitle.in(l))</h2>
        <p>\(Text.rolesGuideIntro.in(l))</p>
        <table><thead><tr><th>\(Text.roleLabel.in(l))</th><th>\(Text.roleOpens.in(l))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    private static func teamCheckboxes(_ teams: [TeamLine], checked: Set<UUID>, _ l: Language, idPrefix: String = "") -> HTML {
        guard !teams.isEmpty else { return .empty }
        let boxes: [HTML] = teams.map { team in
            let id = team.id.rawValue.uuidString
            return """
            <div><input type="checkbox" id="\(idPrefix)team-\(id)" name="teams[]" value="\(id)"\(checked.contains(team.id.rawValue) ? HTML(" checked") : .empty)> <label class="inline" for="\(idPrefix)team-\(id)">\(team.name)</label></div>
            """
        }
        return "<fieldset><legend>\(Text.teamsLabel.in(l))</legend>\(boxes)</fieldset>"
    }
}
