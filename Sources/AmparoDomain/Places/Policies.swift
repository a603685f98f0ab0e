/// What a place's policy is about.
public enum PolicyKind: String, CaseIterable, Codable, Sendable {
    case secureCommunities = "secure_communities", detainers, releaseNotification = "release_notification", iceAccess = "ice_access"
    case detentionContract = "detention_contract"

    /// The positions a policy of this kind can take, most protective first.
    public var positions: [PolicyPosition] {
        switch self {
        case .secureCommunities: [.activated]
        case .detainers: [.declinesAll, .judicialWarrantOnly, .stateLawLimits, .honorsWithCriteria, .honorsAll, .stateLawRequires]
        case .releaseNotification: [.doesNotNotify, .notifiesWithCriteria, .notifiesICE]
        case .iceAccess: [.noAccess, .limitedAccess, .fullAccess]
        case .detentionContract: [.noContract, .contractEnded, .hasContract]
        }
    }
}

/// Where a place stands on one kind of policy.
public enum PolicyPosition: String, CaseIterable, Codable, Sendable {
    case activated
    case declinesAll = "declines_all", judicialWarrantOnly = "judicial_warrant_only", stateLawLimits = "state_law_limits"
    case honorsWithCriteria = "honors_with_criteria", honorsAll = "honors_all", stateLawRequires = "state_law_requires"
    case doesNotNotify = "does_not_notify", notifiesWithCriteria = "notifies_with_criteria", notifiesICE = "notifies_ice"
    case noAccess = "no_access", limitedAccess = "limited_access", fullAccess = "full_access"
    case noContract = "no_contract", contractEnded = "contract_ended", hasContract = "has_contract"
}

/// How a policy was made.
public enum PolicyInstrument: String, CaseIterable, Codable, Sendable {
    case ordinance, resolution, sheriffPolicy = "sheriff_policy", stateLaw = "state_law", courtRuling = "court_ruling", contract, other
}

/// Which policy governs a county: a state law applies to every county of the state unless the
/// county's own policy is more protective; a state law that requires cooperation (Texas SB 4,
/// Florida SB 168) governs whatever the county says.
public enum GoverningPolicy {
    public enum Source: Equatable, Sendable { case local, state }

    /// Positions are compared by their order in `kind.positions` (most protective first).
    public static func resolve(kind: PolicyKind, local: PolicyPosition?, state: PolicyPosition?) -> (position: PolicyPosition, source: Source)? {
        switch (local, state) {
        case (nil, nil): return nil
        case (let local?, nil): return (local, .local)
        case (nil, let state?): return (state, .state)
        case (_, .stateLawRequires?): return (.stateLawRequires, .state)
        case (let local?, let state?):
            let rank = { (position: PolicyPosition) in kind.positions.firstIndex(of: position) ?? Int.max }
            return rank(local) < rank(state) ? (local, .local) : (state, .state)
        }
    }
}
