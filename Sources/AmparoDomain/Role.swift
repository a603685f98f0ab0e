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

/// The roles one member holds. A member may hold several (the coordinator of a small group is
/// often its admin, dispatcher and case worker too); each permission is the union of theirs.
public struct RoleSet: Hashable, Sendable, Codable, Sequence, ExpressibleByArrayLiteral {
    private var members: Set<Role>

    public init(_ roles: some Sequence<Role>) { members = Set(roles) }
    public init(arrayLiteral roles: Role...) { self.init(roles) }

    /// Reads the stored form, a comma-separated list ("admin,coordinator"). A single role, as
    /// every member held before, reads as itself; unknown names are dropped, so nothing is widened.
    public init(stored: String) {
        self.init(stored.split(separator: ",").compactMap { Role(rawValue: String($0)) })
    }

    /// Every role, the first admin's set.
    public static let all = RoleSet(Role.allCases)

    /// The stored form, in the catalog's order so equal sets store equal strings.
    public var stored: String { ordered.map(\.rawValue).joined(separator: ",") }
    /// The roles in the catalog's order (admin first), for pages and lists.
    public var ordered: [Role] { Role.allCases.filter(members.contains) }
    public var isEmpty: Bool { members.isEmpty }
    public func makeIterator() -> [Role].Iterator { ordered.makeIterator() }

    /// Coded as the list of roles, in order.
    public init(from decoder: any Decoder) throws { self.init(try [Role](from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try ordered.encode(to: encoder) }

    public func contains(_ role: Role) -> Bool { members.contains(role) }
    public func can(_ permission: Permission) -> Bool { members.contains { $0.can(permission) } }
    public func canRead(_ field: ProtectedField) -> Bool { members.contains { $0.canRead(field) } }
    /// A second factor is needed as soon as one role held can see personal data.
    public var requiresTwoFactor: Bool { members.contains(where: \.requiresTwoFactor) }
    public func isSubset(of other: RoleSet) -> Bool { members.isSubset(of: other.members) }

    public func inserting(_ role: Role) -> RoleSet { RoleSet(members.union([role])) }
    public func removing(_ role: Role) -> RoleSet { RoleSet(members.subtracting([role])) }
    public func union(_ other: RoleSet) -> RoleSet { RoleSet(members.union(other.members)) }
    public func subtracting(_ other: RoleSet) -> RoleSet { RoleSet(members.subtracting(other.members)) }
    public func intersection(_ other: RoleSet) -> RoleSet { RoleSet(members.intersection(other.members)) }
}

/// Who may give which roles: nobody gives a role they do not hold, so least privilege survives
/// any chain of invitations.
public enum RoleGrant {
    public enum Refusal: Error, Equatable, Sendable {
        case noRole
        case notHeld
    }

    /// The roles a member ends with when `granter` asks for `requested` (`current`: what they hold
    /// now, empty for someone being invited). Roles the granter does not hold stay as they were:
    /// they can neither be given nor taken by them.
    public static func apply(requested: RoleSet, current: RoleSet = [], granter: RoleSet) -> Result<RoleSet, Refusal> {
        guard requested.subtracting(granter).isSubset(of: current) else { return .failure(.notHeld) }
        let result = requested.intersection(granter).union(current.subtracting(granter))
        return result.isEmpty ? .failure(.noRole) : .success(result)
    }
}
