import Foundation

/// The three 287(g) models, as ICE names them, and the names and abbreviations found in its lists.
public enum AgreementModel: String, CaseIterable, Codable, Sendable {
    /// Jail Enforcement Model: deputies screen people in the jail and lodge detainers.
    case jailEnforcement = "jail_enforcement"
    /// Task Force Model: officers question and arrest people in the street.
    case taskForce = "task_force"
    /// Warrant Service Officer: jailers serve ICE administrative warrants.
    case warrantServiceOfficer = "warrant_service_officer"

    public var publishedName: String {
        switch self {
        case .jailEnforcement: "Jail Enforcement Model"
        case .taskForce: "Task Force Model"
        case .warrantServiceOfficer: "Warrant Service Officer"
        }
    }

    /// "Jail Enforcement Model", "jail enforcement", "JEM", "Task Force", "TFM", "WSO", "Warrant Service Officer Program"…
    public static func normalize(_ text: String) -> AgreementModel? {
        let key = Normalized.words(text).replacingOccurrences(of: " PROGRAM", with: "").replacingOccurrences(of: " MODEL", with: "")
        switch key {
        case "JAIL ENFORCEMENT", "JEM", "JAIL ENFORCEMENT JEM": return .jailEnforcement
        case "TASK FORCE", "TFM", "TASK FORCE TFM": return .taskForce
        case "WARRANT SERVICE OFFICER", "WSO", "WARRANT SERVICE OFFICER WSO", "WARRANT SERVICE", "WARRANT SERVICE OFFICERS": return .warrantServiceOfficer
        default: return nil
        }
    }
}

/// What kind of body signed.
public enum AgencyKind: String, CaseIterable, Codable, Sendable {
    case county, municipality, stateAgency = "state_agency", other

    public static func normalize(_ text: String) -> AgencyKind? {
        switch Normalized.words(text) {
        case "COUNTY": .county
        case "MUNICIPALITY", "CITY", "TOWN", "MUNICIPAL": .municipality
        case "STATE AGENCY", "STATE": .stateAgency
        case "": nil
        default: .other
        }
    }
}

/// Whether an agreement is in force.
public enum AgreementStatus: String, CaseIterable, Codable, Sendable { case active, pending, ended }

/// Which of ICE's two lists a file is.
public enum AgreementList: String, CaseIterable, Codable, Sendable {
    case participating, pending

    public var status: AgreementStatus { self == .participating ? .active : .pending }
}

/// Text compared the way ICE's lists need: stray spaces (including non-breaking ones) and
/// punctuation do not make two names different.
public enum Normalized {
    public static func words(_ text: String) -> String {
        let mapped = text.uppercased().unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) || scalar == "'" ? Character(scalar) : " "
        }
        return String(mapped).replacingOccurrences(of: "'", with: "").split(separator: " ").joined(separator: " ")
    }

    /// The same text with stray spaces (non-breaking ones, tabs, line breaks) trimmed and each run
    /// folded into one space, for display.
    public static func trimmed(_ text: String) -> String {
        // Most values are already clean ASCII (ICE's detainer files hold millions): check the bytes
        // before building anything.
        var previousSpace = true, clean = true
        for byte in text.utf8 {
            if byte >= 0x80 || byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previousSpace) { clean = false; break }
            previousSpace = byte == 0x20
        }
        if clean && !previousSpace || text.isEmpty { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// One agreement as a published list states it, checked.
public struct AgreementRow: Sendable, Equatable {
    public let state: USState
    public let agency: String
    public let kind: AgencyKind?
    /// "Colbert County" (as listed; empty for some state agencies).
    public let county: String?
    public let model: AgreementModel
    public let signedOn: String?
    public let moaLink: String?
    /// The row in the file, for messages.
    public let line: Int

    public init(state: USState, agency: String, kind: AgencyKind?, county: String?, model: AgreementModel, signedOn: String?, moaLink: String?, line: Int) {
        self.state = state
        self.agency = agency
        self.kind = kind
        self.county = county
        self.model = model
        self.signedOn = signedOn
        self.moaLink = moaLink
        self.line = line
    }

    /// The agreement's identity across lists: the same agency (by normalized name) in the same
    /// state under the same model.
    public var key: String { "\(state.code)|\(Normalized.words(agency))|\(model.rawValue)" }
}

/// What a new list changes against the agreements already known from that list.
public struct AgreementDiff: Sendable, Equatable {
    public let added: [String]
    public let removed: [String]
    public let unchanged: Int

    public static func between(known: Set<String>, listed: Set<String>) -> AgreementDiff {
        AgreementDiff(added: listed.subtracting(known).sorted(), removed: known.subtracting(listed).sorted(), unchanged: known.intersection(listed).count)
    }
}
