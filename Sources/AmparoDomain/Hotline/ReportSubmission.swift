import Foundation

/// What a member of the public sends from the report page, as typed. Every field is optional text
/// here so that validation, not decoding, says what is wrong.
public struct ReportForm: Codable, Sendable, Equatable {
    public var what: String?
    public var place: String?
    /// Minutes ago, from the page's choice list: "0", "15", "45", "120", "240".
    public var when: String?
    public var officers: String?
    public var vehicles: String?
    public var agency: String?
    public var latitude: String?
    public var longitude: String?
    /// "exact" or "blurred" (about 1 km); blurred unless the reporter chose otherwise.
    public var pin: String?
    public var callback: String?
    /// The honeypot: hidden from people, filled in by bots.
    public var website: String?

    public init(what: String? = nil, place: String? = nil, when: String? = nil, officers: String? = nil,
                vehicles: String? = nil, agency: String? = nil, latitude: String? = nil, longitude: String? = nil,
                pin: String? = nil, callback: String? = nil, website: String? = nil) {
        self.what = what; self.place = place; self.when = when; self.officers = officers; self.vehicles = vehicles
        self.agency = agency; self.latitude = latitude; self.longitude = longitude; self.pin = pin
        self.callback = callback; self.website = website
    }
}

extension ReportForm {
    /// From a parsed form body; a field sent twice counts by its first value.
    public init(fields: [String: [String]]) {
        self.init(
            what: fields["what"]?.first, place: fields["place"]?.first, when: fields["when"]?.first,
            officers: fields["officers"]?.first, vehicles: fields["vehicles"]?.first, agency: fields["agency"]?.first,
            latitude: fields["latitude"]?.first, longitude: fields["longitude"]?.first, pin: fields["pin"]?.first,
            callback: fields["callback"]?.first, website: fields["website"]?.first)
    }
}

/// A report that passed validation, ready to be sealed and stored.
public struct ValidReport: Sendable, Equatable {
    public var what: String
    public var place: String
    public var occurredAt: Date
    public var officers: Int?
    public var vehicles: Int?
    public var agency: Agency
    /// "lat,lon", already blurred if the reporter asked for it.
    public var pin: String?
    public var callback: String?

    public init(what: String, place: String, occurredAt: Date, officers: Int?, vehicles: Int?, agency: Agency, pin: String?, callback: String?) {
        self.what = what; self.place = place; self.occurredAt = occurredAt; self.officers = officers
        self.vehicles = vehicles; self.agency = agency; self.pin = pin; self.callback = callback
    }
}

public enum ReportField: String, CaseIterable, Sendable, Codable {
    case what, place, when, officers, vehicles, agency, pin, callback
}

public enum ReportProblem: Sendable, Equatable, Codable {
    case missing, tooLong(Int), notANumber(ClosedRange<Int>), unknownChoice, controlCharacter, pinIncomplete, pinOutOfRange
}

public enum ReportSubmission {
    public static let whatLimit = 2000
    public static let placeLimit = 300
    public static let callbackLimit = 200
    public static let countRange = 0...500
    public static let whenChoices = [0, 15, 45, 120, 240]

    public enum Outcome: Sendable, Equatable {
        case accepted(ValidReport)
        case rejected([ReportField: ReportProblem])
        /// The honeypot was filled: answer as if accepted, keep nothing.
        case bot
    }

    public static func validate(_ form: ReportForm, now: Date) -> Outcome {
        if let trap = form.website, !trap.isEmpty { return .bot }
        var problems: [ReportField: ReportProblem] = [:]

        func text(_ field: ReportField, _ raw: String?, limit: Int, required: Bool, multiline: Bool) -> String? {
            let raw = raw ?? ""
            if raw.unicodeScalars.count > limit { problems[field] = .tooLong(limit); return nil }
            let allowed: Set<Unicode.Scalar> = multiline ? ["\n", "\r", "\t"] : []
            if raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !allowed.contains($0) }) {
                problems[field] = .controlCharacter; return nil
            }
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                if required { problems[field] = .missing }
                return nil
            }
            return trimmed
        }

        func count(_ field: ReportField, _ raw: String?) -> Int? {
            let trimmed = (raw ?? "").trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let n = Int(trimmed), countRange.contains(n) else { problems[field] = .notANumber(countRange); return nil }
            return n
        }

        let what = text(.what, form.what, limit: whatLimit, required: true, multiline: true)
        let place = text(.place, form.place, limit: placeLimit, required: true, multiline: false)
        let callback = text(.callback, form.callback, limit: callbackLimit, required: false, multiline: false)
        let officers = count(.officers, form.officers)
        let vehicles = count(.vehicles, form.vehicles)

        var minutesAgo = 0
        if let when = form.when, !when.isEmpty {
            if let n = Int(when), whenChoices.contains(n) { minutesAgo = n } else { problems[.when] = .unknownChoice }
        }
        var agency = Agency.unknown
        if let raw = form.agency, !raw.isEmpty {
            if let known = Agency(rawValue: raw) { agency = known } else { problems[.agency] = .unknownChoice }
        }
        let pin = self.pin(latitude: form.latitude, longitude: form.longitude, mode: form.pin, problems: &problems)

        guard problems.isEmpty, let what, let place else { return .rejected(problems) }
        return .accepted(ValidReport(
            what: what, place: place, occurredAt: now.addingTimeInterval(-Double(minutesAgo) * 60),
            officers: officers, vehicles: vehicles, agency: agency, pin: pin, callback: callback))
    }

    /// A map pin is optional. Blurred (the default) rounds to two decimals, about 1 km, so a report
    /// does not pinpoint a home.
    static func pin(latitude: String?, longitude: String?, mode: String?, problems: inout [ReportField: ReportProblem]) -> String? {
        let lat = (latitude ?? "").trimmingCharacters(in: .whitespaces)
        let lon = (longitude ?? "").trimmingCharacters(in: .whitespaces)
        if lat.isEmpty && lon.isEmpty { return nil }
        guard !lat.isEmpty, !lon.isEmpty else { problems[.pin] = .pinIncomplete; return nil }
        guard let la = Double(lat), let lo = Double(lon), (-90...90).contains(la), (-180...180).contains(lo) else {
            problems[.pin] = .pinOutOfRange; return nil
        }
        switch mode ?? "blurred" {
        case "exact": return String(format: "%.5f,%.5f", la, lo)
        case "blurred", "": return String(format: "%.2f,%.2f", la, lo)
        default: problems[.pin] = .unknownChoice; return nil
        }
    }
}
