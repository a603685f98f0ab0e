import Crypto
import Foundation

/// The newest audit entry a server knows it wrote, kept outside the database (`amparo.audit-head`,
/// beside the key file) and signed with a key from the key file. The chain alone shows an edited or
/// missing entry between two others; only a record of the head shows that the newest entries, or all
/// of them, were cut away. It is a lower bound: another app server or a CLI command may have appended
/// since, which is fine, but the entry it names must still be there, unchanged.
public struct AuditHead: Sendable, Equatable, Codable {
    public let sequence: Int64
    public let hash: String
    public let signature: String

    public static func signed(sequence: Int64, hash: String, key: SymmetricKey) -> AuditHead {
        AuditHead(sequence: sequence, hash: hash, signature: signature(sequence: sequence, hash: hash, key: key))
    }

    public func isAuthentic(key: SymmetricKey) -> Bool {
        Self.signature(sequence: sequence, hash: hash, key: key) == signature
    }

    private static func signature(sequence: Int64, hash: String, key: SymmetricKey) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Data("audit-head|\(sequence)|\(hash)".utf8), using: key))
    }

    /// What the chain, checked entry by entry and ending at `last`, says against this head: nil when
    /// the head's entry is there, unchanged.
    public func problem(lastVerified last: Int64, hashAtHead: String?) -> AuditChain.Problem? {
        if last < sequence { return .cutTail(lastEntry: last, checkpoint: sequence) }
        if hashAtHead != hash { return .headReplaced(sequence: sequence) }
        return nil
    }
}
