import Foundation

/// Detainer rows counted by what the statistics ask: per facility and month, by criminality,
/// threat level and outcome, and separately by charge category. Memory grows with facilities ×
/// months × categories, not with rows: a file of any length fits.
public struct DetainerTally: Sendable {
    public struct Cell: Hashable, Sendable {
        public let facility: FacilityKey
        public let month: Int
        public let criminality: Criminality
        public let threat: ThreatLevel
        public let outcome: DetainerOutcome
    }

    public struct ChargeCell: Hashable, Sendable {
        public let facility: FacilityKey
        public let month: Int
        public let charge: ChargeCategory
    }

    /// A facility's name, city and field office as the file first gives them.
    public struct FacilityInfo: Sendable, Equatable {
        public var name: String
        public var city: String
        public var aor: String
    }

    public private(set) var facilities: [FacilityKey: FacilityInfo] = [:]
    public private(set) var rows = 0
    public private(set) var firstMonth: Int?
    public private(set) var lastMonth: Int?
    /// Counts by packed key (facility number, month, categories in one integer): a file's millions
    /// of rows hash small integers, not strings.
    private var packedCells: [Int: Int] = [:]
    private var packedCharges: [Int: Int] = [:]
    private var facilityNumbers: [FacilityKey: Int] = [:]
    private var facilityKeys: [FacilityKey] = []

    public init() {}

    public mutating func add(_ facts: DetainerFacts) {
        rows += 1
        let number: Int
        if let known = facilityNumbers[facts.facility] {
            number = known
        } else {
            number = facilityKeys.count
            facilityNumbers[facts.facility] = number
            facilityKeys.append(facts.facility)
            facilities[facts.facility] = FacilityInfo(name: facts.facilityName.isEmpty ? facts.facility.code : facts.facilityName,
                                                      city: facts.facilityCity, aor: facts.aor)
        }
        // Months since year 0 fit in 15 bits; each category in 3; the charge prefix in 7.
        let month = (facts.month / 100) * 12 + facts.month % 100 - 1
        packedCells[number << 24 | month << 9 | facts.criminality.rawValue << 6 | facts.threat.rawValue << 3 | facts.outcome.rawValue, default: 0] += 1
        packedCharges[number << 24 | month << 9 | facts.charge.prefix, default: 0] += 1
        firstMonth = min(firstMonth ?? facts.month, facts.month)
        lastMonth = max(lastMonth ?? facts.month, facts.month)
    }

    private static func month(_ packed: Int) -> Int {
        let months = (packed >> 9) & 0x7FFF
        return (months / 12) * 100 + months % 12 + 1
    }

    public var cells: [Cell: Int] {
        var cells: [Cell: Int] = [:]
        for (key, count) in packedCells {
            cells[Cell(facility: facilityKeys[key >> 24], month: Self.month(key),
                       criminality: Criminality(rawValue: (key >> 6) & 7) ?? .unrecorded, threat: ThreatLevel(rawValue: (key >> 3) & 7) ?? .none,
                       outcome: DetainerOutcome(rawValue: key & 7) ?? .other)] = count
        }
        return cells
    }

    public var charges: [ChargeCell: Int] {
        var charges: [ChargeCell: Int] = [:]
        for (key, count) in packedCharges {
            charges[ChargeCell(facility: facilityKeys[key >> 24], month: Self.month(key), charge: ChargeCategory(prefix: key & 0x7F))] = count
        }
        return charges
    }

    /// Every month the file covers.
    public var months: Set<Int> { Set(packedCells.keys.map(Self.month)) }
}

/// One group of counts as the database sums them for a place and period.
public struct DetainerCount: Sendable, Equatable {
    public let month: Int
    public let criminality: Criminality
    public let threat: ThreatLevel
    public let outcome: DetainerOutcome
    public let count: Int

    public init(month: Int, criminality: Criminality, threat: ThreatLevel, outcome: DetainerOutcome, count: Int) {
        self.month = month
        self.criminality = criminality
        self.threat = threat
        self.outcome = outcome
        self.count = count
    }
}

/// The figures of one place and period: what a county page, its fact sheet, the CSV, the JSON and
/// `amparo stats` all show, computed once here.
public struct DetainerFigures: Sendable, Equatable, Encodable {
    public var lodged = 0
    public var byCriminality: [Criminality: Int] = [:]
    public var byThreat: [ThreatLevel: Int] = [:]
    public var byOutcome: [DetainerOutcome: Int] = [:]
    public var byMonth: [Int: Int] = [:]
    public var byCharge: [ChargeCategory: Int] = [:]
    /// Handed to ICE (booked into detention) with no conviction on record.
    public var bookedWithoutConviction = 0

    public init(counts: [DetainerCount], charges: [(ChargeCategory, Int)]) {
        for count in counts {
            lodged += count.count
            byCriminality[count.criminality, default: 0] += count.count
            byThreat[count.threat, default: 0] += count.count
            byOutcome[count.outcome, default: 0] += count.count
            byMonth[count.month, default: 0] += count.count
            if count.outcome == .bookedIntoDetention && count.criminality != .convicted { bookedWithoutConviction += count.count }
        }
        for (charge, count) in charges { byCharge[charge, default: 0] += count }
    }

    /// Detainers whose criminality is anything but "1 Convicted Criminal" (blank and withheld included,
    /// as the Deportation Data Project counts them).
    public var withoutConviction: Int { lodged - (byCriminality[.convicted] ?? 0) }

