import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Admins invite members, set their role and teams, disable them and reset their second factor.
struct AdminUserRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("admin", "users")
        users.get(use: list).policy(.member(.manageUsers))
        users.post(use: create).policy(.member(.manageUsers))
        users.get(":userID", use: detail).policy(.member(.manageUsers))
        users.post(":userID", "role", use: changeRole).policy(.member(.manageUsers))
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
        var role: String?
        var teams: [UUID]?
    }

    func list(req: Request) async throws -> Response {
        try await AdminUserViews.list(req, values: CreateForm(), errors: [], invitation: nil, status: .ok)
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(CreateForm.self)
        var problems = Accounts.validate(email: form.email ?? "", name: form.name ?? "", phone: form.phone).map(\.text)
        let role = Role(rawValue: form.role ?? "")
        if role == nil { problems.append(.errorRoleUnknown) }
        guard let role, problems.isEmpty else {
            return try await AdminUserViews.list(req, values: form, errors: problems, invitation: nil, status: .unprocessableEntity)
        }
        do {
            let (user, token) = try await req.accounts.create(
                email: form.email ?? "", name: form.name ?? "", phone: form.phone, role: role, teamIDs: try await existingTeams(form.teams, req))
            try await req.audit("user.create", recordType: "user", recordID: user.id!.uuidString)
            let link = token.map { "\(req.amparo.config.baseURL)/invite/\($0)" }
            return try await AdminUserViews.list(req, values: CreateForm(), errors: [], invitation: link, status: .created)
        } catch let problem as Accounts.Problem {
            return try await AdminUserViews.list(req, values: form, errors: [problem.text], invitation: nil, status: problem.status)
        }
    }

    func detail(req: Request) async throws -> Response {
        let user = try await target(req)
        try await req.audit("user.read", recordType: "user", recordID: user.id!.uuidString)
        return try await AdminUserViews.detail(req, user: user, invitation: nil)
    }

    struct RoleForm: Content { var role: String? }

    func changeRole(req: Request) async throws -> Response {
        let user = try await target(req)
        guard let role = Role(rawValue: try req.content.decode(RoleForm.self).role ?? "") else {
            throw UserFacingError(status: .unprocessableEntity, text: .errorRoleUnknown)
        }
        if user.id == req.visitor.user?.id && role != .admin {
            throw UserFacingError(status: .unprocessableEntity, text: .errorCannotDemoteSelf)
        }
        user.role = role.rawValue
        try await user.save(on: req.db)
        // A new role can mean new duties and a second factor: start over.
        try await req.accounts.endSessions(of: user.id!, except: req.visitor.session?.id)
        try await req.audit("user.role_change", recordType: "user", recordID: user.id!.uuidString)
        return req.redirect(to: "/admin/users/\(user.id!.uuidString)", notice: "saved")
    }

    struct TeamsForm: Content { var teams: [UUID]? }

    func changeTeams(req: Request) async throws -> Response {
        let user = try await target(req)
        let teamIDs = try await existingTeams(try req.content.decode(TeamsForm.self).teams, req)
        try await req.db.transaction { db in
            try await TeamMembershipModel.query(on: db).filter(\.$user.$id == user.id!).delete()
            for teamID in teamIDs { try await TeamMembershipModel(userID: user.id!, teamID: teamID).create(on: db) }
        }
        req.amparo.sessionCache.revoke()  // after the commit: a bulk delete passes no model middleware
        try await req.audit("user.teams_change", recordType: "user", recordID: user.id!.uuidString)
        return req.redirect(to: "/admin/users/\(user.id!.uuidString)", notice: "saved")
    }

    func disable(req: Request) async throws -> Response {
        let user = try await target(req)
        guard user.id != req.visitor.user?.id else {
            throw UserFacingError(status: .unprocessableEntity, text: .errorCannotDisableSelf)
        }
        try await req.accounts.setDisabled(user, true, actor: req.visitor.user!.id!.uuidString)
        return req.redirect(to: "/admin/users/\(user.id!.uuidString)", notice: "saved")
    }

    func enable(req: Request) async throws -> Response {
        let user = try await target(req)
        try await req.accounts.setDisabled(user, false, actor: req.visitor.user!.id!.uuidString)
        return req.redirect(to: "/admin/users/\(user.id!.uuidString)", notice: "saved")
    }

    func resetSecondFactor(req: Request) async throws -> Response {
        let user = try await target(req)
        try await req.accounts.resetSecondFactor(user, actor: req.visitor.user!.id!.uuidString)
        return req.redirect(to: "/admin/users/\(user.id!.uuidString)", notice: "secondFactorReset")
    }

    func newInvitation(req: Request) async throws -> Response {
        let user = try await target(req)
        guard user.passwordHash == nil else { throw UserFacingError(status: .conflict, text: .errorAlreadyAccepted) }
        let token = try await Accounts.issueInvitation(for: user.id!, on: req.db, services: req.amparo)
        try await req.audit("user.invitation_reissue", recordType: "user", recordID: user.id!.uuidString)
        return try await AdminUserViews.detail(req, user: user, invitation: "\(req.amparo.config.baseURL)/invite/\(token)")
    }

    private func target(_ req: Request) async throws -> UserModel {
        guard let id = req.parameters.get("userID", as: UUID.self),
              let user = try await UserModel.find(id, on: req.db)
        else { throw Abort(.notFound) }
        return user
    }

    private func existingTeams(_ ids: [UUID]?, _ req: Request) async throws -> [UUID] {
        guard let ids, !ids.isEmpty else { return [] }
        return try await TeamModel.query(on: req.db).filter(\.$id ~~ ids).all().compactMap(\.id)
    }
}

