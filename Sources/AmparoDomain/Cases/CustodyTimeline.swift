import Foundation

/// One step of a person's path through the jail-to-ICE pipeline (PRODUCT.md): arrest, booking, the
/// detainer and the jail's answer, the end of local custody, the transfer to ICE, detention and its
/// transfers, hearings, bond, release, relief or removal.
public enum CustodyStep: String, CaseIterable, Codable, Sendable {
    case arrested, booked, detainerLodged = "detainer_lodged", jailResponse = "jail_response"
    /// Bail posted, charges dropped or sentence served: the local reason to hold the person is gone.
    case localCustodyEnded = "local_custody_ended"
    case transferredToICE = "transferred_to_ice", detained, facilityTransfer = "facility_transfer"
    case hearing, bond, released, reliefGranted = "relief_granted", removed
}

/// The forms ICE uses to ask a jail to hold or notify.
public enum DetainerForm: String, CaseIterable, Codable, Sendable {
    /// I-247A: immigration detainer, notice of action (hold up to 48 hours past release).
    case i247A = "I-247A"
    /// I-247N: request for voluntary notification of release (no hold).
    case i247N = "I-247N"
    case other
}

/// What the jail did with the detainer.
public enum JailResponse: String, CaseIterable, Codable, Sendable { case honored, declined, released }

/// Why local custody ended.
public enum LocalCustodyEnd: String, CaseIterable, Codable, Sendable { case bailPosted = "bail_posted", chargesDropped = "charges_dropped", sentenceServed = "sentence_served", releasedByCourt = "released_by_court" }

/// A timeline entry as the hold clock needs it: what happened and when.
public struct CustodyEvent: Sendable, Equatable {
    public let step: CustodyStep
    public let at: Date
    /// For a detainer: the form (an I-247N asks for notice, not a hold).
    public let detainerForm: DetainerForm?
    /// For a detainer: whether a warrant signed by a judge came with it.
    public let judicialWarrant: Bool
    /// For the jail's answer: honored, declined, released.
    public let jailResponse: JailResponse?

    public init(step: CustodyStep, at: Date, detainerForm: DetainerForm? = nil, judicialWarrant: Bool = false, jailResponse: JailResponse? = nil) {
        self.step = step
        self.at = at
        self.detainerForm = detainerForm
        self.judicialWarrant = judicialWarrant
        self.jailResponse = jailResponse
    }
}

/// The 48-hour hold clock: when a detainer asks the jail to hold someone and their local custody
/// has ended, every hour they stay is an hour on the detainer alone, a new warrantless seizure
/// unless a judge signed a warrant (Miranda-Olivares v. Clackamas County, D. Or. 2014).
public struct HoldClock: Sendable, Equatable, Codable {
    /// When the hold on the detainer alone began (the end of local custody), if it has.
    public let startedAt: Date
    /// Still running at `now`, or stopped by a transfer to ICE or a release.
    public let endedAt: Date?
    /// A judge's warrant came with the detainer: the hold has a legal basis; still shown, never alerted.
    public let judicialWarrant: Bool

    public init(startedAt: Date, endedAt: Date?, judicialWarrant: Bool) {
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.judicialWarrant = judicialWarrant
    }

    /// Running on a detainer alone: the clock is an alarm, not a note.
    public var isAlarm: Bool { isRunning && !judicialWarrant }

    public func hours(at now: Date) -> Double { ((endedAt ?? now).timeIntervalSince(startedAt)) / 3600 }

    public var isRunning: Bool { endedAt == nil }

    /// The thresholds (hours) this hold has crossed at `now`, lowest first.
    public func crossed(_ thresholds: [Int], at now: Date) -> [Int] {
        let held = hours(at: now)
        return thresholds.sorted().filter { Double($0) <= held }
    }

    /// The clock for a timeline, or nil when nothing holds the person on a detainer alone. Events
    /// may come in any order and be corrected: the clock is recomputed from the whole timeline.
    public static func from(_ events: [CustodyEvent]) -> HoldClock? {
        let ordered = events.sorted { $0.at < $1.at }
        // The latest detainer that asks for a hold (an I-247N asks only for notice).
        guard let detainer = ordered.last(where: { $0.step == .detainerLodged && $0.detainerForm != .i247N }) else { return nil }
        // A jail that declined the detainer (or released the person) does not hold on it.
        if let answer = ordered.last(where: { $0.step == .jailResponse && $0.at >= detainer.at })?.jailResponse, answer != .honored {
            return nil
        }
        guard let ended = ordered.first(where: { $0.step == .localCustodyEnded }) else { return nil }
        let start = max(ended.at, detainer.at)
        let stop = ordered.first { [.transferredToICE, .released, .removed].contains($0.step) && $0.at >= start }
        return HoldClock(startedAt: start, endedAt: stop?.at, judicialWarrant: detainer.judicialWarrant)
    }
}

/// Whether the group is still following a case.
public enum CaseStatus: String, Sendable, Equatable, Codable, CaseIterable {
    case open, closed
}

/// The parts of the pipeline the case page groups its timeline by.
public enum CustodyPhase: String, CaseIterable, Codable, Sendable {
    case arrestAndJail, iceCustody, courtAndBond, outcome
}

/// The facts a timeline entry may carry beyond when, where, the source and a note: each belongs to
/// some steps only, and the form for a step asks for its own.
public enum CustodyFact: String, CaseIterable, Codable, Sendable {
    case agency, detainer, jailResponse, hearingKind, bond
}

extension CustodyStep {
    /// Released or removed: no longer held anywhere the group can visit.
    public var endsCustody: Bool { self == .released || self == .removed }

    public var phase: CustodyPhase {
        switch self {
        case .arrested, .booked, .detainerLodged, .jailResponse, .localCustodyEnded: .arrestAndJail
        case .transferredToICE, .detained, .facilityTransfer: .iceCustody
        case .hearing, .bond: .courtAndBond
        case .released, .reliefGranted, .removed: .outcome
        }
    }

    public var facts: [CustodyFact] {
        switch self {
        case .arrested, .booked, .transferredToICE: [.agency]
        case .detainerLodged: [.agency, .detainer]
        case .jailResponse: [.jailResponse]
        case .hearing: [.hearingKind]
        case .bond: [.bond]
        case .localCustodyEnded, .detained, .facilityTransfer, .released, .reliefGranted, .removed: []
        }
    }
}
