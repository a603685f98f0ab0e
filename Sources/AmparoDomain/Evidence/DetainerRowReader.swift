/// What one detainer row says, reduced to what the statistics count.
public struct DetainerFacts: Sendable, Equatable {
    /// 202403 for March 2024.
    public var month: Int
    public var state: String
    public var facility: FacilityKey
    public var facilityName: String
    public var facilityCity: String
    public var aor: String
    public var criminality: Criminality
    public var threat: ThreatLevel
    public var outcome: DetainerOutcome
    public var charge: ChargeCategory
}

/// A jail as ICE's detainer records name it: its code (ICE's DETLOC) within a state.
public struct FacilityKey: Hashable, Sendable, Codable, Comparable {
    public let state: String
    public let code: String

    public init(state: String, code: String) {
        self.state = state
        self.code = code
    }

    /// A facility ICE withheld (a redacted name and code).
    public static func withheld(in state: String) -> FacilityKey { FacilityKey(state: state, code: "") }

    public static func < (a: FacilityKey, b: FacilityKey) -> Bool { (a.state, a.code) < (b.state, b.code) }
}

/// Why a row was left out of an import: where it is, the value and the reason.
public struct DetainerRowProblem: Error, Sendable, Equatable, Codable {
    public enum Reason: String, Sendable, Codable, CaseIterable {
        case missing, notADate, unknownState, unknownCriminality, unknownThreatLevel
    }

    public let sheet: String
    public let line: Int
    public let column: String
    public let value: String
    public let reason: Reason

    public init(sheet: String, line: Int, column: String, value: String, reason: Reason) {
        self.sheet = sheet
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }
}

/// Reads data rows into facts, or says what is wrong with one. A release repeats the same few
/// thousand values (states, codes, jails, days) millions of times: each distinct raw value is read
/// once and remembered (a bounded memory: it is emptied if a file makes it grow past its limit).
public struct DetainerRowReader {
    public let columns: DetainerColumns
    private let position: [Int]
    private var months = Memo<Int?>(), states = Memo<USState?>(), texts = Memo<String>(), codes = Memo<String>()
    private var criminalities = Memo<Criminality?>(), threats = Memo<ThreatLevel?>(), outcomes = Memo<DetainerOutcome>()
    private var charges = Memo<ChargeCategory>()

    /// `compact`: the rows hold only the header's known columns, in column order (a reader that
    /// skips the others); otherwise every column.
    public init(columns: DetainerColumns, compact: Bool = false) {
        self.columns = columns
        let rank = Dictionary(uniqueKeysWithValues: Set(columns.positions.values).sorted().enumerated().map { ($0.element, $0.offset) })
        position = DetainerField.allCases.map { field in columns.positions[field].map { compact ? rank[$0]! : $0 } ?? -1 }
    }

    public mutating func read(_ cells: [String?], sheet: String, line: Int) -> Result<DetainerFacts, DetainerRowProblem> {
        let columns = columns, position = position
        func raw(_ field: DetainerField) -> String {
            let index = position[DetainerField.allCases.firstIndex(of: field)!]
            guard index >= 0, index < cells.count, let value = cells[index] else { return "" }
            return value
        }
        func problem(_ field: DetainerField, _ value: String, _ reason: DetainerRowProblem.Reason) -> Result<DetainerFacts, DetainerRowProblem> {
            let index = columns.positions[field] ?? 0
            let name = columns.names[index] ?? field.headers[0]
            return .failure(DetainerRowProblem(sheet: sheet, line: line, column: "\(name) (\(AgreementListParser.letters(index)))",
                                               value: String(Normalized.trimmed(value).prefix(80)), reason: reason))
        }
        let dateText = raw(.prepareDate)
        guard let month = months.value(dateText, { CalendarMonth.of(Normalized.trimmed($0)) }) else {
            return problem(.prepareDate, dateText, Normalized.trimmed(dateText).isEmpty ? .missing : .notADate)
        }
        let stateText = raw(.facilityState)
        guard let state = states.value(stateText, { USState.find($0) }) else {
            return problem(.facilityState, stateText, Normalized.trimmed(stateText).isEmpty ? .missing : .unknownState)
        }
        let rawCode = raw(.facilityCode), rawName = raw(.facility)
        let code = codes.value(rawCode) { Redaction.isRedacted($0) ? "" : Normalized.trimmed($0).uppercased() }
        let name = texts.value(rawName) { Redaction.isRedacted($0) ? "" : Normalized.trimmed($0) }
        if code.isEmpty && name.isEmpty && !(Redaction.isRedacted(rawCode) || Redaction.isRedacted(rawName)) {
            return problem(.facilityCode, "", .missing)
        }
        // Without a code, the name stands in for it (upper-cased, as ICE writes codes).
        let key = FacilityKey(state: state.code, code: code.isEmpty ? codes.value(name) { $0.uppercased() } : code)
        let criminalityText = raw(.criminality)
        guard let criminality = criminalities.value(criminalityText, {
            Redaction.isRedacted($0) ? .unrecorded : Criminality(code: Normalized.trimmed($0))
        }) else { return problem(.criminality, criminalityText, .unknownCriminality) }
        let threatText = raw(.threatLevel)
        guard let threat = threats.value(threatText, { Redaction.isRedacted($0) ? ThreatLevel.none : ThreatLevel(code: Normalized.trimmed($0)) }) else {
            return problem(.threatLevel, threatText, .unknownThreatLevel)
        }
        let outcome = outcomes.value(raw(.liftReason)) { Redaction.isRedacted($0) ? .other : DetainerOutcome(liftReason: Normalized.trimmed($0)) }
        return .success(DetainerFacts(
            month: month, state: state.code, facility: key, facilityName: name,
            facilityCity: texts.value(raw(.facilityCity)) { Normalized.trimmed($0) }, aor: texts.value(raw(.facilityAOR)) { Normalized.trimmed($0) },
            criminality: criminality, threat: threat, outcome: outcome,
            charge: charges.value(raw(.chargeCode)) { ChargeCategory(code: Normalized.trimmed($0)) ?? .unknown }))
    }
}

