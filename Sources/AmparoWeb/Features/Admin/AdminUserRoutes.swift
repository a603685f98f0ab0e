import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// Admins invite members, set their roles and teams, disable them and reset their second factor.
struct AdminUserRoutes: RouteCollection {
    let sealer: FieldSealer
    let baseURL: String

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("admin", "users")
        users.get(use: list).policy(.member(.manageUsers))
        users.post(use: create).policy(.member(.manageUsers))
        users.post("invite-many", use: inviteMany).policy(.member(.manageUsers))
        users.get(":userID", use: detail).policy(.member(.manageUsers))
        users.post(":userID", "roles", use: changeRoles).policy(.member(.manageUsers))
        users.post(":userID", "teams", use: changeTeams).policy(.member(.manageUsers))
        users.post(":userID", "disable", use: disable).policy(.member(.manageUsers))
        users.post(":userID", "enable", use: enable).policy(.member(.manageUsers))
        users.post(":userID", "reset-2fa", use: resetSecondFactor).policy(.member(.manageUsers))
        users.post(":userID", "invitation", use: newInvitation).policy(.member(.manageUsers))
    }

    struct CreateForm: Content {
        var email: String?
        var name: String?
        var phone: String?
        var roles: [String]?
        var teams: [UUID]?
    }

    struct InviteManyForm: Content {
        var people: String?
        var roles: [String]?
        var teams: [UUID]?
    }

    private func store(_ req: Request) -> MembersStore { MembersStore(req.db, sealer: sealer) }
    private func invitationLink(_ token: String) -> String { "\(baseURL)/invite/\(token)" }

    func membersPage(_ req: Request, invite: MembersPage.Invite = .init(), problems: [Accounts.Problem] = [], invitation: String? = nil,
                     sentTo: InvitationDelivery? = nil) async throws -> MembersPage {
        MembersPage(members: try await store(req).directory(), teams: try await store(req).teams(), grantable: req.visitor.roles ?? [],
                    invite: invite, problems: problems, invitation: invitation, sentTo: sentTo)
    }

    func memberPage(_ req: Request, _ id: UserID, invitation: String? = nil, sentTo: InvitationDelivery? = nil,
                    refusedRoles: RefusedRoles? = nil) async throws -> MemberPage {
        guard let member = try await store(req).member(id) else { throw Abort(.notFound) }
        return MemberPage(member: member, teams: try await store(req).teams(), grantable: req.visitor.roles ?? [], refusedRoles: refusedRoles,
                          invitation: invitation, sentTo: sentTo)
    }

    /// Queues the invitation for the invitee when a channel can carry it: email, else a text to
    /// their phone. In the organization's language first, then the other: theirs is not known yet.
    private func sendInvitation(_ req: Request, to user: UserModel, link: String) async throws -> InvitationDelivery? {
        let services = req.amparo, accounts = req.accounts
        let target: (channel: AlertChannel, to: String)? = services.delivery.senders(.email) != nil
            ? (.email, accounts.email(of: user)) : MemberReach.phone(user, accounts: accounts, services: services)
        guard let target else { return nil }
        let organization = try await services.organizationName(on: req.db) ?? "Amparo"
        let first = try await SettingsStore(req.db, sealer: sealer).organization().flatMap { Language(rawValue: $0.defaultLanguage) } ?? .es
        let languages = [first] + Language.allCases.filter { $0 != first }
        let body = languages.map { Text.invitationBody(organization: organization, link: link).in($0) }.joined(separator: "\n\n———\n\n")
        let subject = languages.map { Text.invitationSubject(organization).in($0) }.joined(separator: " / ")
        let notice = try Notice.make(channel: target.channel, to: target.to, subject: target.channel == .email ? subject : "", body: body,
                                     purpose: "invitation", recordID: user.id, services: services)
        try await notice.create(on: req.db)
        services.delivery.wake()
        return InvitationDelivery(channel: target.channel, to: target.to)
    }

    /// The roles ticked, and whether any named no role (a form from elsewhere).
    private static func ticked(_ values: [String]?) -> (roles: RoleSet, unknown: Bool) {
        let values = values ?? [], roles = values.compactMap(Role.init(rawValue:))
        return (RoleSet(roles), roles.count != values.count)
    }

    private static func problem(_ refusal: RoleGrant.Refusal) -> Accounts.Problem {
        switch refusal {
        case .noRole: .noRole
        case .notHeld: .roleNotHeld
        }
    }

    func list(req: Request) async throws -> Response {
        htmlResponse(AdminRenderer.render(try await membersPage(req), req.chrome))
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(CreateForm.self)
        let ticked = Self.ticked(form.roles)
        let typed = MembersPage.Invite(name: form.name ?? "", email: form.email ?? "", phone: form.phone ?? "", roles: ticked.roles, teams: form.teams ?? [])
        var problems = Accounts.validate(email: typed.email, name: typed.name, phone: form.phone)
        if ticked.unknown { problems.append(.unknownRole) }
        let granted = RoleGrant.apply(requested: ticked.roles, granter: req.visitor.roles ?? [])
        if case .failure(let refusal) = granted { problems.append(Self.problem(refusal)) }
        func refuse(_ problems: [Accounts.Problem], status: HTTPResponseStatus) async throws -> Response {
            htmlResponse(AdminRenderer.render(try await membersPage(req, invite: typed, problems: problems), req.chrome), status: status)
        }
        guard case .success(let roles) = granted, problems.isEmpty else { return try await refuse(problems, status: .unprocessableEntity) }
        do {
            let teams = try await store(req).existingTeams(typed.teams).map(\.rawValue)
            let (user, token) = try await req.accounts.create(email: typed.email, name: typed.name, phone: form.phone, roles: roles, teamIDs: teams)
            try await req.audit("user.create", recordType: "user", recordID: try user.requireID().uuidString)
            let link = token.map(invitationLink)
            var sentTo: InvitationDelivery?
            if let link { sentTo = try await sendInvitation(req, to: user, link: link) }
            let page = try await membersPage(req, invitation: link, sentTo: sentTo)
            return htmlResponse(AdminRenderer.render(page, req.chrome), status: .created)
        } catch let problem as Accounts.Problem {
            return try await refuse([problem], status: problem.status)
        }
    }

    /// A pasted list: every line is checked first, and either everyone is invited (in one
    /// transaction) or nobody is and the page says which lines to fix, keeping the list.
    func inviteMany(req: Request) async throws -> Response {
        let form = try req.content.decode(InviteManyForm.self)
        let ticked = Self.ticked(form.roles)
        let typed = MembersPage.InviteMany(people: form.people ?? "", roles: ticked.roles, teams: form.teams ?? [])
        let pasted = PastedPeople(typed.people)
        var problems: [MembersPage.ManyProblem] = []
        if ticked.unknown { problems.append(.init(kind: .account(.unknownRole))) }
        let granted = RoleGrant.apply(requested: ticked.roles, granter: req.visitor.roles ?? [])
        if case .failure(let refusal) = granted { problems.append(.init(kind: .account(Self.problem(refusal)))) }
        if pasted.people.isEmpty { problems.append(.init(kind: .nobodyPasted)) }
        if pasted.people.count > PastedPeople.maximum {
            problems.append(.init(kind: .tooMany(pasted.people.count)))
        } else {
            problems += try await lineProblems(req, pasted)
        }
        func refuse(_ problems: [MembersPage.ManyProblem]) async throws -> Response {
            var page = try await membersPage(req)
            page.many = typed
            page.manyProblems = problems
            return htmlResponse(AdminRenderer.render(page, req.chrome), status: .unprocessableEntity)
        }
        guard case .success(let roles) = granted, problems.isEmpty else { return try await refuse(problems) }
        let teams = try await store(req).existingTeams(typed.teams).map(\.rawValue)
        let created: [(user: UserModel, invitationToken: String?)]
        do {
            created = try await req.db.transaction { db in
                let accounts = Accounts(db: db, services: req.amparo)
                var made: [(user: UserModel, invitationToken: String?)] = []
                for person in pasted.people {
                    made.append(try await accounts.create(email: person.email, name: person.name, phone: person.phone.isEmpty ? nil : person.phone,
                                                          roles: roles, teamIDs: teams))
                }
                return made
            }
        } catch let problem as Accounts.Problem {
            // Someone else invited one of them meanwhile: nobody was invited.
            return try await refuse([.init(kind: .account(problem))])
        }
        var page = try await membersPage(req)
        for (person, made) in zip(pasted.people, created) {
            let id = try made.user.requireID()
            try await req.audit("user.create", recordType: "user", recordID: id.uuidString)
            guard let link = made.invitationToken.map(invitationLink) else { continue }
            page.invitedMany.append(.init(id: UserID(id), name: person.name, link: link,
                                          sentTo: try await sendInvitation(req, to: made.user, link: link)))
        }
        return htmlResponse(AdminRenderer.render(page, req.chrome), status: .created)
    }

    /// What is wrong with each line, in line order: the same checks as one invitation, and an
    /// email given twice in the list or already a member's.
    private func lineProblems(_ req: Request, _ pasted: PastedPeople) async throws -> [MembersPage.ManyProblem] {
        var problems: [MembersPage.ManyProblem] = []
        for person in pasted.people {
            if person.email.isEmpty {
                problems.append(.init(line: person.line, kind: .noEmail))
                continue
            }
            let invalid = Accounts.validate(email: person.email, name: person.name, phone: person.phone)
            problems += invalid.map { .init(line: person.line, kind: .account($0)) }
            if invalid.isEmpty, try await req.accounts.find(email: person.email) != nil {
                problems.append(.init(line: person.line, kind: .account(.emailTaken)))
            }
        }
        problems += pasted.repeatedEmails.map { .init(line: $0.line, kind: .alsoOnLine($0.earlier)) }
        return problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    func detail(req: Request) async throws -> Response {
        let id = try target(req)
        let page = try await memberPage(req, id)
        try await req.audit("user.read", recordType: "user", recordID: id.rawValue.uuidString)
        return htmlResponse(AdminRenderer.render(page, req.chrome, notice: req.query[String.self, at: "notice"].flatMap(Text.notice)))
    }

    struct RolesForm: Content { var roles: [String]? }

    func changeRoles(req: Request) async throws -> Response {
        let id = try target(req)
        guard let member = try await store(req).member(id) else { throw Abort(.notFound) }
        let ticked = Self.ticked(try req.content.decode(RolesForm.self).roles)
        func refuse(_ problem: Accounts.Problem) async throws -> Response {
            let page = try await memberPage(req, id, refusedRoles: RefusedRoles(ticked: ticked.roles, problem: problem))
            return htmlResponse(AdminRenderer.render(page, req.chrome), status: .unprocessableEntity)
        }
        if ticked.unknown { return try await refuse(.unknownRole) }
        let roles: RoleSet
        switch RoleGrant.apply(requested: ticked.roles, current: member.roles, granter: req.visitor.roles ?? []) {
        case .success(let granted): roles = granted
        case .failure(let refusal): return try await refuse(Self.problem(refusal))
        }
        if id == (try? req.member()), member.roles.contains(.admin), !roles.contains(.admin) { return try await refuse(.cannotDemoteSelf) }
        guard try await store(req).setRoles(roles, of: id) else { return try await refuse(.lastAdmin) }
        // A new role can mean new duties and a second factor: start over.
        try await req.accounts.endSessions(of: id.rawValue, except: req.visitor.session?.id)
        try await req.audit("user.role_change", recordType: "user", recordID: id.rawValue.uuidString)
        return req.redirect(to: SiteURL.member(id).path, notice: "saved")
    }

    struct TeamsForm: Content { var teams: [UUID]? }

    func changeTeams(req: Request) async throws -> Response {
        let id = try target(req)
        guard try await store(req).member(id) != nil else { throw Abort(.notFound) }
        let teams = try await store(req).existingTeams(try req.content.decode(TeamsForm.self).teams ?? [])
        try await store(req).setTeams(teams, of: id)
        req.amparo.sessionCache.revoke()  // after the commit: a bulk delete passes no model middleware
        try await req.audit("user.teams_change", recordType: "user", recordID: id.rawValue.uuidString)
        return req.redirect(to: SiteURL.member(id).path, notice: "saved")
    }

    func disable(req: Request) async throws -> Response {
        let id = try target(req)
        let user = try await req.accounts.user(id)
        guard id != (try? req.member()) else { throw UserFacingError(status: .unprocessableEntity, text: .errorCannotDisableSelf) }
        try await req.accounts.setDisabled(user, true, actor: try req.member().rawValue.uuidString)
        return req.redirect(to: SiteURL.member(id).path, notice: "saved")
    }

    func enable(req: Request) async throws -> Response {
        let id = try target(req)
        try await req.accounts.setDisabled(try await req.accounts.user(id), false, actor: try req.member().rawValue.uuidString)
        return req.redirect(to: SiteURL.member(id).path, notice: "saved")
    }

    func resetSecondFactor(req: Request) async throws -> Response {
        let id = try target(req)
        try await req.accounts.resetSecondFactor(try await req.accounts.user(id), actor: try req.member().rawValue.uuidString)
        return req.redirect(to: SiteURL.member(id).path, notice: "secondFactorReset")
    }

    func newInvitation(req: Request) async throws -> Response {
        let id = try target(req)
        guard let member = try await store(req).member(id) else { throw Abort(.notFound) }
        guard !member.acceptedInvitation else { throw UserFacingError(status: .conflict, text: .errorAlreadyAccepted) }
        let token = try await Accounts.issueInvitation(for: id.rawValue, on: req.db, services: req.amparo)
        try await req.audit("user.invitation_reissue", recordType: "user", recordID: id.rawValue.uuidString)
        let link = invitationLink(token)
        let sentTo = try await sendInvitation(req, to: try await req.accounts.user(id), link: link)
        return htmlResponse(AdminRenderer.render(try await memberPage(req, id, invitation: link, sentTo: sentTo), req.chrome))
    }

    private func target(_ req: Request) throws -> UserID {
        guard let id = req.parameters.get("userID", as: UUID.self) else { throw Abort(.notFound) }
        return UserID(id)
    }
}
