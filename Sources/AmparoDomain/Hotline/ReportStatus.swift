/// Where a public report stands. Nothing is broadcast before a dispatcher marks it verified.
///
///     new -> claimed -> verifying -> verified | unconfirmed | false alarm | duplicate -> closed
///
/// A dispatcher may release a claim (claimed -> new), and may decide straight from claimed when the
/// answer is already known (a second report of a verified incident is a duplicate).
public enum ReportStatus: String, CaseIterable, Codable, Sendable {
    case new
    case claimed
    case verifying
    case verified
    case unconfirmed
    case falseAlarm = "false_alarm"
    case duplicate
    case closed

    public var next: [ReportStatus] {
        switch self {
        case .new: [.claimed]
        case .claimed: [.verifying, .verified, .unconfirmed, .falseAlarm, .duplicate, .new]
        case .verifying: [.verified, .unconfirmed, .falseAlarm, .duplicate]
        case .verified, .unconfirmed, .falseAlarm, .duplicate: [.closed]
        case .closed: []
        }
    }

    public func canMove(to target: ReportStatus) -> Bool { next.contains(target) }

    /// The verdicts a dispatcher reaches; a closed report keeps its verdict as its outcome.
    public var isOutcome: Bool { [.verified, .unconfirmed, .falseAlarm, .duplicate].contains(self) }

    /// Outcomes whose personal data (callback contact, description, place) is purged after the
    /// retention period: nothing was confirmed, so nothing justifies keeping it.
    public var isPurgedAfterRetention: Bool { [.unconfirmed, .falseAlarm, .duplicate].contains(self) }

    /// Still waiting for a dispatcher: the inbox shows these first.
    public var isOpen: Bool { [.new, .claimed, .verifying].contains(self) }

    /// Verdicts that still describe something happening now: an emergency with one of these stays
    /// in the inbox's default view until someone closes it.
    public static let liveVerdicts: [ReportStatus] = [.verified, .unconfirmed]

    /// Whether the inbox's default view shows a report: open, or a live emergency.
    public func isInDefaultView(urgency: ReportUrgency) -> Bool {
        isOpen || (urgency == .emergency && Self.liveVerdicts.contains(self))
    }
}

public enum ReportUrgency: String, CaseIterable, Codable, Sendable, Comparable {
    case routine, urgent, emergency

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: ReportUrgency, b: ReportUrgency) -> Bool { a.rank < b.rank }
}

/// Which agency the reporter believes is acting. "unknown" is a fine answer.
public enum Agency: String, CaseIterable, Codable, Sendable {
    case unknown, ice, cbp, police, sheriff, other
}

/// What a reporter may learn of their report from its code: coarse, never who or what.
public enum PublicReportState: String, Sendable, Equatable, Codable, CaseIterable {
    case received, beingChecked, closed

    public init(_ status: ReportStatus) {
        switch status {
        case .new: self = .received
        case .claimed, .verifying: self = .beingChecked
        case .verified, .unconfirmed, .falseAlarm, .duplicate, .closed: self = .closed
        }
    }
}
