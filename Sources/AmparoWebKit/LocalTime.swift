import AmparoDomain
import Foundation

/// The one way pages, exports and messages write a time: in the organization's time zone, with its
/// abbreviation ("2026-12-01 16:11 CST"), the same digits in every language. Built once at start:
/// the abbreviations come from ICU (Foundation's own `abbreviation(for:)` says "GMT-6" on Linux).
public struct LocalTime: Sendable, Equatable {
    public let timeZone: TimeZone
    private let standard: String
    private let daylight: String

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US")
        formatter.timeZone = timeZone
        formatter.dateFormat = "zzz"
        // January and July of one year: one of them is in daylight time wherever there is one.
        let samples = [Date(timeIntervalSince1970: 1_768_435_200), Date(timeIntervalSince1970: 1_784_073_600)]
        let names = samples.map { (timeZone.isDaylightSavingTime(for: $0), formatter.string(from: $0)) }
        // ICU calls UTC "GMT"; the setting says UTC, so the pages do too.
        standard = timeZone.secondsFromGMT() == 0 && names.allSatisfy({ !$0.0 }) ? "UTC" : names.first { !$0.0 }?.1 ?? names[0].1
        daylight = names.first { $0.0 }?.1 ?? standard
    }

    /// "2026-12-01 16:11 CST".
    public func dateTime(_ date: Date) -> String {
        "\(LocalDateTime.format(date, timeZone: timeZone)) \(abbreviation(date))"
    }

    /// "2026-12-01".
    public func day(_ date: Date) -> String { LocalDateTime.day(date, timeZone: timeZone) }

    /// What a `datetime-local` input holds for the instant ("2026-12-01T16:11").
    public func inputValue(_ date: Date) -> String {
        LocalDateTime.format(date, timeZone: timeZone).replacingOccurrences(of: " ", with: "T")
    }

    public func abbreviation(_ date: Date) -> String { timeZone.isDaylightSavingTime(for: date) ? daylight : standard }
}

/// "2027-01-15T14:30" (what a datetime-local input sends) or "2027-01-15 14:30", in a time zone.
public enum LocalDateTime {
    public static func parse(_ raw: String, timeZone: TimeZone) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        guard day.count == 3, let minutes = ShiftCalendar.minutes(String(parts[1].prefix(5))) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day[0], month: day[1], day: day[2], hour: minutes / 60, minute: minutes % 60)
        guard components.isValidDate(in: calendar), (1900...2200).contains(day[0]) else { return nil }
        return calendar.date(from: components)
    }

    /// The digits alone ("2027-01-15 14:30"), as a form field takes them back; pages use `LocalTime`.
    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// The day part alone ("2027-01-15"), in the time zone.
    public static func day(_ date: Date, timeZone: TimeZone) -> String { String(format(date, timeZone: timeZone).prefix(10)) }
}
