import AmparoDomain
import Crypto
import Fluent
import Foundation
import SQLKit

/// Appends to and reads the hash-chained audit log.
///
/// Appends are serialized: in-process by an actor (the single SQLite writer), and across app servers
/// on PostgreSQL by a transaction-scoped advisory lock. The unique `seq` column is the last line of
/// defence: two writers can never fork the chain, at worst one retries.
///
/// After each append the head is written to `headFile`, outside the database, so `verify` notices
/// when the newest entries (or all of them) are deleted, which the chain alone cannot show.
public actor AuditStore {
    private let key: SymmetricKey
    private let clock: WallClock
    private let headFile: AuditHeadFile?
    /// The newest sequence this process wrote to the head file: appends that finish out of order
    /// never move it back.
    private var headWritten: Int64 = 0

    public init(key: SymmetricKey, clock: WallClock, headFile: AuditHeadFile?) {
        self.key = key
        self.clock = clock
        self.headFile = headFile
    }

    /// Postgres advisory lock id for audit appends ("AMPA" in ASCII).
    static let advisoryLockID: Int64 = 0x414D_5041

    @discardableResult
    public func append(
        on database: any Database, actor: String, action: String, recordType: String, recordID: String
    ) async throws -> AuditRecord {
        var lastError: (any Error)?
        for attempt in 0..<8 {
            do {
                let record = try await database.transaction { db in
                    if DatabaseKind(db) == .postgres {
                        try await db.sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.advisoryLockID))").run()
                    }
                    let last = try await AuditEntryModel.query(on: db).sort(\.$sequence, .descending).first()
                    let record = AuditChain.makeRecord(
                        key: self.key, after: last.map { ($0.sequence, $0.hash) }, at: self.clock.now(),
                        actor: actor, action: action, recordType: recordType, recordID: recordID)
                    try await AuditEntryModel(record).create(on: db)
                    return record
                }
                recordHead(record)
                return record
            } catch {
                // SQLite reports a concurrent writer as busy; back off briefly and retry.
                lastError = error
                try await Task.sleep(nanoseconds: UInt64(5_000_000 * (attempt + 1)))
            }
        }
        throw lastError!
    }

    /// Written after the commit. A failed write (a full disk) leaves an older head, still a true
    /// lower bound, and does not undo the action being audited.
    private func recordHead(_ record: AuditRecord) {
        guard let headFile, record.sequence > headWritten else { return }
        if (try? headFile.write(sequence: record.sequence, hash: record.hash)) != nil { headWritten = record.sequence }
    }

    public struct Verification: Sendable {
        public let entriesChecked: Int64
        public let problem: AuditChain.Problem?
        /// The head checkpoint's entry, when there was one to compare with.
        public let checkpoint: Int64?
    }

    /// Walks the whole chain in batches (memory stays bounded however long the log grows).
    public func verify(on database: any Database, batchSize: Int = 5_000) async throws -> Verification {
        let chain = try await verifyChain(on: database, batchSize: batchSize)
        var head: AuditHead?
        switch headFile?.read() ?? .missing {
        case .missing: break
        case .notAuthentic: return Verification(entriesChecked: chain.checked, problem: chain.problem ?? .checkpointNotAuthentic, checkpoint: nil)
        case .head(let read): head = read
        }
        guard let head, chain.problem == nil else {
            return Verification(entriesChecked: chain.checked, problem: chain.problem, checkpoint: head?.sequence)
        }
        let atHead = try await AuditEntryModel.query(on: database).filter(\.$sequence == head.sequence).first()
        let problem = head.problem(lastVerified: chain.checked, hashAtHead: atHead?.hash)
        return Verification(entriesChecked: chain.checked, problem: problem, checkpoint: head.sequence)
    }

    private func verifyChain(on database: any Database, batchSize: Int) async throws -> (checked: Int64, problem: AuditChain.Problem?) {
        var last: (sequence: Int64, hash: String)? = nil
        while true {
            let after = last?.sequence ?? 0
            let batch = try await AuditEntryModel.query(on: database)
                .filter(\.$sequence > after)
                .sort(\.$sequence, .ascending)
                .limit(batchSize)
                .all()
                .map(\.record)
            if batch.isEmpty { return (last?.sequence ?? 0, nil) }
            let result = AuditChain.verify(key: key, batch, after: last)
            // The chain is contiguous from 1, so the last good sequence number counts the good entries.
            if let problem = result.problem {
                return (result.last?.sequence ?? 0, problem)
            }
            last = result.last
        }
    }
}
