import AmparoDomain
import AmparoPersistence
import Fluent
import XCTVapor

@testable import AmparoWeb

/// Photos added from the report's thank-you page: cleaned of EXIF and the like, sealed, all or
/// nothing, for two hours, and shown to dispatchers.
final class ReportPhotoTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    static let jpeg = PhotoFixtures.jpegWithGPS
    static let png = PhotoFixtures.pngWithText

    /// A report filed through the page; answers its id and the photo form's action.
    func file() async throws -> (ReportModel, String, Browser) {
        let reporter = harness.browser()
        try await reporter.get("/report")
        let thanks = try await reporter.post("/report", ["what": "Agents with a van", "place": "Alder and 5th"]).body.string
        let code = try XCTUnwrap(Browser.firstMatch(#"id="reference">([2-9A-Z-]{9})<"#, in: thanks))
        let action = try XCTUnwrap(Browser.firstMatch(#"action="(/report/photos/[^"]+)" enctype="multipart/form-data""#, in: thanks))
        let report = try await ReportModel.query(on: harness.app.db).filter(\.$reference == code).first()!
        return (report, action, reporter)
    }

    func upload(_ browser: Browser, _ action: String, _ files: [(String, String, [UInt8])]) async throws -> BrowserResponse {
        let boundary = "----amparo\(UUID().uuidString.prefix(8))"
        var body = ByteBuffer()
        for (name, type, bytes) in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"photos[]\"; filename=\"\(name)\"\r\nContent-Type: \(type)\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await browser.send(.POST, action, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        return haystack.count >= n.count && (0...(haystack.count - n.count)).contains { Array(haystack[$0..<($0 + n.count)]) == n }
    }

    func testPhotosArriveWithoutTheirMetadataAndDispatchersSeeThem() async throws {
        let (report, action, reporter) = try await file()
        let added = try await upload(reporter, action, [("IMG_0001.jpg", "image/jpeg", Self.jpeg), ("screen.png", "image/png", Self.png)])
        XCTAssertEqual(added.status, .ok)
        XCTAssertTrue(added.body.string.contains("2 photos added to your report"))
        let photos = try await ReportPhotoModel.query(on: harness.app.db).filter(\.$reportID == report.id!).sort(\.$createdAt).all()
        XCTAssertEqual(photos.map(\.contentType).sorted(), ["image/jpeg", "image/png"])

        let dispatcher = try await harness.signedIn(try await harness.member(.dispatcher))
        let page = try await dispatcher.get("/hotline/reports/\(report.id!.uuidString)").body.string
        let src = try XCTUnwrap(Browser.firstMatch(#"<img src="(/hotline/reports/[^"]+)" alt="Photo 1""#, in: page))
        let served = try await dispatcher.get(src)
        XCTAssertEqual(served.status, .ok)
        XCTAssertEqual(served.headers.first(name: .cacheControl), "no-store")
        let bytes = Array(served.body.readableBytesView)
        XCTAssertTrue(bytes.starts(with: [0xFF, 0xD8]) || bytes.starts(with: PhotoCleaner.pngSignature))
        for secret in ["Exif", "SecretPhone", "Alder", "tEXt", "eXIf"] { XCTAssertFalse(contains(bytes, secret), secret) }
        let anonymous = try await harness.browser().get(src)
        XCTAssertNotEqual(anonymous.status, .ok, "photos are for dispatchers only")
        let dump = try await harness.dumpDatabaseText()
        XCTAssertFalse(dump.contains("SecretPhone"), "stored sealed")
    }

    func testAnUploadIsAllOrNothingAndTheLinkIsNarrow() async throws {
        let (report, action, reporter) = try await file()
        let mixed = try await upload(reporter, action, [("ok.jpg", "image/jpeg", Self.jpeg), ("evil.svg", "image/svg+xml", Array("<svg onload=alert(1)>".utf8))])
        XCTAssertEqual(mixed.status, .unprocessableEntity)
        XCTAssertTrue(mixed.body.string.contains("Only JPEG and PNG photos can be sent."))
        let none = try await upload(reporter, action, [])
        XCTAssertEqual(none.status, .unprocessableEntity)
        let five = try await upload(reporter, action, Array(repeating: ("a.jpg", "image/jpeg", Self.jpeg), count: 5))
        XCTAssertEqual(five.status, .unprocessableEntity)
        XCTAssertTrue(five.body.string.contains("at most 4 photos"))
        let huge = try await upload(reporter, action, [("big.jpg", "image/jpeg", Array(repeating: 0xFF, count: ReportPhotoRoutes.maxBody + 1))])
        XCTAssertEqual(huge.status, .unprocessableEntity)
        XCTAssertTrue(huge.body.string.contains("more than 42 MB together"), "the thank-you page says what to do")
        XCTAssertTrue(huge.body.string.contains(action), "and keeps the upload form")
        var count = try await ReportPhotoModel.query(on: harness.app.db).count()
        XCTAssertEqual(count, 0)

        let forged = String(action.dropLast(4)) + "AAAA"
        let tampered = try await upload(reporter, forged, [("ok.jpg", "image/jpeg", Self.jpeg)])
        XCTAssertEqual(tampered.status, .notFound)
        let otherReport = "/report/photos/" + ReportPhotoRoutes.token(for: UUID(), key: harness.services.linkKey)
        let unknown = try await upload(reporter, otherReport, [("ok.jpg", "image/jpeg", Self.jpeg)])
        XCTAssertEqual(unknown.status, .notFound)
        harness.clock.advance(by: 2 * 3600 + 1)
        let late = try await upload(reporter, action, [("ok.jpg", "image/jpeg", Self.jpeg)])
        XCTAssertEqual(late.status, .gone)
        count = try await ReportPhotoModel.query(on: harness.app.db).filter(\.$reportID == report.id!).count()
        XCTAssertEqual(count, 0)
    }
}
