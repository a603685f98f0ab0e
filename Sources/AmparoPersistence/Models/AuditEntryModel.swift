import AmparoDomain
import Fluent
import Foundation

/// One entry of the hash-chained audit log. Append-only: nothing in Amparo updates or deletes these rows.
public final class AuditEntryModel: Model, @unchecked Sendable {
    public static let schema = "audit_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "seq") public var sequence: Int64
    @Field(key: "at") public var at: Date
    @Field(key: "actor") public var actor: String
    @Field(key: "action") public var action: String
    @Field(key: "record_type") public var recordType: String
    @Field(key: "record_id") public var recordID: String
    @Field(key: "prev_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    public init() {}

    public init(_ record: AuditRecord) {
        self.id = UUID()
        self.sequence = record.sequence
        self.at = record.at
        self.actor = record.actor
        self.action = record.action
        self.recordType = record.recordType
        self.recordID = record.recordID
        self.previousHash = record.previousHash
        self.hash = record.hash
    }

    public var record: AuditRecord {
        AuditRecord(
            sequence: sequence, at: at, actor: actor, action: action, recordType: recordType, recordID: recordID,
            previousHash: previousHash, hash: hash)
    }
}
