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
public actor AuditStore {
    private let key: SymmetricKey
    private let clock: Clock

    public init(key: SymmetricKey, clock: Clock) {
        self.key = key
        self.clock = clock
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
                return try await database.transaction { db in
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
            } catch {
                // SQLite reports a concurrent writer as busy; back off briefly and retry.
                lastError = error
                try await Task.sleep(nanoseconds: UInt64(5_000_000 * (attempt + 1)))
            }
        }
        throw lastError!
    }

    public struct Verification: Sendable {
        public let entriesChecked: Int64
        public let problem: AuditChain.Problem?
    }

    /// Walks the whole chain in batches (memory stays bounded however long the log grows).
    public func verify(on database: any Database, batchSize: Int = 5_000) async throws -> Verification {
        var last: (sequence: Int64, hash: String)? = nil
        while true {
            let after = last?.sequence ?? 0
            let batch = try await AuditEntryModel.query(on: database)
                .filter(\.$sequence > after)
                .sort(\.$sequence, .ascending)
                .limit(batchSize)
                .all()
                .map(\.record)
            if batch.isEmpty { return Verification(entriesChecked: last?.sequence ?? 0, problem: nil) }
            let result = AuditChain.verify(key: key, batch, after: last)
            // The chain is contiguous from 1, so the last good sequence number counts the good entries.
            if let problem = result.problem {
                return Verification(entriesChecked: result.last?.sequence ?? 0, problem: problem)
            }
            last = result.last
        }
    }
}
