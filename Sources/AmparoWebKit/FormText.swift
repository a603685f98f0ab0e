import AmparoDomain
import Foundation

/// A form's optional text: the trimmed value (nil when empty), or a 422 saying to keep it short
/// and free of control characters. `joiningLines`: a text area's line breaks become spaces.
public enum FormText {
    public static func field(_ fields: [String: String], _ name: String, limit: Int, joiningLines: Bool = true) throws -> String? {
        let raw = joiningLines ? fields[name].map(SingleLineText.joiningLines) : fields[name]
        guard case .success(let value) = SingleLineText.validate(raw, maxLength: limit, required: false) else {
            throw UserFacingError(status: .unprocessableEntity, text: .cases(.errorText))
        }
        return value.isEmpty ? nil : value
    }
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

    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// The day part alone ("2027-01-15"), in the time zone.
    public static func day(_ date: Date, timeZone: TimeZone) -> String { String(format(date, timeZone: timeZone).prefix(10)) }
}

/// An instant in UTC, ISO-like and short ("2026-12-01 21:56:23 UTC"), as the hotline's pages print
/// times; the organization's time zone there is a later setting.
public enum UTCTime {
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: date) + " UTC"
    }
}
