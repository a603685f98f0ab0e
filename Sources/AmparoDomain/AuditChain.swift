import Crypto
import Foundation

/// One line of the append-only audit log: who did what to which record, when. Never the personal data.
public struct AuditRecord: Sendable, Equatable {
    public var sequence: Int64
    public var at: Date
    public var actor: String  // a user id, "system", or "anonymous"
    public var action: String  // e.g. "login.success", "user.read"
    public var recordType: String
    public var recordID: String
    public var previousHash: String
    public var hash: String

    public init(
        sequence: Int64, at: Date, actor: String, action: String, recordType: String, recordID: String,
        previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// Links each audit entry to the one before with HMAC-SHA256, so that an edited, inserted or deleted entry
/// breaks the chain that `audit verify` walks. The MAC key comes from the key file, not the database:
/// someone who can write the database cannot recompute a valid chain after editing it.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)

    public static func hash(
        key: SymmetricKey, previousHash: String, sequence: Int64, at: Date, actor: String, action: String,
        recordType: String, recordID: String
    ) -> String {
        // Milliseconds: both databases keep them exactly.
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        let fields = [previousHash, String(sequence), String(millis), actor, action, recordType, recordID]
        // Length-prefixed fields: no two different entries can serialize to the same bytes.
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(canonical.utf8), using: key))
    }

    public static func makeRecord(
        key: SymmetricKey, after previous: (sequence: Int64, hash: String)?, at: Date, actor: String, action: String,
        recordType: String, recordID: String
    ) -> AuditRecord {
        let sequence = (previous?.sequence ?? 0) + 1
        let previousHash = previous?.hash ?? genesis
        let at = Date(timeIntervalSince1970: (at.timeIntervalSince1970 * 1000).rounded() / 1000)
        return AuditRecord(
            sequence: sequence, at: at, actor: actor, action: action, recordType: recordType, recordID: recordID,
            previousHash: previousHash,
            hash: hash(
                key: key, previousHash: previousHash, sequence: sequence, at: at, actor: actor, action: action,
                recordType: recordType, recordID: recordID))
    }

    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        case gap(expected: Int64, found: Int64)
        case brokenLink(sequence: Int64)
        case alteredEntry(sequence: Int64)
        /// The log ends before the entry the head checkpoint names (an emptied table ends at 0).
        case cutTail(lastEntry: Int64, checkpoint: Int64)
        /// The entry the checkpoint names is not the one that was written.
        case headReplaced(sequence: Int64)
        /// The checkpoint file itself was edited, or signed with another key file.
        case checkpointNotAuthentic

        public var description: String {
            switch self {
            case .cutTail(let last, let checkpoint) where last == 0:
                "the log is empty, but entry \(checkpoint) was written (the newest entries were deleted)"
            case .cutTail(let last, let checkpoint):
                "the log ends at entry \(last), but entry \(checkpoint) was written (the newest entries were deleted)"
            case .headReplaced(let seq): "entry \(seq) is not the entry that was written there"
            case .checkpointNotAuthentic: "the head checkpoint (amparo.audit-head) does not carry this key file's signature"
            case .gap(let expected, let found): "entry \(expected) is missing (next entry is \(found))"
            case .brokenLink(let seq): "entry \(seq) does not point at the entry before it"
            case .alteredEntry(let seq): "entry \(seq) was altered after it was written"
            }
        }
    }

    /// Verifies a run of entries in sequence order. `previous` is the last verified entry before them.
    /// Returns the first problem, or nil, and the last entry seen (to continue in batches).
    public static func verify(
        key: SymmetricKey, _ entries: [AuditRecord], after previous: (sequence: Int64, hash: String)?
    ) -> (problem: Problem?, last: (sequence: Int64, hash: String)?) {
        var last = previous
        for entry in entries {
            let expected = (last?.sequence ?? 0) + 1
            if entry.sequence != expected { return (.gap(expected: expected, found: entry.sequence), last) }
            if entry.previousHash != (last?.hash ?? genesis) { return (.brokenLink(sequence: entry.sequence), last) }
            let recomputed = hash(
                key: key, previousHash: entry.previousHash, sequence: entry.sequence, at: entry.at, actor: entry.actor,
                action: entry.action, recordType: entry.recordType, recordID: entry.recordID)
            if recomputed != entry.hash { return (.alteredEntry(sequence: entry.sequence), last) }
            last = (entry.sequence, entry.hash)
        }
        return (nil, last)
    }
}
