import AmparoDomain
import AmparoImport
import Foundation
import XCTest

/// ICE's 287(g) participating list of 16 May 2025, read from the published xlsx (../shared/data):
/// the counts per model and per state are those of the file (checked independently with Python's
/// zipfile and ElementTree), stray spaces are trimmed, MOA hyperlinks are found.
final class AgreementListTests: XCTestCase {
    static let published = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/ice-287g/participatingAgencies05162025am.xlsx").standardizedFileURL

    func rows(_ url: URL) throws -> (rows: [(line: Int, cells: [String?])], links: [Int: [Int: String]]) {
        let sheet = try Spreadsheet(url: url)
        var rows: [(line: Int, cells: [String?])] = []
        let hyperlinks = try sheet.rows { rows.append(($0.line, $0.cells)) }
        return (rows, Spreadsheet.byCell(hyperlinks))
    }

    func testThePublishedListReadsWithTheRightCounts() throws {
        let (rows, links) = try rows(Self.published)
        let parsed = try AgreementListParser.parse(rows, links: links).get()
        let agreements = parsed.agreements
        XCTAssertEqual(parsed.warnings, [], "row 545's '05/082025' is read as 2025-05-08")
        XCTAssertEqual(agreements.first { $0.line == 545 }?.signedOn, "2025-05-08")
        XCTAssertEqual(agreements.count, 571)
        let byModel = Dictionary(grouping: agreements, by: \.model).mapValues(\.count)
        XCTAssertEqual(byModel, [.taskForce: 275, .warrantServiceOfficer: 205, .jailEnforcement: 91])
        let byState = Dictionary(grouping: agreements, by: \.state.code).mapValues(\.count)
        XCTAssertEqual(byState["FL"], 255)
        XCTAssertEqual(byState["TX"], 86)
        XCTAssertEqual(byState["NC"], 20)
        let bay = agreements.first { $0.agency == "Bay County Sheriff's Office" }
        XCTAssertEqual(bay?.county, "Bay County", "the stray space after the county is gone")
        XCTAssertEqual(bay?.kind, .county)
        let colbert = agreements.first { $0.agency == "Colbert County Sheriff's Office" && $0.model == .jailEnforcement }
        XCTAssertEqual(colbert?.signedOn, "2025-05-08")
        XCTAssertGreaterThan(agreements.filter { $0.moaLink?.hasPrefix("https://www.ice.gov/doclib/287gMOA/") == true }.count, 300)
        XCTAssertEqual(Set(agreements.map(\.key)).count, agreements.count - duplicates(agreements), "keys identify agreements")
    }

    private func duplicates(_ agreements: [AgreementRow]) -> Int {
        Dictionary(grouping: agreements, by: \.key).values.reduce(0) { $0 + $1.count - 1 }
    }

    func testAMalformedListNamesTheRowAndColumn() {
        let header: [String?] = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"]
        let good: [String?] = ["OREGON ", "Example County Sheriff's Office", "County", "Example County ", "TFM", "5/7/2025", nil]
        let badModel: [String?] = ["OREGON", "Another Sheriff's Office", "County", "Another County", "Jail Model", "45785", nil]
        switch AgreementListParser.parse([(1, header), (2, good), (3, badModel)]) {
        case .success: XCTFail("a model that is not one of the three is refused")
        case .failure(let problem):
            XCTAssertEqual(problem, .init(row: 3, column: "E (SUPPORT TYPE)", value: "Jail Model", reason: .unknownModel))
        }
        let badState: [String?] = ["NARNIA", "X", "County", "Y", "WSO", nil, nil]
        guard case .failure(let stateProblem) = AgreementListParser.parse([(1, header), (7, badState)]) else { return XCTFail() }
        XCTAssertEqual(stateProblem.row, 7)
        XCTAssertEqual(stateProblem.column, "A (STATE)")
        guard case .failure(let noHeader) = AgreementListParser.parse([(1, ["Name", "Value"])]) else { return XCTFail() }
        XCTAssertEqual(noHeader.reason, .noHeader)
        guard case .success(let parsed) = AgreementListParser.parse([(1, header), (2, good)]) else { return XCTFail() }
        XCTAssertEqual(parsed.agreements[0].model, .taskForce)
        XCTAssertEqual(parsed.agreements[0].signedOn, "2025-05-07")
        XCTAssertEqual(parsed.agreements[0].state.fips, "41")
    }

