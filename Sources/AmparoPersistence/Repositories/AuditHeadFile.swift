import AmparoDomain
import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where a server keeps its audit head checkpoint: a small JSON file beside the key file, replaced
/// whole (write to a temporary file, then rename) so a reader never sees half of one.
public struct AuditHeadFile: Sendable {
    public let url: URL
    let key: SymmetricKey

    public init(url: URL, key: SymmetricKey) {
        self.url = url
        self.key = key
    }

    public enum Reading: Sendable, Equatable {
        case missing
        case head(AuditHead)
        /// Unreadable, edited, or signed under another key file.
        case notAuthentic
    }

    public func read() -> Reading {
        guard let data = FileManager.default.contents(atPath: url.path) else { return .missing }
        guard let head = try? JSONDecoder().decode(AuditHead.self, from: data), head.isAuthentic(key: key) else {
            return .notAuthentic
        }
        return .head(head)
    }

    public func write(sequence: Int64, hash: String) throws {
        let data = try JSONEncoder().encode(AuditHead.signed(sequence: sequence, hash: hash, key: key))
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
