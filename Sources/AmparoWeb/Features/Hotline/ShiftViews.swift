import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

enum ShiftViews {
    static func page(
        _ req: Request, form: ShiftRoutes.ShiftForm, problem: HotlineText?, notice: HotlineText?, status: HTTPResponseStatus
    ) async throws -> Response {
        let l = req.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        let calendar = ShiftCalendar(timeZone: req.amparo.config.timeZone)
        let now = req.amparo.clock.now()
        let me = req.visitor.user!.id!
        let myRole = req.visitor.role
        let manages = myRole?.can(.manageShifts) == true

        let teams = try await TeamModel.query(on: req.db).sort(\.$name).all()
        let teamNames = Dictionary(uniqueKeysWithValues: teams.map { ($0.id!, $0.name) })
        let members = try await UserModel.query(on: req.db).filter(\.$disabledAt == nil)
            .filter(\.$role ~~ [Role.dispatcher.rawValue, Role.coordinator.rawValue, Role.responder.rawValue]).all()
        let accounts = req.accounts
        let names = Dictionary(uniqueKeysWithValues: members.map { ($0.id!, accounts.name(of: $0)) })
        func name(_ id: UUID) -> String { names[id] ?? "—" }
        func span(_ o: ShiftOccurrence) -> String {
            "\(t(.weekday(o.shift.weekday))) \(o.date) \(ShiftCalendar.clock(o.shift.startMinute))–\(ShiftCalendar.clock((o.shift.startMinute + o.shift.durationMinutes) % 1440))"
        }

        let (shifts, swaps) = try await OnCallSchedule.load(on: req.db)
        let onCall = calendar.onCall(at: now, shifts: shifts, swaps: swaps)
        let onCallItems: [HTML] = onCall.map {
            "<li>\(teamNames[$0.shift.teamID] ?? "—") · \(t(.duty($0.shift.duty))): <strong>\(name($0.memberID))</strong> (\(span($0)))</li>"
        }
        let csrf = Layout.csrfField(req.visitor)
        let scheduleRows: [HTML] = shifts.sorted { ($0.weekday, $0.startMinute) < ($1.weekday, $1.startMinute) }.map { shift in
            let end = ShiftCalendar.clock((shift.startMinute + shift.durationMinutes) % 1440)
            let removeForm: HTML = manages
                ? "<form method=\"post\" action=\"/shifts/\(shift.id.uuidString)/remove\">\(csrf)<button type=\"submit\" class=\"link\">\(t(.removeShift))</button></form>"
                : .empty
            return """
            <tr><td data-label="\(t(.weekdayLabel))">\(t(.weekday(shift.weekday)))</td>
            <td data-label="\(t(.whenLabelShort))">\(ShiftCalendar.clock(shift.startMinute))–\(end)</td>
            <td data-label="\(t(.dutyLabel))">\(t(.duty(shift.duty)))</td><td data-label="\(t(.teamLabel))">\(teamNames[shift.teamID] ?? "—")</td>
            <td data-label="\(t(.memberLabel))">\(name(shift.memberID))</td><td>\(removeForm)</td></tr>
            """
        }
        let upcoming = calendar.occurrences(of: shifts, swaps: swaps, from: now, to: now.addingTimeInterval(14 * 86400))
            .filter { $0.end > now && $0.memberID == me }
        let offers = try await ShiftSwapModel.query(on: req.db).filter(\.$toUserID == nil).all()
        let offered = Set(offers.filter { $0.fromUserID == me }.map { "\($0.shiftID)|\($0.occurrenceDate)" })
        let mine: [HTML] = upcoming.map { o in
            let action: HTML = offered.contains("\(o.shift.id)|\(o.date)")
                ? "<em>\(t(.swapOffered))</em>"
                : "<form method=\"post\" action=\"/shifts/\(o.shift.id.uuidString)/offer\" class=\"inline\">\(csrf)<input type=\"hidden\" name=\"date\" value=\"\(o.date)\"><button type=\"submit\" class=\"link\">\(t(.offerSwap))</button></form>"
            return "<li>\(span(o)) · \(t(.duty(o.shift.duty))) · \(teamNames[o.shift.teamID] ?? "—") \(action)</li>"
        }
        let shiftByID = Dictionary(uniqueKeysWithValues: shifts.map { ($0.id, $0) })
        let open: [HTML] = offers.compactMap { swap in
            guard swap.fromUserID != me, let shift = shiftByID[swap.shiftID], OnCallSchedule.canHold(myRole, shift.duty),
                  let occurrence = calendar.occurrences(of: [shift], swaps: [], from: now.addingTimeInterval(-86400), to: now.addingTimeInterval(29 * 86400))
                    .first(where: { $0.date == swap.occurrenceDate }), occurrence.end > now else { return nil }
            return """
            <li>\(span(occurrence)) · \(t(.duty(shift.duty))) · \(teamNames[shift.teamID] ?? "—") · \(t(.offeredBy(name(swap.fromUserID))))
            <form method="post" action="/shifts/swaps/\(swap.id!.uuidString)/take" class="inline">\(csrf)<button type="submit" class="link">\(t(.takeSwap))</button></form></li>
            """
        }

        var addForm: HTML = .empty
        let fallback = manages ? try await CallFallback.section(req, teams: teams) : .empty
        if manages {
            let teamOptions = teams.map { (value: $0.id!.uuidString, label: $0.name) }
            let memberOptions = members.sorted { name($0.id!) < name($1.id!) }
                .map { (value: $0.id!.uuidString, label: "\(name($0.id!)) (\(Text.role(Role(rawValue: $0.role) ?? .responder).in(l)))") }
            addForm = """
            <h2>\(t(.addShift))</h2>
            \(problem.map { Form.errorSummary([t($0)], language: l) })
            <form method="post" action="/shifts">\(csrf)
            \(Form.select("team", label: t(.teamLabel), options: teamOptions, selected: form.team?.uuidString))
            \(Form.select("member", label: t(.memberLabel), options: memberOptions, selected: form.member?.uuidString))
            \(Form.select("duty", label: t(.dutyLabel), options: WeeklyShift.Duty.allCases.map { ($0.rawValue, t(.duty($0))) }, selected: form.duty))
            \(Form.select("weekday", label: t(.weekdayLabel), options: (1...7).map { (String($0), t(.weekday($0))) }, selected: form.weekday))
            \(Form.field("starts", label: t(.startsLabel), type: "time", value: form.starts ?? "18:00", hint: t(.clockHint)))
            \(Form.field("ends", label: t(.endsLabel), type: "time", value: form.ends ?? "23:00"))
            <button type="submit">\(t(.addShift))</button></form>
            """
        }
        let banner: HTML? = manages ? nil : problem.map { HTML("<p class=\"error-summary\" role=\"alert\">\(t($0))</p>") }
        let pageNotice = notice.map { HTML("\(t($0))") } ?? req.query[String.self, at: "notice"].flatMap(Text.notice).map { HTML("\($0.in(l))") }
        let body: HTML = """
        <h1>\(t(.shiftsTitle))</h1>
        <p>\(t(.shiftsIntro)) (\(calendar.timeZone.identifier))</p>
        \(banner)
        <h2>\(t(.onCallNow))</h2>
        \(onCall.isEmpty ? HTML("<p>\(t(.nobodyOnCall))</p>") : HTML("<ul id=\"on-call\">\(onCallItems)</ul>"))
        <h2>\(t(.yourNextShifts))</h2>
        <ul id="my-shifts">\(mine)</ul>
        <h2>\(t(.openSwaps))</h2>
        \(open.isEmpty ? HTML("<p>\(t(.noOpenSwaps))</p>") : HTML("<ul id=\"open-swaps\">\(open)</ul>"))
        <h2>\(t(.weeklySchedule))</h2>
        \(scheduleRows.isEmpty ? HTML("<p>\(t(.noShifts))</p>") : HTML("""
        <table class="cards"><thead><tr><th>\(t(.weekdayLabel))</th><th>\(t(.whenLabelShort))</th><th>\(t(.dutyLabel))</th><th>\(t(.teamLabel))</th><th>\(t(.memberLabel))</th><th></th></tr></thead>
        <tbody>\(scheduleRows)</tbody></table>
        """))
        \(addForm)
        \(fallback)
        """
        return htmlResponse(Layout.page(req, title: t(.shiftsTitle), body: body, notice: pageNotice), status: status)
    }
}