    func testCSVAndExcelDates() throws {
        var rows: [SheetRow] = []
        try CSVReader.rows(Data("\u{FEFF}STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE\r\n\"TEXAS\",\"Sheriff, \"\"Big\"\" County\",WSO\nOREGON,Line\nBreak,TFM".utf8)) { rows.append($0) }
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows[1].cells, ["TEXAS", "Sheriff, \"Big\" County", "WSO"])
        XCTAssertEqual(SpreadsheetDate.day("45785"), "2025-05-08")
        XCTAssertEqual(SpreadsheetDate.day("60"), "1900-02-28", "Excel's phantom 29 February 1900 is not a day")
        XCTAssertNil(SpreadsheetDate.day("2025-02-30"))
        XCTAssertEqual(SpreadsheetDate.day("05/082025"), "2025-05-08")
        let header: [String?] = ["STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE", "SIGNED"]
        let parsed = try AgreementListParser.parse([(1, header), (2, ["TEXAS", "X Police Department", "TFM", "someday"])]).get()
        XCTAssertNil(parsed.agreements[0].signedOn)
        XCTAssertEqual(parsed.warnings, [.init(row: 2, column: "D (SIGNED)", value: "someday", reason: .badDate)], "kept, and said")
        XCTAssertEqual(AgreementModel.normalize("  warrant service officer  "), .warrantServiceOfficer)
        XCTAssertEqual(AgreementModel.normalize("Jail Enforcement Model (JEM)"), .jailEnforcement)
    }
}

/// County outlines: projected as d3's albersUsa places them, simplified, written as short paths.
final class CountyShapesTests: XCTestCase {
    func testProjectionPlacesKnownCitiesAndSimplificationKeepsCorners() {
        let seattle = CountyShapes.project(longitude: -122.3, latitude: 47.6, state: "53")
        let miami = CountyShapes.project(longitude: -80.2, latitude: 25.8, state: "12")
        XCTAssertEqual(Int(seattle.x.rounded()), 151)
        XCTAssertEqual(Int(seattle.y.rounded()), 15)
        XCTAssertEqual(Int(miami.x.rounded()), 747)
        XCTAssertEqual(Int(miami.y.rounded()), 447)
        let anchorage = CountyShapes.project(longitude: -150, latitude: 61.2, state: "02")
        XCTAssertTrue((0...480).contains(anchorage.x) && (380...600).contains(anchorage.y), "Alaska below, on the left")
        // A square with a point on each side's middle: the middles go, the corners stay.
        let square = [(0.0, 0.0), (5, 0.1), (10, 0), (10, 10), (0, 10), (0, 0)].map { CountyShapes.Point(x: $0.0, y: $0.1) }
        XCTAssertEqual(CountyShapes.simplify(square, tolerance: 0.5).count, 5)
    }

    func testGeoJSONBecomesRelativePaths() throws {
        let json = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"GEOID":"41047","NAMELSAD":"Marion County"},"geometry":{"type":"Polygon","coordinates":[[[-123.2,44.8],[-122.0,44.8],[-122.0,45.2],[-123.2,45.2],[-123.2,44.8]]]}},{"type":"Feature","properties":{"NAME":"No id"},"geometry":{"type":"Polygon","coordinates":[]}}]}"#
        let shapes = try CountyShapes.parse(Data(json.utf8)).get()
        XCTAssertEqual(shapes.map(\.fips), ["41047"])
        XCTAssertEqual(shapes[0].name, "Marion County")
        XCTAssertTrue(shapes[0].path.hasPrefix("M") && shapes[0].path.contains("l") && shapes[0].path.hasSuffix("z"), shapes[0].path)
        XCTAssertEqual(CountyShapes.parse(Data("[1,2]".utf8)), .failure(.notGeoJSON))
    }
}
