import Foundation

/// The boxes an ICE officer checks on an I-247A to say why they believe the person is removable.
/// None of them is a judge's finding: that is why a hold on them alone is contested.
public enum ProbableCause: String, CaseIterable, Codable, Sendable {
    case finalOrder = "final_order"
    case pendingProceedings = "pending_proceedings"
    case biometricMatch = "biometric_match"
    case statements

    /// The boxes from a stored list ("final_order,statements"); unknown codes are dropped.
    public static func list(_ stored: String?) -> [ProbableCause] {
        (stored ?? "").split(separator: ",").compactMap { ProbableCause(rawValue: String($0)) }
    }

    public static func stored(_ boxes: [ProbableCause]) -> String? {
        boxes.isEmpty ? nil : allCases.filter(boxes.contains).map(\.rawValue).joined(separator: ",")
    }
}

/// Hearings in immigration court.
public enum HearingKind: String, CaseIterable, Codable, Sendable {
    case masterCalendar = "master_calendar", individual, bond, credibleFear = "credible_fear", other
}

/// Where a bond stands on the timeline.
public enum BondStage: String, CaseIterable, Codable, Sendable {
    case requested, set, denied, paidByFund = "paid_by_fund", paidByFamily = "paid_by_family"
}

/// The kinds of places people are held (as ICE's detention statistics name them).
public enum FacilityKind: String, CaseIterable, Codable, Sendable {
    case countyJail = "county_jail", igsa, usmsIGA = "usms_iga", dedicated, privateFacility = "private"
}

/// A request to the group's bond fund, from asking to paying (or not).
public enum BondRequestStatus: String, CaseIterable, Codable, Sendable {
    case requested, approved, declined, paid, returned

    /// What can follow: a request is approved or declined; an approved one is paid or declined;
    /// a paid bond comes back (returned) when the case ends.
    public var next: [BondRequestStatus] {
        switch self {
        case .requested: [.approved, .declined]
        case .approved: [.paid, .declined]
        case .paid: [.returned]
        case .declined, .returned: []
        }
    }
}

/// Where a legal referral stands.
public enum ReferralStatus: String, CaseIterable, Codable, Sendable {
    case referred, accepted, declined, representing, closed
}

/// A visit to a detained person, from planning to report.
public enum VisitStatus: String, CaseIterable, Codable, Sendable {
    case scheduled, done
    /// The facility turned the visitor away.
    case denied
    case cancelled
    /// The person was moved before the visit: it must be planned again elsewhere.
    case moved
}

/// Amounts of money typed by people ("1500", "$1,500.00", "1.500,50" is refused) to whole cents.
public enum Cents {
    public static func parse(_ raw: String) -> Int? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("$") { text.removeFirst() }
        text = text.replacingOccurrences(of: ",", with: "")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let dollars = Int(parts[0]), dollars >= 0, dollars <= 10_000_000,
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var cents = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(parts[1]) else { return nil }
            cents = parts[1].count == 1 ? value * 10 : value
        }
        return dollars * 100 + cents
    }

    public static func format(_ cents: Int) -> String {
        let dollars = cents / 100, rest = cents % 100
        let grouped = String(dollars).reversed().enumerated().reduce(into: "") { text, item in
            if item.offset > 0 && item.offset % 3 == 0 { text.append(",") }
            text.append(item.element)
        }
        return "$" + String(grouped.reversed()) + (rest == 0 ? "" : String(format: ".%02d", rest))
    }
}

/// Where the person is held, as the timeline tells it, and whether a new entry moves them.
public enum CustodyLocation {
    /// Steps that put the person somewhere.
    public static let placing: Set<CustodyStep> = [.booked, .transferredToICE, .detained, .facilityTransfer]

    public struct Entry: Sendable, Equatable {
        public let step: CustodyStep
        public let at: Date
        /// A facility id or, until the place is in the registry, its name as typed (lowercased).
        public let place: String

        public init(step: CustodyStep, at: Date, place: String) {
            self.step = step
            self.at = at
            self.place = place
        }
    }

    /// The place of the latest placing entry.
    public static func current(_ entries: [Entry]) -> String? {
        entries.filter { placing.contains($0.step) }.max { $0.at < $1.at }?.place
    }

    /// A new entry is a move when it places the person somewhere other than where they were, and is
    /// the latest thing known (a late correction of an old entry moves no one today).
    public static func isMove(_ entry: Entry, after entries: [Entry]) -> Bool {
        guard placing.contains(entry.step), let here = current(entries) else { return false }
        let latest = entries.filter { placing.contains($0.step) }.map(\.at).max() ?? .distantPast
        return entry.at >= latest && entry.place != here
    }
}
