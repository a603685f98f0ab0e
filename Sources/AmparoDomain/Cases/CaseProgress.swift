import Foundation

/// What the case list shows of a timeline without reading it: the hold clock and where the person
/// is now. Recomputed from the whole current timeline whenever an entry is added or corrected.
public struct CaseProgress: Sendable, Equatable {
    public let hold: HoldClock?
    public let whereabouts: Whereabouts?

    /// The latest entry that puts the person somewhere, or says they left custody.
    public struct Whereabouts: Sendable, Equatable, Codable {
        public let step: CustodyStep
        /// The facility in the registry, when the place is one.
        public let facility: UUID?
        /// The place as typed (or the facility's name when it was recorded).
        public let place: String?

        public init(step: CustodyStep, facility: UUID?, place: String?) {
            self.step = step
            self.facility = facility
            self.place = place
        }

        public var isOutOfCustody: Bool { step.endsCustody }
    }

    /// A timeline entry with its place, as the progress needs it.
    public struct Entry: Sendable, Equatable {
        public let event: CustodyEvent
        public let facility: UUID?
        public let place: String?

        public init(event: CustodyEvent, facility: UUID?, place: String?) {
            self.event = event
            self.facility = facility
            self.place = place
        }
    }

    public init(hold: HoldClock?, whereabouts: Whereabouts?) {
        self.hold = hold
        self.whereabouts = whereabouts
    }

    public static func from(_ entries: [Entry]) -> CaseProgress {
        let telling = entries.filter { entry in
            entry.event.step.endsCustody
                || (CustodyLocation.placing.contains(entry.event.step) && (entry.facility != nil || entry.place != nil))
        }
        // The latest by when it happened; among entries of the same moment, the later one in the list.
        let latest = telling.enumerated().max { ($0.element.event.at, $0.offset) < ($1.element.event.at, $1.offset) }?.element
        return CaseProgress(
            hold: HoldClock.from(entries.map(\.event)),
            whereabouts: latest.map { Whereabouts(step: $0.event.step, facility: $0.facility, place: $0.place) })
    }
}

/// The order of the case list: a hold running on a detainer alone first (the longest first), then
/// a hearing ahead (the soonest first), then the other open cases (newest first), closed ones last.
public enum CaseUrgency: Sendable, Equatable, Comparable {
    case holdRunning(since: Date)
    case hearing(at: Date)
    case open(openedAt: Date)
    case closed(openedAt: Date)

    public init(status: CaseStatus, hold: HoldClock?, nextHearing: Date?, openedAt: Date) {
        if status == .closed {
            self = .closed(openedAt: openedAt)
        } else if let hold, hold.isAlarm {
            self = .holdRunning(since: hold.startedAt)
        } else if let nextHearing {
            self = .hearing(at: nextHearing)
        } else {
            self = .open(openedAt: openedAt)
        }
    }

    public static func < (a: CaseUrgency, b: CaseUrgency) -> Bool {
        switch (a, b) {
        case let (.holdRunning(x), .holdRunning(y)): x < y
        case let (.hearing(x), .hearing(y)): x < y
        case let (.open(x), .open(y)), let (.closed(x), .closed(y)): x > y
        default: a.rank < b.rank
        }
    }

    private var rank: Int {
        switch self {
        case .holdRunning: 0
        case .hearing: 1
        case .open: 2
        case .closed: 3
        }
    }
}
