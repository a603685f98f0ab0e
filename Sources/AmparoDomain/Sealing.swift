import Crypto
import Foundation

/// A short name for one data key, written into every sealed value so that keys can be rotated.
public struct KeyID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

public enum SealingError: Error, Equatable, CustomStringConvertible {
    case malformed
    case unknownKey(KeyID)
    case authenticationFailed

    public var description: String {
        switch self {
        case .malformed: "sealed value is malformed"
        case .unknownKey(let id): "sealed value names key \(id), which is not in the key file"
        case .authenticationFailed: "sealed value failed authentication (tampered, or opened with the wrong context)"
        }
    }
}

/// The keys that protect personal data: AES-256-GCM data keys (one current, older ones kept to open old
/// values) and a separate HMAC key for blind indexes.
public struct KeyRing: Sendable {
    public private(set) var dataKeys: [KeyID: SymmetricKey]
    public private(set) var currentKeyID: KeyID
    public let indexKey: SymmetricKey

    public init(dataKeys: [KeyID: SymmetricKey], currentKeyID: KeyID, indexKey: SymmetricKey) {
        precondition(dataKeys[currentKeyID] != nil, "current key must be in the ring")
        self.dataKeys = dataKeys
        self.currentKeyID = currentKeyID
        self.indexKey = indexKey
    }

    public static func generate(random: RandomSource, keyID: KeyID = KeyID("k1")) -> KeyRing {
        KeyRing(
            dataKeys: [keyID: SymmetricKey(data: random.bytes(32))],
            currentKeyID: keyID,
            indexKey: SymmetricKey(data: random.bytes(32))
        )
    }

    /// Adds a fresh data key and makes it current; old keys stay to open values not yet re-sealed.
    public mutating func rotate(random: RandomSource) -> KeyID {
        var n = dataKeys.count + 1
        while dataKeys[KeyID("k\(n)")] != nil { n += 1 }
        let id = KeyID("k\(n)")
        dataKeys[id] = SymmetricKey(data: random.bytes(32))
        currentKeyID = id
        return id
    }

    /// A key for a purpose other than sealing (CSRF tokens, ...), derived so that it never equals a data key.
    public func derivedKey(purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: indexKey, info: Data("amparo:\(purpose)".utf8), outputByteCount: 32)
    }
}

/// Seals and opens field values. A sealed value reads `amp1:<key id>:<base64 nonce|ciphertext|tag>`.
/// The context (table, column, row id) is bound as associated data, so a value copied into another
/// row or column fails to open.
public struct FieldSealer: Sendable {
    public static let prefix = "amp1"
    public let keys: KeyRing
    private let random: RandomSource

    public init(keys: KeyRing, random: RandomSource = SystemRandom()) {
        self.keys = keys
        self.random = random
    }

    public func seal(_ plaintext: String, context: SealContext) throws -> String {
        try seal(bytes: Data(plaintext.utf8), context: context)
    }

    /// Binary values (a photo) sealed the same way as text.
    public func seal(bytes: Data, context: SealContext) throws -> String {
        let keyID = keys.currentKeyID
        let nonce = try AES.GCM.Nonce(data: random.bytes(12))
        let box = try AES.GCM.seal(bytes, using: keys.dataKeys[keyID]!, nonce: nonce, authenticating: context.associatedData)
        return "\(Self.prefix):\(keyID):\(box.combined!.base64EncodedString())"
    }

    public func open(_ sealed: String, context: SealContext) throws -> String {
        guard let text = String(data: try openBytes(sealed, context: context), encoding: .utf8) else { throw SealingError.malformed }
        return text
    }

    public func openBytes(_ sealed: String, context: SealContext) throws -> Data {
        let parts = sealed.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == Self.prefix, let combined = Data(base64Encoded: String(parts[2])),
              combined.count >= 28
        else { throw SealingError.malformed }
        let keyID = KeyID(String(parts[1]))
        guard let key = keys.dataKeys[keyID] else { throw SealingError.unknownKey(keyID) }
        do {
            return try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key, authenticating: context.associatedData)
        } catch {
            throw SealingError.authenticationFailed
        }
    }

    public static func keyID(of sealed: String) -> KeyID? {
        let parts = sealed.split(separator: ":", maxSplits: 2)
        guard parts.count == 3, parts[0] == prefix else { return nil }
        return KeyID(String(parts[1]))
    }

    /// Whether a value was sealed with an older key and should be re-sealed.
    public func needsResealing(_ sealed: String) -> Bool {
        Self.keyID(of: sealed) != keys.currentKeyID
    }

    /// A keyed HMAC of the normalized value, for exact-match lookups without decrypting. Never a plain
    /// hash: without the index key, a stolen database cannot be searched for a known phone number.
    public func blindIndex(_ value: String, kind: BlindIndexKind) -> String {
        let normalized = kind.normalize(value)
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(kind.rawValue):\(normalized)".utf8), using: keys.indexKey)
        return Base64URL.encode(Array(mac))
    }
}

/// Where a sealed value lives; bound into the ciphertext.
public struct SealContext: Sendable, Hashable {
    public let table: String
    public let column: String
    public let rowID: String

    public init(table: String, column: String, rowID: String) {
        self.table = table
        self.column = column
        self.rowID = rowID
    }

    var associatedData: Data { Data("\(table).\(column).\(rowID)".utf8) }
}

public enum BlindIndexKind: String, Sendable {
    case email
    case phone

    /// People type the same email or phone in many ways; index one canonical form.
    public func normalize(_ value: String) -> String {
        switch self {
        case .email:
            return value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        case .phone:
            var digits = value.filter(\.isNumber)
            if digits.count == 10 { digits = "1" + digits }  // North American numbers without country code
            return digits
        }
    }
}
