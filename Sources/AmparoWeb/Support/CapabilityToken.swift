import AmparoDomain
import Crypto
import Foundation

/// A secret link to one record: the record's id and a MAC of it under a server key, so the database
/// holds nothing that opens it. Each purpose has its own label, so a token for one use opens no other.
enum CapabilityToken {
    static func make(_ purpose: String, id: UUID, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(purpose):\(id.uuidString)".utf8), using: key)
        return "\(id.uuidString.lowercased()).\(Base64URL.encode(Array(mac)))"
    }

    /// The record's id if the token is one we made for this purpose.
    static func verify(_ purpose: String, token: String, key: SymmetricKey) -> UUID? {
        let parts = token.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let id = UUID(uuidString: String(parts[0])) else { return nil }
        return constantTimeEquals(Array(token.utf8), Array(make(purpose, id: id, key: key).utf8)) ? id : nil
    }
}
