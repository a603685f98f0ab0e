import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /shifts: who is on call now, the viewer's next shifts (with the ones they offered), colleagues'
/// offers the viewer may take, the weekly schedule; for coordinators, the form to add a shift
/// (keeping what was typed) and the team that answers when no dispatcher is on call.
struct ShiftsPage: Sendable, Equatable, Codable {
    /// One occurrence of a weekly shift: its weekday, day and local clock times.
    struct Span: Sendable, Equatable, Codable {
        let weekday: Int
        let date: String
        let startMinute: Int
        let endMinute: Int

        init(_ occurrence: ShiftOccurrence) {
            weekday = occurrence.shift.weekday
            date = occurrence.date
            startMinute = occurrence.shift.startMinute
            endMinute = (occurrence.shift.startMinute + occurrence.shift.durationMinutes) % 1440
        }
    }

    struct OnCall: Sendable, Equatable, Codable {
        let team: String
        let duty: WeeklyShift.Duty
        let member: String
        let span: Span
    }

    struct Mine: Sendable, Equatable, Codable {
        let shiftID: UUID
        let span: Span
        let duty: WeeklyShift.Duty
        let team: String
        let offered: Bool
    }

    struct Offer: Sendable, Equatable, Codable {
        let swapID: UUID
        let span: Span
        let duty: WeeklyShift.Duty
        let team: String
        let offeredBy: String
    }

    struct Line: Sendable, Equatable, Codable {
        let shiftID: UUID
        let weekday: Int
        let startMinute: Int
        let endMinute: Int
        let duty: WeeklyShift.Duty
        let team: String
        let member: String
    }

    /// What a coordinator fills in, as typed (kept when refused).
    struct Typed: Sendable, Equatable, Codable {
        var team: String?
        var member: String?
        var duty: String?
        var weekday: String?
        var starts: String?
        var ends: String?
    }

    struct Manage: Sendable, Equatable, Codable {
        let teams: [TeamLine]
        let members: [ShiftMember]
        let fallbackTeam: TeamID?
        var typed: Typed
    }

    enum Problem: Sendable, Equatable, Codable {
        case unknownChoice, memberCannot, weekday, start, duration, swapNotYours, swapGone
    }

    enum Notice: String, Sendable, Equatable, Codable, CaseIterable { case swapOffered, swapTaken }

    let timeZone: String
    let onCall: [OnCall]
    let mine: [Mine]
    let offers: [Offer]
    let schedule: [Line]
    /// Only for those who manage shifts.
    var manage: Manage?
    var problem: Problem?
    var notice: Notice?
}

extension ShiftsPage.Problem {
    init(_ problem: WeeklyShift.Problem) {
        switch problem {
        case .weekday: self = .weekday
        case .start: self = .start
        case .duration: self = .duration
        }
    }

    var text: HotlineText {
        switch self {
        case .unknownChoice: .shiftUnknownChoice
        case .memberCannot: .shiftMemberCannot
        case .weekday: .shiftProblem(.weekday)
        case .start: .shiftProblem(.start)
        case .duration: .shiftProblem(.duration)
        case .swapNotYours: .swapNotYours
        case .swapGone: .swapGone
        }
    }
}

