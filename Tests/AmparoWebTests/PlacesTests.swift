import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// The places registry: ICE's real 287(g) list imported through the page, a later list's
/// additions and removals, refusals that name the row and change nothing, public pages and
/// downloads, policies with sources and the state law that governs a county.
final class PlacesTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    static let published = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/ice-287g/participatingAgencies05162025am.xlsx").standardizedFileURL

    func organizer() async throws -> Browser {
        let (_, browser) = try await harness.signedIn(.organizer, in: nil)
        try await browser.get("/places/imports")
        return browser
    }

    func testTheRealListImportsOnceAndALaterListShowsWhatChanged() async throws {
        let browser = try await organizer()
        let bytes = [UInt8](try Data(contentsOf: Self.published))
        let first = try await browser.upload("/places/imports", ["list": "participating"], files: [("file", "participatingAgencies05162025am.xlsx", bytes)])
        XCTAssertEqual(first.status, .ok)
        XCTAssertTrue(first.body.string.contains("Imported: 571 added, 0 removed, 0 unchanged."), first.body.string)
        try await browser.get("/places/imports")
        let again = try await browser.upload("/places/imports", ["list": "participating"], files: [("file", "again.xlsx", bytes)])
        XCTAssertTrue(again.body.string.contains("already imported"))
        let total = try await AgreementRecordModel.query(on: harness.app.db).count()
        XCTAssertEqual(total, 571, "the same file again changes nothing")

        // A later list as CSV: Bay County's Task Force agreement gone, a new Oregon one, the rest unchanged.
        let page = try await browser.get("/places/fl?format=csv").body.string
        var lines = page.split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.count, 256, "a header and Florida's 255 agreements")
        let csvHeader = "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED"
        var later = [csvHeader]
        let all = try await PlacesStore(harness.app.db).agreements(state: "FL")
        for line in all where !(line.agency == "Bay County Sheriff's Office" && line.model == .taskForce) {
            later.append("FLORIDA ,\"\(line.agency)\",County,\(line.county ?? "#N/A"),\(line.model.publishedName),\(line.signedOn ?? "")")
        }
        later.append("OREGON,Example County Sheriff's Office,County,Example County,TFM,6/1/2025")
        try await browser.get("/places/imports")
        let second = try await browser.upload("/places/imports", ["list": "participating"], files: [("file", "later.csv", Array(later.joined(separator: "\r\n").utf8))])
        let result = second.body.string
        // Every other state is missing from this list: those agreements end too, as a snapshot says.
        XCTAssertTrue(result.contains("Imported: 1 added, 317 removed, 254 unchanged."), result)
        XCTAssertTrue(result.contains("Example County Sheriff&#39;s Office (OR)") || result.contains("Example County Sheriff's Office (OR)"), result)
        let bay = try await browser.get("/places/fl/bay-county").body.string
        XCTAssertTrue(bay.contains("Ended"), "the county page keeps the ended agreement, marked")
        lines = try await browser.get("/places?format=csv").body.string.split(separator: "\r\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("OR,41,Oregon,0,1,0") }, "\(lines.prefix(3))")
    }

    func testAMalformedListIsRefusedWithItsRowAndColumnAndChangesNothing() async throws {
        let browser = try await organizer()
        let csv = "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE\r\nTEXAS,Harris County Sheriff's Office,Jail Enforcement Model\r\nTEXAS,Dallas Police,Jail Model\r\n"
        let refused = try await browser.upload("/places/imports", ["list": "participating"], files: [("file", "bad.csv", Array(csv.utf8))])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.body.string.contains("Row 3, column C (SUPPORT TYPE): “Jail Model” is not a 287(g) model"), refused.body.string)
        try await browser.get("/places/imports")
        let binary = try await browser.upload("/places/imports", ["list": "participating"], files: [("file", "x.xlsx", [0x50, 0x4B, 0x03, 0x04, 0, 1, 2])])
        XCTAssertEqual(binary.status, .unprocessableEntity)
        // Names reach public pages: a name no agency has is refused, a cell past Excel's limit too.
        try await browser.get("/places/imports")
        let long = "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE\r\nTEXAS,\(String(repeating: "Sheriff ", count: 40)),Jail Enforcement Model\r\n"
        let tooLong = try await browser.upload("/places/imports", ["list": "participating"], files: [("file", "long.csv", Array(long.utf8))])
        XCTAssertEqual(tooLong.status, .unprocessableEntity)
        XCTAssertTrue(tooLong.body.string.contains("is longer than any name can be (200 characters)"), tooLong.body.string)
        try await browser.get("/places/imports")
        let giant = "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE\r\nTEXAS,\(String(repeating: "A", count: 40_000)),Jail Enforcement Model\r\n"
        let tooBig = try await browser.upload("/places/imports", ["list": "participating"], files: [("file", "giant.csv", Array(giant.utf8))])
        XCTAssertEqual(tooBig.status, .unprocessableEntity)
        XCTAssertTrue(tooBig.body.string.contains("a cell in row 2 holds more than 32,767 characters"), tooBig.body.string)
        XCTAssertLessThan(tooBig.body.readableBytes, 20_000, "the page does not repeat the cell")
        let counts = (try await AgreementRecordModel.query(on: harness.app.db).count(), try await AgreementImportModel.query(on: harness.app.db).count(),
                      try await AgencyModel.query(on: harness.app.db).count())
        XCTAssertTrue(counts == (0, 0, 0), "\(counts)")
    }

    func testPublicPagesShowPoliciesWithSourcesAndTheGoverningStateLaw() async throws {
        let browser = try await organizer()
        let csv = "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE\r\nOREGON,Marion County Sheriff's Office,County,Marion County,WSO\r\n"
        try await browser.upload("/places/imports", ["list": "participating"], files: [("file", "or.csv", Array(csv.utf8))])
        try await browser.get("/places/or/marion-county")
        let bad = try await browser.post("/places/or/marion-county/policies", ["kind": "detainers", "position": "honors_all", "instrument": "sheriff_policy",
                                                                                "effectiveOn": "2013-01-01", "document": "javascript:alert(1)"])
        XCTAssertEqual(bad.status, .unprocessableEntity, "a policy needs a document link")
        let mismatched = try await browser.post("/places/or/marion-county/policies", ["kind": "detainers", "position": "full_access", "instrument": "sheriff_policy",
                                                                                       "effectiveOn": "2013-01-01", "document": "https://example.org/a.pdf"])
        XCTAssertEqual(mismatched.status, .unprocessableEntity, "a position of another kind")
        try await browser.post("/places/or/marion-county/policies", ["kind": "detainers", "position": "honors_all", "instrument": "sheriff_policy",
                                                                      "effectiveOn": "2013-01-01", "document": "https://example.org/marion-2013.pdf"])
        try await browser.get("/places/or")
        try await browser.post("/places/or/policies", ["kind": "detainers", "position": "state_law_limits", "instrument": "state_law", "effectiveOn": "2017-08-09",
                                                        "document": "https://example.org/ors-181a-820.pdf", "criteria": "ORS 181A.820: no state resources to enforce federal immigration law"])
        let policies = try await PolicyModel.query(on: harness.app.db).count()
        XCTAssertEqual(policies, 2)

        let visitor = harness.browser()
        let county = try await visitor.get("/places/or/marion-county")
        XCTAssertEqual(county.status, .ok, "public, no sign-in")
        let page = county.body.string
        XCTAssertTrue(page.contains("Warrant Service Officer") && page.contains("https://example.org/marion-2013.pdf"))
        XCTAssertTrue(page.contains("State law limits them") && page.contains("(state law)"), "the state law is more protective: it governs")
        XCTAssertFalse(page.contains("Record a policy"), "the public sees no form")
        let json = try await visitor.get("/places/or/marion-county?format=json")
        XCTAssertEqual(json.headers.contentType, .json)
        XCTAssertTrue(json.body.string.contains("\"model\":\"warrant_service_officer\""))
        let missing = try await visitor.get("/places/zz")
        XCTAssertEqual(missing.status, .notFound)
        let states = try await visitor.get("/places").body.string
        XCTAssertTrue(states.contains("Oregon") && states.contains("Wyoming"))
    }

    func testTheAPIServesWhatThePagesShowAndAnswersConditionalRequests() async throws {
        let browser = try await organizer()
        let csv = "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE\r\nOREGON,Marion County Sheriff's Office,County,Marion County,WSO\r\n"
        try await browser.upload("/places/imports", ["list": "participating"], files: [("file", "or.csv", Array(csv.utf8))])
        try await browser.get("/places/or/marion-county")
        try await browser.post("/places/or/marion-county/policies", ["kind": "detainers", "position": "honors_all", "instrument": "sheriff_policy",
                                                                      "effectiveOn": "2013-01-01", "document": "https://example.org/marion-2013.pdf"])
        let script = harness.browser()  // a coalition's script: no sign-in, no token
        let county = try await script.get("/api/v1/places/or/marion-county")
        XCTAssertEqual(county.status, .ok)
        XCTAssertEqual(county.headers.contentType, .json)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let page = try decoder.decode(PlaceCountyPage.self, from: Data(county.body.readableBytesView))
        XCTAssertEqual(page.agreements.map(\.agency), ["Marion County Sheriff's Office"])
        XCTAssertEqual(page.agreements.first?.model, .warrantServiceOfficer)
        XCTAssertEqual(page.governing, [.init(kind: .detainers, position: .honorsAll, source: .county)])
        XCTAssertEqual(page.policies.first?.documentURL, "https://example.org/marion-2013.pdf")
        XCTAssertFalse(page.mayRecordPolicy, "the public may not record policies")
        let html = try await script.get("/places/or/marion-county").body.string
        XCTAssertTrue(html.contains("Marion County Sheriff&#39;s Office") && html.contains("https://example.org/marion-2013.pdf"), "the page shows the same")

        let tag = try XCTUnwrap(county.headers.first(name: .eTag))
        let again = try await script.get("/api/v1/places/or/marion-county", headers: ["If-None-Match": tag])
        XCTAssertEqual(again.status, .notModified)
        XCTAssertEqual(again.body.readableBytes, 0)
        try await browser.post("/places/or/marion-county/policies", ["kind": "release_notification", "position": "does_not_notify", "instrument": "sheriff_policy",
                                                                      "effectiveOn": "2020-01-01", "document": "https://example.org/marion-2020.pdf"])
        let changed = try await script.get("/api/v1/places/or/marion-county", headers: ["If-None-Match": tag])
        XCTAssertEqual(changed.status, .ok, "a new policy is a new version")

        let states = try await script.get("/api/v1/places").body.string
        XCTAssertTrue(states.contains(#""code":"OR""#) && states.contains(#""warrant_service_officer":1"#), states.prefix(400).description)
        let unknown = try await script.get("/api/v1/places/zz")
        XCTAssertEqual(unknown.status, .notFound)
        let imports = try await script.get("/api/v1/places/imports")
        XCTAssertEqual(imports.status, .unauthorized, "imports need a token")
    }

    func testCensusCountiesGiveFIPSCodes() async throws {
        let marion = JurisdictionModel(kind: "county", name: "Marion County", stateCode: "OR", fips: nil, createdAt: harness.clock.now())
        try await marion.create(on: harness.app.db)
        let census = "STATE|STATEFP|COUNTYFP|COUNTYNS|COUNTYNAME|CLASSFP|FUNCSTAT\nOR|41|047|01135859|Marion County|H1|A\nOR|41|053|01135862|Polk County|H1|A\n"
        let first = try await Operations.importCounties(harness.app, text: census)
        XCTAssertEqual(first.message, "2 counties read: 1 added, 1 given their FIPS code.")
        let again = try await Operations.importCounties(harness.app, text: census)
        XCTAssertEqual(again.message, "2 counties read: 0 added, 0 given their FIPS code.")
        let older = try await Operations.importCounties(harness.app, text: "OR,41,047,Marion County,H1\nOR,99,001,Nowhere County,H1\n")
        XCTAssertTrue(older.failed && older.message.hasPrefix("Line 2"), "a state code that is not the state's FIPS: refused, naming the line")
        let updated = try await JurisdictionModel.find(marion.id, on: harness.app.db)
        XCTAssertEqual(updated?.fips, "41047")
        let page = try await harness.browser().get("/places/or/polk-county").body.string
        XCTAssertTrue(page.contains("FIPS 41053"))
    }

    func testTheMapColorsCountiesByTheirStrongestAgreementAndByDetainerPolicy() async throws {
        let browser = try await organizer()
        let csv = "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE\r\nOREGON,Marion County Sheriff's Office,County,Marion County,WSO\r\nOREGON,Marion County Sheriff's Office,County,Marion County,JEM\r\n"
        try await browser.upload("/places/imports", ["list": "participating"], files: [("file", "or.csv", Array(csv.utf8))])
        let square = { (fips: String, name: String, lon: Double) in
            #"{"type":"Feature","properties":{"GEOID":"\#(fips)","NAMELSAD":"\#(name)"},"geometry":{"type":"Polygon","coordinates":[[[\#(lon),44.8],[\#(lon + 0.5),44.8],[\#(lon + 0.5),45.2],[\#(lon),45.2],[\#(lon),44.8]]]}}"#
        }
        let geojson = #"{"type":"FeatureCollection","features":["# + square("41047", "Marion County", -123.2) + "," + square("41053", "Polk County", -123.8) + "]}"
        let imported = try await Operations.importCountyShapes(harness.app, data: Data(geojson.utf8))
        XCTAssertEqual(imported.message, "2 county outlines imported (0 KB of paths).")
        let marion = try await JurisdictionModel.query(on: harness.app.db).filter(\.$nameKey == "MARION COUNTY").all()
        XCTAssertEqual(marion.map(\.fips), ["41047"], "the county the list named gets its FIPS code, no twin")
        let map = try await harness.browser().get("/places/map").body.string
        XCTAssertTrue(map.contains(#"<path class="m3" d="M"#) && map.contains("<title>Marion County, OR</title>"), "jail enforcement is the strongest model there")
        XCTAssertTrue(map.contains(#"<path class="m0" d="M"#), "Polk has none")
        try await browser.get("/places/or")
        try await browser.post("/places/or/policies", ["kind": "detainers", "position": "state_law_limits", "instrument": "state_law", "effectiveOn": "2017-08-09",
                                                        "document": "https://example.org/ors-181a-820.pdf"])
        let byPolicy = try await harness.browser().get("/places/map?by=detainers").body.string
        XCTAssertEqual(byPolicy.components(separatedBy: #"<path class="p1""#).count - 1, 2, "Oregon's law governs both counties")
    }

    func testGoverningPolicy() {
        XCTAssertEqual(GoverningPolicy.resolve(kind: .detainers, local: .judicialWarrantOnly, state: .stateLawLimits)?.source, .local, "stricter county")
        XCTAssertEqual(GoverningPolicy.resolve(kind: .detainers, local: .honorsAll, state: .stateLawLimits)?.source, .state)
        XCTAssertEqual(GoverningPolicy.resolve(kind: .detainers, local: .declinesAll, state: .stateLawRequires)?.position, .stateLawRequires)
        XCTAssertNil(GoverningPolicy.resolve(kind: .iceAccess, local: nil, state: nil))
    }
}
