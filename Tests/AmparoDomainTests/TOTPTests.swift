import Foundation
import XCTest

@testable import AmparoDomain

/// RFC 6238 appendix B test vectors, and replay protection.
final class TOTPTests: XCTestCase {
    static let seed20 = Array("12345678901234567890".utf8)
    static let seed32 = Array("12345678901234567890123456789012".utf8)
    static let seed64 = Array("1234567890123456789012345678901234567890123456789012345678901234".utf8)

    static let vectors: [(time: TimeInterval, sha1: String, sha256: String, sha512: String)] = [
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ]

    func testRFC6238Vectors() {
        for vector in Self.vectors {
            let date = Date(timeIntervalSince1970: vector.time)
            XCTAssertEqual(TOTP(secret: Self.seed20, digits: 8, algorithm: .sha1).code(at: date), vector.sha1, "SHA1 at \(vector.time)")
            XCTAssertEqual(TOTP(secret: Self.seed32, digits: 8, algorithm: .sha256).code(at: date), vector.sha256, "SHA256 at \(vector.time)")
            XCTAssertEqual(TOTP(secret: Self.seed64, digits: 8, algorithm: .sha512).code(at: date), vector.sha512, "SHA512 at \(vector.time)")
        }
    }

    func testSixDigitCodesAreTheLastSixOfTheRFCValue() {
        let totp = TOTP(secret: Self.seed20)
        XCTAssertEqual(totp.code(at: Date(timeIntervalSince1970: 59)), "287082")
    }

    func testAcceptsAdjacentStepForClockDriftButNotFurther() {
        let totp = TOTP(secret: Self.seed20)
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = totp.timeStep(at: now)
        XCTAssertEqual(totp.verify(totp.code(forStep: step - 1), at: now, lastUsedStep: nil), step - 1)
        XCTAssertEqual(totp.verify(totp.code(forStep: step + 1), at: now, lastUsedStep: nil), step + 1)
        XCTAssertNil(totp.verify(totp.code(forStep: step - 2), at: now, lastUsedStep: nil))
        XCTAssertNil(totp.verify("12345", at: now, lastUsedStep: nil))
        XCTAssertNil(totp.verify("abcdef", at: now, lastUsedStep: nil))
    }

    func testUsedCodeCannotBeReplayed() {
        let totp = TOTP(secret: Self.seed20)
        let now = Date(timeIntervalSince1970: 1_234_567_890)
        let code = totp.code(at: now)
        let accepted = totp.verify(code, at: now, lastUsedStep: nil)
        XCTAssertNotNil(accepted)
        XCTAssertNil(totp.verify(code, at: now, lastUsedStep: accepted), "the same code twice")
        XCTAssertNil(totp.verify(totp.code(forStep: accepted! - 1), at: now, lastUsedStep: accepted), "an older code")
        XCTAssertNotNil(totp.verify(totp.code(forStep: accepted! + 1), at: now + 30, lastUsedStep: accepted), "the next code")
    }

    func testProvisioningURI() {
        let uri = TOTP(secret: Array("Hello!\u{DE}\u{AD}\u{BE}\u{EF}".utf8)).provisioningURI(issuer: "Amparo", account: "ana@example.org")
        XCTAssertTrue(uri.hasPrefix("otpauth://totp/Amparo:ana%40example.org?secret="))
        XCTAssertTrue(uri.hasSuffix("&issuer=Amparo&algorithm=SHA1&digits=6&period=30"))
    }

    func testBase32RFC4648Vectors() {
        let vectors = ["": "", "f": "MY", "fo": "MZXQ", "foo": "MZXW6", "foob": "MZXW6YQ", "fooba": "MZXW6YTB", "foobar": "MZXW6YTBOI"]
        for (plain, encoded) in vectors {
            XCTAssertEqual(Base32.encode(Array(plain.utf8)), encoded)
            XCTAssertEqual(Base32.decode(encoded.lowercased() + "=="), Array(plain.utf8))
        }
        XCTAssertNil(Base32.decode("MZ1W"), "1 is not in the alphabet")
    }
}