enum ShiftsRenderer {
    /// `savedNotice`: the short notice a redirect carries (`?notice=saved`), if any.
    static func render(_ page: ShiftsPage, _ chrome: Chrome, savedNotice: Text? = nil) -> HTML {
        let l = chrome.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        func span(_ s: ShiftsPage.Span) -> String {
            "\(t(.weekday(s.weekday))) \(s.date) \(ShiftCalendar.clock(s.startMinute))–\(ShiftCalendar.clock(s.endMinute))"
        }
        let csrf = chrome.csrfField
        let onCallItems: [HTML] = page.onCall.map {
            "<li>\($0.team) · \(t(.duty($0.duty))): <strong>\($0.member)</strong> (\(span($0.span)))</li>"
        }
        let scheduleRows: [HTML] = page.schedule.map { line in
            let removeForm: HTML = page.manage == nil ? .empty
                : "<form method=\"post\" action=\"/shifts/\(line.shiftID.uuidString)/remove\">\(csrf)<button type=\"submit\" class=\"link\">\(t(.removeShift))</button></form>"
            return """
            <tr><td data-label="\(t(.weekdayLabel))">\(t(.weekday(line.weekday)))</td>
            <td data-label="\(t(.whenLabelShort))">\(ShiftCalendar.clock(line.startMinute))–\(ShiftCalendar.clock(line.endMinute))</td>
            <td data-label="\(t(.dutyLabel))">\(t(.duty(line.duty)))</td><td data-label="\(t(.teamLabel))">\(line.team)</td>
            <td data-label="\(t(.memberLabel))">\(line.member)</td><td>\(removeForm)</td></tr>
            """
        }
        let mine: [HTML] = page.mine.map { shift in
            let action: HTML = shift.offered
                ? "<em>\(t(.swapOffered))</em>"
                : "<form method=\"post\" action=\"/shifts/\(shift.shiftID.uuidString)/offer\" class=\"inline\">\(csrf)<input type=\"hidden\" name=\"date\" value=\"\(shift.span.date)\"><button type=\"submit\" class=\"link\">\(t(.offerSwap))</button></form>"
            return "<li>\(span(shift.span)) · \(t(.duty(shift.duty))) · \(shift.team) \(action)</li>"
        }
        let offers: [HTML] = page.offers.map { offer in
            """
            <li>\(span(offer.span)) · \(t(.duty(offer.duty))) · \(offer.team) · \(t(.offeredBy(offer.offeredBy)))
            <form method="post" action="/shifts/swaps/\(offer.swapID.uuidString)/take" class="inline">\(csrf)<button type="submit" class="link">\(t(.takeSwap))</button></form></li>
            """
        }
        let problem = page.problem.map { t($0.text) }
        var manage: HTML = .empty
        if let form = page.manage {
            let teamOptions = form.teams.map { (value: $0.id.rawValue.uuidString, label: $0.name) }
            let memberOptions = form.members.map { (value: $0.id.rawValue.uuidString, label: "\($0.name) (\(Text.roleNames($0.roles, l)))") }
            let fallbackOptions = [(value: "", label: t(.fallbackCoordinators))]
                + form.teams.map { (value: $0.id.rawValue.uuidString, label: $0.region.isEmpty ? $0.name : $0.region) }
            let typed = form.typed
            manage = """
            <h2>\(t(.addShift))</h2>
            \(problem.map { Form.errorSummary([$0], language: l) })
            <form method="post" action="/shifts">\(csrf)
            \(Form.select("team", label: t(.teamLabel), options: teamOptions, selected: typed.team))
            \(Form.select("member", label: t(.memberLabel), options: memberOptions, selected: typed.member))
            \(Form.select("duty", label: t(.dutyLabel), options: WeeklyShift.Duty.allCases.map { ($0.rawValue, t(.duty($0))) }, selected: typed.duty))
            \(Form.select("weekday", label: t(.weekdayLabel), options: (1...7).map { (String($0), t(.weekday($0))) }, selected: typed.weekday))
            \(Form.field("starts", label: t(.startsLabel), type: "time", value: typed.starts ?? "18:00", hint: t(.clockHint)))
            \(Form.field("ends", label: t(.endsLabel), type: "time", value: typed.ends ?? "23:00"))
            <button type="submit">\(t(.addShift))</button></form>
            <h2>\(t(.fallbackTitle))</h2>
            <form method="post" action="/shifts/fallback">\(csrf)
            \(Form.select("fallbackTeam", label: t(.fallbackLabel), options: fallbackOptions, selected: form.fallbackTeam?.rawValue.uuidString ?? ""))
            <button type="submit">\(t(.fallbackSave))</button></form>
            """
        }
        let banner: HTML? = page.manage != nil ? nil : problem.map { HTML("<p class=\"error-summary\" role=\"alert\">\($0)</p>") }
        let notice: HTML? = page.notice.map { HTML("\(t($0 == .swapOffered ? .swapOffered : .swapTaken))") } ?? savedNotice.map { HTML("\($0.in(l))") }
        let body: HTML = """
        <h1>\(t(.shiftsTitle))</h1>
        <p>\(t(.shiftsIntro)) (\(page.timeZone))</p>
        \(banner)
        <h2>\(t(.onCallNow))</h2>
        \(onCallItems.isEmpty ? HTML("<p>\(t(.nobodyOnCall))</p>") : HTML("<ul id=\"on-call\">\(onCallItems)</ul>"))
        <h2>\(t(.yourNextShifts))</h2>
        \(mine.isEmpty ? HTML("<p>\(t(.noShiftsOfYours))</p>") : HTML("<ul id=\"my-shifts\">\(mine)</ul>"))
        <h2>\(t(.openSwaps))</h2>
        \(offers.isEmpty ? HTML("<p>\(t(.noOpenSwaps))</p>") : HTML("<ul id=\"open-swaps\">\(offers)</ul>"))
        <h2>\(t(.weeklySchedule))</h2>
        \(scheduleRows.isEmpty ? HTML("<p>\(t(.noShifts))</p>") : HTML("""
        <table class="cards"><thead><tr><th>\(t(.weekdayLabel))</th><th>\(t(.whenLabelShort))</th><th>\(t(.dutyLabel))</th><th>\(t(.teamLabel))</th><th>\(t(.memberLabel))</th><th></th></tr></thead>
        <tbody>\(scheduleRows)</tbody></table>
        """))
        \(manage)
        """
        return Layout.page(chrome, title: t(.shiftsTitle), body: body, notice: notice)
    }
}
