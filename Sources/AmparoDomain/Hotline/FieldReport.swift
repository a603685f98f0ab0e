import Foundation

/// What a responder saw on the scene: the SALUTE items (size, activity, location, unit/uniform, time,
/// equipment) and what a lawyer will ask first: was a warrant shown, was it signed by a judge or only
/// an ICE form (I-200/I-205), was consent to enter given, who was taken and where.
public struct FieldReport: Codable, Sendable, Equatable {
    /// Whether the responder found enforcement on arrival.
    public enum Finding: String, CaseIterable, Codable, Sendable { case confirmed, gone, notFound = "not_found" }

    public enum Warrant: String, CaseIterable, Codable, Sendable {
        case none
        /// Signed by a judge, names a court: the only kind that allows entry into a home.
        case judicial
        /// ICE's own form I-200 or I-205, signed by an ICE officer: no authority to enter a home.
        case administrative
        case unclear
        case unknown
    }

    public enum Consent: String, CaseIterable, Codable, Sendable {
        case noEntry = "no_entry", given, refused, enteredWithout = "entered_without", unknown
    }

    public var finding: Finding
    public var size: String
    public var activity: String
    public var location: String
    public var unit: String
    /// Local clock time the responder saw it, "HH:MM", or empty.
    public var time: String
    public var equipment: String
    public var warrant: Warrant
    public var consent: Consent
    public var detained: Int
    public var takenTo: String
    public var witnesses: String
    public var media: String

    public init(finding: Finding, size: String = "", activity: String = "", location: String = "", unit: String = "",
                time: String = "", equipment: String = "", warrant: Warrant = .unknown, consent: Consent = .unknown,
                detained: Int = 0, takenTo: String = "", witnesses: String = "", media: String = "") {
        self.finding = finding; self.size = size; self.activity = activity; self.location = location; self.unit = unit
        self.time = time; self.equipment = equipment; self.warrant = warrant; self.consent = consent
        self.detained = detained; self.takenTo = takenTo; self.witnesses = witnesses; self.media = media
    }

    public enum Field: String, CaseIterable, Sendable {
        case finding, size, activity, location, unit, time, equipment, warrant, consent, detained, takenTo, witnesses, media
    }

    public enum Problem: Sendable, Equatable { case missing, tooLong(Int), controlCharacter, unknownChoice, notANumber(ClosedRange<Int>), badTime }

    public static let detainedRange = 0...200
    static let limits: [Field: Int] = [
        .size: 300, .activity: 2000, .location: 300, .unit: 300, .equipment: 500, .takenTo: 300, .witnesses: 1000, .media: 1000,
    ]
    public static func limit(_ field: Field) -> Int { limits[field] ?? 0 }

    /// Validates a submitted form (field name -> first value). Every field is checked, so the page can
    /// show every problem at once; the form is never half-accepted.
    public enum Outcome: Sendable, Equatable {
        case valid(FieldReport)
        case invalid([Field: Problem])
    }

    public static func validate(_ fields: [String: String]) -> Outcome {
        var problems: [Field: Problem] = [:]
        func choice<T: RawRepresentable>(_ field: Field, default value: T?) -> T? where T.RawValue == String {
            let raw = (fields[field.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
            if raw.isEmpty {
                if value == nil { problems[field] = .missing }
                return value
            }
            guard let parsed = T(rawValue: raw) else { problems[field] = .unknownChoice; return nil }
            return parsed
        }
        func text(_ field: Field) -> String {
            let raw = fields[field.rawValue] ?? ""
            let limit = limit(field)
            if raw.unicodeScalars.count > limit { problems[field] = .tooLong(limit); return "" }
            if raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0) }) {
                problems[field] = .controlCharacter; return ""
            }
            return raw.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let finding: Finding? = choice(.finding, default: nil)
        let warrant: Warrant? = choice(.warrant, default: .unknown)
        let consent: Consent? = choice(.consent, default: .unknown)
        var detained = 0
        let rawDetained = (fields[Field.detained.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
        if !rawDetained.isEmpty {
            if let n = Int(rawDetained), detainedRange.contains(n) { detained = n } else { problems[.detained] = .notANumber(detainedRange) }
        }
        let time = (fields[Field.time.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
        if !time.isEmpty, ShiftCalendar.minutes(time) == nil { problems[.time] = .badTime }
        let report = FieldReport(
            finding: finding ?? .confirmed, size: text(.size), activity: text(.activity), location: text(.location), unit: text(.unit),
            time: time, equipment: text(.equipment), warrant: warrant ?? .unknown, consent: consent ?? .unknown, detained: detained,
            takenTo: text(.takenTo), witnesses: text(.witnesses), media: text(.media))
        return problems.isEmpty ? .valid(report) : .invalid(problems)
    }
}

/// Where a request to a responder stands. Whether its message went out is the notice's business.
public enum DispatchState: String, CaseIterable, Codable, Sendable {
    /// Sent or on its way; no answer yet.
    case waiting
    case accepted
    case declined
    /// A field report came back.
    case filed
}
