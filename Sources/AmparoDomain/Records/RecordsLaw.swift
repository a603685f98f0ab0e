import Foundation

/// A state's legal holidays, as its statute lists them, with its rules for a holiday on a weekend.
public struct HolidayCalendar: Sendable {
    public let citation: String
    let holidays: @Sendable (Int) -> Set<Day>

    public func isHoliday(_ day: Day) -> Bool { holidays(day.year).contains(day) }
    public func isBusinessDay(_ day: Day) -> Bool { !day.isWeekend && !isHoliday(day) }

    /// ORS 187.010 (with Juneteenth): a holiday on a Sunday is observed the Monday after, on a
    /// Saturday the Friday before.
    public static let oregon = HolidayCalendar(citation: "ORS 187.010") { year in
        let fixed = [Day(year, 1, 1), Day(year, 6, 19), Day(year, 7, 4), Day(year, 11, 11), Day(year, 12, 25)]
        var days = Set(fixed.map { $0.weekday == 1 ? $0.adding(days: 1) : $0.weekday == 7 ? $0.adding(days: -1) : $0 })
        days.formUnion([Day.nth(3, 2, of: 1, year), Day.nth(3, 2, of: 2, year), Day.nth(-1, 2, of: 5, year), Day.nth(1, 2, of: 9, year),
                        Day.nth(4, 5, of: 11, year)])
        // A New Year's Day on a Saturday is observed on 31 December of the year before.
        if Day(year + 1, 1, 1).weekday == 7 { days.insert(Day(year, 12, 31)) }
        return days
    }

    /// Gov. Code §§ 6700-6701 as amended in 2015 (the days that apply to every public agency): a
    /// fixed-date holiday on a Sunday is observed the Monday after; Veterans Day on a Saturday the
    /// Friday before. Lunar New Year, Genocide Remembrance Day and Juneteenth, added later, are
    /// not yet here.
    public static let california = HolidayCalendar(citation: "Cal. Gov. Code §§ 6700-6701") { year in
        let fixed = [Day(year, 1, 1), Day(year, 2, 12), Day(year, 3, 31), Day(year, 7, 4), Day(year, 9, 9), Day(year, 11, 11), Day(year, 12, 25)]
        var days = Set(fixed.map { $0.weekday == 1 ? $0.adding(days: 1) : $0 })
        if Day(year, 11, 11).weekday == 7 { days.insert(Day(year, 11, 10)) }
        days.formUnion([Day.nth(3, 2, of: 1, year), Day.nth(3, 2, of: 2, year), Day.nth(-1, 2, of: 5, year), Day.nth(1, 2, of: 9, year),
                        Day.nth(4, 6, of: 9, year), Day.nth(2, 2, of: 10, year), Day.nth(4, 5, of: 11, year)])
        return days
    }
}

/// A state's public-records deadlines, with where they come from and when a person last checked them.
public struct RecordsLaw: Sendable {
    public enum Unit: String, Sendable { case businessDays = "business", calendarDays = "calendar" }

    public struct Rule: Sendable {
        public let kind: DeadlineKind
        public let count: Int
        public let unit: Unit
        public let citation: String
    }

    public let state: String
    public let name: String
    public let rules: [Rule]
    public let holidays: HolidayCalendar
    /// A fee notice or a request for clarification stops the clock until the requester answers.
    public let pausesForRequester: Bool
    /// The agency may close a request the requester has not answered for this many days.
    public let closesAfterSilence: (days: Int, citation: String)?
    public let verifiedOn: Day

    public static let oregon = RecordsLaw(
        state: "OR", name: "Oregon Public Records Law",
        rules: [
            Rule(kind: .acknowledge, count: 5, unit: .businessDays, citation: "ORS 192.324(2)"),
            // Counted from the day the acknowledgement was due.
            Rule(kind: .completeOrStatus, count: 10, unit: .businessDays, citation: "ORS 192.329(3)"),
        ],
        holidays: .oregon, pausesForRequester: true, closesAfterSilence: (60, "ORS 192.329(6)"), verifiedOn: Day(2026, 11, 27))

    public static let california = RecordsLaw(
        state: "CA", name: "California Public Records Act",
        rules: [
            Rule(kind: .determination, count: 10, unit: .calendarDays, citation: "Cal. Gov. Code § 7922.535(a)"),
            Rule(kind: .extendedDetermination, count: 14, unit: .calendarDays, citation: "Cal. Gov. Code § 7922.535(b)"),
        ],
        holidays: .california, pausesForRequester: false, closesAfterSilence: nil, verifiedOn: Day(2026, 11, 27))