    public var withoutConvictionShare: Double? { share(withoutConviction) }

    public var levels: LevelSummary {
        LevelSummary(total: lodged, level1: byThreat[.level1] ?? 0, nonCriminal: withoutConviction)
    }

    /// The charge categories with the most detainers, most first (rows without an NCIC code left out).
    public func topCharges(_ limit: Int) -> [(ChargeCategory, Int)] {
        Array(byCharge.filter { $0.key != .unknown }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit))
    }

    public func share(_ count: Int) -> Double? { lodged == 0 ? nil : Double(count) / Double(lodged) }

    public var months: [Int] { byMonth.keys.sorted() }

    private enum CodingKeys: String, CodingKey {
        case lodged, withoutConviction, withoutConvictionShare, criminality, threatLevels, outcomes, months, charges, bookedWithoutConviction
    }

    /// Set to true in an encoder's `userInfo` for public downloads: counts from 1 to 4 become null.
    public static let suppressSmallCounts = CodingUserInfoKey(rawValue: "suppressSmallCounts")!

    public static func suppressed(_ count: Int) -> Int? { (1...4).contains(count) ? nil : count }

    public func encode(to encoder: any Encoder) throws {
        let suppress = encoder.userInfo[Self.suppressSmallCounts] as? Bool == true
        func n(_ count: Int) -> Int? { suppress ? Self.suppressed(count) : count }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n(lodged), forKey: .lodged)
        try c.encode(n(withoutConviction), forKey: .withoutConviction)
        try c.encode(n(withoutConviction) == nil ? nil : withoutConvictionShare, forKey: .withoutConvictionShare)
        try c.encode(Dictionary(uniqueKeysWithValues: Criminality.allCases.map { ($0.label, n(byCriminality[$0] ?? 0)) }), forKey: .criminality)
        try c.encode(Dictionary(uniqueKeysWithValues: ThreatLevel.allCases.map { ($0.label, n(byThreat[$0] ?? 0)) }), forKey: .threatLevels)
        try c.encode(Dictionary(uniqueKeysWithValues: DetainerOutcome.allCases.map { ($0.label, n(byOutcome[$0] ?? 0)) }), forKey: .outcomes)
        try c.encode(Dictionary(uniqueKeysWithValues: months.map { (CalendarMonth.label($0), n(byMonth[$0] ?? 0)) }), forKey: .months)
        try c.encode(Dictionary(uniqueKeysWithValues: byCharge.map { (String(format: "%02d", $0.key.prefix), n($0.value)) }), forKey: .charges)
        try c.encode(n(bookedWithoutConviction), forKey: .bookedWithoutConviction)
    }
}

extension Criminality {
    /// The machine name used in CSV and JSON.
    public var label: String {
        switch self {
        case .convicted: "convicted"
        case .pendingCharges: "pending_charges"
        case .otherViolator: "other_immigration_violator"
        case .unrecorded: "unrecorded"
        }
    }
}

extension ThreatLevel {
    public var label: String { self == .none ? "none" : "level\(rawValue)" }
}

extension DetainerOutcome {
    public var label: String {
        switch self {
        case .bookedIntoDetention: "booked_into_detention"
        case .declinedByLocalAgency: "declined_by_local_agency"
        case .released: "released"
        case .pending: "pending"
        case .other: "other"
        }
    }
}

/// ICE's way of summing up enforcement by threat level: the share that was not Level 1 (no
/// conviction, or a lesser one), and the share with no conviction at all. From ICE's 2010 Secure
/// Communities totals (46,929 removed, 9,831 Level 1, 12,293 non-criminal): 79.05% and 26.2%.
public struct LevelSummary: Sendable, Equatable {
    public let total: Int
    public let level1: Int
    public let nonCriminal: Int

    public init(total: Int, level1: Int, nonCriminal: Int) {
        self.total = total
        self.level1 = level1
        self.nonCriminal = nonCriminal
    }

    public var nonCriminalOrLowerLevelShare: Double? { total == 0 ? nil : Double(total - level1) / Double(total) }
    public var nonCriminalShare: Double? { total == 0 ? nil : Double(nonCriminal) / Double(total) }
}

/// What a campaign's policy would have changed over the same detainers, with its assumptions.
public enum WhatIf: String, CaseIterable, Sendable {
    /// The jail declines detainers for anyone without a conviction.
    case declineWithoutConviction
    /// The jail honors only a judicial warrant. ICE's detainer (I-247A) is signed by an immigration
    /// officer, not a judge, so no detainer in the data would have been honored.
    case judicialWarrantOnly

    /// How many fewer people would have been handed to ICE: the detainers that ended with the person
    /// booked into ICE detention and that the policy would have declined.
    public func fewerHandedOver(_ figures: DetainerFigures) -> Int {
        switch self {
        case .declineWithoutConviction: figures.bookedWithoutConviction
        case .judicialWarrantOnly: figures.byOutcome[.bookedIntoDetention] ?? 0
        }
    }
}

/// Percentages as pages print them: one decimal, or two where a published figure has two.
public enum Percent {
    public static func text(_ share: Double?, digits: Int = 1) -> String {
        guard let share else { return "—" }
        return String(format: "%.\(digits)f%%", share * 100)
    }
}
