import AmparoDomain
import Foundation

/// Fictional detainer rows shaped like the Deportation Data Project's releases: the same headers
/// (either release), code values and quirks (withheld identifiers, stray spaces), deterministic
/// from a seed, of any length. Tests and benchmarks use it; no real person's data is in the repo.
///
/// The places are real counties and state prisons (public facts); every row is invented.
public struct DetainerSample: Sendable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Int)
        /// Days since 1970-01-01 (a date cell).
        case date(Int)
        case empty
    }

    public struct Facility: Sendable, Equatable {
        public let state: String
        /// The county the jail is in ("Harris County"), nil for state and federal prisons.
        public let county: String?
        public let name: String
        public let code: String
        public let city: String
        let weight: Double
    }

    public let release: DetainerRelease
    public let facilities: [Facility]
    /// One row in `badRowEvery` (0: none) carries a defect an import must report.
    public let badRowEvery: Int
    private var random: SplitMix64
    private let facilityPicker: WeightedPicker
    private var index = 0

    /// The published withholding mark.
    public static let withheld = "b(6), b(7)c"
    /// 2023-10-01 … 2025-06-30: the span of the 2023-2025 releases.
    public static let firstDay = CalendarMonth.days(year: 2023, month: 10, day: 1)
    public static let lastDay = CalendarMonth.days(year: 2025, month: 6, day: 30)

    public init(seed: UInt64, release: DetainerRelease = .latest, extraFacilities: Int = 400, badRowEvery: Int = 0) {
        self.release = release
        self.badRowEvery = badRowEvery
        random = SplitMix64(seed: seed)
        var facilities = SampleTables.namedFacilities
        var seen = Set(facilities.map { "\($0.state)|\($0.code)" })
        var names = SplitMix64(seed: seed &+ 1)
        while facilities.count < SampleTables.namedFacilities.count + extraFacilities {
            let state = SampleTables.states[names.below(SampleTables.states.count)]
            let word = SampleTables.countyNames[names.below(SampleTables.countyNames.count)]
            let parish = state == "LA"
            let code = String((word.uppercased().filter(\.isLetter) + "XXXX").prefix(5)) + state + (parish ? "P" : "")
            guard seen.insert("\(state)|\(code)").inserted else { continue }
            facilities.append(Facility(state: state, county: "\(word) \(parish ? "Parish" : "County")",
                                       name: "\(word.uppercased()) \(parish ? "PARISH PRISON" : "COUNTY JAIL")", code: code,
                                       city: "\(word.uppercased()) CITY", weight: 1 / Double(facilities.count - SampleTables.namedFacilities.count + 2)))
        }
        self.facilities = facilities
        facilityPicker = WeightedPicker(facilities.map(\.weight))
    }

    public var header: [String] { release.header }

    /// The next row's cells, in the header's order.
    public mutating func next() -> [Value] {
        index += 1
        let facility = facilities[facilityPicker.pick(random.unit())]
        let span = Double(Self.lastDay - Self.firstDay)
        // More detainers each month, as in 2025.
        let day = Self.firstDay + Int((span * random.unit().squareRoot()).rounded(.down))
        let criminality = SampleTables.criminality.pick(&random)
        let threat: String
        switch criminality {
        case "1 Convicted Criminal": threat = SampleTables.convictedThreat.pick(&random)
        case "2 Pending Criminal Charges": threat = SampleTables.pendingThreat.pick(&random)
        default: threat = random.unit() < 0.03 ? "3" : ""
        }
        let declines = SampleTables.decliningStates.contains(facility.state)
        let lift = (declines ? SampleTables.liftReasonsDeclining : SampleTables.liftReasons).pick(&random)
        let charged = criminality == "1 Convicted Criminal" || (criminality == "2 Pending Criminal Charges" && random.unit() < 0.3)
        let charge = charged ? SampleTables.charges.pick(&random) : nil
        let country = SampleTables.countries.pick(&random)
        let departed = lift.0 == "Booked into Detention" && random.unit() < 0.4
        var facilityName = facility.name
        // Stray spaces, as ICE's exports have them.
        if random.unit() < 0.02 { facilityName += " " }
        if random.unit() < 0.01 { facilityName = facilityName.replacingFirst(" ", with: "  ") }
        let identifier = String(random.next(), radix: 16) + String(random.next(), radix: 16)
        var values: [String: Value] = [
            "Detainer Prepare Date": .date(day),
            "Facility State": .text(facility.state),
            "Facility AOR": .text(SampleTables.aor[facility.state] ?? "Chicago Area of Responsibility"),
            "Case Status": .text(departed ? "8-Excluded/Deported/Removed" : "ACTIVE"),
            "Detainer Prepared Criminality": .text(criminality + (random.unit() < 0.01 ? " " : "")),
            "Detainer Criminality": .text(criminality),
            "Detention Facility": .text(facilityName), "Detainer Facility": .text(facilityName),
            "Detention Facility Code": .text(facility.code), "Detainer Facility Code": .text(facility.code),
            "Facility City": .text(facility.city),
            "Detainer Prep Threat Level": threat.isEmpty ? .empty : .text(threat), "Detainer Threat Level": threat.isEmpty ? .empty : .text(threat),
            "Gender": .text(random.unit() < 0.88 ? "Male" : "Female"),
            "Citizenship Country": .text(country), "Birth Country": .text(country),
            "Birth Date": .text(Self.withheld), "Birth Year": .number(1960 + random.below(46)),
            "Entry Status": .text(SampleTables.entryStatus.pick(&random)),
            "Felon": .text(charged && random.unit() < 0.3 ? "YES" : "NO"), "Aggravated Felon Yes No": .text("NO"),
            "Processing Disposition": .text(SampleTables.disposition.pick(&random)),
            "Apprehension Method": .text(release == .latest ? "Custodial Arrest" : "CAP Local Incarceration"),
            "Final Program": .text("Criminal Alien Program"), "TOA Current Program": .text("Criminal Alien Program"),
            "Time of Apprehension Current Program": .text("Criminal Alien Program"),
            "Apprehension Date": .date(day - random.below(3)),
            "Detainer Lift Reason": lift.0.isEmpty ? .empty : .text(lift.0),
            "Detainer Lift Reason Code": lift.1.isEmpty ? .empty : .text(lift.1),
            "Detainer Type": .text("I247A - Immigration Detainer - Notice of Action"),
            "Alien File Number": .text(Self.withheld), "EID Case ID": .text(Self.withheld), "EID Subject ID": .text(Self.withheld),
            "EID DTA ID": .text(Self.withheld),
            "Unique Identifier": .text(identifier), "Anonymized Identifier": .text(identifier),
        ]
        if let charge {
            values["Most Serious Conviction (MSC) Charge"] = .text(charge.1)
            values["MSC Charge"] = .text(charge.1)
            values["MSC Charge Code"] = .text(charge.0)
            values["MSC Conviction Date"] = criminality == "1 Convicted Criminal" ? .date(day - 30 - random.below(2000)) : .empty
            values["MSC Sentence Days"] = .number(random.below(365))
        }
        if departed {
            values["Departed Date"] = .date(day + 30 + random.below(170))
            values["Departure Country"] = .text(country)
            values["Port of Departure"] = .text("BROWNSVILLE, TX")
        }
        for name in header where name.hasSuffix("Yes No") && values[name] == nil { values[name] = .text("NO") }
        if badRowEvery > 0 && index % badRowEvery == 0 {
            switch (index / badRowEvery) % 4 {
            case 0: values["Detainer Prepare Date"] = .text("N/A")
            case 1: values["Detainer Prepared Criminality"] = .text("9 Unknown"); values["Detainer Criminality"] = .text("9 Unknown")
            case 2: values["Facility State"] = .text("ZZ")
            default: values["Detainer Prep Threat Level"] = .text("High"); values["Detainer Threat Level"] = .text("High")
            }
        }
        return header.map { values[$0] ?? .empty }
    }
}

private extension String {
    func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let index = firstIndex(of: target) else { return self }
        return String(self[..<index]) + replacement + String(self[self.index(after: index)...])
    }
}

/// Picks an index with probability proportional to its weight, from a number in [0, 1).
struct WeightedPicker: Sendable {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var total = 0.0
        cumulative = weights.map { total += $0; return total }
    }

    func pick(_ unit: Double) -> Int {
        let target = unit * (cumulative.last ?? 0)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }

}

/// Values with their weights.
struct Choice<Value: Sendable>: Sendable {
    let values: [Value]
    private let picker: WeightedPicker

    init(_ weighted: [(Value, Double)]) {
        values = weighted.map(\.0)
        picker = WeightedPicker(weighted.map(\.1))
    }

    func pick(_ random: inout SplitMix64) -> Value { values[picker.pick(random.unit())] }
}
