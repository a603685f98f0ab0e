import Foundation

/// Who takes calls and who goes out, by the week. A shift repeats every week on one weekday, in the
/// organization's time zone (so 18:00 stays 18:00 across daylight-saving changes), and may run past
/// midnight. A swap hands one occurrence to someone else without touching the weekly pattern.
public struct WeeklyShift: Sendable, Equatable, Identifiable {
    public enum Duty: String, CaseIterable, Sendable, Codable { case dispatcher, responder }

    public let id: UUID
    public let teamID: UUID
    public let memberID: UUID
    public let duty: Duty
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public let weekday: Int
    /// Minutes after local midnight.
    public let startMinute: Int
    public let durationMinutes: Int

    public init(id: UUID, teamID: UUID, memberID: UUID, duty: Duty, weekday: Int, startMinute: Int, durationMinutes: Int) {
        self.id = id
        self.teamID = teamID
        self.memberID = memberID
        self.duty = duty
        self.weekday = weekday
        self.startMinute = startMinute
        self.durationMinutes = durationMinutes
    }

    public enum Problem: Error, Equatable { case weekday, start, duration }

    /// A shift lasts 15 minutes to 24 hours and starts on a listed weekday at a valid time.
    public static func check(weekday: Int, startMinute: Int, durationMinutes: Int) -> Problem? {
        if !(1...7).contains(weekday) { return .weekday }
        if !(0..<1440).contains(startMinute) { return .start }
        if !(15...1440).contains(durationMinutes) { return .duration }
        return nil
    }
}

/// One dated occurrence of a weekly shift, as a swap names it: "the Tuesday 2026-12-01 shift".
public struct ShiftOccurrence: Sendable, Equatable {
    public let shift: WeeklyShift
    /// The local date the occurrence starts on, "yyyy-MM-dd".
    public let date: String
    public let start: Date
    public let end: Date
    /// Who is on call for it: the shift's member, or whoever took it in a swap.
    public let memberID: UUID
}

public struct ShiftSwap: Sendable, Equatable {
    public let shiftID: UUID
    public let date: String
    public let toMemberID: UUID

    public init(shiftID: UUID, date: String, toMemberID: UUID) {
        self.shiftID = shiftID
        self.date = date
        self.toMemberID = toMemberID
    }
}

public struct ShiftCalendar: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        self.calendar = calendar
    }

    /// Every occurrence that starts between `from` and `to` (both local days included), swaps applied.
    public func occurrences(of shifts: [WeeklyShift], swaps: [ShiftSwap], from: Date, to: Date) -> [ShiftOccurrence] {
        var result: [ShiftOccurrence] = []
        var day = calendar.startOfDay(for: from)
        while day <= to {
            let isoWeekday = (calendar.component(.weekday, from: day) + 5) % 7 + 1
            let date = Self.dayString(day, calendar: calendar)
            for shift in shifts where shift.weekday == isoWeekday {
                // Wall-clock time on that local day, not "midnight plus N hours" (wrong on DST days).
                var wall = calendar.dateComponents([.year, .month, .day], from: day)
                wall.hour = shift.startMinute / 60
                wall.minute = shift.startMinute % 60
                guard let start = calendar.date(from: wall),
                      let end = calendar.date(byAdding: .minute, value: shift.durationMinutes, to: start) else { continue }
                let member = swaps.last { $0.shiftID == shift.id && $0.date == date }?.toMemberID ?? shift.memberID
                result.append(ShiftOccurrence(shift: shift, date: date, start: start, end: end, memberID: member))
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return result.sorted { ($0.start, $0.shift.id.uuidString) < ($1.start, $1.shift.id.uuidString) }
    }

    /// The occurrences covering `instant` (a shift that began yesterday evening may still run).
    public func onCall(at instant: Date, shifts: [WeeklyShift], swaps: [ShiftSwap]) -> [ShiftOccurrence] {
        let yesterday = calendar.date(byAdding: .day, value: -1, to: instant) ?? instant
        return occurrences(of: shifts, swaps: swaps, from: yesterday, to: instant)
            .filter { $0.start <= instant && instant < $0.end }
    }

    public func isValidDay(_ date: String) -> Bool {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, date.count == 10 else { return false }
        guard let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else { return false }
        return Self.dayString(day, calendar: calendar) == date
    }

    static func dayString(_ day: Date, calendar: Calendar) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// "18:30" from minutes after midnight, and back.
    public static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    public static func minutes(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }
}
