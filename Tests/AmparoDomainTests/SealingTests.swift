import Crypto
import Foundation
import XCTest

@testable import AmparoDomain

final class SealingTests: XCTestCase {
    let random = SeededRandom(seed: 42)
    lazy var ring = KeyRing.generate(random: random)
    lazy var sealer = FieldSealer(keys: ring, random: random)
    let context = SealContext(table: "people", column: "name_sealed", rowID: "row-1")

    func testRoundTripAndNoPlaintext() throws {
        let sealed = try sealer.seal("María José Contreras", context: context)
        XCTAssertTrue(sealed.hasPrefix("amp1:k1:"))
        XCTAssertFalse(sealed.contains("Contreras"))
        XCTAssertEqual(try sealer.open(sealed, context: context), "María José Contreras")
        XCTAssertNotEqual(try sealer.seal("same", context: context), try sealer.seal("same", context: context), "fresh nonce each time")
    }

    func testTamperedCiphertextFailsToOpen() throws {
        let sealed = try sealer.seal("+1 503 555 0142", context: context)
        var bytes = Array(Data(base64Encoded: String(sealed.split(separator: ":")[2]))!)
        bytes[14] ^= 0x01
        let tampered = "amp1:k1:" + Data(bytes).base64EncodedString()
        XCTAssertThrowsError(try sealer.open(tampered, context: context)) {
            XCTAssertEqual($0 as? SealingError, .authenticationFailed)
        }
        XCTAssertThrowsError(try sealer.open("amp1:k1:AAAA", context: context)) { XCTAssertEqual($0 as? SealingError, .malformed) }
        XCTAssertThrowsError(try sealer.open("plaintext", context: context)) { XCTAssertEqual($0 as? SealingError, .malformed) }
    }

    func testValueMovedToAnotherRowFailsToOpen() throws {
        let sealed = try sealer.seal("A-123-456-789", context: context)
        let other = SealContext(table: "people", column: "name_sealed", rowID: "row-2")
        XCTAssertThrowsError(try sealer.open(sealed, context: other))
    }

    func testRotationKeepsOldValuesReadableAndMarksThemForResealing() throws {
        let old = try sealer.seal("notes", context: context)
        var rotated = ring
        let newID = rotated.rotate(random: random)
        XCTAssertEqual(newID, KeyID("k2"))
        let newSealer = FieldSealer(keys: rotated, random: random)
        XCTAssertEqual(try newSealer.open(old, context: context), "notes")
        XCTAssertTrue(newSealer.needsResealing(old))
        let resealed = try newSealer.seal("notes", context: context)
        XCTAssertTrue(resealed.hasPrefix("amp1:k2:"))
        XCTAssertFalse(newSealer.needsResealing(resealed))
        XCTAssertThrowsError(try sealer.open(resealed, context: context)) {
            XCTAssertEqual($0 as? SealingError, .unknownKey(KeyID("k2")))
        }
    }

    func testBlindIndexIsKeyedAndNormalized() {
        let a = sealer.blindIndex("(503) 555-0142", kind: .phone)
        XCTAssertEqual(a, sealer.blindIndex("+1 503 555 0142", kind: .phone))
        XCTAssertEqual(sealer.blindIndex(" Ana@Example.org ", kind: .email), sealer.blindIndex("ana@example.org", kind: .email))
        let otherKeys = FieldSealer(keys: KeyRing.generate(random: SeededRandom(seed: 7)))
        XCTAssertNotEqual(a, otherKeys.blindIndex("(503) 555-0142", kind: .phone), "without the key the index cannot be recomputed")
        let plainHash = SHA256.hash(data: Data("15035550142".utf8)).map { String(format: "%02x", $0) }.joined()
        XCTAssertNotEqual(a, plainHash)
    }

    func testKeyFileIsCreatedPrivateAndRefusedWhenOpen() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("amparo.keys")
        let ring = try KeyFile.loadOrCreate(at: url, random: random, clock: SystemClock())
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let again = try KeyFile.loadOrCreate(at: url, random: random, clock: SystemClock())
        XCTAssertEqual(again.currentKeyID, ring.currentKeyID)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        XCTAssertThrowsError(try KeyFile.load(at: url))
    }
}