enum AdminUserViews {
    static func roleOptions(_ l: Language) -> [(value: String, label: String)] {
        Role.allCases.map { ($0.rawValue, Text.role($0).in(l)) }
    }

    static func teamCheckboxes(_ teams: [TeamModel], checked: Set<UUID>, _ l: Language) -> HTML {
        guard !teams.isEmpty else { return .empty }
        let boxes: [HTML] = teams.map { team in
            let id = team.id!.uuidString
            return """
            <div><input type="checkbox" id="team-\(id)" name="teams[]" value="\(id)"\(checked.contains(team.id!) ? HTML(" checked") : .empty)> <label class="inline" for="team-\(id)">\(team.name)</label></div>
            """
        }
        return "<fieldset><legend>\(Text.teamsLabel.in(l))</legend>\(boxes)</fieldset>"
    }

    static func list(
        _ req: Request, values: AdminUserRoutes.CreateForm, errors: [Text], invitation: String?, status: HTTPResponseStatus
    ) async throws -> Response {
        let l = req.language
        let accounts = req.accounts
        let users = try await UserModel.query(on: req.db).with(\.$teams).all()
        let teams = try await TeamModel.query(on: req.db).sort(\.$name).all()
        let rows: [HTML] = users.map { user in
            let state: Text = user.isDisabled ? .statusDisabled : (user.passwordHash == nil ? .statusInvited : .statusActive)
            return """
            <tr><td><a href="/admin/users/\(user.id!.uuidString)">\(accounts.name(of: user))</a></td>
            <td>\(Text.role(Role(rawValue: user.role) ?? .analyst).in(l))</td>
            <td>\(user.teams.map(\.name).sorted().joined(separator: ", "))</td>
            <td>\(state.in(l))</td><td>\(user.totpEnabled ? Text.on.in(l) : Text.off.in(l))</td></tr>
            """
        }
        let body: HTML = """
        <h1>\(Text.navUsers.in(l))</h1>
        \(invitation.map { HTML("<div class=\"notice\" role=\"status\"><p>\(Text.invitationCreated.in(l))</p><p class=\"secret\" id=\"invitation-link\">\($0)</p></div>") })
        <table><thead><tr><th>\(Text.yourName.in(l))</th><th>\(Text.roleLabel.in(l))</th><th>\(Text.teamsLabel.in(l))</th><th>\(Text.statusLabel.in(l))</th><th>\(Text.secondFactorShort.in(l))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        <h2 id="invite">\(Text.inviteMember.in(l))</h2>
        <p>\(Text.inviteIntro.in(l))</p>
        \(Form.errorSummary(errors.map { $0.in(l) }, language: l))
        <form method="post" action="/admin/users">
        \(Layout.csrfField(req.visitor))
        \(Form.field("name", label: Text.memberName.in(l), value: values.name ?? ""))
        \(Form.field("email", label: Text.email.in(l), type: "email", value: values.email ?? ""))
        \(Form.field("phone", label: Text.phone.in(l), type: "tel", value: values.phone ?? "", hint: Text.phoneHint.in(l), required: false))
        \(Form.select("role", label: Text.roleLabel.in(l), options: roleOptions(l), selected: values.role ?? Role.responder.rawValue))
        \(teamCheckboxes(teams, checked: Set(values.teams ?? []), l))
        <button type="submit">\(Text.inviteMember.in(l))</button>
        </form>
        """
        return htmlResponse(Layout.page(req, title: Text.navUsers.in(l), body: body), status: status)
    }

