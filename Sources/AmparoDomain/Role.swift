/// What a person does in the group. Each role gets the least it needs.
public enum Role: String, CaseIterable, Codable, Sendable {
    case admin
    case coordinator
    case dispatcher
    case responder
    case caseWorker = "case_worker"
    case legal
    case visitor
    case organizer
    case analyst

    public var permissions: Set<Permission> {
        switch self {
        case .admin: [.manageUsers, .manageTeams, .manageOrganization, .viewAuditLog, .viewDirectory]
        case .coordinator: [.viewDirectory, .manageTeams, .workHotline, .viewShifts, .manageShifts, .publishAlerts]
        case .dispatcher: [.viewDirectory, .workHotline, .viewShifts]
        case .responder: [.viewDirectory, .viewShifts, .answerDispatches]
        case .caseWorker: [.viewDirectory, .workCases, .viewCaseCounts]
        case .legal: [.viewDirectory, .workCases, .viewCaseCounts, .workRecords]
        case .visitor: [.viewDirectory, .visit]
        case .organizer: [.viewDirectory, .viewCaseCounts, .managePlaces, .workRecords, .runCampaigns]
        case .analyst: [.viewCaseCounts, .managePlaces]
        }
    }

    /// Categories of sealed fields a role may read. Admins manage people and settings, not cases:
    /// they see that a record exists, never its protected fields, unless a later role grant says so.
    public var readableFields: Set<ProtectedField> {
        switch self {
        case .admin, .analyst: []
        case .coordinator, .dispatcher, .responder, .organizer: [.contact, .identity]
        case .caseWorker: [.contact, .identity, .notes]
        case .legal: [.contact, .identity, .notes, .immigrationRecord]
        case .visitor: [.identity]
        }
    }

    /// Every role that can see personal data must use a second factor.
    public var requiresTwoFactor: Bool { self != .analyst }

    public func can(_ permission: Permission) -> Bool { permissions.contains(permission) }
    public func canRead(_ field: ProtectedField) -> Bool { readableFields.contains(field) }
}

public enum Permission: String, CaseIterable, Sendable {
    case manageUsers
    case manageTeams
    case manageOrganization
    case viewAuditLog
    /// See the names of the group's own members (staff directory).
    case viewDirectory
    /// Read, claim and verify public reports in the hotline inbox.
    case workHotline
    /// See the on-call schedule, offer and take shift swaps.
    case viewShifts
    /// Set up the weekly on-call schedule.
    case manageShifts
    /// See one's own requests to go and verify a report, and answer them.
    case answerDispatches
    /// Turn a verified report into an alert to subscribers.
    case publishAlerts
    /// Follow the cases of one's teams: the person, consent, the custody timeline.
    case workCases
    /// See the anonymous counts of cases (by jail, month, step), small numbers suppressed.
    case viewCaseCounts
    /// Visit detained people: one's own visits, the facility's rules, the person's name and language.
    case visit
    /// Import ICE's lists and record places' policies (public facts, published on the places pages).
    case managePlaces
    /// Send public-records requests and follow them to the documents.
    case workRecords
    /// Run campaigns: their timeline, decision makers, sign-on letters.
    case runCampaigns
}

/// Kinds of sealed fields in records about the people the group supports.
public enum ProtectedField: String, CaseIterable, Sendable {
    case identity  // name, date of birth
    case contact  // phone, address, email
    case notes  // free-text notes
    case immigrationRecord  // A-number
}
