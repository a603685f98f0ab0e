import AmparoDomain
@testable import AmparoFixtures
@testable import AmparoImport
import XCTest

/// ICE's detainer vocabulary, read as both releases write it; the published level summary; the
/// generator's determinism; the county matcher.
final class EvidenceTests: XCTestCase {
    func testICEs2010SecureCommunitiesTotalsGiveThePublishedShares() {
        // 46,929 removed, 9,831 Level 1, 12,293 non-criminal (ICE, Secure Communities, FY2010).
        let summary = LevelSummary(total: 46_929, level1: 9_831, nonCriminal: 12_293)
        XCTAssertEqual(Percent.text(summary.nonCriminalOrLowerLevelShare, digits: 2), "79.05%")
        XCTAssertEqual(Percent.text(summary.nonCriminalShare), "26.2%")
        XCTAssertNil(LevelSummary(total: 0, level1: 0, nonCriminal: 0).nonCriminalShare)
    }

    func testBothReleasesHeadersAreFoundAndTold() throws {
        let july = try XCTUnwrap(DetainerColumns(header: DetainerRelease.july2025.header.map { $0 }))
        XCTAssertEqual(july.release, .july2025)
        XCTAssertEqual(july.positions[.criminality], 7)
        let latest = try XCTUnwrap(DetainerColumns(header: DetainerRelease.latest.header.map { " \($0)\u{00A0}" }))
        XCTAssertEqual(latest.release, .latest)
        XCTAssertEqual(latest.positions[.facility], 8)
        XCTAssertNil(DetainerColumns(header: ["U.S. Immigration and Customs Enforcement"]), "a preamble line is not a header")
    }

    func testCodesRedactionsAndDates() {
        XCTAssertEqual(Criminality(code: "1 Convicted Criminal"), .convicted)
        XCTAssertEqual(Criminality(code: "3 Other Immigration Violator"), .otherViolator)
        XCTAssertEqual(Criminality(code: ""), .unrecorded)
        XCTAssertNil(Criminality(code: "9 Unknown"))
        XCTAssertEqual(ThreatLevel(code: "2"), .level2)
        XCTAssertEqual(ThreatLevel(code: ""), ThreatLevel.none)
        XCTAssertNil(ThreatLevel(code: "High"))
        XCTAssertEqual(DetainerOutcome(liftReason: "Booked into Detention"), .bookedIntoDetention)
        XCTAssertEqual(DetainerOutcome(liftReason: "Detainer Declined by LEA"), .declinedByLocalAgency)
        XCTAssertEqual(DetainerOutcome(liftReason: "No longer in State, Local, or Federal Custody"), .released)
        XCTAssertEqual(DetainerOutcome(liftReason: ""), .pending)
        XCTAssertEqual(DetainerOutcome(liftReason: "Duplicate"), .other)
        XCTAssertTrue(Redaction.isRedacted("b(6), b(7)c"))
        XCTAssertTrue(Redaction.isRedacted("(b)(6), (b)(7)(C)"))
        XCTAssertFalse(Redaction.isRedacted("HARRIS COUNTY JAIL"))
        XCTAssertEqual(ChargeCategory(code: "5404")?.prefix, 54)
        XCTAssertNil(ChargeCategory(code: "b(6)"))
        XCTAssertEqual(CalendarMonth.of("45352"), 202403)  // Excel serial for 2024-03-01
        XCTAssertEqual(CalendarMonth.of("45352.75"), 202403)
        XCTAssertEqual(CalendarMonth.of("2024-03-01 00:00:00"), 202403)
        XCTAssertEqual(CalendarMonth.of("3/1/2024"), 202403)
        XCTAssertNil(CalendarMonth.of("N/A"))
        XCTAssertNil(CalendarMonth.of("2024-02-30"))
        for days in [-1, 0, 19_782, 20_000, 60_000] {
            let (y, m, d) = CalendarMonth.civil(fromDaysSince1970: days)
            XCTAssertEqual(CalendarMonth.days(year: y, month: m, day: d), days)
        }
    }