    static func detail(_ req: Request, user: UserModel, invitation: String?) async throws -> Response {
        let l = req.language
        let accounts = req.accounts
        let id = user.id!.uuidString
        let csrf = Layout.csrfField(req.visitor)
        let teams = try await TeamModel.query(on: req.db).sort(\.$name).all()
        let memberOf = Set(try await accounts.teams(of: user).compactMap(\.id))
        let notice = req.query[String.self, at: "notice"].flatMap(Text.notice).map { HTML("\($0.in(l))") }
        let body: HTML = """
        <h1>\(accounts.name(of: user))</h1>
        <dl><dt>\(Text.email.in(l))</dt><dd>\(accounts.email(of: user))</dd>
        <dt>\(Text.phone.in(l))</dt><dd>\(accounts.phone(of: user) ?? "—")</dd>
        <dt>\(Text.statusLabel.in(l))</dt><dd>\((user.isDisabled ? Text.statusDisabled : user.passwordHash == nil ? Text.statusInvited : Text.statusActive).in(l))</dd>
        <dt>\(Text.secondFactorShort.in(l))</dt><dd>\(user.totpEnabled ? Text.on.in(l) : Text.off.in(l))</dd></dl>
        \(invitation.map { HTML("<div class=\"notice\" role=\"status\"><p>\(Text.invitationCreated.in(l))</p><p class=\"secret\" id=\"invitation-link\">\($0)</p></div>") })
        <h2>\(Text.roleLabel.in(l))</h2>
        <form method="post" action="/admin/users/\(id)/role">\(csrf)
        \(Form.select("role", label: Text.roleLabel.in(l), options: AdminUserViews.roleOptions(l), selected: user.role))
        <button type="submit">\(Text.save.in(l))</button></form>
        <h2>\(Text.teamsLabel.in(l))</h2>
        <form method="post" action="/admin/users/\(id)/teams">\(csrf)
        \(teams.isEmpty ? HTML("<p>\(Text.noTeams.in(l))</p>") : teamCheckboxes(teams, checked: memberOf, l))
        <button type="submit">\(Text.save.in(l))</button></form>
        <h2>\(Text.accessLabel.in(l))</h2>
        \(user.passwordHash == nil ? HTML("<form method=\"post\" action=\"/admin/users/\(id)/invitation\">\(csrf)<button type=\"submit\" class=\"secondary\">\(Text.newInvitationLink.in(l))</button></form>") : .empty)
        <form method="post" action="/admin/users/\(id)/reset-2fa">\(csrf)<button type="submit" class="secondary">\(Text.resetSecondFactor.in(l))</button></form>
        <form method="post" action="/admin/users/\(id)/\(user.isDisabled ? "enable" : "disable")">\(csrf)<button type="submit" class="\(user.isDisabled ? "secondary" : "danger")">\((user.isDisabled ? Text.enableMember : Text.disableMember).in(l))</button></form>
        """
        return htmlResponse(Layout.page(req, title: accounts.name(of: user), body: body, notice: notice), status: .ok)
    }
}
