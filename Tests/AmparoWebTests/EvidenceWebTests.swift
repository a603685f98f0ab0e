import AmparoDomain
import AmparoFixtures
import AmparoPersistence
import Fluent
import SQLKit
import XCTVapor

@testable import AmparoWeb

/// ICE's detainer records: a generated workbook uploaded through the page with its progress view,
/// landing once, whole, with its bad rows listed; the crosswalk; the county page and its fact
/// sheet; a newer release replacing the months it covers; a bad file changing nothing.
final class EvidenceWebTests: XCTestCase {
    var harness: TestHarness!
    var folder: URL!

    override func setUp() async throws {
        harness = try await TestHarness.make()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("amparo-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() async throws {
        try await harness.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The counties of the generator's named jails, as the places registry would have them.
    func seedCounties(seed: UInt64) async throws {
        var seen = Set<String>()
        for facility in DetainerSample(seed: seed, extraFacilities: 10).facilities {
            guard let county = facility.county, seen.insert("\(facility.state)|\(county)").inserted else { continue }
            try await JurisdictionModel(kind: "county", name: county, stateCode: facility.state, fips: nil, createdAt: harness.clock.now()).create(on: harness.app.db)
        }
    }

    func file(_ name: String, rows: Int, seed: UInt64, format: DetainerSampleFile.Format = .xlsx, badRowEvery: Int = 0, release: DetainerRelease = .latest) throws -> URL {
        var options = DetainerSampleFile.Options(rows: rows, seed: seed)
        options.format = format
        options.sheetRows = 1200
        options.badRowEvery = badRowEvery
        options.release = release
        options.extraFacilities = 10
        let url = folder.appendingPathComponent(name)
        try DetainerSampleFile.write(to: url, options)
        return url
    }

    func waitUntilDone(_ id: UUID) async throws -> DetainerImportModel {
        for _ in 0..<600 {
            let value1 = try await DetainerImportModel.find(id, on: harness.app.db)
            let record = try await XCTUnwrap(value1)
            if record.status != DetainerImportModel.Status.running.rawValue { return record }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw XCTSkip("the import did not finish in 30 s")
    }

    func sum(_ sql: SQLQueryString) async throws -> Int {
        struct Row: Decodable { let n: Int? }
        return try await harness.app.db.sql.raw(sql).first(decoding: Row.self)?.n ?? 0
    }

    func testAWorkbookUploadsWithProgressLandsOnceAndItsCountyPageShowsTheFigures() async throws {
        try await seedCounties(seed: 5)
        let url = try file("detainers.xlsx", rows: 3000, seed: 5, badRowEvery: 700)
        let (_, browser) = try await harness.signedIn(.analyst, in: nil)
        let form = try await browser.get("/evidence/imports").body.string
        XCTAssertTrue(form.contains("enctype=\"multipart/form-data\""))
        let token = try XCTUnwrap(browser.csrfToken)
        let bytes = [UInt8](try Data(contentsOf: url))
        let upload = try await browser.upload("/evidence/imports?_csrf=\(token)", [:], files: [("file", "detainers.xlsx", bytes)])
        XCTAssertEqual(upload.status, .seeOther, upload.body.string)
        let location = try XCTUnwrap(upload.headers.first(name: .location))
        let id = try XCTUnwrap(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
        let record = try await waitUntilDone(id)
        XCTAssertEqual(record.status, "done", record.message ?? "")
        XCTAssertEqual(record.rowsImported + record.rowsRejected, 3000)
        XCTAssertEqual(record.rowsRejected, 4, "one defect in every 700 rows")
        XCTAssertEqual(record.release, "latest")
        let page = try await browser.get(location).body.string
        XCTAssertTrue(page.contains("Imported 2996 rows; 4 left out."), page)
        XCTAssertTrue(page.contains("Detainers 1, Detainers 2, Detainers 3"), "every data sheet read")
        XCTAssertTrue(page.contains("skipped: Notes"), "the notes sheet is named as skipped")
        XCTAssertTrue(page.contains("not one of ICE&#39;s criminality codes") || page.contains("not one of ICE's criminality codes"), page)
        let problems = try await browser.get(location + "?format=csv").body.string
        XCTAssertEqual(problems.split(separator: "\r\n").count, 5, problems)
        // Counted once at every level: facilities, states and the nation agree with the file.
        let value2 = try await sum("SELECT CAST(SUM(count) AS BIGINT) AS n FROM detainer_tallies WHERE area = 'US'")
        XCTAssertEqual(value2, 2996)
        let value3 = try await sum("SELECT CAST(SUM(count) AS BIGINT) AS n FROM detainer_tallies WHERE facility_id IS NOT NULL")
        XCTAssertEqual(value3, 2996)
        let value4 = try await sum("SELECT CAST(SUM(count) AS BIGINT) AS n FROM detainer_charge_tallies WHERE area = 'US'")
        XCTAssertEqual(value4, 2996)

        // The same file again changes nothing.
        let tallies = try await sum("SELECT COUNT(*) AS n FROM detainer_tallies")
        try await browser.get("/evidence/imports")
        let again = try await browser.upload("/evidence/imports?_csrf=\(token)", [:], files: [("file", "same.xlsx", bytes)])
        XCTAssertTrue(again.body.string.contains("already imported"), again.body.string)
        let value5 = try await sum("SELECT COUNT(*) AS n FROM detainer_tallies")
        XCTAssertEqual(value5, tallies)
        let value6 = try await DetainerImportModel.query(on: harness.app.db).count()
        XCTAssertEqual(value6, 1)

        // Amparo proposes Harris County for the Harris County Jail; until a person confirms, the county has no figures.
        let value7 = try await DetainerFacilityModel.query(on: harness.app.db).filter(\.$code == "HARRISTX").first()
        let harris = try await XCTUnwrap(value7)
        let value8 = try await JurisdictionModel.query(on: harness.app.db).filter(\.$nameKey == "HARRIS COUNTY").first()
        let county = try await XCTUnwrap(value8)
        XCTAssertEqual(harris.proposedJurisdictionID, county.id)
        XCTAssertEqual(harris.matchStatus, "proposed")
        let value9 = try await DetainerFacilityModel.query(on: harness.app.db).filter(\.$code == "TDCJHUN").first()
        let prison = try await XCTUnwrap(value9)
        XCTAssertEqual(prison.matchStatus, "unmatched")
        let visitor = harness.browser()
        let value10 = try await visitor.get("/evidence/tx/harris-county").body.string.contains("No detainer records")
        XCTAssertTrue(value10)
        let crosswalk = try await browser.get("/evidence/facilities?state=tx").body.string
        XCTAssertTrue(crosswalk.contains("HARRIS COUNTY JAIL"))
        let confirmed = try await browser.post("/evidence/facilities/\(harris.id!.uuidString)", ["county": county.id!.uuidString])
        XCTAssertEqual(confirmed.status, .seeOther)
        let wrongState = try await JurisdictionModel.query(on: harness.app.db).filter(\.$stateCode != "TX").filter(\.$kind == "county").first()
        try await browser.get("/evidence/facilities")
        let refused = try await browser.post("/evidence/facilities/\(prison.id!.uuidString)", ["county": wrongState!.id!.uuidString])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        let value11 = try await DetainerFacilityModel.find(prison.id, on: harness.app.db)?.matchStatus
        XCTAssertEqual(value11, "unmatched")

        // The county page: the jail's detainers, with sources, comparisons and the what-if.
        let harrisCount = try await sum("SELECT CAST(SUM(t.count) AS BIGINT) AS n FROM detainer_tallies t JOIN detainer_facilities f ON f.id = t.facility_id WHERE f.code = 'HARRISTX'")
        let convicted = try await sum("SELECT CAST(SUM(t.count) AS BIGINT) AS n FROM detainer_tallies t JOIN detainer_facilities f ON f.id = t.facility_id WHERE f.code = 'HARRISTX' AND t.criminality = 1")
        XCTAssertGreaterThan(harrisCount, 100)
        let countyPage = try await visitor.get("/evidence/tx/harris-county").body.string
        XCTAssertTrue(countyPage.contains("id=\"lodged\">\(harrisCount.formatted(.number.locale(Locale(identifier: "en_US"))))<"), countyPage)
        XCTAssertTrue(countyPage.contains(EvidenceFormat.share(harrisCount - convicted, of: harrisCount)))
        XCTAssertTrue(countyPage.contains("detainers.xlsx"), "the source file is named")
        XCTAssertTrue(countyPage.contains("<svg class=\"chart\""))
        XCTAssertTrue(countyPage.contains("fewer people would have been handed to ICE"))
        let csv = try await visitor.get("/evidence/tx/harris-county?format=csv").body.string
        XCTAssertTrue(csv.contains("lodged,all,Detainers lodged,\(harrisCount),"), csv)
        // A coalition's script reads the same figures from the API, as the page's JSON download gives them.
        let download = try await visitor.get("/evidence/tx/harris-county?format=json&from=2024-01").body.string
        let api = try await visitor.get("/api/v1/evidence/tx/harris-county?from=2024-01")
        XCTAssertEqual(api.status, .ok)
        XCTAssertEqual(api.body.string, download, "one value, two addresses")
        struct Figures: Decodable { struct Counts: Decodable { let lodged: Int? }; let figures: Counts }
        XCTAssertNotNil(try JSONDecoder().decode(Figures.self, from: Data(api.body.readableBytesView)).figures.lodged)
        let unchanged = try await visitor.get("/api/v1/evidence/tx/harris-county?from=2024-01", headers: ["If-None-Match": api.headers.first(name: .eTag) ?? "-"])
        XCTAssertEqual(unchanged.status, .notModified)
        let badPeriod = try await visitor.get("/api/v1/evidence/tx/harris-county?from=2025-06&to=2024-01")
        XCTAssertEqual(badPeriod.status, .badRequest)
        XCTAssertTrue(badPeriod.body.string.contains("YYYY-MM"), badPeriod.body.string)
        var spanish = harness.browser()
        spanish.cookies["amparo_lang"] = "es"
        let sheet = try await spanish.get("/evidence/tx/harris-county/fact-sheet").body.string
        XCTAssertTrue(sheet.contains("Órdenes de retención de ICE en Harris County, Texas"), sheet)
        XCTAssertTrue(sheet.contains("Sin condena penal"))
        // A period that is not a month is named, not a 500.
        let bad = try await visitor.get("/evidence/tx/harris-county?from=2024-13")
        XCTAssertEqual(bad.status, .badRequest)
        XCTAssertTrue(bad.body.string.contains("YYYY-MM"))
        let state = try await visitor.get("/evidence/tx").body.string
        XCTAssertTrue(state.contains("HARRIS COUNTY JAIL"))
        // A jail with fewer than 5 detainers: "<5" on its page, null in its public JSON, nothing that gives the count away.
        struct Small: Decodable { let facility_id: UUID; let n: Int }
        let small = try await harness.app.db.sql.raw("""
            SELECT facility_id, CAST(SUM(count) AS BIGINT) AS n FROM detainer_tallies WHERE facility_id IS NOT NULL
            GROUP BY facility_id HAVING SUM(count) < 5
            """).all(decoding: Small.self).first
        if let small {
            let page = try await visitor.get("/evidence/facility/\(small.facility_id.uuidString)").body.string
            XCTAssertTrue(page.contains("id=\"lodged\">&lt;5<"), page)
            let json = try await visitor.get("/evidence/facility/\(small.facility_id.uuidString)?format=json").body.string
            XCTAssertTrue(json.contains("\"lodged\":null"), json)
        } else {
            XCTFail("the generated file has no jail with fewer than 5 detainers")
        }
        let value12 = try await visitor.get("/evidence?format=json").body.string.contains("\"withoutConviction\"")
        XCTAssertTrue(value12)
    }

    func testTheFiguresEqualACountOfTheGeneratedRows() async throws {
        let url = try file("d.csv", rows: 2500, seed: 11, format: .csv)
        let summary = try await Operations.importDetainers(harness.app, url: url, fileName: "d.csv", progressBar: false)
        XCTAssertFalse(summary.failed, summary.message)
        // Counted here straight from the generator, without the reader.
        var sample = DetainerSample(seed: 11, extraFacilities: 10)
        let header = sample.header
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        var texas = 0, texasConvicted = 0, booked = 0, bookedWithout = 0, level1 = 0
        for _ in 0..<2500 {
            let row = sample.next()
            func text(_ name: String) -> String { if case .text(let t) = row[column(name)] { t.trimmingCharacters(in: .whitespaces) } else { "" } }
            guard text("Facility State") == "TX" else { continue }
            texas += 1
            if text("Detainer Criminality") == "1 Convicted Criminal" { texasConvicted += 1 }
            if text("Detainer Threat Level") == "1" { level1 += 1 }
            if text("Detainer Lift Reason") == "Booked into Detention" {
                booked += 1
                if text("Detainer Criminality") != "1 Convicted Criminal" { bookedWithout += 1 }
            }
        }
        let figures = try await EvidenceQueries.figures(.state("TX"), .all, on: harness.app.db)
        XCTAssertEqual(figures.lodged, texas)
        XCTAssertEqual(figures.withoutConviction, texas - texasConvicted)
        XCTAssertEqual(figures.byThreat[.level1] ?? 0, level1)
        XCTAssertEqual(WhatIf.judicialWarrantOnly.fewerHandedOver(figures), booked)
        XCTAssertEqual(WhatIf.declineWithoutConviction.fewerHandedOver(figures), bookedWithout)
        let stats = try await Operations.detainerStats(harness.app, state: "TX", county: nil, facility: nil, from: nil, to: nil, format: .csv, language: .en)
        XCTAssertTrue(stats.message.contains("lodged,all,Detainers lodged,\(texas),"), stats.message)
    }

    func testANewerReleaseSpeaksForTheMonthsItCovers() async throws {
        let older = try file("old.xlsx", rows: 1500, seed: 1, release: .july2025)
        let newer = try file("new.csv", rows: 400, seed: 2, format: .csv)
        _ = try await Operations.importDetainers(harness.app, url: older, fileName: "old.xlsx", progressBar: false)
        let before = try await EvidenceQueries.figures(.nation, .all, on: harness.app.db)
        XCTAssertEqual(before.lodged, 1500)
        _ = try await Operations.importDetainers(harness.app, url: newer, fileName: "new.csv", progressBar: false)
        let newMonths = try await sum("SELECT COUNT(DISTINCT month) AS n FROM detainer_tallies WHERE current = \(bind: true) AND area = 'US' AND import_id = (SELECT id FROM detainer_imports WHERE file_name = 'new.csv')")
        XCTAssertGreaterThan(newMonths, 5)
        let after = try await EvidenceQueries.figures(.nation, .all, on: harness.app.db)
        let oldKept = try await sum("SELECT CAST(SUM(count) AS BIGINT) AS n FROM detainer_tallies WHERE current = \(bind: true) AND area = 'US' AND import_id = (SELECT id FROM detainer_imports WHERE file_name = 'old.xlsx')")
        XCTAssertEqual(after.lodged, 400 + oldKept)
        XCTAssertLessThan(oldKept, 1500, "the months the newer file covers come from it alone")
        let sources = try await EvidenceQueries.sources(.nation, .all, on: harness.app.db)
        XCTAssertEqual(sources.map(\.fileName), ["old.xlsx", "new.csv"].filter { name in oldKept > 0 || name == "new.csv" })
    }

    func testABadFileIsRefusedWithAReasonAndChangesNothing() async throws {
        let text = folder.appendingPathComponent("notes.csv")
        try Data("name,city\nHarris,Houston\n".utf8).write(to: text)
        let refused = try await Operations.importDetainers(harness.app, url: text, fileName: "notes.csv", progressBar: false)
        XCTAssertTrue(refused.failed)
        XCTAssertTrue(refused.message.contains("no sheet has a detainer header"), refused.message)
        // A workbook cut short: refused, nothing written.
        let whole = try Data(contentsOf: try file("cut.xlsx", rows: 2000, seed: 3))
        let cut = folder.appendingPathComponent("cut-short.xlsx")
        try whole.prefix(whole.count / 2).write(to: cut)
        let cutOutcome = try await Operations.importDetainers(harness.app, url: cut, fileName: "cut-short.xlsx", progressBar: false)
        XCTAssertTrue(cutOutcome.failed, cutOutcome.message)
        let value13 = try await sum("SELECT COUNT(*) AS n FROM detainer_tallies")
        XCTAssertEqual(value13, 0)
        let value14 = try await DetainerFacilityModel.query(on: harness.app.db).count()
        XCTAssertEqual(value14, 0)
        let value15 = try await DetainerImportModel.query(on: harness.app.db).filter(\.$status == "done").count()
        XCTAssertEqual(value15, 0)
        // Through the page: the refusal is a 422 that says why.
        let (_, browser) = try await harness.signedIn(.organizer, in: nil)
        try await browser.get("/evidence/imports")
        let upload = try await browser.upload("/evidence/imports?_csrf=\(browser.csrfToken!)", [:], files: [("file", "notes.csv", Array("name,city\n".utf8))])
        let location = try XCTUnwrap(upload.headers.first(name: .location))
        _ = try await waitUntilDone(try XCTUnwrap(UUID(uuidString: String(location.split(separator: "/").last!))))
        let page = try await browser.get(location)
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("Nothing was imported"), page.body.string)
    }

    func testAnImportTheServerStoppedDuringIsMarkedAndItsFileRemoved() async throws {
        let record = DetainerImportModel(fileName: "big.xlsx", fileDigest: "x", bytesTotal: 10, importedBy: "test", startedAt: harness.clock.now())
        try await record.create(on: harness.app.db)
        let uploads = DetainerImporter.uploads(harness.config)
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
        let left = uploads.appendingPathComponent(UUID().uuidString)
        try Data("partial".utf8).write(to: left)
        try await DetainerImporter.recoverInterrupted(harness.app)
        let after = try await DetainerImportModel.find(record.id, on: harness.app.db)
        XCTAssertEqual(after?.status, "failed")
        XCTAssertEqual(after?.message, "interrupted")
        XCTAssertFalse(FileManager.default.fileExists(atPath: left.path))
    }
}
