import AmparoDomain
import AmparoPersistence
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
        try await ShiftViews.page(req, form: ShiftForm(), problem: nil, notice: nil, status: .ok)
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
        func refuse(_ problem: HotlineText) async throws -> Response {
            try await ShiftViews.page(req, form: form, problem: problem, notice: nil, status: .unprocessableEntity)
        }
        guard let teamID = form.team, let memberID = form.member, let duty = form.duty.flatMap(WeeklyShift.Duty.init(rawValue:)),
              try await TeamModel.find(teamID, on: req.db) != nil,
              let member = try await UserModel.find(memberID, on: req.db), !member.isDisabled else {
            return try await refuse(.shiftUnknownChoice)
        }
        guard OnCallSchedule.canHold(Role(rawValue: member.role), duty) else { return try await refuse(.shiftMemberCannot) }
        guard let weekday = form.weekday.flatMap(Int.init) else { return try await refuse(.shiftProblem(.weekday)) }
        guard let start = form.starts.flatMap(ShiftCalendar.minutes), let end = form.ends.flatMap(ShiftCalendar.minutes) else {
            return try await refuse(.shiftProblem(.start))
        }
        let duration = end > start ? end - start : end - start + 1440
        if let problem = WeeklyShift.check(weekday: weekday, startMinute: start, durationMinutes: duration) {
            return try await refuse(.shiftProblem(problem))
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
        let calendar = ShiftCalendar(timeZone: req.amparo.config.timeZone)
        guard let id = req.parameters.get("shiftID", as: UUID.self),
              let date = try req.content.decode(OfferForm.self).date, calendar.isValidDay(date) else {
            throw Abort(.badRequest, reason: "Choose one of your coming shifts.")
        }
        let upcoming = try await OnCallSchedule.upcoming(on: req.db, calendar: calendar, from: req.amparo.clock.now(), days: 28)
        guard upcoming.contains(where: { $0.shift.id == id && $0.date == date && $0.memberID == me }) else {
            return try await ShiftViews.page(req, form: ShiftForm(), problem: .swapNotYours, notice: nil, status: .forbidden)
        }
        let already = try await ShiftSwapModel.query(on: req.db)
            .filter(\.$shiftID == id).filter(\.$occurrenceDate == date).filter(\.$fromUserID == me).count()
        if already == 0 {
            let swap = ShiftSwapModel(shiftID: id, occurrenceDate: date, fromUserID: me, offeredAt: req.amparo.clock.now())
            try await swap.create(on: req.db)
            try await req.audit("shift.offer", recordType: "shift_swap", recordID: swap.id!.uuidString)
        }
        return try await ShiftViews.page(req, form: ShiftForm(), problem: nil, notice: .swapOffered, status: .ok)
    }

    /// Take a colleague's offered shift: first come, first served (compare-and-set).
    func take(req: Request) async throws -> Response {
        let me = req.visitor.user!.id!
        guard let id = req.parameters.get("swapID", as: UUID.self), let swap = try await ShiftSwapModel.find(id, on: req.db),
              let shift = try await ShiftModel.find(swap.shiftID, on: req.db) else {
            return try await ShiftViews.page(req, form: ShiftForm(), problem: .swapGone, notice: nil, status: .conflict)
        }
        guard swap.fromUserID != me, OnCallSchedule.canHold(req.visitor.role, WeeklyShift.Duty(rawValue: shift.duty) ?? .responder) else {
            return try await ShiftViews.page(req, form: ShiftForm(), problem: .swapNotYours, notice: nil, status: .forbidden)
        }
        let taken = try await req.db.sql.update(ShiftSwapModel.schema)
            .set("to_user_id", to: SQLBind(me)).set("taken_at", to: SQLBind(req.amparo.clock.now()))
            .where("id", .equal, SQLBind(id)).where("to_user_id", .is, SQLLiteral.null)
            .returning("id").all()
        guard !taken.isEmpty else {
            return try await ShiftViews.page(req, form: ShiftForm(), problem: .swapGone, notice: nil, status: .conflict)
        }
        try await req.audit("shift.take", recordType: "shift_swap", recordID: id.uuidString)
        return try await ShiftViews.page(req, form: ShiftForm(), problem: nil, notice: .swapTaken, status: .ok)
    }
}

/// Who is on call, for pages now and for phone routing and dispatch later.
enum OnCallSchedule {
    static func canHold(_ role: Role?, _ duty: WeeklyShift.Duty) -> Bool {
        switch duty {
        case .dispatcher: role == .dispatcher || role == .coordinator
        case .responder: role == .responder
        }
    }

    static func load(on db: any Database) async throws -> (shifts: [WeeklyShift], swaps: [ShiftSwap]) {
        let shifts = try await ShiftModel.query(on: db).all().compactMap { model -> WeeklyShift? in
            guard let duty = WeeklyShift.Duty(rawValue: model.duty) else { return nil }
            return WeeklyShift(id: model.id!, teamID: model.teamID, memberID: model.userID, duty: duty, weekday: model.weekday,
                               startMinute: model.startMinute, durationMinutes: model.durationMinutes)
        }
        let swaps = try await ShiftSwapModel.query(on: db).filter(\.$toUserID != nil).sort(\.$takenAt).all().map {
            ShiftSwap(shiftID: $0.shiftID, date: $0.occurrenceDate, toMemberID: $0.toUserID!)
        }
        return (shifts, swaps)
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