    public static let all = [oregon, california]
    public static func law(for state: String) -> RecordsLaw? { all.first { $0.state == state.uppercased() } }
}

public enum DeadlineKind: String, Sendable, Codable, CaseIterable {
    /// Oregon: acknowledge receipt (or complete).
    case acknowledge
    /// Oregon: complete the response or send a written status with an estimate.
    case completeOrStatus = "complete_or_status"
    /// California: say whether the records will be disclosed.
    case determination
    /// California: the same, when the agency gave written notice of unusual circumstances.
    case extendedDetermination = "extended_determination"
    /// The agency may close the request for want of an answer.
    case mayClose = "may_close"
}

/// The due dates of one request, from its dates: sent, the pauses (a fee notice or clarification
/// request until the requester answered; still open when not answered), an extension notice.
public struct RecordsClock: Sendable {
    public struct Pause: Sendable, Equatable {
        public let from: Day
        /// The day the requester answered; nil while the agency still waits.
        public let until: Day?

        public init(from: Day, until: Day?) {
            self.from = from
            self.until = until
        }
    }

    public struct Deadline: Sendable, Equatable {
        public let kind: DeadlineKind
        /// Nil while the clock is stopped.
        public let due: Day?
        public let citation: String
    }

    public let law: RecordsLaw

    public init(law: RecordsLaw) { self.law = law }

    public func deadlines(sent: Day, pauses: [Pause] = [], extended: Bool = false) -> [Deadline] {
        var result: [Deadline] = []
        var base = sent
        var stopped = false
        for rule in law.rules {
            if rule.kind == .extendedDetermination && !extended { continue }
            // The extension runs from the first determination date; Oregon's second period from the acknowledgement's due date.
            let start = rule.kind == .extendedDetermination || rule.kind == .completeOrStatus ? base : sent
            let due = stopped ? nil : count(rule.count, rule.unit, from: start, pauses: law.pausesForRequester ? pauses : [])
            if due == nil { stopped = true }
            result.append(Deadline(kind: rule.kind, due: due, citation: rule.citation))
            if let due { base = due }
        }
        if let close = law.closesAfterSilence, let waiting = pauses.last(where: { $0.until == nil }) {
            result.append(Deadline(kind: .mayClose, due: waiting.from.adding(days: close.days), citation: close.citation))
        }
        return result
    }

    /// The day `n` units after `start` (which is not counted), skipping paused days; nil when an
    /// open pause stops the count. A calendar-day period ending on a weekend or holiday moves to
    /// the next business day.
    func count(_ n: Int, _ unit: RecordsLaw.Unit, from start: Day, pauses: [Pause]) -> Day? {
        var day = start, counted = 0
        while counted < n {
            day = day.adding(days: 1)
            if let pause = pauses.first(where: { $0.from <= day && ($0.until.map { day <= $0 } ?? true) }) {
                guard pause.until != nil else { return nil }
                continue
            }
            if unit == .calendarDays || law.holidays.isBusinessDay(day) { counted += 1 }
        }
        while unit == .calendarDays && !law.holidays.isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }
}

/// Where a request stands, in the manner of MuckRock.
public enum RecordsStatus: String, CaseIterable, Codable, Sendable {
    case submitted, acknowledged, processing, fixNeeded = "fix_needed", paymentNeeded = "payment_needed", partial, done, rejected
    case noDocuments = "no_documents", appealing, abandoned

    /// The agency waits for the requester: the clock stops (where the law says so).
    public var waitsForRequester: Bool { self == .fixNeeded || self == .paymentNeeded }
    public var isClosed: Bool { [.done, .rejected, .noDocuments, .abandoned].contains(self) }

    public var next: [RecordsStatus] {
        switch self {
        case .submitted: [.acknowledged, .processing, .fixNeeded, .paymentNeeded, .partial, .done, .rejected, .noDocuments, .abandoned]
        case .acknowledged, .processing: [.processing, .fixNeeded, .paymentNeeded, .partial, .done, .rejected, .noDocuments, .abandoned].filter { $0 != self }
        case .fixNeeded, .paymentNeeded: [.processing, .abandoned]
        case .partial: [.processing, .done, .rejected, .appealing]
        case .done, .noDocuments: [.appealing]
        case .rejected: [.appealing, .abandoned]
        case .appealing: [.done, .rejected, .partial, .noDocuments]
        case .abandoned: []
        }
    }
}