    func testARowIsReadOrRefusedNamingItsColumn() throws {
        let header = DetainerRelease.latest.header
        var reader = DetainerRowReader(columns: try XCTUnwrap(DetainerColumns(header: header)))
        var cells = [String?](repeating: nil, count: header.count)
        func set(_ name: String, _ value: String) { cells[header.firstIndex(of: name)!] = value }
        set("Detainer Prepare Date", "45352"); set("Facility State", "TX"); set("Detainer Facility", "HARRIS  COUNTY JAIL ")
        set("Detainer Facility Code", "HARRISTX"); set("Detainer Criminality", "2 Pending Criminal Charges "); set("Detainer Lift Reason", "Booked into Detention")
        let facts = try reader.read(cells, sheet: "S", line: 8).get()
        XCTAssertEqual(facts.month, 202403)
        XCTAssertEqual(facts.facilityName, "HARRIS COUNTY JAIL")
        XCTAssertEqual(facts.criminality, .pendingCharges)
        set("Detainer Criminality", "9 Unknown")
        guard case .failure(let problem) = reader.read(cells, sheet: "S", line: 9) else { return XCTFail("a bad code was read") }
        XCTAssertEqual(problem.column, "Detainer Criminality (H)")
        XCTAssertEqual(problem.reason, .unknownCriminality)
        XCTAssertEqual(problem.line, 9)
    }

    func testTheGeneratorIsDeterministicAndUsesICEsVocabulary() {
        var a = DetainerSample(seed: 42), b = DetainerSample(seed: 42), c = DetainerSample(seed: 43)
        let first = (0..<200).map { _ in a.next() }, second = (0..<200).map { _ in b.next() }, other = (0..<200).map { _ in c.next() }
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first, other)
        let column = DetainerRelease.latest.header.firstIndex(of: "Detainer Criminality")!
        let codes = Set(first.compactMap { row -> String? in if case .text(let t) = row[column] { t } else { nil } })
        XCTAssertTrue(codes.isSubset(of: ["1 Convicted Criminal", "2 Pending Criminal Charges", "3 Other Immigration Violator", ""]), "\(codes)")
        let birth = DetainerRelease.latest.header.firstIndex(of: "Birth Date")!
        XCTAssertTrue(first.allSatisfy { $0[birth] == .text("b(6), b(7)c") }, "identifying fields are always withheld")
    }

    func testTheMatcherProposesTheLongestCountyNameAndNoneForPrisons() {
        let counties = [("1", "LAKE COUNTY"), ("2", "SALT LAKE COUNTY"), ("3", "MIAMI DADE COUNTY"), ("4", "EAST BATON ROUGE PARISH"), ("5", "HARRIS COUNTY")]
            .map { FacilityMatcher.County(id: $0.0, nameKey: $0.1) }
        XCTAssertEqual(FacilityMatcher.propose(facility: "SALT LAKE COUNTY METRO JAIL", among: counties), "2")
        XCTAssertEqual(FacilityMatcher.propose(facility: "MIAMI-DADE TURNER GUILFORD KNIGHT", among: counties), "3")
        XCTAssertEqual(FacilityMatcher.propose(facility: "EAST BATON ROUGE PARISH PRISON", among: counties), "4")
        XCTAssertEqual(FacilityMatcher.propose(facility: "HARRIS CO JAIL", among: counties), "5")
        XCTAssertNil(FacilityMatcher.propose(facility: "TDCJ HUNTSVILLE UNIT", among: counties))
        XCTAssertNil(FacilityMatcher.propose(facility: "FCI BIG SPRING", among: counties))
    }

    func testCSVSplitAcrossChunksReadsTheSame() throws {
        let text = "a,b\r\n\"x, \"\"y\"\"\",2\n3,\"multi\nline\"\n"
        var whole: [[String?]] = []
        try CSVReader.rows(Data(text.utf8)) { whole.append($0.cells) }
        for split in 1..<text.utf8.count {
            var parser = CSVParser(columns: nil)
            var rows: [[String?]] = []
            let bytes = Array(text.utf8)
            try bytes[..<split].withUnsafeBufferPointer { try parser.feed($0) { rows.append($0.cells) } }
            try bytes[split...].withUnsafeBufferPointer { try parser.feed($0) { rows.append($0.cells) } }
            try parser.finish { rows.append($0.cells) }
            XCTAssertEqual(rows, whole, "split at \(split)")
        }
        XCTAssertEqual(whole[1], ["x, \"y\"", "2"])
    }
}
