import AmparoDomain
import AmparoFixtures
import AmparoPersistence
import AmparoWebKit
import Fluent
import XCTVapor

@testable import AmparoWeb

/// CSV downloads are opened in spreadsheets: a cell that starts a formula, however it is disguised,
/// arrives as text. The payloads are the ones that slipped past a check on the first grapheme.
final class SpreadsheetExportTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    static let payloads = [
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "=\u{301}HYPERLINK(\"http://evil.example\",\"x\")",
        "\u{200D}=1+1",
        "\u{FEFF}@SUM(A1)",
        "\u{202E}-2+3",
        "  +1",
        "＝1+1",
        "\tcmd",
        "\rcmd",
    ]

    func testEveryDisguisedFormulaIsQuotedAndPlainTextIsNot() {
        for payload in Self.payloads {
            XCTAssertEqual(Downloads.neutralised(payload), "'" + payload, payload.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        for plain in ["Iglesia San José", "", "é=1", "12", "O'Brien", "a-b", "(555) 010-2000"] {
            XCTAssertEqual(Downloads.neutralised(plain), plain)
        }
    }

    /// The cell as a spreadsheet reads it: RFC 4180 unquoted, the first field of the row.
    func firstCells(_ csv: String) -> [String] {
        csv.split(separator: "\r\n", omittingEmptySubsequences: false).dropFirst().compactMap { line in
            guard !line.isEmpty else { return nil }
            if line.hasPrefix("\"") {
                var cell = "", quoted = false, index = line.index(after: line.startIndex)
                while index < line.endIndex {
                    let character = line[index]
                    if quoted { if character == "\"" { cell.append("\"") ; quoted = false; index = line.index(after: index); continue } else { break } }
                    if character == "\"" { quoted = true } else { cell.append(character) }
                    index = line.index(after: index)
                }
                return cell
            }
            return String(line.split(separator: ",", omittingEmptySubsequences: false).first ?? "")
        }
    }

    func testAPublicSignersOrganizationReachesTheLetterExportAsText() async throws {
        try await JurisdictionModel(kind: "county", name: "Marion County", stateCode: "OR", fips: "41047", createdAt: harness.clock.now()).create(on: harness.app.db)
        let (_, organizer) = try await harness.signedIn(.organizer, in: nil)
        try await organizer.get("/campaigns")
        let created = try await organizer.post("/campaigns", ["title": "Marion", "place": "or / marion county", "goal": "stop_honoring_holds"])
        let path = try XCTUnwrap(created.headers.first(name: .location))
        try await organizer.get(path)
        try await organizer.post(path + "/letters", ["title": "Honor only judicial warrants", "body": "We ask the Board…"])
        let letter = try await LetterModel.query(on: harness.app.db).first()!
        let letterPath = "/letters/\(letter.id!.uuidString)"
        let signer = harness.browser()
        try await signer.get(letterPath)
        for (index, payload) in Self.payloads.enumerated() {
            try await signer.post(letterPath, ["organization": payload, "type": "other", "city": "Salem", "email": "s\(index)@example.org"])
        }
        // Confirm them all as each signer's link would.
        try await LetterSignatureModel.query(on: harness.app.db).set(\.$confirmedAt, to: harness.clock.now()).update()
        let export = try await organizer.get(path + "/letters/\(letter.id!.uuidString)/signatures").body.string
        let cells = firstCells(export)
        let signed = try await LetterSignatureModel.query(on: harness.app.db).count()
        XCTAssertGreaterThanOrEqual(signed, 6, "the form takes all but the control characters")
        XCTAssertEqual(cells.count, signed, export)
        // A leading tab or line break is trimmed by the form: what is left is plain text.
        let formulas = cells.filter { $0 != "cmd" }
        XCTAssertGreaterThanOrEqual(formulas.count, 6)
        for cell in formulas { XCTAssertEqual(cell.unicodeScalars.first, "'", "\(cell.unicodeScalars.map { String($0.value, radix: 16) })") }
    }

    func testAgencyNamesReachThe287gExportAsText() async throws {
        let (_, organizer) = try await harness.signedIn(.organizer, in: nil)
        try await organizer.get("/places/imports")
        var csv = ["STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED"]
        for payload in Self.payloads where !payload.contains("\t") && !payload.contains("\r") {
            csv.append("TEXAS,\"\(payload.replacingOccurrences(of: "\"", with: "\"\""))\",County,Harris County,TFM,6/1/2025")
        }
        let imported = try await organizer.upload("/places/imports", ["list": "participating"], files: [("file", "list.csv", Array(csv.joined(separator: "\r\n").utf8))])
        XCTAssertEqual(imported.status, .ok, imported.body.string)
        let export = try await harness.browser().get("/places/tx?format=csv").body.string
        let agencies = export.split(separator: "\r\n").dropFirst().map { line -> String in
            // state, then the agency: quoted when it holds a comma or a quote.
            let rest = line.dropFirst(line.hasPrefix("TX,") ? 3 : 0)
            return rest.hasPrefix("\"") ? String(rest.dropFirst()) : String(rest)
        }
        XCTAssertGreaterThanOrEqual(agencies.count, 5, export)
        for agency in agencies { XCTAssertEqual(agency.unicodeScalars.first, "'", agency) }
    }

    func testAnImportFilesBadValuesReachTheProblemsExportAsText() async throws {
        var sample = DetainerSample(seed: 3, extraFacilities: 10)
        let header = sample.header
        let threat = header.indices.filter { header[$0] == "Detainer Prepare Date" }
        XCTAssertFalse(threat.isEmpty)
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var lines = [header.map(quoted).joined(separator: ",")]
        // Good rows around the bad ones, so the import lands and lists what it left out.
        for payload in Self.payloads.prefix(5).flatMap({ [$0, nil] }) {
            var row = sample.next().map { cell -> String in
                switch cell { case .text(let text): text; case .number(let number): String(number); case .date(let days): ISO8601DateFormatter.string(from: Date(timeIntervalSince1970: Double(days) * 86_400), timeZone: .gmt, formatOptions: .withFullDate); case .empty: "" }
            }
            if let payload { for index in threat { row[index] = payload } }
            lines.append(row.map(quoted).joined(separator: ","))
        }
        let (_, analyst) = try await harness.signedIn(.analyst, in: nil)
        try await analyst.get("/evidence/imports")
        let token = try XCTUnwrap(analyst.csrfToken)
        let upload = try await analyst.upload("/evidence/imports?_csrf=\(token)", [:], files: [("file", "detainers.csv", Array(lines.joined(separator: "\r\n").utf8))])
        let location = try XCTUnwrap(upload.headers.first(name: .location), upload.body.string)
        var problems = ""
        for _ in 0..<200 {
            problems = try await analyst.get(location + "?format=csv").body.string
            if problems.contains("Prepare Date") { break }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let values = problems.split(separator: "\r\n").dropFirst().compactMap { line -> String? in
            guard let start = line.range(of: "Prepare Date (A),") else { return nil }
            let rest = line[start.upperBound...]
            return rest.hasPrefix("\"") ? String(rest.dropFirst()) : String(rest)
        }
        XCTAssertEqual(values.count, 5, problems)
        for value in values { XCTAssertEqual(value.unicodeScalars.first, "'", value) }
    }
}
