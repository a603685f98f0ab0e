import Fluent
import Foundation

/// A request to the group's bond fund and, once paid, the payment.
public final class BondRequestModel: Model, @unchecked Sendable {
    public static let schema = "bond_requests"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "amount_cents") public var amountCents: Int
    @Field(key: "status") public var status: String
    @Field(key: "requested_by") public var requestedBy: UUID
    @Field(key: "requested_at") public var requestedAt: Date
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "paid_cents") public var paidCents: Int?
    @OptionalField(key: "paid_at") public var paidAt: Date?
    /// Why, receipt numbers, who posted it: may name the person, so sealed.
    @OptionalField(key: "note_sealed") public var noteSealed: String?

    public init() {}

    public init(caseID: UUID, amountCents: Int, requestedBy: UUID, requestedAt: Date) {
        self.id = UUID()
        self.caseID = caseID
        self.amountCents = amountCents
        self.status = "requested"
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
    }
}

/// Something to do on a case by a date (a hearing in three days, checking the detainee locator).
public final class CaseTaskModel: Model, @unchecked Sendable {
    public static let schema = "case_tasks"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @OptionalField(key: "title_sealed") public var titleSealed: String?
    @Field(key: "due_at") public var dueAt: Date
    @OptionalField(key: "assignee_id") public var assigneeID: UUID?
    @OptionalField(key: "done_at") public var doneAt: Date?
    /// When its reminder went out; at most one per task.
    @OptionalField(key: "reminded_at") public var remindedAt: Date?
    /// The timeline event (a hearing) that created it, if one did.
    @OptionalField(key: "event_id") public var eventID: UUID?
    @Field(key: "created_by") public var createdBy: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(caseID: UUID, dueAt: Date, createdBy: UUID, createdAt: Date) {
        self.id = UUID()
        self.caseID = caseID
        self.dueAt = dueAt
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// A case worker's note, sealed.
public final class CaseNoteModel: Model, @unchecked Sendable {
    public static let schema = "case_notes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @OptionalField(key: "body_sealed") public var bodySealed: String?
    @Field(key: "author_id") public var authorID: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(caseID: UUID, authorID: UUID, createdAt: Date) {
        self.id = UUID()
        self.caseID = caseID
        self.authorID = authorID
        self.createdAt = createdAt
    }
}