/// What each distinct raw text read as; emptied past `limit` entries, so memory stays bounded.
struct Memo<Value> {
    private var values: [String: Value] = [:]
    static var limit: Int { 100_000 }

    mutating func value(_ raw: String, _ make: (String) -> Value) -> Value {
        if let known = values[raw] { return known }
        let made = make(raw)
        if values.count >= Self.limit { values.removeAll(keepingCapacity: true) }
        values[raw] = made
        return made
    }
}

/// Year and month as one number (202403), from the ways the files write a day: an Excel serial
/// day ("45352", "45352.0", "45352.5"), "2024-03-01" with or without a time, "3/1/2024".
/// Written without Foundation's calendar, which is slow enough to matter at millions of rows.
public enum CalendarMonth {
    public static func of(_ text: String) -> Int? {
        day(text).map { $0.year * 100 + $0.month }
    }

    public static func day(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let utf8 = Array(text.utf8)
        guard let first = utf8.first, first >= 0x30 && first <= 0x39 else { return nil }
        var numbers: [Int] = [], current = 0, digits = 0, separators: [UInt8] = []
        for byte in utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                current = current * 10 + Int(byte - 0x30)
                digits += 1
                guard digits <= 9 else { return nil }
            } else {
                if digits > 0 { numbers.append(current) }
                current = 0
                digits = 0
                separators.append(byte)
                if byte == 0x20 || byte == 0x54 || (byte == 0x2E && numbers.count == 1 && separators.count == 1) { break }  // a time, or a serial's fraction
            }
        }
        if digits > 0 { numbers.append(current) }
        let first3 = Array(separators.prefix(2))
        var ymd: (Int, Int, Int)
        if numbers.count == 1 || (first3.first == 0x2E) {
            // An Excel serial day (1900 system; serials after February 1900 count from 1899-12-30).
            guard let serial = numbers.first, serial >= 61, serial < 120_000 else { return nil }
            ymd = civil(fromDaysSince1970: serial - 25_569)
        } else if numbers.count >= 3, first3 == [0x2D, 0x2D] {
            ymd = (numbers[0], numbers[1], numbers[2])
        } else if numbers.count >= 3, first3 == [0x2F, 0x2F] {
            ymd = (numbers[2] < 100 ? 2000 + numbers[2] : numbers[2], numbers[0], numbers[1])
        } else {
            return nil
        }
        guard (1900...2200).contains(ymd.0), (1...12).contains(ymd.1), ymd.2 >= 1, ymd.2 <= daysIn(month: ymd.1, year: ymd.0) else { return nil }
        return ymd
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days-to-civil algorithm.
    public static func civil(fromDaysSince1970 days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The inverse: days since 1970-01-01.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 202403 → "2024-03".
    public static func label(_ month: Int) -> String {
        let m = month % 100
        return "\(month / 100)-\(m < 10 ? "0" : "")\(m)"
    }

    /// "2024-03" → 202403.
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), (1900...2200).contains(y) else { return nil }
        return y * 100 + m
    }
}
