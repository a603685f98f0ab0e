import Foundation

/// Reads ICE's published 287(g) lists (participating and pending) from their rows, as published:
/// the header found by its names wherever the columns are, stray spaces trimmed, model names
/// normalized, signed dates as Excel serial numbers or as text. A row that cannot be read stops
/// the import with the row, the column and the value.
public enum AgreementListParser {
    public enum Reason: String, Sendable, Equatable, Codable, CaseIterable {
        case noHeader, notAState, missingAgency, unknownModel, badDate, noRows, tooLong
    }

    public struct Problem: Error, Sendable, Equatable, Codable {
        public let row: Int
        /// "E (SUPPORT TYPE)"
        public let column: String
        public let value: String
        public let reason: Reason

        public init(row: Int, column: String, value: String, reason: Reason) {
            self.row = row
            self.column = column
            self.value = value
            self.reason = reason
        }
    }

    enum Field: String, CaseIterable { case state = "STATE", agency = "LAW ENFORCEMENT AGENCY", type = "TYPE", county = "COUNTY", model = "SUPPORT TYPE", signed = "SIGNED", moa = "MOA" }

    /// The agreements, and what was read but not understood in optional columns (a signed date that
    /// is not a date is left empty and reported, not a reason to refuse the list).
    public struct Parsed: Sendable, Equatable {
        public let agreements: [AgreementRow]
        public let warnings: [Problem]
    }

    /// `links`: hyperlinks by row and column, where the list has them (the MOA column's "link").
    public static func parse(_ rows: [(line: Int, cells: [String?])], links: [Int: [Int: String]] = [:]) -> Result<Parsed, Problem> {
        func words(_ text: String?) -> String { Normalized.words(text ?? "") }
        // The header: the first row naming the state, the agency and the model (within the first 20).
        guard let headerIndex = rows.prefix(20).firstIndex(where: { row in
            let names = Set(row.cells.map(words))
            return names.contains("STATE") && names.contains("LAW ENFORCEMENT AGENCY") && names.contains("SUPPORT TYPE")
        }) else {
            return .failure(Problem(row: rows.first?.line ?? 1, column: "—", value: "", reason: .noHeader))
        }
        var columns: [Field: Int] = [:]
        for (index, cell) in rows[headerIndex].cells.enumerated() {
            if let field = Field(rawValue: words(cell)), columns[field] == nil { columns[field] = index }
        }
        func label(_ field: Field) -> String { "\(letters(columns[field] ?? 0)) (\(field.rawValue))" }
        func cell(_ row: (line: Int, cells: [String?]), _ field: Field) -> String? {
            guard let index = columns[field], index < row.cells.count, let raw = row.cells[index] else { return nil }
            let text = Normalized.trimmed(raw)
            return text.isEmpty ? nil : text
        }
        var result: [AgreementRow] = [], warnings: [Problem] = []
        for row in rows[(headerIndex + 1)...] {
            let values = Field.allCases.compactMap { cell(row, $0) }
            if values.isEmpty { continue }  // blank rows at the end of ICE's sheets
            guard let stateText = cell(row, .state), let state = USState.find(stateText) else {
                return .failure(Problem(row: row.line, column: label(.state), value: cell(row, .state) ?? "", reason: .notAState))
            }
            guard let agency = cell(row, .agency) else {
                return .failure(Problem(row: row.line, column: label(.agency), value: "", reason: .missingAgency))
            }
            // Names go on public pages: no agency or county is named in more than a line.
            for field in [Field.agency, .county, .type] {
                if let text = cell(row, field), text.count > Self.longestName {
                    return .failure(Problem(row: row.line, column: label(field), value: String(text.prefix(40)) + "…", reason: .tooLong))
                }
            }
            guard let model = cell(row, .model).flatMap(AgreementModel.normalize) else {
                return .failure(Problem(row: row.line, column: label(.model), value: cell(row, .model) ?? "", reason: .unknownModel))
            }
            var signed: String?
            if let text = cell(row, .signed) {
                signed = SpreadsheetDate.day(text)
                if signed == nil { warnings.append(Problem(row: row.line, column: label(.signed), value: text, reason: .badDate)) }
            }
            let link = columns[.moa].flatMap { links[row.line]?[$0] } ?? cell(row, .moa).flatMap { $0.hasPrefix("http") ? $0 : nil }
            result.append(AgreementRow(state: state, agency: agency, kind: cell(row, .type).flatMap(AgencyKind.normalize),
                                       county: cell(row, .county).flatMap { ["#N/A", "N/A", "NA", "-", "—"].contains($0.uppercased()) ? nil : $0 }, model: model, signedOn: signed, moaLink: link, line: row.line))
        }
        guard !result.isEmpty else { return .failure(Problem(row: rows[headerIndex].line, column: "—", value: "", reason: .noRows)) }
        return .success(Parsed(agreements: result, warnings: warnings))
    }

    /// The longest agency, county or agency-type text a list may hold (ICE's longest is under 100).
    public static let longestName = 200

    /// 0 → "A", 26 → "AA".
    public static func letters(_ column: Int) -> String {
        var number = column + 1, text = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            text = String(UnicodeScalar(UInt8(65 + remainder))) + text
            number = (number - 1) / 26
        }
        return text
    }
}

/// Dates as spreadsheets hold them: an Excel serial day number (1900 system), or typed text.
public enum SpreadsheetDate {
    /// "45785" → "2025-05-07"; "5/7/2025" and "2025-05-07" as written. Nil for anything else.
    public static func day(_ text: String) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func format(_ y: Int, _ m: Int, _ d: Int) -> String? {
            let components = DateComponents(year: y, month: m, day: d)
            guard (1900...2200).contains(y), components.isValidDate(in: calendar) else { return nil }
            return String(format: "%04d-%02d-%02d", y, m, d)
        }
        if let serial = Double(text), serial >= 1, serial < 120_000 {
            // Day 1 is 1900-01-01; Excel counts a 29 February 1900 that never was, so later serials start at 1899-12-30.
            let base = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!
            let date = calendar.date(byAdding: .day, value: Int(serial.rounded(.down)), to: base)!
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            return format(c.year!, c.month!, c.day!)
        }
        // "05/082025": a slash lost in ICE's list; eight digits read as month, day, year.
        let digits = text.filter(\.isNumber)
        if text.contains("/"), digits.count == 8, text.allSatisfy({ $0.isNumber || $0 == "/" }), let m = Int(digits.prefix(2)),
           let d = Int(digits.dropFirst(2).prefix(2)), let y = Int(digits.suffix(4)), text.split(separator: "/").count == 2 {
            return format(y, m, d)
        }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return nil }
        return text.contains("/") ? format(c < 100 ? 2000 + c : c, a, b) : format(a, b, c)
    }
}
