import Foundation
import XCTest

@testable import AmparoDomain

/// Real files (Tests/Fixtures) with the metadata a phone writes.
final class PhotoCleanerTests: XCTestCase {
    static let jpegWithGPS = PhotoFixtures.jpegWithGPS
    static let pngWithText = PhotoFixtures.pngWithText

    func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        return haystack.count >= n.count && (0...(haystack.count - n.count)).contains { Array(haystack[$0..<($0 + n.count)]) == n }
    }

    func testAJPEGLosesEXIFAndCommentsAndKeepsItsImage() throws {
        for secret in ["Exif", "SecretPhone", "5th and Alder"] { XCTAssertTrue(contains(Self.jpegWithGPS, secret)) }
        guard case .success(let (kind, cleaned)) = PhotoCleaner.clean(Self.jpegWithGPS) else { return XCTFail("refused") }
        XCTAssertEqual(kind, .jpeg)
        for secret in ["Exif", "SecretPhone", "PhoneMaker", "5th and Alder"] { XCTAssertFalse(contains(cleaned, secret), secret) }
        XCTAssertTrue(contains(cleaned, "JFIF"), "APP0 stays")
        XCTAssertEqual(Array(cleaned.prefix(2)), [0xFF, 0xD8])
        XCTAssertEqual(Array(cleaned.suffix(2)), [0xFF, 0xD9])
        // Every byte from the quantisation tables on is the original's: the pixels are untouched.
        let tables = Self.jpegWithGPS.firstIndex(of: 0xDB)! - 1
        XCTAssertEqual(Array(cleaned.suffix(Self.jpegWithGPS.count - tables)), Array(Self.jpegWithGPS[tables...]))
        guard case .success(let (_, again)) = PhotoCleaner.clean(cleaned) else { return XCTFail("a cleaned photo is still a photo") }
        XCTAssertEqual(again, cleaned)
    }

    func testAPNGLosesTextAndEXIFChunks() throws {
        guard case .success(let (kind, cleaned)) = PhotoCleaner.clean(Self.pngWithText) else { return XCTFail("refused") }
        XCTAssertEqual(kind, .png)
        for secret in ["tEXt", "iTXt", "eXIf", "Alder", "Rosa", "SecretPhone"] { XCTAssertFalse(contains(cleaned, secret), secret) }
        for kept in ["IHDR", "IDAT", "IEND"] { XCTAssertTrue(contains(cleaned, kept), kept) }
    }

    func testAnythingElseIsRefused() {
        XCTAssertEqual(failure(Array("GIF89a....".utf8)), .notAPhoto)
        XCTAssertEqual(failure(Array("<svg onload=alert(1)>".utf8)), .notAPhoto)
        XCTAssertEqual(failure(Array(Self.jpegWithGPS.prefix(400))), .malformed, "cut short")
        XCTAssertEqual(failure(Array(Self.pngWithText.prefix(60))), .malformed)
        XCTAssertEqual(failure([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF]), .malformed, "a length past the end")
        XCTAssertEqual(failure([UInt8](repeating: 0, count: PhotoCleaner.maxBytes + 1)), .tooLarge)
    }

    private func failure(_ bytes: [UInt8]) -> PhotoCleaner.Problem? {
        if case .failure(let problem) = PhotoCleaner.clean(bytes) { return problem }
        return nil
    }
}
