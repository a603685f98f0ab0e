import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import SQLKit
import Vapor

/// The weekly on-call schedule: coordinators set it up, members see who is on call now and their own
/// next shifts, offer a shift they cannot do and take one a colleague offers. Phone routing and
/// dispatch ask `OnCallSchedule` who is on call.
struct ShiftRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let shifts = routes.grouped("shifts")
        shifts.get(use: page).policy(.member(.viewShifts))
        shifts.post(use: create).policy(.member(.manageShifts))
        shifts.post("fallback", use: CallFallback.set).policy(.member(.manageShifts))
        shifts.post(":shiftID", "remove", use: remove).policy(.member(.manageShifts))
        shifts.post(":shiftID", "offer", use: offer).policy(.member(.viewShifts))
        shifts.post("swaps", ":swapID", "take", use: take).policy(.member(.viewShifts))
    }

    func page(req: Request) async throws -> Response {
        try Self.respond(req, try await Self.shiftsPage(req), status: .ok)
    }

    /// The shifts page for this viewer, now; the HTML page and the API build it alike.
    static func shiftsPage(_ req: Request, typed: ShiftsPage.Typed = .init(), problem: ShiftsPage.Problem? = nil,
                           notice: ShiftsPage.Notice? = nil) async throws -> ShiftsPage {
        let calendar = ShiftCalendar(timeZone: req.amparo.timeZone)
        let now = req.amparo.clock.now()
        let me = try req.visitor.user!.requireID()
        let roles = req.visitor.roles ?? []
        let store = ShiftsStore(req.db, sealer: req.amparo.sealer)
        let teams = try await MembersStore(req.db, sealer: req.amparo.sealer).teams(), members = try await store.members()
        let teamNames = Dictionary(uniqueKeysWithValues: teams.map { ($0.id.rawValue, $0.name) })
        let names = Dictionary(uniqueKeysWithValues: members.map { ($0.id.rawValue, $0.name) })
        func team(_ id: UUID) -> String { teamNames[id] ?? "—" }
        func name(_ id: UUID) -> String { names[id] ?? "—" }

        let (shifts, swaps) = try await store.schedule()
        let onCall = calendar.onCall(at: now, shifts: shifts, swaps: swaps).map {
            ShiftsPage.OnCall(team: team($0.shift.teamID), duty: $0.shift.duty, member: name($0.memberID), span: .init($0))
        }
        let offers = try await store.openOffers()
        let offered = Set(offers.filter { $0.from.rawValue == me }.map { "\($0.shiftID)|\($0.date)" })
        let mine = calendar.occurrences(of: shifts, swaps: swaps, from: now, to: now.addingTimeInterval(14 * 86400))
            .filter { $0.end > now && $0.memberID == me }
            .map { ShiftsPage.Mine(shiftID: $0.shift.id, span: .init($0), duty: $0.shift.duty, team: team($0.shift.teamID),
                                   offered: offered.contains("\($0.shift.id)|\($0.date)")) }
        let shiftByID = Dictionary(uniqueKeysWithValues: shifts.map { ($0.id, $0) })
        let open: [ShiftsPage.Offer] = offers.compactMap { swap in
            guard swap.from.rawValue != me, let shift = shiftByID[swap.shiftID], OnCallSchedule.canHold(roles, shift.duty),
                  let occurrence = calendar.occurrences(of: [shift], swaps: [], from: now.addingTimeInterval(-86400), to: now.addingTimeInterval(29 * 86400))
                    .first(where: { $0.date == swap.date }), occurrence.end > now else { return nil }
            return ShiftsPage.Offer(swapID: swap.id, span: .init(occurrence), duty: shift.duty, team: team(shift.teamID), offeredBy: name(swap.from.rawValue))
        }
        let schedule = shifts.sorted { ($0.weekday, $0.startMinute) < ($1.weekday, $1.startMinute) }.map {
            ShiftsPage.Line(shiftID: $0.id, weekday: $0.weekday, startMinute: $0.startMinute, endMinute: ($0.startMinute + $0.durationMinutes) % 1440,
                            duty: $0.duty, team: team($0.teamID), member: name($0.memberID))
        }
        let manage = roles.can(.manageShifts)
            ? ShiftsPage.Manage(teams: teams, members: members, fallbackTeam: try await store.fallbackTeam(), typed: typed) : nil
        return ShiftsPage(timeZone: calendar.timeZone.identifier, onCall: onCall, mine: mine, offers: open, schedule: schedule,
                          manage: manage, problem: problem, notice: notice)
    }

    static func respond(_ req: Request, _ page: ShiftsPage, status: HTTPResponseStatus) throws -> Response {
        let saved = req.query[String.self, at: "notice"].flatMap(Text.notice)
        return htmlResponse(ShiftsRenderer.render(page, req.chrome, savedNotice: saved), status: status)
    }

    /// The page again with a problem to show.
    static func refuse(_ req: Request, _ problem: ShiftsPage.Problem, typed: ShiftsPage.Typed = .init(), status: HTTPResponseStatus) async throws -> Response {
        try respond(req, try await shiftsPage(req, typed: typed, problem: problem), status: status)
    }

    struct ShiftForm: Content {
        var team: UUID?
        var member: UUID?
        var duty: String?
        var weekday: String?
        var starts: String?
        var ends: String?
    }

    func create(req: Request) async throws -> Response {
        let form = (try? req.content.decode(ShiftForm.self)) ?? ShiftForm()
        let typed = ShiftsPage.Typed(team: form.team?.uuidString, member: form.member?.uuidString, duty: form.duty, weekday: form.weekday,
                                     starts: form.starts, ends: form.ends)
        func refuse(_ problem: ShiftsPage.Problem) async throws -> Response {
            try await Self.refuse(req, problem, typed: typed, status: .unprocessableEntity)
        }
        guard let teamID = form.team, let memberID = form.member, let duty = form.duty.flatMap(WeeklyShift.Duty.init(rawValue:)),
              try await TeamModel.find(teamID, on: req.db) != nil,
              let member = try await UserModel.find(memberID, on: req.db), !member.isDisabled else {
            return try await refuse(.unknownChoice)
        }
        guard OnCallSchedule.canHold(member.roles, duty) else { return try await refuse(.memberCannot) }
        guard let weekday = form.weekday.flatMap(Int.init) else { return try await refuse(.weekday) }
        guard let start = form.starts.flatMap(ShiftCalendar.minutes), let end = form.ends.flatMap(ShiftCalendar.minutes) else {
            return try await refuse(.start)
        }
        let duration = end > start ? end - start : end - start + 1440
        if let problem = WeeklyShift.check(weekday: weekday, startMinute: start, durationMinutes: duration) {
            return try await refuse(ShiftsPage.Problem(problem))
        }
        let shift = ShiftModel(teamID: teamID, userID: memberID, duty: duty.rawValue, weekday: weekday, startMinute: start,
                               durationMinutes: duration, createdAt: req.amparo.clock.now())
        try await shift.create(on: req.db)
        try await req.audit("shift.create", recordType: "shift", recordID: shift.id!.uuidString)
        return req.redirect(to: "/shifts", notice: "saved")
    }

    func remove(req: Request) async throws -> Response {
        guard let id = req.parameters.get("shiftID", as: UUID.self), let shift = try await ShiftModel.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "No shift has that id.")
        }
        try await req.db.transaction { db in
            try await ShiftSwapModel.query(on: db).filter(\.$shiftID == id).delete()
            try await shift.delete(on: db)
        }
        try await req.audit("shift.remove", recordType: "shift", recordID: id.uuidString)
        return req.redirect(to: "/shifts", notice: "saved")
    }

    struct OfferForm: Content { var date: String? }

    /// Offer one coming occurrence of a shift you hold; it stays yours until someone takes it.
    func offer(req: Request) async throws -> Response {
        let me = req.visitor.user!.id!
        let calendar = ShiftCalendar(timeZone: req.amparo.timeZone)
        guard let id = req.parameters.get("shiftID", as: UUID.self),
              let date = try req.content.decode(OfferForm.self).date, calendar.isValidDay(date) else {
            throw Abort(.badRequest, reason: "Choose one of your coming shifts.")
        }
        let upcoming = try await OnCallSchedule.upcoming(on: req.db, calendar: calendar, from: req.amparo.clock.now(), days: 28)
        guard upcoming.contains(where: { $0.shift.id == id && $0.date == date && $0.memberID == me }) else {
            return try await Self.refuse(req, .swapNotYours, status: .forbidden)
        }
        let already = try await ShiftSwapModel.query(on: req.db)
            .filter(\.$shiftID == id).filter(\.$occurrenceDate == date).filter(\.$fromUserID == me).count()
        if already == 0 {
            let swap = ShiftSwapModel(shiftID: id, occurrenceDate: date, fromUserID: me, offeredAt: req.amparo.clock.now())
            try await swap.create(on: req.db)
            try await req.audit("shift.offer", recordType: "shift_swap", recordID: swap.id!.uuidString)
        }
        return try Self.respond(req, try await Self.shiftsPage(req, notice: .swapOffered), status: .ok)
    }

    /// Take a colleague's offered shift: first come, first served (compare-and-set).
    func take(req: Request) async throws -> Response {
        let me = req.visitor.user!.id!
        guard let id = req.parameters.get("swapID", as: UUID.self), let swap = try await ShiftSwapModel.find(id, on: req.db),
              let shift = try await ShiftModel.find(swap.shiftID, on: req.db) else {
            return try await Self.refuse(req, .swapGone, status: .conflict)
        }
        guard swap.fromUserID != me, OnCallSchedule.canHold(req.visitor.roles ?? [], WeeklyShift.Duty(rawValue: shift.duty) ?? .responder) else {
            return try await Self.refuse(req, .swapNotYours, status: .forbidden)
        }
        let taken = try await req.db.sql.update(ShiftSwapModel.schema)
            .set("to_user_id", to: SQLBind(me)).set("taken_at", to: SQLBind(req.amparo.clock.now()))
            .where("id", .equal, SQLBind(id)).where("to_user_id", .is, SQLLiteral.null)
            .returning("id").all()
        guard !taken.isEmpty else {
            return try await Self.refuse(req, .swapGone, status: .conflict)
        }
        try await req.audit("shift.take", recordType: "shift_swap", recordID: id.uuidString)
        return try Self.respond(req, try await Self.shiftsPage(req, notice: .swapTaken), status: .ok)
    }
}

/// Who is on call, for pages now and for phone routing and dispatch later.
enum OnCallSchedule {
    static func canHold(_ roles: RoleSet, _ duty: WeeklyShift.Duty) -> Bool {
        switch duty {
        case .dispatcher: roles.contains(.dispatcher) || roles.contains(.coordinator)
        case .responder: roles.contains(.responder)
        }
    }

    static func load(on db: any Database) async throws -> (shifts: [WeeklyShift], swaps: [ShiftSwap]) {
        try await ShiftsStore.schedule(on: db)
    }

    static func now(on db: any Database, calendar: ShiftCalendar, at instant: Date) async throws -> [ShiftOccurrence] {
        let (shifts, swaps) = try await load(on: db)
        return calendar.onCall(at: instant, shifts: shifts, swaps: swaps)
    }

    static func upcoming(on db: any Database, calendar: ShiftCalendar, from: Date, days: Int) async throws -> [ShiftOccurrence] {
        let (shifts, swaps) = try await load(on: db)
        return calendar.occurrences(of: shifts, swaps: swaps, from: from, to: from.addingTimeInterval(Double(days) * 86400))
            .filter { $0.end > from }
    }
}
