import AmparoFixtures
import AmparoImport
import Foundation
import XCTest

/// Every import file is read within `ImportLimits`: past one, it is refused with the limit named,
/// before the rest of it is inflated or scanned.
final class ImportLimitsTests: XCTestCase {
    func workbook(_ rows: [[WorkbookCell]]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString).xlsx")
        let writer = try WorkbookWriter(url: url)
        try writer.addSheet(named: "Sheet1") { sheet in for row in rows { try sheet.row(row) } }
        try writer.close()
        return url
    }

    func refusal(_ url: URL, _ limits: ImportLimits) -> ImportLimits.Exceeded? {
        do {
            try Spreadsheet(url: url, limits: limits).rows { _ in }
            return nil
        } catch SpreadsheetError.tooLarge(let exceeded) {
            return exceeded
        } catch {
            XCTFail("\(error)")
            return nil
        }
    }

    func testTheDefaultsReadANormalWorkbook() throws {
        let url = try workbook([[.text("STATE"), .text("AGENCY")], [.text("TX"), .text("Harris County Sheriff's Office")]])
        var rows = 0
        try Spreadsheet(url: url).rows { _ in rows += 1 }
        XCTAssertEqual(rows, 2)
    }

    func testACellPastExcelsLimitIsRefused() throws {
        let url = try workbook([[.text("STATE")], [.text(String(repeating: "x", count: 32_768))]])
        XCTAssertEqual(refusal(url, .standard), .sharedString(limit: 32_767))
        XCTAssertEqual(ImportLimits.Exceeded.sharedString(limit: 32_767).description, "one of its shared strings holds more than 32,767 characters")
        XCTAssertEqual(ImportLimits.Exceeded.cell(row: 2, limit: 32_767).spanish, "una celda de la fila 2 tiene más de 32.767 caracteres")
    }

    func testSharedStringsPastTheirLimitAreRefusedAsTheyInflate() throws {
        let url = try workbook((0..<2000).map { [.text("distinct agency name number \($0)")] })
        var limits = ImportLimits()
        limits.sharedStringBytes = 16 << 10
        XCTAssertEqual(refusal(url, limits), .sharedStrings(limit: 16 << 10))
        XCTAssertEqual(ImportLimits.Exceeded.sharedStrings(limit: 16 << 10).description, "its shared strings inflate to more than 16 KB")
    }

    func testAPartThatInflatesPastTheRatioIsRefused() throws {
        // Rows of XML compress about 10 to 30 times; held to 5, this sheet is a bomb (the 1 GB one
        // with the default of 100 is in Tests/e2e/test_import_bombs.py).
        let url = try workbook((0..<200_000).map { [.number($0)] })
        var limits = ImportLimits()
        limits.inflationRatio = 5
        XCTAssertEqual(refusal(url, limits), .inflation("xl/worksheets/sheet1.xml", ratio: 5))
    }

    func testALongRowIsRefused() throws {
        let url = try workbook([(0..<700).map { .number(1_000_000 + $0) }])
        var limits = ImportLimits()
        limits.rowBytes = 8 << 10
        limits.inflationRatio = 10_000
        XCTAssertEqual(refusal(url, limits), .row(1, limit: 8 << 10))
    }

    func testCSVFieldsAndColumnsAreBounded() throws {
        func csvRefusal(_ text: String, _ limits: ImportLimits = .standard) -> CSVReader.Problem? {
            do {
                try CSVReader.rows(Data(text.utf8), limits: limits) { _ in }
                return nil
            } catch let problem as CSVReader.Problem {
                return problem
            } catch {
                return nil
            }
        }
        let giant = String(repeating: "A", count: 40_000)
        XCTAssertEqual(csvRefusal("STATE,AGENCY\nTX,\(giant)\n"), .tooLarge(.cell(row: 2, limit: 32_767)))
        XCTAssertEqual(csvRefusal("STATE,AGENCY\nTX,\"\(giant)\"\n"), .tooLarge(.cell(row: 2, limit: 32_767)), "quoted too")
        var limits = ImportLimits()
        limits.columns = 10
        XCTAssertEqual(csvRefusal(Array(repeating: "a", count: 11).joined(separator: ",") + "\n", limits), .tooLarge(.columns(row: 1, limit: 10)))
        XCTAssertNil(csvRefusal("STATE,AGENCY\nTX,\(String(repeating: "é", count: 32_767))\n"), "the limit counts characters, not bytes")

        // A file read in chunks: a field that never ends is refused without being kept whole.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString).csv")
        try Data(("STATE,AGENCY\nTX,\"" + String(repeating: "B", count: 3 << 20)).utf8).write(to: url)
        XCTAssertThrowsError(try CSVReader.rows(url: url) { _ in }) { error in
            XCTAssertEqual(error as? CSVReader.Problem, .tooLarge(.cell(row: 2, limit: 32_767)))
        }
    }
}
