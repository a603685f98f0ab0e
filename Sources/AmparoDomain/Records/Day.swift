import Foundation

/// A calendar day, without a time or a zone: what statutes count.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2026-11-27"
    public init?(_ text: String) {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2] else { return nil }
        self.init(y, m, d)
        guard DateComponents(year: y, month: m, day: d).isValidDate(in: Self.calendar) else { return nil }
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    public var date: Date { Self.calendar.date(from: DateComponents(year: year, month: month, day: day))! }

    public init(_ date: Date, in zone: TimeZone) {
        var calendar = Self.calendar
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(c.year!, c.month!, c.day!)
    }

    public func adding(days: Int) -> Day {
        let c = Self.calendar.dateComponents([.year, .month, .day], from: Self.calendar.date(byAdding: .day, value: days, to: date)!)
        return Day(c.year!, c.month!, c.day!)
    }

    /// 1 Sunday … 7 Saturday.
    public var weekday: Int { Self.calendar.component(.weekday, from: date) }
    public var isWeekend: Bool { weekday == 1 || weekday == 7 }

    /// The `n`th `weekday` of a month (n = -1: the last).
    public static func nth(_ n: Int, _ weekday: Int, of month: Int, _ year: Int) -> Day {
        if n > 0 {
            let first = Day(year, month, 1)
            return first.adding(days: (weekday - first.weekday + 7) % 7 + (n - 1) * 7)
        }
        let next = month == 12 ? Day(year + 1, 1, 1) : Day(year, month + 1, 1)
        let last = next.adding(days: -1)
        return last.adding(days: -((last.weekday - weekday + 7) % 7))
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}

extension Day {
    /// As "2026-11-27", the way people and JSON clients write a day.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Not a day (YYYY-MM-DD): \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
