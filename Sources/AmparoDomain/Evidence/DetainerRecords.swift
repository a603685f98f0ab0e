/// ICE's detainer records as the Deportation Data Project publishes them: the columns Amparo
/// reads, under either release's header, and their coded values.
///
/// Only what the statistics need is kept. Identifiers (A-number, EID ids, the anonymized id), birth
/// dates, nationality and sentence details are read past and never stored.
public enum DetainerField: String, CaseIterable, Sendable {
    case prepareDate, facilityState, facilityAOR, facility, facilityCode, facilityCity
    case criminality, threatLevel, chargeCode, charge, liftReason, detainerType

    /// The header names of the July 2025 release and of the latest one (`../shared/data/ddp`).
    public var headers: [String] {
        switch self {
        case .prepareDate: ["Detainer Prepare Date"]
        case .facilityState: ["Facility State"]
        case .facilityAOR: ["Facility AOR"]
        case .facility: ["Detention Facility", "Detainer Facility"]
        case .facilityCode: ["Detention Facility Code", "Detainer Facility Code"]
        case .facilityCity: ["Facility City"]
        case .criminality: ["Detainer Prepared Criminality", "Detainer Criminality"]
        case .threatLevel: ["Detainer Prep Threat Level", "Detainer Threat Level"]
        case .chargeCode: ["MSC Charge Code"]
        case .charge: ["Most Serious Conviction (MSC) Charge", "MSC Charge"]
        case .liftReason: ["Detainer Lift Reason"]
        case .detainerType: ["Detainer Type"]
        }
    }

    /// Without these a file is not a detainer table.
    public static let required: [DetainerField] = [.prepareDate, .facilityState, .facility, .facilityCode, .criminality, .liftReason]
}

/// Which release's header a sheet has.
public enum DetainerRelease: String, Sendable, CaseIterable, Codable {
    case july2025 = "jul2025", latest

    /// The full header, in order, as published.
    public var header: [String] {
        switch self {
        case .july2025: DetainerHeaders.july2025
        case .latest: DetainerHeaders.latest
        }
    }
}

/// Where each field sits in a sheet, found from its header row.
public struct DetainerColumns: Sendable, Equatable {
    public let release: DetainerRelease
    public let positions: [DetainerField: Int]
    /// The header's names by position, for error reports.
    public let names: [Int: String]

    /// The header row's columns, or nil when this row is not a detainer header (a preamble line).
    public init?(header cells: [String?]) {
        var found: [String: Int] = [:]
        for (index, cell) in cells.enumerated() {
            if let name = cell.map(Normalized.trimmed), !name.isEmpty, found[name.lowercased()] == nil { found[name.lowercased()] = index }
        }
        var positions: [DetainerField: Int] = [:]
        for field in DetainerField.allCases {
            if let index = field.headers.lazy.compactMap({ found[$0.lowercased()] }).first { positions[field] = index }
        }
        guard DetainerField.required.allSatisfy({ positions[$0] != nil }) else { return nil }
        self.positions = positions
        release = found["detainer criminality"] != nil || found["anonymized identifier"] != nil ? .latest : .july2025
        names = Dictionary(found.map { ($0.value, cells[$0.value].map(Normalized.trimmed) ?? $0.key) }, uniquingKeysWith: { a, _ in a })
    }
}

/// A criminal-history category as ICE records it when it prepares a detainer.
public enum Criminality: Int, CaseIterable, Sendable, Codable {
    case convicted = 1, pendingCharges = 2, otherViolator = 3
    /// Blank, or withheld by ICE under a FOIA exemption.
    case unrecorded = 0

    public var code: String {
        switch self {
        case .convicted: "1 Convicted Criminal"
        case .pendingCharges: "2 Pending Criminal Charges"
        case .otherViolator: "3 Other Immigration Violator"
        case .unrecorded: ""
        }
    }

    /// "1 Convicted Criminal", "1", "1 - Convicted Criminal"; nil for anything else.
    public init?(code text: String) {
        guard let first = text.first else { self = .unrecorded; return }
        switch first {
        case "1": self = .convicted
        case "2": self = .pendingCharges
        case "3": self = .otherViolator
        default:
            let lower = text.lowercased()
            if lower.contains("convicted") { self = .convicted }
            else if lower.contains("pending") { self = .pendingCharges }
            else if lower.contains("immigration violator") { self = .otherViolator }
            else { return nil }
        }
    }
}

/// ICE's 2011 threat levels: 1 aggravated felony or two felonies, 2 a felony or three
/// misdemeanors, 3 lesser crimes; none when ICE records no (predicted) conviction.
public enum ThreatLevel: Int, CaseIterable, Sendable, Codable {
    case none = 0, level1 = 1, level2 = 2, level3 = 3

    /// "1", "Level 1", "1.0"; blank is `.none`; nil for anything else.
    public init?(code text: String) {
        guard !text.isEmpty else { self = .none; return }
        guard let digit = text.first(where: \.isNumber), let level = ThreatLevel(rawValue: Int(String(digit)) ?? 0), level != .none,
              text.filter(\.isNumber).count == 1 || text.hasSuffix(".0") else { return nil }
        self = level
    }
}

/// What became of a detainer, from ICE's lift reason, in the groups a campaign argues with.
public enum DetainerOutcome: Int, CaseIterable, Sendable, Codable {
    /// ICE took custody: the person was handed over.
    case bookedIntoDetention = 1
    case declinedByLocalAgency = 2
    /// Released before ICE came, or no longer in custody.
    case released = 3
    /// No lift reason yet: active, or not recorded when the data was extracted.
    case pending = 0
    case other = 4

    public init(liftReason text: String) {
        let lower = text.lowercased()
        if lower.isEmpty { self = .pending }
        else if lower.hasPrefix("booked into detention") { self = .bookedIntoDetention }
        else if lower.contains("declined by lea") || lower.contains("declined by local") { self = .declinedByLocalAgency }
        else if lower.hasPrefix("early release") || lower.hasPrefix("no longer in state, local, or federal custody") { self = .released }
        else { self = .other }
    }
}

/// ICE's FOIA redactions ("b(6), b(7)c", "(b)(6), (b)(7)(C)"): kept as withheld, not read as a value.
public enum Redaction {
    public static func isRedacted(_ text: String) -> Bool {
        let lower = text.lowercased().filter { !$0.isWhitespace }
        return lower.hasPrefix("b(6)") || lower.hasPrefix("(b)(6)") || lower.hasPrefix("b(7)") || lower.hasPrefix("(b)(7)")
    }
}
